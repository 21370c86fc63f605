"""call-next chooses its ticket in SQL with `LIMIT 1 FOR UPDATE SKIP LOCKED`: while one window's call-next
transaction is still open, a second window gets the next ticket, never "nothing waits"."""

from __future__ import annotations

import datetime as dt

from app.center import queue as q
from app.config import QueueSettings
from app.domain.clock import utcnow
from app.store import models as m
from app.store.db import Database
from tests.support.center import seed_minimal

CFG = QueueSettings()


def _db(url: str) -> Database:
    from app.store import migrate

    db = Database(url)
    migrate.upgrade(db.engine)
    seed_minimal(db)
    return db


def test_second_window_gets_the_next_ticket_while_the_first_holds_its_transaction(pg_url: str) -> None:
    db = _db(pg_url)
    t0 = utcnow()
    with db.write_session() as s:
        numbers = [
            q.issue_ticket(s, CFG, "A", now=t0 + dt.timedelta(seconds=i)).ticket.number for i in range(3)
        ]
    first = db.sessions()
    first.begin()
    try:
        held = q.call_next(first, 1, None)  # window 1 has chosen and locked its ticket, not yet committed
        assert held is not None and held.number == numbers[0]
        with db.write_session() as s:  # window 2 meanwhile
            second = q.call_next(s, 2, None)
            assert second is not None, "window 2 was told nothing waits while A002 waited unlocked"
            assert second.number == numbers[1]
    finally:
        first.commit()
        first.close()
    with db.read_session() as s:
        called = {t.number: t.window_number for t in s.query(m.Ticket) if t.status.value == "called"}
    assert called == {numbers[0]: 1, numbers[1]: 2}
    db.dispose()


def test_call_order_in_sql(db_url: str) -> None:
    """Transferred-to-this-window first, then priority, appointment, the window's category order, time."""
    db = _db(db_url)
    t0 = utcnow()
    with db.write_session() as s:
        plain_a = q.issue_ticket(s, CFG, "A", now=t0).ticket.number
        plain_b = q.issue_ticket(s, CFG, "B", now=t0 - dt.timedelta(minutes=5)).ticket.number
        prio_b = q.issue_ticket(s, CFG, "B", priority=True, now=t0 + dt.timedelta(seconds=2)).ticket.number
        later_a = q.issue_ticket(s, CFG, "A", now=t0 + dt.timedelta(seconds=3))
        later_a.ticket.target_window = 1
        later_a_no = later_a.ticket.number
    order = []
    for _ in range(4):
        with db.write_session() as s:
            t = q.call_next(s, 1, None, now=t0 + dt.timedelta(minutes=1))
            assert t is not None
            order.append(t.number)
            q.finish(s, t.id, 1)
    # window 1 serves A before B; a ticket transferred to it comes first, priority before plain
    assert order == [later_a_no, prio_b, plain_a, plain_b]
    db.dispose()
