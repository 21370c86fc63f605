"""What a hall's operations team relies on: readiness that sees the database, Prometheus metrics that
count the hall's real figures, and `hall backup` / `hall restore` of a SQLite center while it serves."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from app.store import migrate
from tests.integration.test_queue_api import Api
from tests.support.center import CenterServer, seed_minimal


@pytest.fixture
def center(db_url, tmp_path):  # type: ignore[no-untyped-def]
    with CenterServer(db_url, tmp_path) as c:
        seed_minimal(c.db)
        yield c


def samples(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    r = httpx.get(f"{url}/api/v1/metrics")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    out = {}
    for family in text_string_to_metric_families(r.text):
        for s in family.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


def test_ready_and_metrics_count_the_hall(center) -> None:  # type: ignore[no-untyped-def]
    ready = httpx.get(f"{center.url}/api/v1/ready")
    assert ready.status_code == 200 and ready.json()["ready"] is True
    assert ready.json()["schema"] == migrate.head_revision()
    mgr = Api(center.url, "manager", "manager")
    clerk = Api(center.url, "clerk01", "clerk", 1)
    clerk.post("/windows/1/open").raise_for_status()
    for _ in range(3):
        assert mgr.post("/tickets", category="A").status_code == 201
    assert mgr.post("/tickets", category="B").status_code == 201
    assert clerk.post("/windows/1/call-next").status_code == 200
    got = samples(center.url)
    a = (("category", "A 企业开办"),)
    b = (("category", "B 不动产登记"),)
    assert got[("hall_tickets_issued_today", a)] == 3 and got[("hall_tickets_issued_today", b)] == 1
    assert got[("hall_tickets_waiting", a)] == 2 and got[("hall_tickets_called_today", a)] == 1
    calls = [
        v
        for (name, labels), v in got.items()
        if name == "hall_http_request_seconds_count" and dict(labels).get("route", "").endswith("/call-next")
    ]
    assert calls == [1.0]
    assert not any("11010" in k[0] or "11010" in str(k[1]) for k in got)  # no personal data


def test_ready_refuses_a_schema_behind_the_code(center) -> None:  # type: ignore[no-untyped-def]
    with center.db.engine.begin() as conn:  # as if the database were restored from an older release
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    r = httpx.get(f"{center.url}/api/v1/ready")
    assert r.status_code == 503 and "schema at 0001" in r.json()["reason"]
    assert httpx.get(f"{center.url}/api/v1/health").status_code == 200  # alive, not ready


def hall(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HALL_")}
    env["HALL_DATA_DIR"] = str(cwd)
    return subprocess.run(
        [sys.executable, "-m", "app.cli.main", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def tickets_in(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM tickets").fetchone()[0])


def test_backup_while_serving_then_restore(tmp_path: Path) -> None:
    db_file = tmp_path / "center.db"
    with CenterServer(f"sqlite:///{db_file}", tmp_path) as c:
        seed_minimal(c.db)
        mgr = Api(c.url, "manager", "manager")
        for _ in range(2):
            mgr.post("/tickets", category="A").raise_for_status()
        backup = tmp_path / "nightly.db"
        done = hall("backup", str(backup), "--db", f"sqlite:///{db_file}", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "backup written" in done.stdout and tickets_in(backup) == 2
        again = hall("backup", str(backup), "--db", f"sqlite:///{db_file}", cwd=tmp_path)
        assert again.returncode == 3 and "exists already" in again.stderr
        mgr.post("/tickets", category="A").raise_for_status()  # the center went on serving
        assert tickets_in(db_file) == 3
    restored = hall("restore", str(backup), "--db", f"sqlite:///{db_file}", cwd=tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert tickets_in(db_file) == 2
    kept = [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]
    assert len(kept) == 1 and tickets_in(kept[0]) == 3  # nothing is lost by a restore either
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    bad = hall("restore", str(junk), "--db", f"sqlite:///{db_file}", cwd=tmp_path)
    assert bad.returncode == 6 and "not a SQLite database" in bad.stderr
    assert tickets_in(db_file) == 2


def test_backup_of_postgresql_points_to_pg_dump(tmp_path: Path) -> None:
    done = hall("backup", "--db", "postgresql+psycopg://hall@db.invalid/hall", cwd=tmp_path)
    assert done.returncode == 3 and "pg_dump" in done.stderr
