"""Appointment slots of a category (issue 18): pure functions of the opening hours, the working-day
calendar, the slot plan and the clock.

A day's slots are the pieces of `slot_minutes` that fit whole in each open span of the day (so a lunch
break has none), starting before the category's ticket cut-off (a citizen checks in at the slot's start and
needs a ticket then). A slot can be booked until `cutoff_minutes` before its start, and days up to
`days_ahead` after today. Capacity = places per window × the active windows that serve the category: the
windows a hall plans for the day, not the ones open at this minute.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.clock import HALL_TZ
from app.domain.opening import Hours, spans_on
from app.domain.workdays import UnknownCalendarYear, WorkdayCalendar


@dataclass(frozen=True)
class Plan:
    slot_minutes: int = 30
    per_window: int = 2
    days_ahead: int = 7
    cutoff_minutes: int = 60  # booking closes this long before a slot starts


@dataclass(frozen=True)
class Slot:
    start: dt.datetime  # aware, UTC
    end: dt.datetime

    @property
    def local_start(self) -> dt.datetime:
        return self.start.astimezone(HALL_TZ)

    @property
    def local_end(self) -> dt.datetime:
        return self.end.astimezone(HALL_TZ)


def day_slots(hours: Hours, day: dt.date, calendar: WorkdayCalendar, plan: Plan, ticket_cutoff: int = 0) -> list[Slot]:
    """Every slot of a day (booked or not, past or not); [] on a closed day, an unknown calendar year or
    without opening hours (a category with no hours has no slots: the hall must say when it serves)."""
    if hours.unlimited or plan.slot_minutes <= 0:
        return []
    try:
        spans = spans_on(hours, day, calendar)
    except UnknownCalendarYear:
        return []
    midnight = dt.datetime.combine(day, dt.time(0), HALL_TZ)
    out = []
    for span in spans:
        start = span.start
        while start + plan.slot_minutes <= span.end and start < span.end - ticket_cutoff:
            a = midnight + dt.timedelta(minutes=start)
            out.append(Slot(a.astimezone(dt.UTC), (a + dt.timedelta(minutes=plan.slot_minutes)).astimezone(dt.UTC)))
            start += plan.slot_minutes
    return out


def bookable_days(today: dt.date, plan: Plan) -> list[dt.date]:
    """Today and the next `days_ahead` days (closed ones included: the page says they are closed)."""
    return [today + dt.timedelta(days=n) for n in range(plan.days_ahead + 1)]


def still_bookable(slot: Slot, now: dt.datetime, plan: Plan) -> bool:
    return now <= slot.start - dt.timedelta(minutes=plan.cutoff_minutes)


def capacity(plan: Plan, windows: int) -> int:
    return max(0, plan.per_window) * max(0, windows)
