"""The front office: desks (*meja*), queue lines with their ticket prefix, tickets numbered per
line and day, the digital guest book (*buku tamu*), kiosk tablets and the check-in checklist."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Counter(models.Model):
    """A desk where an officer serves callers: "Meja 2" on the call screen."""

    agency = models.ForeignKey("standards.Agency", on_delete=models.PROTECT, related_name="counters")
    number = models.PositiveSmallIntegerField(_("nomor meja"))
    name = models.CharField(_("keterangan"), max_length=80, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["agency", "number"]
        verbose_name = _("meja layanan")
        verbose_name_plural = _("meja layanan")
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="counter_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1, number__lte=99), name="counter_number_range"),
        ]

    def __str__(self) -> str:
        return f"Meja {self.number}"


class QueueLine(models.Model):
    """One queue of the agency with its ticket prefix ("A" → A-001, A-002 …). With a service, a
    visitor who takes a ticket in this line states the purpose of that service and a case starts."""

    agency = models.ForeignKey("standards.Agency", on_delete=models.PROTECT, related_name="queue_lines")
    prefix = models.CharField(_("awalan nomor"), max_length=2)
    name = models.CharField(_("keperluan"), max_length=120)
    service = models.ForeignKey(
        "standards.Service",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="queue_lines",
        verbose_name=_("layanan"),
    )
    position = models.PositiveSmallIntegerField(_("urutan"), default=0)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["agency", "position", "prefix"]
        verbose_name = _("jenis antrean")
        verbose_name_plural = _("jenis antrean")
        constraints = [
            models.UniqueConstraint(fields=["agency", "prefix"], name="queueline_prefix_unique"),
            models.CheckConstraint(
                condition=Q(prefix__regex=r"^[A-Z]{1,2}$"), name="queueline_prefix_letters"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.prefix} · {self.name}"


class DailySequence(models.Model):
    """The last ticket number given in one line on one local day. The row is locked while a
    ticket is issued, so numbers are consecutive and never given twice."""

    line = models.ForeignKey(QueueLine, on_delete=models.CASCADE, related_name="sequences")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["line", "day"], name="dailysequence_line_day_unique")]

    def __str__(self) -> str:
        return f"{self.line} · {self.day}: {self.last}"


class KioskDevice(models.Model):
    """A tablet at the desk, set up by an agency admin. The admin is shown a one-time activation
    code; opening it on the tablet gives the tablet its own secret (kept as a hash here, in a
    cookie there). Visits recorded on the kiosk are recorded under ``acts_as``, the officer on
    whose desk it stands; revoking the device locks it out at once."""

    agency = models.ForeignKey("standards.Agency", on_delete=models.PROTECT, related_name="kiosk_devices")
    name = models.CharField(_("nama perangkat"), max_length=80)
    acts_as = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("petugas meja")
    )
    token_hash = models.CharField(max_length=64, blank=True)
    activation_hash = models.CharField(max_length=64, blank=True)
    activation_expires_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    last_seen_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["agency", "name"]
        verbose_name = _("perangkat kiosk")
        verbose_name_plural = _("perangkat kiosk")
        constraints = [
            models.UniqueConstraint(
                fields=["token_hash"], condition=~Q(token_hash=""), name="kioskdevice_token_unique"
            ),
            models.UniqueConstraint(
                fields=["activation_hash"],
                condition=~Q(activation_hash=""),
                name="kioskdevice_activation_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and bool(self.token_hash)


class ChecklistItem(models.Model):
    """One point of the agency's check-in checklist (Banten's health protocol: mask, distance,
    temperature, hand sanitiser). Every active item must be confirmed at check-in."""

    agency = models.ForeignKey("standards.Agency", on_delete=models.PROTECT, related_name="checklist_items")
    text = models.CharField(_("butir"), max_length=200)
    position = models.PositiveSmallIntegerField(_("urutan"), default=0)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["agency", "position", "id"]
        verbose_name = _("butir daftar periksa")
        verbose_name_plural = _("daftar periksa kedatangan")

    def __str__(self) -> str:
        return self.text


class EntrySource(models.TextChoices):
    KIOSK = "kiosk", _("Kiosk buku tamu")
    DESK = "desk", _("Dicatat petugas")
    APPOINTMENT = "appointment", _("Kedatangan sesuai jadwal")


def id_photo_path(instance: GuestEntry, filename: str) -> str:
    # Never the visitor's file name; the folder is the agency and the month of the visit.
    return f"frontdesk/{instance.agency_id}/{instance.visited_at:%Y/%m}/{filename}"


class GuestEntry(models.Model):
    """One line of the guest book (*buku tamu*)."""

    agency = models.ForeignKey("standards.Agency", on_delete=models.PROTECT, related_name="guest_entries")
    day = models.DateField(_("tanggal"))  # the local day of the visit, for the daily list
    visited_at = models.DateTimeField(_("waktu datang"))
    name = models.CharField(_("nama"), max_length=200)
    institution = models.CharField(_("instansi/lembaga"), max_length=200, blank=True)
    purpose = models.CharField(_("keperluan"), max_length=500)
    contact = models.CharField(_("kontak"), max_length=200, blank=True)
    line = models.ForeignKey(
        QueueLine, null=True, blank=True, on_delete=models.PROTECT, related_name="entries"
    )
    unit = models.ForeignKey(
        "standards.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey("cases.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    id_photo = models.FileField(upload_to=id_photo_path, max_length=300, blank=True)
    source = models.CharField(max_length=12, choices=EntrySource.choices)
    device = models.ForeignKey(
        KioskDevice, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The checklist items confirmed, as their texts were at the time.
    checklist = models.JSONField(default=list, blank=True)
    appointment_ref = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["agency", "day", "visited_at", "id"]
        verbose_name = _("buku tamu")
        verbose_name_plural = _("buku tamu")
        indexes = [models.Index(fields=["agency", "day"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(source__in=EntrySource.values), name="guestentry_source_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} · {self.name}"


class TicketStatus(models.TextChoices):
    WAITING = "waiting", _("Menunggu")
    CALLED = "called", _("Dipanggil")
    SERVING = "serving", _("Dilayani")
    DONE = "done", _("Selesai")
    NO_SHOW = "no_show", _("Tidak hadir")


class Ticket(models.Model):
    """A queue ticket: ``A-012`` is the twelfth of line A that day."""

    agency = models.ForeignKey("standards.Agency", on_delete=models.PROTECT, related_name="tickets")
    line = models.ForeignKey(QueueLine, on_delete=models.PROTECT, related_name="tickets")
    day = models.DateField()
    seq = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=TicketStatus.choices, default=TicketStatus.WAITING)
    entry = models.OneToOneField(
        GuestEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="ticket"
    )
    case = models.ForeignKey("cases.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    counter = models.ForeignKey(
        Counter, null=True, blank=True, on_delete=models.PROTECT, related_name="tickets"
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField()
    called_at = models.DateTimeField(null=True, blank=True)
    call_count = models.PositiveSmallIntegerField(default=0)
    served_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Bumped on every change, so a desk page left open cannot act on what it no longer shows.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["day", "issued_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["line", "day", "seq"], name="ticket_line_day_seq_unique"),
            models.CheckConstraint(condition=Q(status__in=TicketStatus.values), name="ticket_status_known"),
            models.CheckConstraint(
                condition=Q(status=TicketStatus.WAITING)
                | (Q(counter__isnull=False) & Q(called_at__isnull=False)),
                name="ticket_called_at_a_counter",
            ),
            # One desk calls or serves one visitor at a time.
            models.UniqueConstraint(
                fields=["counter"],
                condition=Q(status__in=[TicketStatus.CALLED, TicketStatus.SERVING]),
                name="ticket_one_open_per_counter",
            ),
        ]
        indexes = [models.Index(fields=["agency", "day", "status"])]

    def __str__(self) -> str:
        return self.number

    @property
    def number(self) -> str:
        return f"{self.line.prefix}-{self.seq:03d}"
