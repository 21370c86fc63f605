"""Electronic supervision (电子监察) of open cases, bad-rating rectifications (整改), and the manager's
day or month report: queue figures, satisfaction, cases accepted and completed early / on time / overdue."""

from __future__ import annotations

import calendar as pycal
import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.center.case_stats import Period, case_report
from app.center.stats import daily_stats
from app.domain.states import CaseStatus
from app.domain.workdays import Light, UnknownCalendarYear
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


def rated_case(s: Session, rating: m.Rating) -> m.Case | None:
    """The case a rating is about: rated as a case, or the case accepted on the rated visit's ticket."""
    if rating.case_id is not None:
        return s.get(m.Case, rating.case_id)
    if rating.ticket_id is not None:
        return s.scalars(select(m.Case).where(m.Case.ticket_id == rating.ticket_id).order_by(m.Case.accepted_at)).first()
    return None


def rectifications(s: Session, *, include_closed: bool = False) -> list[dict[str, Any]]:
    q = (
        select(m.Rectification, m.Rating)
        .join(m.Rating, m.Rating.id == m.Rectification.rating_id)
        .order_by(m.Rectification.deadline)
    )
    if not include_closed:
        q = q.where(m.Rectification.status == "open")
    depts = dict(s.execute(select(m.Department.id, m.Department.short_name)).all())
    clerks = dict(s.execute(select(m.Staff.id, m.Staff.full_name)).all())
    out = []
    for rect, rating in s.execute(q).all():
        case = rated_case(s, rating)
        clerk_id = rating.staff_id or (case.staff_id if case else None)
        out.append(
            {
                "id": str(rect.id),
                "rating_level": rating.level,
                "clerk": clerks.get(clerk_id) if clerk_id else None,
                "case_number": case.case_number if case else None,
                "item": case.item.name if case else None,
                "has_phone": bool(case and case.applicant.phone_enc),
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


def _ratings_between(s: Session, first: dt.date, last: dt.date) -> dict[str, Any]:
    start, end = Period(first, last).start, Period(first, last).end  # the hall's local days
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
    cases = case_report(s, first, last, cal=cal)
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
        "cases": cases["total"],
        "case_stats": cases,
        "ratings": _ratings_between(s, first, last),
        "by_window": days[0]["windows"] if len(days) == 1 else _windows_over(days),
        "by_category": days[0]["categories"] if len(days) == 1 else {},
        "hourly_issued": days[0]["hourly_issued"] if len(days) == 1 else [],
    }


def _windows_over(days: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The queue per window over several days: counts summed, averages weighted by the day's counts."""
    out: dict[str, dict[str, Any]] = {}
    for day in days:
        for win, b in day["windows"].items():
            o = out.setdefault(win, {"served": 0, "no_show": 0, "transferred": 0, "_w": 0.0, "_nw": 0, "_s": 0.0, "_ns": 0})
            for k in ("served", "no_show", "transferred"):
                o[k] += b[k]
            n = b["served"] + b["no_show"] + b["transferred"]
            if b["avg_wait_min"] is not None:
                o["_w"], o["_nw"] = o["_w"] + b["avg_wait_min"] * n, o["_nw"] + n
            if b["avg_service_min"] is not None:
                o["_s"], o["_ns"] = o["_s"] + b["avg_service_min"] * b["served"], o["_ns"] + b["served"]
    for o in out.values():
        w, nw, sv, ns = o.pop("_w"), o.pop("_nw"), o.pop("_s"), o.pop("_ns")
        o["avg_wait_min"] = round(w / nw, 1) if nw else None
        o["avg_service_min"] = round(sv / ns, 1) if ns else None
        o["service_level"] = None
    return dict(sorted(out.items(), key=lambda kv: int(kv[0])))


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, pycal.monthrange(year, month)[1])
