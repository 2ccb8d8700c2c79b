"""Consultations on the case engine: the request beside its case, the leadership's dispositions,
the rooms and the bookings of officers and rooms."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ApplicantType(models.TextChoices):
    # The identities Banten's standard names for the applicant.
    PERSON = "perseorangan", _("Perseorangan")
    INSTITUTION = "institusi", _("Institusi")
    NGO = "lsm", _("Lembaga swadaya masyarakat")
    ORMAS = "ormas", _("Organisasi masyarakat")
    PARTY = "partai_politik", _("Partai politik")
    PUBLIC_BODY = "badan_publik", _("Badan publik lainnya")


class RequestState(models.TextChoices):
    RECEIVED = "received", _("Diterima, menunggu disposisi")
    DISPOSED = "disposed", _("Didisposisikan kepada petugas")
    ACCEPTED = "accepted", _("Disetujui dan dijadwalkan")
    REJECTED = "rejected", _("Ditolak")
    CLOSED = "closed", _("Selesai")


class Mode(models.TextChoices):
    FACE_TO_FACE = "face_to_face", _("Tatap muka langsung")
    ONLINE = "online", _("Daring")


class ConsultationRequest(models.Model):
    """One request for a consultation. The case (``case``) carries the procedure, the clocks and
    the applicant; this row carries what a consultation adds: what it is about, who handles it,
    how and when it takes place and how it ended."""

    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="consultation")
    agency = models.ForeignKey("standards.Agency", on_delete=models.PROTECT, related_name="+")
    applicant_type = models.CharField(
        _("jenis pemohon"), max_length=20, choices=ApplicantType.choices, default=ApplicantType.PERSON
    )
    topic = models.CharField(_("materi konsultasi"), max_length=500)
    purpose = models.TextField(_("maksud dan tujuan"), max_length=2000, blank=True)
    requested_time = models.CharField(_("waktu konsultasi yang diminta"), max_length=200, blank=True)
    state = models.CharField(
        _("status"), max_length=12, choices=RequestState.choices, default=RequestState.RECEIVED
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "standards.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    mode = models.CharField(_("cara konsultasi"), max_length=20, choices=Mode.choices, blank=True)
    reason = models.TextField(_("alasan penolakan"), max_length=2000, blank=True)
    contact_person = models.CharField(_("narahubung"), max_length=200, blank=True)
    meeting_link = models.URLField(_("tautan pertemuan daring"), max_length=500, blank=True)
    notes = models.TextField(_("catatan konsultasi"), max_length=8000, blank=True)
    outcome = models.TextField(_("hasil konsultasi"), max_length=4000, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("permohonan konsultasi")
        verbose_name_plural = _("permohonan konsultasi")
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=RequestState.values), name="consultation_state_known"
            ),
            models.CheckConstraint(
                condition=Q(applicant_type__in=ApplicantType.values), name="consultation_applicant_type_known"
            ),
            models.CheckConstraint(
                condition=Q(mode="") | Q(mode__in=Mode.values), name="consultation_mode_known"
            ),
            models.CheckConstraint(
                condition=~Q(state=RequestState.CLOSED) | Q(closed_at__isnull=False),
                name="consultation_closed_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(state=RequestState.REJECTED) | ~Q(reason=""),
                name="consultation_rejection_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case.display_number} · {self.topic[:60]}"


class Disposition(models.Model):
    """The leadership's instruction on a request: to an officer, to a bagian, or both."""

    request = models.ForeignKey(ConsultationRequest, on_delete=models.CASCADE, related_name="dispositions")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "standards.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    instruction = models.TextField(_("instruksi"), max_length=2000, blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["request", "at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(officer__isnull=False) | Q(unit__isnull=False), name="disposition_names_someone"
            )
        ]

    def __str__(self) -> str:
        return f"{self.request} → {self.officer or self.unit}"


class RoomKind(models.TextChoices):
    HOLDING_ROOM = "holding_room", _("Ruang tunggu (holding room)")
    HALL = "aula", _("Aula")
    OTHER = "other", _("Ruang lain")


class Room(models.Model):
    agency = models.ForeignKey(
        "standards.Agency", on_delete=models.CASCADE, related_name="consultation_rooms"
    )
    name = models.CharField(_("nama ruang"), max_length=100)
    kind = models.CharField(_("jenis"), max_length=20, choices=RoomKind.choices, default=RoomKind.OTHER)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["agency", "name"]
        verbose_name = _("ruang konsultasi")
        verbose_name_plural = _("ruang konsultasi")
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="room_name_unique"),
            models.CheckConstraint(condition=Q(kind__in=RoomKind.values), name="room_kind_known"),
        ]

    def __str__(self) -> str:
        return self.name


class BookingStatus(models.TextChoices):
    PROPOSED = "proposed", _("Ditawarkan")
    CONFIRMED = "confirmed", _("Dikonfirmasi pemohon")
    CHECKED_IN = "checked_in", _("Pemohon hadir")
    RESCHEDULE = "reschedule", _("Pemohon meminta jadwal lain")
    CANCELLED = "cancelled", _("Dibatalkan")


# Bookings that hold their officer and room; the others free the slot.
HOLDING = [BookingStatus.PROPOSED, BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN]


class Booking(models.Model):
    """One slot of an officer (and a room, face to face) for one request. The unique constraints
    are what keeps two officers from taking one room, or one officer from two requests, at once."""

    request = models.ForeignKey(ConsultationRequest, on_delete=models.CASCADE, related_name="bookings")
    agency = models.ForeignKey("standards.Agency", on_delete=models.CASCADE, related_name="+")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    room = models.ForeignKey(Room, null=True, blank=True, on_delete=models.PROTECT, related_name="bookings")
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(_("selesai"))
    status = models.CharField(max_length=12, choices=BookingStatus.choices, default=BookingStatus.PROPOSED)
    note = models.CharField(_("catatan pemohon"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=BookingStatus.values), name="booking_status_known"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="booking_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["officer", "starts_at"],
                condition=Q(status__in=HOLDING),
                name="booking_officer_slot_unique",
            ),
            models.UniqueConstraint(
                fields=["room", "starts_at"],
                condition=Q(status__in=HOLDING) & Q(room__isnull=False),
                name="booking_room_slot_unique",
            ),
        ]
        indexes = [models.Index(fields=["agency", "starts_at"])]

    def __str__(self) -> str:
        # What the front office reads on its check-in list: number, visitor, room.
        where = self.room.name if self.room is not None else "daring"
        return f"{self.request.case.display_number} · {self.request.case.applicant_name} · {where}"

    @property
    def applicant_name(self) -> str:
        return self.request.case.applicant_name
