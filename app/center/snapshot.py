"""The full queue state a subscriber gets on (re)connect, before the stream of events."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.center.changelog import last_seq
from app.center.opening_check import closed_categories
from app.domain.clock import local_today, utcnow
from app.domain.states import TicketStatus
from app.store import models as m


def build_snapshot(s: Session) -> dict[str, Any]:
    today = local_today()
    prefixes = dict(s.execute(select(m.Category.id, m.Category.prefix)).all())
    waiting = {p: 0 for p in prefixes.values()}
    for cat_id, count in s.execute(
        select(m.Ticket.category_id, func.count())
        .where(m.Ticket.service_day == today, m.Ticket.status == TicketStatus.WAITING)
        .group_by(m.Ticket.category_id)
    ):
        waiting[prefixes[cat_id]] = int(count)
    longest: dict[str, int] = {}
    now_ = utcnow()
    for cat_id, oldest in s.execute(
        select(m.Ticket.category_id, func.min(m.Ticket.queue_at))
        .where(m.Ticket.service_day == today, m.Ticket.status == TicketStatus.WAITING)
        .group_by(m.Ticket.category_id)
    ).all():
        if oldest is not None:
            oldest_at = oldest if oldest.tzinfo else oldest.replace(tzinfo=now_.tzinfo)
            longest[prefixes[cat_id]] = max(0, int((now_ - oldest_at).total_seconds()))
    current: dict[int, m.Ticket] = {}
    for tk in s.scalars(
        select(m.Ticket).where(
            m.Ticket.service_day == today, m.Ticket.status.in_([TicketStatus.CALLED, TicketStatus.SERVING])
        )
    ):
        if tk.window_number is not None:
            current[tk.window_number] = tk
    staff_names = dict(s.execute(select(m.Staff.id, m.Staff.full_name)).all())
    site_names = dict(s.execute(select(m.Site.id, m.Site.name)).all())  # 县、乡、村: where each window is
    windows = []
    for w in s.scalars(select(m.Window).where(m.Window.active.is_(True)).order_by(m.Window.number)):
        t = current.get(w.number)
        windows.append(
            {
                "number": w.number,
                "name": w.name,
                "status": w.status.value,
                "status_since": w.status_since.isoformat(),
                "clerk": staff_names.get(w.staff_id) if w.staff_id else None,
                "categories": [prefixes[wc.category_id] for wc in w.categories],
                "site": site_names.get(w.site_id) if w.site_id else None,
                "ticket": None
                if t is None
                else {
                    "id": str(t.id),
                    "number": t.number,
                    "status": t.status.value,
                    "called_at": t.called_at.isoformat() if t.called_at else None,
                    "started_at": t.started_at.isoformat() if t.started_at else None,
                },
            }
        )
    now = utcnow()
    notices = [
        {"id": str(n.id), "text": n.text, "audience": n.audience}
        for n in s.scalars(
            select(m.Notice).where(m.Notice.starts_at <= now).order_by(m.Notice.starts_at.desc()).limit(20)
        )
        if n.ends_at is None or n.ends_at > now
    ]
    recent = [
        {
            "number": t.number,
            "window": t.window_number,
            "called_at": t.called_at.isoformat() if t.called_at else None,
        }
        for t in s.scalars(
            select(m.Ticket)
            .where(m.Ticket.service_day == today, m.Ticket.called_at.is_not(None))
            .order_by(m.Ticket.called_at.desc())
            .limit(10)
        )
    ]
    cat_rows = s.execute(select(m.Category.prefix, m.Category.name, m.Category.name_en).order_by(m.Category.sort_order)).all()
    names = {p: n for p, n, _en in cat_rows}
    return {
        "day": today.isoformat(),
        "categories": names,
        "categories_en": {p: en for p, _n, en in cat_rows if en},  # the English names a hall gave (issue 19)
        "longest_wait_s": longest,
        "demo": s.scalar(select(m.Staff.id).where(m.Staff.is_demo.is_(True)).limit(1)) is not None,
        "windows": windows,
        "waiting": waiting,
        "closed": closed_categories(s, now),  # prefix -> why it takes no ticket now (issue 16)
        "notices": notices,
        "recent_calls": recent,
        "change_seq": last_seq(s),
        "at": now.isoformat(),
    }
