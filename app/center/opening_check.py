"""The check at ticket issue: a category outside its opening hours, past its cut-off, on a closed day or
with its daily quota used up takes no ticket (issue 16). Kept apart from the queue so the queue's code
calls it from one place."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.clock import local_today
from app.domain.opening import Opening, opening_state
from app.i18n.messages import msg
from app.store import models as m
from app.store.calendar_store import load_calendar


class OpeningRules(Protocol):
    """What the check reads of a category (an ORM row, or the queue's plain row of it)."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def hours(self) -> str: ...
    @property
    def daily_quota(self) -> int | None: ...
    @property
    def cutoff_minutes(self) -> int: ...


def category_opening(s: Session, cat: OpeningRules, now: dt.datetime) -> Opening:
    if not cat.hours and cat.daily_quota is None:
        return Opening(True)
    issued = 0
    if cat.daily_quota is not None:
        issued = int(
            s.scalar(
                select(func.count())
                .select_from(m.Ticket)
                .where(m.Ticket.category_id == cat.id, m.Ticket.service_day == local_today(now))
            )
            or 0
        )
    return opening_state(
        cat.hours,
        now=now,
        calendar=load_calendar(s),
        daily_quota=cat.daily_quota,
        issued_today=issued,
        cutoff_minutes=cat.cutoff_minutes,
    )


def closed_categories(s: Session, now: dt.datetime) -> dict[str, dict[str, Any]]:
    """Every category that takes no ticket at `now`, with the reason as a message (`{"code", "params"}`,
    rendered by the queue screen in its own language)."""
    out: dict[str, dict[str, Any]] = {}
    for cat in s.scalars(select(m.Category).where((m.Category.hours != "") | m.Category.daily_quota.is_not(None))):
        state = category_opening(s, cat, now)
        if not state.is_open:
            out[cat.prefix] = state.as_msg().as_param()
    for prefix in s.scalars(select(m.Category.prefix).where(m.Category.active.is_(False))):
        out[prefix] = msg("closed.inactive").as_param()
    return out


def closed_reason(s: Session, cat: OpeningRules, now: dt.datetime) -> str | None:
    """None when the category takes a ticket now; else why not and when it next opens (a message)."""
    state = category_opening(s, cat, now)
    return None if state.is_open else state.as_msg()
