"""Many windows calling and kiosks issuing at once: no ticket called twice, no number issued twice,
every ticket accounted for. PostgreSQL (row locks, SKIP LOCKED) at full size; SQLite (BEGIN IMMEDIATE)
smaller, as one small hall would run it."""

from __future__ import annotations

import collections
import threading
import time
import uuid

from sqlalchemy import func, select

from app.center import queue as q
from app.config import QueueSettings
from app.domain.states import TicketStatus, WindowStatus
from app.store import migrate
from app.store import models as m
from app.store.db import Database
from tests.support.center import seed_minimal

CFG = QueueSettings()


def prepare(url: str, windows: int, pool: int) -> tuple[Database, list[str]]:
    db = Database(url, **({"pool_size": pool, "max_overflow": 10} if url.startswith("postgresql") else {}))
    migrate.upgrade(db.engine)
    seed_minimal(db)
    with db.write_session() as s:
        s.add_all(
            [
                m.Category(prefix="C", name="社保", sort_order=3),
                m.Category(prefix="D", name="民生", sort_order=4),
            ]
        )
        s.flush()
        cats = s.scalars(select(m.Category).order_by(m.Category.sort_order)).all()
        for w in s.scalars(select(m.Window)):
            s.delete(w)
        s.flush()
        for n in range(1, windows + 1):
            w = m.Window(number=n, name=f"{n}号窗口", status=WindowStatus.IDLE)
            rotated = cats[n % len(cats) :] + cats[: n % len(cats)]  # each window its own main category
            for pos, cat in enumerate(rotated):
                w.categories.append(m.WindowCategory(category_id=cat.id, position=pos))
            s.add(w)
    return db, [c.prefix for c in cats]


def run_hall(
    db: Database, prefixes: list[str], n_windows: int, n_kiosks: int, per_kiosk: int
) -> dict[str, object]:
    issued: list[str] = []
    called: collections.Counter[uuid.UUID] = collections.Counter()
    errors: list[BaseException] = []
    kiosks_done = threading.Event()
    lock = threading.Lock()

    def kiosk(k: int) -> None:
        try:
            for i in range(per_kiosk):
                with db.write_session() as s:
                    got = q.issue_ticket(s, CFG, prefixes[(k + i) % len(prefixes)])
                    number = got.ticket.number
                with lock:
                    issued.append(number)
        except BaseException as exc:
            errors.append(exc)

    def counter(window: int) -> None:
        try:
            idle_rounds = 0
            while True:
                with db.write_session() as s:
                    t = q.call_next(s, window, None)
                    tid = t.id if t else None
                if tid is None:
                    if kiosks_done.is_set():
                        idle_rounds += 1
                        if idle_rounds > 3:
                            return
                    time.sleep(0.01)
                    continue
                idle_rounds = 0
                with lock:
                    called[tid] += 1
                with db.write_session() as s:
                    q.finish(s, tid, window)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=kiosk, args=(k,)) for k in range(n_kiosks)]
    counters = [threading.Thread(target=counter, args=(w,)) for w in range(1, n_windows + 1)]
    for t in counters + threads:
        t.start()
    for t in threads:
        t.join(300)
    kiosks_done.set()
    for t in counters:
        t.join(300)
    return {"issued": issued, "called": called, "errors": errors}


def check(db: Database, result: dict[str, object], expected: int) -> None:
    assert result["errors"] == [], result["errors"]
    issued: list[str] = result["issued"]  # type: ignore[assignment]
    called: collections.Counter[uuid.UUID] = result["called"]  # type: ignore[assignment]
    assert len(issued) == expected and len(set(issued)) == expected, "a number was issued twice"
    assert len(called) == expected and max(called.values()) == 1, "a ticket was called twice"
    with db.read_session() as s:
        assert s.scalar(select(func.count()).select_from(m.Ticket)) == expected
        assert (
            s.scalar(select(func.count()).select_from(m.Ticket).where(m.Ticket.status != TicketStatus.DONE))
            == 0
        )
        per_ticket = s.execute(
            select(m.TicketEvent.ticket_id, func.count())
            .where(m.TicketEvent.kind == "called")
            .group_by(m.TicketEvent.ticket_id)
        ).all()
        assert len(per_ticket) == expected and all(n == 1 for _, n in per_ticket)


def test_fifty_windows_and_eight_kiosks_on_postgresql(pg_url) -> None:  # type: ignore[no-untyped-def]
    db, prefixes = prepare(pg_url, windows=50, pool=60)
    try:
        result = run_hall(db, prefixes, n_windows=50, n_kiosks=8, per_kiosk=250)
        check(db, result, 2000)
    finally:
        db.dispose()


def test_a_small_hall_on_sqlite(sqlite_url) -> None:  # type: ignore[no-untyped-def]
    db, prefixes = prepare(sqlite_url, windows=8, pool=0)
    try:
        result = run_hall(db, prefixes, n_windows=8, n_kiosks=2, per_kiosk=100)
        check(db, result, 200)
    finally:
        db.dispose()
