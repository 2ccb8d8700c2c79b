"""Complaint pages: the public website form with its receipt, the public list and the rating on
the tracking page; in the workspace the team's list, staff entry, the box log, the complaint page
(tier, steps, internal notes, answer, answer letter, evaluation) and the Buku Pengaduan.

Views parse input and call the services and selectors. A complaint outside the officer's team is
a 404 everywhere, never a hint that it exists.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases import selectors as case_selectors
from cases.models import Channel
from cases.services import CaseError, InvalidInput, may_act
from complaints import selectors, services
from complaints.forms import (
    ActForm,
    AnswerForm,
    BoxOpeningForm,
    EvaluationForm,
    NoteForm,
    PublicComplaintForm,
    RatingForm,
    RecapForm,
    StaffComplaintForm,
    TierForm,
)
from complaints.models import Complaint, Escalation
from standards.models import Agency
from workspace.selectors import memberships_for_user, units_named

SESSION_RECEIPT = "pelayan.complaint_receipt"
SESSION_STAFF_RECEIPT = "pelayan.complaint_staff_receipt"


def _agency_or_404(slug: str) -> Agency:
    return get_object_or_404(Agency, slug=slug)


# -- public ------------------------------------------------------------------------------------


@never_cache  # Back shows a new form with a new key, not the last one kept by the browser
@require_http_methods(["GET", "POST"])
def complaint_form(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _agency_or_404(agency_slug)
    intake = selectors.website_intake_for(agency=agency)
    if intake is None:
        raise Http404(_("Instansi ini tidak menerima pengaduan melalui situs web."))
    definition, rules = intake
    status = 200
    if request.method == "POST":
        form = PublicComplaintForm(request.POST, request.FILES, asks=rules.asks)
        if form.is_valid():
            values = form.values()
            try:
                complaint = services.complaint_create(
                    agency=agency,
                    channel=Channel.WEBSITE,
                    files=form.uploads(),
                    public=form.cleaned_data.get("public", False),
                    # A second press of "Kirim" is the same form: it makes no second complaint.
                    source_ref=f"web:{form.cleaned_data['kunci']}",
                    process=definition,  # read above for the form: not read again
                    **values,
                )
            except InvalidInput as error:
                form.add_service_error(error)
            except CaseError as error:
                form.add_error(None, error.message)
            else:
                if complaint.pin is not None:
                    from public.citizen_views import _remember

                    _remember(request, complaint.case)
                    request.session[SESSION_RECEIPT] = {
                        "agency": agency.pk,
                        "number": complaint.reference,
                        "pin": complaint.pin,
                        "register": complaint.register_label,
                        # Where the same receipt went (by e-mail, from the website), said on the page.
                        "sent_to": complaint.receipt_to or "",
                    }
                return redirect("complaints:public_done", agency_slug=agency.slug)
        status = 400
    else:
        form = PublicComplaintForm(asks=rules.asks)
    return render(
        request,
        "complaints/public_form.html",
        {"agency": agency, "form": form, "rules": rules},
        status=status,
    )


@never_cache
@require_GET
def complaint_done(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _agency_or_404(agency_slug)
    receipt = request.session.get(SESSION_RECEIPT)
    if isinstance(receipt, dict) and receipt.get("agency") == agency.pk:
        del request.session[SESSION_RECEIPT]  # shown once
    else:
        receipt = None
    return render(request, "complaints/public_done.html", {"agency": agency, "receipt": receipt})


@require_GET
def public_list(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _agency_or_404(agency_slug)
    return render(
        request,
        "complaints/public_list.html",
        {
            "agency": agency,
            "rows": selectors.public_complaints(agency=agency),
            "has_form": selectors.website_intake_for(agency=agency) is not None,
        },
    )


@never_cache
@require_POST
def rate(request: HttpRequest) -> HttpResponse:
    from public.citizen_views import _tracked_case

    case = _tracked_case(request)
    if case is None:
        return redirect("public:track")
    form = RatingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih nilai 1 sampai 5."))
        return redirect("public:track_case")
    try:
        services.complaint_rate(
            case=case, rating=form.cleaned_data["rating"], comment=form.cleaned_data["comment"]
        )
    except CaseError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Terima kasih, penilaian Anda tersimpan."))
    return redirect("public:track_case")


# -- workspace ---------------------------------------------------------------------------------


def _page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context.setdefault("memberships", memberships_for_user(user=request.user))
    return render(request, template, context, status=status)


def _team_agency_or_404(request: HttpRequest, slug: str) -> Agency:
    for agency in selectors.team_agencies(user=request.user):
        if agency.slug == slug:
            return agency
    raise Http404(_("Instansi tidak ditemukan."))


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    agencies = selectors.team_agencies(user=request.user)
    now = timezone.now()
    blocks = []
    for agency in agencies:
        complaints = (
            selectors.complaints_for_team(user=request.user, agency=agency)
            .filter(case__status="open")
            .order_by("case__due_at", "-received_at")[:100]
        )
        blocks.append(
            {"agency": agency, "complaints": list(complaints), "year": timezone.localdate(now).year}
        )
    return _page(
        request,
        "complaints/home.html",
        {
            "blocks": blocks,
            "escalations": list(selectors.escalations_for_user(user=request.user)[:50]),
            "recaps": selectors.recaps_for_user(user=request.user),
        },
    )


@never_cache  # Back shows a new form with a new key, not the last one kept by the browser
@require_http_methods(["GET", "POST"])
@login_required
def entry(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _team_agency_or_404(request, agency_slug)
    channels = selectors.staff_channels_for(agency=agency)
    status = 200
    if request.method == "POST":
        form = StaffComplaintForm(request.POST, request.FILES, channels=channels, zone=agency.timezone)
        if form.is_valid():
            try:
                complaint = services.complaint_create(
                    agency=agency,
                    channel=form.cleaned_data["channel"],
                    created_by=request.user,
                    received_at=form.received(),
                    lapor_id=form.cleaned_data.get("lapor_id", ""),
                    files=form.uploads(),
                    # A double click records the slip once; the second answer shows the same receipt.
                    source_ref=f"staff:{form.cleaned_data['kunci']}",
                    **form.values(),
                )
            except InvalidInput as error:
                form.add_service_error(error)
            except CaseError as error:
                form.add_error(None, error.message)
            else:
                if complaint.pin is not None:
                    # Shown once, on the printable receipt the officer hands over (not a flash
                    # message, which would keep the PIN in the message store).
                    request.session[SESSION_STAFF_RECEIPT] = {"complaint": complaint.pk, "pin": complaint.pin}
                return redirect("complaints:receipt", pk=complaint.pk)
        status = 400
    else:
        form = StaffComplaintForm(channels=channels, zone=agency.timezone)
    return _page(request, "complaints/entry.html", {"agency": agency, "form": form}, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def box(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _team_agency_or_404(request, agency_slug)
    status = 200
    zone = ZoneInfo(agency.timezone)
    if request.method == "POST":
        form = BoxOpeningForm(request.POST)
        if form.is_valid():
            try:
                services.box_opening_record(
                    agency=agency,
                    actor=request.user,
                    opened_at=form.cleaned_data["opened_at"].replace(tzinfo=None).replace(tzinfo=zone),
                    slips=form.cleaned_data["slips"],
                    location=form.cleaned_data["location"],
                    note=form.cleaned_data["note"],
                )
            except InvalidInput as error:
                for field in error.fields:
                    form.add_error(field if field in form.fields else None, error.message)
            except CaseError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request, _("Pembukaan kotak dicatat. Catat setiap lembar sebagai pengaduan.")
                )
                return redirect("complaints:box", agency_slug=agency.slug)
        status = 400
    else:
        form = BoxOpeningForm(
            initial={"opened_at": timezone.localtime(timezone.now(), zone).strftime("%Y-%m-%dT%H:%M")}
        )
    return _page(
        request,
        "complaints/box.html",
        {"agency": agency, "form": form, "openings": selectors.box_openings(agency=agency)},
        status=status,
    )


def _complaint_or_404(request: HttpRequest, pk: int) -> Complaint:
    complaint = selectors.complaint_for_user(user=request.user, pk=pk)
    if complaint is None:
        raise Http404(_("Pengaduan tidak ditemukan."))
    return complaint


def _detail(
    request: HttpRequest,
    complaint: Complaint,
    *,
    status: int = 200,
    error: str = "",
    errors: dict[str, str] | None = None,
) -> HttpResponse:
    case = complaint.case
    rules = selectors.rules_for(complaint)
    process = case.compiled()
    step = case.current_step()
    acting = may_act(case=case, user=request.user)
    actions = []
    if acting and step is not None:
        for transition in step.transitions:
            target = process.steps.get(transition.to or "")
            units = []
            if target is not None and target.units:
                by_slug = units_named(agency_id=case.agency_id, slugs=target.units)
                units = [(slug, by_slug.get(slug, slug)) for slug in target.units]
            actions.append(
                {
                    "key": transition.key,
                    "label": transition.label,
                    "closes": services._ends_completed(process, step.id, transition.key),
                    "units": units,
                }
            )
    clock = selectors.complaint_clock(complaint=complaint)
    now = timezone.now()
    zone = ZoneInfo(case.agency.timezone)
    context = {
        "complaint": complaint,
        "case": case,
        "rules": rules,
        "step": step,
        "identity": selectors.identity_for_handler(complaint),
        "files": list(complaint.files.all()),
        "notes": list(complaint.notes.all()),
        "timeline": case_selectors.case_timeline(case=case),
        "actions": actions,
        "can_tier": services.may_set_tier(complaint=complaint, user=request.user),
        "tier_form": TierForm(
            tiers=[(t.key, f"{t.label} ({t.maximum.label()})") for t in rules.tiers],
            initial={"tier": complaint.tier, "target": complaint.tier_target},
        ),
        "tier_label": next((t.label for t in rules.tiers if t.key == complaint.tier), ""),
        "range_tier": any(t.is_range for t in rules.tiers),
        "clock": clock,
        "due": timezone.localtime(case.due_at, zone) if case.due_at else None,
        "received": timezone.localtime(complaint.received_at, zone),
        "note_form": NoteForm(),
        "answer_form": AnswerForm(initial={"answer": complaint.answer}),
        "can_evaluate": rules.evaluation_after_close and not case.is_open(),
        "evaluation_form": EvaluationForm(initial={"evaluation": complaint.evaluation}),
        "error": error,
        "errors": errors or {},
        "now": now,
    }
    return _page(request, "complaints/detail.html", context, status=status)


@require_GET
@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _complaint_or_404(request, pk))


@require_GET
@login_required
@never_cache
def receipt(request: HttpRequest, pk: int) -> HttpResponse:
    """The printable receipt of a complaint recorded by an officer (in person, phone, letter, fax,
    box): what the website's receipt page and the e-mailed receipt say. The PIN appears once,
    right after recording; printed again later, the receipt says it was handed over."""
    complaint = _complaint_or_404(request, pk)
    kept = request.session.get(SESSION_STAFF_RECEIPT)
    pin = None
    if isinstance(kept, dict) and kept.get("complaint") == complaint.pk:
        pin = kept.get("pin")
        del request.session[SESSION_STAFF_RECEIPT]
    return _page(
        request,
        "complaints/receipt.html",
        {
            "complaint": complaint,
            "pin": pin,
            "identity": selectors.identity_for_handler(complaint),
            "zone": complaint.agency.timezone,
            "track_url": services.track_url(),
        },
    )


def _failed(request: HttpRequest, pk: int, error: CaseError) -> HttpResponse:
    complaint = _complaint_or_404(request, pk)
    return _detail(
        request, complaint, status=error.status, error=error.message, errors=error.field_messages()
    )


@require_POST
@login_required
def act(request: HttpRequest, pk: int) -> HttpResponse:
    complaint = _complaint_or_404(request, pk)
    form = ActForm(request.POST)
    if not form.is_valid():
        return _failed(
            request, pk, InvalidInput(_("Tindakan tidak lengkap; muat ulang halaman."), {"action": "invalid"})
        )
    data = form.cleaned_data
    try:
        services.complaint_act(
            complaint=complaint,
            actor=request.user,
            action=data["action"],
            version=data["version"],
            note=data["note"],
            unit=data["unit"] or None,
            answer=data["answer"] or None,
        )
    except CaseError as error:
        return _failed(request, pk, error)
    messages.success(request, _("Tindakan dicatat."))
    return redirect("complaints:detail", pk=pk)


@require_POST
@login_required
def tier(request: HttpRequest, pk: int) -> HttpResponse:
    complaint = _complaint_or_404(request, pk)
    rules = selectors.rules_for(complaint)
    form = TierForm(request.POST, tiers=[(t.key, t.label) for t in rules.tiers])
    if not form.is_valid():
        return _failed(
            request, pk, InvalidInput(_("Pilih salah satu tingkat pengaduan."), {"tier": "required"})
        )
    try:
        services.complaint_tier_set(
            complaint=complaint,
            actor=request.user,
            tier=form.cleaned_data["tier"],
            target=form.cleaned_data["target"],
        )
    except CaseError as error:
        return _failed(request, pk, error)
    messages.success(request, _("Tingkat pengaduan ditetapkan; batas waktu dihitung ulang sejak diterima."))
    return redirect("complaints:detail", pk=pk)


def _text_post(
    request: HttpRequest,
    pk: int,
    *,
    form_class: type[forms.Form],
    field: str,
    invalid: str,
    write: Callable[..., Any],
    done: str | None = None,
) -> HttpResponse:
    """One text field posted on the complaint page, written through its service; a refusal is shown
    on the page under the field, a success goes back to the page."""
    complaint = _complaint_or_404(request, pk)
    form = form_class(request.POST)
    try:
        if not form.is_valid():
            raise InvalidInput(invalid, {field: "invalid"})
        write(complaint=complaint, actor=request.user, **{field: form.cleaned_data[field]})
    except CaseError as error:
        return _failed(request, pk, error)
    if done:
        messages.success(request, done)
    return redirect("complaints:detail", pk=pk)


@require_POST
@login_required
def note(request: HttpRequest, pk: int) -> HttpResponse:
    return _text_post(
        request, pk, form_class=NoteForm, field="body",
        invalid=_("Catatan kosong atau lebih dari 4.000 karakter."), write=services.complaint_note_add,
    )  # fmt: skip


@require_POST
@login_required
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    return _text_post(
        request, pk, form_class=AnswerForm, field="answer",
        invalid=_("Jawaban kosong atau terlalu panjang."), write=services.complaint_answer_draft,
        done=_("Draf jawaban disimpan."),
    )  # fmt: skip


@require_POST
@login_required
def evaluate(request: HttpRequest, pk: int) -> HttpResponse:
    return _text_post(
        request, pk, form_class=EvaluationForm, field="evaluation",
        invalid=_("Evaluasi kosong atau terlalu panjang."), write=services.complaint_evaluate,
        done=_("Evaluasi dicatat."),
    )  # fmt: skip


@require_GET
@login_required
def letter(request: HttpRequest, pk: int) -> HttpResponse:
    complaint = _complaint_or_404(request, pk)
    if not complaint.answer:
        raise Http404(_("Pengaduan ini belum dijawab."))
    zone = ZoneInfo(complaint.agency.timezone)
    return render(
        request,
        "complaints/letter.html",
        {
            "complaint": complaint,
            "identity": selectors.identity_for_handler(complaint),
            "date": timezone.localtime(complaint.answered_at or timezone.now(), zone).date(),
            "received": timezone.localtime(complaint.received_at, zone).date(),
        },
    )


@require_GET
@login_required
def file(request: HttpRequest, pk: int, file_id: int) -> HttpResponse:
    complaint = _complaint_or_404(request, pk)
    row = complaint.files.filter(pk=file_id).first()
    if row is None:
        raise Http404(_("Berkas tidak ditemukan."))
    response = FileResponse(
        row.file.open("rb"), as_attachment=True, filename=row.name, content_type=row.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
def escalation_seen(request: HttpRequest, pk: int) -> HttpResponse:
    escalation = get_object_or_404(Escalation, pk=pk)
    try:
        services.escalation_mark_seen(escalation=escalation, actor=request.user)
    except CaseError as error:
        messages.error(request, error.message)
    return redirect("complaints:home")


# -- the register ------------------------------------------------------------------------------


def _year(value: str) -> int:
    try:
        year = int(value)
    except ValueError:
        raise Http404(_("Tahun tidak dikenal.")) from None
    if not 2000 <= year <= 2100:
        raise Http404(_("Tahun tidak dikenal."))
    return year


@require_http_methods(["GET", "POST"])
@login_required
def register(request: HttpRequest, agency_slug: str, year: str) -> HttpResponse:
    agency = _team_agency_or_404(request, agency_slug)
    year_number = _year(year)
    status = 200
    recap_form = RecapForm(initial={"period": "month", "day": timezone.localdate()})
    if request.method == "POST":
        recap_form = RecapForm(request.POST)
        if recap_form.is_valid():
            try:
                services.recap_deliver(
                    agency=agency,
                    period=recap_form.cleaned_data["period"],
                    day=recap_form.cleaned_data["day"],
                    actor=request.user,
                )
            except CaseError as error:
                recap_form.add_error(None, error.message)
            else:
                messages.success(request, _("Rekap disampaikan kepada penerima yang disebut standar."))
                return redirect("complaints:register", agency_slug=agency.slug, year=year_number)
        status = 400
    try:
        page = max(1, int(request.GET.get("hal", "1")))
    except ValueError:
        page = 1
    total = selectors.register_count(agency=agency, year=year_number)
    rows = selectors.register_rows(
        agency=agency,
        year=year_number,
        offset=(page - 1) * selectors.REGISTER_PAGE,
        limit=selectors.REGISTER_PAGE,
    )
    pages = max(1, -(-total // selectors.REGISTER_PAGE))
    return _page(
        request,
        "complaints/register.html",
        {
            "agency": agency,
            "year": year_number,
            "rows": rows,
            "total": total,
            "page": page,
            "pages": pages,
            "years": selectors.register_years(agency=agency),
            "recap_form": recap_form,
            "recap_roles": selectors.recap_role_names_for(agency=agency),
            "recaps": list(agency.complaint_recaps.all()[:12]),
        },
        status=status,
    )


@require_GET
@login_required
def register_xlsx(request: HttpRequest, agency_slug: str, year: str) -> HttpResponse:
    from openpyxl import Workbook

    agency = _team_agency_or_404(request, agency_slug)
    year_number = _year(year)
    rows = selectors.register_rows(agency=agency, year=year_number, limit=selectors.EXPORT_MAX_ROWS)
    book = Workbook()
    sheet = book.active
    sheet.title = f"Buku Pengaduan {year_number}"
    sheet.append(
        [
            _("No."),
            _("Tanggal"),
            _("Nama"),
            _("Pekerjaan"),
            _("Alamat"),
            _("Sarana"),
            _("Jenis"),
            _("Isi pengaduan"),
            _("Tindak lanjut"),
            _("Tanggal selesai"),
            _("Nomor registrasi"),
        ]
    )
    for row in rows:
        sheet.append(
            [
                row["number"],
                row["date"],
                _("Anonim") if row["anonymous"] else row["name"],
                row["occupation"],
                row["address"],
                row["channel"],
                row["kind"],
                _("(rahasia)") if row["confidential"] else row["content"],
                row["follow_up"],
                row["finished"],
                row["reference"],
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="buku-pengaduan-{agency.slug}-{year_number}.xlsx"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
