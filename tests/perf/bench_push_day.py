"""A counter's offline day pushed to the center (issue 13): `python tests/perf/bench_push_day.py
[--db postgresql|sqlite] [--visits 4000]`.

4,000 visits, each an applicant, a case and a rating with their three audit events: 24,000 outbox ops,
written through the terminal's own recorder while the center is unreachable, then pushed in one go to a
center running as its own process (`hall center`). Printed beside it, in the same run and on the same
database: the bare insert of the same rows — every row the push wrote (applicants, cases, case
transitions, ratings, audit events, the cases' department tasks, the ledger of processed ops that makes
a push idempotent, and the change log that replicates the cases to other terminals), copied into empty
look-alike tables with plain executemany in transactions of one push batch each — and, stricter, of the
entity rows alone (the first five). Target: ≤ 15 s and within 4× the bare insert.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
from psycopg.types.json import Json
from sqlalchemy import func

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.config import Settings
from app.domain.states import CaseStatus
from app.store import migrate
from app.store import models as m
from app.store.db import Database
from app.sync.local_records import CaseIn, LocalRecorder
from app.sync.terminal import enroll, open_terminal
from tests.perf.bench_sync import PG_ADMIN, make_catalog, start_center
from tests.perf.result import emit
from tests.support.center import free_port, seed_minimal

ENTITY_TABLES = ("applicants", "cases", "case_transitions", "ratings", "audit_events")
# every row the push wrote: the entities, plus the op ledger that makes a push idempotent, the cases'
# department tasks (dispatch) and the change log that replicates the cases to the other terminals
ALL_TABLES = (*ENTITY_TABLES, "case_tasks", "processed_ops", "change_log")
WHERE = {
    "case_transitions": "terminal_id = :tid",
    "audit_events": "terminal_id = :tid",
    "processed_ops": "terminal_id = :tid",
    "case_tasks": "case_id IN (SELECT id FROM cases WHERE origin_terminal_id = :tid)",
    "change_log": "seq > :seq",
}


def offline_day(term_settings: Settings, center: str, visits: int) -> tuple[object, int]:
    enroll(term_settings, center, "counter", "bench-day", admin_user="admin", admin_password="admin")
    term = open_terminal(term_settings, "bench-day", timeout=120)
    term.engine.pull_once()
    rec = LocalRecorder(term.cipher, uuid.UUID(term.identity.terminal_id), "clerk01")
    with term.cache.db.read_session() as s:
        item_id = s.query(m.ServiceItem.id).first()[0]  # type: ignore[index]
    for start in range(
        0, visits, 200
    ):  # one transaction per visit would be the counter's way; batches save setup time
        with term.cache.db.write_session() as s:
            for i in range(start, min(visits, start + 200)):
                a = rec.add_applicant(s, name="测试", id_number="11010519491231002X", phone="13812345678")
                c = rec.add_case(
                    s,
                    CaseIn(
                        case_number=f"H01-20250930-{term.identity.tag:02d}-{i + 1:05d}",
                        item_id=item_id,
                        applicant_id=a,
                        status=CaseStatus.ACCEPTED,
                        decision="accept",
                        received_on=dt.date(2025, 9, 30),
                    ),
                )
                rec.add_rating(s, level=5, case_id=c, window_number=1)
    with term.cache.db.read_session() as s:
        n_ops = s.query(m.OutboxOp).filter(m.OutboxOp.status == "pending").count()
    return term, n_ops


def _where(table: str, style: str) -> str:
    """The table's filter for the rows the push wrote; `style` "pg" binds %(name)s, "sqlite" :name."""
    clause = WHERE.get(table, "origin_terminal_id = :tid")
    return clause.replace(":tid", "%(tid)s").replace(":seq", "%(seq)s") if style == "pg" else clause


def bare_insert_pg(
    raw_url: str, tables: tuple[str, ...], params: dict[str, object], batch: int
) -> tuple[float, int]:
    with psycopg.connect(raw_url) as conn:
        rows: dict[str, list[tuple[object, ...]]] = {}
        for t in tables:
            conn.execute(f"DROP TABLE IF EXISTS bare_{t}")
            conn.execute(
                f"CREATE TABLE bare_{t} (LIKE {t} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)"
            )
            rows[t] = [
                tuple(Json(v) if isinstance(v, dict | list) else v for v in r)
                for r in conn.execute(f"SELECT * FROM {t} WHERE {_where(t, 'pg')}", params).fetchall()
            ]
        conn.commit()
        total = sum(len(v) for v in rows.values())
        flat = [(t, r) for t in tables for r in rows[t]]
        t0 = time.perf_counter()
        for k in range(0, len(flat), batch):
            chunk = flat[k : k + batch]
            with conn.transaction(), conn.cursor() as cur:
                for t in tables:
                    mine = [r for tt, r in chunk if tt == t]
                    if mine:
                        marks = ",".join(["%s"] * len(mine[0]))
                        cur.executemany(f"INSERT INTO bare_{t} VALUES ({marks})", mine)
        return time.perf_counter() - t0, total


