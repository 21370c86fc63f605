"""The manager's view: supervision lights of open cases, a bad rating's rectification with its call-back,
and day/month reports as JSON and CSV — on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import uuid

import httpx
import pytest
from sqlalchemy import select

from app.domain.clock import HALL_TZ, local_today
from app.domain.states import CaseStatus
from app.store import models as m
from app.store.calendar_store import load_calendar
from app.sync.local_records import CaseIn, LocalRecorder
from tests.integration.test_replication import make_terminal
from tests.support.center import CenterServer, seed_minimal


@pytest.fixture
def center(db_url, tmp_path):  # type: ignore[no-untyped-def]
    with CenterServer(db_url, tmp_path / "c") as c:
        seed_minimal(c.db)
        yield c


def manager(url: str) -> httpx.Client:
    token = httpx.post(
        f"{url}/api/v1/auth/login", json={"username": "manager", "password": "manager"}
    ).json()["token"]
    return httpx.Client(base_url=f"{url}/api/v1", headers={"Authorization": f"Bearer {token}"})


def test_lights_rectification_and_reports(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    today = local_today()
    received_on = today - dt.timedelta(days=10)  # the report of that month counts them, whatever today is
    with center.db.read_session() as s:
        cal = load_calendar(s)
    dues = {
        "C-RED": today - dt.timedelta(days=3),
        "C-YELLOW": cal.add_working_days(today, 1),
        "C-GREEN": cal.add_working_days(today, 8),
    }
    counter = make_terminal(center, tmp_path)
    counter.engine.sync_once()
    rec = LocalRecorder(counter.cipher, uuid.UUID(counter.identity.terminal_id), "clerk01")
    with counter.cache.db.write_session() as s:
        item = s.scalars(select(m.ServiceItem)).first()
        assert item is not None
        for number, due in dues.items():
            a = rec.add_applicant(s, name="王五", id_number="11010519491231002X")
            case = rec.add_case(
                s,
                CaseIn(
                    case_number=number,
                    item_id=item.id,
                    applicant_id=a,
                    status=CaseStatus.ACCEPTED,
                    decision="accept",
                    received_on=received_on,
                    due_date=due,
                    window_number=1,
                ),
            )
            if number == "C-RED":
                rec.add_rating(
                    s,
                    level=1,
                    case_id=case,
                    window_number=1,
                    reasons=["等候时间长", "态度不好"],
                    comment="排了一上午",
                )
    assert counter.engine.sync_once().pending_ops == 0
    mgr = manager(center.url)
    sup = mgr.get("/supervision").json()
    assert sup["counts"]["red"] == 1 and sup["counts"]["yellow"] == 1 and sup["counts"]["green"] == 1
    assert sup["red"][0]["case_number"] == "C-RED" and sup["red"][0]["working_days_left"] < 0

    rects = mgr.get("/rectifications").json()
    assert len(rects) == 1 and rects[0]["rating_level"] == 1 and "态度不好" in rects[0]["reasons"]
    deadline = dt.date.fromisoformat(rects[0]["deadline"])
    assert cal.working_days_between(today, deadline) == 10  # supervision.rectification_working_days
    rid = rects[0]["id"]
    early = mgr.post(f"/rectifications/{rid}", json={"status": "done"})
    assert early.status_code == 409 and early.json()["code"] == "rectification_incomplete" and "call-back" in early.json()["message"]
    mgr.post(f"/rectifications/{rid}", json={"measures": "增开综合窗口，高峰期引导分流"}).raise_for_status()
    mgr.post(
        f"/rectifications/{rid}", json={"callback_result": "已电话回访，群众表示理解"}
    ).raise_for_status()
    assert mgr.post(f"/rectifications/{rid}", json={"status": "done"}).json()["status"] == "done"
    assert mgr.get("/rectifications").json() == []

    rep = mgr.get("/reports").json()
    assert rep["ratings"]["ratings"] == 1 and rep["ratings"]["bad_ratings"] == 1
    assert rep["ratings"]["satisfaction_rate"] == 0.0
    with center.db.read_session() as s:  # cases are dated by their acceptance: the month it happened in
        accepted = s.scalar(select(m.Case.accepted_at).where(m.Case.case_number == "C-RED"))
    assert accepted is not None
    month = mgr.get("/reports", params={"month": accepted.astimezone(HALL_TZ).strftime("%Y-%m")}).json()
    assert month["from"].endswith("-01") and len(month["days"]) >= 28
    assert month["cases"]["received"] == 3
    csv = mgr.get("/reports", params={"format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert "好差评" in csv.text and "满意率" in csv.text
    counter.close()
