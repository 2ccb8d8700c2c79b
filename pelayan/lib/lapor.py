"""SP4N-LAPOR! reports as they are handed over, and the time rules LAPOR! sets (no Django).

LAPOR! publishes no open API; an agency registered with it receives its reports through the
integration it is given, or as an export. What reaches Pelayan is a JSON list of reports in the
shape below (one object, or ``{"reports": [...]}``, or a list). Field names follow LAPOR!'s own
export; a few common aliases are accepted. Everything is checked and bounded here, before any
row is written: a file either yields a list of clean reports, or the errors that name the report
(by its position and tracking ID) and the field.

Time rules of LAPOR! (Perpres 76/2013, PermenPAN-RB 62/2018): an agency verifies a report within
3 working days and follows it up within 5 working days after verification.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pelayan.lib.durations import Duration, Unit

VERIFY_WITHIN = Duration(3, Unit.WORKING_DAY)
FOLLOW_UP_WITHIN = Duration(5, Unit.WORKING_DAY)

FILE_MAX_BYTES = 5 * 1024 * 1024
REPORTS_MAX = 1000
CONTENT_MAX = 5000
TITLE_MAX = 300
ID_MAX = 64

# LAPOR! statuses an agency can report back, in LAPOR!'s own words.
STATUS_VERIFIED = "verifikasi"
STATUS_IN_PROGRESS = "proses"
STATUS_DONE = "selesai"
STATUSES = (STATUS_VERIFIED, STATUS_IN_PROGRESS, STATUS_DONE)

_ALIASES = {
    "tracking_id": ("tracking_id", "trackingId", "no_tracking", "id"),
    "title": ("title", "judul"),
    "content": ("content", "isi", "isi_laporan", "description"),
    "category": ("category", "kategori"),
    "created_at": ("created_at", "tanggal", "date"),
    "anonymous": ("is_anonymous", "anonymous", "anonim"),
    "confidential": ("is_secret", "confidential", "rahasia"),
    "name": ("reporter_name", "nama", "name"),
    "email": ("reporter_email", "email"),
    "phone": ("reporter_phone", "telepon", "phone"),
}


class LaporFileError(ValueError):
    """The file as a whole cannot be read (size, JSON, shape)."""


@dataclass(frozen=True)
class LaporReport:
    tracking_id: str
    title: str
    content: str
    created_at: datetime
    category: str = ""
    anonymous: bool = False
    confidential: bool = False
    name: str = ""
    email: str = ""
    phone: str = ""

    @property
    def text(self) -> str:
        """The complaint as it is recorded: the title, then the report."""
        return f"{self.title}\n\n{self.content}" if self.title else self.content


@dataclass(frozen=True)
class ReportError:
    position: int  # 1-based
    tracking_id: str
    field: str
    message: str


def _pick(raw: Mapping[str, Any], key: str) -> Any:
    nested = raw.get("reporter")
    reporter: Mapping[str, Any] = nested if isinstance(nested, Mapping) else {}
    for alias in _ALIASES[key]:
        if alias in raw:
            return raw[alias]
        if key in ("name", "email", "phone") and alias in reporter:
            return reporter[alias]
    if key in ("name", "email", "phone") and key in reporter:
        return reporter[key]
    return None


def _text(value: Any, limit: int) -> str | None:
    if value is None:
        return ""
    if not isinstance(value, str | int):
        return None
    text = str(value).strip()
    return text if len(text) <= limit else None


def _flag(value: Any) -> bool | None:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in (
        "ya",
        "yes",
        "true",
        "1",
        "tidak",
        "no",
        "false",
        "0",
    ):
        return value.strip().lower() in ("ya", "yes", "true", "1")
    return None


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def report_parse(raw: Any, position: int) -> tuple[LaporReport | None, list[ReportError]]:
    if not isinstance(raw, Mapping):
        return None, [ReportError(position, "", "report", "not an object")]
    tracking_id = _text(_pick(raw, "tracking_id"), ID_MAX)
    label = tracking_id or ""
    errors: list[ReportError] = []

    def fail(field: str, message: str) -> None:
        errors.append(ReportError(position, label, field, message))

    if not tracking_id:
        fail("tracking_id", f"required, at most {ID_MAX} characters")
    title = _text(_pick(raw, "title"), TITLE_MAX)
    if title is None:
        fail("title", f"at most {TITLE_MAX} characters")
    content = _text(_pick(raw, "content"), CONTENT_MAX)
    if not content:
        fail("content", f"required, at most {CONTENT_MAX} characters")
    created_at = _moment(_pick(raw, "created_at"))
    if created_at is None:
        fail("created_at", "required: an ISO date-time with its offset, e.g. 2026-11-30T09:15:00+07:00")
    flags = {}
    for key in ("anonymous", "confidential"):
        flags[key] = _flag(_pick(raw, key))
        if flags[key] is None:
            fail(key, "use true or false")
    strings = {}
    for key, limit in (("category", 200), ("name", 200), ("email", 254), ("phone", 20)):
        strings[key] = _text(_pick(raw, key), limit)
        if strings[key] is None:
            fail(key, f"at most {limit} characters")
    if errors:
        return None, errors
    anonymous = bool(flags["anonymous"])
    return (
        LaporReport(
            tracking_id=tracking_id or "",
            title=title or "",
            content=content or "",
            created_at=created_at,  # type: ignore[arg-type]
            category=strings["category"] or "",
            anonymous=anonymous,
            confidential=bool(flags["confidential"]),
            # An anonymous report keeps no identity here either.
            name="" if anonymous else strings["name"] or "",
            email="" if anonymous else strings["email"] or "",
            phone="" if anonymous else strings["phone"] or "",
        ),
        [],
    )


def reports_parse(data: bytes) -> tuple[list[LaporReport], list[ReportError]]:
    """Every report of a handed-over file, or the errors of those that cannot be taken."""
    if len(data) > FILE_MAX_BYTES:
        raise LaporFileError(f"the file is larger than {FILE_MAX_BYTES // (1024 * 1024)} MB")
    try:
        loaded = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LaporFileError(f"not JSON in UTF-8: {exc}") from None
    if isinstance(loaded, Mapping):
        loaded = loaded.get("reports", [loaded])
    if not isinstance(loaded, list):
        raise LaporFileError("expected a list of reports")
    if len(loaded) > REPORTS_MAX:
        raise LaporFileError(f"at most {REPORTS_MAX} reports per file")
    reports: list[LaporReport] = []
    errors: list[ReportError] = []
    seen: set[str] = set()
    for position, raw in enumerate(loaded, start=1):
        report, found = report_parse(raw, position)
        if report is not None and report.tracking_id in seen:
            found = [ReportError(position, report.tracking_id, "tracking_id", "appears twice in the file")]
            report = None
        errors.extend(found)
        if report is not None:
            seen.add(report.tracking_id)
            reports.append(report)
    return reports, errors
