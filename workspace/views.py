"""The staff workspace (/kerja/): sign in, inbox, new case, case page with its actions.

Views parse input and call the case engine's services and selectors. A case outside the officer's
scope is a 404 everywhere (page, files, every POST), never a hint that it exists.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, LogoutView
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases import selectors as case_selectors
from cases.models import Case, Channel
from cases.services import (
    ActionForbidden,
    Actor,
    CaseError,
    Conflict,
    InvalidInput,
    case_create,
    case_file_add,
)
from documents.selectors import case_documents, may_replace
from documents.services import case_act_with_documents
from notifications.selectors import messages_for_case
from pelayan.lib import tracking
from standards.selectors import standard_published
from workspace import forms, presenters
from workspace.selectors import memberships_for_user, officer_get, units_named

# -- signing in --------------------------------------------------------------------------------


class WorkspaceLoginView(LoginView):
    """Django's login (``authenticate()`` underneath, so login throttling applies here too)."""

    template_name = "workspace/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("workspace:inbox")


class WorkspaceLogoutView(LogoutView):
    next_page = reverse_lazy("workspace:login")


def _page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    if "memberships" not in context:
        context["memberships"] = memberships_for_user(user=request.user)
    return render(request, template, context, status=status)


# -- inbox and search --------------------------------------------------------------------------


@require_GET
@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    memberships = memberships_for_user(user=request.user)
    if not memberships and not request.user.is_superuser:
        return _page(request, "workspace/no_role.html", {"memberships": []})
    now = timezone.now()
    # The step's number and text come from the case's process: fetched with the row, not per row.
    cases = case_selectors.inbox_for_user(user=request.user).select_related("process")
    rows = presenters.inbox_rows(cases, now=now, urgency_of=case_selectors.case_urgency)
    services = case_selectors.services_for_officer(user=request.user)
    return _page(
        request, "workspace/inbox.html", {"rows": rows, "services": services, "memberships": memberships}
    )


@require_GET
@login_required
def search(request: HttpRequest) -> HttpResponse:
    typed = forms.search_text(request.GET)
    case = case_selectors.case_get_for_user(user=request.user, number=typed) if typed else None
    if case is not None:
        return redirect("workspace:case", number=case.display_number)
    # Unknown, mistyped and out-of-scope numbers get the same answer.
    return _page(request, "workspace/not_found.html", {"typed": typed}, status=404)


# -- new case ----------------------------------------------------------------------------------


def _service_or_404(request: HttpRequest, agency_slug: str, service_slug: str) -> Any:
    for service in case_selectors.services_for_officer(user=request.user):
        if service.agency.slug == agency_slug and service.slug == service_slug:
            return service
    raise Http404(_("Layanan tidak ditemukan."))


def _field_errors(exc: CaseError) -> dict[str, str]:
    """The message to show beside each input at fault. The applicant checks put a sentence per
    field; the other checks put a code and say the sentence once in ``message``. Keys lose their
    dots ("applicant.name" → "applicant_name") so templates can look them up."""
    return {name.replace(".", "_"): value for name, value in exc.field_messages().items()}


