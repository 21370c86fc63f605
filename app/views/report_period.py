"""The period a manager reads the hall's report for (day, week, month, year): the query parameters of
`GET /api/v1/reports` and the dates it covers, the same as the center's (a week is Monday to Sunday)."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal

Kind = Literal["day", "week", "month", "year"]
KINDS: tuple[Kind, ...] = ("day", "week", "month", "year")


def period_range(kind: Kind, day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the period of `kind` that holds `day`."""
    if kind == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if kind == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if kind == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    return day, day


def period_params(kind: Kind, day: dt.date) -> dict[str, str]:
    """The report route's parameters for the period."""
    if kind == "week":
        return {"week": day.isoformat()}
    if kind == "month":
        return {"month": f"{day:%Y-%m}"}
    if kind == "year":
        return {"year": str(day.year)}
    return {"date": day.isoformat()}


def period_text(kind: Kind, day: dt.date) -> str:
    """How the period reads (the same in both languages): 2026-12-02, 2026-11-30 – 2026-12-06, 2026-12, 2026."""
    first, last = period_range(kind, day)
    if kind == "week":
        return f"{first.isoformat()} – {last.isoformat()}"
    if kind == "month":
        return f"{day:%Y-%m}"
    if kind == "year":
        return str(day.year)
    return day.isoformat()
