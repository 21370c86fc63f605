"""Replication benchmark (issue 3): run `python tests/perf/bench_sync.py [--db sqlite|postgresql]`.

Prints, each beside the same work done by bare SQL on the same database in the same run:
- push of 10,000 outbox operations from a terminal cache to the center (ops/s);
- pull of a whole 1,000-item catalog into an empty terminal cache;
- event latency p50/p95 to 10 WebSocket subscribers (baseline: raw LISTEN/NOTIFY or an in-process queue).
The center runs as a separate process (`hall center`) so client and server do not share a GIL.
"""

from __future__ import annotations

import argparse
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
from pathlib import Path

import httpx
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.center.changelog import publish_reference
from app.config import Settings
from app.domain.states import CaseStatus, ItemKind
from app.store import migrate
from app.store import models as m
from app.store.db import Database
from app.sync.local_records import CaseIn, LocalRecorder
from app.sync.terminal import enroll, open_terminal
from tests.perf.result import emit
from tests.support.center import free_port, seed_minimal

PG_ADMIN = os.environ.get("HALL_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def make_catalog(db: Database, n_items: int = 1000) -> None:
    with db.write_session() as s:
        dept = s.query(m.Department).first()
        cat = s.query(m.Category).first()
        assert dept is not None and cat is not None
        for i in range(n_items):
            item = m.ServiceItem(
                code=f"BENCH-{i:05d}",
                name=f"测试事项{i}号许可",
                department_id=dept.id,
                category_id=cat.id,
                kind=ItemKind.PROMISED,
                legal_days=20,
                promised_days=5,
                legal_basis="《中华人民共和国行政许可法》第三十二条" * 3,
                conditions="符合条件" * 20,
            )
            for j in range(5):
                item.materials.append(m.Material(name=f"材料{j}", position=j, deferrable=j == 4))
            s.add(item)
            s.flush()
            publish_reference(s, item)


def start_center(url: str, port: int, data_dir: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, HALL_DATA_DIR=str(data_dir))
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli.main", "center", "--db", url, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"center did not start: {proc.stderr.read().decode() if proc.stderr else ''}")


def bench_push(url: str, center: str, tmp: Path, n_visits: int = 1667) -> tuple[float, float]:
    settings = Settings(data_dir=tmp / "term", keyring_file=tmp / "term" / "secrets.cfg")
    enroll(settings, center, "counter", "bench-counter", admin_user="admin", admin_password="admin")
    term = open_terminal(settings, "bench-counter", timeout=60)
    term.engine.pull_once()
    rec = LocalRecorder(term.cipher, uuid.UUID(term.identity.terminal_id), "clerk01")
    with term.cache.db.read_session() as s:
        item_id = s.query(m.ServiceItem.id).first()[0]  # type: ignore[index]
    with term.cache.db.write_session() as s:
        for i in range(n_visits):
            a = rec.add_applicant(s, name="测试", id_number="11010519491231002X", phone="13812345678")
            c = rec.add_case(
                s,
                CaseIn(
                    case_number=f"B-{i:06d}",
                    item_id=item_id,
                    applicant_id=a,
                    status=CaseStatus.ACCEPTED,
                    decision="accept",
                    received_on=dt.date(2025, 9, 30),
                ),
            )
            rec.add_rating(s, level=5, case_id=c)
    # only the record ops (applicant, case, rating, transition…) and their audit events: count them
    with term.cache.db.read_session() as s:
        n_ops = s.query(m.OutboxOp).filter(m.OutboxOp.status == "pending").count()
    t0 = time.perf_counter()
    report = term.engine.push_once()
    push_s = time.perf_counter() - t0
    assert report.rejected == 0 and report.retry == 0, report
    term.close()
    ops_s = n_ops / push_s
    # bare SQL: insert as many rows, in batches of 200 per transaction, into a scratch table
    raw = url.replace("postgresql+psycopg://", "postgresql://")
    if raw.startswith("postgresql://"):
        with psycopg.connect(raw) as conn:
            conn.execute("CREATE TABLE bench_raw (id uuid PRIMARY KEY, kind text, payload jsonb)")
            rows = [(uuid.uuid4(), "x", json.dumps({"i": i, "name": "测试"})) for i in range(n_ops)]
            t0 = time.perf_counter()
            for k in range(0, n_ops, 200):
                with conn.transaction(), conn.cursor() as cur:
                    cur.executemany("INSERT INTO bench_raw VALUES (%s, %s, %s)", rows[k : k + 200])
            raw_s = time.perf_counter() - t0
    else:
        import sqlite3

        path = url.removeprefix("sqlite:///")
        conn2 = sqlite3.connect(path, isolation_level=None)
        conn2.execute("PRAGMA journal_mode=WAL")
        conn2.execute("PRAGMA synchronous=FULL")
        conn2.execute("CREATE TABLE bench_raw (id text PRIMARY KEY, kind text, payload text)")
        rows2 = [(str(uuid.uuid4()), "x", json.dumps({"i": i})) for i in range(n_ops)]
        t0 = time.perf_counter()
        for k in range(0, n_ops, 200):
            conn2.execute("BEGIN IMMEDIATE")
            conn2.executemany("INSERT INTO bench_raw VALUES (?, ?, ?)", rows2[k : k + 200])
            conn2.execute("COMMIT")
        raw_s = time.perf_counter() - t0
        conn2.close()
    print(
        f"push: {n_ops} ops in {push_s:.2f} s = {ops_s:,.0f} ops/s   | bare SQL insert of {n_ops} rows: "
        f"{raw_s:.2f} s = {n_ops / raw_s:,.0f} rows/s"
    )
    emit("push of outbox ops to the center", f"{ops_s:,.0f} ops/s ({n_ops} ops)", "", f"bare SQL insert: {n_ops / raw_s:,.0f} rows/s")
    return ops_s, n_ops / raw_s


def bench_pull(url: str, center: str, tmp: Path) -> None:
    settings = Settings(data_dir=tmp / "term2", keyring_file=tmp / "term2" / "secrets.cfg")
    enroll(settings, center, "kiosk", "bench-kiosk", admin_user="admin", admin_password="admin")
    term = open_terminal(settings, "bench-kiosk", timeout=60)
    t0 = time.perf_counter()
    n = term.engine.pull_once()
    pull_s = time.perf_counter() - t0
    with term.cache.db.read_session() as s:
        items = s.query(m.ServiceItem).count()
    term.close()
    db = Database(url)
    t0 = time.perf_counter()
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT seq, entity, entity_id, op, data FROM change_log ORDER BY seq"
        ).all()
        mats = conn.exec_driver_sql("SELECT * FROM materials").all()
    raw_s = time.perf_counter() - t0
    db.dispose()
    print(
        f"pull: {n} changes ({items} items with materials) into an empty cache in {pull_s:.2f} s   | "
        f"bare SQL read of the same {len(rows)} change rows + {len(mats)} materials: {raw_s:.3f} s"
    )
    emit("pull of a catalog into an empty cache", f"{pull_s:.2f} s ({n} changes, {items} items)", "", f"bare SQL read: {raw_s:.3f} s")


