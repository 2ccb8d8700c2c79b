"""Pages of the front office.

- The kiosk (/tamu/kiosk/) on the desk's tablet: works only on a tablet an agency admin set up
  (device cookie), shows the guest-book form and, once, the ticket just taken — never a list.
- The call screen (/tamu/<agency>/layar/) for the TV: ticket numbers and desks only, refreshed
  by htmx polling.
- The desk in the staff workspace (/kerja/meja/<agency>/): call next, recall, serve, finish,
  no-show; the day's guest book (print, XLSX), entries made by the clerk, check-in of scheduled
  visitors, and the agency admin's settings (desks, queue lines, checklist, kiosk tablets).

Views parse input and call frontdesk.services and frontdesk.selectors.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontdesk import appointments, forms
from frontdesk import selectors as sel
from frontdesk.export import guest_book_xlsx
from frontdesk.models import Counter, EntrySource, KioskDevice, Ticket
from frontdesk.services import (
    FrontdeskError,
    checklist_replace,
    counter_save,
    guest_entry_create,
    kiosk_device_activate,
    kiosk_device_create,
    kiosk_device_revoke,
    queue_line_save,
    ticket_call_next,
    ticket_finish,
    ticket_no_show,
    ticket_recall,
    ticket_serve,
)
from standards.models import Agency, Service
from standards.selectors import agency_get
from workspace.selectors import memberships_for_user

KIOSK_COOKIE = "pelayan_frontdesk_kiosk"
KIOSK_COOKIE_AGE = 366 * 24 * 3600
KIOSK_TICKET_SALT = "frontdesk.kiosk.ticket"
KIOSK_TICKET_AGE = 10 * 60
# How long the kiosk shows a ticket before it clears for the next visitor.
KIOSK_RESET_SECONDS = 30
CALL_SCREEN_POLL_SECONDS = 3


def _local(at: dt.datetime | None, agency: Agency) -> str:
    return at.astimezone(ZoneInfo(agency.timezone)).strftime("%H:%M") if at else ""


def _lines_with_units(agency: Agency) -> list[dict[str, Any]]:
    return [{"line": line, "units": sel.units_for_line(line=line)} for line in sel.lines_of(agency=agency)]


def _guest_form_context(agency: Agency, values: dict[str, Any] | None = None,
                        errors: dict[str, str] | None = None) -> dict[str, Any]:  # fmt: skip
    values = values or {}
    return {
        "agency": agency,
        "lines": _lines_with_units(agency),
        "checklist": sel.checklist_of(agency=agency),
        "values": values,
        "checked": {str(v) for v in values.get("checklist", [])},
        "errors": errors or {},
        "photo_max_mb": settings.PELAYAN_FRONTDESK_PHOTO_MAX_BYTES // (1024 * 1024),
    }


def _posted(request: HttpRequest) -> dict[str, Any]:
    values: dict[str, Any] = {
        k: request.POST.get(k, "")[:500]
        for k in ("name", "institution", "purpose", "contact", "line", "unit")
    }
    values["checklist"] = request.POST.getlist("checklist")[: forms.MAX_CHECKLIST_IDS]
    return values


# -- the kiosk ---------------------------------------------------------------------------------


def _kiosk_device(request: HttpRequest) -> KioskDevice | None:
    return sel.kiosk_device_for_token(token=request.COOKIES.get(KIOSK_COOKIE, ""))


@never_cache
@require_http_methods(["GET", "POST"])
def kiosk_activate(request: HttpRequest) -> HttpResponse:
    code = (request.POST.get("code") or request.GET.get("kode") or "")[:64]
    if request.method == "GET":
        return render(request, "frontdesk/kiosk_activate.html", {"code": code, "error": ""})
    try:
        _device, token = kiosk_device_activate(code=code)
    except FrontdeskError as exc:
        return render(
            request, "frontdesk/kiosk_activate.html", {"code": code, "error": exc.message}, status=400
        )
    response = redirect("frontdesk:kiosk")
    response.set_cookie(
        KIOSK_COOKIE, token, max_age=KIOSK_COOKIE_AGE, httponly=True, samesite="Strict",
        secure=settings.SESSION_COOKIE_SECURE,
    )  # fmt: skip
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def kiosk(request: HttpRequest) -> HttpResponse:
    device = _kiosk_device(request)
    if device is None:
        return render(request, "frontdesk/kiosk_off.html", {}, status=403)
    agency = device.agency
    if request.method == "GET":
        return render(request, "frontdesk/kiosk.html", {**_guest_form_context(agency), "device": device})
    try:
        visit = guest_entry_create(
            agency=agency, form=forms.guest_form_from(request.POST), source=EntrySource.KIOSK,
            officer=device.acts_as, device=device, id_photo=request.FILES.get("id_photo"),
        )  # fmt: skip
    except FrontdeskError as exc:
        context = {
            **_guest_form_context(agency, _posted(request), exc.fields),
            "device": device,
            "error": exc.message,
        }
        return render(request, "frontdesk/kiosk.html", context, status=exc.status)
    if visit.ticket is None:
        return render(
            request, "frontdesk/kiosk_done.html", {"agency": agency, "reset_seconds": KIOSK_RESET_SECONDS}
        )
    signed = signing.dumps({"t": visit.ticket.pk, "d": device.pk}, salt=KIOSK_TICKET_SALT)
    return redirect("frontdesk:kiosk_ticket", signed=signed)


@never_cache
@require_GET
def kiosk_ticket(request: HttpRequest, signed: str) -> HttpResponse:
    """The ticket just taken, for a few minutes, on the kiosk that took it only."""
    device = _kiosk_device(request)
    if device is None:
        return render(request, "frontdesk/kiosk_off.html", {}, status=403)
    try:
        data = signing.loads(signed, salt=KIOSK_TICKET_SALT, max_age=KIOSK_TICKET_AGE)
    except signing.BadSignature:
        return redirect("frontdesk:kiosk")
    ticket = (
        Ticket.objects.filter(pk=data.get("t"), agency=device.agency).select_related("line", "agency").first()
    )
    if ticket is None or data.get("d") != device.pk:
        return redirect("frontdesk:kiosk")
    return render(request, "frontdesk/ticket.html", {
        "ticket": ticket, "agency": device.agency, "issued": _local(ticket.issued_at, device.agency),
        "kiosk": True, "reset_seconds": KIOSK_RESET_SECONDS, "ahead": _ahead(ticket),
    })  # fmt: skip


def _ahead(ticket: Ticket) -> int:
    return Ticket.objects.filter(
        agency_id=ticket.agency_id, day=ticket.day, status="waiting", issued_at__lt=ticket.issued_at
    ).count()


# -- the call screen ---------------------------------------------------------------------------


def _screen_agency(agency_slug: str) -> Agency:
    agency = agency_get(slug=agency_slug)
    if agency is None:
        raise Http404(_("Instansi tidak ditemukan."))
    return agency


@require_GET
def call_screen(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _screen_agency(agency_slug)
    screen = sel.call_screen(agency=agency, day=sel.local_day(agency))
    return render(request, "frontdesk/call_screen.html", {
        "agency": agency, "screen": screen, "poll": CALL_SCREEN_POLL_SECONDS,
    })  # fmt: skip


@never_cache
@require_GET
def call_screen_panel(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _screen_agency(agency_slug)
    screen = sel.call_screen(agency=agency, day=sel.local_day(agency))
    return render(request, "frontdesk/_call_panel.html", {"agency": agency, "screen": screen})


# -- the desk (staff workspace) ------------------------------------------------------------------


def _page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context.setdefault("memberships", memberships_for_user(user=request.user))
    return render(request, template, context, status=status)


def _desk_agency(request: HttpRequest, agency_slug: str) -> Agency:
    agency = sel.desk_agency_for(user=request.user, slug=agency_slug)
    if agency is None:
        raise Http404(_("Meja layanan tidak ditemukan."))
    return agency


def _counter_key(agency: Agency) -> str:
    return f"frontdesk.counter.{agency.pk}"


def _my_counter(request: HttpRequest, agency: Agency) -> Counter | None:
    pk = request.session.get(_counter_key(agency))
    return sel.counters_of(agency=agency).filter(pk=pk).first() if pk else None


@require_GET
@login_required
def desk_home(request: HttpRequest) -> HttpResponse:
    agencies = sel.desk_agencies(user=request.user)
    if len(agencies) == 1:
        return redirect("frontdesk:desk", agency_slug=agencies[0].slug)
    return _page(request, "frontdesk/desk_home.html", {"agencies": agencies}, status=200 if agencies else 403)


@require_GET
@login_required
def desk(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _desk_agency(request, agency_slug)
    counter = _my_counter(request, agency)
    day = sel.local_day(agency)
    tickets = list(
        sel.tickets_of_day(agency=agency, day=day).select_related("entry").order_by("issued_at", "id")
    )
    counts = sel.waiting_counts(agency=agency, day=day)
    return _page(request, "frontdesk/desk.html", {
        "agency": agency,
        "counter": counter,
        "counters": sel.counters_of(agency=agency),
        "current": sel.open_ticket_at(counter=counter) if counter else None,
        "lines": [(line, counts.get(line.pk, 0)) for line in sel.lines_of(agency=agency)],
        "waiting": [t for t in tickets if t.status == "waiting"],
        "handled": [t for t in tickets if t.status != "waiting"],
        "is_admin": sel.is_agency_admin(user=request.user, agency=agency),
        "day": day,
    })  # fmt: skip


@require_POST
@login_required
def desk_counter(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _desk_agency(request, agency_slug)
    pk = forms.int_from(request.POST.get("counter"))
    counter = sel.counters_of(agency=agency).filter(pk=pk).first() if pk else None
    if counter is None:
        messages.error(request, _("Pilih meja yang tersedia."))
    else:
        request.session[_counter_key(agency)] = counter.pk
        messages.success(request, _("Anda bertugas di %(counter)s.") % {"counter": counter})
    return redirect("frontdesk:desk", agency_slug=agency.slug)


@require_POST
@login_required
def desk_call_next(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _desk_agency(request, agency_slug)
    counter = _my_counter(request, agency)
    if counter is None:
        messages.error(request, _("Pilih meja Anda dulu."))
        return redirect("frontdesk:desk", agency_slug=agency.slug)
    line_ids = [i for i in (forms.int_from(v) for v in request.POST.getlist("line")[:30]) if i]
    lines = list(sel.lines_of(agency=agency).filter(pk__in=line_ids)) if line_ids else []
    try:
        ticket = ticket_call_next(counter=counter, actor=request.user, lines=lines)
    except FrontdeskError as exc:
        messages.error(request, exc.message)
    else:
        if ticket is None:
            messages.info(request, _("Tidak ada nomor yang menunggu."))
        else:
            messages.success(request, _("Nomor %(number)s dipanggil ke %(counter)s.") % {
                "number": ticket.number, "counter": counter})  # fmt: skip
    return redirect("frontdesk:desk", agency_slug=agency.slug)


_TICKET_ACTIONS = {
    "recall": (ticket_recall, _("Nomor %(number)s dipanggil ulang.")),
    "serve": (ticket_serve, _("Nomor %(number)s sedang dilayani.")),
    "finish": (ticket_finish, _("Nomor %(number)s selesai.")),
    "no_show": (ticket_no_show, _("Nomor %(number)s dicatat tidak hadir.")),
}


@require_POST
@login_required
def desk_ticket(request: HttpRequest, agency_slug: str, ticket_id: int) -> HttpResponse:
    agency = _desk_agency(request, agency_slug)
    counter = _my_counter(request, agency)
    ticket = sel.tickets_of_day(agency=agency, day=sel.local_day(agency)).filter(pk=ticket_id).first()
    action = _TICKET_ACTIONS.get(request.POST.get("action", ""))
    if ticket is None or counter is None or action is None:
        messages.error(request, _("Nomor ini tidak dapat diproses dari meja Anda."))
        return redirect("frontdesk:desk", agency_slug=agency.slug)
    service, done = action
    try:
        service(
            ticket=ticket,
            counter=counter,
            actor=request.user,
            version=forms.int_from(request.POST.get("version")) or 0,
        )
    except FrontdeskError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, str(done) % {"number": ticket.number})
    return redirect("frontdesk:desk", agency_slug=agency.slug)


@require_GET
@login_required
def ticket_print(request: HttpRequest, agency_slug: str, ticket_id: int) -> HttpResponse:
    agency = _desk_agency(request, agency_slug)
    ticket = Ticket.objects.filter(agency=agency, pk=ticket_id).select_related("line").first()
    if ticket is None:
        raise Http404(_("Nomor antrean tidak ditemukan."))
    return render(request, "frontdesk/ticket.html", {
        "ticket": ticket, "agency": agency, "issued": _local(ticket.issued_at, agency), "kiosk": False,
        "ahead": _ahead(ticket),
    })  # fmt: skip


# -- the guest book ----------------------------------------------------------------------------


def _day_or_400(request: HttpRequest, agency: Agency) -> dt.date | None:
    return forms.day_from(request.GET.get("tanggal"), sel.local_day(agency))


def _guest_rows(agency: Agency, day: dt.date) -> list[dict[str, Any]]:
    rows = []
    for entry in sel.guest_entries_for_day(agency=agency, day=day):
        rows.append(
            {
                "entry": entry,
                "time": _local(entry.visited_at, agency),
                "ticket": getattr(entry, "ticket", None),
            }
        )
    return rows


@require_GET
@login_required
def guest_list(request: HttpRequest, agency_slug: str, printable: bool = False) -> HttpResponse:
    agency = _desk_agency(request, agency_slug)
    day = _day_or_400(request, agency)
    if day is None:
        return _page(request, "frontdesk/guest_list.html", {
            "agency": agency, "rows": [], "day": sel.local_day(agency),
            "error": _("Tanggal tidak dapat dibaca; tulis seperti 2026-11-30."),
        }, status=400)  # fmt: skip
    template = "frontdesk/guest_print.html" if printable else "frontdesk/guest_list.html"
    return _page(request, template, {"agency": agency, "rows": _guest_rows(agency, day), "day": day})


@require_GET
@login_required
def guest_xlsx(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _desk_agency(request, agency_slug)
    day = _day_or_400(request, agency)
    if day is None:
        return HttpResponse(_("Tanggal tidak dapat dibaca; tulis seperti 2026-11-30."), status=400,
                            content_type="text/plain; charset=utf-8")  # fmt: skip
    data = guest_book_xlsx(agency=agency, day=day, entries=sel.guest_entries_for_day(agency=agency, day=day))
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="buku-tamu-{agency.slug}-{day.isoformat()}.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def guest_photo(request: HttpRequest, agency_slug: str, entry_id: int) -> FileResponse:
    agency = _desk_agency(request, agency_slug)
    entry = sel.guest_entry_get(agency=agency, pk=entry_id)
    if entry is None or not entry.id_photo:
        raise Http404(_("Foto tidak ditemukan."))
    response = FileResponse(entry.id_photo.open("rb"), content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
@login_required
def guest_new(request: HttpRequest, agency_slug: str) -> HttpResponse:
    """The clerk writes a visitor into the guest book (no tablet, or the visitor asked)."""
    agency = _desk_agency(request, agency_slug)
    if request.method == "GET":
        return _page(request, "frontdesk/guest_new.html", _guest_form_context(agency))
    try:
        visit = guest_entry_create(
            agency=agency, form=forms.guest_form_from(request.POST), source=EntrySource.DESK,
            officer=request.user, id_photo=request.FILES.get("id_photo"),
        )  # fmt: skip
    except FrontdeskError as exc:
        context = {**_guest_form_context(agency, _posted(request), exc.fields), "error": exc.message}
        return _page(request, "frontdesk/guest_new.html", context, status=exc.status)
    text = _("Tamu %(name)s dicatat.") % {"name": visit.entry.name}
    if visit.ticket:
        text += " " + _("Nomor antrean: %(number)s.") % {"number": visit.ticket.number}
    if visit.case:
        text += " " + _("Nomor registrasi: %(number)s.") % {"number": visit.case.display_number}
    messages.success(request, text)
    if visit.ticket:
        return redirect("frontdesk:ticket_print", agency_slug=agency.slug, ticket_id=visit.ticket.pk)
    return redirect("frontdesk:guests", agency_slug=agency.slug)


# -- check-in of scheduled visitors ------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def check_in(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _desk_agency(request, agency_slug)
    day = sel.local_day(agency)
    rows = appointments.appointments_today(agency=agency, day=day)
    context: dict[str, Any] = {
        **_guest_form_context(agency),
        "available": rows is not None,
        "rows": [{"row": r, "time": _local(r.starts_at, agency)} for r in rows or []],
        "day": day,
    }
    if request.method == "GET" or rows is None:
        return _page(request, "frontdesk/check_in.html", context)
    ref = request.POST.get("appointment", "")[:64]
    try:
        visit = appointments.visitor_check_in(
            agency=agency, ref=ref, officer=request.user, form=forms.guest_form_from(request.POST), day=day
        )
    except FrontdeskError as exc:
        context.update(_guest_form_context(agency, _posted(request), exc.fields))
        context.update(error=exc.message, chosen=ref)
        return _page(request, "frontdesk/check_in.html", context, status=exc.status)
    messages.success(request, _("Tamu %(name)s hadir sesuai jadwal.") % {"name": visit.entry.name})
    return redirect("frontdesk:check_in", agency_slug=agency.slug)


# -- settings (agency admin) -------------------------------------------------------------------


def _admin_agency(request: HttpRequest, agency_slug: str) -> Agency:
    agency = _desk_agency(request, agency_slug)
    if not sel.is_agency_admin(user=request.user, agency=agency):
        raise Http404(_("Meja layanan tidak ditemukan."))
    return agency


def _settings_context(agency: Agency) -> dict[str, Any]:
    return {
        "agency": agency,
        "counters": sel.counters_of(agency=agency, active_only=False),
        "lines": sel.lines_of(agency=agency, active_only=False),
        "services": Service.objects.filter(agency=agency, is_active=True).order_by("name"),
        "checklist_text": "\n".join(i.text for i in sel.checklist_of(agency=agency)),
        "devices": sel.kiosk_devices_of(agency=agency),
        "officers": sel.kiosk_officers(agency=agency),
        "errors": {},
    }


@require_http_methods(["GET", "POST"])
@login_required
def desk_settings(request: HttpRequest, agency_slug: str) -> HttpResponse:
    agency = _admin_agency(request, agency_slug)
    context = _settings_context(agency)
    if request.method == "GET":
        return _page(request, "frontdesk/settings.html", context)
    what = request.POST.get("what", "")
    try:
        if what == "counter":
            counter_save(agency=agency, actor=request.user, number=forms.int_from(request.POST.get("number")) or 0,
                         name=request.POST.get("name", "")[:200])  # fmt: skip
            messages.success(request, _("Meja disimpan."))
        elif what == "line":
            service_id = forms.int_from(request.POST.get("service"))
            service = Service.objects.filter(agency=agency, pk=service_id).first() if service_id else None
            queue_line_save(agency=agency, actor=request.user, prefix=request.POST.get("prefix", "")[:4],
                            name=request.POST.get("name", "")[:300], service=service,
                            position=forms.int_from(request.POST.get("position")) or 0)  # fmt: skip
            messages.success(request, _("Jenis antrean disimpan."))
        elif what == "checklist":
            checklist_replace(agency=agency, actor=request.user,
                              texts=request.POST.get("checklist", "")[:8000].splitlines())  # fmt: skip
            messages.success(request, _("Daftar periksa kedatangan disimpan."))
        elif what == "device":
            officer_id = forms.int_from(request.POST.get("acts_as"))
            officer = get_user_model().objects.filter(pk=officer_id).first() if officer_id else None
            device, code = kiosk_device_create(agency=agency, actor=request.user,
                                               name=request.POST.get("name", "")[:200], acts_as=officer)  # fmt: skip
            link = request.build_absolute_uri(reverse("frontdesk:kiosk_activate")) + f"?kode={code}"
            # Not a redirect: the code is shown on this one response and kept nowhere else.
            return _page(request, "frontdesk/device_created.html", {"agency": agency, "device": device,
                                                                    "code": code, "link": link})  # fmt: skip
        elif what == "revoke":
            device_id = forms.int_from(request.POST.get("device"))
            device_row = (
                sel.kiosk_devices_of(agency=agency).filter(pk=device_id).first() if device_id else None
            )
            if device_row is None:
                raise FrontdeskError(
                    _("Perangkat tidak ditemukan."), {"device": _("Perangkat tidak ditemukan.")}
                )
            kiosk_device_revoke(device=device_row, actor=request.user)
            messages.success(request, _("Perangkat %(name)s dicabut.") % {"name": device_row.name})
        else:
            raise FrontdeskError(_("Formulir tidak dikenal."))
    except FrontdeskError as exc:
        context.update(
            error=exc.message, errors={f"{what}_{k}": v for k, v in exc.fields.items()}, failed=what
        )
        return _page(request, "frontdesk/settings.html", context, status=exc.status)
    return redirect("frontdesk:settings", agency_slug=agency.slug)
