"""Agency admin for office hours, days off, and a read-only view of SLA clocks.

Saving goes through calendars.services so every change is validated the way the calendar reads it
and leaves an audit event.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.contrib import admin
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from calendars.models import NonWorkingDay, SlaClock, SlaInterval, TimeFrame, Weekday, WeeklySchedule
from calendars.selectors import calendar_for, clock_status_now, due_preview
from calendars.services import (
    CalendarEditError,
    non_working_day_create,
    non_working_day_delete,
    non_working_day_update,
    schedule_save,
    schedule_validate,
)
from pelayan.lib.sla import ClockStatus
from pelayan.lib.workcal import DEFAULT_WEEKLY_HOURS
from standards.admin import AgencyScopedAdminMixin
from standards.models import TimeZone

PREVIEW_LIMITS = ("1 jam", "5 hari kerja", "14 hari kalender")


def _format_moment(moment: datetime) -> str:
    key = str(moment.tzinfo)
    zone = TimeZone(key).name if key in TimeZone.values else ""
    return f"{Weekday(moment.weekday()).label}, {moment:%d-%m-%Y %H:%M:%S} {zone}".strip()


def _format_span(span: timedelta) -> str:
    """``1 j 05 m`` (``-0 j 15 m`` once overdue): office time for most limits, real time for
    calendar days."""
    sign = "-" if span < timedelta(0) else ""
    minutes = int(abs(span).total_seconds()) // 60
    return f"{sign}{minutes // 60} j {minutes % 60:02d} m"


class _ParentScopedInline:
    """Inlines live inside a scoped parent page; the parent admin already checked the agency."""

    def _staff(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_staff)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._staff(request)

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._staff(request)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._staff(request)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._staff(request)


class TimeFrameFormSet(forms.BaseInlineFormSet):
    def frames(self) -> dict[int, list[tuple[time, time]]]:
        frames: dict[int, list[tuple[time, time]]] = {}
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("weekday") is None:
                continue
            if data.get("start") is None or data.get("end") is None:
                continue
            frames.setdefault(int(data["weekday"]), []).append((data["start"], data["end"]))
        return frames

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        try:
            schedule_validate(self.frames())
        except CalendarEditError as exc:
            raise forms.ValidationError(_("Rentang waktu tidak valid: %(error)s") % {"error": exc}) from exc


def _default_frame_rows() -> list[dict[str, Any]]:
    return [
        {
            "weekday": day,
            "start": time(start // 3600, start % 3600 // 60),
            "end": time(end // 3600, end % 3600 // 60),
        }
        for day, frames in enumerate(DEFAULT_WEEKLY_HOURS.days)
        for start, end in frames
    ]


class TimeFrameInline(_ParentScopedInline, admin.TabularInline):
    model = TimeFrame
    formset = TimeFrameFormSet
    extra = 0
    fields = ["weekday", "start", "end"]

    def get_extra(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> int:
        # A new schedule starts from the national default hours, so admins edit rather than type.
        return len(_default_frame_rows()) if obj is None and request.method == "GET" else 0


@admin.register(WeeklySchedule)
class WeeklyScheduleAdmin(AgencyScopedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "agency", "service", "observes_non_working_days", "updated_at"]
    list_filter = ["agency", "observes_non_working_days"]
    list_select_related = ["agency", "service"]
    fields = ["agency", "service", "name", "observes_non_working_days", "preview", "days_off_this_year"]
    readonly_fields = ["preview", "days_off_this_year"]
    inlines = [TimeFrameInline]

    @admin.display(description=_("Pratinjau jatuh tempo"))
    def preview(self, obj: WeeklySchedule | None) -> str:
        if obj is None or obj.pk is None:
            return _("Simpan dulu untuk melihat pratinjau.")
        # The agency's zone is its calendar's zone.
        now = timezone.now().astimezone(ZoneInfo(obj.agency.timezone))
        rows = [
            (text, _format_moment(due_preview(agency=obj.agency, service=obj.service, text=text, now=now)))
            for text in PREVIEW_LIMITS
        ]
        return format_html(
            "<p>{}</p><ul>{}</ul>",
            _("Kasus diterima sekarang (%(now)s):") % {"now": _format_moment(now)},
            format_html_join(
                "",
                "<li>dengan '{}' jatuh tempo <strong>{}</strong></li>",
                ((text, due) for text, due in rows),
            ),
        )

    @admin.display(description=_("Hari libur tahun ini"))
    def days_off_this_year(self, obj: WeeklySchedule | None) -> str:
        if obj is None or obj.pk is None:
            return "-"
        calendar = calendar_for(agency=obj.agency, service=obj.service)
        year = timezone.now().astimezone(calendar.zone).year
        days = calendar.non_working_days(year)
        if not days:
            return _("Tidak ada: layanan ini buka pada hari libur.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{} {}</li>", ((f"{day:%d-%m-%Y}", name) for day, name in days)),
        )

    def get_formset_kwargs(self, request: HttpRequest, obj: Any, inline: Any, prefix: str) -> dict[str, Any]:
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if (
            isinstance(inline, TimeFrameInline)
            and request.method == "GET"
            and (obj is None or obj.pk is None)
        ):
            kwargs["initial"] = _default_frame_rows()
        return kwargs

    def save_model(self, request: HttpRequest, obj: WeeklySchedule, form: Any, change: bool) -> None:
        # Saved with its frames in save_related, through the service.
        pass

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        obj: WeeklySchedule = form.instance
        frames: dict[int, list[tuple[time, time]]] = {}
        for formset in formsets:
            if isinstance(formset, TimeFrameFormSet):
                frames = formset.frames()
                # The admin's change message reads these; the frames are saved by the service.
                formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        schedule_save(
            actor=request.user,
            agency=obj.agency,
            service=obj.service,
            name=obj.name,
            observes_non_working_days=obj.observes_non_working_days,
            frames=frames,
            schedule=obj,
        )


class NonWorkingDayForm(forms.ModelForm):
    class Meta:
        model = NonWorkingDay
        fields = ["agency", "date", "name", "kind", "source_decree"]


@admin.register(NonWorkingDay)
class NonWorkingDayAdmin(AgencyScopedAdminMixin, admin.ModelAdmin):
    form = NonWorkingDayForm
    list_display = ["date", "name", "kind", "scope", "source_decree"]
    list_filter = ["kind", "agency"]
    list_select_related = ["agency"]
    search_fields = ["name", "source_decree"]
    date_hierarchy = "date"

    @admin.display(description=_("berlaku untuk"))
    def scope(self, obj: NonWorkingDay) -> str:
        return str(obj.agency) if obj.agency_id else _("Nasional")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = admin.ModelAdmin.get_queryset(self, request)
        if request.user.is_superuser:
            return queryset
        # National rows are shown to everyone (they shape every calendar) but only superusers edit them.
        return queryset.filter(Q(agency__in=self._agencies(request)) | Q(agency__isnull=True))

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        if obj is not None and obj.agency_id is None:  # type: ignore[attr-defined]
            return self._allowed(request, None)
        return super().has_view_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        if obj is not None and obj.agency_id is None:  # type: ignore[attr-defined]
            return request.user.is_superuser
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        if request.user.is_superuser:
            return True
        return obj is not None and obj.agency_id is not None and self._allowed(request, obj)  # type: ignore[attr-defined]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # A row keeps its scope: non_working_day_update cannot move it to another agency (or to the
        # national list), so the change form does not offer the field. Delete and add instead.
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "agency"] if obj is not None else fields

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change, **kwargs)
        if not request.user.is_superuser and "agency" in form.base_fields:
            form.base_fields["agency"].required = True
            form.base_fields["agency"].empty_label = None
        return form

    def save_model(self, request: HttpRequest, obj: NonWorkingDay, form: Any, change: bool) -> None:
        data = form.cleaned_data
        if change:
            saved = non_working_day_update(
                actor=request.user,
                day=NonWorkingDay.objects.get(pk=obj.pk),
                date=data["date"],
                name=data["name"],
                kind=data["kind"],
                source_decree=data["source_decree"],
            )
        else:
            saved = non_working_day_create(
                actor=request.user,
                agency=data.get("agency"),
                date=data["date"],
                name=data["name"],
                kind=data["kind"],
                source_decree=data["source_decree"],
            )
        obj.pk = saved.pk

    def delete_model(self, request: HttpRequest, obj: NonWorkingDay) -> None:
        non_working_day_delete(actor=request.user, day=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for day in queryset:
            non_working_day_delete(actor=request.user, day=day)


class SlaIntervalInline(_ParentScopedInline, admin.TabularInline):
    model = SlaInterval
    extra = 0
    fields = ["started_at", "ended_at", "pause_reason", "pause_step"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(SlaClock)
class SlaClockAdmin(AgencyScopedAdminMixin, admin.ModelAdmin):
    """Read-only: clocks change only through the case workflow (calendars.services)."""

    list_display = ["__str__", "agency", "service", "state", "due_at", "started_at", "stopped_at"]
    list_filter = ["state", "phase", "agency"]
    list_select_related = ["agency", "service"]
    search_fields = ["target_id", "allowance_text"]
    ordering = ["due_at", "id"]
    inlines = [SlaIntervalInline]

    # Figures that change with every passing minute are computed from the intervals when the page
    # is shown, not stored.
    live_fields = ("elapsed", "remaining", "breached_at")

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in SlaClock._meta.fields] + list(self.live_fields)

    def _live(self, obj: SlaClock) -> ClockStatus:
        # One computation per page: every live field is read from the same instance.
        status: ClockStatus | None = getattr(obj, "_live_status", None)
        if status is None:
            status = clock_status_now(clock=obj, now=timezone.now())
            obj._live_status = status  # type: ignore[attr-defined]
        return status

    @admin.display(description=_("waktu terpakai"))
    def elapsed(self, obj: SlaClock) -> str:
        return _format_span(self._live(obj).elapsed)

    @admin.display(description=_("sisa waktu"))
    def remaining(self, obj: SlaClock) -> str:
        return _format_span(self._live(obj).remaining)

    @admin.display(description=_("melewati batas pada"))
    def breached_at(self, obj: SlaClock) -> str:
        moment = self._live(obj).breached_at
        return "-" if moment is None else _format_moment(moment.astimezone(ZoneInfo(obj.agency.timezone)))

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
