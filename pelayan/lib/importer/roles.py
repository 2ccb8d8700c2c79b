"""Match the officers a procedure names to the agency's roles, and propose the roles it lacks.

Pure Python. Runs after the (sandboxed) parse, with the agency's roles and units as plain data:
``bind_roles(components, roles=[RoleRef(code, name, aliases)], units=[UnitRef(slug, name)])``.
A staff step whose officer matches a role's name or alias (the longest one that starts the phrase)
gets that role's code; one that matches nothing gets no code, a review finding, and a proposal of a
new role (code and name) unless the phrase is too vague to name a role ("petugas").
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pelayan.lib.compliance import Finding
from pelayan.lib.importer.executable import review
from pelayan.lib.standard_schema import Components, Performer, key_from_text


@dataclass(frozen=True)
class RoleRef:
    code: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitRef:
    slug: str
    name: str


@dataclass
class RoleProposal:
    code: str
    name: str
    steps: list[str] = field(default_factory=list)


@dataclass
class Binding:
    findings: list[Finding] = field(default_factory=list)
    proposals: list[RoleProposal] = field(default_factory=list)


_VAGUE = frozenset(
    {"petugas", "pegawai", "staf", "staff", "pelaksana", "petugas/pegawai", "pimpinan terkait"}
)
_TYPOS = {"peguna": "pengguna", "spritual": "spiritual"}


def _norm(text: str) -> str:
    words = re.sub(r"[^\w/]+", " ", text.lower()).split()
    return " ".join(_TYPOS.get(w, w) for w in words)


def match_role(phrase: str, roles: Sequence[RoleRef]) -> RoleRef | None:
    """The role whose name or alias is the longest start of ``phrase`` (whole words)."""
    said = _norm(phrase)
    best: tuple[int, RoleRef] | None = None
    for role in roles:
        for name in (role.name, *role.aliases):
            candidate = _norm(name)
            starts = candidate and (said == candidate or said.startswith(candidate + " "))
            if starts and (best is None or len(candidate) > best[0]):
                best = (len(candidate), role)
    return best[1] if best else None


def _units_named(text: str, units: Sequence[UnitRef]) -> list[str]:
    found: list[str] = []
    for part in re.split(r",\s*|\s+dan\s+", text):
        m = re.search(r"\b(?:bagian|bidang|seksi|subbagian|kelurahan)\b.*$", part, re.IGNORECASE)
        if not m:
            continue
        said = _norm(m.group(0))
        for unit in units:
            if (
                difflib.SequenceMatcher(None, said, _norm(unit.name)).ratio() >= 0.9
                and unit.slug not in found
            ):
                found.append(unit.slug)
    return found


def bind_roles(
    components: Components, *, roles: Sequence[RoleRef] | None, units: Sequence[UnitRef] = ()
) -> Binding:
    """Set each staff step's ``role`` (and ``units``) from the agency's roles, in place.

    ``roles=None``: the agency is not known yet (a dry run); every officer becomes a proposal.
    """
    binding = Binding()
    proposals: dict[str, RoleProposal] = {}
    for step in components.procedure.steps:
        if step.performer is not Performer.STAFF:
            continue
        path = f"procedure.steps.{step.id}.role"
        unit_slugs = _units_named(step.text, units) if units else []
        if len(unit_slugs) > 1 and not step.units:
            step.units = unit_slugs
        elif (
            len(unit_slugs) == 1
            and not step.unit
            and (step.actor or "").lower().startswith(("bagian", "bidang", "seksi"))
        ):
            step.unit = unit_slugs[0]
        if step.role:
            continue
        phrase = (step.actor or "").strip()
        if not phrase:
            continue  # already reported: the decree names no officer for this step
        role = match_role(phrase, roles or [])
        if role is not None:
            step.role = role.code
            step.actor = phrase
            continue
        if re.match(r"^(?:bagian|bidang|seksi)\b", phrase, re.IGNORECASE):
            binding.findings.append(
                review("step_role_for_units", "procedure", path, step=step.id, actor=phrase)
            )
            continue
        if _norm(phrase) in _VAGUE or (len(phrase.split()) == 1 and phrase.lower().startswith("petugas")):
            binding.findings.append(
                review("step_officer_vague", "procedure", path, step=step.id, actor=phrase)
            )
            continue
        name = phrase[:1].upper() + phrase[1:]
        code = key_from_text(name)
        proposal = proposals.setdefault(code, RoleProposal(code=code, name=name))
        proposal.steps.append(step.id)
        binding.findings.append(
            review(
                "step_role_not_in_agency" if roles is not None else "step_role_proposed",
                "procedure",
                path,
                step=step.id,
                actor=phrase,
                code=code,
            )
        )
    binding.proposals = list(proposals.values())
    return binding
