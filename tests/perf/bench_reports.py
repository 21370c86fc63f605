"""Report benchmark (issue 17): `python tests/perf/bench_reports.py [--db sqlite|postgresql] [--cases 100000]`.

A year of cases (100,000 by default, spread over 2026 with completions, refusals and terminations) in a
migrated database; the day, week, month and year case reports (`case_report`: every figure and every
breakdown) are timed (median of 3) beside a bare SQL count of the same period's received cases on the same
database in the same run."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import insert, select, text

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.center.case_stats import Period, case_report, week_range, year_range
from app.center.supervision import month_range
from app.domain.clock import HALL_TZ
from app.store import migrate
from app.store import models as m
from app.store.calendar_store import load_calendar
from app.store.db import Database
from tests.perf.result import emit
from tests.support.center import seed_minimal

PG_ADMIN = os.environ.get("HALL_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def make_db(kind: str) -> tuple[str, object]:
    if kind == "sqlite":
        return f"sqlite:///{tempfile.mkdtemp(prefix='bench-reports-')}/hall.db", None
    import psycopg

    name = f"bench_reports_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    return f"{base}/{name}", name


def fill(db: Database, n: int) -> None:
    seed_minimal(db)
    rnd = random.Random(17)
    with db.write_session() as s:
        item = s.scalars(select(m.ServiceItem)).one()
        a = m.Applicant(name="王五")
        s.add(a)
        s.flush()
        item_id, applicant_id = item.id, a.id
    start = dt.datetime(2026, 1, 1, tzinfo=HALL_TZ)
    rows, transitions = [], []
    for i in range(n):
        acc = start + dt.timedelta(seconds=rnd.randrange(365 * 86400))
        decision = rnd.choices(["accept", "immediate", "refuse", "notify", "defer"], [70, 15, 5, 5, 5])[0]
        due = (acc + dt.timedelta(days=5)).date()
        done = acc + dt.timedelta(hours=rnd.randrange(1, 24 * 9)) if decision in ("accept", "immediate") and rnd.random() < 0.9 else None
        status = {"refuse": "refused", "notify": "notified", "defer": "terminated"}.get(decision, "approved" if done else "accepted")
        cid = uuid.uuid4()
        rows.append(
            {
                "id": cid,
                "case_number": f"B-{i:07d}",
                "item_id": item_id,
                "applicant_id": applicant_id,
                "window_number": rnd.randint(1, 12),
                "status": status,
                "decision": decision,
                "received_on": acc.date(),
                "accepted_at": None if decision == "notify" else acc,
                "due_date": due,
                "completed_at": acc if decision == "immediate" else done,
                "created_at": acc,
            }
        )
        if decision == "defer":
            transitions.append({"id": uuid.uuid4(), "case_id": cid, "from_status": "deferred", "to_status": "terminated", "at": acc + dt.timedelta(days=6)})
    with db.engine.begin() as conn:
        for k in range(0, len(rows), 5000):
            conn.execute(insert(m.Case.__table__), rows[k : k + 5000])
        for k in range(0, len(transitions), 5000):
            conn.execute(insert(m.CaseTransition.__table__), transitions[k : k + 5000])
        conn.execute(text("ANALYZE"))


def timed(fn, runs: int = 3) -> float:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return statistics.median(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    ap.add_argument("--cases", type=int, default=100_000)
    args = ap.parse_args()
    url, pg_name = make_db(args.db)
    db = Database(url)
    try:
        migrate.upgrade(db.engine)
        t0 = time.perf_counter()
        fill(db, args.cases)
        print(f"{args.db}: {args.cases} cases loaded in {time.perf_counter() - t0:.1f} s")
        with db.read_session() as s:
            cal = load_calendar(s)
        day = dt.date(2026, 6, 17)
        periods = {
            "day": (day, day),
            "week": week_range(day),
            "month": month_range(2026, 6),
            "year": year_range(2026),
        }
        for name, (first, last) in periods.items():
            p = Period(first, last)

            def rep(first: dt.date = first, last: dt.date = last) -> None:
                with db.read_session() as s:
                    case_report(s, first, last, cal=cal)

            def bare(p: Period = p) -> None:
                naive = args.db == "sqlite"  # SQLite keeps naive UTC
                bounds = {"a": p.start, "b": p.end}
                if naive:
                    bounds = {k: v.replace(tzinfo=None) for k, v in bounds.items()}
                with db.engine.connect() as conn:
                    conn.execute(
                        text("SELECT count(*) FROM cases WHERE accepted_at >= :a AND accepted_at < :b"), bounds
                    ).scalar()

            r, b = timed(rep), timed(bare)
            emit(
                f"reports {name} ({args.db}, {args.cases} cases)",
                f"{r * 1000:.1f} ms",
                "",
                f"bare SQL count of the period's received {b * 1000:.1f} ms",
            )
    finally:
        db.dispose()
        if pg_name:
            import psycopg

            with psycopg.connect(PG_ADMIN, autocommit=True) as c:
                c.execute(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
