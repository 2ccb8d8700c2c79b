"""Documents a case produces (receipts, letters, permits), their templates, numbering, signatures."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    RECEIPT = "receipt", _("Tanda terima")
    REPLY_LETTER = "reply_letter", _("Surat jawaban")
    COVER_LETTER = "cover_letter", _("Surat pengantar izin keramaian")


class TemplateStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    PUBLISHED = "published", _("Berlaku")
    RETIRED = "retired", _("Tidak berlaku")


class DocumentStatus(models.TextChoices):
    RENDERED = "rendered", _("Dibuat")
    SIGNING = "signing", _("Sedang ditandatangani")
    SIGNED = "signed", _("Ditandatangani")
    FAILED = "failed", _("Gagal ditandatangani")
    REVOKED = "revoked", _("Dicabut")


class SignerKind(models.TextChoices):
    PKCS12 = "pkcs12", _("Sertifikat lokal (PKCS#12)")
    PKCS11 = "pkcs11", _("Token (PKCS#11)")
    REMOTE = "remote", _("Layanan tanda tangan jarak jauh (BSrE)")


class Letterhead(models.Model):
    """The kop surat of an agency beyond what Agency already holds (name, address, website, contact
    channels): the government line above the name and the logo."""

    agency = models.OneToOneField("standards.Agency", on_delete=models.CASCADE, related_name="letterhead")
    government = models.CharField(_("pemerintah"), max_length=200, blank=True)
    logo = models.FileField(_("logo"), upload_to="letterheads/", blank=True)
    place = models.CharField(_("tempat surat"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("kop surat")
        verbose_name_plural = _("kop surat")

    def __str__(self) -> str:
        return str(self.agency)


class NumberingScheme(models.Model):
    """How one agency numbers one kind of document: ``{classification}/{seq}/{unit}/{year}``."""

    agency = models.ForeignKey("standards.Agency", on_delete=models.CASCADE, related_name="numbering_schemes")
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    classification = models.CharField(_("kode klasifikasi"), max_length=20)
    unit_code = models.CharField(_("kode unit"), max_length=40)
    pattern = models.CharField(max_length=100, default="{classification}/{seq}/{unit}/{year}")
    # Retention in the archive (jadwal retensi arsip), in years from the document's date.
    retention_years = models.PositiveSmallIntegerField(_("masa retensi (tahun)"), default=5)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind"], name="numbering_scheme_one_per_kind"),
            models.CheckConstraint(condition=Q(kind__in=DocumentKind.values), name="numbering_kind_known"),
        ]

    def __str__(self) -> str:
        return f"{self.agency} · {self.kind}"


class NumberCounter(models.Model):
    """The last number given under a scheme in one year; locked with select_for_update to allocate."""

    scheme = models.ForeignKey(NumberingScheme, on_delete=models.CASCADE, related_name="counters")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scheme", "year"], name="number_counter_one_per_year")]

    def __str__(self) -> str:
        return f"{self.scheme} {self.year}: {self.last}"


class DocumentTemplate(models.Model):
    """The text of one kind of document for one agency, versioned like a standard: a published
    version never changes; editing makes a new draft, publishing it retires the old one."""

    agency = models.ForeignKey(
        "standards.Agency", on_delete=models.CASCADE, related_name="document_templates"
    )
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    version = models.PositiveIntegerField()
    status = models.CharField(max_length=12, choices=TemplateStatus.choices, default=TemplateStatus.DRAFT)
    title = models.CharField(_("judul"), max_length=200)
    body = models.TextField(_("isi"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["agency", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "version"], name="document_template_version_unique"
            ),
            models.UniqueConstraint(
                fields=["agency", "kind"],
                condition=Q(status=TemplateStatus.PUBLISHED),
                name="document_template_one_published",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=DocumentKind.values), name="document_template_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(status__in=TemplateStatus.values), name="document_template_status_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} · {self.kind} v{self.version}"


class SigningIdentity(models.Model):
    """How one official signs: a local PKCS#12 file (under PELAYAN_SIGNING_DIR, never in the
    database), a PKCS#11 token slot, or a remote signing service account (NIK)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signing_identities"
    )
    kind = models.CharField(max_length=10, choices=SignerKind.choices)
    name = models.CharField(_("nama penandatangan"), max_length=200)
    title = models.CharField(_("jabatan"), max_length=200)
    nip = models.CharField(_("NIP"), max_length=30, blank=True)
    nik = models.CharField(_("NIK"), max_length=16, blank=True)
    # PKCS#12: a path relative to PELAYAN_SIGNING_DIR; PKCS#11: module path and token label.
    locator = models.CharField(max_length=300, blank=True)
    needs_passphrase = models.BooleanField(default=True)
    certificate_pem = models.TextField(blank=True)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=SignerKind.values), name="signing_identity_kind_known"
            ),
            models.UniqueConstraint(
                fields=["user"], condition=Q(is_active=True), name="signing_identity_one_active_per_user"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.kind})"


