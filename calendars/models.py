"""Working-time calendars and SLA clocks. The rules live in pelayan.lib.workcal / pelayan.lib.sla;
these tables only store what an agency edits and what a clock has done."""

from __future__ import annotations

from datetime import time
from decimal import Decimal

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from pelayan.lib.sla import ClockPhase, ClockState
from pelayan.lib.standard_schema import DurationUnit as SchemaDurationUnit


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Senin")
    TUESDAY = 1, _("Selasa")
    WEDNESDAY = 2, _("Rabu")
    THURSDAY = 3, _("Kamis")
    FRIDAY = 4, _("Jumat")
    SATURDAY = 5, _("Sabtu")
    SUNDAY = 6, _("Minggu")


class WeeklySchedule(models.Model):
    """Office hours of an agency (no service) or of one service (a 24-hour line, a Saturday counter).

    An agency without a schedule uses the national default (docs/time-limits.md).
    """

    agency = models.ForeignKey(
        "standards.Agency", on_delete=models.CASCADE, related_name="schedules", verbose_name=_("instansi")
    )
    service = models.ForeignKey(
        "standards.Service",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="schedules",
        verbose_name=_("layanan"),
        help_text=_("Kosongkan untuk jam kerja seluruh instansi."),
    )
    name = models.CharField(_("nama"), max_length=120, blank=True)
    observes_non_working_days = models.BooleanField(
        _("libur pada hari libur"),
        default=True,
        help_text=_("Matikan untuk layanan yang tetap buka pada hari libur, mis. pengaduan 24 jam."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["agency", "service"]
        verbose_name = _("jam layanan")
        verbose_name_plural = _("jam layanan")
        constraints = [
            models.UniqueConstraint(
                fields=["agency"], condition=Q(service__isnull=True), name="schedule_one_default_per_agency"
            ),
            models.UniqueConstraint(
                fields=["service"], condition=Q(service__isnull=False), name="schedule_one_per_service"
            ),
        ]

    def __str__(self) -> str:
        if self.name:
            return self.name
        return f"{self.agency} – {self.service}" if self.service_id else str(self.agency)


class TimeFrame(models.Model):
    """One opening on one weekday; an end of 00:00 means midnight at the end of the day."""

    schedule = models.ForeignKey(WeeklySchedule, on_delete=models.CASCADE, related_name="frames")
    weekday = models.PositiveSmallIntegerField(_("hari"), choices=Weekday.choices)
    start = models.TimeField(_("mulai"))
    end = models.TimeField(_("selesai"), help_text=_("00:00 berarti tengah malam (akhir hari)."))

    class Meta:
        ordering = ["schedule", "weekday", "start"]
        verbose_name = _("rentang waktu")
        verbose_name_plural = _("rentang waktu")
        constraints = [
            models.CheckConstraint(
                condition=Q(weekday__gte=0, weekday__lte=6), name="timeframe_weekday_valid"
            ),
            models.CheckConstraint(
                condition=Q(end__gt=F("start")) | Q(end=time(0)), name="timeframe_ends_after_start"
            ),
            models.UniqueConstraint(fields=["schedule", "weekday", "start"], name="timeframe_unique_start"),
        ]

    def __str__(self) -> str:
        end = "24:00" if self.end == time(0) else f"{self.end:%H:%M}"
        return f"{self.get_weekday_display()} {self.start:%H:%M}–{end}"


class NonWorkingDayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Hari libur nasional")
    CUTI_BERSAMA = "cuti_bersama", _("Cuti bersama")
    REGIONAL = "regional", _("Hari libur daerah")
    CLOSED = "closed", _("Kantor tutup")
    # A day the package (or the weekday) marks as a day off that is worked after all, e.g. a
    # cuti bersama cancelled by a later decree.
    WORKING_DAY = "working_day", _("Hari kerja (pembatalan libur)")


class NonWorkingDay(models.Model):
    """An edit to the national list of days off: nationally (no agency) or for one agency."""

    agency = models.ForeignKey(
        "standards.Agency",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="non_working_days",
        verbose_name=_("instansi"),
        help_text=_("Kosongkan untuk perubahan nasional yang berlaku bagi semua instansi."),
    )
    date = models.DateField(_("tanggal"))
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20, choices=NonWorkingDayKind.choices)
    source_decree = models.CharField(
        _("dasar hukum"), max_length=300, help_text=_("Mis. SKB 3 Menteri atau Keputusan Gubernur.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "date"],
                condition=Q(agency__isnull=False),
                name="nonworkingday_unique_per_agency",
            ),
            models.UniqueConstraint(
                fields=["date"], condition=Q(agency__isnull=True), name="nonworkingday_unique_national"
            ),
            models.CheckConstraint(condition=~Q(source_decree=""), name="nonworkingday_has_source"),
            models.CheckConstraint(
                condition=Q(kind__in=NonWorkingDayKind.values), name="nonworkingday_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"

    @property
    def opens(self) -> bool:
        return self.kind == NonWorkingDayKind.WORKING_DAY


# The choice values below come from the pure enums (one source of values); only the labels live here.
class DurationUnit(models.TextChoices):
    MINUTE = SchemaDurationUnit.MINUTE.value, _("menit")
    HOUR = SchemaDurationUnit.HOUR.value, _("jam")
    DAY = SchemaDurationUnit.DAY.value, _("hari (dihitung hari kerja)")
    WORKING_DAY = SchemaDurationUnit.WORKING_DAY.value, _("hari kerja")
    CALENDAR_DAY = SchemaDurationUnit.CALENDAR_DAY.value, _("hari kalender")


class SlaState(models.TextChoices):
    ON_TRACK = ClockState.ON_TRACK.value, _("Sesuai jadwal")
    AT_RISK = ClockState.AT_RISK.value, _("Hampir melewati batas")
    BREACHED = ClockState.BREACHED.value, _("Melewati batas")
    MET = ClockState.MET.value, _("Tepat waktu")
    PAUSED = ClockState.PAUSED.value, _("Dihentikan sementara")


class SlaPhase(models.TextChoices):
    """A stored clock has always started, so ``ClockPhase.NOT_STARTED`` has no row here."""

    RUNNING = ClockPhase.RUNNING.value, _("Berjalan")
    PAUSED = ClockPhase.PAUSED.value, _("Dihentikan sementara")
    STOPPED = ClockPhase.STOPPED.value, _("Selesai")


class SlaClock(models.Model):
    """The clock of one promise: a whole case, or one step of its procedure.

    ``target_type``/``target_id`` name what the clock measures the same way audit events do
    (``app_label.model`` and primary key); ``step_id`` is the procedure step, empty for the whole case.
    ``phase``, ``state``, ``due_at`` and ``at_risk_at`` are stored for listing and for the periodic
    refresh, and are recomputed by the services from the intervals whenever the clock changes or is
    refreshed. Everything else about a clock (elapsed and remaining time, when it was breached) is
    computed on read from the intervals (``calendars.selectors.clock_status_now``).
    ``allowance_text`` keeps the limit as written, a range included; ``allowance_value`` and
    ``allowance_unit`` are its maximum, the deadline the clock counts.
    """

    agency = models.ForeignKey(
        "standards.Agency", on_delete=models.CASCADE, related_name="sla_clocks", verbose_name=_("instansi")
    )
    service = models.ForeignKey(
        "standards.Service",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sla_clocks",
        verbose_name=_("layanan"),
    )
    target_type = models.CharField(max_length=100)
    target_id = models.CharField(max_length=64)
    step_id = models.CharField(max_length=64, blank=True)
    allowance_text = models.CharField(_("waktu penyelesaian"), max_length=200)
    allowance_value = models.PositiveIntegerField()
    allowance_unit = models.CharField(max_length=20, choices=DurationUnit.choices)
    at_risk_share = models.DecimalField(max_digits=3, decimal_places=2, default=Decimal("0.75"))
    phase = models.CharField(max_length=10, choices=SlaPhase.choices, default=SlaPhase.RUNNING)
    state = models.CharField(_("status"), max_length=10, choices=SlaState.choices, default=SlaState.ON_TRACK)
    started_at = models.DateTimeField(_("mulai"))
    stopped_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    due_at = models.DateTimeField(_("jatuh tempo"), null=True, blank=True, db_index=True)
    at_risk_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("jam SLA")
        verbose_name_plural = _("jam SLA")
        constraints = [
            models.UniqueConstraint(
                fields=["target_type", "target_id", "step_id"], name="slaclock_one_per_target"
            ),
            models.CheckConstraint(
                condition=Q(at_risk_share__gt=0, at_risk_share__lte=1), name="slaclock_at_risk_share_range"
            ),
            models.CheckConstraint(
                condition=Q(phase=SlaPhase.STOPPED, stopped_at__isnull=False)
                | (~Q(phase=SlaPhase.STOPPED) & Q(stopped_at__isnull=True)),
                name="slaclock_stopped_iff_stopped_at",
            ),
            models.CheckConstraint(
                condition=Q(stopped_at__isnull=True) | Q(stopped_at__gte=F("started_at")),
                name="slaclock_stops_after_start",
            ),
            models.CheckConstraint(condition=Q(state__in=SlaState.values), name="slaclock_state_valid"),
            models.CheckConstraint(condition=Q(phase__in=SlaPhase.values), name="slaclock_phase_valid"),
            models.CheckConstraint(
                condition=Q(allowance_unit__in=DurationUnit.values), name="slaclock_allowance_unit_valid"
            ),
        ]
        indexes = [models.Index(fields=["agency", "phase", "state"])]

    def __str__(self) -> str:
        step = f" / {self.step_id}" if self.step_id else ""
        return f"{self.target_type}#{self.target_id}{step}: {self.allowance_text}"


class SlaInterval(models.Model):
    """One stretch during which the clock ran; a pause closes it and says why."""

    clock = models.ForeignKey(SlaClock, on_delete=models.CASCADE, related_name="intervals")
    started_at = models.DateTimeField(_("mulai"))
    ended_at = models.DateTimeField(_("berhenti"), null=True, blank=True)
    pause_reason = models.TextField(_("alasan penghentian"), blank=True)
    pause_step = models.CharField(_("langkah prosedur"), max_length=64, blank=True)

    class Meta:
        ordering = ["clock", "started_at", "id"]
        verbose_name = _("interval jam SLA")
        verbose_name_plural = _("interval jam SLA")
        constraints = [
            models.UniqueConstraint(
                fields=["clock"], condition=Q(ended_at__isnull=True), name="slainterval_one_open_per_clock"
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=F("started_at")),
                name="slainterval_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} – {self.ended_at or '…'}"
