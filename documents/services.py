"""Writes of documents: templates (versioned), numbering, issuing, signing, revoking, archiving.

Every state change records an audit event in the caller's transaction. A passphrase is handed to
the signer and dropped: it is never stored, logged or put in an audit event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_event_record
from cases.models import Case, CaseEventKind
from cases.services import ActionForbidden, Actor, Conflict, InvalidInput, case_act, case_event_note, may_act
from documents.models import (
    Delivery,
    Document,
    DocumentKind,
    DocumentStatus,
    DocumentTemplate,
    Letterhead,
    NumberCounter,
    NumberingScheme,
    SigningIdentity,
    TemplateStatus,
)
from documents.rendering import indonesian_date, qr_data_uri, render_pdf, verify_url
from documents.rules import document_kind_for
from documents.signers import SigningFailed, SignRequest, signer_for
from standards.models import Agency

KINDS_DIR = Path(__file__).resolve().parent / "templates" / "documents" / "kinds"
# Default classification codes (Permendagri 83/2022 style): 000 umum, 600 pekerjaan umum/perkim, 300 trantib.
DEFAULT_CLASSIFICATION = {
    DocumentKind.RECEIPT: "000.5",
    DocumentKind.REPLY_LETTER: "600",
    DocumentKind.COVER_LETTER: "300",
}
DEFAULT_RETENTION_YEARS = {
    DocumentKind.RECEIPT: 2,
    DocumentKind.REPLY_LETTER: 5,
    DocumentKind.COVER_LETTER: 5,
}

__all__ = ["SigningFailed", "case_act_with_documents", "case_sign"]


# -- templates -----------------------------------------------------------------------------------


def default_template_body(kind: str) -> str:
    return (KINDS_DIR / f"{kind}.html").read_text(encoding="utf-8")


def template_published(*, agency: Agency, kind: str) -> DocumentTemplate:
    """The version in force; version 1 is made from the shipped text the first time it is needed."""
    found = DocumentTemplate.objects.filter(agency=agency, kind=kind, status=TemplateStatus.PUBLISHED).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            made = DocumentTemplate.objects.create(
                agency=agency, kind=kind, version=1, status=TemplateStatus.PUBLISHED,
                title=str(DocumentKind(kind).label), body=default_template_body(kind), published_at=timezone.now(),
            )  # fmt: skip
            audit_event_record(
                actor=None, agency=agency, action="document_template.published", target=made,
                data={"kind": kind, "version": 1},
            )  # fmt: skip
            return made
    except IntegrityError:
        return DocumentTemplate.objects.get(agency=agency, kind=kind, status=TemplateStatus.PUBLISHED)


@transaction.atomic
def template_draft_save(*, agency: Agency, kind: str, actor: Any, title: str, body: str) -> DocumentTemplate:
    """Save the agency's draft of a kind's text: the open draft is changed, else a new version made."""
    if not body.strip():
        raise InvalidInput(_("Isi templat wajib diisi."), {"body": "required"})
    try:
        body_check = body_render_check(body)
    except Exception as exc:  # a template syntax error is the admin's input, shown back to them
        raise InvalidInput(
            _("Templat tidak dapat dibaca: %(error)s") % {"error": exc}, {"body": "syntax"}
        ) from None
    del body_check
    template_published(agency=agency, kind=kind)
    draft = (
        DocumentTemplate.objects.select_for_update()
        .filter(agency=agency, kind=kind, status=TemplateStatus.DRAFT)
        .first()
    )
    if draft is None:
        latest = DocumentTemplate.objects.filter(agency=agency, kind=kind).order_by("-version").first()
        draft = DocumentTemplate(agency=agency, kind=kind, version=(latest.version if latest else 0) + 1,
                                 created_by=actor)  # fmt: skip
    draft.title = title.strip()[:200] or str(DocumentKind(kind).label)
    draft.body = body
    draft.save()
    audit_event_record(actor=actor, agency=agency, action="document_template.draft_saved", target=draft,
                       data={"kind": kind, "version": draft.version})  # fmt: skip
    return draft


def body_render_check(body: str) -> str:
    from documents.rendering import body_render

    return body_render(body, {})


@transaction.atomic
def template_publish(*, template: DocumentTemplate, actor: Any) -> DocumentTemplate:
    locked = DocumentTemplate.objects.select_for_update().get(pk=template.pk)
    if locked.status != TemplateStatus.DRAFT:
        raise Conflict(_("Hanya draf yang dapat diberlakukan."), {"template": "not_draft"})
    DocumentTemplate.objects.filter(
        agency_id=locked.agency_id, kind=locked.kind, status=TemplateStatus.PUBLISHED
    ).update(status=TemplateStatus.RETIRED)
    locked.status = TemplateStatus.PUBLISHED
    locked.published_at = timezone.now()
    locked.save(update_fields=["status", "published_at"])
    audit_event_record(actor=actor, agency=locked.agency, action="document_template.published", target=locked,
                       data={"kind": locked.kind, "version": locked.version})  # fmt: skip
    return locked


# -- numbering -----------------------------------------------------------------------------------


def scheme_for(*, agency: Agency, kind: str) -> NumberingScheme:
    scheme = NumberingScheme.objects.filter(agency=agency, kind=kind).first()
    if scheme is not None:
        return scheme
    unit_code = default_unit_code(agency)
    try:
        with transaction.atomic():
            return NumberingScheme.objects.create(
                agency=agency, kind=kind, classification=DEFAULT_CLASSIFICATION[kind], unit_code=unit_code,
                retention_years=DEFAULT_RETENTION_YEARS[kind],
            )  # fmt: skip
    except IntegrityError:
        return NumberingScheme.objects.get(agency=agency, kind=kind)


GENERIC_WORDS = {
    "dinas",
    "badan",
    "biro",
    "kec.",
    "kecamatan",
    "kel.",
    "kelurahan",
    "desa",
    "provinsi",
    "kabupaten",
    "kab.",
    "kota",
    "sekretariat",
    "daerah",
    "dan",
}


def default_unit_code(agency: Agency) -> str:
    """The unit part of a letter number from the agency's short name ("Dinas Perkim Provinsi
    Banten" → "Perkim", "Kec. Kedopok" → "Kedopok"); agency admins may change it."""
    words = [w for w in (agency.short_name or agency.name).split() if w.lower() not in GENERIC_WORDS]
    return (words[0] if words else agency.slug)[:40]


