"""The citizen's pages: apply online where the standard allows it, then track the permohonan.

Every form posts, then redirects to a page that only reads (POST/redirect/GET), so reloading
never sends anything twice. The PIN is shown once, from the session, and never travels in a URL;
after a correct PIN the session remembers which case its holder may see until the browser closes.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.login_protection import client_ip
from cases.models import Case, Channel
from cases.services import (
    Actor,
    CaseError,
    InvalidInput,
    TooManyLookups,
    case_act,
    case_create,
    case_file_add,
    case_pin_check,
)
from public import citizen, selectors
from public.forms import ApplyForm, ResubmitForm, TrackForm
from standards import selectors as registry
from standards.models import Service, Standard

SESSION_CASE = "pelayan.tracked_case"
SESSION_RECEIPT = "pelayan.receipt"
APPLICANT = Actor(user=None, applicant=True)


def _service_or_404(agency_slug: str, service_slug: str) -> tuple[Service, Standard]:
    service = registry.service_get(agency_slug=agency_slug, service_slug=service_slug)
    standard = registry.standard_published(service=service) if service and service.is_active else None
    if service is None or standard is None:
        raise Http404(_("Layanan tidak ditemukan."))
    return service, standard


def _remember(request: HttpRequest, case: Case) -> None:
    # A fresh session key once the visitor proves they hold the case (a key planted before cannot
    # ride along), and a session that ends with the browser: a shared phone does not keep showing
    # someone's permohonan. A visitor without a session yet gets a new key anyway.
    if request.session.session_key:
        request.session.cycle_key()
    request.session[SESSION_CASE] = {"id": case.pk, "number": case.number}
    request.session.set_expiry(0)


def _remembered(request: HttpRequest) -> dict[str, Any] | None:
    value = request.session.get(SESSION_CASE)
    return value if isinstance(value, dict) and {"id", "number"} <= value.keys() else None


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, agency_slug: str, service_slug: str) -> HttpResponse:
    service, standard = _service_or_404(agency_slug, service_slug)
    tracks = citizen.online_tracks(standard)
    if not tracks:
        raise Http404(_("Layanan ini tidak menerima permohonan daring."))
    track = next((t for t in tracks if t.key == request.GET.get("alur")), tracks[0])
    requirements = citizen.apply_requirements(standard, track)
    status = 200
    if request.method == "POST":
        form = ApplyForm(request.POST, request.FILES, requirements=requirements)
        if form.is_valid():
            files = form.files_given()
            try:
                created = case_create(
                    service=service,
                    actor=None,
                    applicant=form.applicant(),
                    channel=Channel.WEBSITE,
                    track=track.key,
                    idempotency_key=form.cleaned_data["kunci"],
                    files=files,
                )
            except InvalidInput as error:
                form.add_service_error(error, files=[key for key, _upload in files])
            except CaseError as error:
                form.add_error(None, error.message)
            else:
                remembered = _remembered(request)
                if not created.created and (remembered is None or remembered["id"] != created.case.pk):
                    # A repeat of a submission this browser did not make: someone else's key.
                    form.add_error(
                        None, _("Formulir ini sudah pernah dikirim. Muat ulang halaman dan isi lagi.")
                    )
                    return render(
                        request,
                        "public/citizen/apply.html",
                        {"service": service, "agency": service.agency, "track": track, "form": form},
                        status=409,
                    )
                _remember(request, created.case)
                # A repeated press returns the first permohonan without a PIN; its receipt is
                # already in the session.
                if created.pin is not None:
                    request.session[SESSION_RECEIPT] = {
                        "service": service.pk,
                        "number": created.case.display_number,
                        "pin": created.pin,
                    }
                return redirect("public:apply_done", agency_slug=agency_slug, service_slug=service_slug)
        status = 400
    else:
        form = ApplyForm(requirements=requirements)
    context = {
        "service": service,
        "agency": service.agency,
        "track": track,
        "form": form,
        "action": request.get_full_path(),
    }
    return render(request, "public/citizen/apply.html", context, status=status)


@never_cache
@require_GET
def apply_done(request: HttpRequest, agency_slug: str, service_slug: str) -> HttpResponse:
    service, _standard = _service_or_404(agency_slug, service_slug)
    receipt = request.session.get(SESSION_RECEIPT)
    if isinstance(receipt, dict) and receipt.get("service") == service.pk:
        # Shown once: the next visit to this page no longer finds the PIN.
        del request.session[SESSION_RECEIPT]
    else:
        receipt = None
    context = {"service": service, "agency": service.agency, "receipt": receipt}
    return render(request, "public/citizen/apply_done.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = TrackForm(request.POST)
        if form.is_valid():
            try:
                case = case_pin_check(
                    number=form.cleaned_data["nomor"],
                    pin=form.cleaned_data["pin"],
                    address=client_ip(request),
                )
            except TooManyLookups as exc:
                form.add_error(None, exc.message)
                case = None
            else:
                if case is not None:
                    _remember(request, case)
                    return redirect("public:track_case")
                # One answer for an unknown number, a wrong PIN and a locked case.
                form.add_error(None, _("Nomor registrasi atau PIN tidak cocok."))
        status = 400
    else:
        form = TrackForm()
    remembered = _remembered(request)
    context = {
        "form": form,
        "remembered": citizen.display_number(remembered["number"]) if remembered else None,
    }
    return render(request, "public/citizen/track.html", context, status=status)


def _tracked_case(request: HttpRequest) -> Case | None:
    remembered = _remembered(request)
    if remembered is None:
        return None
    return selectors.case_for_tracking(case_id=remembered["id"], number=remembered["number"])


def _case_page(
    request: HttpRequest, case: Case, form: ResubmitForm | None, status: int = 200
) -> HttpResponse:
    view = citizen.tracking_view(case)
    if form is None and view.resubmit:
        form = ResubmitForm(missing=view.missing, initial={"versi": view.version})
    context = {"case": view, "form": form, "record": case}
    return render(request, "public/citizen/track_case.html", context, status=status)


@never_cache
@require_GET
def track_case(request: HttpRequest) -> HttpResponse:
    case = _tracked_case(request)
    if case is None:
        return redirect("public:track")
    return _case_page(request, case, None)


@never_cache
@require_POST
def track_resubmit(request: HttpRequest) -> HttpResponse:
    case = _tracked_case(request)
    if case is None:
        return redirect("public:track")
    view = citizen.tracking_view(case)
    if not view.resubmit:
        return redirect("public:track_case")
    form = ResubmitForm(request.POST, request.FILES, missing=view.missing)
    if not form.is_valid():
        return _case_page(request, case, form, status=400)
    try:
        # All or nothing: the files and the resubmission, on the version the applicant saw
        # (each file added moves the version on by one).
        with transaction.atomic():
            version = form.cleaned_data["versi"]
            for key, upload in form.files_given():
                try:
                    case_file_add(case=case, actor=APPLICANT, requirement=key, upload=upload)
                except InvalidInput as error:
                    form.add_service_error(error, files=[key])
                    raise
                version += 1
            case_act(case=case, actor=APPLICANT, action=view.resubmit, version=version)
    except CaseError as error:
        if not form.errors:
            form.add_error(None, error.message)
        return _case_page(request, case, form, status=400)
    messages.success(request, _("Berkas terkirim. Permohonan Anda diproses kembali."))
    return redirect("public:track_case")


@require_POST
def track_forget(request: HttpRequest) -> HttpResponse:
    request.session.pop(SESSION_CASE, None)
    return redirect("public:track")
