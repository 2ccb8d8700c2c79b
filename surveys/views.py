"""Survey pages: the applicant's link (/skm/<token>/), the counter's SKM machine
(/<agency>/skm/kiosk/), the public performance page (/<agency>/<service>/kinerja/) and the staff
pages under /kerja/skm/ (report, XLSX export, paper forms, file import, evaluation tasks)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.models import CaseStatus
from pelayan.lib import skm
from standards.selectors import service_get
from surveys import charts, exports, forms
from surveys import selectors as sel
from surveys.files import FileRefused, read_responses
from surveys.models import Education, Occupation, Sex
from surveys.services import (
    AlreadyAnswered,
    SurveyError,
    evaluation_task_complete,
    evaluation_tasks_schedule,
    kiosk_enabled_record,
    response_record_at_kiosk,
    response_record_for_case,
    response_record_paper,
    responses_import,
)
from workspace.presenters import working_time_words
from workspace.selectors import memberships_for_user

KIOSK_COOKIE = "pelayan_skm_kiosk"
KIOSK_SALT = "surveys.kiosk"
KIOSK_AGE = 366 * 24 * 3600
KIOSK_RESET_SECONDS = 8
UPLOAD_MAX_BYTES = 2 * 1024 * 1024


def _questions(values: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    values = values or {}
    return [
        {
            "code": e.code,
            "field": e.code.lower(),
            "name": e.name,
            "question": e.question,
            "choices": [(str(i), text) for i, text in enumerate(e.answers, start=1)],
            "value": str(values.get(e.code.lower(), "") or ""),
        }
        for e in skm.ELEMENTS
    ]


def _form_context(
    values: dict[str, Any] | None = None, errors: dict[str, str] | None = None
) -> dict[str, Any]:
    return {
        "questions": _questions(values),
        "values": values or {},
        "errors": errors or {},
        "sexes": Sex.choices,
        "educations": Education.choices,
        "occupations": Occupation.choices,
    }


def _posted(request: HttpRequest) -> dict[str, str]:
    return {
        key: str(request.POST.get(key, ""))[:2100] for key in request.POST if key != "csrfmiddlewaretoken"
    }


# -- the applicant's link ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def respond(request: HttpRequest, token: str) -> HttpResponse:
    case = sel.case_for_token(token=token)
    if case is None:
        raise Http404(_("Survei tidak ditemukan."))
    context: dict[str, Any] = {"service": case.service, "agency": case.agency, **_form_context()}
    if sel.case_answered(case=case):
        return render(request, "surveys/thanks.html", {**context, "already": True})
    if request.method == "POST":
        try:
            response_record_for_case(case=case, answers=forms.answers_from(request.POST))
        except AlreadyAnswered:
            return render(request, "surveys/thanks.html", {**context, "already": True})
        except SurveyError as exc:
            context.update(_form_context(_posted(request), exc.fields))
            context["error"] = exc.message
            return render(request, "surveys/respond.html", context, status=400)
        return render(request, "surveys/thanks.html", context)
    if case.status not in sel.FINISHED:
        return render(request, "surveys/not_yet.html", context, status=409)
    return render(request, "surveys/respond.html", context)


# -- the SKM machine at the counter ----------------------------------------------------------------


def _kiosk_agency(request: HttpRequest, agency_slug: str) -> Any:
    from standards.selectors import agency_get

    agency = agency_get(slug=agency_slug)
    if agency is None:
        raise Http404(_("Instansi tidak ditemukan."))
    return agency


def _kiosk_enabled(request: HttpRequest, agency: Any) -> bool:
    value = request.get_signed_cookie(KIOSK_COOKIE, default=None, salt=KIOSK_SALT, max_age=KIOSK_AGE)
    return value == agency.slug


@require_http_methods(["GET", "POST"])
def kiosk(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _kiosk_agency(request, agency_slug)
    if not _kiosk_enabled(request, agency):
        return render(request, "surveys/kiosk_off.html", {"agency": agency}, status=403)
    services = sel.services_of(agency=agency)
    chosen = (
        request.POST.get("service")
        or request.GET.get("layanan")
        or (services[0].slug if len(services) == 1 else "")
    )
    context: dict[str, Any] = {"agency": agency, "services": services, "chosen": chosen, **_form_context()}
    if request.method == "POST":
        service = next((s for s in services if s.slug == chosen), None)
        try:
            if service is None:
                raise SurveyError(_("Pilih layanan yang Anda terima."), {"service": _("Pilih layanan.")})
            response_record_at_kiosk(service=service, answers=forms.answers_from(request.POST))
        except SurveyError as exc:
            context.update(_form_context(_posted(request), exc.fields))
            context["error"] = exc.message
            return render(request, "surveys/kiosk.html", context, status=400)
        return redirect("surveys:kiosk_thanks", agency_slug=agency.slug)
    return render(request, "surveys/kiosk.html", context)


@require_GET
def kiosk_thanks(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _kiosk_agency(request, agency_slug)
    return render(
        request,
        "surveys/kiosk_thanks.html",
        {
            "agency": agency,
            "reset_seconds": KIOSK_RESET_SECONDS,
            "kiosk_url": reverse("surveys:kiosk", args=[agency.slug]),
        },
    )


# -- the public performance page -------------------------------------------------------------------


def _limit_rows(report: sel.Report) -> list[dict[str, Any]]:
    rows = []
    for limit in report.limits:
        rate = limit.on_time_rate
        rows.append(
            {
                "label": limit.label,
                "promise": limit.promise,
                "stopped": limit.stopped,
                "met": limit.met,
                "rate": f"{rate * 100:.1f}".replace(".", ",") + " %" if rate is not None else "—",
                "rate_value": rate,
                "median": working_time_words(timedelta(seconds=limit.median))
                if limit.median is not None
                else "—",
                "p90": working_time_words(timedelta(seconds=limit.p90)) if limit.p90 is not None else "—",
                "budget": working_time_words(timedelta(seconds=limit.budget))
                if limit.budget is not None
                else "—",
            }
        )
    return rows


def _ikm_rows(report: sel.Report) -> list[dict[str, Any]]:
    data = report.ikm.as_json()["elements"]
    return [
        {
            "code": e.code,
            "name": e.name,
            "answered": data[e.code]["answered"],
            "mean": data[e.code]["mean"] or "—",
        }
        for e in skm.ELEMENTS
    ]


def _figure(value: Any) -> str:
    return "—" if value is None else str(skm.to_decimal(value)).replace(".", ",")


@require_GET
def performance(request: HttpRequest, agency_slug: str, service_slug: str) -> HttpResponse:
    service = service_get(agency_slug=agency_slug, service_slug=service_slug)
    if service is None:
        raise Http404(_("Layanan tidak ditemukan."))
    today = timezone.now().astimezone(ZoneInfo(service.agency.timezone)).date()
    period = sel.last_survey_period(service=service, today=today)
    report = sel.report_build(agency=service.agency, services=[service], period=period)
    context = {
        "agency": service.agency,
        "service": service,
        "period": period,
        "report": report,
        "limits": _limit_rows(report),
        "converted": _figure(report.ikm.converted),
        "grade": report.ikm.grade,
    }
    return render(request, "surveys/performance.html", context)


# -- staff pages -----------------------------------------------------------------------------------


def _ws(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context.setdefault("memberships", memberships_for_user(user=request.user))
    return render(request, template, context, status=status)


def _agency_or_404(request: HttpRequest, agency_slug: str) -> Any:
    agency = sel.agency_for_officer(user=request.user, slug=agency_slug)
    if agency is None:
        raise Http404(_("Instansi tidak ditemukan."))
    return agency


def _service_or_404(agency: Any, service_slug: str) -> Any:
    service = next((s for s in sel.services_of(agency=agency) if s.slug == service_slug), None)
    if service is None:
        raise Http404(_("Layanan tidak ditemukan."))
    return service


def _period_from(request: HttpRequest, agency: Any, services: list[Any]) -> skm.Period:
    key = request.GET.get("periode", "")
    if key:
        try:
            return skm.period_from_key(key)
        except ValueError:
            raise Http404(_("Periode tidak dikenal.")) from None
    today = timezone.now().astimezone(ZoneInfo(agency.timezone)).date()
    kind = sel.survey_period_kind_for(service=services[0]) if len(services) == 1 else skm.PeriodKind.SEMESTER
    return skm.period_containing(today, kind)


@require_GET
@login_required
def staff_index(request: HttpRequest) -> HttpResponse:
    agencies = sel.agencies_for_officer(user=request.user)
    rows = [(a, sel.services_of(agency=a)) for a in agencies]
    return _ws(request, "surveys/staff_index.html", {"rows": rows})


def _report_for(request: HttpRequest, agency_slug: str) -> tuple[Any, list[Any], Any, skm.Period, sel.Report]:
    agency = _agency_or_404(request, agency_slug)
    all_services = sel.services_of(agency=agency)
    slug = request.GET.get("layanan", "")
    services = [_service_or_404(agency, slug)] if slug else all_services
    if not services:
        raise Http404(_("Layanan tidak ditemukan."))
    period = _period_from(request, agency, services)
    return (
        agency,
        all_services,
        services[0] if slug else None,
        period,
        sel.report_build(agency=agency, services=services, period=period),
    )


@require_GET
@login_required
def staff_report(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency, all_services, service, period, report = _report_for(request, agency_slug)
    ikm_rows = _ikm_rows(report)
    limit_rows = _limit_rows(report)
    element_chart = charts.bar_chart(
        title=_("Nilai rata-rata per unsur SKM"),
        description=_("Sembilan unsur, skala 1 sampai 4; angka yang sama ada pada tabel di bawahnya."),
        bars=[
            charts.Bar(f"{r['code']} {r['name']}", float(r["mean"]) if r["mean"] != "—" else None, r["mean"])
            for r in ikm_rows
        ],
        maximum=4,
        ident="skm-unsur",
    )
    limit_chart = charts.bar_chart(
        title=_("Ketepatan waktu per batas waktu"),
        description=_("Bagian jam SLA yang selesai tepat waktu; angka yang sama ada pada tabel di bawahnya."),
        bars=[
            charts.Bar(
                r["label"],
                (r["rate_value"] or 0) * 100,
                r["rate"],
                "good"
                if (r["rate_value"] or 0) >= 0.9
                else "warn"
                if (r["rate_value"] or 0) >= 0.7
                else "bad",
            )
            for r in limit_rows
        ],
        maximum=100,
        ident="skm-waktu",
    )
    context = {
        "agency": agency,
        "services": all_services,
        "service": service,
        "period": period,
        "periods": [
            skm.period_containing(period.start, kind)
            for kind in (skm.PeriodKind.MONTH, skm.PeriodKind.SEMESTER, skm.PeriodKind.YEAR)
        ],
        "previous": period.previous(),
        "report": report,
        "statuses": [(label, report.cases_by_status.get(value, 0)) for value, label in CaseStatus.choices],
        "ikm_rows": ikm_rows,
        "limits": limit_rows,
        "ikm": report.ikm.as_json(),
        "converted": _figure(report.ikm.converted),
        "element_chart": element_chart,
        "limit_chart": limit_chart if limit_rows else "",
        "suggestions": sel.suggestions_for(
            service_ids=[s.pk for s in report.services], period=period, limit=20
        ),
        "query": request.GET.urlencode(),
    }
    return _ws(request, "surveys/staff_report.html", context)


@require_GET
@login_required
def staff_report_xlsx(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency, _all, service, period, report = _report_for(request, agency_slug)
    data = exports.report_xlsx(report, limits=_limit_rows(report))
    name = f"laporan-kinerja-{agency.slug}{'-' + service.slug if service else ''}-{period.key}.xlsx"
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def staff_report_pdf(request: HttpRequest, agency_slug: str) -> HttpResponse:
    from surveys.report_pdf import report_pdf

    agency, _all, service, period, report = _report_for(request, agency_slug)
    data = report_pdf(report=report, service=service, limits=_limit_rows(report), printed_at=timezone.now())
    name = f"laporan-kinerja-{agency.slug}{'-' + service.slug if service else ''}-{period.key}.pdf"
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
@login_required
def staff_entry(request: HttpRequest, agency_slug: str, service_slug: str) -> HttpResponse:
    agency = _agency_or_404(request, agency_slug)
    service = _service_or_404(agency, service_slug)
    today = timezone.now().astimezone(ZoneInfo(agency.timezone)).date()
    context: dict[str, Any] = {
        "agency": agency,
        "service": service,
        "today": today.isoformat(),
        "import_errors": [],
        **_form_context({"answered_on": today.isoformat()}),
    }
    if request.method == "POST":
        try:
            response_record_paper(
                service=service,
                actor=request.user,
                answers=forms.answers_from(request.POST),
                answered_on=forms.day_from(request.POST),
            )
        except SurveyError as exc:
            context.update(_form_context(_posted(request), exc.fields))
            context["error"] = exc.message
            return _ws(request, "surveys/staff_entry.html", context, status=400)
        messages.success(request, _("Formulir dicatat."))
        return redirect("surveys:staff_entry", agency_slug=agency.slug, service_slug=service.slug)
    return _ws(request, "surveys/staff_entry.html", context)


@require_POST
@login_required
def staff_import(request: HttpRequest, agency_slug: str, service_slug: str) -> HttpResponse:
    agency = _agency_or_404(request, agency_slug)
    service = _service_or_404(agency, service_slug)
    today = timezone.now().astimezone(ZoneInfo(agency.timezone)).date()
    context: dict[str, Any] = {"agency": agency, "service": service, "today": today.isoformat(),
                               "import_errors": [], **_form_context({"answered_on": today.isoformat()})}  # fmt: skip
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise SurveyError(_("Pilih berkas CSV atau XLSX."), {"file": "required"})
        if upload.size > UPLOAD_MAX_BYTES:
            raise SurveyError(_("Berkas paling besar 2 MB."), {"file": "too_large"})
        try:
            result = read_responses(upload.read(), name=upload.name, max_bytes=UPLOAD_MAX_BYTES)
        except FileRefused as exc:
            raise SurveyError(
                _("Berkas tidak dapat dibaca: %(why)s.") % {"why": exc}, {"file": "unreadable"}
            ) from None
        if result.errors:
            context["import_errors"] = result.errors[:200]
            context["import_error_count"] = len(result.errors)
            raise SurveyError(_("Berkas tidak diimpor: perbaiki baris yang disebut lalu unggah lagi."))
        count = responses_import(
            service=service, actor=request.user, responses=result.responses,
            answered_on=forms.day_from(request.POST), source=upload.name,
        )  # fmt: skip
    except SurveyError as exc:
        context["import_error"] = exc.message
        return _ws(request, "surveys/staff_entry.html", context, status=400)
    messages.success(request, _("%(n)s jawaban diimpor.") % {"n": count})
    return redirect("surveys:staff_entry", agency_slug=agency.slug, service_slug=service.slug)


@require_POST
@login_required
def staff_kiosk_enable(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _agency_or_404(request, agency_slug)
    kiosk_enabled_record(agency=agency, actor=request.user)
    response = redirect("surveys:kiosk", agency_slug=agency.slug)
    response.set_signed_cookie(
        KIOSK_COOKIE, agency.slug, salt=KIOSK_SALT, max_age=KIOSK_AGE, httponly=True, samesite="Lax",
        secure=request.is_secure(),
    )  # fmt: skip
    return response


@require_http_methods(["GET", "POST"])
@login_required
def staff_tasks(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _agency_or_404(request, agency_slug)
    today = timezone.now().astimezone(ZoneInfo(agency.timezone)).date()
    if request.method == "POST":
        created = sum(
            evaluation_tasks_schedule(service=s, today=today, actor=request.user)
            for s in sel.services_of(agency=agency)
        )
        messages.success(request, _("%(n)s tugas evaluasi dijadwalkan.") % {"n": created})
        return redirect("surveys:staff_tasks", agency_slug=agency.slug)
    tasks = [
        {
            "task": t,
            "overdue": t.done_at is None and t.due_on <= today,
            "last_day": t.due_on - timedelta(days=1),
        }
        for t in sel.evaluation_tasks_for(agency=agency)
    ]
    return _ws(request, "surveys/staff_tasks.html", {"agency": agency, "tasks": tasks})


@require_POST
@login_required
def staff_task_done(request: HttpRequest, agency_slug: str, task_id: int) -> HttpResponse:
    agency = _agency_or_404(request, agency_slug)
    task = sel.evaluation_task_get(agency=agency, pk=task_id)
    if task is None:
        raise Http404(_("Tugas tidak ditemukan."))
    try:
        evaluation_task_complete(
            task=task, actor=request.user, notes=str(request.POST.get("notes", ""))[:6000]
        )
    except SurveyError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Catatan evaluasi disimpan."))
    return redirect("surveys:staff_tasks", agency_slug=agency.slug)