def number_allocate(*, scheme: NumberingScheme, year: int) -> tuple[str, int]:
    """The next number of ``scheme`` in ``year``. Must run inside the transaction that keeps the
    document: the counter row stays locked until it commits, and a rollback gives the number back,
    so numbers are neither skipped nor given twice."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("number_allocate must run inside the document's transaction")
    try:
        with transaction.atomic():
            NumberCounter.objects.get_or_create(scheme=scheme, year=year)
    except IntegrityError:
        pass  # another transaction made the row at the same moment; it exists now
    counter = NumberCounter.objects.select_for_update().get(scheme=scheme, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    number = scheme.pattern.format(
        classification=scheme.classification, seq=f"{counter.last:03d}", unit=scheme.unit_code, year=year
    )
    return number, counter.last


# -- issuing -------------------------------------------------------------------------------------


def letterhead_context(agency: Agency) -> dict[str, Any]:
    letterhead = Letterhead.objects.filter(agency=agency).first()
    labels = {"phone": "Telp.", "fax": "Faks.", "email": "E-mail", "website": "Laman"}
    contacts = []
    for channel in agency.contact_channels or []:
        kind = channel.get("kind")
        if kind in labels and channel.get("value"):
            contacts.append(f"{labels[kind]} {channel['value']}")
    if agency.website and not any(c.get("kind") == "website" for c in agency.contact_channels or []):
        contacts.append(f"Laman {agency.website}")
    logo_uri = ""
    if letterhead is not None and letterhead.logo:
        logo_uri = Path(letterhead.logo.path).as_uri()
    place = (letterhead.place if letterhead and letterhead.place else "") or (
        agency.regency or agency.province
    )
    for prefix in ("Kota ", "Kabupaten "):
        place = place.removeprefix(prefix)
    return {
        "agency": {"name": agency.name, "address": agency.address, "website": agency.website},
        "letterhead": {"government": letterhead.government if letterhead else _government_line(agency)},
        "contacts": contacts,
        "logo_uri": logo_uri,
        "place": place,
    }


def _government_line(agency: Agency) -> str:
    if agency.regency:
        return f"Pemerintah {agency.regency}"
    return f"Pemerintah Provinsi {agency.province}" if agency.province else ""


def _signatory(case: Case | None, agency: Agency, identity: SigningIdentity | None) -> tuple[str, str, str]:
    if identity is not None:
        return identity.name, identity.title, identity.nip
    return agency.head_name or "", agency.head_title or "", ""


def new_public_code() -> str:
    return secrets.token_urlsafe(12)


def _case_context(case: Case, details: dict[str, Any]) -> dict[str, Any]:
    zone = ZoneInfo(case.agency.timezone)
    received = case.received_at.astimezone(zone)
    return {
        "case_number": case.display_number,
        "applicant": {
            "name": case.applicant_name,
            "institution": case.applicant_institution,
            "address": case.applicant_address,
        },
        "unit_name": case.unit.name if case.unit_id else "",
        "details": {**(case.details or {}), **details},
        "received_text": f"{indonesian_date(received.date())} pukul {received:%H.%M}",
    }


@transaction.atomic
def document_render(
    *,
    agency: Agency,
    kind: str,
    case: Case | None,
    step: str = "",
    product: str = "",
    identity: SigningIdentity | None = None,
    details: dict[str, Any] | None = None,
    actor: Any = None,
    now: dt.datetime,
    replaces: Document | None = None,
) -> Document:
    """Render and store a new document with the next number, in the caller's transaction when
    there is one (the number then commits or rolls back with it)."""
    template = template_published(agency=agency, kind=kind)
    scheme = scheme_for(agency=agency, kind=kind)
    local = now.astimezone(ZoneInfo(agency.timezone))
    number, seq = number_allocate(scheme=scheme, year=local.year)
    code = new_public_code()
    name, title, nip = _signatory(case, agency, identity)
    head = letterhead_context(agency)
    context: dict[str, Any] = {
        **head,
        **(_case_context(case, details or {}) if case is not None else {"details": details or {}}),
        "title": template.title,
        "number": number,
        "public_code": code,
        "verify_url": verify_url(code),
        "place_and_date": f"{head['place']}, {indonesian_date(local.date())}",
        "signer_name": name,
        "signer_title": title,
        "signer_nip": nip,
    }
    rendered = render_pdf(
        context={**context, "qr_uri": qr_data_uri(context["verify_url"])}, body=template.body
    )
    context["signature"] = {"page": rendered.signature_page, "box": list(rendered.signature_box)}
    digest = hashlib.sha256(rendered.pdf).hexdigest()
    document = Document(
        agency=agency, case=case, kind=kind, step=step, product=product, template=template,
        status=DocumentStatus.RENDERED, number=number, year=local.year, seq=seq, public_code=code,
        issued_on=local.date(), context=context, sha256=digest, size=len(rendered.pdf),
        signer_name=name, signer_title=title, replaces=replaces,
        retain_until=local.date().replace(year=local.year + scheme.retention_years),
    )  # fmt: skip
    document.rendered_file.save("rendered.pdf", ContentFile(rendered.pdf), save=False)
    document.file.name = document.rendered_file.name
    document.save()
    audit_event_record(
        actor=actor, agency=agency, action="document.rendered", target=document,
        data={"kind": kind, "number": number, "template_version": template.version,
              "case": case.number if case else None, "sha256": digest},
    )  # fmt: skip
    return document


SAMPLE_DETAILS = {
    "keperluan": "Pentas seni", "waktu": "17 Agustus 2026", "tempat": "Balai RW 01",
    "jadwal": "Kamis, 20 Agustus 2026 pukul 10.00", "narahubung": "Sdr. Contoh, 0812 0000 0000",
    "pengirim": "Contoh Pemohon",
}  # fmt: skip


def template_preview(*, template: DocumentTemplate, now: dt.datetime | None = None) -> bytes:
    """The template version rendered with sample values, for the admin's preview; nothing is
    numbered or stored."""
    now = now or timezone.now()
    agency = template.agency
    local = now.astimezone(ZoneInfo(agency.timezone))
    head = letterhead_context(agency)
    context = {
        **head,
        "details": SAMPLE_DETAILS,
        "applicant": {"name": "Contoh Pemohon", "institution": "Lembaga Contoh", "address": "Jl. Contoh 1"},
        "case_number": "CONTOH-0000",
        "received_text": indonesian_date(local.date()),
        "title": template.title,
        "number": f"{scheme_for(agency=agency, kind=template.kind).classification}/…/CONTOH/{local.year}",
        "public_code": "CONTOH",
        "verify_url": verify_url("CONTOH"),
        "place_and_date": f"{head['place']}, {indonesian_date(local.date())}",
        "signer_name": agency.head_name or "Nama Pejabat",
        "signer_title": agency.head_title or "Jabatan",
        "signer_nip": "",
    }
    return render_pdf(
        context={**context, "qr_uri": qr_data_uri(context["verify_url"])}, body=template.body
    ).pdf


# -- signing -------------------------------------------------------------------------------------


@dataclass
class Signed:
    case: Case
    document: Document


def identity_for(user: Any) -> SigningIdentity | None:
    return SigningIdentity.objects.filter(user=user, is_active=True).first()


def _sign_transition(case: Case):
    step = case.current_step()
    if step is None:
        return None, None
    return step, next((t for t in step.transitions if t.kind == "sign"), None)


def _open_document(case: Case, step_id: str, kind: str) -> Document | None:
    return (
        Document.objects.filter(
            case=case,
            step=step_id,
            kind=kind,
            status__in=[DocumentStatus.RENDERED, DocumentStatus.SIGNING, DocumentStatus.FAILED],
        )
        .order_by("-id")
        .first()
    )


def no_identity_error(user: Any) -> InvalidInput:
    """The refusal of a sign step by an official without a signing identity: what is missing and
    who can fix it, in the words the official reads."""
    return InvalidInput(
        _(
            "Anda belum memiliki identitas tanda tangan elektronik, jadi dokumen ini belum dapat "
            "ditandatangani dan tugas tetap terbuka. Minta admin instansi menerbitkannya untuk akun "
            "%(username)s (perintah: pelayan signing issue %(username)s)."
        )
        % {"username": user.get_username()},
        {"passphrase": "no_identity"},
    )


def _attempt_fail(document: Document, attempt: dt.datetime, reason: str, actor: Any) -> None:
    """End one signing attempt as failed, unless a later attempt has taken the document over."""
    with transaction.atomic():
        ended = Document.objects.filter(
            pk=document.pk, status=DocumentStatus.SIGNING, signing_started_at=attempt
        ).update(status=DocumentStatus.FAILED, failure_reason=reason[:1000], signing_started_at=None)
        if not ended:
            return
        audit_event_record(actor=actor, agency=document.agency, action="document.signing_failed", target=document,
                           data={"number": document.number, "reason": reason[:1000]})  # fmt: skip
        if document.case_id:
            case_event_note(case=document.case, kind=CaseEventKind.SIGNING_FAILED, actor=actor,
                            note=reason[:1000], data={"document": document.number})  # fmt: skip


def _sign_request(document: Document, identity: SigningIdentity, passphrase: str | None) -> SignRequest:
    box = document.context.get("signature", {})
    return SignRequest(
        signer_name=identity.name, signer_title=identity.title,
        location=document.context.get("place", ""), reason=f"{document.get_kind_display()} {document.number}",
        page=box.get("page", 0), box=tuple(box.get("box", (0, 0, 0, 0))), passphrase=passphrase,
        time_zone=document.agency.timezone,
    )  # fmt: skip


def _signature_make(document: Document, *, identity: SigningIdentity, passphrase: str | None) -> bytes:
    """The signed PDF of the document's rendered file (the signer may take seconds: a remote call)."""
    with document.rendered_file.open("rb") as handle:
        pdf = handle.read()
    return signer_for(identity).sign(pdf, _sign_request(document, identity, passphrase))


