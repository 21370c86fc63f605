"""Cases through real processes (issue 17): two center processes on one PostgreSQL (`hall center`), counter
caches of window 1 (on the first process) and window 3 (on the second). A 联办件 accepted at window 1:
市场监管 and 税务 decide in parallel through different processes, with one 补正 round (the corrected
materials handed in at window 3), then the result is handed out at window 3 and rated; window 1's cache
follows. A 容缺 case is terminated after its date; a 即办件 is completed on the spot and handed out."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from app.counter.service import ApplicantIn
from app.demo.day import publish_next_year
from app.domain.acceptance import Decision
from app.domain.clock import local_today
from app.domain.states import CaseStatus
from app.store import models as m
from app.store.db import Database
from tests.integration.test_center_processes import _start
from tests.support.counter import counter_service, counter_terminal

ZHANG = "11010519491231002X"


class Api:
    def __init__(self, base: str, user: str, password: str, window: int | None = None) -> None:
        r = httpx.post(f"{base}/auth/login", json={"username": user, "password": password, "window": window})
        r.raise_for_status()
        self.http = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {r.json()['token']}"}, timeout=20)

    def get(self, path: str, **params: object) -> object:
        r = self.http.get(path, params=params)
        r.raise_for_status()
        return r.json()

    def post(self, path: str, body: object = None, **params: object) -> dict:  # type: ignore[type-arg]
        r = self.http.post(path, json=body, params=params)
        r.raise_for_status()
        return r.json()  # type: ignore[no-any-return]


@pytest.fixture
def centers(pg_url: str, tmp_path: Path) -> Iterator[list[str]]:
    first, a = _start(pg_url, tmp_path / "center", "--seed-demo")  # one data folder: one field key
    second, b = _start(pg_url, tmp_path / "center")
    try:
        yield [a, b]
    finally:
        for proc in (first, second):
            proc.terminate()
            proc.wait(15)


def _full(svc, item):  # type: ignore[no-untyped-def]
    return [dataclasses.replace(c, originals_received=c.originals_needed, copies_received=c.copies_needed) for c in svc.checklist(item)]


def test_a_joint_case_a_deferral_and_an_immediate_case(centers: list[str], pg_url: str, tmp_path: Path) -> None:
    a, b = centers
    root_a, root_b = a.removesuffix("/api/v1"), b.removesuffix("/api/v1")
    publish_next_year(root_a)  # deadlines late in the year reach into the next
    s1, t1 = counter_terminal(root_a, tmp_path, "counter-1")
    w1 = counter_service(t1, s1, tmp_path / "w1", window=1)
    w1.login("clerk01", "clerk")
    s3, t3 = counter_terminal(root_b, tmp_path, "counter-3")
    w3 = counter_service(t3, s3, tmp_path / "w3", window=3)
    w3.login("clerk03", "clerk")

    # 1. the 联办件 at window 1
    joint = w1.search_items("企业设立登记")[0]
    got = w1.accept(ApplicantIn("张三", ZHANG), joint, _full(w1, joint), Decision.ACCEPT)
    t1.engine.sync_once()
    scjg, swj = Api(b, "bo_scjg", "backoffice"), Api(a, "bo_swj", "backoffice")  # different processes
    lead = next(t for t in scjg.get("/cases/tasks") if t["case_number"] == got.case_number)  # type: ignore[attr-defined]
    co = next(t for t in swj.get("/cases/tasks") if t["case_number"] == got.case_number)  # type: ignore[attr-defined]
    base = f"/cases/{got.case_id}/tasks"
    answers: dict[str, dict] = {}  # type: ignore[type-arg]

    def tax() -> None:
        answers["tax"] = swj.post(f"{base}/{co['id']}/decide", {"decision": "approve", "opinion": "同意"})

    def market() -> None:
        answers["market"] = scjg.post(f"{base}/{lead['id']}/return", {"missing": ["公司章程（全体股东签字）"]})

    threads = [threading.Thread(target=tax), threading.Thread(target=market)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(30)
    assert answers["market"]["status"] == "correction" and answers["tax"]["status"] in ("accepted", "correction")
    t1.engine.sync_once()
    assert next(c for c in w1.cases() if c.id == got.case_id).status == "correction"
    # the applicant brings the corrected 章程 to window 3, which never held the case
    w3.corrections_received(got.case_id)
    assert scjg.post(f"{base}/{lead['id']}/decide", {"decision": "approve", "opinion": "准予登记"})["status"] == "approved"
    # 出件 at window 3, found by the ID card, and rated on the pad
    rows = w3.center_case_rows(ZHANG)
    assert [r.case_number for r in rows] == [got.case_number] and rows[0].status == "approved"
    w3.deliver(got.case_id, "window")
    w3.rate(5)
    t3.engine.sync_once()
    t1.engine.sync_once()
    assert next(c for c in w1.cases() if c.id == got.case_id).status == "delivered"

    # 2. a 容缺 case terminated after its promised date
    checks = _full(w1, joint)
    i = next(n for n, c in enumerate(checks) if c.deferrable)
    promised = w1.calendar().add_working_days(local_today(), 2)
    checks[i] = dataclasses.replace(checks[i], originals_received=0, copies_received=0, deferred_until=promised)
    deferred = w1.accept(ApplicantIn("李四", "440524188001010014"), joint, checks, Decision.DEFER)
    # 3. a 即办件 on the spot
    spot = w1.search_items("个体工商户注册登记")[0]
    done = w1.accept(ApplicantIn("王芳", "36070219920315002X"), spot, _full(w1, spot), Decision.ACCEPT)
    assert done.outcome.status == CaseStatus.APPROVED
    w1.deliver(done.case_id, "window")
    t1.engine.sync_once()
    after = (promised + dt.timedelta(days=1)).isoformat()
    swept = Api(b, "manager", "manager").post("/cases/deferrals/sweep", date=after)
    assert swept["terminated"] == [deferred.case_number]
    t1.engine.sync_once()
    assert next(c for c in w1.cases() if c.id == deferred.case_id).status == "terminated"

    db = Database(pg_url)
    try:
        with db.read_session() as s:
            status = dict(s.execute(select(m.Case.case_number, m.Case.status)).all())
            assert status == {
                got.case_number: CaseStatus.DELIVERED,
                deferred.case_number: CaseStatus.TERMINATED,
                done.case_number: CaseStatus.DELIVERED,
            }
            rating = s.scalar(select(m.Rating).where(m.Rating.case_id == got.case_id))
            assert rating is not None and rating.window_number == 3 and rating.level == 5
            tasks = s.scalars(select(m.CaseTask).where(m.CaseTask.case_id == got.case_id)).all()
            assert sorted(t.status for t in tasks) == ["approved", "approved"]
            assert s.scalars(select(m.CaseTask).where(m.CaseTask.case_id == done.case_id)).all() == []
    finally:
        db.dispose()
    t1.close()
    t3.close()
