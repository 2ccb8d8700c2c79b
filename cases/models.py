from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pelayan.lib import tracking
from pelayan.lib.process import CompiledStep, Process
from pelayan.lib.standard_schema import ChannelKind


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Dalam proses")
    COMPLETED = "completed", _("Selesai")
    REJECTED = "rejected", _("Ditolak")
    WITHDRAWN = "withdrawn", _("Ditarik")


class Channel(models.TextChoices):
    # Values from the schema's ChannelKind: one source of values, labels here.
    IN_PERSON = ChannelKind.IN_PERSON.value, _("Datang langsung")
    COMPLAINT_BOX = ChannelKind.COMPLAINT_BOX.value, _("Kotak pengaduan")
    LETTER = ChannelKind.LETTER.value, _("Surat")
    EMAIL = ChannelKind.EMAIL.value, _("E-mail")
    PHONE = ChannelKind.PHONE.value, _("Telepon")
    WHATSAPP = ChannelKind.WHATSAPP.value, _("WhatsApp")
    SMS = ChannelKind.SMS.value, _("SMS")
    FAX = ChannelKind.FAX.value, _("Faks")
    WEBSITE = ChannelKind.WEBSITE.value, _("Daring (situs web)")
    LAPOR = ChannelKind.LAPOR.value, _("SP4N-LAPOR!")
    SOCIAL_MEDIA = ChannelKind.SOCIAL_MEDIA.value, _("Media sosial")