def bench_events(url: str, center: str, n_subscribers: int = 10, n_events: int = 100) -> None:
    from websockets.sync.client import connect

    token = httpx.post(
        f"{center}/api/v1/auth/login", json={"username": "manager", "password": "manager"}
    ).json()["token"]
    ws_url = center.replace("http://", "ws://") + f"/api/v1/events?token={token}"
    sockets = [connect(ws_url, legacy=True) for _ in range(n_subscribers)]
    for ws in sockets:
        assert json.loads(ws.recv(timeout=10))["type"] == "snapshot"
    latencies: list[float] = []
    lock = threading.Lock()
    sent: dict[str, float] = {}

    def reader(ws) -> None:  # type: ignore[no-untyped-def]
        for _ in range(n_events):
            ev = json.loads(ws.recv(timeout=30))
            now = time.perf_counter()
            with lock:
                latencies.append(now - sent[ev["data"]["text"]])

    threads = [threading.Thread(target=reader, args=(ws,)) for ws in sockets]
    for t in threads:
        t.start()
    client = httpx.Client(headers={"Authorization": f"Bearer {token}"})
    for i in range(n_events):
        text = f"bench {i}"
        sent[text] = time.perf_counter()
        client.post(f"{center}/api/v1/notices", json={"text": text, "minutes": 1}).raise_for_status()
        time.sleep(0.01)
    for t in threads:
        t.join(60)
    for ws in sockets:
        ws.close()
    ms = [x * 1000 for x in latencies]
    line = (
        f"events: {len(ms)} deliveries to {n_subscribers} subscribers: p50 {statistics.median(ms):.1f} ms, "
        f"p95 {pct(ms, 95):.1f} ms (write + commit + fan-out + WebSocket)"
    )
    raw = url.replace("postgresql+psycopg://", "postgresql://")
    if raw.startswith("postgresql://"):
        listeners = [psycopg.connect(raw, autocommit=True) for _ in range(n_subscribers)]
        for conn in listeners:
            conn.execute("LISTEN bench_raw")
        talker = psycopg.connect(raw, autocommit=True)
        raw_lat: list[float] = []
        for i in range(n_events):
            t0 = time.perf_counter()
            talker.execute("SELECT pg_notify('bench_raw', %s)", (str(i),))
            for conn in listeners:
                next(conn.notifies(timeout=5, stop_after=1))
                raw_lat.append((time.perf_counter() - t0) * 1000)
        for conn in [*listeners, talker]:
            conn.close()
        line += f"   | bare LISTEN/NOTIFY to {n_subscribers} connections: p50 {statistics.median(raw_lat):.1f} ms, p95 {pct(raw_lat, 95):.1f} ms"
    print(line)
    emit("event latency to WebSocket subscribers", line.split(":", 1)[1].split("|")[0].strip(), "p95 < 200 ms", line.split("|")[1].strip() if "|" in line else "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", choices=["postgresql", "sqlite"], default="postgresql")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="hall-bench-"))
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
    make_catalog(db)
    db.dispose()
    port = free_port()
    center = f"http://127.0.0.1:{port}"
    proc = start_center(url, port, tmp / "center")
    try:
        print(
            f"# replication benchmark on {args.db}; machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}"
        )
        bench_pull(url, center, tmp)
        bench_push(url, center, tmp)
        bench_events(url, center)
    finally:
        proc.terminate()
        proc.wait(10)
        if args.db == "postgresql":
            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
