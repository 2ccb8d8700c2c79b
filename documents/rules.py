"""Which document a step's transition produces, read from the standard as published:

- a transition of kind ``sign`` makes the step's product (Kedopok: the surat pengantar);
- completing a step whose text promises a *tanda terima* makes a receipt (Banten, letter received);
- approving at a step whose text promises a *surat jawaban* makes the reply letter (Banten)."""

from __future__ import annotations

from documents.models import DocumentKind
from pelayan.lib.process import CompiledStep, CompiledTransition
from pelayan.lib.standard_schema import TransitionKind


def document_kind_for(step: CompiledStep, transition: CompiledTransition) -> str | None:
    text = step.text.lower()
    if transition.kind == TransitionKind.SIGN:
        return DocumentKind.COVER_LETTER
    if transition.kind == TransitionKind.COMPLETE and "tanda terima" in text:
        return DocumentKind.RECEIPT
    if transition.kind == TransitionKind.APPROVE and "surat jawaban" in text:
        return DocumentKind.REPLY_LETTER
    return None
