"""The working-day calendar at the center: read it, and let an admin enter a year (replicated)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from app.center.api_errors import ApiError
from app.center.audit import append_center_event
from app.center.changelog import publish_reference
from app.center.context import CenterContext
from app.center.deps import ctx, read_db, require
from app.center.security import Principal
from app.domain.workdays import DayRecord, UnknownCalendarYear
from app.store import models as m
from app.store.calendar_store import load_calendar, set_admin_year

router = APIRouter(prefix="/api/v1/calendar", tags=["calendar"])
Year = Annotated[int, Path(ge=2000, le=2100)]


class DayIn(BaseModel):
    day: dt.date
    is_workday: bool
    name: str | None = Field(None, max_length=40)


class YearIn(BaseModel):
    days: list[DayIn] = Field(max_length=200)


class YearOut(BaseModel):
    year: int
    days: list[DayIn]


@router.get("/{year}", response_model=YearOut)
def get_year(
    year: Year,
    _: Principal = Depends(require("clerk", "manager", "counter", "kiosk", "screen")),
    s: Session = Depends(read_db),
) -> YearOut:
    cal = load_calendar(s)
    if year not in cal.known_years():
        raise ApiError(404, "unknown_calendar_year", str(UnknownCalendarYear(year)))
    return YearOut(
        year=year,
        days=[DayIn(day=r.day, is_workday=r.is_workday, name=r.name) for r in cal.exceptions_of(year)],
    )


@router.put("/{year}", response_model=YearOut)
def put_year(
    year: Year, body: YearIn, who: Principal = Depends(require("admin")), c: CenterContext = Depends(ctx)
) -> YearOut:
    """Enter (or correct) a year's holidays and make-up working days, e.g. after the State Council's notice."""
    if not 2000 <= year <= 2100:
        raise ApiError(422, "invalid_request", "year out of range")
    records = [DayRecord(d.day, d.is_workday, d.name) for d in body.days]
    with c.db.write_session() as s:
        try:
            set_admin_year(s, year, records, who.subject)
        except ValueError as exc:
            raise ApiError(422, "invalid_request", str(exc)) from exc
        row = s.get(m.CalendarYear, year)
        assert row is not None
        publish_reference(s, row)
        for rec in records:
            day = s.get(m.CalendarDay, rec.day)
            assert day is not None
            publish_reference(s, day)
        append_center_event(
            s,
            who.subject,
            "calendar.enter_year",
            object_type="calendar",
            object_id=str(year),
            detail={"days": len(records)},
        )
        cal = load_calendar(s)
        return YearOut(
            year=year,
            days=[DayIn(day=r.day, is_workday=r.is_workday, name=r.name) for r in cal.exceptions_of(year)],
        )