def _signed_store(
    locked: Document, signed: bytes, *, identity: SigningIdentity, user: Any, now: dt.datetime
) -> str:
    """Store the signed file of a locked document and record it; returns the stored name (for the
    caller to remove should its transaction roll back)."""
    digest = hashlib.sha256(signed).hexdigest()
    locked.file.save("signed.pdf", ContentFile(signed), save=False)
    locked.status = DocumentStatus.SIGNED
    locked.sha256 = digest
    locked.size = len(signed)
    locked.signer = user
    locked.signer_name = identity.name
    locked.signer_title = identity.title
    locked.signer_kind = identity.kind
    locked.signed_at = now
    locked.signing_started_at = None
    locked.failure_reason = ""
    locked.save()
    audit_event_record(
        actor=user, agency=locked.agency, action="document.signed", target=locked,
        data={"number": locked.number, "sha256": digest, "signer_kind": identity.kind},
    )  # fmt: skip
    return locked.file.name


def case_sign(
    *,
    case: Case,
    actor: Any,
    passphrase: str | None = None,
    version: int | None = None,
    note: str = "",
    now: dt.datetime | None = None,
) -> Signed:
    """Sign the product of the case's sign step and take the sign transition.

    Three steps, so that a slow or remote signer holds no lock and its progress is visible:
    (1) under the case's lock, the document is rendered (and numbered) or found, and marked
    ``signing`` — committed; (2) the signer signs, outside any transaction; (3) the signed file is
    stored, the document ``signed`` and ``case_act`` takes the sign transition, together or not at
    all. A failed signature leaves the case at its step and the document ``failed`` with the
    reason; an attempt cut off half-way stays ``signing`` until PELAYAN_SIGNING_TIMEOUT_SECONDS
    have passed and then counts as failed. Signing again reuses the document, its number and its
    code. Raises ``SigningFailed``, or the case's errors.
    """
    now = now or timezone.now()
    who = actor if isinstance(actor, Actor) else Actor(actor)
    user = who.user
    case = Case.objects.select_related("agency", "unit", "process").get(pk=case.pk)
    version = case.version if version is None else version
    if case.version != version:
        raise Conflict(_("Permohonan ini sudah berubah. Muat ulang halaman."), {"version": "stale"})
    step, transition = _sign_transition(case)
    if step is None or transition is None:
        raise Conflict(_("Langkah sekarang tidak meminta tanda tangan."), {"action": "not_open"})
    if not may_act(case=case, user=user, step=step):
        raise ActionForbidden(_("Anda tidak memegang tugas langkah ini."))
    identity = identity_for(user)
    if identity is None:
        raise no_identity_error(user)
    kind = document_kind_for(step, transition) or DocumentKind.COVER_LETTER
    with transaction.atomic():
        # The case row's lock makes two clicks on "sign" find (or make) one document, one number.
        locked_case = Case.objects.select_for_update().get(pk=case.pk)
        if locked_case.version != version:
            raise Conflict(_("Permohonan ini sudah berubah. Muat ulang halaman."), {"version": "stale"})
        document = _open_document(case, step.id, kind)
        if document is None:
            document = document_render(
                agency=case.agency, kind=kind, case=case, step=step.id,
                product=step.produces[0] if step.produces else "", identity=identity, actor=user, now=now,
            )  # fmt: skip
        if document.status == DocumentStatus.SIGNING and not document.signing_cut_off():
            raise Conflict(
                _("Dokumen ini sedang ditandatangani. Tunggu sebentar, lalu muat ulang halaman."),
                {"document": "signing"},
            )
        attempt = timezone.now()
        Document.objects.filter(pk=document.pk).update(
            status=DocumentStatus.SIGNING, signing_started_at=attempt, failure_reason=""
        )
        document.status, document.signing_started_at = DocumentStatus.SIGNING, attempt
    try:
        signed = _signature_make(document, identity=identity, passphrase=passphrase)
    except SigningFailed as exc:
        _attempt_fail(document, attempt, exc.reason, user)
        raise
    except Exception as exc:
        _attempt_fail(
            document, attempt, _("Penandatangan gagal: %(error)s") % {"error": type(exc).__name__}, user
        )
        raise
    signed_name = ""
    try:
        with transaction.atomic():
            locked = Document.objects.select_for_update().get(pk=document.pk)
            if locked.status != DocumentStatus.SIGNING or locked.signing_started_at != attempt:
                raise Conflict(
                    _("Dokumen ini sudah ditandatangani atau sedang dicoba lagi. Muat ulang halaman."),
                    {"document": locked.status},
                )
            signed_name = _signed_store(locked, signed, identity=identity, user=user, now=now)
            text = _("Ditandatangani secara elektronik: %(kind)s nomor %(number)s") % {
                "kind": locked.get_kind_display(), "number": locked.number,
            }  # fmt: skip
            moved = case_act(
                case=case, actor=who, action=transition.key, version=version,
                note=f"{text}\n{note}".strip(), signed=True, now=now,
            )  # fmt: skip
    except Exception as exc:
        if signed_name:
            document.file.storage.delete(signed_name)
        reason = getattr(exc, "message", "") or type(exc).__name__
        _attempt_fail(document, attempt, str(reason), user)
        raise
    if not moved.is_open():
        case_documents_archive(case=moved, now=now)
    return Signed(case=moved, document=locked)