@require_http_methods(["GET", "POST"])
@login_required
def case_new(request: HttpRequest, agency_slug: str, service_slug: str) -> HttpResponse:
    service = _service_or_404(request, agency_slug, service_slug)
    standard = standard_published(service=service)
    if standard is None or not hasattr(standard, "process"):
        raise Http404(_("Layanan tidak ditemukan."))
    process = standard.process.compiled()
    requirements = presenters.requirement_texts(standard)
    channels = list(dict.fromkeys(c for t in process.tracks for c in t.channels))
    context: dict[str, Any] = {
        "service": service,
        "tracks": process.tracks,
        "channels": [(c, presenters.channel_words(c)) for c in channels if c in Channel.values],
        "requirements": [(key, text, "") for key, text in requirements.items()],
        "errors": {},
        "error": "",
        "values": {
            "track": process.tracks[0].key,
            "channel": channels[0] if channels else "",
            "received_at": presenters.local_input_value(timezone.now(), service.agency),
            # Sent back with the form: pressing submit twice, or reloading the result, makes one case.
            "idempotency_key": uuid.uuid4().hex,
        },
    }
    if request.method == "GET":
        return _page(request, "workspace/case_new.html", context)
    values = {key: request.POST.get(key, "") for key in request.POST}
    context["values"] = {**context["values"], **values}
    try:
        created = case_create(
            service=service,
            actor=request.user,
            applicant=forms.applicant_from(request.POST),
            channel=request.POST.get("channel", ""),
            track=request.POST.get("track") or None,
            received_at=forms.received_at_from(request.POST, service.agency),
            idempotency_key=request.POST.get("idempotency_key", ""),
            files=[(key, request.FILES[key]) for key in requirements if key in request.FILES],
        )
    except ActionForbidden as exc:
        context["error"] = exc.message
        return _page(request, "workspace/case_new.html", context, status=403)
    except InvalidInput as exc:
        errors = _field_errors(exc)
        context["error"] = exc.message
        context["errors"] = errors
        # A file at fault is named "files.<requirement>": its message goes beside that input.
        context["requirements"] = [
            (key, text, errors.get(f"files_{key}", "")) for key, text in requirements.items()
        ]
        return _page(request, "workspace/case_new.html", context, status=400)
    # Not a redirect: the PIN is shown on this one response and kept nowhere else.
    return _page(
        request,
        "workspace/case_created.html",
        {"case": created.case, "pin": created.pin, "repeated": not created.created},
    )


# -- the case page -----------------------------------------------------------------------------


def _case_or_404(request: HttpRequest, number: str) -> Case:
    case = case_selectors.case_get_for_user(user=request.user, number=number)
    if case is None:
        raise Http404(_("Permohonan tidak ditemukan."))
    return case


def _action_forms(case: Case, user: Any) -> list[presenters.ActionForm]:
    actions = case_selectors.case_actions_for(case=case, user=user)
    step = case.current_step()
    forms_: list[presenters.ActionForm] = []
    for action in actions:
        transition = step.transition(action.key) if step else None
        target = transition.to if transition else None
        form = presenters.ActionForm(action=action, target_step=target or "")
        if action.chooses_unit:
            by_slug = units_named(agency_id=case.agency_id, slugs=action.chooses_unit)
            form.units = [
                presenters.UnitChoice(slug, by_slug.get(slug, slug)) for slug in action.chooses_unit
            ]
        if action.assigns_officer and target:
            form.officers = [
                presenters.OfficerChoice(u.pk, presenters.officer_name(u))
                for u in case_selectors.officers_for_step(case=case, step_id=target)
            ]
        forms_.append(form)
    return forms_


def _case_page(
    request: HttpRequest,
    case: Case,
    *,
    status: int = 200,
    error: str = "",
    failed: dict[str, Any] | None = None,
) -> HttpResponse:
    now = timezone.now()
    process = case.compiled()
    requirements = presenters.requirement_texts(case)
    checklist = presenters.checklist_rows(case_selectors.case_checklist(case=case), case)
    actions = _action_forms(case, request.user)
    files = list(case.files.all())
    events = case_selectors.case_timeline(case=case)
    context = {
        "case": case,
        "number": case.display_number,
        "status_words": presenters.status_words(case),
        "track_title": presenters.track_title(process, case.track),
        "channel_words": presenters.channel_words(case.channel),
        "step": presenters.step_words(case.current_step()),
        "received": presenters.local_time(case.received_at, case.agency),
        "urgency": presenters.urgency_view(case_selectors.case_urgency(case, now))
        if case.is_open()
        else None,
        "checklist": checklist,
        "requirements": list(requirements.items()),
        "missing_texts": [requirements.get(key, key) for key in case.missing],
        "clocks": presenters.clock_rows(case_selectors.case_clocks(case=case, now=now), case.agency),
        "timeline": presenters.timeline_entries(events, case, requirements, files),
        "return_note": presenters.return_note(events) if case.missing else "",
        "actions": actions,
        # Files can be added by whoever holds the step, the same rule as its actions.
        "can_upload": bool(actions),
        "error": error,
        "failed": failed or {},
        "documents": [
            (document, may_replace(document=document, user=request.user))
            for document in case_documents(case=case).select_related("case__process")
        ],
        "outbox_messages": presenters.outbound_rows(messages_for_case(case=case), case.agency),
    }
    return _page(request, "workspace/case.html", context, status=status)


