"""Queue benchmark (issue 14): `python tests/perf/bench_queue.py [--db sqlite|postgresql] [--workers N] [--pause S]
[--scale 1.0] [--only issue,call,mixed,events,history]`.

The center runs as separate processes (`hall center`, `--workers N` on PostgreSQL). Each figure is
printed beside the bare SQL doing the same work on the same database in the same run (SQLAlchemy Core
`text()` statements on the same driver, from the same number of threads, on tables of the same shape):
- issuing with 8 kiosks (p95, tickets/s, duplicate numbers) — bare: counter + ticket + event + count;
- call-next + finish with 48 windows (p95, double calls, 204s while tickets waited) — bare:
  `ORDER BY … LIMIT 1 [FOR UPDATE SKIP LOCKED]` + update, then the finish update;
- 200 clerks and 50 kiosks at once (p95, errors, call rate vs the bare SQL's);
- call → event at a WebSocket subscriber with 200 subscribers (p95) — bare: LISTEN/NOTIFY (PostgreSQL)
  or an in-process queue (SQLite);
- issue latency with 0 / 10,000 / 100,000 tickets of earlier days already in the database.
The clients use a manager's token (a manager may act at every window), so no scrypt login per clerk.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.center.embedded import free_port
from app.domain.clock import local_today, utcnow
from app.domain.states import WindowStatus
from app.store import migrate
from app.store import models as m
from app.store.db import Database
from tests.perf.result import emit
from tests.support.center import seed_minimal

PG_ADMIN = os.environ.get("HALL_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def pct(values: list[float], p: float) -> float:
    values = sorted(values) or [0.0]
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def ms(v: float) -> str:
    return f"{v * 1000:.1f} ms"


# ----------------------------------------------------------------------------- set-up


def make_db(kind: str, tmp: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp / 'center.db'}"
    import psycopg

    name = f"hall_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1) + f"/{name}"


def drop_db(url: str) -> None:
    if url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def seed(url: str, windows: int) -> None:
    db = Database(url)
    migrate.upgrade(db.engine)
    seed_minimal(db)
    with db.write_session() as s:
        cats = s.query(m.Category).order_by(m.Category.sort_order).all()
        for n in range(3, windows + 1):
            w = m.Window(number=n, name=f"{n}号窗口", status=WindowStatus.IDLE)
            for pos, cat in enumerate(cats if n % 2 else cats[::-1]):
                w.categories.append(m.WindowCategory(category_id=cat.id, position=pos))
            s.add(w)
        s.execute(text("UPDATE windows SET status = 'idle'"))
    bare_schema(db)
    db.dispose()


def history(url: str, n: int) -> None:
    """`n` finished tickets of earlier days (what a hall accumulates), inserted with bare Core statements
    on the tickets table (its column types bind the UUIDs and UTC times the same way on both databases)."""
    from sqlalchemy import insert

    db = Database(url)
    with db.engine.begin() as conn:
        cat = conn.execute(
            m.Category.__table__.select().with_only_columns(m.Category.__table__.c.id).where(
                m.Category.__table__.c.prefix == "A"
            )
        ).scalar_one()
        rows, t0 = [], utcnow() - dt.timedelta(days=400)
        for i in range(n):
            at = t0 + dt.timedelta(minutes=5 * i)
            rows.append(
                {
                    "id": uuid.uuid4(),
                    "category_id": cat,
                    "service_day": (at + dt.timedelta(hours=8)).date(),
                    "seq": i % 899 + 1,
                    "number": f"A{i}"[:8],
                    "status": "done",
                    "priority": False,
                    "source": "online",
                    "issued_at": at,
                    "queue_at": at,
                    "recall_count": 0,
                    "started_at": at,
                    "finished_at": at,
                }
            )
        for chunk in range(0, n, 5000):
            conn.execute(insert(m.Ticket.__table__), rows[chunk : chunk + 5000])
    db.dispose()


def start_center(url: str, tmp: Path, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    extra = ["--workers", str(workers)] if workers > 1 else []
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli.main", "center", "--db", url, "--port", str(port), *extra],
        env=dict(os.environ, HALL_DATA_DIR=str(tmp)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"center did not start: {proc.stderr.read().decode() if proc.stderr else ''}")


def token(base: str) -> str:
    r = httpx.post(f"{base}/auth/login", json={"username": "manager", "password": "manager"})
    r.raise_for_status()
    return str(r.json()["token"])


def client(base: str, tok: str) -> httpx.Client:
    return httpx.Client(base_url=base, headers={"Authorization": f"Bearer {tok}"}, timeout=60)


def threads(n: int, fn: Callable[[int], None]) -> float:
    ts = [threading.Thread(target=fn, args=(i,)) for i in range(n)]
    t0 = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return time.perf_counter() - t0


def reset_queue(url: str) -> None:
    db = Database(url)
    with db.engine.begin() as conn:
        today = local_today()
        conn.execute(text("DELETE FROM ticket_events"))
        conn.execute(text("DELETE FROM tickets WHERE service_day = :d"), {"d": today})
        conn.execute(text("DELETE FROM counters WHERE name LIKE 'ticket:%'"))
        conn.execute(text("UPDATE windows SET status = 'idle'"))
        conn.execute(text("DELETE FROM bq_events"))
        conn.execute(text("DELETE FROM bq_tickets"))
        conn.execute(text("DELETE FROM bq_counter"))
        for cat in "AB":
            conn.execute(text("INSERT INTO bq_counter (name, value) VALUES (:k, 0)"), {"k": f"{cat}:{today}"})
    db.dispose()


# ----------------------------------------------------------------------------- bare SQL


def bare_schema(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE bq_counter (name VARCHAR(40) PRIMARY KEY, value INTEGER NOT NULL)"))
        conn.execute(
            text(
                "CREATE TABLE bq_tickets (id VARCHAR(36) PRIMARY KEY, cat VARCHAR(2), day DATE, seq INTEGER,"
                " number VARCHAR(8), status VARCHAR(12), priority BOOLEAN, queue_at TIMESTAMP,"
                " window_number INTEGER, UNIQUE (cat, day, number))"
            )
        )
        conn.execute(text("CREATE INDEX ix_bq_queue ON bq_tickets (day, status, cat, queue_at)"))
        conn.execute(
            text(
                "CREATE TABLE bq_events (id VARCHAR(36) PRIMARY KEY, ticket_id VARCHAR(36), kind VARCHAR(20),"
                " at TIMESTAMP)"
            )
        )


def _tx(db: Database) -> Any:
    conn = db.engine.connect()
    if db.dialect == "sqlite":
        conn = conn.execution_options(sqlite_begin="IMMEDIATE")
    return conn


def bare_issue(db: Database, cat: str) -> None:
    today, now = local_today(), dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with _tx(db) as conn, conn.begin():
        key = f"{cat}:{today}"
        seq = conn.execute(
            text("UPDATE bq_counter SET value = value + 1 WHERE name = :k RETURNING value"), {"k": key}
        ).scalar_one()  # the counter rows are made by reset_queue, as the center's are on first use
        ident = str(uuid.uuid4())
        conn.execute(
            text(
                "INSERT INTO bq_tickets (id, cat, day, seq, number, status, priority, queue_at) VALUES"
                " (:id, :cat, :day, :seq, :num, 'waiting', false, :at)"
            ),
            {"id": ident, "cat": cat, "day": today, "seq": seq, "num": f"{cat}{seq:03d}", "at": now},
        )
        conn.execute(
            text("INSERT INTO bq_events (id, ticket_id, kind, at) VALUES (:id, :t, 'issued', :at)"),
            {"id": str(uuid.uuid4()), "t": ident, "at": now},
        )
        conn.execute(
            text("SELECT count(*) FROM bq_tickets WHERE day = :d AND status = 'waiting' AND cat = :c"),
            {"d": today, "c": cat},
        ).scalar()


def bare_call_finish(db: Database, window: int) -> bool:
    today = local_today()
    lock = " FOR UPDATE SKIP LOCKED" if db.dialect == "postgresql" else ""
    with _tx(db) as conn, conn.begin():
        row = conn.execute(
            text(
                "SELECT id FROM bq_tickets WHERE day = :d AND status = 'waiting' AND cat IN ('A', 'B')"
                " ORDER BY CASE WHEN priority THEN 0 ELSE 1 END, CASE cat WHEN 'A' THEN 0 ELSE 1 END,"
                f" queue_at LIMIT 1{lock}"
            ),
            {"d": today},
        ).scalar()
        if row is None:
            return False
        conn.execute(
            text("UPDATE bq_tickets SET status = 'called', window_number = :w WHERE id = :id"),
            {"w": window, "id": row},
        )
        conn.execute(
            text("INSERT INTO bq_events (id, ticket_id, kind, at) VALUES (:id, :t, 'called', :at)"),
            {"id": str(uuid.uuid4()), "t": row, "at": dt.datetime.now(dt.UTC).replace(tzinfo=None)},
        )
    with _tx(db) as conn, conn.begin():
        conn.execute(text("UPDATE bq_tickets SET status = 'done' WHERE id = :id"), {"id": row})
    return True


# ----------------------------------------------------------------------------- the benchmarks


def bench_issue(url: str, base: str, tok: str, per_kiosk: int, label: str) -> None:
    lat: list[float] = []
    numbers: list[tuple[str, str]] = []
    errors = 0
    lock = threading.Lock()

    def kiosk(k: int) -> None:
        nonlocal errors
        http = client(base, tok)
        for i in range(per_kiosk):
            t0 = time.perf_counter()
            r = http.post("/tickets", json={"category": "AB"[(k + i) % 2], "request_id": str(uuid.uuid4())})
            with lock:
                lat.append(time.perf_counter() - t0)
                if r.status_code == 201:
                    numbers.append((r.json()["category"], r.json()["number"]))
                else:
                    errors += 1

    elapsed = threads(8, kiosk)
    db = Database(url)
    bare_lat: list[float] = []

    def bare(k: int) -> None:
        for i in range(per_kiosk):
            t0 = time.perf_counter()
            bare_issue(db, "AB"[(k + i) % 2])
            with lock:
                bare_lat.append(time.perf_counter() - t0)

    bare_elapsed = threads(8, bare)
    db.dispose()
    dups = len(numbers) - len(set(numbers))
    emit(
        f"issue, 8 kiosks ({label})",
        f"p95 {ms(pct(lat, 95))}, {len(numbers) / elapsed:.0f} tickets/s, {dups} duplicates, {errors} errors",
        "p95 ≤ 50 ms, ≥ 300 tickets/s, 0 duplicates",
        f"bare SQL: p95 {ms(pct(bare_lat, 95))}, {8 * per_kiosk / bare_elapsed:.0f} tickets/s",
    )


def prefill(url: str, n: int) -> None:
    from app.center import queue as q
    from app.config import QueueSettings

    db = Database(url)
    cfg = QueueSettings()
    with db.write_session() as s:
        for i in range(n):
            q.issue_ticket(s, cfg, "AB"[i % 2])
    with _tx(db) as conn, conn.begin():
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        for i in range(n):
            conn.execute(
                text(
                    "INSERT INTO bq_tickets (id, cat, day, seq, number, status, priority, queue_at) VALUES"
                    " (:id, :c, :d, :s, :n, 'waiting', false, :at)"
                ),
                {
                    "id": str(uuid.uuid4()),
                    "c": "AB"[i % 2],
                    "d": local_today(),
                    "s": i,
                    "n": f"X{i}",
                    "at": now,
                },
            )
    db.dispose()


def bench_call(
    url: str, base: str, tok: str, n_windows: int, tickets: int, label: str, pause: float = 0.0
) -> None:
    """`pause`: the seconds a clerk serves the citizen between finish and the next call-next (0: every
    window calls again at once, a saturation run where latency is windows ÷ rate whatever the code)."""
    prefill(url, tickets)
    lat: list[float] = []
    called: collections.Counter[str] = collections.Counter()
    false_empty = errors = 0
    lock = threading.Lock()
    db = Database(url)

    def waiting_left() -> int:
        with db.engine.connect() as conn:
            return int(
                conn.execute(
                    text("SELECT count(*) FROM tickets WHERE service_day = :d AND status = 'waiting'"),
                    {"d": local_today()},
                ).scalar_one()
            )

    def window(i: int) -> None:
        nonlocal false_empty, errors
        n = i + 1
        http = client(base, tok)
        while True:
            t0 = time.perf_counter()
            r = http.post(f"/windows/{n}/call-next")
            if r.status_code == 204:
                left = waiting_left()
                if left == 0:
                    return
                with lock:
                    false_empty += left > n_windows  # more waiting than the windows could hold locked
                continue
            if r.status_code != 200:
                with lock:
                    errors += 1
                return
            t = r.json()["ticket"]
            f = http.post(f"/tickets/{t['id']}/finish")
            with lock:
                lat.append(time.perf_counter() - t0)
                called[t["id"]] += 1
                errors += f.status_code != 200
            time.sleep(pause)

    elapsed = threads(n_windows, window)
    bare_lat: list[float] = []

    def bare(i: int) -> None:
        while True:
            t0 = time.perf_counter()
            if not bare_call_finish(db, i + 1):
                return
            with lock:
                bare_lat.append(time.perf_counter() - t0)
            time.sleep(pause)

    bare_elapsed = threads(n_windows, bare)
    db.dispose()
    doubles = sum(1 for v in called.values() if v > 1)
    paced = f", each clerk serving {pause:g} s between calls" if pause else ", no pause between calls"
    emit(
        f"call-next + finish, {n_windows} windows ({label}{paced})",
        f"p95 {ms(pct(lat, 95))}, {len(lat) / elapsed:.0f} calls/s, {doubles} double calls, "
        f"{false_empty} false 'nothing waits', {errors} errors",
        "p95 ≤ 50 ms, 0 double calls, 0 false 'nothing waits'",
        f"bare SQL: p95 {ms(pct(bare_lat, 95))}, {len(bare_lat) / bare_elapsed:.0f} calls/s",
    )


def bench_mixed(url: str, base: str, tok: str, seconds: float, label: str, pause: float = 0.0) -> None:
    prefill(url, 400)
    lat: list[float] = []
    errors = calls = 0
    codes: collections.Counter[int] = collections.Counter()
    lock = threading.Lock()
    stop = 0.0

    def go() -> None:  # the clock starts when every client is made (250 clients take seconds to make)
        nonlocal stop
        stop = time.monotonic() + seconds

    ready = threading.Barrier(250, action=go)

    def clerk(i: int) -> None:
        nonlocal errors, calls
        http = client(base, tok)
        ready.wait()
        n = i + 1
        while time.monotonic() < stop:
            t0 = time.perf_counter()
            try:
                r = http.post(f"/windows/{n}/call-next")
                codes[r.status_code] += 1
                ok = r.status_code in (200, 204)
                if r.status_code == 200:
                    ok = http.post(f"/tickets/{r.json()['ticket']['id']}/finish").status_code == 200
                    with lock:
                        calls += 1
                    time.sleep(pause)
                else:
                    time.sleep(0.2)
            except httpx.HTTPError:
                ok = False
            with lock:
                lat.append(time.perf_counter() - t0)
                errors += not ok

    def kiosk(i: int) -> None:
        nonlocal errors
        http = client(base, tok)
        ready.wait()
        while time.monotonic() < stop:
            t0 = time.perf_counter()
            try:
                ok = http.post("/tickets", json={"category": "AB"[i % 2]}).status_code == 201
            except httpx.HTTPError:
                ok = False
            with lock:
                lat.append(time.perf_counter() - t0)
                errors += not ok
            time.sleep(0.1)

    def both(i: int) -> None:
        (clerk if i < 200 else kiosk)(i if i < 200 else i - 200)

    threads(250, both)
    elapsed = time.monotonic() - (stop - seconds)  # from the start signal to the last answer
    db = Database(url)
    bare_calls = 0
    bare_stop = time.monotonic() + seconds

    def bare(i: int) -> None:
        nonlocal bare_calls
        while time.monotonic() < bare_stop:
            if i >= 200:
                bare_issue(db, "AB"[i % 2])
                time.sleep(0.1)
            elif bare_call_finish(db, i + 1):
                with lock:
                    bare_calls += 1
                time.sleep(pause)
            else:
                time.sleep(0.2)

    bare_elapsed = threads(250, bare)
    db.dispose()
    rate, bare_rate = calls / elapsed, bare_calls / bare_elapsed
    paced = f", clerks serving {pause:g} s between calls" if pause else ""
    emit(
        f"200 clerks + 50 kiosks ({label}{paced})",
        f"p95 {ms(pct(lat, 95))}, {errors} errors, {rate:.0f} calls/s = {rate / max(bare_rate, 1e-9):.0%} of bare"
        f" (call-next answers {dict(codes)})",
        "p95 ≤ 250 ms, 0 errors, ≥ 30% of the bare SQL's call rate",
        f"bare SQL: {bare_rate:.0f} calls/s from as many threads",
    )


def bench_events(url: str, base: str, tok: str, n_subs: int, calls: int, label: str) -> None:
    import websockets

    prefill(url, calls)
    got: list[float] = []
    sent: dict[str, float] = {}
    received: list[tuple[str, float]] = []

    async def run() -> None:
        ws_url = base.replace("http", "ws") + f"/events?token={tok}"
        conns = [await websockets.connect(ws_url, max_size=None) for _ in range(n_subs)]
        for c in conns:
            await c.recv()  # the snapshot

        async def reader(c: Any) -> None:
            async for raw in c:
                ev = json.loads(raw)
                if ev["type"] == "ticket.called":
                    received.append((ev["data"]["number"], time.perf_counter()))

        tasks = [asyncio.create_task(reader(c)) for c in conns]
        http = httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {tok}"}, timeout=60)
        for _ in range(calls):
            t0 = time.perf_counter()
            r = await http.post("/windows/1/call-next")
            t = r.json()["ticket"]
            sent[t["number"]] = t0
            await asyncio.sleep(0.3)
            await http.post(f"/tickets/{t['id']}/finish")
        await asyncio.sleep(1.0)
        for c in conns:
            await c.close()
        for task in tasks:
            task.cancel()
        await http.aclose()

    asyncio.run(run())
    got = [at - sent[number] for number, at in received if number in sent]
    baseline = bare_event_latency(url)
    emit(
        f"call → event at {n_subs} WebSocket subscribers ({label})",
        f"p50 {ms(statistics.median(got or [0]))}, p95 {ms(pct(got, 95))} ({len(got)} deliveries)",
        "p95 ≤ 50 ms",
        baseline,
    )


def bare_event_latency(url: str, n: int = 50) -> str:
    lat: list[float] = []
    if url.startswith("postgresql"):
        import psycopg

        plain = url.replace("postgresql+psycopg://", "postgresql://")
        with (
            psycopg.connect(plain, autocommit=True) as listen,
            psycopg.connect(plain, autocommit=True) as talk,
        ):
            listen.execute("LISTEN bench_q")
            for i in range(n):
                t0 = time.perf_counter()
                talk.execute("SELECT pg_notify('bench_q', %s)", (str(i),))
                next(listen.notifies(timeout=5))
                lat.append(time.perf_counter() - t0)
        return f"bare LISTEN/NOTIFY: p95 {ms(pct(lat, 95))}"

    async def queue_hop() -> None:
        q: asyncio.Queue[float] = asyncio.Queue()
        for _ in range(n):
            t0 = time.perf_counter()
            q.put_nowait(t0)
            await q.get()
            lat.append(time.perf_counter() - t0)

    asyncio.run(queue_hop())
    return f"in-process queue: p95 {ms(pct(lat, 95))}"


def bench_history(kind: str, tmp: Path, workers: int, scale: float) -> None:
    """The stored tickets are the point of this one: 0 / 10,000 / 100,000 whatever `--scale` (which only
    shrinks the issues made at each size)."""
    figures = []
    issues = max(30, int(100 * min(scale, 1.0)))
    for n in (0, 10_000, 100_000):
        url = make_db(kind, tmp / f"h{n}")
        try:
            (tmp / f"h{n}").mkdir(exist_ok=True)
            seed(url, 2)
            history(url, n)
            proc, base = start_center(url, tmp / f"h{n}", workers)
            try:
                http = client(base, token(base))
                lat = []
                for i in range(issues):
                    t0 = time.perf_counter()
                    http.post("/tickets", json={"category": "A"}).raise_for_status()
                    lat.append(time.perf_counter() - t0)
                    if i % 3 == 2:
                        t = http.post("/windows/1/call-next").json()["ticket"]
                        http.post(f"/tickets/{t['id']}/finish")
                figures.append(f"{n:,}: p50 {ms(pct(lat, 50))}, p95 {ms(pct(lat, 95))}")
            finally:
                proc.terminate()
                proc.wait(20)
        finally:
            drop_db(url)
    emit(
        f"issue latency vs tickets already stored ({kind})", "; ".join(figures), "flat", "the 0-ticket figure"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", choices=["sqlite", "postgresql"], default="postgresql")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0, help="shrink the runs (shared machine)")
    ap.add_argument(
        "--pause", type=float, default=0.0,
        help="seconds a clerk serves between finish and the next call (call and mixed runs); 0: saturation",
    )
    ap.add_argument("--only", default="issue,call,mixed,events,history")
    args = ap.parse_args()
    only = set(args.only.split(","))
    label = f"{args.db}, {args.workers} worker{'s' if args.workers > 1 else ''}"
    with tempfile.TemporaryDirectory(prefix="hall-bench-queue-") as tmp_s:
        tmp = Path(tmp_s)
        url = make_db(args.db, tmp)
        try:
            seed(url, 200)
            proc, base = start_center(url, tmp, args.workers)
            try:
                tok = token(base)
                steps: list[tuple[str, Callable[[], None]]] = [
                    ("issue", lambda: bench_issue(url, base, tok, max(5, int(60 * args.scale)), label)),
                    ("call", lambda: bench_call(url, base, tok, 48, max(96, int(480 * args.scale)), label, args.pause)),
                    ("mixed", lambda: bench_mixed(url, base, tok, max(3.0, 10 * args.scale), label, args.pause)),
                    (
                        "events",
                        lambda: bench_events(url, base, tok, 200, max(10, int(40 * args.scale)), label),
                    ),
                ]
                for name, step in steps:
                    if name in only:
                        reset_queue(url)
                        step()
            finally:
                proc.terminate()
                proc.wait(20)
        finally:
            drop_db(url)
        if "history" in only:
            bench_history(args.db, tmp, args.workers, args.scale)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