def case_act_with_documents(
    *,
    case: Case,
    actor: Any,
    action: str,
    version: int,
    passphrase: str | None = None,
    details: dict[str, Any] | None = None,
    now: dt.datetime | None = None,
    **kwargs: Any,
) -> Case:
    """``case_act`` for the workspace and the API: a sign transition goes through ``case_sign``
    (which refuses an official without a signing identity; only with PELAYAN_SIGNING_REQUIRED
    set off, for development, is the step then taken unsigned);
    a transition that promises a document (receipt, reply letter) renders it in the same
    transaction as the move; any other transition is ``case_act`` unchanged."""
    now = now or timezone.now()
    who = actor if isinstance(actor, Actor) else Actor(actor)
    step = case.current_step()
    transition = step.transition(action) if step else None
    signs = transition is not None and transition.kind == "sign"
    if signs and identity_for(who.user) is None and not settings.PELAYAN_SIGNING_REQUIRED:
        # Only with PELAYAN_SIGNING_REQUIRED set off (development) does an official without a
        # signing identity take the step unsigned; by default case_sign refuses them.
        signs = False
    if signs:
        return case_sign(case=case, actor=who, passphrase=passphrase, version=version,
                         note=kwargs.get("note", ""), now=now).case  # fmt: skip
    kind = document_kind_for(step, transition) if transition is not None else None
    with transaction.atomic():
        moved = case_act(case=case, actor=who, action=action, version=version, now=now, **kwargs)
        if kind is not None:
            document_render(
                agency=moved.agency, kind=kind, case=moved, step=step.id, details=details,
                actor=who.db_user, now=now,
            )  # fmt: skip
        if not moved.is_open():
            case_documents_archive(case=moved, now=now)
    return moved


