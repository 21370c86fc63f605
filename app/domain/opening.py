"""Opening hours of a queue category: is it open now, and if not, why and when does it next open.

A category's hours are a short text, as halls write them:

    "09:00-12:00,13:30-17:30"                      working days only (the default)
    "工作日 09:00-12:00,13:30-17:30；周六 09:00-12:00"  plus Saturday mornings (延时服务) that are not holidays
    "每天 08:00-20:00"                               every day, holidays included

Working days come from the working-day calendar (`app.domain.workdays`), so a public holiday is closed and
a make-up working day (调休) is open. Tickets stop `cutoff_minutes` before each closing; a daily quota closes
the category for the rest of the day. Empty hours mean no limit (open whenever the hall runs).
Pure functions of their inputs: the clock is always passed in.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from enum import StrEnum

from app.domain.clock import HALL_TZ
from app.domain.workdays import UnknownCalendarYear, WorkdayCalendar
from app.i18n.messages import Msg, msg, status_param

DAY_LABELS = {"工作日": "workdays", "每天": "daily", "周六": "saturday", "周日": "sunday"}
_RANGE = re.compile(r"^(\d{1,2}):(\d{2})\s*[-–~～至]\s*(\d{1,2}):(\d{2})$")
LOOKAHEAD_DAYS = 40


class HoursError(ValueError):
    """A malformed opening-hours text; its message (a `Msg`, `args[0]`) says what is wrong."""


class ClosedReason(StrEnum):
    OUTSIDE_HOURS = "outside_hours"  # before opening, lunch break or after closing
    CUTOFF = "cutoff"  # within the minutes before closing when no tickets are issued
    QUOTA = "quota"  # the daily quota is used up
    CLOSED_DAY = "closed_day"  # a rest day or public holiday
    CALENDAR_UNKNOWN = "calendar_unknown"  # the working-day calendar of this year is not entered
    INACTIVE = "inactive"  # the category is switched off


@dataclass(frozen=True)
class Span:
    start: int  # minutes after midnight
    end: int

    def text(self) -> str:
        return f"{self.start // 60:02d}:{self.start % 60:02d}-{self.end // 60:02d}:{self.end % 60:02d}"


@dataclass(frozen=True)
class Hours:
    workdays: tuple[Span, ...] = ()
    daily: tuple[Span, ...] = ()
    saturday: tuple[Span, ...] = ()
    sunday: tuple[Span, ...] = ()

    @property
    def unlimited(self) -> bool:
        return not (self.workdays or self.daily or self.saturday or self.sunday)


def parse_hours(text: str | None) -> Hours:
    """Parse an opening-hours text; raises HoursError naming the bad part."""
    text = (text or "").strip()
    if not text:
        return Hours()
    found: dict[str, list[Span]] = {"workdays": [], "daily": [], "saturday": [], "sunday": []}
    for segment in re.split(r"[;；\n]", text):
        segment = segment.strip()
        if not segment:
            continue
        label = "workdays"
        for zh, key in DAY_LABELS.items():
            if segment.startswith(zh):
                label, segment = key, segment[len(zh) :].strip(" :：")
                break
        for part in re.split(r"[,，、\s]+(?=\d)", segment):
            part = part.strip()
            match = _RANGE.match(part)
            if not match:
                raise HoursError(msg("hours.bad_range_form", part=part))
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            start, end = h1 * 60 + m1, h2 * 60 + m2
            if m1 > 59 or m2 > 59 or h1 > 23 or end > 24 * 60 or end <= start:
                raise HoursError(msg("hours.bad_range", part=part))
            found[label].append(Span(start, end))
    spans = {k: tuple(sorted(v, key=lambda s: s.start)) for k, v in found.items()}
    for values in spans.values():
        for a, b in itertools.pairwise(values):
            if b.start < a.end:
                raise HoursError(msg("hours.overlap", first=a.text(), second=b.text()))
    return Hours(**spans)


def format_hours(hours: Hours) -> str:
    parts = []
    for key, zh in (("workdays", "工作日"), ("saturday", "周六"), ("sunday", "周日"), ("daily", "每天")):
        spans: tuple[Span, ...] = getattr(hours, key)
        if spans:
            parts.append(f"{zh} " + ",".join(s.text() for s in spans))
    return "；".join(parts)


@dataclass(frozen=True)
class Opening:
    """The answer: open now, or closed with a reason and the next opening (hall-local time) if known."""

    is_open: bool
    reason: ClosedReason | None = None
    next_open: dt.datetime | None = None
    detail: str = ""  # e.g. the holiday's name or the quota
    count: int | None = None  # the cut-off's minutes or the daily quota (for the message's params)

    def as_msg(self) -> Msg:
        """Why it is closed and when it opens next, as a message (shown in the reader's language)."""
        if self.is_open:
            return msg("closed.open")
        reason = (self.reason or ClosedReason.OUTSIDE_HOURS).value
        code = f"closed.{reason}" + ("" if self.detail or reason != ClosedReason.CLOSED_DAY.value else "_plain")
        detail: object = self.detail
        if self.reason == ClosedReason.CUTOFF and self.count is not None:
            detail = msg("closed.cutoff_detail", minutes=self.count)
        elif self.reason == ClosedReason.QUOTA and self.count is not None:
            detail = msg("closed.quota_detail", count=self.count)
        why = msg(code, detail=detail)
        if self.next_open is None:
            return why
        when = self.next_open
        return msg(
            "closed.next",
            why=why,
            date=msg("date.month_day", month=when.month, day=when.day),
            weekday=status_param("weekday_short", when.weekday()),
            time=f"{when:%H:%M}",
        )


def spans_on(hours: Hours, day: dt.date, calendar: WorkdayCalendar) -> tuple[Span, ...]:
    """The open spans of a day; raises UnknownCalendarYear for a year the calendar does not know."""
    spans = list(hours.daily)
    if calendar.is_workday(day):
        spans += hours.workdays
    elif day.weekday() >= 5 and holiday_around(day, calendar) is None:
        spans += hours.saturday if day.weekday() == 5 else hours.sunday
    return tuple(sorted(spans, key=lambda s: s.start))


def holiday_around(day: dt.date, calendar: WorkdayCalendar) -> str | None:
    """The public holiday a rest day belongs to, if any. The calendar names holidays that fall on weekdays;
    a weekend inside a holiday block (国庆节's Saturday) is known by the weekday holiday next to it."""
    name = calendar.holiday_name(day)
    if name or day.weekday() < 5:
        return name
    friday = day - dt.timedelta(days=day.weekday() - 4)
    monday = day + dt.timedelta(days=7 - day.weekday())
    for d in (friday, monday):
        if not calendar.is_workday(d):
            return calendar.holiday_name(d) or "节假日"
    return None


def _at(day: dt.date, minutes: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), HALL_TZ) + dt.timedelta(minutes=minutes)


