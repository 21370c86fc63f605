"""A bad rating (不满意 / 非常不满意) opens a rectification (整改) owned by the unit that handled the case,
with a deadline in working days and a call-back to the citizen."""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app.config import Settings
from app.domain.clock import local_today
from app.errors import HallError
from app.store import models as m

log = logging.getLogger("hall.center.ratings")


def open_rectification(session: Session, rating: m.Rating, settings: Settings) -> m.Rectification:
    from app.store.calendar_store import load_calendar

    today = local_today(rating.rated_at)
    days = settings.supervision.rectification_working_days
    try:
        deadline = load_calendar(session).add_working_days(today, days)
    except HallError as exc:  # an unpublished year: fall back to calendar days and say so in the log
        import datetime as dt

        log.warning("rectification deadline in calendar days: %s", exc)
        deadline = today + dt.timedelta(days=days * 7 // 5)
    rect = m.Rectification(rating_id=rating.id, department_id=rating.department_id, deadline=deadline)
    session.add(rect)
    return rect
