"""Opening hours as a pure function of the clock and the working-day calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.clock import HALL_TZ
from app.domain.opening import ClosedReason, HoursError, format_hours, opening_state, parse_hours
from app.domain.workdays import WorkdayCalendar
from app.i18n.messages import render

CAL = WorkdayCalendar.from_sources()
HOURS = "工作日 09:00-12:00,13:30-17:30；周六 09:00-12:00"


def at(y: int, mo: int, d: int, h: int, mi: int = 0) -> dt.datetime:
    return dt.datetime(y, mo, d, h, mi, tzinfo=HALL_TZ)


def test_parse_and_format() -> None:
    hours = parse_hours(HOURS)
    assert [s.text() for s in hours.workdays] == ["09:00-12:00", "13:30-17:30"]
    assert format_hours(hours) == "工作日 09:00-12:00,13:30-17:30；周六 09:00-12:00"
    assert parse_hours("").unlimited and parse_hours("每天 00:00-24:00").daily
    for bad in ("9-12", "12:00-09:00", "09:00-12:00,11:00-13:00", "25:00-26:00"):
        with pytest.raises(HoursError):
            parse_hours(bad)


def test_open_cutoff_lunch_and_after_closing() -> None:
    monday = (2026, 11, 30)
    assert opening_state(HOURS, now=at(*monday, 9, 0), calendar=CAL).is_open
    cut = opening_state(HOURS, now=at(*monday, 11, 45), calendar=CAL, cutoff_minutes=20)
    assert cut.reason == ClosedReason.CUTOFF and cut.next_open == at(*monday, 13, 30)
    evening = opening_state(HOURS, now=at(*monday, 18, 0), calendar=CAL)
    assert evening.reason == ClosedReason.OUTSIDE_HOURS and evening.next_open == at(2026, 12, 1, 9, 0)
    why = evening.as_msg()
    assert why.code == "closed.next" and str(why) == "Outside ticket hours; next tickets from Tue, 12/1, 09:00"
    assert render(why.code, why.params, "zh_CN") == "现在不在取号时间，下次取号时间：12月1日（周二）09:00"
    cut_zh = render(cut.as_msg().code, cut.as_msg().params, "zh_CN")
    assert cut_zh == "已过取号截止时间（闭馆前20分钟停止取号），下次取号时间：11月30日（周一）13:30", cut_zh


def test_saturday_mornings_holidays_and_make_up_days() -> None:
    assert opening_state(HOURS, now=at(2026, 11, 28, 10), calendar=CAL).is_open  # a plain Saturday
    sunday = opening_state(HOURS, now=at(2026, 11, 29, 10), calendar=CAL)
    assert sunday.reason == ClosedReason.CLOSED_DAY and sunday.next_open == at(2026, 11, 30, 9)
    holiday = opening_state(HOURS, now=at(2026, 10, 3, 10), calendar=CAL)  # a Saturday in 国庆节
    assert holiday.reason == ClosedReason.CLOSED_DAY and holiday.detail == "国庆节"
    assert opening_state(HOURS, now=at(2026, 1, 4, 14), calendar=CAL).is_open  # 调休: a Sunday worked


def test_quota_and_unknown_years() -> None:
    full = opening_state(HOURS, now=at(2026, 11, 30, 10), calendar=CAL, daily_quota=5, issued_today=5)
    assert full.reason == ClosedReason.QUOTA and full.next_open == at(2026, 12, 1, 9)
    assert not opening_state("", now=at(2026, 11, 30, 3), calendar=CAL, daily_quota=1, issued_today=1).is_open
    assert opening_state("", now=at(2026, 11, 30, 3), calendar=CAL).is_open
    far = max(CAL.known_years()) + 2
    assert opening_state(HOURS, now=at(far, 6, 1, 10), calendar=CAL).reason == ClosedReason.CALENDAR_UNKNOWN
