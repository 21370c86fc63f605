"""Which categories the kiosk offers now, from its replicated categories and working-day calendar; and,
when none is open, the plain sentence that says why and when the next one opens (issue 16)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.domain.opening import Opening, opening_state
from app.domain.workdays import WorkdayCalendar
from app.i18n.messages import msg
from app.store import models as m
from app.store.calendar_store import load_calendar


def open_categories(s: Session, cats: Sequence[m.Category], now: dt.datetime) -> tuple[set[str], str]:
    """The prefixes open at `now`, and a note for the applicant when some are closed ("" if all open).
    The daily quota is the center's to count: a kiosk that offers a full category hears the reason back."""
    calendar: WorkdayCalendar | None = None
    states: dict[str, Opening] = {}
    for c in cats:
        if not c.hours:
            states[c.prefix] = Opening(True)
            continue
        calendar = calendar or load_calendar(s)
        states[c.prefix] = opening_state(c.hours, now=now, calendar=calendar, cutoff_minutes=c.cutoff_minutes)
    open_now = {p for p, st in states.items() if st.is_open}
    closed = [st for st in states.values() if not st.is_open]
    if not closed:
        return open_now, ""
    if open_now:
        return open_now, msg("closed.some")
    soonest = min(closed, key=lambda st: st.next_open or dt.datetime.max.replace(tzinfo=dt.UTC))
    return open_now, soonest.as_msg()
