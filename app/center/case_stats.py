"""Case statistics (办件统计) from the center's cases, dated by the hall's LOCAL day, each figure answered
by an aggregate SQL query over an indexed time range (never by loading the cases).

Definitions (README, "Case statistics"):
- 受理 received: a case accepted (not 不予受理), dated by `accepted_at`; a 一次性告知 case has none until the
  applicant brings the materials and it is accepted (then it counts on that day, and as notified on the
  day of the notice).
- 办结 completed: a case in a decided state (`DONE_STATES`), dated by `completed_at` (the moment of the
  decision; a 即办件 is completed the moment it is accepted). Early / on time / overdue compare the local
  day of completion with the promised due date (`due_date`): before, on, after. No due date: on time.
- 按时办结率 = (early + on time) / completed; 提前办结率 = early / completed; 超期率 = overdue / completed.
- 办结率: of the cases received in the period, the share completed by the end of the period.
- 在办 in progress: at the end of the period, received and neither completed nor terminated yet
  (counted as: open now + completed after the end + terminated after the end).
- 退办 returned: 不予受理 at the window, dated by `created_at`; 一次性告知 is counted apart (notified).
- 终止 terminated: a transition to `terminated` (容缺 not supplied, withdrawn …) in `case_transitions`.
- 日均收件 daily average: received ÷ working days of the period (calendar days if the year is unknown).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Date, and_, case, cast, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.domain.clock import HALL_TZ
from app.domain.states import CaseStatus
from app.domain.workdays import UnknownCalendarYear, WorkdayCalendar
from app.i18n.messages import Msg, msg, render
from app.store import models as m

DONE_STATES = (CaseStatus.APPROVED, CaseStatus.DENIED, CaseStatus.DELIVERED)
OPEN_STATES = (CaseStatus.ACCEPTED, CaseStatus.DEFERRED, CaseStatus.CORRECTION, CaseStatus.SUSPENDED)
NOT_RECEIVED = ("notify", "refuse")  # decisions that do not accept the application (at first)
# received: accepted at some time (`accepted_at` set) and not refused — a 一次性告知 case later accepted
# (the materials brought to a window) counts as notified on the notice's day and received on its acceptance's
RECEIVED = m.Case.decision != "refuse"
DIMENSIONS = ("department", "item", "window", "clerk")


@dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date
    tz: ZoneInfo = HALL_TZ

    @property
    def start(self) -> dt.datetime:  # the first local midnight, in UTC
        return dt.datetime.combine(self.first, dt.time.min, tzinfo=self.tz).astimezone(dt.UTC)

    @property
    def end(self) -> dt.datetime:  # the local midnight after the last day, in UTC (exclusive)
        return dt.datetime.combine(self.last + dt.timedelta(days=1), dt.time.min, tzinfo=self.tz).astimezone(dt.UTC)

    def days(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=i) for i in range((self.last - self.first).days + 1)]


def local_day(s: Session, col: Any, tz: ZoneInfo) -> ColumnElement[Any]:
    """The hall's local day of a UTC timestamp column, in SQL."""
    if s.get_bind().dialect.name == "postgresql":
        return cast(func.timezone(tz.key, col), Date)
    # SQLite keeps naive UTC text: shift by the zone's offset (constant for Asia/Shanghai: no DST)
    offset = dt.datetime(2000, 1, 1, tzinfo=tz).utcoffset() or dt.timedelta()
    return func.date(col, f"{int(offset.total_seconds() // 60):+d} minutes")


def _fold(cells: dict[Any, dict[str, int]], key: Callable[[Any], Any]) -> dict[Any, dict[str, int]]:
    """Sum the (item, window, clerk) cells by one of their parts (or all into one)."""
    out: dict[Any, dict[str, int]] = {}
    for cell, b in cells.items():
        o = out.setdefault(key(cell), dict.fromkeys(b, 0))
        for k, v in b.items():
            o[k] += v
    return out


KEYS = (m.Case.item_id, m.Case.window_number, m.Case.staff_id)  # one cell: every breakdown folds these


def _grouped(s: Session, cols: list[Any], where: Iterable[Any]) -> dict[Any, tuple[Any, ...]]:
    q = select(*KEYS, *cols).select_from(m.Case).where(*where).group_by(*KEYS)
    return {tuple(row[:3]): tuple(row[3:]) for row in s.execute(q).all()}


