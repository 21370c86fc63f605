"""EXPLAIN of every queue query (issue 14), on a database holding `--history` finished tickets of earlier
days plus a morning's queue: `python tests/perf/explain_queue.py [--db sqlite|postgresql]`."""

from __future__ import annotations

import argparse
import sys
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import and_, func, select, text

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.center import queue as q
from app.config import QueueSettings
from app.domain.clock import local_today
from app.domain.states import TicketStatus
from app.store import models as m
from app.store.db import Database
from tests.perf.bench_queue import drop_db, history, make_db, seed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", choices=["sqlite", "postgresql"], default="postgresql")
    ap.add_argument("--history", type=int, default=100_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = make_db(args.db, Path(tmp))
        try:
            seed(url, 48)
            history(url, args.history)
            db = Database(url)
            cfg = QueueSettings()
            with db.write_session() as s:
                for i in range(300):
                    q.issue_ticket(s, cfg, "AB"[i % 2], request_id=uuid.uuid4())
            with db.write_session() as s:
                s.execute(text("ANALYZE"))
            day = local_today()
            with db.read_session() as s:
                t = s.scalars(select(m.Ticket).where(m.Ticket.service_day == day)).first()
                assert t is not None
                w = s.scalar(select(m.Window).where(m.Window.number == 1))
                assert w is not None
                queries = {
                    "call-next: the window's next ticket": q.next_ticket_query(
                        s, 1, q.window_categories(s, w), day
                    ),
                    "estimate: people ahead (count)": select(func.count())
                    .select_from(m.Ticket)
                    .where(q._waiting(t.category_id, day), q._ahead_of(t)),
                    "estimate: latest services": select(m.Ticket.started_at, m.Ticket.finished_at)
                    .where(
                        m.Ticket.service_day == day,
                        m.Ticket.status == TicketStatus.DONE,
                        m.Ticket.category_id == t.category_id,
                        m.Ticket.finished_at.is_not(None),
                    )
                    .order_by(m.Ticket.finished_at.desc())
                    .limit(q.RECENT_SERVICES),
                    "real name: an open ticket of this ID": select(m.Ticket.number).where(
                        m.Ticket.id_number_hash == "x" * 64,
                        m.Ticket.category_id == t.category_id,
                        m.Ticket.service_day == day,
                        m.Ticket.status.in_(q.OPEN),
                    ),
                    "real name: recent no-shows": select(m.TicketEvent.at)
                    .join(m.Ticket, m.Ticket.id == m.TicketEvent.ticket_id)
                    .where(m.Ticket.id_number_hash == "x" * 64, m.TicketEvent.kind == "no_show"),
                    "idempotent issue: ticket of a request id": select(m.Ticket).where(
                        m.Ticket.request_id == uuid.uuid4()
                    ),
                    "window's current ticket": select(m.Ticket).where(
                        m.Ticket.window_number == 1,
                        m.Ticket.service_day == day,
                        m.Ticket.status.in_([TicketStatus.CALLED, TicketStatus.SERVING]),
                    ),
                    "call a number": select(m.Ticket).where(
                        and_(m.Ticket.service_day == day, m.Ticket.number == "A007"),
                        m.Ticket.status == TicketStatus.WAITING,
                    ),
                    "snapshot: waiting per category": select(m.Ticket.category_id, func.count())
                    .where(m.Ticket.service_day == day, m.Ticket.status == TicketStatus.WAITING)
                    .group_by(m.Ticket.category_id),
                    "snapshot: recent calls": select(m.Ticket)
                    .where(m.Ticket.service_day == day, m.Ticket.called_at.is_not(None))
                    .order_by(m.Ticket.called_at.desc())
                    .limit(10),
                }
                prefix = "EXPLAIN QUERY PLAN " if args.db == "sqlite" else "EXPLAIN "
                for name, query in queries.items():
                    sql = str(
                        query.compile(dialect=s.get_bind().dialect, compile_kwargs={"literal_binds": True})
                    )
                    plan = s.execute(text(prefix + sql)).all()
                    print(f"-- {name}")
                    for row in plan:
                        print("   ", row[-1])
            db.dispose()
        finally:
            drop_db(url)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