def document_file_path(instance: Document, filename: str) -> str:
    return f"documents/{instance.year}/{instance.agency_id}/{instance.public_code}/{filename}"


class Document(models.Model):
    """One issued document: its number, the template version it was made from, the file as
    rendered and as signed, and the SHA-256 of the file that counts (signed when signed)."""

    agency = models.ForeignKey("standards.Agency", on_delete=models.PROTECT, related_name="documents")
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    step = models.CharField(max_length=64, blank=True)
    product = models.CharField(max_length=100, blank=True)
    template = models.ForeignKey(DocumentTemplate, on_delete=models.PROTECT, related_name="documents")
    status = models.CharField(max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.RENDERED)
    number = models.CharField(_("nomor"), max_length=100)
    year = models.PositiveSmallIntegerField()
    seq = models.PositiveIntegerField()
    public_code = models.CharField(max_length=32, unique=True)
    issued_on = models.DateField(_("tanggal"))
    context = models.JSONField(default=dict, blank=True)
    # The file as rendered, and the file that counts (the signed one once signed).
    rendered_file = models.FileField(upload_to=document_file_path, max_length=300)
    file = models.FileField(upload_to=document_file_path, max_length=300)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField(default=0)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signer_name = models.CharField(max_length=200, blank=True)
    signer_title = models.CharField(max_length=200, blank=True)
    signer_kind = models.CharField(max_length=10, choices=SignerKind.choices, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    # When the signing attempt in progress began (status ``signing``); an attempt older than
    # PELAYAN_SIGNING_TIMEOUT_SECONDS was cut off and may be retried.
    signing_started_at = models.DateTimeField(null=True, blank=True)
    failure_reason = models.TextField(blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.TextField(blank=True)
    replaces = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaced_by"
    )
    archived_at = models.DateTimeField(null=True, blank=True)
    retain_until = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=DocumentKind.values), name="document_kind_known"),
            models.CheckConstraint(
                condition=Q(status__in=DocumentStatus.values), name="document_status_known"
            ),
            models.UniqueConstraint(fields=["agency", "number"], name="document_number_unique_per_agency"),
            models.CheckConstraint(
                condition=~Q(status=DocumentStatus.SIGNED) | Q(signed_at__isnull=False),
                name="document_signed_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status=DocumentStatus.REVOKED) | Q(revoked_at__isnull=False),
                name="document_revoked_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status=DocumentStatus.SIGNING) | Q(signing_started_at__isnull=False),
                name="document_signing_has_start",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    def signing_cut_off(self, now: datetime.datetime | None = None) -> bool:
        """A ``signing`` attempt older than PELAYAN_SIGNING_TIMEOUT_SECONDS never finished (the
        process stopped, the signing service never answered): it counts as failed, and may be retried."""
        if self.status != DocumentStatus.SIGNING or self.signing_started_at is None:
            return False
        limit = datetime.timedelta(seconds=settings.PELAYAN_SIGNING_TIMEOUT_SECONDS)
        return self.signing_started_at < (now or timezone.now()) - limit

    @property
    def current_status(self) -> str:
        return DocumentStatus.FAILED if self.signing_cut_off() else self.status

    @property
    def current_status_label(self) -> str:
        return str(DocumentStatus(self.current_status).label)

    @property
    def current_failure_reason(self) -> str:
        if self.signing_cut_off():
            return str(_("Penandatanganan terhenti sebelum selesai. Silakan tanda tangani lagi."))
        return self.failure_reason


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu diantar")
    DELIVERED = "delivered", _("Sudah diantar")


class Delivery(models.Model):
    """Bringing a (replacement) document to the applicant's address: the service guarantee's
    "ganti produk" makes one for the corrected document."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="deliveries")
    case = models.ForeignKey("cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    address = models.CharField(_("alamat antar"), max_length=500)
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField()
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=DeliveryStatus.values), name="delivery_status_known"
            ),
            models.CheckConstraint(condition=~Q(address=""), name="delivery_has_address"),
        ]

    def __str__(self) -> str:
        return f"{self.document} → {self.address}"
