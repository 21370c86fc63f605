"""Two departments' steps on one 联办件 at the same moment (issue 17), on PostgreSQL where center processes
run them in parallel: the second step waits for the first and works on its outcome, so the last approval
decides the case and the change log's last word on the case is the case's real state (a stale summary
written after another department's 补正 made window 1 see 受理 again)."""

from __future__ import annotations

import dataclasses
import threading
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from app.center import cases as cs
from app.center.seed import seed_demo
from app.counter.service import ApplicantIn
from app.domain.acceptance import Decision
from app.domain.catalog import load_catalog
from app.domain.clock import local_today
from app.store import models as m
from tests.integration.test_cases_center import ZHANG, Api
from tests.support.center import CenterServer
from tests.support.counter import counter_service, counter_terminal


@pytest.fixture
def pg_center(pg_url, tmp_path):  # type: ignore[no-untyped-def]
    from app.demo.day import publish_next_year

    with CenterServer(pg_url, tmp_path / "center") as c:
        with c.db.write_session() as s:
            seed_demo(s, load_catalog())
        publish_next_year(c.url)
        yield c


def _joint_case(center: CenterServer, tmp_path: Path):  # type: ignore[no-untyped-def]
    s1, t1 = counter_terminal(center.url, tmp_path, "counter-1")
    w1 = counter_service(t1, s1, tmp_path / "w1", window=1)
    w1.login("clerk01", "clerk")
    item = w1.search_items("企业设立登记")[0]
    full = [dataclasses.replace(c, originals_received=c.originals_needed, copies_received=c.copies_needed)
            for c in w1.checklist(item)]
    got = w1.accept(ApplicantIn("张三", ZHANG), item, full, Decision.ACCEPT)
    t1.engine.sync_once()
    with center.db.read_session() as s:
        tasks = {t.department.code: t.id for t in s.scalars(select(m.CaseTask).where(m.CaseTask.case_id == got.case_id))}
    return got, tasks, w1, t1


def _meanwhile(center: CenterServer, case_id: uuid.UUID, task_id: uuid.UUID, step, request):  # type: ignore[no-untyped-def]
    """Run `step` in an open transaction of the center's own; while it is open, `request` (a back-office
    call over HTTP) starts and must wait for it; then commit. Returns the request's answer."""
    answer: dict[str, object] = {}
    with center.db.write_session() as s:
        case = cs.load_case(s, case_id)  # not even locked: the step's own writes must hold the other back
        task = s.get(m.CaseTask, task_id)
        who = cs.Actor(task.decided_by, "税务", "backoffice", task.department_id)  # type: ignore[union-attr]
        step(cs.Step(s, lambda *_: None, local_today()), case, task, who)
        th = threading.Thread(target=lambda: answer.update(request().json()))
        th.start()
        time.sleep(1.0)
        assert th.is_alive(), "the second department's step did not wait for the first"
    th.join(20)
    return answer


def test_the_last_of_two_parallel_approvals_decides_the_case(pg_center, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    got, tasks, _, t1 = _joint_case(pg_center, tmp_path)
    scjg = Api(pg_center.url, "bo_scjg", "backoffice")
    answer = _meanwhile(
        pg_center, got.case_id, tasks["SWJ"],
        lambda st, case, task, who: st.decide(case, task, who, True, "同意"),
        lambda: scjg.post(f"/cases/{got.case_id}/tasks/{tasks['SCJG']}/decide", {"decision": "approve"}),
    )
    assert answer["status"] == "approved"  # it saw 税务's approval: every task is decided
    assert scjg.get(f"/cases/{got.case_id}").json()["status"] == "approved"
    t1.close()


def test_a_co_department_decides_while_the_lead_returns_for_correction(pg_center, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    got, tasks, w1, t1 = _joint_case(pg_center, tmp_path)
    swj = Api(pg_center.url, "bo_swj", "backoffice")
    answer = _meanwhile(
        pg_center, got.case_id, tasks["SCJG"],
        lambda st, case, task, who: st.return_for_correction(case, task, who, ["公司章程"], ""),
        lambda: swj.post(f"/cases/{got.case_id}/tasks/{tasks['SWJ']}/decide", {"decision": "approve"}),
    )
    assert answer["status"] == "correction"  # 税务 decided its own task on the case as it now is
    with pg_center.db.read_session() as s:
        last = s.scalars(
            select(m.ChangeLog.data).where(m.ChangeLog.entity == "case_status", m.ChangeLog.entity_id == str(got.case_id))
            .order_by(m.ChangeLog.seq.desc())
        ).first()
    assert last is not None and last["status"] == "correction"
    t1.engine.sync_once()
    assert next(c for c in w1.cases() if c.id == got.case_id).status == "correction"
    t1.close()
