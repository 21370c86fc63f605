"""Appointment slots from opening hours, the working-day calendar and the plan (issue 18): pure functions,
fixed dates of the package calendar (2026: 国庆 1–7 Oct, make-up working Saturday 10 Oct)."""

from __future__ import annotations

import datetime as dt

from app.domain.clock import HALL_TZ
from app.domain.opening import parse_hours
from app.domain.slots import Plan, bookable_days, capacity, day_slots, still_bookable
from app.domain.workdays import WorkdayCalendar

CAL = WorkdayCalendar.from_sources()
HOURS = parse_hours("09:00-12:00,13:30-17:30")


def _times(day: dt.date, plan: Plan, hours: str = "09:00-12:00,13:30-17:30", cutoff: int = 0) -> list[str]:
    return [f"{x.local_start:%H:%M}" for x in day_slots(parse_hours(hours), day, CAL, plan, cutoff)]


def test_a_working_day_has_whole_slots_in_each_span_and_none_at_lunch() -> None:
    got = _times(dt.date(2026, 12, 8), Plan(slot_minutes=45))  # a Tuesday
    assert got == ["09:00", "09:45", "10:30", "11:15", "13:30", "14:15", "15:00", "15:45", "16:30"]
    got = _times(dt.date(2026, 12, 8), Plan(slot_minutes=40))
    assert got[:5] == ["09:00", "09:40", "10:20", "11:00", "13:30"]  # 11:40 + 40 runs into lunch: no slot
    assert "12:00" not in _times(dt.date(2026, 12, 8), Plan(slot_minutes=30))


def test_slots_are_utc_and_end_after_the_length() -> None:
    x = day_slots(HOURS, dt.date(2026, 12, 8), CAL, Plan(slot_minutes=30))[0]
    assert x.start == dt.datetime(2026, 12, 8, 1, 0, tzinfo=dt.UTC)  # 09:00 in Beijing
    assert x.end - x.start == dt.timedelta(minutes=30) and x.local_start.tzinfo == HALL_TZ


def test_holidays_weekends_and_make_up_days_follow_the_calendar() -> None:
    plan = Plan()
    assert _times(dt.date(2026, 10, 1), plan) == []  # 国庆节
    assert _times(dt.date(2026, 12, 12), plan) == []  # an ordinary Saturday
    assert _times(dt.date(2026, 10, 10), plan)[:2] == ["09:00", "09:30"]  # 调休: a working Saturday
    # Saturday mornings (延时服务) but not inside a holiday block
    sat = "09:00-12:00；周六 09:00-11:00"
    assert _times(dt.date(2026, 12, 12), plan, sat) == ["09:00", "09:30", "10:00", "10:30"]
    assert _times(dt.date(2026, 10, 3), plan, sat) == []


def test_the_ticket_cut_off_ends_the_slots_before_closing() -> None:
    got = _times(dt.date(2026, 12, 8), Plan(slot_minutes=30), "09:00-12:00", cutoff=30)
    assert got[-1] == "11:00"  # 11:30 starts inside the last 30 minutes, when no ticket is issued


def test_no_hours_or_an_unknown_year_has_no_slots() -> None:
    assert day_slots(parse_hours(""), dt.date(2026, 12, 8), CAL, Plan()) == []
    assert day_slots(HOURS, dt.date(2099, 12, 8), CAL, Plan()) == []


def test_cut_off_days_ahead_and_capacity() -> None:
    plan = Plan(cutoff_minutes=60, days_ahead=2, per_window=3)
    x = day_slots(HOURS, dt.date(2026, 12, 8), CAL, plan)[0]
    assert still_bookable(x, x.start - dt.timedelta(minutes=60), plan)
    assert not still_bookable(x, x.start - dt.timedelta(minutes=59), plan)
    assert bookable_days(dt.date(2026, 12, 8), plan) == [dt.date(2026, 12, d) for d in (8, 9, 10)]
    assert capacity(plan, 2) == 6 and capacity(plan, 0) == 0
