"""The structured standard editor of the workspace (/kerja/standar/…), for agency admins.

A draft is edited one component at a time, each as its own form. The form saves itself (htmx posts
it a second after a change); the answer updates only the save status, the error under each field,
the compliance findings and, for the procedure, the flow diagram, so nothing the officer is typing
elsewhere in the form is replaced. An invalid form is not saved and keeps every input; without
JavaScript the "Simpan" button does the same with a whole page. Views parse input and call
standards.services and standards.selectors; a standard of another agency is a 404.
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import administered_agency_ids, mark_private
from pelayan.lib.standard_schema import COMPONENT_KEYS, DELIVERY_COMPONENTS, Procedure
from standards.components import COMPONENT_LABELS, ComplianceItem
from standards.models import Standard
from standards.selectors import (
    agency_roles_and_units,
    standard_compliance,
    standard_get,
    standards_of_agencies,
)
from standards.services import (
    InvalidComponents,
    StandardError,
    standard_component_update,
    standard_draft_from,
)
from workspace import presenters
from workspace import standard_forms as sf
from workspace.selectors import memberships_for_user

_INDEXED = re.compile(r"^(?:(?P<name>[a-z_]+))?\[(?P<index>\d+)\]")


def _page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context.setdefault("memberships", memberships_for_user(user=request.user))
    mark_private(request)
    response = render(request, template, context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


def _administered_standard(request: HttpRequest, standard_id: int) -> Standard:
    standard = standard_get(pk=standard_id)
    if standard is None or standard.service.agency_id not in administered_agency_ids(request):
        raise Http404(_("Standar tidak ditemukan."))
    return standard


def _editor(component: str) -> sf.Editor:
    editor = sf.EDITORS.get(component)
    if editor is None:
        raise Http404(_("Komponen tidak dikenal."))
    return editor


# -- list and new draft ----------------------------------------------------------------------------


@require_GET
@login_required
def standard_list(request: HttpRequest) -> HttpResponse:
    agency_ids = administered_agency_ids(request)
    if not agency_ids:
        raise Http404(_("Halaman ini untuk admin instansi."))
    services: dict[int, dict[str, Any]] = {}
    for standard in standards_of_agencies(agency_ids=agency_ids):
        row = services.setdefault(
            standard.service_id,
            {"service": standard.service, "versions": [], "draft": None, "published": None},
        )
        row["versions"].append(standard)
        if standard.is_editable() and row["draft"] is None:
            row["draft"] = standard
        if standard.status == "published":
            row["published"] = standard
    return _page(request, "workspace/standards.html", {"rows": list(services.values())})


@require_POST
@login_required
def standard_new_draft(request: HttpRequest, standard_id: int) -> HttpResponse:
    source = _administered_standard(request, standard_id)
    draft = standard_draft_from(standard=source, actor=request.user)
    messages.success(
        request,
        _("Draf versi %(new)s dibuat dari versi %(old)s.") % {"new": draft.version, "old": source.version},
    )
    return redirect("workspace:standard_edit", standard_id=draft.pk)


# -- the editor ------------------------------------------------------------------------------------


def _findings_by_component(items: list[ComplianceItem]) -> dict[str, list[ComplianceItem]]:
    grouped: dict[str, list[ComplianceItem]] = {key: [] for key in COMPONENT_KEYS}
    for item in items:
        grouped.setdefault(item.component, []).append(item)
    return grouped


def _nav(
    standard: Standard, grouped: dict[str, list[ComplianceItem]], current: str = ""
) -> list[dict[str, Any]]:
    return [
        {
            "key": key,
            "label": COMPONENT_LABELS[key],
            "errors": sum(1 for i in grouped.get(key, []) if i.severity == "error"),
            "warnings": sum(1 for i in grouped.get(key, []) if i.severity == "warning"),
            "current": key == current,
            "section": "A" if key in DELIVERY_COMPONENTS else "B",
        }
        for key in COMPONENT_KEYS
    ]


@require_GET
@login_required
def standard_edit(request: HttpRequest, standard_id: int) -> HttpResponse:
    standard = _administered_standard(request, standard_id)
    grouped = _findings_by_component(standard_compliance(standard=standard))
    context = {
        "standard": standard,
        "nav": _nav(standard, grouped),
        "editable": standard.is_editable(),
        "saved_at": presenters.local_time(standard.updated_at, standard.service.agency),
    }
    return _page(request, "workspace/standard_edit.html", context)


def _context_for(standard: Standard, component: str, data: Any = None) -> sf.EditorContext:
    components = standard.components
    procedure = components.get("procedure") or {}
    roles, units = agency_roles_and_units(agency_id=standard.service.agency_id)
    steps = [
        (s.get("id"), f"{n}. {s.get('id')}")
        for n, s in enumerate(procedure.get("steps") or [], 1)
        if s.get("id")
    ]
    tracks = [
        (t.get("key"), t.get("title") or t.get("key")) for t in procedure.get("tracks") or [] if t.get("key")
    ]
    if data is not None and component == "procedure":
        steps = [(s, f"{n}. {s}") for n, s in enumerate(sf.posted_steps(data), 1)]
        tracks = [(k, k) for k in sf.posted_values(data, "tracks", "key")]
    return sf.EditorContext(
        roles=[(code, f"{name} ({code})") for code, name in roles],
        units=list(units),
        steps=steps,
        tracks=tracks,
        requirements=[
            (r.get("key"), f"{r.get('key')}: {r.get('text', '')[:60]}")
            for r in components.get("requirements") or []
            if isinstance(r, dict) and r.get("key")
        ],
        products=sf.product_choices(components.get("products") or []),
    )


def _all_forms(bound: dict[str, Any]) -> list[Any]:
    forms_ = []
    for item in bound.values():
        forms_.extend(item.forms if hasattr(item, "forms") else [item])
    return forms_


def _unbound_located(editor: sf.Editor, bound: dict[str, Any]) -> sf.Located:
    located: sf.Located = {}
    for part in editor.parts:
        if part.prefix == "transitions":
            continue
        if not part.many:
            located[()] = bound[part.prefix]
            continue
        for index, form in enumerate(bound[part.prefix].forms):
            located[(*part.path, index)] = form
    return located


def _findings_on_forms(
    items: list[ComplianceItem], located: sf.Located
) -> tuple[dict[str, list[ComplianceItem]], list[ComplianceItem]]:
    """Findings next to the item they concern (by the form's prefix); the rest for the component."""
    on_form: dict[str, list[ComplianceItem]] = {}
    general: list[ComplianceItem] = []
    for item in items:
        match = _INDEXED.match(item.path)
        form = None
        if match:
            name, index = match.group("name"), int(match.group("index"))
            form = located.get((name, index) if name else (index,))
        elif item.path and () in located:
            form = located[()]
        if form is not None:
            on_form.setdefault(form.prefix, []).append(item)
        else:
            general.append(item)
    return on_form, general


def _diagram(procedure: Any, title: str) -> str:
    try:
        model = Procedure.model_validate(procedure or {})
    except ValueError:
        return ""
    return presenters.procedure_diagram(model, title=title)


def _component_context(
    request: HttpRequest,
    standard: Standard,
    component: str,
    bound: dict[str, Any],
    located: sf.Located,
    *,
    saved: bool,
    left: list[str],
    invalid: bool,
) -> dict[str, Any]:
    editor = _editor(component)
    items = standard_compliance(standard=standard)
    grouped = _findings_by_component(items)
    on_form, general = _findings_on_forms(grouped.get(component, []), located)
    agency = standard.service.agency
    parts = []
    for part in editor.parts:
        target = bound[part.prefix]
        parts.append(
            {"part": part, "formset": target if part.many else None, "form": None if part.many else target}
        )
    return {
        "error_summary": _error_summary(editor, bound),
        "standard": standard,
        "component": component,
        "component_label": COMPONENT_LABELS[component],
        "editor": editor,
        "parts": parts,
        "all_forms": _all_forms(bound),
        "formsets": [b for b in bound.values() if hasattr(b, "forms")],
        "nav": _nav(standard, grouped, component),
        "findings": general,
        "findings_on_form": on_form,
        "left_errors": left,
        "invalid": invalid,
        "saved": saved,
        "saved_at": presenters.local_clock(standard.updated_at, agency),
        "now": presenters.local_time(timezone.now(), agency),
        "editable": standard.is_editable(),
        "role_names": agency_roles_and_units(agency_id=standard.service.agency_id)[0]
        if component in ("competence", "staff_count")
        else [],
        "diagram": _diagram(standard.components.get("procedure"), str(COMPONENT_LABELS["procedure"]))
        if component == "procedure"
        else "",
    }


@require_http_methods(["GET", "POST"])
@login_required
def standard_component(request: HttpRequest, standard_id: int, component: str) -> HttpResponse:
    standard = _administered_standard(request, standard_id)
    editor = _editor(component)
    stored = standard.components.get(component)
    if request.method == "GET" or not standard.is_editable():
        bound = sf.editor_forms(editor, stored, _context_for(standard, component))
        context = _component_context(
            request,
            standard,
            component,
            bound,
            _unbound_located(editor, bound),
            saved=False,
            left=[],
            invalid=False,
        )
        if request.method == "POST":
            context["left_errors"] = [_("Standar ini sudah terbit dan tidak dapat diubah; buat draf baru.")]
            return _page(request, "workspace/standard_component.html", context, status=409)
        return _page(request, "workspace/standard_component.html", context)

    data = request.POST
    bound = sf.editor_forms(editor, stored, _context_for(standard, component, data), data)
    valid = all(f.is_valid() for f in bound.values())
    located: sf.Located = _unbound_located(editor, bound)
    left: list[str] = []
    saved = False
    if valid:
        value, located = editor.build(bound, stored)
        valid = not any(f.errors for f in _all_forms(bound))
        if valid:
            try:
                standard = standard_component_update(
                    standard=standard, actor=request.user, component=component, value=value
                )
            except InvalidComponents as exc:
                left = sf.place_errors(exc.raw, located, None)
                valid = False
            except StandardError as exc:
                left, valid = [str(exc)], False
            else:
                saved = True
    added = request.POST.get("_add", "")
    if added:
        part = next((p for p in editor.parts if p.prefix == added and p.many), None)
        if part is not None:
            data = sf.with_added_row(data, part.prefix, part.max_num)
            # Bound again with the blank row; the rows typed so far keep their values and errors.
            rebound = sf.editor_forms(
                editor, standard.components.get(component), _context_for(standard, component, data), data
            )
            for prefix, target in rebound.items():
                target.is_valid()
                if not saved:
                    _copy_errors(bound[prefix], target)
            bound = rebound
            if saved:
                located = _unbound_located(editor, bound)
    context = _component_context(
        request, standard, component, bound, located, saved=saved, left=left, invalid=not valid
    )
    status = 200 if valid else 400
    if request.headers.get("HX-Request"):
        # htmx only swaps 2xx answers by default: an invalid form is a 200 here, its errors in the body.
        template = "workspace/_component_add.html" if added else "workspace/_component_feedback.html"
        return _page(request, template, context)
    if valid and not added:
        messages.success(request, _("Tersimpan %(time)s.") % {"time": context["saved_at"]})
        return redirect("workspace:standard_component", standard_id=standard.pk, component=component)
    return _page(request, "workspace/standard_component.html", context, status=status)


def _error_summary(editor: sf.Editor, bound: dict[str, Any]) -> list[tuple[str, str]]:
    """Each error once, naming its item and field ("Langkah 2 — Kode langkah: Wajib diisi."),
    linked to the input."""
    summary: list[tuple[str, str]] = []
    for part in editor.parts:
        target = bound[part.prefix]
        rows = list(enumerate(target.forms, 1)) if part.many else [(0, target)]
        for number, form in rows:
            where = f"{part.title} {number}" if number else str(part.title)
            for name, errors in form.errors.items():
                if name == "__all__" or name not in form.fields:
                    anchor, label = f"item-{form.prefix}", where
                else:
                    anchor, label = form[name].auto_id, f"{where} — {form.fields[name].label}"
                summary.extend((anchor, f"{label}: {error}") for error in errors)
        if part.many:
            summary.extend((f"part-{part.prefix}", f"{part.title}: {e}") for e in target.non_form_errors())
    return summary


def _copy_errors(source: Any, target: Any) -> None:
    """Errors found on the rows before a blank one was added, shown again on the same rows."""
    pairs = zip(source.forms, target.forms, strict=False) if hasattr(source, "forms") else [(source, target)]
    for before, after in pairs:
        for name, errors in before.errors.items():
            if name not in after.errors:
                after._errors.setdefault(name, after.error_class()).extend(errors)
