"""The counter: accepting a case (the local commit of the applicant, the case with its materials, the
outbox ops and the audit event, in one SQLite transaction), and item search per keystroke over the demo
catalog as the counter holds it. Targets (issue 7): accept < 50 ms, keystroke < 30 ms.
Run by hand: `python tests/perf/bench_counter.py`."""

from __future__ import annotations

import dataclasses
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from app.center.embedded import EmbeddedCenter
from app.config import Settings
from app.counter.service import ApplicantIn, CounterService
from app.demo.day import publish_next_year
from app.domain.acceptance import Decision
from app.domain.idnumber import check_digit
from app.sync.terminal import enroll, open_terminal
from tests.perf.result import emit

N = 200


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="bench-counter-"))
    center = EmbeddedCenter(Settings(data_dir=tmp / "center", keyring_file=tmp / "center" / "k.cfg")).start()
    try:
        publish_next_year(center.url)
        settings = Settings(data_dir=tmp / "counter", keyring_file=tmp / "counter" / "k.cfg")
        enroll(settings, center.url, "counter", "bench-counter", admin_user="admin", admin_password="admin")
        term = open_terminal(settings, "bench-counter")
        term.engine.sync_once()
        svc = CounterService(term, settings, window=1)
        item = svc.search_items("企业变更登记")[0]
        checks = [dataclasses.replace(c, originals_received=c.originals_needed, copies_received=c.copies_needed) for c in svc.checklist(item)]
        times = []
        for i in range(N):
            first17 = f"1101051990{(i % 12) + 1:02d}{(i % 28) + 1:02d}{i % 1000:03d}"
            applicant = ApplicantIn(f"申请人{i}", first17 + check_digit(first17))
            t0 = time.perf_counter()
            svc.accept(applicant, item, checks, Decision.ACCEPT, print_documents=False)
            times.append((time.perf_counter() - t0) * 1000)
        # baseline: the same number of rows written with bare sqlite3 in one transaction each
        raw = sqlite3.connect(tmp / "raw.db", isolation_level=None)
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=FULL")
        raw.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT)")
        rows_per_case = 2 + len(checks) + 4  # applicant, case, materials, transition, 3 outbox ops, audit
        base = []
        for i in range(N):
            t0 = time.perf_counter()
            raw.execute("BEGIN IMMEDIATE")
            raw.executemany("INSERT INTO t (payload) VALUES (?)", [(f"row {i}-{k}" * 20,) for k in range(rows_per_case)])
            raw.execute("COMMIT")
            base.append((time.perf_counter() - t0) * 1000)
        keystrokes = []
        for query in ("qybg", "企业变更", "yyzz", "bdcdj", "养老保险"):
            for k in range(1, len(query) + 1):
                t0 = time.perf_counter()
                svc.search_items(query[:k])
                keystrokes.append((time.perf_counter() - t0) * 1000)
        term.close()
    finally:
        center.close()
    times.sort()
    base.sort()
    keystrokes.sort()
    p95 = times[int(0.95 * N) - 1]
    print(f"accepting a case (local commit, {N} cases): median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms (target < 50 ms)")
    print(f"  baseline: bare sqlite3, {rows_per_case} rows per transaction, same durability: median {statistics.median(base):.2f} ms")
    print(f"item search per keystroke ({len(keystrokes)} keystrokes): max {keystrokes[-1]:.2f} ms (target < 30 ms)")
    emit("accepting a case at the counter (local commit)", f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms", "< 50 ms", f"bare sqlite3 transaction of {rows_per_case} rows: {statistics.median(base):.2f} ms")
    emit("counter item search per keystroke (demo catalog)", f"max {keystrokes[-1]:.2f} ms", "< 30 ms", "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
