"""A real hall opens: from an empty PostgreSQL database to a called ticket and an accepted case, using only
`hall init`, `hall import` of the sample workbook, `hall enroll` and the API. No demo seed anywhere."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import httpx
from sqlalchemy import select

from app.config import Settings
from app.counter.service import ApplicantIn
from app.domain.acceptance import Decision
from app.domain.states import CaseStatus
from app.paths import resource
from app.store import models as m
from app.sync.terminal import open_terminal
from tests.support.center import CenterServer
from tests.support.counter import counter_service

PASSWORD = "Opening2026hall"
CLERK_PASSWORD = "Window01clerk"


def hall(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "app.cli.main", *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_from_an_empty_database_to_an_accepted_case(pg_url, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    env = dict(os.environ, HALL_DATA_DIR=str(tmp_path / "cli"), HALL_ADMIN_PASSWORD=PASSWORD)
    env.pop("HALL_CONFIG", None)
    env.pop("LC_ALL", None)
    env.update(LANG="en_US.UTF-8")  # an English shell: the command answers in English
    assert "admin chief created" in hall("init", "--db", pg_url, "--admin", "chief", "--hall-code", "LH", env=env)
    refused = subprocess.run(
        [sys.executable, "-m", "app.cli.main", "init", "--db", pg_url, "--admin", "other"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert refused.returncode != 0 and "already has an administrator" in refused.stderr
    assert "71 new" in hall("import", str(resource("catalog", "sample-hall.xlsx")), "--db", pg_url, env=env)

    with CenterServer(pg_url, tmp_path / "center") as center:
        api = f"{center.url}/api/v1"
        # the demo accounts do not exist: admin/admin is refused
        assert httpx.post(f"{api}/auth/login", json={"username": "admin", "password": "admin"}).status_code == 401
        token = httpx.post(f"{api}/auth/login", json={"username": "chief", "password": PASSWORD}).json()["token"]
        admin = {"Authorization": f"Bearer {token}"}
        # the clerk imported from the workbook has no password until the admin sets one
        weak = httpx.post(f"{api}/admin/staff/clerk01/password", json={"password": "clerk"}, headers=admin)
        assert weak.status_code == 422 and weak.json()["error"] == "weak_password"
        httpx.post(f"{api}/admin/staff/clerk01/password", json={"password": CLERK_PASSWORD}, headers=admin).raise_for_status()
        # the test must not depend on the hour: category A takes tickets around the clock
        httpx.put(f"{api}/admin/categories/A", json={"hours": "每天 00:00-24:00"}, headers=admin).raise_for_status()

        counter_dir = tmp_path / "counter-1"
        term_env = dict(env, HALL_DATA_DIR=str(counter_dir), HALL_KEYRING_FILE=str(counter_dir / "secrets.cfg"))
        out = hall("enroll", "--center", center.url, "--kind", "counter", "--name", "counter-1", "--admin", "chief", env=term_env)
        assert "approved" in out
        settings = Settings(data_dir=counter_dir, keyring_file=counter_dir / "secrets.cfg", hall_code="LH")
        term = open_terminal(settings, "counter-1")
        term.engine.sync_once()
        svc = counter_service(term, settings, tmp_path, window=1)
        clerk = svc.login("clerk01", CLERK_PASSWORD)
        assert clerk.window == 1
        svc.open_window()
        ticket = httpx.post(f"{api}/tickets", json={"category": "A"}, headers=admin).json()
        called = svc.call_next()
        assert called is not None and called["number"] == ticket["number"] == "A001"
        svc.start()
        item = svc.search_items("企业变更登记")[0]
        checks = [
            dataclasses.replace(c, originals_received=c.originals_needed, copies_received=c.copies_needed)
            for c in svc.checklist(item)
        ]
        got = svc.accept(ApplicantIn("张三", "11010519491231002X"), item, checks, Decision.ACCEPT)
        assert got.outcome.status == CaseStatus.ACCEPTED and got.case_number.startswith("LH-")
        svc.finish()
        term.engine.sync_once()
        with center.db.read_session() as s:
            case = s.scalar(select(m.Case).where(m.Case.case_number == got.case_number))
            assert case is not None and case.status == CaseStatus.ACCEPTED
            assert not s.scalars(select(m.Staff).where(m.Staff.is_demo.is_(True))).all()
        term.close()
