"""Access that holds: how long a revocation made at one center process takes to be refused at another
(two centers on one PostgreSQL), and what checking the principal's state costs per request.

Baselines in the same run: before, a revoked token kept working until it expired (12 h); checking the
state with a database read on every request (the cache's miss path, timed the same way)."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.center.security import Principal
from app.sync.terminal import enrollment_code
from tests.perf.result import emit
from tests.support.center import CenterServer, seed_minimal

PG_ADMIN = os.environ.get("HALL_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def main() -> None:
    name = f"hall_access_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + f"/{name}"
    tmp = Path(tempfile.mkdtemp(prefix="hall-access-"))
    try:
        with CenterServer(url, tmp / "a") as a, CenterServer(url, tmp / "b") as b:
            seed_minimal(a.db)
            api_a, api_b = a.url + "/api/v1", b.url + "/api/v1"
            admin = httpx.post(f"{api_a}/auth/login", json={"username": "admin", "password": "admin"}).json()["token"]
            hdr = {"Authorization": f"Bearer {admin}"}
            delays: list[float] = []
            for i in range(10):
                cred = f"bench-{i}-" + "z" * 32
                tid = httpx.post(
                    f"{api_a}/terminals/enroll", json={"name": f"k{i}", "kind": "kiosk", "credential": cred}
                ).json()["terminal_id"]
                httpx.post(f"{api_a}/terminals/k{i}/approve", headers=hdr, json={"code": enrollment_code(cred)})
                tok = httpx.post(f"{api_b}/auth/terminal", json={"terminal_id": tid, "credential": cred}).json()["token"]
                kiosk = {"Authorization": f"Bearer {tok}"}
                assert httpx.get(f"{api_b}/queue", headers=kiosk).status_code == 200
                with httpx.Client() as client:
                    httpx.post(f"{api_a}/terminals/k{i}/revoke", headers=hdr).raise_for_status()
                    start = time.perf_counter()
                    while client.get(f"{api_b}/queue", headers=kiosk).status_code == 200:
                        time.sleep(0.002)
                    delays.append(time.perf_counter() - start)
            emit(
                "revocation at one process → refused at another (two center servers, one PostgreSQL)",
                f"median {statistics.median(delays) * 1000:.0f} ms, max {max(delays) * 1000:.0f} ms",
                "≤ 2 s (the access cache's lifetime)",
                "before: the token kept working until it expired, up to 12 h",
            )
            assert b._server is not None
            cache = b._server.config.app.state.ctx.access
            manager_id = None
            with b.db.read_session() as s:
                from sqlalchemy import select

                from app.store import models as m

                manager_id = str(s.scalar(select(m.Staff.id).where(m.Staff.username == "manager")))
            p = Principal(subject="manager", role="manager", name="x", staff_id=manager_id, expires=time.time() + 60)
            cache.check(p)
            n = 2000
            t0 = time.perf_counter()
            for _ in range(n):
                cache.check(p)
            cached = (time.perf_counter() - t0) / n
            t0 = time.perf_counter()
            for _ in range(200):
                cache.invalidate()
                cache.check(p)
            uncached = (time.perf_counter() - t0) / 200
            emit(
                "principal state check per request (cached)",
                f"{cached * 1e6:.1f} µs",
                "no database round trip per request",
                f"a database read per request: {uncached * 1e6:.0f} µs",
            )
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
