"""What follows the back office's steps (issue 17), on SQLite and PostgreSQL, through a real center and a
real counter cache: a failed 核查 of a 告知承诺 sends the case to 补正 for the proofs (the approval waits
for them), or, after the decision, records the finding for the department's follow-up; the accepting
window's own 补正 (asked and received at the counter, local first) makes the back office's tasks wait and
then reopens them with the restarted deadline; a 一次性告知 case accepted later, when the materials are
brought, goes to its departments and into the day's received count."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from app.center.case_stats import case_report
from app.center.seed import seed_demo
from app.counter.service import ApplicantIn
from app.domain.acceptance import Decision
from app.domain.catalog import load_catalog
from app.domain.clock import local_today
from app.domain.states import CaseStatus
from app.store import models as m
from tests.integration.test_cases_center import LI, ZHANG, Api
from tests.support.center import CenterServer
from tests.support.counter import counter_service, counter_terminal


@pytest.fixture
def center(db_url, tmp_path):  # type: ignore[no-untyped-def]
    from app.demo.day import publish_next_year

    with CenterServer(db_url, tmp_path / "center") as c:
        with c.db.write_session() as s:
            seed_demo(s, load_catalog())
        publish_next_year(c.url)
        yield c


@pytest.fixture
def window1(center, tmp_path):  # type: ignore[no-untyped-def]
    s1, t1 = counter_terminal(center.url, tmp_path, "counter-1")
    w1 = counter_service(t1, s1, tmp_path / "w1", window=1)
    w1.login("clerk01", "clerk")
    yield w1, t1
    t1.close()


def _full(svc, item):  # type: ignore[no-untyped-def]
    return [dataclasses.replace(c, originals_received=c.originals_needed, copies_received=c.copies_needed)
            for c in svc.checklist(item)]


def _committed(w1, t1):  # type: ignore[no-untyped-def]
    item = w1.search_items("企业变更登记")[0]
    checks = _full(w1, item)
    checks[-1] = dataclasses.replace(checks[-1], originals_received=0, copies_received=0, promise=True)
    got = w1.accept(ApplicantIn("钱多", "11010119900307803X"), item, checks, Decision.ACCEPT, print_documents=False)
    t1.engine.sync_once()
    return got, checks[-1].name


def _tasks(api: Api, case_id) -> dict[str, dict]:  # type: ignore[no-untyped-def,type-arg]
    return {t["kind"]: t for t in api.get(f"/cases/{case_id}").json()["tasks"]}


def test_a_failed_check_before_the_decision_asks_for_the_proofs(center, window1, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w1, t1 = window1
    got, promised = _committed(w1, t1)
    scjg = Api(center.url, "bo_scjg", "backoffice")
    tasks = _tasks(scjg, got.case_id)
    base = f"/cases/{got.case_id}/tasks"
    r = scjg.post(f"{base}/{tasks['verify']['id']}/verify", {"holds": False, "opinion": "授权委托书系伪造"})
    assert r.status_code == 200 and r.json()["status"] == "correction"
    detail = scjg.get(f"/cases/{got.case_id}").json()
    assert [t["status"] for t in detail["tasks"] if t["kind"] == "approve"] == ["returned"]
    assert any(promised in x and "不实" in x for x in detail["correction"])
    assert [h["step"] for h in detail["history"]][-2:] == ["verify", "correction"]
    r = scjg.post(f"{base}/{tasks['approve']['id']}/decide", {"decision": "approve"})
    assert r.status_code == 409 and r.json()["error"] == "waiting_correction"  # not before the proofs
    paper = scjg.get(f"/cases/{got.case_id}/papers/correction.pdf")
    text = subprocess.run(["pdftotext", "-", "-"], input=paper.content, capture_output=True, check=True).stdout.decode()
    assert promised[:6] in "".join(text.split())
    # the window follows; the applicant brings the proofs to it: the approval is open again, then decided
    t1.engine.sync_once()
    assert next(c for c in w1.cases() if c.id == got.case_id).status == "correction"
    w1.corrections_received(got.case_id)
    t1.engine.sync_once()
    assert _tasks(scjg, got.case_id)["approve"]["status"] == "open"
    assert scjg.post(f"{base}/{tasks['approve']['id']}/decide", {"decision": "approve"}).json()["status"] == "approved"


def test_a_failed_check_after_the_decision_is_kept_for_follow_up(center, window1) -> None:  # type: ignore[no-untyped-def]
    w1, t1 = window1
    got, _ = _committed(w1, t1)
    scjg = Api(center.url, "bo_scjg", "backoffice")
    tasks = _tasks(scjg, got.case_id)
    base = f"/cases/{got.case_id}/tasks"
    assert scjg.post(f"{base}/{tasks['approve']['id']}/decide", {"decision": "approve"}).json()["status"] == "approved"
    r = scjg.post(f"{base}/{tasks['verify']['id']}/verify", {"holds": False, "opinion": "住所证明不实"})
    assert r.status_code == 200 and r.json()["status"] == "approved"  # the decision stands …
    detail = scjg.get(f"/cases/{got.case_id}").json()
    assert "撤销" in detail["follow_up"]  # … with the finding for the department's 撤销 / 责令整改
    assert _tasks(scjg, got.case_id)["verify"]["status"] == "failed"


def test_the_windows_own_correction_holds_and_reopens_the_tasks(center, window1) -> None:  # type: ignore[no-untyped-def]
    w1, t1 = window1
    joint = w1.search_items("企业设立登记")[0]
    got = w1.accept(ApplicantIn("张三", ZHANG), joint, _full(w1, joint), Decision.ACCEPT, print_documents=False)
    t1.engine.sync_once()
    scjg, swj = Api(center.url, "bo_scjg", "backoffice"), Api(center.url, "bo_swj", "backoffice")
    lead = next(t for t in scjg.get(f"/cases/{got.case_id}").json()["tasks"] if t["department_code"] == "SCJG")
    # the back office returns it; window 1 (which holds the case) receives the corrections, offline first
    base = f"/cases/{got.case_id}/tasks"
    assert scjg.post(f"{base}/{lead['id']}/return", {"missing": ["公司章程"]}).json()["status"] == "correction"
    t1.engine.sync_once()
    w1.staff.token = None  # local first: the op goes when it can
    due = w1.corrections_received(got.case_id)
    assert t1.engine.sync_once().rejected_ops == 0
    detail = scjg.get(f"/cases/{got.case_id}").json()
    assert detail["status"] == "accepted" and detail["received_on"] == local_today().isoformat()
    assert {t["department_code"]: (t["status"], t["due_date"]) for t in detail["tasks"]} == {
        "SCJG": ("open", due.isoformat()), "SWJ": ("open", due.isoformat())}
    # the window itself asks for a correction: the departments' approvals wait for it, then reopen
    w1.request_correction(got.case_id, ["住所使用证明"])
    t1.engine.sync_once()
    assert {t["status"] for t in scjg.get(f"/cases/{got.case_id}").json()["tasks"]} == {"returned"}
    co = next(t for t in swj.get(f"/cases/{got.case_id}").json()["tasks"] if t["department_code"] == "SWJ")
    assert swj.post(f"{base}/{co['id']}/decide", {"decision": "approve"}).status_code == 409
    w1.corrections_received(got.case_id)
    t1.engine.sync_once()
    assert {t["status"] for t in scjg.get(f"/cases/{got.case_id}").json()["tasks"]} == {"open"}
    assert swj.post(f"{base}/{co['id']}/decide", {"decision": "approve"}).json()["status"] == "accepted"


def test_a_notice_then_the_materials_accepted_at_the_window(center, window1) -> None:  # type: ignore[no-untyped-def]
    w1, t1 = window1
    joint = w1.search_items("企业设立登记")[0]
    checks = _full(w1, joint)
    checks[0] = dataclasses.replace(checks[0], originals_received=0, copies_received=0)
    got = w1.accept(ApplicantIn("李四", LI), joint, checks, Decision.NOTIFY, print_documents=False)
    assert got.outcome.status == CaseStatus.NOTIFIED
    t1.engine.sync_once()
    today = local_today()
    with center.db.read_session() as s:
        before = case_report(s, today, today)["total"]
        assert s.scalars(select(m.CaseTask).where(m.CaseTask.case_id == got.case_id)).all() == []
    assert (before["received"], before["notified"]) == (0, 1)
    w1.corrections_received(got.case_id)  # the applicant brings what the notice listed
    t1.engine.sync_once()
    scjg = Api(center.url, "bo_scjg", "backoffice")
    detail = scjg.get(f"/cases/{got.case_id}").json()
    assert detail["status"] == "accepted" and {t["department_code"] for t in detail["tasks"]} == {"SCJG", "SWJ"}
    assert all(mt["state"] == "received" for mt in detail["materials"])
    with center.db.read_session() as s:
        after = case_report(s, today, today)["total"]
        case = s.get(m.Case, got.case_id)
        assert case is not None and case.accepted_at is not None
    assert (after["received"], after["notified"], after["in_progress"]) == (1, 1, 1)


def test_a_notice_and_its_acceptance_in_one_push_batch(center, window1) -> None:  # type: ignore[no-untyped-def]
    """The counter was offline: the 一次性告知 and the later acceptance reach the center in one batch; the
    case still goes to its departments with every material received."""
    w1, t1 = window1
    joint = w1.search_items("企业设立登记")[0]
    checks = _full(w1, joint)
    checks[0] = dataclasses.replace(checks[0], originals_received=0, copies_received=0)
    got = w1.accept(ApplicantIn("李四", LI), joint, checks, Decision.NOTIFY, print_documents=False)
    w1.corrections_received(got.case_id)  # no sync in between: both ops wait in the outbox
    t1.engine.sync_once()
    scjg = Api(center.url, "bo_scjg", "backoffice")
    detail = scjg.get(f"/cases/{got.case_id}").json()
    assert detail["status"] == "accepted" and {t["department_code"] for t in detail["tasks"]} == {"SCJG", "SWJ"}
    assert all(mt["state"] == "received" for mt in detail["materials"])
