"""The working-day calendar in the database: package years seeded as rows, admin-entered years on top.
The center owns it and replicates it; every terminal builds the same calendar from its copy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.workdays import DayRecord, WorkdayCalendar
from app.store import models as m


def load_calendar(session: Session) -> WorkdayCalendar:
    """Package data for the years it knows, overridden by the admin's records in the database."""
    admin_years = session.scalars(select(m.CalendarYear.year).where(m.CalendarYear.source == "admin")).all()
    admin_days = [
        DayRecord(day=d.day, is_workday=d.is_workday, name=d.name)
        for d in session.scalars(select(m.CalendarDay).where(m.CalendarDay.source == "admin"))
    ]
    return WorkdayCalendar.from_sources(admin_days=admin_days, admin_years=admin_years)


def calendar_from_replica(
    days: Iterable[dict[str, object]], years: Iterable[dict[str, object]]
) -> WorkdayCalendar:
    """The same calendar built on a terminal from replicated rows."""
    admin_years = [int(str(y["year"])) for y in years if y.get("source") == "admin"]
    admin_days = [
        DayRecord(
            day=dt.date.fromisoformat(str(d["day"])),
            is_workday=bool(d["is_workday"]),
            name=str(d["name"]) if d.get("name") else None,
        )
        for d in days
        if d.get("source") == "admin"
    ]
    return WorkdayCalendar.from_sources(admin_days=admin_days, admin_years=admin_years)


def seed_package_calendar(session: Session, years: Iterable[int]) -> int:
    """Copy the package's holidays and make-up days into the table (so they replicate and can be read);
    returns the number of day rows written."""
    cal = WorkdayCalendar.from_sources()
    count = 0
    for year in years:
        if session.get(m.CalendarYear, year) is None:
            session.add(m.CalendarYear(year=year, source="package"))
        for rec in cal.package_days(year):
            if session.get(m.CalendarDay, rec.day) is None:
                session.add(
                    m.CalendarDay(day=rec.day, is_workday=rec.is_workday, name=rec.name, source="package")
                )
                count += 1
    session.flush()
    return count


def set_admin_year(session: Session, year: int, days: Iterable[DayRecord], entered_by: str) -> None:
    """An admin publishes a year the package does not know (or corrects one): its exceptions to Mon–Fri."""
    row = session.get(m.CalendarYear, year)
    if row is None:
        row = m.CalendarYear(year=year, source="admin", entered_by=entered_by)
        session.add(row)
    row.source, row.entered_by = "admin", entered_by
    for rec in days:
        if rec.day.year != year:
            raise ValueError(f"{rec.day} is not in {year}")
        day = session.get(m.CalendarDay, rec.day)
        if day is None:
            day = m.CalendarDay(day=rec.day, is_workday=rec.is_workday)
            session.add(day)
        day.is_workday, day.name, day.source = rec.is_workday, rec.name, "admin"
    session.flush()
