"""The fourteen components of a Standar Pelayanan (PermenPAN-RB 15/2014) as structured data.

Pure Python (pydantic, no Django). One schema serves the registry (stored as JSON per standard
version), the importer (its output), the demo data files, the read API and the compliance check.
Every free-text field keeps the wording of the decree; structured fields sit beside it, so nothing
written in the decree is lost when a field cannot be structured.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, model_validator

# Version 2 adds the executable procedure: declared tracks, performers and roles on every step,
# transitions with targets, keyed requirements, and where each time limit's clock
# starts and stops. Stored version-1 documents are upgraded by standards migration 0002.
SCHEMA_VERSION = 2


class _Model(BaseModel):
    # Descriptive components keep unknown keys rather than rejecting them, so importers and later
    # versions can add detail without breaking older readers.
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class _Strict(BaseModel):
    # The executable part of a standard: a misspelt key ("brances") would silently change how a
    # service runs, so unknown keys are errors here.
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


Text = Annotated[str, Field(min_length=1)]
# Stable identifiers that cases, clocks and URLs refer to: lower-case words joined by hyphens.
Key = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]


def product_key(text: str) -> str:
    return key_from_text(text)


def key_from_text(text: str, *, max_length: int = 40) -> str:
    """A `Key` made from free text ("Fotocopy KK 1 Lembar" → "fotocopy-kk-1-lembar")."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    key = ""
    for word in words:
        candidate = f"{key}-{word}" if key else word
        if len(candidate) > max_length:
            break
        key = candidate
    return key or "x"


class DurationUnit(StrEnum):
    MINUTE = "minute"
    HOUR = "hour"
    # "hari" with no qualifier: counted as working days, and said so on the standard's page.
    DAY = "day"
    WORKING_DAY = "working_day"
    CALENDAR_DAY = "calendar_day"

    @property
    def is_days(self) -> bool:
        return self in (DurationUnit.DAY, DurationUnit.WORKING_DAY, DurationUnit.CALENDAR_DAY)

    @property
    def label_id(self) -> str:
        return _UNIT_LABELS_ID[self]


_UNIT_LABELS_ID = {
    DurationUnit.MINUTE: "menit",
    DurationUnit.HOUR: "jam",
    DurationUnit.DAY: "hari",
    DurationUnit.WORKING_DAY: "hari kerja",
    DurationUnit.CALENDAR_DAY: "hari kalender",
}


class Quantity(_Model):
    value: int = Field(ge=0)
    unit: DurationUnit


class ClockEdge(StrEnum):
    ENTER = "enter"
    LEAVE = "leave"


class ClockPoint(_Strict):
    """A moment in a case: when it enters or leaves a step of the procedure."""

    step: Key
    on: ClockEdge


class TimeLimit(_Strict):
    key: Key | None = None  # stable id so cases and clocks can point at one limit; required to run
    label: str | None = None
    text: str
    min: Quantity | None = None
    max: Quantity | None = None
    step_ids: list[str] = Field(default_factory=list)  # procedure steps this limit covers
    # Set on review when the decree deliberately gives no number ("Konsultasi: sesuai materi").
    open_ended: bool = False
    track: str | None = None  # the track this limit belongs to; None = every track
    # Where the clock starts and stops. None: it starts when the case is submitted (or the letter
    # or visitor was received) and stops when the case ends.
    start: ClockPoint | None = None
    stop: ClockPoint | None = None
    start_text: str | None = None  # the decree's wording of the start ("sejak surat diterima")


class RequirementKind(StrEnum):
    DOCUMENT = "document"
    FORM = "form"
    IDENTITY = "identity"
    OTHER = "other"


class Requirement(_Model):
    key: Key | None = None  # what steps, uploads and "missing items" refer to; required to run
    text: Text
    kind: RequirementKind = RequirementKind.OTHER
    copies: int | None = Field(default=None, ge=0)
    original: bool | None = None  # True = original, False = photocopy, None = not stated
    channel: str | None = None  # e.g. only for walk-in applicants


class StepAction(StrEnum):
    SUBMIT = "submit"
    RECEIVE = "receive"
    VERIFY = "verify"
    RETURN = "return"
    DISPOSE = "dispose"
    DECIDE = "decide"
    FORWARD = "forward"
    PROCESS = "process"
    SIGN = "sign"
    REPLY = "reply"
    SERVE = "serve"
    DELIVER = "deliver"
    ARCHIVE = "archive"
    OTHER = "other"


class Branch(_Strict):
    """A condition as the importer read it from the decree, before review turns it into a transition."""

    condition: Text  # as written: "jika tidak lengkap"
    goto: str | None = None  # step id, or None when the decree names no target
    outcome: str | None = None  # e.g. "dikembalikan kepada Operator Kelurahan untuk dilengkapi"


