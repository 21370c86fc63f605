"""Daily queue statistics per category, window and clerk, from the tickets and their events."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.clock import HALL_TZ
from app.domain.states import TicketStatus
from app.store import models as m


def _bucket() -> dict[str, Any]:
    return {"issued": 0, "served": 0, "no_show": 0, "transferred": 0, "waits": [], "services": []}


def _close(b: dict[str, Any], target_min: float) -> dict[str, Any]:
    waits, services = b.pop("waits"), b.pop("services")
    b["avg_wait_min"] = round(sum(waits) / len(waits) / 60, 1) if waits else None
    b["max_wait_min"] = round(max(waits) / 60, 1) if waits else None
    b["avg_service_min"] = round(sum(services) / len(services) / 60, 1) if services else None
    b["service_level"] = (
        round(sum(1 for w in waits if w <= target_min * 60) / len(waits), 3) if waits else None
    )
    return b


def daily_stats(s: Session, day: dt.date, target_wait_min: float) -> dict[str, Any]:
    prefixes = dict(s.execute(select(m.Category.id, m.Category.prefix)).all())
    staff = dict(s.execute(select(m.Staff.id, m.Staff.username)).all())
    tickets = s.scalars(select(m.Ticket).where(m.Ticket.service_day == day)).all()
    by_cat: dict[str, dict[str, Any]] = defaultdict(_bucket)
    by_window: dict[str, dict[str, Any]] = defaultdict(_bucket)
    by_clerk: dict[str, dict[str, Any]] = defaultdict(_bucket)
    total = _bucket()
    hourly = [0] * 24
    for t in tickets:
        groups = [total, by_cat[prefixes[t.category_id]]]
        if t.window_number is not None:
            groups.append(by_window[str(t.window_number)])
        if t.staff_id is not None:
            groups.append(by_clerk[staff.get(t.staff_id, str(t.staff_id))])
        if t.transferred_from is None:
            hourly[t.issued_at.astimezone(HALL_TZ).hour] += 1
            for g in groups[:2]:
                g["issued"] += 1
        if t.called_at is not None:
            wait = (t.called_at - t.queue_at).total_seconds()
            for g in groups:
                g["waits"].append(max(wait, 0))
        if t.status == TicketStatus.DONE:
            for g in groups:
                g["served"] += 1
                if t.started_at and t.finished_at:
                    g["services"].append((t.finished_at - t.started_at).total_seconds())
        elif t.status == TicketStatus.NO_SHOW:
            for g in groups:
                g["no_show"] += 1
        elif t.status == TicketStatus.TRANSFERRED:
            for g in groups:
                g["transferred"] += 1
    return {
        "date": day.isoformat(),
        "total": _close(total, target_wait_min),
        "categories": {k: _close(v, target_wait_min) for k, v in sorted(by_cat.items())},
        "windows": {
            k: _close(v, target_wait_min) for k, v in sorted(by_window.items(), key=lambda kv: int(kv[0]))
        },
        "clerks": {k: _close(v, target_wait_min) for k, v in sorted(by_clerk.items())},
        "hourly_issued": hourly,
        "service_level_target_min": target_wait_min,
    }