def _measure(s: Session, p: Period) -> dict[Any, dict[str, int]]:
    """Every figure of the period per (item, window, clerk) cell: eight aggregate queries, each over an
    indexed range; the total and every breakdown are sums of these cells."""
    received_where = [m.Case.accepted_at >= p.start, m.Case.accepted_at < p.end, RECEIVED]
    done_in_time = and_(m.Case.completed_at.is_not(None), m.Case.completed_at < p.end)
    rec = _grouped(
        s,
        [func.count(), func.sum(case((done_in_time, 1), else_=0))],
        received_where,
    )
    day = local_day(s, m.Case.completed_at, p.tz)
    done = _grouped(
        s,
        [
            func.count(),
            func.sum(case((and_(m.Case.due_date.is_not(None), day < m.Case.due_date), 1), else_=0)),
            func.sum(case((and_(m.Case.due_date.is_not(None), day > m.Case.due_date), 1), else_=0)),
        ],
        [m.Case.completed_at >= p.start, m.Case.completed_at < p.end, m.Case.status.in_(DONE_STATES)],
    )
    returned = _grouped(
        s,
        [func.sum(case((m.Case.decision == "refuse", 1), else_=0)), func.sum(case((m.Case.decision == "notify", 1), else_=0))],
        [m.Case.created_at >= p.start, m.Case.created_at < p.end, m.Case.decision.in_(NOT_RECEIVED)],
    )
    terminated = _terminations(s, [m.CaseTransition.at >= p.start, m.CaseTransition.at < p.end])
    # 在办 at the end of the period, as three indexed counts: still open now (few, by status); completed
    # after the end (a range of completed_at); terminated after the end (a range of the transitions)
    before_end = [m.Case.accepted_at < p.end, RECEIVED]
    open_now = _grouped(s, [func.count()], [m.Case.status.in_(OPEN_STATES), *before_end])
    # accepted_at wrapped so that the planner ranges over completed_at (or the transitions), the narrow side
    unindexed = [func.coalesce(m.Case.accepted_at, m.Case.accepted_at) < p.end, RECEIVED]
    done_later = _grouped(
        s, [func.count()], [m.Case.completed_at >= p.end, m.Case.status.in_(DONE_STATES), *unindexed]
    )
    ended_later = _terminations(s, [m.CaseTransition.at >= p.end, *unindexed])
    open_: dict[Any, tuple[int]] = {}
    for k in set(open_now) | set(done_later) | set(ended_later):
        open_[k] = (int(open_now.get(k, (0,))[0] or 0) + int(done_later.get(k, (0,))[0] or 0) + ended_later.get(k, 0),)
    out: dict[Any, dict[str, int]] = {}
    for k in set(rec) | set(done) | set(returned) | set(terminated) | set(open_):
        r, d, t = rec.get(k, (0, 0)), done.get(k, (0, 0, 0)), returned.get(k, (0, 0))
        completed, early, overdue = (int(x or 0) for x in d)
        out[k] = {
            "received": int(r[0] or 0),
            "received_completed": int(r[1] or 0),
            "completed": completed,
            "completed_early": early,
            "completed_on_time": completed - early - overdue,
            "completed_overdue": overdue,
            "in_progress": int(open_.get(k, (0,))[0] or 0),
            "returned": int(t[0] or 0),
            "notified": int(t[1] or 0),
            "terminated": terminated.get(k, 0),
        }
    return out


def _terminations(s: Session, where: list[Any]) -> dict[Any, int]:
    q = (
        select(*KEYS, func.count())
        .select_from(m.CaseTransition)
        .join(m.Case, m.Case.id == m.CaseTransition.case_id)
        .where(m.CaseTransition.to_status == CaseStatus.TERMINATED.value, *where)
        .group_by(*KEYS)
    )
    return {tuple(row[:3]): int(row[3]) for row in s.execute(q).all()}