def next_opening(
    hours: Hours, after: dt.datetime, calendar: WorkdayCalendar, *, from_tomorrow: bool = False
) -> dt.datetime | None:
    """The first span start strictly after `after` (hall-local), or on a later day; None if unknown."""
    local = after.astimezone(HALL_TZ)
    minute = local.hour * 60 + local.minute
    day = local.date()
    for offset in range(LOOKAHEAD_DAYS):
        d = day + dt.timedelta(days=offset)
        if offset == 0 and from_tomorrow:
            continue
        try:
            spans = spans_on(hours, d, calendar) if not hours.unlimited else (Span(0, 24 * 60),)
        except UnknownCalendarYear:
            return None
        for s in spans:
            if offset > 0 or s.start > minute:
                return _at(d, s.start)
    return None


def opening_state(
    hours: str | Hours,
    *,
    now: dt.datetime,
    calendar: WorkdayCalendar,
    daily_quota: int | None = None,
    issued_today: int = 0,
    cutoff_minutes: int = 0,
    active: bool = True,
) -> Opening:
    """Whether a category takes tickets at `now`, and if not why and when it next opens."""
    parsed = parse_hours(hours) if isinstance(hours, str) else hours
    if not active:
        return Opening(False, ClosedReason.INACTIVE)
    local = now.astimezone(HALL_TZ)
    minute = local.hour * 60 + local.minute
    if parsed.unlimited:
        if daily_quota is not None and issued_today >= daily_quota:
            return Opening(
                False, ClosedReason.QUOTA, next_opening(parsed, now, calendar, from_tomorrow=True), f"每日{daily_quota}个",
                daily_quota,
            )
        return Opening(True)
    try:
        today = spans_on(parsed, local.date(), calendar)
    except UnknownCalendarYear:
        return Opening(False, ClosedReason.CALENDAR_UNKNOWN)
    if not today:
        name = holiday_around(local.date(), calendar) or ""
        return Opening(False, ClosedReason.CLOSED_DAY, next_opening(parsed, now, calendar), name)
    for s in today:
        if s.start <= minute < s.end:
            if minute >= s.end - cutoff_minutes:
                return Opening(
                    False, ClosedReason.CUTOFF, next_opening(parsed, now, calendar), f"闭馆前{cutoff_minutes}分钟停止取号",
                    cutoff_minutes,
                )
            if daily_quota is not None and issued_today >= daily_quota:
                return Opening(
                    False,
                    ClosedReason.QUOTA,
                    next_opening(parsed, now, calendar, from_tomorrow=True),
                    f"每日{daily_quota}个",
                    daily_quota,
                )
            return Opening(True)
    return Opening(False, ClosedReason.OUTSIDE_HOURS, next_opening(parsed, now, calendar))
