"""`hall calendar`: working-day questions, and entering a year's holiday arrangement."""

from __future__ import annotations

import argparse
import calendar as pycal
import datetime as dt
from typing import Any

from app.config import Settings
from app.domain.workdays import DayRecord, WorkdayCalendar
from app.errors import HallError
from app.i18n.cli import say
from app.i18n.messages import msg


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _period(text: str) -> tuple[dt.date, dt.date]:
    first, sep, last = text.partition(":")
    if not sep:
        raise argparse.ArgumentTypeError(f"a pause is FIRST:LAST, got {text!r}")
    a, b = _date(first), _date(last)
    if b < a:
        raise argparse.ArgumentTypeError(f"pause ends before it starts: {text!r}")
    return a, b


def _named_day(text: str) -> tuple[dt.date, str | None]:
    day, _, name = text.partition(":")
    return _date(day), name or None


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "calendar",
        help="working days: due dates, holidays, make-up days",
        description="The working-day calendar: the package's published years plus years an admin entered "
        "(with --db, read from that center database).",
    )
    csub = p.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)

    def common(q: argparse.ArgumentParser) -> None:
        q.add_argument("--db", metavar="URL", help="include the admin-entered years of this center database")
        q.set_defaults(func=run)

    q = csub.add_parser("due", help="due date: N working days counted from the day after START")
    q.add_argument("start", type=_date)
    q.add_argument("days", type=int)
    q.add_argument(
        "--pause",
        type=_period,
        action="append",
        default=[],
        metavar="FIRST:LAST",
        help="a special step whose days are not counted (repeatable)",
    )
    common(q)
    q = csub.add_parser("is-workday", help="yes or no")
    q.add_argument("day", type=_date)
    common(q)
    q = csub.add_parser("between", help="working days in (A, B]")
    q.add_argument("a", type=_date)
    q.add_argument("b", type=_date)
    common(q)
    q = csub.add_parser("show", help="a month as a grid (休 holiday, 班 make-up working day)")
    q.add_argument("month", help="YYYY-MM")
    common(q)
    common(csub.add_parser("years", help="the years the calendar knows"))
    q = csub.add_parser(
        "enter-year", help="admin: enter a year's holidays and make-up working days into --db"
    )
    q.add_argument("year", type=int)
    q.add_argument("--holiday", type=_named_day, action="append", default=[], metavar="DATE[:NAME]")
    q.add_argument(
        "--workday",
        type=_named_day,
        action="append",
        default=[],
        metavar="DATE[:NAME]",
        help="a make-up working day (调休上班), usually a weekend day",
    )
    q.add_argument("--by", default="admin", help="who entered it (recorded)")
    common(q)


def build_calendar(args: argparse.Namespace, settings: Settings) -> WorkdayCalendar:
    if not getattr(args, "db", None):
        return WorkdayCalendar.from_sources()
    from app.store.calendar_store import load_calendar
    from app.store.db import Database

    db = Database(args.db)
    try:
        with db.read_session() as s:
            return load_calendar(s)
    finally:
        db.dispose()


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.calendar_command == "enter-year":
        return _enter_year(args)
    cal = build_calendar(args, settings)
    if args.calendar_command == "due":
        print(cal.add_working_days(args.start, args.days, args.pause).isoformat())
    elif args.calendar_command == "is-workday":
        print("yes" if cal.is_workday(args.day) else "no")
    elif args.calendar_command == "between":
        print(cal.working_days_between(args.a, args.b))
    elif args.calendar_command == "years":
        print(" ".join(str(y) for y in sorted(cal.known_years())))
    else:
        _show(cal, args.month)
    return 0


def _show(cal: WorkdayCalendar, month: str) -> None:
    try:
        year, mon = (int(x) for x in month.split("-"))
        first = dt.date(year, mon, 1)
    except ValueError:
        raise HallError(f"not a month (YYYY-MM): {month!r}") from None
    print(say(msg("calendar.month_title", year=year, month=mon)).center(28))
    days = say(msg("calendar.weekdays"))
    # 4 display columns per day: a Chinese weekday is 2 columns wide, an English one 2 letters
    print("".join(f" {w} " for w in (days if " " not in days else days.split())))
    cells = ["    "] * first.weekday()
    notes = []
    for d in range(1, pycal.monthrange(year, mon)[1] + 1):
        day = dt.date(year, mon, d)
        weekend = day.weekday() >= 5
        work = cal.is_workday(day)
        mark = "休" if (not work and not weekend) else ("班" if work and weekend else " ")
        cells.append(f"{d:>2}{mark}" if mark != " " else f"{d:>2}  ")
        name = cal.holiday_name(day)
        if mark == "休" or mark == "班":
            notes.append(f"{day.isoformat()} {'休 ' + (name or '') if mark == '休' else '班 调休上班'}")
    for i in range(0, len(cells), 7):
        print("".join(cells[i : i + 7]).rstrip())
    for n in notes:
        print(n)


def _enter_year(args: argparse.Namespace) -> int:
    if not args.db:
        raise HallError("enter-year writes to a center database: give --db URL")
    from app.center.changelog import publish_reference
    from app.store import models as m
    from app.store.calendar_store import set_admin_year
    from app.store.db import Database

    records = [DayRecord(d, False, n) for d, n in args.holiday] + [
        DayRecord(d, True, n or "调休上班") for d, n in args.workday
    ]
    db = Database(args.db)
    try:
        with db.write_session() as s:
            set_admin_year(s, args.year, records, args.by)
            publish_reference(s, s.get(m.CalendarYear, args.year))  # type: ignore[arg-type]
            for rec in records:
                publish_reference(s, s.get(m.CalendarDay, rec.day))  # type: ignore[arg-type]
    except ValueError as exc:
        raise HallError(str(exc)) from exc
    finally:
        db.dispose()
    print(f"{args.year}: {len(args.holiday)} holidays and {len(args.workday)} make-up working days entered")
    return 0
