"""Consultation pages: the public request form on the service page and the schedule answer on the
citizen's tracking page; in the workspace (/kerja/konsultasi/) the lists by stage, a request's page
with the forms of its stage (record as received, disposition, decision with slot, another slot,
close) and staff entry of letters. Views parse input and call the services and selectors."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.models import Case
from cases.services import CaseError, may_act
from consultations import selectors, services
from consultations.forms import (
    CloseForm,
    ConfirmForm,
    DecisionForm,
    DispositionForm,
    ProposeForm,
    PublicRequestForm,
    RescheduleForm,
    StaffRequestForm,
)
from consultations.models import BookingStatus, ConsultationRequest, RequestState
from documents.rendering import verify_url
from public import citizen_views
from standards.models import ServiceKind
from standards.selectors import service_get
from workspace.selectors import memberships_for_user

SESSION_RECEIPT = "pelayan.consultation_receipt"
IDENTITY_KEYS = ("fotokopi-identitas", "identitas")


def _consultation_service_or_404(agency_slug: str, service_slug: str) -> Any:
    service = service_get(agency_slug=agency_slug, service_slug=service_slug)
    if service is None or service.kind != ServiceKind.CONSULTATION:
        raise Http404(_("Layanan konsultasi tidak ditemukan."))
    return service


def _identity_key(service: Any) -> str | None:
    standard = service.standards.filter(status="published").first()
    keys = standard.process.compiled().requirements if standard else ()
    return next((k for k in IDENTITY_KEYS if k in keys), None)


# -- public ------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def request_form(request: HttpRequest, agency_slug: str, service_slug: str) -> HttpResponse:
    service = _consultation_service_or_404(agency_slug, service_slug)
    if not selectors.takes_written_requests(service=service):
        raise Http404(_("Layanan ini tidak menerima permohonan konsultasi tertulis."))
    form = PublicRequestForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            key = _identity_key(service)
            files = [(key, form.cleaned_data["id_card"])] if key else []
            try:
                # The form is a written request sent to the address the standard names: it
                # takes the e-mail channel, and the reply letter goes to the address given.
                submitted = services.consultation_request_submit(
                    service=service, form=form.request_form(), channel="email", files=files
                )
            except CaseError as exc:
                form.add_service_error(exc.fields, exc.message)
            else:
                receipt = submitted.receipt
                request.session[SESSION_RECEIPT] = {
                    "number": submitted.request.case.display_number,
                    "pin": submitted.pin,
                    "receipt": verify_url(receipt.public_code) if receipt else "",
                    "due": _local(submitted.request.case.due_at, service.agency.timezone),
                }
                return redirect(
                    "consultations:request_done", agency_slug=agency_slug, service_slug=service_slug
                )
    return render(
        request, "consultations/request_form.html", {"service": service, "form": form}, status=status
    )


@never_cache
@require_GET
def request_done(request: HttpRequest, agency_slug: str, service_slug: str) -> HttpResponse:
    service = _consultation_service_or_404(agency_slug, service_slug)
    receipt = request.session.pop(SESSION_RECEIPT, None)  # shown once
    return render(request, "consultations/request_done.html", {"service": service, "receipt": receipt})


def _tracked(request: HttpRequest) -> ConsultationRequest:
    case = citizen_views._tracked_case(request)
    consultation = selectors.consultation_for_tracking(case=case)
    if consultation is None:
        raise Http404(_("Permohonan konsultasi tidak ditemukan."))
    return consultation


@require_POST
def track_confirm(request: HttpRequest) -> HttpResponse:
    consultation = _tracked(request)
    form = ConfirmForm(request.POST)
    if form.is_valid():
        try:
            services.booking_confirm(request=consultation, booking_id=form.cleaned_data["booking"])
            messages.success(request, _("Terima kasih, jadwal konsultasi Anda terkonfirmasi."))
        except CaseError as exc:
            messages.error(request, exc.message)
    return redirect("public:track_case")


@require_POST
def track_reschedule(request: HttpRequest) -> HttpResponse:
    consultation = _tracked(request)
    form = RescheduleForm(request.POST)
    if form.is_valid():
        try:
            services.booking_reschedule_ask(
                request=consultation, booking_id=form.cleaned_data["booking"], note=form.cleaned_data["note"]
            )
            messages.success(
                request, _("Permintaan jadwal lain terkirim; petugas akan menawarkan jadwal baru.")
            )
        except CaseError as exc:
            messages.error(request, exc.message)
    else:
        messages.error(request, _("Catatan paling banyak 500 karakter."))
    return redirect("public:track_case")


# -- workspace ---------------------------------------------------------------------------------


def _local(moment: dt.datetime | None, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).strftime("%d-%m-%Y %H:%M") if moment else ""


def _page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context.setdefault("memberships", memberships_for_user(user=request.user))
    return render(request, template, context, status=status)


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    stages = selectors.stages_for_user(user=request.user)
    agencies = selectors.entry_agencies(user=request.user)
    return _page(request, "consultations/home.html", {"stages": stages, "agencies": agencies})


def _case_or_404(request: HttpRequest, number: str) -> Case:
    case = selectors.case_for_officer(user=request.user, number=number)
    if case is None:
        raise Http404(_("Permohonan konsultasi tidak ditemukan."))
    return case


def _slot_choices(consultation: ConsultationRequest, officer: Any, room: Any) -> list[tuple[str, str]]:
    zone = consultation.agency.timezone
    free = services.slots_free(request=consultation, officer=officer, room=room, now=timezone.now())
    return [(s.isoformat(), _local(s, zone)) for s in free]


def _detail_context(request: HttpRequest, case: Case, **forms: Any) -> dict[str, Any]:
    consultation = selectors.consultation_of(case=case)
    saved = consultation.pk is not None
    user = request.user
    rooms = list(selectors.rooms_of(agency=case.agency))
    booking = selectors.current_booking(request=consultation) if saved else None
    context: dict[str, Any] = {
        "case": case,
        "consultation": consultation,
        "booking": booking,
        "bookings": selectors.bookings_of(request=consultation) if saved else [],
        "documents": selectors.letters_of(case=case),
        "dispositions": list(consultation.dispositions.select_related("by", "officer", "unit"))
        if saved
        else [],
        "zone": case.agency.timezone,
    }
    acts = may_act(case=case, user=user)
    if acts and services._receipt_transition(case.current_step()) is not None:
        context["receive_form"] = forms.get("receive_form", True)
    if acts and all(services.decision_ways(case)):
        slots = _slot_choices(consultation, user, None)
        context["decision_form"] = forms.get("decision_form") or DecisionForm(
            rooms=rooms, slots=slots, initial={"version": case.version, "decision": "accept"}
        )
    elif acts and services.disposition_transition(case) is not None:
        context["disposition_form"] = forms.get("disposition_form") or DispositionForm(
            officers=list(selectors.officers_to_name(case=case)), units=selectors.units_to_name(case=case),
            initial={"version": case.version},
        )  # fmt: skip
    handler = consultation.officer_id == user.pk or acts
    if (
        handler
        and consultation.state == RequestState.ACCEPTED
        and (booking is None or booking.status == BookingStatus.RESCHEDULE)
    ):
        room = booking.room if booking else None
        context["propose_form"] = forms.get("propose_form") or ProposeForm(
            slots=_slot_choices(consultation, user, room)
        )
    if (
        handler
        and consultation.state in (RequestState.DISPOSED, RequestState.ACCEPTED)
        and not (all(services.decision_ways(case)) or services.disposition_transition(case))
    ):
        context["close_form"] = forms.get("close_form") or CloseForm()
    return context


@require_GET
@login_required
def detail(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number)
    return _page(request, "consultations/detail.html", _detail_context(request, case))


def _back(case: Case) -> HttpResponse:
    return redirect("consultations:detail", number=case.number)


def _refused(request: HttpRequest, case: Case, exc: CaseError, **forms: Any) -> HttpResponse:
    for form in forms.values():
        if hasattr(form, "add_error"):
            placed = False
            for key in exc.fields:
                if key in form.fields:
                    form.add_error(key, exc.message)
                    placed = True
            if not placed:
                form.add_error(None, exc.message)
    if not forms:
        messages.error(request, exc.message)
    return _page(
        request, "consultations/detail.html", _detail_context(request, case, **forms), status=exc.status
    )


@require_POST
@login_required
def receive(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number)
    try:
        version = int(request.POST.get("version", "0"))
        services.consultation_receive(
            request=services.consultation_for_case(case=case), by=request.user, version=version
        )
    except ValueError:
        messages.error(request, _("Versi tidak sah."))
    except CaseError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Surat dicatat diterima; menunggu disposisi pimpinan."))
    return _back(case)


@require_POST
@login_required
def dispose(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number)
    officers = list(selectors.officers_to_name(case=case))
    form = DispositionForm(request.POST, officers=officers, units=selectors.units_to_name(case=case))
    if not form.is_valid():
        return _page(
            request, "consultations/detail.html", _detail_context(request, case, disposition_form=form), 400
        )
    chosen = next((o for o in officers if str(o.pk) == form.cleaned_data.get("officer")), None)
    try:
        services.consultation_dispose(
            request=services.consultation_for_case(case=case), by=request.user, version=form.cleaned_data["version"],
            officer=chosen, unit=form.cleaned_data.get("unit") or "", instruction=form.cleaned_data["instruction"],
        )  # fmt: skip
    except CaseError as exc:
        return _refused(request, case, exc, disposition_form=form)
    messages.success(request, _("Disposisi tercatat."))
    return redirect("consultations:home")


@require_POST
@login_required
def decide(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number)
    consultation = services.consultation_for_case(case=case)
    rooms = list(selectors.rooms_of(agency=case.agency))
    slots = _slot_choices(consultation, request.user, None)
    form = DecisionForm(request.POST, rooms=rooms, slots=slots)
    if not form.is_valid():
        return _page(
            request, "consultations/detail.html", _detail_context(request, case, decision_form=form), 400
        )
    data = form.cleaned_data
    room = next((r for r in rooms if str(r.pk) == data.get("room")), None)
    try:
        services.consultation_decide(
            request=consultation, officer=request.user, accept=data["decision"] == "accept",
            version=data["version"], mode=data["mode"], reason=data["reason"], starts_at=form.starts_at(),
            room=room, meeting_link=data["meeting_link"], contact_person=data["contact_person"],
        )  # fmt: skip
    except CaseError as exc:
        return _refused(request, case, exc, decision_form=form)
    messages.success(request, _("Keputusan tercatat dan surat jawaban dikirim."))
    return _back(case)


@require_POST
@login_required
def propose(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number)
    consultation = services.consultation_for_case(case=case)
    booking = selectors.current_booking(request=consultation)
    room = booking.room if booking else None
    form = ProposeForm(request.POST, slots=_slot_choices(consultation, request.user, room))
    if not form.is_valid():
        return _page(
            request, "consultations/detail.html", _detail_context(request, case, propose_form=form), 400
        )
    try:
        services.booking_propose(
            request=consultation, officer=request.user, starts_at=dt.datetime.fromisoformat(form.cleaned_data["slot"]),
            room=room,
        )  # fmt: skip
    except CaseError as exc:
        return _refused(request, case, exc, propose_form=form)
    messages.success(request, _("Jadwal baru ditawarkan kepada pemohon."))
    return _back(case)


@require_POST
@login_required
def close(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number)
    form = CloseForm(request.POST)
    if not form.is_valid():
        return _page(
            request, "consultations/detail.html", _detail_context(request, case, close_form=form), 400
        )
    try:
        services.consultation_close(
            request=services.consultation_for_case(case=case), officer=request.user,
            notes=form.cleaned_data["notes"], outcome=form.cleaned_data["outcome"],
        )  # fmt: skip
    except CaseError as exc:
        return _refused(request, case, exc, close_form=form)
    messages.success(request, _("Konsultasi ditutup."))
    return _back(case)


@require_http_methods(["GET", "POST"])
@login_required
def entry(request: HttpRequest, agency_slug: str, service_slug: str) -> HttpResponse:
    service = _consultation_service_or_404(agency_slug, service_slug)
    if service.agency not in selectors.entry_agencies(user=request.user):
        raise Http404(_("Layanan konsultasi tidak ditemukan."))
    form = StaffRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        received = data.get("received_at")
        if received is not None and timezone.is_naive(received):
            received = received.replace(tzinfo=ZoneInfo(service.agency.timezone))
        try:
            submitted = services.consultation_request_submit(
                service=service, form=form.request_form(), channel=data["channel"], actor=request.user,
                received_at=received,
            )  # fmt: skip
        except CaseError as exc:
            form.add_service_error(exc.fields, exc.message)
        else:
            messages.success(
                request,
                _("Permohonan %(number)s tercatat; tanda terima dibuat. PIN pemohon: %(pin)s")
                % {"number": submitted.request.case.display_number, "pin": submitted.pin},
            )
            return redirect("consultations:detail", number=submitted.request.case.number)
    status = 400 if request.method == "POST" else 200
    return _page(request, "consultations/entry.html", {"service": service, "form": form}, status=status)
