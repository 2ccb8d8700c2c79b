"""Survey input from a POST: the nine answers, the optional profile, the suggestion, a day."""

from __future__ import annotations

from datetime import date
from typing import Any

from pelayan.lib import skm
from surveys.services import Answers, Profile, SurveyError

MAX_FIELD = 2100


def _text(data: Any, name: str) -> str:
    return str(data.get(name, "") or "")[:MAX_FIELD].strip()


def answers_from(data: Any) -> Answers:
    values: dict[str, Any] = {code: (_text(data, code.lower()) or None) for code in skm.CODES}
    raw_age = _text(data, "age")
    age: int | None = None
    if raw_age:
        if not raw_age.isdigit() or len(raw_age) > 3:
            raise SurveyError("Umur ditulis dengan angka.", {"age": "Umur ditulis dengan angka."})
        age = int(raw_age)
    profile = Profile(
        age=age,
        sex=_text(data, "sex"),
        education=_text(data, "education"),
        occupation=_text(data, "occupation"),
    )
    return Answers(
        values=values, profile=profile, suggestion=str(data.get("suggestion", "") or "")[:MAX_FIELD]
    )


def day_from(data: Any, name: str = "answered_on") -> date:
    text = _text(data, name)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SurveyError("Tulis tanggal pengisian (TTTT-BB-HH).", {name: "Tanggal tidak dikenal."}) from None
