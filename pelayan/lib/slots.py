"""Consultation slots: fixed-length periods inside an office's time frames.

Slots start at the opening of each time frame and follow each other without gaps; a slot never
runs over a break or the closing. Fixed starts make "the same slot" an exact value, so the database
can refuse a second booking of one officer or one room with a unique constraint.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta, tzinfo

Frames = Iterable[tuple[int, int]]


def slot_starts(
    *,
    frames_on: Callable[[date], Frames],
    zone: tzinfo,
    after: datetime,
    until: datetime,
    minutes: int,
    limit: int = 200,
) -> list[datetime]:
    """Start moments of the slots that begin at or after ``after`` and end by ``until``."""
    if after.tzinfo is None or until.tzinfo is None:
        raise ValueError("moments must carry a time zone")
    if minutes <= 0:
        raise ValueError("a slot lasts at least one minute")
    length = minutes * 60
    found: list[datetime] = []
    day = after.astimezone(zone).date()
    last = until.astimezone(zone).date()
    while day <= last and len(found) < limit:
        midnight = datetime.combine(day, time(0), tzinfo=zone)
        for start, end in frames_on(day):
            at = start
            while at + length <= end:
                moment = midnight + timedelta(seconds=at)
                if moment >= after and moment + timedelta(seconds=length) <= until:
                    found.append(moment)
                    if len(found) >= limit:
                        return found
                at += length
        day += timedelta(days=1)
    return found
