"""Time in one place: UTC for storage, the hall's local zone (Asia/Shanghai by default) for days."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

HALL_TZ = ZoneInfo("Asia/Shanghai")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def local_today(now: dt.datetime | None = None) -> dt.date:
    return (now or utcnow()).astimezone(HALL_TZ).date()


def local_now(now: dt.datetime | None = None) -> dt.datetime:
    """The hall's wall clock (what screens show and tickets print), whatever the machine's zone."""
    return (now or utcnow()).astimezone(HALL_TZ)


def local_text(stamp: str | dt.datetime | None, *, seconds: bool = True) -> str:
    """A stored UTC time as the hall reads it ("2026-12-02 14:44:29", hall-local); "" for none. A naive
    stamp is UTC (how the databases store it)."""
    if not stamp:
        return ""
    when = dt.datetime.fromisoformat(stamp) if isinstance(stamp, str) else stamp
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return f"{when.astimezone(HALL_TZ):%Y-%m-%d %H:%M{':%S' if seconds else ''}}"
