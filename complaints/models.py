"""Complaints (*pengaduan, saran, masukan*): each one a case on its standard's complaint process,
with what the case does not hold — the kind, the channel and the citizen's address on it, the
identity as the standard asks it, privacy, the tier, and its line in the *Buku Pengaduan*."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cases.models import Channel


class ComplaintKind(models.TextChoices):
    COMPLAINT = "pengaduan", _("Pengaduan")
    SUGGESTION = "saran", _("Saran")
    INPUT = "masukan", _("Masukan")


class Complaint(models.Model):
    """One complaint, suggestion or input.

    ``reply_address`` is where the answer goes on the channel used (an e-mail address, a +62…
    number); it is kept for the system even when the complaint is anonymous, and never shown to
    the officers handling an anonymous complaint. ``source_ref`` is the message it came from (the
    provider's message id), unique per agency and channel so one message never makes two
    complaints. ``register_year``/``register_number`` are its line in the agency's Buku Pengaduan:
    gapless per agency and year.
    """

    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="complaint")
    agency = models.ForeignKey("standards.Agency", on_delete=models.PROTECT, related_name="complaints")
    kind = models.CharField(
        _("jenis"), max_length=12, choices=ComplaintKind.choices, default=ComplaintKind.COMPLAINT
    )
    channel = models.CharField(_("sarana"), max_length=20, choices=Channel.choices)
    content = models.TextField(_("isi pengaduan"))
    reply_address = models.CharField(_("alamat balasan"), max_length=254, blank=True)
    name = models.CharField(_("nama"), max_length=200, blank=True)
    occupation = models.CharField(_("pekerjaan"), max_length=120, blank=True)
    address = models.CharField(_("alamat"), max_length=500, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telepon"), max_length=20, blank=True)
    anonymous = models.BooleanField(_("anonim"), default=False)
    confidential = models.BooleanField(_("rahasia"), default=False)
    # The citizen agreed to list the complaint (without personal data) on the agency's public page.
    public = models.BooleanField(_("tampil di daftar publik"), default=False)
    received_at = models.DateTimeField(_("diterima"))
    register_year = models.PositiveSmallIntegerField(_("tahun register"))
    register_number = models.PositiveIntegerField(_("nomor register"))
    tier = models.CharField(_("tingkat"), max_length=64, blank=True)
    tier_target = models.PositiveSmallIntegerField(_("target penyelesaian"), null=True, blank=True)
    tier_set_at = models.DateTimeField(null=True, blank=True)
    source_ref = models.CharField(max_length=255, blank=True)
    lapor_id = models.CharField(_("nomor tracking SP4N-LAPOR!"), max_length=64, blank=True)
    answer = models.TextField(_("jawaban"), blank=True)
    answer_drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("jawaban dikirim"), null=True, blank=True)
    answered_via = models.CharField(max_length=20, blank=True)
    evaluation = models.TextField(_("evaluasi"), blank=True)
    evaluated_at = models.DateTimeField(null=True, blank=True)
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rating = models.PositiveSmallIntegerField(_("penilaian"), null=True, blank=True)
    rating_comment = models.CharField(_("komentar penilaian"), max_length=1000, blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("pengaduan")
        verbose_name_plural = _("pengaduan")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ComplaintKind.values), name="complaint_kind_known"),
            models.CheckConstraint(condition=Q(channel__in=Channel.values), name="complaint_channel_known"),
            models.UniqueConstraint(
                fields=["agency", "register_year", "register_number"], name="complaint_register_number_unique"
            ),
            models.UniqueConstraint(
                fields=["agency", "channel", "source_ref"],
                condition=~Q(source_ref=""),
                name="complaint_one_per_source_message",
            ),
            models.CheckConstraint(
                condition=Q(register_number__gte=1), name="complaint_register_number_positive"
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="complaint_rating_range",
            ),
            # Confidential complaints are never public; anonymous ones keep no identity.
            models.CheckConstraint(
                condition=~Q(confidential=True, public=True), name="complaint_confidential_not_public"
            ),
            models.CheckConstraint(
                condition=Q(anonymous=False) | Q(name="", occupation="", address="", email="", phone=""),
                name="complaint_anonymous_without_identity",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "register_year", "register_number"], name="complaint_register_idx")
        ]

    def __str__(self) -> str:
        return f"{self.register_label} {self.get_kind_display()}"

    @property
    def register_label(self) -> str:
        return f"{self.register_number}/{self.register_year}"

    @property
    def reference(self) -> str:
        """What the citizen quotes (and an e-mail subject carries): the case's tracking number."""
        return self.case.display_number


class RegisterCounter(models.Model):
    """The last number of an agency's Buku Pengaduan in one year; locked while a number is drawn."""

    agency = models.ForeignKey("standards.Agency", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="registercounter_one_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last_number}"


class ComplaintNote(models.Model):
    """An internal note of the handling officers; never shown to the citizen."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_label = models.CharField(max_length=200)
    body = models.TextField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["complaint", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.complaint_id}: {self.author_label}"


def complaint_file_path(instance: ComplaintFile, filename: str) -> str:
    complaint = instance.complaint
    return f"complaints/{complaint.received_at:%Y/%m}/{complaint.case.number}/{instance.sha256[:16]}"


class ComplaintFile(models.Model):
    """Evidence or an identity document sent with a complaint, or the scan of a letter or fax."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=complaint_file_path, max_length=300)
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["complaint", "uploaded_at", "id"]
        constraints = [models.CheckConstraint(condition=Q(size__gt=0), name="complaintfile_not_empty")]

    def __str__(self) -> str:
        return self.name


class BoxOpening(models.Model):
    """One opening of an agency's complaint box: when, by whom, how many slips were in it."""

    agency = models.ForeignKey("standards.Agency", on_delete=models.PROTECT, related_name="box_openings")
    opened_at = models.DateTimeField(_("dibuka"))
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    slips = models.PositiveSmallIntegerField(_("jumlah lembar"))
    location = models.CharField(_("letak kotak"), max_length=200, blank=True)
    note = models.CharField(_("catatan"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("pembukaan kotak pengaduan")
        verbose_name_plural = _("pembukaan kotak pengaduan")
        constraints = [models.CheckConstraint(condition=Q(slips__lte=500), name="boxopening_slips_bounded")]

    def __str__(self) -> str:
        return f"{self.opened_at:%Y-%m-%d %H:%M} ({self.slips})"


class EscalationState(models.TextChoices):
    AT_RISK = "at_risk", _("Hampir melewati batas")
    BREACHED = "breached", _("Melewati batas")


class Escalation(models.Model):
    """A mark in a supervisor's inbox: a complaint at risk or past its time limit."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="escalations")
    role = models.ForeignKey("accounts.StaffRole", on_delete=models.PROTECT, related_name="+")
    state = models.CharField(max_length=10, choices=EscalationState.choices)
    created_at = models.DateTimeField()
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "role", "state"], name="escalation_once_per_state"),
            models.CheckConstraint(
                condition=Q(state__in=EscalationState.values), name="escalation_state_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.complaint_id} {self.state}"


class RecapPeriod(models.TextChoices):
    DAY = "day", _("Harian")
    WEEK = "week", _("Mingguan")
    MONTH = "month", _("Bulanan")


class Recap(models.Model):
    """A recap of the Buku Pengaduan over one period, delivered to the roles the standard names."""

    agency = models.ForeignKey("standards.Agency", on_delete=models.PROTECT, related_name="complaint_recaps")
    period = models.CharField(max_length=6, choices=RecapPeriod.choices)
    start = models.DateField()
    end = models.DateField()  # exclusive
    roles = models.JSONField(default=list)  # role codes it went to
    figures = models.JSONField(default=dict)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-start", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "period", "start"], name="recap_once_per_period"),
            models.CheckConstraint(condition=Q(period__in=RecapPeriod.values), name="recap_period_known"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="recap_end_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_period_display()} {self.start:%Y-%m-%d}"