class Case(models.Model):
    """A permohonan: one run of a published standard's procedure.

    It binds to the standard version and the process definition it started under and keeps them
    for life. The case sits at one step at a time; that step is its open task, for the step's
    role (``current_role``, the StaffRole bound at publication), limited to ``unit`` when the
    case belongs to one (a kelurahan, a bagian), or to ``assignee`` once an officer is named.
    ``version`` grows with every change: an action taken on an older version is refused.
    ``due_at``/``at_risk_at`` are the earliest of the case's running clocks, kept for the inbox.
    """

    number = models.CharField(_("nomor registrasi"), max_length=tracking.LENGTH, unique=True)
    agency = models.ForeignKey("standards.Agency", on_delete=models.PROTECT, related_name="cases")
    service = models.ForeignKey("standards.Service", on_delete=models.PROTECT, related_name="cases")
    standard = models.ForeignKey("standards.Standard", on_delete=models.PROTECT, related_name="cases")
    process = models.ForeignKey("standards.ProcessDefinition", on_delete=models.PROTECT, related_name="cases")
    track = models.CharField(_("alur"), max_length=64)
    channel = models.CharField(_("kanal"), max_length=20, choices=Channel.choices)
    unit = models.ForeignKey(
        "standards.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="cases"
    )
    status = models.CharField(_("status"), max_length=12, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    step = models.CharField(_("langkah"), max_length=64, blank=True)
    current_role = models.ForeignKey(
        "accounts.StaffRole", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_cases",
    )
    step_entered_at = models.DateTimeField()
    # The applicant as they gave themselves; never shown on the public tracking page.
    applicant_name = models.CharField(_("nama pemohon"), max_length=200)
    applicant_email = models.EmailField(_("e-mail pemohon"), blank=True)
    applicant_phone = models.CharField(_("telepon pemohon"), max_length=20, blank=True)
    applicant_address = models.CharField(_("alamat pemohon"), max_length=500, blank=True)
    applicant_institution = models.CharField(_("instansi/lembaga pemohon"), max_length=200, blank=True)
    details = models.JSONField(_("keterangan"), default=dict, blank=True)
    # Requirement keys the applicant was asked to complete when the case was last returned.
    missing = models.JSONField(default=list, blank=True)
    pin_hash = models.CharField(max_length=128)
    pin_failures = models.PositiveSmallIntegerField(default=0)
    pin_locked_until = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    received_at = models.DateTimeField(_("diterima"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True)
    at_risk_at = models.DateTimeField(null=True, blank=True)
    idempotency_key = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("permohonan")
        verbose_name_plural = _("permohonan")
        constraints = [
            models.CheckConstraint(condition=Q(status__in=CaseStatus.values), name="case_status_known"),
            models.CheckConstraint(condition=Q(channel__in=Channel.values), name="case_channel_known"),
            models.CheckConstraint(
                condition=(Q(status=CaseStatus.OPEN) & Q(ended_at__isnull=True) & ~Q(step=""))
                | (~Q(status=CaseStatus.OPEN) & Q(ended_at__isnull=False) & Q(step="")),
                name="case_open_iff_at_a_step",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="case_version_positive"),
            models.UniqueConstraint(
                fields=["service", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="case_idempotency_key_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "status", "current_role", "due_at"]),
            models.Index(fields=["assignee", "status"]),
        ]

    def __str__(self) -> str:
        return self.display_number

    @property
    def display_number(self) -> str:
        return tracking.display(self.number)

    def compiled(self) -> Process:
        return self.process.compiled()

    def current_step(self) -> CompiledStep | None:
        return self.compiled().steps.get(self.step) if self.step else None

    def is_open(self) -> bool:
        return self.status == CaseStatus.OPEN


class CaseEventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Diajukan")
    MOVED = "moved", _("Diproses")
    RETURNED = "returned", _("Dikembalikan untuk dilengkapi")
    RESUBMITTED = "resubmitted", _("Diajukan kembali")
    ASSIGNED = "assigned", _("Ditugaskan")
    ROUTED = "routed", _("Diteruskan ke unit")
    FILE_ADDED = "file_added", _("Berkas diunggah")
    ENDED = "ended", _("Selesai")
    # Documents of the case (documents/): the letter could not be signed; a wrong product was
    # replaced (the old letter revoked, a corrected one issued) and is to be delivered.
    SIGNING_FAILED = "signing_failed", _("Tanda tangan elektronik gagal")
    PRODUCT_REPLACED = "product_replaced", _("Produk diganti dan diantar")
    # Complaints (complaints/): the tier set or changed, the answer sent, a reply of the citizen.
    TIER_SET = "tier_set", _("Tingkat pengaduan ditetapkan")
    ANSWER_SENT = "answer_sent", _("Jawaban dikirim")
    REPLY_RECEIVED = "reply_received", _("Balasan pengadu diterima")


class CaseEvent(models.Model):
    """One entry of a case's timeline. Append-only: written by the case services, never changed."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    seq = models.PositiveIntegerField()
    at = models.DateTimeField()
    kind = models.CharField(max_length=20, choices=CaseEventKind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    # Who acted as the timeline shows it ("Operator Kecamatan", "Pemohon", "Sistem").
    actor_label = models.CharField(max_length=200)
    transition = models.CharField(max_length=64, blank=True)
    from_step = models.CharField(max_length=64, blank=True)
    to_step = models.CharField(max_length=64, blank=True)
    note = models.TextField(blank=True)
    missing = models.JSONField(default=list, blank=True)
    files = models.JSONField(default=list, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["case", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["case", "seq"], name="caseevent_seq_unique"),
            models.CheckConstraint(condition=Q(kind__in=CaseEventKind.values), name="caseevent_kind_known"),
        ]

    def __str__(self) -> str:
        return f"{self.case} #{self.seq} {self.kind}"


def case_file_path(instance: CaseFile, filename: str) -> str:
    # The stored name never carries the uploader's file name (it is kept in ``name``).
    return f"cases/{instance.case.received_at:%Y/%m}/{instance.case.number}/{instance.sha256[:16]}"


class CaseFile(models.Model):
    """A file given for one requirement of a case. A newer file for the same requirement
    supersedes the older one on the checklist; both are kept."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="files")
    requirement = models.CharField(max_length=64)
    file = models.FileField(upload_to=case_file_path, max_length=300)
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["case", "requirement", "-uploaded_at", "-id"]
        constraints = [models.CheckConstraint(condition=Q(size__gt=0), name="casefile_not_empty")]

    def __str__(self) -> str:
        return f"{self.case} · {self.requirement} · {self.name}"