class Performer(StrEnum):
    APPLICANT = "applicant"  # the citizen (or the body applying), e.g. completes a returned file
    STAFF = "staff"  # an officer holding the step's role
    SYSTEM = "system"  # done by Pelayan itself as soon as the case arrives (e.g. archiving)


class EndState(StrEnum):
    COMPLETED = "completed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class TransitionKind(StrEnum):
    SUBMIT = "submit"
    COMPLETE = "complete"
    APPROVE = "approve"
    RETURN = "return"  # back to an earlier step for completion; the missing items are recorded
    REJECT = "reject"
    SIGN = "sign"
    FORWARD = "forward"
    DISPOSE = "dispose"  # the leadership hands the case to an officer (who may be named)
    WITHDRAW = "withdraw"


class Transition(_Strict):
    """One way out of a step: to another step, or to an end of the case."""

    key: Key
    kind: TransitionKind = TransitionKind.COMPLETE
    label: str | None = None  # the button's wording; a default per kind when empty
    to: str | None = None  # a step id
    end: EndState | None = None
    condition: str | None = None  # the decree's wording: "jika berkas lengkap"
    outcome: str | None = None  # e.g. "dikembalikan kepada Operator Kelurahan untuk dilengkapi"

    @model_validator(mode="after")
    def _one_target(self) -> Transition:
        if (self.to is None) == (self.end is None):
            raise ValueError("a transition needs exactly one target: 'to' (a step) or 'end'")
        return self


class ProcedureStep(_Strict):
    id: Key
    text: Text
    actor: str | None = None  # as written in the decree
    action: StepAction | None = None
    performer: Performer | None = None
    role: str | None = None  # code of an agency StaffRole; required for staff steps
    unit: str | None = None  # slug of the agency unit doing this step, when one unit does it
    # Several units that may do this step (Kalbar: one of three bagian); the case is routed to one.
    units: list[str] = Field(default_factory=list)
    requires: list[str] = Field(default_factory=list)  # requirement keys checked at this step
    produces: list[str] = Field(default_factory=list)  # product keys made at this step
    # The SLA clock stops while the case sits here (it waits on the applicant, e.g. returned).
    pauses_clock: bool = Field(default=False, validation_alias=AliasChoices("pauses_clock", "pausable"))
    transitions: list[Transition] = Field(default_factory=list)
    branches: list[Branch] = Field(default_factory=list)  # as read by the importer, before review
    track: str | None = None  # key of the track this step belongs to; None = every track

    @property
    def pausable(self) -> bool:
        return self.pauses_clock


class FlowNode(_Model):
    id: Text
    label: str


class FlowEdge(_Model):
    source: str = Field(alias="from")
    target: str = Field(alias="to")
    label: str | None = None


class Flow(_Model):
    title: str | None = None
    nodes: list[FlowNode] = Field(default_factory=list)
    edges: list[FlowEdge] = Field(default_factory=list)


class Track(_Strict):
    """One way through the procedure, as the decree titles it, with the channels that enter it."""

    key: Key
    title: Text
    channels: list[Channel] = Field(default_factory=list)
    entry: str | None = None  # the first step; None = the first step listed for this track


class Procedure(_Strict):
    tracks: list[Track] = Field(default_factory=list)
    steps: list[ProcedureStep] = Field(default_factory=list)
    flows: list[Flow] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


class Fee(_Model):
    amount: int | None = Field(default=None, ge=0)  # rupiah; 0 = free
    text: str = ""
    legal_basis: str | None = None


class ChannelKind(StrEnum):
    IN_PERSON = "in_person"
    COMPLAINT_BOX = "complaint_box"
    LETTER = "letter"
    EMAIL = "email"
    PHONE = "phone"
    WHATSAPP = "whatsapp"
    SMS = "sms"
    FAX = "fax"
    WEBSITE = "website"
    LAPOR = "lapor"
    SOCIAL_MEDIA = "social_media"


class Channel(_Model):
    kind: ChannelKind
    value: str | None = None  # as written in the decree
    normalized: str | None = None  # +62… for numbers, lower-case e-mail, absolute URL
    label: str | None = None  # e.g. "Pejabat Pengelola Pengaduan", "Sdr. Janji Siswanto"


class ComplaintTier(_Model):
    key: str | None = None
    label: Text
    text: str | None = None
    min: Quantity | None = None
    max: Quantity | None = None