def bare_insert_sqlite(
    path: str, tables: tuple[str, ...], params: dict[str, object], batch: int
) -> tuple[float, int]:
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    flat: list[tuple[str, tuple[object, ...]]] = []
    for t in tables:
        ddl = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (t,)).fetchone()[0]
        conn.execute(f"DROP TABLE IF EXISTS bare_{t}")
        conn.execute(re.sub(rf'^CREATE TABLE "?{t}"?', f"CREATE TABLE bare_{t}", ddl, count=1))
        flat += [(t, r) for r in conn.execute(f"SELECT * FROM {t} WHERE {_where(t, 'sqlite')}", params)]
    conn.execute("PRAGMA foreign_keys=OFF")
    t0 = time.perf_counter()
    for k in range(0, len(flat), batch):
        chunk = flat[k : k + batch]
        conn.execute("BEGIN IMMEDIATE")
        for t in tables:
            mine = [r for tt, r in chunk if tt == t]
            if mine:
                conn.executemany(f"INSERT INTO bare_{t} VALUES ({','.join('?' * len(mine[0]))})", mine)
        conn.execute("COMMIT")
    took = time.perf_counter() - t0
    conn.close()
    return took, len(flat)


def _change_log_end(url: str) -> int:
    """The change log's last position: the rows after it are the push's."""
    db = Database(url)
    try:
        with db.read_session() as s:
            return int(s.query(func.coalesce(func.max(m.ChangeLog.seq), 0)).scalar() or 0)
    finally:
        db.dispose()


def cpu_seconds(pid: int | None = None) -> float:
    """User + system CPU time of a process (this one when `pid` is None): a figure the machine's load
    barely moves, printed beside the wall-clock ones."""
    if pid is None:
        import resource

        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", choices=["postgresql", "sqlite"], default="postgresql")
    ap.add_argument("--visits", type=int, default=4000)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="hall-bench-day-"))
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
    make_catalog(db, 20)
    db.dispose()
    port = free_port()
    center = f"http://127.0.0.1:{port}"
    proc = start_center(url, port, tmp / "center")
    try:
        settings = Settings(data_dir=tmp / "term", keyring_file=tmp / "term" / "secrets.cfg")
        print(
            f"# offline day push on {args.db}; machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}"
        )
        t0 = time.perf_counter()
        term, n_ops = offline_day(settings, center, args.visits)
        print(
            f"(set-up: {args.visits} visits = {n_ops} ops written offline in {time.perf_counter() - t0:.1f} s)"
        )
        seq0 = _change_log_end(url)
        t0 = time.perf_counter()
        cpu0 = (cpu_seconds(), cpu_seconds(proc.pid))
        load0 = os.getloadavg()[0]
        spy = None
        if os.environ.get(
            "BENCH_PYSPY"
        ):  # BENCH_PYSPY=out.txt: the center's stacks during the push (py-spy, raw)
            import subprocess

            spy = subprocess.Popen(
                [
                    "py-spy",
                    "record",
                    "-p",
                    str(proc.pid),
                    "-r",
                    "200",
                    "-f",
                    "raw",
                    "-o",
                    os.environ["BENCH_PYSPY"],
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(1.0)
            t0 = time.perf_counter()
        if os.environ.get("BENCH_PROFILE"):
            import cProfile
            import pstats

            prof = cProfile.Profile()
            report = prof.runcall(term.engine.push_once)  # type: ignore[attr-defined]
            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        else:
            report = term.engine.push_once()  # type: ignore[attr-defined]
        push_s = time.perf_counter() - t0
        if spy is not None:
            import signal

            spy.send_signal(signal.SIGINT)
            spy.wait(30)
        term_cpu, center_cpu = cpu_seconds() - cpu0[0], cpu_seconds(proc.pid) - cpu0[1]
        print(
            f"CPU during the push: terminal {term_cpu:.2f} s, center {center_cpu:.2f} s "
            f"(load average {load0:.1f} before, {os.getloadavg()[0]:.1f} after)"
        )
        assert report.rejected == 0 and report.retry == 0 and report.applied == n_ops, report
        batch = term.engine.batch  # type: ignore[attr-defined]
        tid = term.identity.terminal_id  # type: ignore[attr-defined]
        term.close()  # type: ignore[attr-defined]
        bare: dict[tuple[str, ...], tuple[float, int]] = {}
        for tables in (ALL_TABLES, ENTITY_TABLES):
            if args.db == "postgresql":
                params: dict[str, object] = {"tid": uuid.UUID(tid), "seq": seq0}
                bare[tables] = bare_insert_pg(
                    url.replace("postgresql+psycopg://", "postgresql://"), tables, params, batch
                )
            else:
                bare[tables] = bare_insert_sqlite(
                    url.removeprefix("sqlite:///"), tables, {"tid": uuid.UUID(tid).hex, "seq": seq0}, batch
                )
        (bare_s, n_rows), (entity_s, n_entity) = bare[ALL_TABLES], bare[ENTITY_TABLES]
        ratio = push_s / bare_s
        print(
            f"push of an offline day: {n_ops} ops in {push_s:.2f} s = {n_ops / push_s:,.0f} ops/s   | bare insert "
            f"of the same {n_rows} rows ({', '.join(ALL_TABLES)}): {bare_s:.2f} s   | push / bare = {ratio:.1f}x"
        )
        print(
            f"  stricter baseline, the {n_entity} entity rows only ({', '.join(ENTITY_TABLES)}): {entity_s:.2f} s, "
            f"push / bare = {push_s / entity_s:.1f}x"
        )
        emit(
            f"offline day pushed to the center ({args.db})",
            f"{push_s:.1f} s for {n_ops} ops ({n_ops / push_s:,.0f} ops/s), {ratio:.1f}x the bare insert",
            "<= 15 s and <= 4x the bare insert",
            f"bare insert of the same {n_rows} rows: {bare_s:.2f} s; of the {n_entity} entity rows only: "
            f"{entity_s:.2f} s ({push_s / entity_s:.1f}x) (before: 116 s, 36x)",
        )
    finally:
        proc.terminate()
        proc.wait(10)
        if args.db == "postgresql":
            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