# -- revoking and replacing ---------------------------------------------------------------------


@transaction.atomic
def document_revoke(
    *, document: Document, actor: Any, reason: str, now: dt.datetime | None = None
) -> Document:
    now = now or timezone.now()
    reason = reason.strip()
    if not reason:
        raise InvalidInput(_("Tulis alasan pencabutan."), {"reason": "required"})
    locked = Document.objects.select_for_update().get(pk=document.pk)
    if locked.status == DocumentStatus.REVOKED:
        raise Conflict(_("Dokumen ini sudah dicabut."), {"document": "revoked"})
    locked.status = DocumentStatus.REVOKED
    locked.revoked_at = now
    locked.revoked_reason = reason[:2000]
    locked.save(update_fields=["status", "revoked_at", "revoked_reason"])
    audit_event_record(actor=actor, agency=locked.agency, action="document.revoked", target=locked,
                       data={"number": locked.number, "reason": locked.revoked_reason})  # fmt: skip
    return locked


@dataclass
class Replacement:
    revoked: Document
    document: Document
    delivery: Delivery


@transaction.atomic
def document_replace(
    *,
    document: Document,
    actor: Any,
    reason: str,
    corrections: dict[str, Any] | None = None,
    address: str = "",
    passphrase: str | None = None,
    now: dt.datetime | None = None,
) -> Replacement:
    """The service guarantee's "ganti produk": revoke the wrong document, issue the corrected one
    (a new number, signed again when the wrong one was signed, ``replaces`` pointing back) and
    make a delivery to the applicant's address. All of it, or none of it."""
    now = now or timezone.now()
    old = Document.objects.select_related("case", "agency").get(pk=document.pk)
    was_signed = old.status == DocumentStatus.SIGNED
    identity = identity_for(actor) if was_signed else None
    if was_signed and identity is None:
        raise no_identity_error(actor)
    address = (address or (old.case.applicant_address if old.case_id else "")).strip()
    if not address:
        raise InvalidInput(_("Tulis alamat pengantaran."), {"address": "required"})
    revoked = document_revoke(document=old, actor=actor, reason=reason, now=now)
    details = {**old.context.get("details", {}), **(corrections or {})}
    new = document_render(
        agency=old.agency, kind=old.kind, case=old.case, step=old.step, product=old.product, identity=identity,
        details=details, actor=actor, now=now, replaces=revoked,
    )  # fmt: skip
    if was_signed:
        signed_name = ""
        try:
            signed = _signature_make(new, identity=identity, passphrase=passphrase)
            signed_name = _signed_store(new, signed, identity=identity, user=actor, now=now)
        except Exception:
            if signed_name:
                new.file.storage.delete(signed_name)
            raise
    delivery = Delivery.objects.create(document=new, case=old.case, address=address[:500], created_at=now)
    audit_event_record(actor=actor, agency=old.agency, action="document.replaced", target=new,
                       data={"number": new.number, "replaces": revoked.number, "reason": revoked.revoked_reason})  # fmt: skip
    audit_event_record(actor=actor, agency=old.agency, action="delivery.created", target=delivery,
                       data={"document": new.number, "address": delivery.address})  # fmt: skip
    if old.case_id:
        case_event_note(
            case=old.case, kind=CaseEventKind.PRODUCT_REPLACED, actor=actor, note=revoked.revoked_reason,
            data={"revoked": revoked.number, "document": new.number, "address": delivery.address},
        )  # fmt: skip
    return Replacement(revoked=revoked, document=new, delivery=delivery)


