"""Electronic supervision (电子监察) of open cases, bad-rating rectifications (整改), and the manager's
day or month report: queue figures, satisfaction, cases accepted and completed early / on time / overdue."""

from __future__ import annotations

import calendar as pycal
import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.center.stats import daily_stats
from app.domain.states import CaseStatus
from app.domain.workdays import Light, UnknownCalendarYear, WorkdayCalendar
from app.store import models as m
from app.store.calendar_store import load_calendar

OPEN_CASE = (CaseStatus.ACCEPTED, CaseStatus.DEFERRED, CaseStatus.CORRECTION, CaseStatus.SUSPENDED)
DONE_CASE = (CaseStatus.APPROVED, CaseStatus.DENIED, CaseStatus.DELIVERED)


def lights(s: Session, today: dt.date, yellow_days: int) -> dict[str, Any]:
    cal = load_calendar(s)
    counts = {Light.GREEN.value: 0, Light.YELLOW.value: 0, Light.RED.value: 0, "unknown": 0}
    red: list[dict[str, Any]] = []
    yellow: list[dict[str, Any]] = []
    rows = s.execute(
        select(m.Case, m.ServiceItem.name, m.Department.short_name)
        .join(m.ServiceItem, m.ServiceItem.id == m.Case.item_id)
        .join(m.Department, m.Department.id == m.ServiceItem.department_id)
        .where(m.Case.status.in_(OPEN_CASE), m.Case.due_date.is_not(None))
        .order_by(m.Case.due_date)
    ).all()
    for case, item, dept in rows:
        try:
            light = cal.light(case.due_date, today, yellow_days)  # type: ignore[arg-type]
            left = cal.working_days_between(today, case.due_date)  # type: ignore[arg-type]
        except UnknownCalendarYear:
            counts["unknown"] += 1
            continue
        counts[light.value] += 1
        entry = {
            "case_number": case.case_number,
            "item": item,
            "department": dept,
            "window": case.window_number,
            "due_date": case.due_date.isoformat() if case.due_date else None,
            "working_days_left": left,
            "status": case.status.value,
        }
        if light == Light.RED:
            red.append(entry)
        elif light == Light.YELLOW:
            yellow.append(entry)
    return {"date": today.isoformat(), "counts": counts, "red": red, "yellow": yellow}


def rectifications(s: Session, *, include_closed: bool = False) -> list[dict[str, Any]]:
    q = (
        select(m.Rectification, m.Rating)
        .join(m.Rating, m.Rating.id == m.Rectification.rating_id)
        .order_by(m.Rectification.deadline)
    )
    if not include_closed:
        q = q.where(m.Rectification.status == "open")
    depts = dict(s.execute(select(m.Department.id, m.Department.short_name)).all())
    out = []
    for rect, rating in s.execute(q).all():
        out.append(
            {
                "id": str(rect.id),
                "rating_level": rating.level,
                "reasons": rating.reasons,
                "comment": rating.comment,
                "window": rating.window_number,
                "department": depts.get(rect.department_id) if rect.department_id else None,
                "rated_at": rating.rated_at.isoformat(),
                "deadline": rect.deadline.isoformat(),
                "status": rect.status,
                "measures": rect.measures,
                "callback_at": rect.callback_at.isoformat() if rect.callback_at else None,
                "callback_result": rect.callback_result,
            }
        )
    return out


def _cases_between(s: Session, first: dt.date, last: dt.date, cal: WorkdayCalendar) -> dict[str, Any]:
    accepted = s.scalars(select(m.Case).where(m.Case.received_on >= first, m.Case.received_on <= last)).all()
    completed = s.scalars(select(m.Case).where(m.Case.completed_at.is_not(None))).all()
    done = [c for c in completed if c.completed_at and first <= c.completed_at.date() <= last]
    early = sum(1 for c in done if c.due_date and c.completed_at and c.completed_at.date() < c.due_date)
    on_time = sum(1 for c in done if c.due_date and c.completed_at and c.completed_at.date() == c.due_date)
    overdue = sum(1 for c in done if c.due_date and c.completed_at and c.completed_at.date() > c.due_date)
    immediate = sum(1 for c in done if c.due_date is None)
    by_decision: dict[str, int] = {}
    for c in accepted:
        by_decision[c.decision] = by_decision.get(c.decision, 0) + 1
    return {
        "received": len(accepted),
        "by_decision": by_decision,
        "completed": len(done),
        "completed_early": early,
        "completed_on_time": on_time + immediate,
        "completed_overdue": overdue,
        "early_rate": round(early / len(done), 3) if done else None,
    }


def _ratings_between(s: Session, first: dt.date, last: dt.date) -> dict[str, Any]:
    start = dt.datetime.combine(first, dt.time.min, tzinfo=dt.UTC) - dt.timedelta(hours=8)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC) - dt.timedelta(hours=8)
    levels = dict(
        s.execute(
            select(m.Rating.level, func.count())
            .where(m.Rating.rated_at >= start, m.Rating.rated_at < end)
            .group_by(m.Rating.level)
        ).all()
    )
    total = sum(levels.values())
    good = sum(n for lvl, n in levels.items() if lvl >= 3)
    return {
        "ratings": total,
        "by_level": {str(k): int(v) for k, v in sorted(levels.items())},
        "satisfaction_rate": round(good / total, 3) if total else None,
        "bad_ratings": sum(n for lvl, n in levels.items() if lvl <= 2),
    }


def report(s: Session, first: dt.date, last: dt.date, target_wait_min: float) -> dict[str, Any]:
    """A day (first == last) or a month: queue figures summed over the days, cases and ratings."""
    days = []
    d = first
    while d <= last:
        days.append(daily_stats(s, d, target_wait_min))
        d += dt.timedelta(days=1)
    tot = {"issued": 0, "served": 0, "no_show": 0, "transferred": 0}
    waits_weighted, served_for_wait, max_wait = 0.0, 0, 0.0
    for day in days:
        t = day["total"]
        for k in tot:
            tot[k] += t[k]
        if t["avg_wait_min"] is not None:
            called = t["served"] + t["no_show"] + t["transferred"]
            waits_weighted += t["avg_wait_min"] * max(called, 1)
            served_for_wait += max(called, 1)
            max_wait = max(max_wait, t["max_wait_min"] or 0)
    cal = load_calendar(s)
    return {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "queue": dict(
            tot,
            avg_wait_min=round(waits_weighted / served_for_wait, 1) if served_for_wait else None,
            max_wait_min=max_wait if served_for_wait else None,
        ),
        "days": [
            {"date": day["date"], **{k: day["total"][k] for k in ("issued", "served", "no_show")}}
            for day in days
        ],
        "cases": _cases_between(s, first, last, cal),
        "ratings": _ratings_between(s, first, last),
        "by_window": days[0]["windows"] if len(days) == 1 else {},
        "by_category": days[0]["categories"] if len(days) == 1 else {},
        "hourly_issued": days[0]["hourly_issued"] if len(days) == 1 else [],
    }


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, pycal.monthrange(year, month)[1])
