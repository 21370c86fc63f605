"""The demo hall in a real database, and `hall center` as a real process (migrate, seed, serve)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
from sqlalchemy import func, select

from app.center.seed import seed_demo
from app.domain.catalog import load_catalog
from app.store import models as m
from app.store.catalog_export import catalog_from_session
from tests.support.center import free_port


def test_seed_demo_round_trips_the_catalog(migrated_db) -> None:  # type: ignore[no-untyped-def]
    catalog = load_catalog()
    with migrated_db.write_session() as s:
        counts = seed_demo(s, catalog)
    assert counts["items"] == len(catalog.items) and counts["demo_accounts"] == 14
    with migrated_db.write_session() as s:  # seeding twice adds nothing
        again = seed_demo(s, catalog)
    assert again["demo_accounts"] == 0
    with migrated_db.read_session() as s:
        back = catalog_from_session(s)
        assert {i.code: i for i in back.items} == {i.code: i for i in catalog.items}
        assert [w.categories for w in back.windows] == [w.categories for w in catalog.windows]
        assert s.scalar(select(func.count()).select_from(m.CalendarYear)) >= 20
        clerk = s.scalar(select(m.Staff).where(m.Staff.username == "clerk07"))
        assert clerk is not None and clerk.window_number == 7 and clerk.is_demo
        assert clerk.password_hash and "clerk" not in clerk.password_hash
        # every reference row went into the change log for terminals; no password hash did
        # (imported without passwords, then given the demo's: each staff member's latest row is in the log)
        logged = s.scalars(select(m.ChangeLog.data).where(m.ChangeLog.entity == "staff")).all()  # 14 demo accounts + 14 back-office ones
        assert len({d["id"] for d in logged}) == s.scalar(select(func.count()).select_from(m.Staff)) == 28 and all("password_hash" not in d for d in logged)


def test_hall_center_process_with_demo_data(tmp_path) -> None:  # type: ignore[no-untyped-def]
    port = free_port()
    env = dict(os.environ, HALL_DATA_DIR=str(tmp_path))
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli.main", "center", "--seed-demo", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}/api/v1"
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"{base}/health", timeout=1).json()
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                assert time.monotonic() < deadline, "center did not start"
                time.sleep(0.3)
        assert health["demo"] is True and health["database"] == "sqlite"
        assert (tmp_path / "center.db").exists()  # the embedded default: SQLite in the data dir
        r = httpx.post(f"{base}/auth/login", json={"username": "clerk03", "password": "clerk"})
        assert r.status_code == 200 and r.json()["window"] == 3 and r.json()["demo"] is True
        snap = httpx.get(f"{base}/snapshot", headers={"Authorization": f"Bearer {r.json()['token']}"}).json()
        assert len(snap["windows"]) == 12 and set(snap["waiting"]) == set("ABCDEFGHJ")
    finally:
        proc.terminate()
        proc.wait(10)
    log = (tmp_path / "logs" / "hall-center.log").read_text(encoding="utf-8")
    assert "DEMO ACCOUNTS EXIST" in log
