"""The working-day calendar (工作日): Monday–Friday, minus public holidays, plus the make-up working days
(调休上班) the State Council announces each November for the next year.

Sources: the `chinesecalendar` package for the years it knows, and years an admin entered (stored in
the center's database and replicated). A question about a year that neither knows raises
`UnknownCalendarYear`: the software never guesses a holiday arrangement.

Time limits count working days from the day AFTER the materials were received; the days of special
steps (特殊环节: hearing, testing, expert review) are not counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

import chinese_calendar

from app.errors import HallError
from app.i18n.messages import msg

HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}
ONE_DAY = dt.timedelta(days=1)


class UnknownCalendarYear(HallError):
    def __init__(self, year: int) -> None:
        super().__init__(msg("calendar_unknown_year", year=str(year)), code="unknown_calendar_year")
        self.year = year


@dataclass(frozen=True)
class DayRecord:
    """An exception to the Monday–Friday rule: a holiday on a weekday, or a make-up working day."""

    day: dt.date
    is_workday: bool
    name: str | None = None


class Light(StrEnum):
    """Electronic supervision (电子监察) of an open case."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


@cache
def _package_years() -> frozenset[int]:
    years = {d.year for d in chinese_calendar.holidays} | {d.year for d in chinese_calendar.workdays}
    return frozenset(range(min(years), max(years) + 1))


@cache
def _package_exceptions(year: int) -> tuple[DayRecord, ...]:
    """The package's holidays on weekdays and its make-up working days of one year."""
    # only the days the package lists (asking it about every day of every year cost a second per process)
    listed = sorted({d for d in chinese_calendar.holidays if d.year == year}
                    | {d for d in chinese_calendar.workdays if d.year == year})
    out: list[DayRecord] = []
    for day in listed:
        weekday = day.weekday() < 5
        is_work = chinese_calendar.is_workday(day)
        if is_work != weekday:
            _, holiday = chinese_calendar.get_holiday_detail(day)
            name = holiday if isinstance(holiday, str) else None
            if name is None and not is_work:
                name = "holiday"
            out.append(DayRecord(day, is_work, HOLIDAY_NAMES_ZH.get(name or "", name) if name else None))
    return tuple(out)


class WorkdayCalendar:
    def __init__(self, exceptions: dict[dt.date, DayRecord], known_years: Iterable[int]) -> None:
        self._exceptions = exceptions
        self._years = frozenset(known_years)

    @classmethod
    def from_sources(
        cls, admin_days: Iterable[DayRecord] = (), admin_years: Iterable[int] = ()
    ) -> WorkdayCalendar:
        """The package's years, then the admin's years and records on top (an admin record wins)."""
        years = set(_package_years())
        exceptions: dict[dt.date, DayRecord] = {}
        for year in sorted(years):
            for rec in _package_exceptions(year):
                exceptions[rec.day] = rec
        admin_year_set = set(admin_years)
        for year in admin_year_set:  # an admin year replaces the package's arrangement of that year
            for day in [d for d in exceptions if d.year == year]:
                del exceptions[day]
        for rec in admin_days:
            exceptions[rec.day] = rec
        return cls(exceptions, years | admin_year_set)

    # ------------------------------------------------------------------ questions about one day
    def known_years(self) -> set[int]:
        return set(self._years)

    def _check(self, day: dt.date) -> None:
        if day.year not in self._years:
            raise UnknownCalendarYear(day.year)

    def is_workday(self, day: dt.date) -> bool:
        self._check(day)
        rec = self._exceptions.get(day)
        if rec is not None:
            return rec.is_workday
        return day.weekday() < 5

    def holiday_name(self, day: dt.date) -> str | None:
        self._check(day)
        rec = self._exceptions.get(day)
        if rec is not None and not rec.is_workday:
            return rec.name
        return None

    def package_days(self, year: int) -> list[DayRecord]:
        if year not in _package_years():
            raise UnknownCalendarYear(year)
        return list(_package_exceptions(year))

    def exceptions_of(self, year: int) -> list[DayRecord]:
        return sorted((r for r in self._exceptions.values() if r.day.year == year), key=lambda r: r.day)

    # ------------------------------------------------------------------ counting
    def add_working_days(
        self, start: dt.date, n: int, pauses: Sequence[tuple[dt.date, dt.date]] = ()
    ) -> dt.date:
        """The n-th working day counted from the day after `start`, skipping paused days (inclusive
        periods of special steps). n = 0 is `start` itself (an immediate case is due the same day)."""
        if n < 0:
            raise ValueError("a time limit cannot be negative")
        day, counted = start, 0
        while counted < n:
            day += ONE_DAY
            if self.is_workday(day) and not _paused(day, pauses):
                counted += 1
        return day

    def add_half_working_days(
        self, start: dt.date, half_days: int, pauses: Sequence[tuple[dt.date, dt.date]] = ()
    ) -> dt.date:
        """A time limit in half working days (2.5 working days = 5): due on the working day that holds
        its last half, i.e. the ceil(half_days / 2)-th counted as in `add_working_days`. An odd count ends
        at noon of that day; the due date never comes before the whole-day limit's."""
        if half_days < 0:
            raise ValueError("a time limit cannot be negative")
        return self.add_working_days(start, (half_days + 1) // 2, pauses)

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days in (a, b]; negative when b is before a."""
        if b < a:
            return -self.working_days_between(b, a)
        count, day = 0, a
        while day < b:
            day += ONE_DAY
            if self.is_workday(day):
                count += 1
        return count

    def light(self, due: dt.date, today: dt.date, yellow_days: int) -> Light:
        return supervision_light(due, today, yellow_days, self)


def days_text(half_days: int) -> str:
    """A time limit as the hall writes it: 5 → "2.5个工作日", 4 → "2个工作日", 1 → "0.5个工作日"."""
    whole, half = divmod(half_days, 2)
    return f"{whole}.5个工作日" if half else f"{whole}个工作日"


def _paused(day: dt.date, pauses: Sequence[tuple[dt.date, dt.date]]) -> bool:
    return any(first <= day <= last for first, last in pauses)


def supervision_light(due: dt.date, today: dt.date, yellow_days: int, calendar: WorkdayCalendar) -> Light:
    """Red when overdue, yellow when at most `yellow_days` working days are left, else green."""
    if today > due:
        return Light.RED
    if calendar.working_days_between(today, due) <= yellow_days:
        return Light.YELLOW
    return Light.GREEN