# -- archive -------------------------------------------------------------------------------------


@transaction.atomic
def case_documents_archive(*, case: Case, now: dt.datetime | None = None) -> list[Document]:
    """Mark the case's signed documents as archived (the archive step); idempotent."""
    now = now or timezone.now()
    rows = list(Document.objects.select_for_update().filter(case=case, status=DocumentStatus.SIGNED,
                                                            archived_at__isnull=True))  # fmt: skip
    for row in rows:
        row.archived_at = now
        row.save(update_fields=["archived_at"])
        audit_event_record(actor=None, agency=case.agency, action="document.archived", target=row,
                           data={"number": row.number, "sha256": row.sha256})  # fmt: skip
    return rows


# -- signing identities --------------------------------------------------------------------------


def _official_title(user: Any) -> str:
    membership = user.memberships.select_related("role__agency", "unit").first()
    if membership is None:
        return ""
    role, agency = membership.role, membership.role.agency
    if agency.head_title and role.name.lower() in agency.head_title.lower():
        return agency.head_title
    return f"{role.name} {membership.unit.name if membership.unit_id else agency.name}"


@transaction.atomic
def signing_identity_issue(
    *, user: Any, passphrase: str | None, actor: Any = None, title: str = "", nip: str = ""
) -> SigningIdentity:
    """Issue ``user`` a PKCS#12 identity from the demo CA (replacing any active one). Without a
    passphrase the file is unencrypted: for the local demo only."""
    from documents.ca import issue_pkcs12
    from documents.signers import signing_dir

    name = user.get_full_name() or user.get_username()
    title = title or _official_title(user) or name
    data, pem = issue_pkcs12(
        common_name=name, title=title, serial_hint=user.get_username(), passphrase=passphrase
    )
    relative = Path("identities") / f"{user.get_username()}-{secrets.token_hex(4)}.p12"
    path = signing_dir() / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.chmod(0o600)
    SigningIdentity.objects.filter(user=user, is_active=True).update(is_active=False)
    identity = SigningIdentity.objects.create(
        user=user, kind="pkcs12", name=name, title=title, nip=nip, locator=str(relative),
        needs_passphrase=bool(passphrase), certificate_pem=pem,
    )  # fmt: skip
    audit_event_record(actor=actor, agency=None, action="signing_identity.issued", target=identity,
                       data={"user": user.get_username(), "kind": "pkcs12"})  # fmt: skip
    return identity


def demo_signers_ensure() -> list[SigningIdentity]:
    """Give every demo official whose step signs (the role of a sign transition) an identity
    without passphrase, once; called by ``pelayan signing init-demo`` (``make seed``)."""
    from documents.ca import init_demo_ca
    from standards.models import ProcessDefinition

    init_demo_ca()
    made = []
    for definition in ProcessDefinition.objects.select_related("standard__service__agency"):
        process = definition.compiled()
        for step in process.steps.values():
            if not any(t.kind == "sign" for t in step.transitions):
                continue
            role_id = definition.role_bindings.get(step.role or "")
            from accounts.models import Membership

            for membership in Membership.objects.filter(role_id=role_id).select_related("user"):
                if not SigningIdentity.objects.filter(user=membership.user, is_active=True).exists():
                    made.append(signing_identity_issue(user=membership.user, passphrase=None))
    return made
