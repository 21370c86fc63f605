"""帮办代办 of investment projects (issue 21) at a real center, on SQLite and PostgreSQL: a manager registers a
project with its 代办员 and a 37-working-day target; the agent takes it through the four stages of
工程建设项目审批 one after another, with dates and case numbers; the working days are counted on the hall's
calendar (a weekend inside a stage does not count); out-of-order steps are refused with the catalogue's
words (409), roles are enforced (403), and every step is in the center's audit chain."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from app.center.seed import seed_demo
from app.domain.catalog import load_catalog
from app.domain.clock import local_today
from app.store import models as m
from tests.integration.test_cases_center import Api
from tests.support.center import CenterServer


@pytest.fixture
def center(db_url, tmp_path):  # type: ignore[no-untyped-def]
    from app.demo.day import publish_next_year

    with CenterServer(db_url, tmp_path / "center") as c:
        with c.db.write_session() as s:
            seed_demo(s, load_catalog())
        publish_next_year(c.url)
        yield c


def _monday_weeks_ago(weeks: int) -> dt.date:
    today = local_today()
    return today - dt.timedelta(days=today.weekday() + 7 * weeks)


def test_a_project_through_its_stages(center, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mgr, clerk = Api(center.url, "manager", "manager"), Api(center.url, "clerk01", "clerk", window=1)
    bo = Api(center.url, "bo_scjg", "backoffice")
    body = {"name": "年产10万吨饲料加工项目", "company": "赣州某饲料有限公司", "credit_code": "91360702MA35A1B2C3",
            "agent": "clerk01", "target_days": 37}
    assert bo.post("/agency/projects", body).status_code == 403  # a department decides cases, not projects
    assert mgr.post("/agency/projects", {**body, "agent": "nobody"}).json()["code"] == "project_agent_unknown"
    bad = mgr.post("/agency/projects", {**body, "stages": ["立项", "立项"]})
    assert bad.status_code == 422 and bad.json()["code"] == "project_stage_names"
    r = mgr.post("/agency/projects", body)
    assert r.status_code == 201, r.text
    p = r.json()
    year = local_today().year
    assert p["code"] == f"XM{year}-0001" and p["agent_name"] and p["light"] == "" and p["days_used"] == 0
    assert [s["name"] for s in p["stages"]] == ["立项用地规划许可", "工程建设许可", "施工许可", "竣工验收"]
    assert mgr.post("/agency/projects", body).json()["code"] == f"XM{year}-0002"
    pid = p["id"]

    # out of order: the second stage before the first, finishing what has not started
    r = clerk.post(f"/agency/projects/{pid}/stages/2/start", {})
    assert r.status_code == 409 and r.json()["code"] == "stage_before_open"
    assert "立项用地规划许可" in r.json()["message"]
    assert clerk.post(f"/agency/projects/{pid}/stages/1/done", {}).json()["code"] == "stage_not_active"
    assert clerk.post(f"/agency/projects/{pid}/stages/9/start", {}).status_code == 404

    # stage 1: Monday to Friday of a past week (5 working days); stage 2 from the next Monday to Tuesday
    # (2: the weekend between does not count); stage 3 under way since that Wednesday
    mon = _monday_weeks_ago(3)
    steps = [
        (1, "start", mon, None), (1, "done", mon + dt.timedelta(days=4), "H01-20260101-01-0001"),
        (2, "start", mon + dt.timedelta(days=7), None), (2, "done", mon + dt.timedelta(days=8), None),
        (3, "start", mon + dt.timedelta(days=9), None),
    ]
    cal_check = None
    for pos, what, on, case in steps:
        r = clerk.post(f"/agency/projects/{pid}/stages/{pos}/{what}", {"on": on.isoformat(), "case_number": case})
        assert r.status_code == 200, r.text
        cal_check = r.json()
    assert cal_check is not None
    st = cal_check["stages"]
    assert [s["status"] for s in st] == ["done", "done", "active", "pending"]
    assert st[0]["case_number"] == "H01-20260101-01-0001"
    with center.db.read_session() as s:
        from app.store.calendar_store import load_calendar

        cal = load_calendar(s)
    week = [mon + dt.timedelta(days=i) for i in range(5)]
    assert st[0]["days"] == sum(cal.is_workday(d) for d in week)  # 5 unless a holiday fell in that week
    assert st[1]["days"] == sum(cal.is_workday(mon + dt.timedelta(days=i)) for i in (7, 8))
    assert cal_check["current"] == "施工许可" and not cal_check["done"]
    assert cal_check["days_used"] == sum(s["days"] for s in st)
    assert cal_check["light"] in ("green", "yellow", "red") and cal_check["due"]
    # a stage cannot end before it began, nor start before the one before it ended
    r = clerk.post(f"/agency/projects/{pid}/stages/3/done", {"on": (mon + dt.timedelta(days=8)).isoformat()})
    assert r.status_code == 409 and r.json()["code"] == "stage_date_order"

    listed = bo.get("/agency/projects").json()  # every staff member sees where projects stand
    assert [x["code"] for x in listed] == [f"XM{year}-0002", f"XM{year}-0001"]
    assert bo.get(f"/agency/projects/{pid}").json()["current"] == "施工许可"
    with center.db.read_session() as s:
        actions = list(s.scalars(select(m.AuditEvent.action).where(m.AuditEvent.object_id == p["code"])))
    assert actions == ["agency.project"] + ["agency.stage_start", "agency.stage_done"] * 2 + ["agency.stage_start"]