@require_GET
@login_required
def case_detail(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number)
    # A complaint is handled on its own page (tier, notes, answer, privacy).
    complaint_id = Case.objects.filter(pk=case.pk).values_list("complaint__pk", flat=True).first()
    if complaint_id is not None:
        return redirect("complaints:detail", pk=complaint_id)
    normalized = tracking.display(case.number)
    if number != normalized:
        return redirect("workspace:case", number=normalized)
    return _case_page(request, case)


def _after_error(request: HttpRequest, number: str, exc: CaseError, failed: dict[str, Any]) -> HttpResponse:
    # Always the fresh case: a stale form shows what the case is now, beside why nothing happened.
    case = _case_or_404(request, number)
    if isinstance(exc, InvalidInput):
        failed = {**failed, "errors": _field_errors(exc)}
    return _case_page(request, case, status=exc.status, error=exc.message, failed=failed)


@require_POST
@login_required
def case_action(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number)
    complaint_id = Case.objects.filter(pk=case.pk).values_list("complaint__pk", flat=True).first()
    if complaint_id is not None:
        return redirect("complaints:detail", pk=complaint_id)
    failed: dict[str, Any] = {"action": request.POST.get("action", ""), "note": request.POST.get("note", ""),
                              "missing": request.POST.getlist("missing")}  # fmt: skip
    try:
        data = forms.action_from(request.POST)
        assignee = None
        if data.assignee_id is not None:
            assignee = officer_get(pk=data.assignee_id)
            if assignee is None:
                raise InvalidInput(_("Petugas yang dipilih tidak dikenal."), {"assignee": "unknown"})
        # Documents: a sign step signs its document first (passphrase/PIN from the form, never kept);
        # receipts and reply letters are made with their steps.
        case_act_with_documents(
            case=case,
            actor=Actor(request.user),
            passphrase=request.POST.get("passphrase") or None,
            action=data.action,
            version=data.version,
            note=data.note,
            missing=data.missing,
            unit=data.unit,
            assignee=assignee,
        )
    except CaseError as exc:
        return _after_error(request, number, exc, failed)
    messages.success(request, _("Tindakan dicatat."))
    return redirect("workspace:case", number=case.display_number)


@require_POST
@login_required
def case_upload(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number)
    requirement = request.POST.get("requirement", "")
    failed: dict[str, Any] = {"upload": requirement}
    try:
        # case_file_add takes no version; this keeps a page left open from adding a file to a
        # case that has moved on since it was shown.
        if forms.version_from(request.POST) != case.version:
            raise Conflict(
                _("Permohonan ini sudah berubah sejak halaman dibuka. Periksa lagi sebelum mengunggah."),
                {"version": "stale"},
            )
        upload = request.FILES.get("file")
        if upload is None:
            raise InvalidInput(_("Pilih berkas yang akan diunggah."), {"file": "required"})
        case_file_add(case=case, actor=Actor(request.user), requirement=requirement, upload=upload)
    except CaseError as exc:
        return _after_error(request, number, exc, failed)
    messages.success(request, _("Berkas diunggah."))
    return redirect(reverse("workspace:case", kwargs={"number": case.display_number}) + "#kelengkapan")


@require_GET
@login_required
def case_file(request: HttpRequest, number: str, file_id: int) -> HttpResponse:
    case = _case_or_404(request, number)
    row = case.files.filter(pk=file_id).first()
    if row is None:
        raise Http404(_("Berkas tidak ditemukan."))
    response = FileResponse(row.file.open("rb"), as_attachment=True, filename=row.name,
                            content_type=row.content_type)  # fmt: skip
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