class ComplaintField(StrEnum):
    """What the standard asks a complainant to give (Kedopok: name, occupation, address, e-mail;
    Bangli: identity, address, evidence)."""

    NAME = "name"
    OCCUPATION = "occupation"
    ADDRESS = "address"
    EMAIL = "email"
    PHONE = "phone"
    IDENTITY = "identity"  # KTP or another identity document, as an attachment
    EVIDENCE = "evidence"  # supporting evidence, as attachments


class ComplaintHandling(_Model):
    channels: list[Channel] = Field(default_factory=list)
    tiers: list[ComplaintTier] = Field(default_factory=list)
    steps: list[str] = Field(default_factory=list)
    flows: list[Flow] = Field(default_factory=list)
    logbook: str | None = None  # where every complaint is recorded, e.g. "Buku Pengaduan"
    handlers: list[str] = Field(default_factory=list)  # officers and teams named
    reply_over_channel_used: bool = False
    notes: list[str] = Field(default_factory=list)
    # The executable complaint handling (optional: a standard without it still validates). The
    # procedure has the same model as the service procedure and is compiled at publication into
    # the standard's second process definition; its time limits are the complaint's clocks.
    procedure: Procedure | None = None
    time_limits: list[TimeLimit] = Field(default_factory=list)
    # The step at which an officer sets the tier; the tier sets the allowance of ``tier_limit``
    # (default: the first time limit), counted from receipt.
    triage_step: Key | None = None
    tier_limit: Key | None = None
    asks: list[ComplaintField] = Field(default_factory=list)
    # Who is told when a complaint is at risk or breached, and who receives the register's recap.
    supervisor_roles: list[str] = Field(default_factory=list)
    recap_roles: list[str] = Field(default_factory=list)
    # The handling is evaluated after each complaint closes ("setelah selesainya proses pengaduan").
    evaluation_after_close: bool = False


class Regulation(_Model):
    text: Text
    type: str | None = None
    number: str | None = None
    year: int | None = None
    title: str | None = None


class Competence(_Model):
    text: Text
    role: str | None = None
    education: str | None = None
    training: str | None = None
    skills: str | None = None
    experience: str | None = None


class RoleCount(_Model):
    role: Text
    count: int = Field(ge=0)


class StaffCount(_Model):
    total: int | None = Field(default=None, ge=0)
    roles: list[RoleCount] = Field(default_factory=list)
    text: str = ""


class FrequencyPer(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEMESTER = "semester"
    YEAR = "year"
    # after every completed case, e.g. "dilakukan setelah selesainya proses pengaduan"
    CASE = "case"


class Frequency(_Model):
    times: int = Field(ge=1)
    per: FrequencyPer
    minimum: bool = False  # "minimal 1 (satu) kali"


class Evaluation(_Model):
    text: Text
    frequency: Frequency | None = None
    kind: str | None = None  # "survey", "meeting", "monitoring", ...


class Components(_Model):
    """The fourteen components. Empty lists mean 'not stated'; the compliance check reports them."""

    schema_version: int = SCHEMA_VERSION

    # Penyampaian pelayanan (service delivery)
    requirements: list[Requirement] = Field(default_factory=list)
    procedure: Procedure = Field(default_factory=Procedure)
    time_limits: list[TimeLimit] = Field(default_factory=list)
    fee: Fee = Field(default_factory=Fee)
    # Plain text as in the decree; a step's ``produces`` names one by ``product_key(text)``.
    products: list[str] = Field(default_factory=list)
    complaint_handling: ComplaintHandling = Field(default_factory=ComplaintHandling)
    # Pengelolaan pelayanan (service management)
    legal_basis: list[Regulation] = Field(default_factory=list)
    facilities: list[str] = Field(default_factory=list)
    competence: list[Competence] = Field(default_factory=list)
    internal_supervision: list[str] = Field(default_factory=list)
    staff_count: StaffCount = Field(default_factory=StaffCount)
    service_guarantee: list[str] = Field(default_factory=list)
    security_guarantee: list[str] = Field(default_factory=list)
    performance_evaluation: list[Evaluation] = Field(default_factory=list)


DELIVERY_COMPONENTS: tuple[str, ...] = (
    "requirements",
    "procedure",
    "time_limits",
    "fee",
    "products",
    "complaint_handling",
)
MANAGEMENT_COMPONENTS: tuple[str, ...] = (
    "legal_basis",
    "facilities",
    "competence",
    "internal_supervision",
    "staff_count",
    "service_guarantee",
    "security_guarantee",
    "performance_evaluation",
)
COMPONENT_KEYS: tuple[str, ...] = DELIVERY_COMPONENTS + MANAGEMENT_COMPONENTS


def components_from_json(data: dict[str, Any]) -> Components:
    return Components.model_validate(data)


def components_to_json(components: Components) -> dict[str, Any]:
    return components.model_dump(mode="json", by_alias=True, exclude_none=False)
