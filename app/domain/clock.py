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
