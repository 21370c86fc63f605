"""The terminal runtime (issue 13): how soon an op committed at a counter is at the center.
Run: `python tests/perf/bench_runtime.py [--db sqlite|postgresql] [--n 20]`.

The center runs as its own process (`hall center`); the counter's cache, its runtime (serialized executor
+ sync loop) and this script share one process, as at a real counter. Each case is accepted through the
runtime's executor; its commit wakes the sync loop. Printed beside it, in the same run:
- the floor: the same op pushed by hand at once after its commit (no runtime: the push's own time);
- the design it replaces: the counter synced only in its 5 s status refresh (2.5 s on average, and never
  after logout) — that one is arithmetic, not measured.
Target: the op at the center within 100 ms of its commit."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.config import Settings
from app.runtime import TerminalRuntime
from app.store import migrate
from app.store.db import Database
from app.sync.terminal import enroll, open_terminal
from tests.integration.test_replication import accept_case
from tests.perf.bench_sync import PG_ADMIN, pct, start_center
from tests.perf.result import emit
from tests.support.center import free_port, seed_minimal
from tests.support.runtime import CommitClock, wait_for_case


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", choices=["postgresql", "sqlite"], default="sqlite")
    ap.add_argument("--n", type=int, default=20)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="hall-bench-runtime-"))
    name = f"hall_bench_{uuid.uuid4().hex[:8]}"
    if args.db == "postgresql":
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + f"/{name}"
    else:
        url = f"sqlite:///{tmp / 'center.db'}"
    db = Database(url)
    migrate.upgrade(db.engine)
    seed_minimal(db)
    port = free_port()
    center = f"http://127.0.0.1:{port}"
    proc = start_center(url, port, tmp / "center")
    try:
        settings = Settings(data_dir=tmp / "term", keyring_file=tmp / "term" / "secrets.cfg")
        enroll(settings, center, "counter", "bench-runtime", admin_user="admin", admin_password="admin")
        term = open_terminal(settings, "bench-runtime")
        runtime = TerminalRuntime(term, sync_interval=3600.0).start()  # only commits wake it
        clock = CommitClock(term.cache.db.sessions)
        deadline = time.monotonic() + 30
        while not runtime.state.get().online:
            if time.monotonic() > deadline:
                raise SystemExit("the runtime never reached the center")
            time.sleep(0.01)
        arrived, woken = [], []
        for i in range(args.n):
            number = f"C1-{i:04d}"
            runtime.submit(lambda n=number: accept_case(term, n)).result(30)
            committed = clock.last
            assert committed is not None
            arrived.append((wait_for_case(db, number) - committed) * 1000)
            woken.append((runtime.sync.round_started - committed) * 1000)
            while runtime.state.get().pending_ops:
                time.sleep(0.002)
            time.sleep(0.05)
        runtime.close()
        floor = []
        for i in range(args.n):
            number = f"C1-5{i:03d}"
            accept_case(term, number)
            committed = clock.last
            assert committed is not None
            term.engine.push_once()
            floor.append((wait_for_case(db, number) - committed) * 1000)
        clock.close()
        term.close()
    finally:
        proc.terminate()
        proc.wait(10)
        db.dispose()
        if args.db == "postgresql":
            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"# terminal runtime on a {args.db} center; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print(
        f"commit → op at the center, through the runtime ({args.n} cases): p50 {statistics.median(arrived):.0f} ms, "
        f"p95 {pct(arrived, 95):.0f} ms, max {max(arrived):.0f} ms (target < 100 ms)"
    )
    print(f"  of which commit → sync round started: p50 {statistics.median(woken):.1f} ms, max {max(woken):.1f} ms")
    print(f"  floor, pushed by hand right after the commit: p50 {statistics.median(floor):.0f} ms, p95 {pct(floor, 95):.0f} ms")
    print("  replaced design: the next 5 s status refresh of a logged-in counter: 2,500 ms on average, never after logout")
    emit(
        f"runtime: commit → op at the center ({args.db} center)",
        f"p50 {statistics.median(arrived):.0f} ms, p95 {pct(arrived, 95):.0f} ms (wake {statistics.median(woken):.1f} ms)",
        "< 100 ms",
        f"push by hand at once: p50 {statistics.median(floor):.0f} ms; old 5 s status refresh: 2,500 ms on average",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
