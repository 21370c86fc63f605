"""The working-day calendar: published years from the package, admin years on top, pauses, lights."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cli.main import main
from app.domain.workdays import DayRecord, Light, UnknownCalendarYear, WorkdayCalendar

CAL = WorkdayCalendar.from_sources()
D = dt.date


def test_the_domain_example() -> None:
    assert CAL.add_working_days(D(2025, 9, 30), 5) == D(2025, 10, 14)
    assert CAL.is_workday(D(2025, 10, 11))  # make-up Saturday
    assert all(not CAL.is_workday(D(2025, 10, d)) for d in range(1, 9))
    assert CAL.holiday_name(D(2025, 10, 1)) == "国庆节"
    assert CAL.holiday_name(D(2025, 10, 6)) == "中秋节"
    assert CAL.holiday_name(D(2025, 10, 9)) is None


@pytest.mark.parametrize(
    ("day", "work"),
    [
        (D(2024, 2, 10), False),  # 春节
        (D(2024, 2, 4), True),  # Sunday make-up day
        (D(2024, 2, 18), True),
        (D(2023, 4, 23), True),  # Sunday make-up before 劳动节
        (D(2023, 5, 3), False),
        (D(2026, 1, 1), False),
        (D(2026, 3, 3), True),
        (D(2026, 3, 7), False),  # an ordinary Saturday
    ],
)
def test_published_days(day: dt.date, work: bool) -> None:
    assert CAL.is_workday(day) is work


def test_zero_days_is_the_same_day_and_negative_is_refused() -> None:
    assert CAL.add_working_days(D(2025, 9, 30), 0) == D(2025, 9, 30)
    with pytest.raises(ValueError):
        CAL.add_working_days(D(2025, 9, 30), -1)


def test_pauses_are_not_counted() -> None:
    # 2025-10-09..10 paused (special step): two fewer working days count, so the due date moves by two
    assert CAL.add_working_days(D(2025, 9, 30), 5, [(D(2025, 10, 9), D(2025, 10, 10))]) == D(2025, 10, 16)
    # a pause over holidays changes nothing
    assert CAL.add_working_days(D(2025, 9, 30), 5, [(D(2025, 10, 1), D(2025, 10, 8))]) == D(2025, 10, 14)


def test_working_days_between() -> None:
    assert CAL.working_days_between(D(2025, 9, 30), D(2025, 10, 14)) == 5
    assert CAL.working_days_between(D(2025, 10, 14), D(2025, 9, 30)) == -5
    assert CAL.working_days_between(D(2025, 10, 14), D(2025, 10, 14)) == 0


def test_supervision_lights() -> None:
    due = D(2025, 10, 14)
    assert CAL.light(due, D(2025, 10, 9), yellow_days=1) == Light.GREEN
    assert CAL.light(due, D(2025, 10, 13), yellow_days=1) == Light.YELLOW
    assert CAL.light(due, D(2025, 10, 14), yellow_days=1) == Light.YELLOW  # due today
    assert CAL.light(due, D(2025, 10, 15), yellow_days=1) == Light.RED
    assert CAL.light(due, D(2025, 10, 10), yellow_days=3) == Light.YELLOW


def test_unknown_year_is_a_clear_error_never_a_guess() -> None:
    last = max(CAL.known_years())
    with pytest.raises(UnknownCalendarYear, match=f"holiday calendar of {last + 1} is not published"):
        CAL.is_workday(D(last + 1, 3, 3))
    with pytest.raises(UnknownCalendarYear):  # counting into an unknown year fails too
        CAL.add_working_days(D(last, 12, 20), 30)
    with pytest.raises(UnknownCalendarYear):
        CAL.is_workday(D(1999, 3, 3))


def test_admin_year_overrides() -> None:
    cal = WorkdayCalendar.from_sources(
        admin_days=[
            DayRecord(D(2030, 10, 1), False, "国庆节"),
            DayRecord(D(2030, 10, 2), False, "国庆节"),
            DayRecord(D(2030, 9, 29), True, "调休上班"),
        ],
        admin_years=[2030],
    )
    assert 2030 in cal.known_years()
    assert not cal.is_workday(D(2030, 10, 1)) and cal.holiday_name(D(2030, 10, 1)) == "国庆节"
    assert cal.is_workday(D(2030, 9, 29))  # a Sunday, made a working day
    assert cal.is_workday(D(2030, 10, 3))  # no record: the Monday–Friday rule
    assert cal.add_working_days(D(2030, 9, 30), 1) == D(2030, 10, 3)
    # an admin may also correct a published year
    fixed = WorkdayCalendar.from_sources(
        admin_days=[DayRecord(D(2025, 10, 9), False, "临时放假")], admin_years=[]
    )
    assert not fixed.is_workday(D(2025, 10, 9)) and fixed.is_workday(D(2025, 10, 11))


def test_package_days_are_exceptions_only() -> None:
    days = CAL.package_days(2025)
    assert DayRecord(D(2025, 10, 11), True, "调休上班") not in days  # the package names it by the holiday
    assert any(r.day == D(2025, 10, 11) and r.is_workday for r in days)
    assert all((r.day.weekday() < 5) != r.is_workday for r in days)


def _reference_due(start: dt.date, n: int) -> dt.date:
    day, counted = start, 0
    while counted < n:
        day += dt.timedelta(days=1)
        if chinese_calendar.is_workday(day):
            counted += 1
    return day


YEARS = sorted(CAL.known_years())


@settings(max_examples=300, deadline=None)
@given(
    start=st.dates(min_value=D(YEARS[0], 1, 1), max_value=D(YEARS[-1], 9, 30)),
    n=st.integers(min_value=0, max_value=60),
)
def test_property_against_the_package_day_by_day(start: dt.date, n: int) -> None:
    due = CAL.add_working_days(start, n)
    assert due == _reference_due(start, n)
    assert CAL.working_days_between(start, due) == n
    if n > 0:
        assert due > start and CAL.is_workday(due)
        assert CAL.add_working_days(start, n - 1) < due  # strictly monotone in n


def test_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "due", "2025-09-30", "5"]) == 0
    assert capsys.readouterr().out.strip() == "2025-10-14"
    assert main(["calendar", "is-workday", "2025-10-11"]) == 0
    assert capsys.readouterr().out.strip() == "yes"
    assert main(["calendar", "is-workday", "2025-10-08"]) == 0
    assert capsys.readouterr().out.strip() == "no"
    assert main(["calendar", "due", "2025-09-30", "5", "--pause", "2025-10-09:2025-10-10"]) == 0
    assert capsys.readouterr().out.strip() == "2025-10-16"
    assert main(["calendar", "show", "2025-10"]) == 0
    out = capsys.readouterr().out
    assert "2025-10-11 班" in out and "国庆节" in out
    last = max(CAL.known_years())
    assert main(["calendar", "due", f"{last}-12-25", "10"]) == 1
    assert "尚未发布" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["calendar", "due", "2025-13-01", "5"])


def test_half_working_days_end_on_the_day_that_holds_the_last_half() -> None:
    from app.domain.workdays import days_text

    friday = D(2025, 9, 26)  # received on a Friday; 09-28 (Sunday) is a make-up working day
    assert CAL.add_half_working_days(friday, 4) == CAL.add_working_days(friday, 2)
    assert CAL.add_half_working_days(friday, 5) == CAL.add_working_days(friday, 3)  # 2.5 days: the 3rd, by noon
    assert CAL.add_half_working_days(friday, 1) == CAL.add_working_days(friday, 1)  # half a day: the next working day
    assert CAL.add_half_working_days(D(2025, 9, 30), 1) == D(2025, 10, 9)  # over 国庆 (10-01…10-08)
    assert CAL.add_half_working_days(friday, 0) == friday
    with pytest.raises(ValueError):
        CAL.add_half_working_days(friday, -1)
    assert [days_text(n) for n in (0, 1, 4, 5)] == ["0个工作日", "0.5个工作日", "2个工作日", "2.5个工作日"]


def test_an_acceptance_counts_the_half_days_of_its_limits() -> None:
    from app.domain.acceptance import Decision, decide
    from app.domain.states import CaseStatus

    monday = D(2026, 3, 2)
    whole = decide(Decision.ACCEPT, [], kind="promised", promised_days=2, legal_days=5, received_on=monday, calendar=CAL)
    half = decide(Decision.ACCEPT, [], kind="promised", promised_days=2, legal_days=5, received_on=monday, calendar=CAL,
                  promised_half_day=True, legal_half_day=True)
    assert (whole.due_date, whole.legal_due_date) == (D(2026, 3, 4), D(2026, 3, 9))
    assert (half.due_date, half.legal_due_date) == (D(2026, 3, 5), D(2026, 3, 10))
    only_half = decide(Decision.ACCEPT, [], kind="promised", promised_days=0, legal_days=1, received_on=monday,
                       calendar=CAL, promised_half_day=True)
    assert only_half.status == CaseStatus.ACCEPTED and only_half.due_date == D(2026, 3, 3)  # not 当场办结