def _rate(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


def _finish(b: dict[str, int] | None, days: int) -> dict[str, Any]:
    b = dict(b or {k: 0 for k in _ZERO})
    c = b["completed"]
    return {
        **b,
        "daily_average": round(b["received"] / days, 1) if days else None,
        "early_rate": _rate(b["completed_early"], c),
        "on_time_rate": _rate(b["completed_early"] + b["completed_on_time"], c),  # 按时办结率
        "overdue_rate": _rate(b["completed_overdue"], c),
        "completion_rate": _rate(b["received_completed"], b["received"]),  # 办结率
    }


_ZERO = (
    "received",
    "received_completed",
    "completed",
    "completed_early",
    "completed_on_time",
    "completed_overdue",
    "in_progress",
    "returned",
    "notified",
    "terminated",
)


def _working_days(p: Period, cal: WorkdayCalendar | None) -> tuple[int, str]:
    if cal is not None:
        try:
            return sum(1 for d in p.days() if cal.is_workday(d)), "working_days"
        except UnknownCalendarYear:
            pass
    return len(p.days()), "calendar_days"


def _labels(s: Session) -> dict[str, dict[Any, str]]:
    return {
        "department": dict(s.execute(select(m.Department.id, m.Department.short_name)).all()),
        "item": dict(s.execute(select(m.ServiceItem.id, m.ServiceItem.name)).all()),
        "clerk": dict(s.execute(select(m.Staff.id, m.Staff.full_name)).all()),
    }


def case_report(
    s: Session, first: dt.date, last: dt.date, *, cal: WorkdayCalendar | None = None, tz: ZoneInfo = HALL_TZ
) -> dict[str, Any]:
    """The period's figures: total, by local day (and by month for a period over 62 days), and by
    department, item, window and clerk."""
    p = Period(first, last, tz)
    days, basis = _working_days(p, cal)
    cells = _measure(s, p)
    labels = _labels(s)
    dept_of = dict(s.execute(select(m.ServiceItem.id, m.ServiceItem.department_id)).all())
    total = _fold(cells, lambda k: 1).get(1)
    pick = {
        "department": lambda k: dept_of.get(k[0]),
        "item": lambda k: k[0],
        "window": lambda k: k[1],
        "clerk": lambda k: k[2],
    }
    breakdown: dict[str, list[dict[str, Any]]] = {}
    for dim in DIMENSIONS:
        rows = _fold(cells, pick[dim])
        entries = []
        for k, b in rows.items():
            # a window or a missing key is labelled by a message ("label_msg", shown in the reader's language;
            # "label" keeps its Chinese for the official report); a department, item or clerk by its name
            said: Msg | None = None
            if dim == "window":
                said = msg("stats.window", window=k) if k is not None else msg("stats.no_window")
            elif k is None or k not in labels[dim]:
                said = msg("stats.not_recorded")
            label = render(said.code, said.params, "zh_CN") if said is not None else labels[dim][k]
            entry = {"key": str(k) if k is not None else None, "label": label, **_finish(b, days)}
            if said is not None:
                entry["label_msg"] = said.as_param()
            entries.append(entry)
        entries.sort(key=lambda e: (-e["received"], -e["completed"], str(e["label"])))
        if dim == "window":
            entries.sort(key=lambda e: int(e["key"]) if e["key"] and e["key"].isdigit() else 10**6)
        breakdown[dim] = entries
    series = _series(s, p, cal)
    return {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "timezone": tz.key,
        "days": days,
        "days_basis": basis,
        "total": _finish(total, days),
        "by_day": series,
        "by_month": _months(series) if (last - first).days > 62 else [],
        "by": breakdown,
    }


def _series(s: Session, p: Period, cal: WorkdayCalendar | None) -> list[dict[str, Any]]:
    """Received / completed / early / overdue / returned per local day: grouped in SQL by the local day."""
    acc_day = local_day(s, m.Case.accepted_at, p.tz)
    rec: dict[str, int] = dict(
        s.execute(
            select(acc_day, func.count())
            .where(m.Case.accepted_at >= p.start, m.Case.accepted_at < p.end, RECEIVED)
            .group_by(acc_day)
        ).all()
    )
    done_day = local_day(s, m.Case.completed_at, p.tz)
    done: dict[str, Any] = {
        row[0]: row[1:]
        for row in s.execute(
            select(
                done_day,
                func.count(),
                func.sum(case((and_(m.Case.due_date.is_not(None), done_day < m.Case.due_date), 1), else_=0)),
                func.sum(case((and_(m.Case.due_date.is_not(None), done_day > m.Case.due_date), 1), else_=0)),
            )
            .where(m.Case.completed_at >= p.start, m.Case.completed_at < p.end, m.Case.status.in_(DONE_STATES))
            .group_by(done_day)
        ).all()
    }
    cre_day = local_day(s, m.Case.created_at, p.tz)
    ret: dict[str, int] = dict(
        s.execute(
            select(cre_day, func.count())
            .where(m.Case.created_at >= p.start, m.Case.created_at < p.end, m.Case.decision == "refuse")
            .group_by(cre_day)
        ).all()
    )
    rec, ret = {str(k): int(v) for k, v in rec.items()}, {str(k): int(v) for k, v in ret.items()}
    done = {str(k): v for k, v in done.items()}
    out = []
    for d in p.days():
        key = d.isoformat()
        c, e, o = (int(x or 0) for x in done.get(key, (0, 0, 0)))
        working: bool | None
        try:
            working = cal.is_workday(d) if cal is not None else None
        except UnknownCalendarYear:
            working = None
        out.append(
            {
                "date": key,
                "working_day": working,
                "received": rec.get(key, 0),
                "completed": c,
                "completed_early": e,
                "completed_on_time": c - e - o,
                "completed_overdue": o,
                "returned": ret.get(key, 0),
            }
        )
    return out


def _months(series: list[dict[str, Any]]) -> list[dict[str, Any]]:
    months: dict[str, dict[str, Any]] = {}
    for d in series:
        b = months.setdefault(d["date"][:7], {"month": d["date"][:7]} | {k: 0 for k in d if k not in ("date", "working_day")})
        for k, v in d.items():
            if k not in ("date", "working_day"):
                b[k] += v
    return list(months.values())


def week_range(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday to Sunday of the ISO week of `day`."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
