"""Cases at the center (issue 17), on SQLite and PostgreSQL, through a real center and real counter caches:
a 联办件 accepted at window 1 starts a task for the lead and the co-department at once; both departments
decide in parallel over the API, with one 补正 round that restarts the clock; the result is found and
handed out at window 3 (by ID card, case number or the notice's QR text) and rated; the accepting window's
cache follows the center. A 容缺 case is reminded and then terminated after its date; a 即办件 is
completed on the spot and starts no task. Roles and states are enforced (403 / 409, never 500)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from app.center.seed import seed_demo
from app.counter.service import ApplicantIn
from app.domain.acceptance import Decision
from app.domain.catalog import load_catalog
from app.domain.clock import local_today
from app.domain.states import CaseStatus
from app.errors import HallError
from app.store import models as m
from tests.support.center import CenterServer
from tests.support.counter import counter_service, counter_terminal

ZHANG = "11010519491231002X"
LI = "440524188001010014"


def pdf_text(data: bytes, tmp: Path) -> str:
    f = tmp / "x.pdf"
    f.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(f), "-"], capture_output=True, text=True, check=True).stdout


class Api:
    def __init__(self, base: str, user: str, password: str, window: int | None = None) -> None:
        r = httpx.post(f"{base}/api/v1/auth/login", json={"username": user, "password": password, "window": window})
        r.raise_for_status()
        self.http = httpx.Client(base_url=f"{base}/api/v1", headers={"Authorization": f"Bearer {r.json()['token']}"})

    def get(self, path: str, **params: object) -> httpx.Response:
        return self.http.get(path, params=params)

    def post(self, path: str, body: object = None, **params: object) -> httpx.Response:
        return self.http.post(path, json=body, params=params)


@pytest.fixture
def center(db_url, tmp_path):  # type: ignore[no-untyped-def]
    from app.demo.day import publish_next_year

    with CenterServer(db_url, tmp_path / "center") as c:
        with c.db.write_session() as s:
            seed_demo(s, load_catalog())
        publish_next_year(c.url)
        yield c


def _full(svc, item):  # type: ignore[no-untyped-def]
    return [dataclasses.replace(c, originals_received=c.originals_needed, copies_received=c.copies_needed) for c in svc.checklist(item)]


def test_joint_case_from_window_1_to_window_3(center, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    s1, t1 = counter_terminal(center.url, tmp_path, "counter-1")
    w1 = counter_service(t1, s1, tmp_path / "w1", window=1)
    w1.login("clerk01", "clerk")
    item = w1.search_items("企业设立登记")[0]
    assert item.kind == "joint"
    got = w1.accept(ApplicantIn("张三", ZHANG, phone="13812345678"), item, _full(w1, item), Decision.ACCEPT)
    assert got.outcome.status == CaseStatus.ACCEPTED
    with pytest.raises(HallError, match="back office"):
        w1.complete(got.case_id, approved=True)  # the accepting clerk no longer decides
    t1.engine.sync_once()

    scjg, swj = Api(center.url, "bo_scjg", "backoffice"), Api(center.url, "bo_swj", "backoffice")
    clerk3 = Api(center.url, "clerk03", "clerk", window=3)
    lead = [t for t in scjg.get("/cases/tasks").json() if t["case_number"] == got.case_number]
    co = [t for t in swj.get("/cases/tasks").json() if t["case_number"] == got.case_number]
    assert len(lead) == 1 and lead[0]["lead"] and lead[0]["department_code"] == "SCJG"
    assert len(co) == 1 and not co[0]["lead"] and co[0]["department_code"] == "SWJ"
    assert lead[0]["due_date"] == got.outcome.due_date.isoformat() and lead[0]["light"] in ("green", "yellow")
    assert lead[0]["applicant"] == "张**"
    case_id, lead_id, co_id = got.case_id, lead[0]["id"], co[0]["id"]

    detail = scjg.get(f"/cases/{case_id}").json()
    assert detail["applicant"]["id_number"] == "110105********002X" and ZHANG not in str(detail)
    assert {t["department_code"] for t in detail["tasks"]} == {"SCJG", "SWJ"}  # the lead sees all
    assert [h["step"] for h in detail["history"]] == ["accept", "dispatch"]
    assert "受理通知书" in detail["notices"]

    # roles: another department's task, a clerk deciding, a manager deciding
    assert swj.post(f"/cases/{case_id}/tasks/{lead_id}/decide", {"decision": "approve"}).status_code == 403
    assert clerk3.post(f"/cases/{case_id}/tasks/{lead_id}/decide", {"decision": "approve"}).status_code == 403
    assert scjg.post(f"/cases/{case_id}/tasks/{lead_id}/decide", {"decision": "deny"}).status_code == 422  # no reason
    assert clerk3.post(f"/cases/{case_id}/deliver", {"method": "window"}).status_code == 409  # not decided yet

    # in parallel: 税务 approves; 市场监管 writes an opinion, returns for correction
    assert swj.post(f"/cases/{case_id}/tasks/{co_id}/decide", {"decision": "approve", "opinion": "同意"}).status_code == 200
    assert scjg.post(f"/cases/{case_id}/tasks/{lead_id}/opinion", {"text": "章程缺股东签字"}).status_code == 200
    r = scjg.post(f"/cases/{case_id}/tasks/{lead_id}/return", {"missing": ["公司章程（全体股东签字）"]})
    assert r.status_code == 200 and r.json()["status"] == "correction"
    # the accepting window's cache follows the center; its own late step is refused with a reason
    t1.engine.sync_once()
    row = next(c for c in w1.cases() if c.id == case_id)
    assert row.status == "correction"
    paper = w1.center_paper(case_id, "correction", got.case_number)
    assert "公司章程（全体股东签字）" in subprocess.run(["pdftotext", str(paper), "-"], capture_output=True, text=True).stdout
    # the applicant brings it to window 3 (this counter never held the case): the clock restarts
    s3, t3 = counter_terminal(center.url, tmp_path, "counter-3")
    w3 = counter_service(t3, s3, tmp_path / "w3", window=3)
    w3.login("clerk03", "clerk")
    with pytest.raises(HallError, match="Another window accepted"):
        w3.request_correction(case_id, ["x"])  # was a raw KeyError
    later = got.outcome.due_date  # a working day after today (today + 1 may be a Saturday: same due date)
    assert later is not None and later > local_today()
    r = clerk3.post(f"/cases/{case_id}/corrected", date=later.isoformat())
    assert r.status_code == 200 and r.json()["status"] == "accepted"
    lead = next(t for t in scjg.get("/cases/tasks").json() if t["id"] == lead_id)
    assert lead["status"] == "open"
    with center.db.read_session() as s:
        case = s.get(m.Case, case_id)
        assert case is not None and case.received_on == later
        restarted = case.due_date
        assert restarted is not None and restarted > got.outcome.due_date
    assert lead["due_date"] == restarted.isoformat()
    # still undecided until the lead decides; then 准予 and the decision notice
    assert scjg.get(f"/cases/{case_id}").json()["status"] == "accepted"
    r = scjg.post(f"/cases/{case_id}/tasks/{lead_id}/decide", {"decision": "approve", "opinion": "符合条件，准予登记"})
    assert r.json()["status"] == "approved"
    assert scjg.post(f"/cases/{case_id}/tasks/{lead_id}/decide", {"decision": "approve"}).status_code == 409
    pdf = scjg.get(f"/cases/{case_id}/papers/decision.pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = pdf_text(pdf.content, tmp_path)
    assert "决定书" in text or "办理结果通知书" in text
    assert "110105********002X" in text and ZHANG not in text and "符合条件，准予登记" in text

    # 出件 at window 3: found by ID card, by case number and by the QR text of the notice
    assert [c["case_number"] for c in w3.find_center_cases(ZHANG)] == [got.case_number]
    assert w3.find_center_cases(got.case_number)[0]["status"] == "approved"
    assert w3.find_center_cases(w1.qr_for(got.case_number, ZHANG))[0]["id"] == str(case_id)
    assert w3.find_center_cases(w1.qr_for(got.case_number, LI)) == []  # a QR of someone else's paper
    slip = w3.deliver(case_id, "express", "SF0000000001")
    assert slip is not None and slip.exists()
    w3.rate(5)
    t3.engine.sync_once()
    with center.db.read_session() as s:
        case = s.get(m.Case, case_id)
        assert case is not None and case.status == CaseStatus.DELIVERED and case.tracking_number == "SF0000000001"
        rating = s.scalar(select(m.Rating).where(m.Rating.case_id == case_id))
        assert rating is not None and rating.level == 5 and rating.window_number == 3
        steps = list(s.scalars(select(m.CaseTransition.step).where(m.CaseTransition.case_id == case_id)
                               .order_by(m.CaseTransition.at)))
        assert steps == [None, "dispatch", "approve", "opinion", "correction", "corrected", "approve", "decided", "deliver"]
        clocks = list(s.scalars(select(m.CaseTransition.clock_days).where(m.CaseTransition.case_id == case_id)))
        assert all(c is not None and c >= 0 for c in clocks[1:])
    # window 1, cut off before it heard of the decision, records a late local step of its own: the
    # center refuses it with its reason (not a 500), and the cache then follows the center
    w1.staff.token = None  # offline: local first
    w1.corrections_received(case_id)
    report = t1.engine.sync_once()
    assert report.rejected_ops == 1 and "delivered" in report.rejected[-1]
    assert next(c for c in w1.cases() if c.id == case_id).status == "delivered"
    with pytest.raises(HallError, match="cannot become"):
        w1.deliver(case_id, "window")  # its own state machine now refuses too
    t1.close()
    t3.close()


def test_deferred_case_reminded_then_terminated(center, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    s1, t1 = counter_terminal(center.url, tmp_path, "counter-1")
    w1 = counter_service(t1, s1, tmp_path / "w1", window=1)
    w1.login("clerk01", "clerk")
    item = w1.search_items("企业设立登记")[0]
    checks = _full(w1, item)
    deferrable = next(c for c in checks if c.deferrable)
    promised = w1.calendar().add_working_days(local_today(), 3)
    checks = [dataclasses.replace(c, originals_received=0, copies_received=0, deferred_until=promised) if c is deferrable else c for c in checks]
    got = w1.accept(ApplicantIn("李四", LI), item, checks, Decision.DEFER)
    assert got.outcome.status == CaseStatus.DEFERRED
    t1.engine.sync_once()
    mgr = Api(center.url, "manager", "manager")
    day_before = w1.calendar().add_working_days(local_today(), 2)
    assert mgr.post("/cases/deferrals/sweep", date=local_today().isoformat()).json() == {"reminded": [], "terminated": []}
    assert mgr.post("/cases/deferrals/sweep", date=day_before.isoformat()).json()["reminded"] == [got.case_number]
    assert mgr.post("/cases/deferrals/sweep", date=day_before.isoformat()).json()["reminded"] == []  # once
    after = promised + dt.timedelta(days=1)
    assert mgr.post("/cases/deferrals/sweep", date=after.isoformat()).json()["terminated"] == [got.case_number]
    detail = mgr.get(f"/cases/{got.case_id}").json()
    assert detail["status"] == "terminated" and all(t["status"] == "terminated" for t in detail["tasks"])
    assert "终止办理通知书" in detail["notices"]
    text = pdf_text(mgr.get(f"/cases/{got.case_id}/papers/termination.pdf").content, tmp_path)
    text = text.replace("\n", "")  # a line may break inside a word
    assert "终止办理" in text and f"{promised:%Y年%m月%d日}" in text and deferrable.name[:6] in text
    t1.engine.sync_once()
    assert next(c for c in w1.cases() if c.id == got.case_id).status == "terminated"
    assert clerk_cannot_sweep(center)
    t1.close()


def clerk_cannot_sweep(center: CenterServer) -> bool:
    return Api(center.url, "clerk01", "clerk", window=1).post("/cases/deferrals/sweep").status_code == 403


def test_immediate_case_on_the_spot_and_special_step(center, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    s1, t1 = counter_terminal(center.url, tmp_path, "counter-1")
    w1 = counter_service(t1, s1, tmp_path / "w1", window=1)
    w1.login("clerk01", "clerk")
    spot = w1.search_items("个体工商户注册登记")[0]
    done = w1.accept(ApplicantIn("王五", LI), spot, _full(w1, spot), Decision.ACCEPT)
    assert done.outcome.status == CaseStatus.APPROVED
    promised = w1.search_items("企业设立登记")[0]
    live = w1.accept(ApplicantIn("张三", ZHANG), promised, _full(w1, promised), Decision.ACCEPT)
    t1.engine.sync_once()
    scjg = Api(center.url, "bo_scjg", "backoffice")
    assert [t for t in scjg.get("/cases/tasks").json() if t["case_number"] == done.case_number] == []
    w1.deliver(done.case_id, "window")  # 即办件: handed out at once
    with center.db.read_session() as s:
        case = s.get(m.Case, done.case_id)
        assert case is not None and case.status == CaseStatus.DELIVERED
    # 特殊环节 (现场踏勘): the clock stops, the deadline moves on by the step's working days
    today = local_today()
    r = scjg.post(f"/cases/{live.case_id}/pause", {"reason": "现场踏勘"}, date=today.isoformat())
    assert r.json()["status"] == "suspended"
    assert scjg.post(f"/cases/{live.case_id}/pause", {"reason": "again"}).status_code == 409
    task = next(t for t in scjg.get("/cases/tasks").json() if t["case_number"] == live.case_number)
    assert task["light"] == "grey"
    end = w1.calendar().add_working_days(today, 2)
    r = scjg.post(f"/cases/{live.case_id}/resume", date=end.isoformat())
    assert r.json()["status"] == "accepted"
    detail = scjg.get(f"/cases/{live.case_id}").json()
    moved = w1.calendar().add_working_days(live.outcome.due_date, 3)  # today, +1, +2 working days paused
    if not w1.calendar().is_workday(today):
        moved = w1.calendar().add_working_days(live.outcome.due_date, 2)
    assert detail["due_date"] == moved.isoformat() and detail["pauses"][0]["last_day"] == end.isoformat()
    # 上报 with its receiver
    r = scjg.post(f"/cases/{live.case_id}/tasks/{task['id']}/report", {"receiver": "市市场监督管理局"})
    assert r.status_code == 200
    detail = scjg.get(f"/cases/{live.case_id}").json()
    mine = next(t for t in detail["tasks"] if t["id"] == task["id"])
    assert detail["tasks"][0] == mine  # the lead's task first
    assert mine["status"] == "reported" and mine["receiver"] == "市市场监督管理局"
    assert detail["history"][-1]["step"] == "report" and detail["history"][-1]["detail"] == {"receiver": "市市场监督管理局"}
    assert scjg.get("/cases/00000000-0000-0000-0000-000000000000").status_code == 404
    t1.close()


def test_commitment_letter_and_its_check(center, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """告知承诺: the counter prints the 告知承诺书 to sign; the lead department gets a 核查 task."""
    s1, t1 = counter_terminal(center.url, tmp_path, "counter-1")
    w1 = counter_service(t1, s1, tmp_path / "w1", window=1)
    w1.login("clerk01", "clerk")
    item = w1.search_items("企业变更登记")[0]
    checks = _full(w1, item)
    checks[-1] = dataclasses.replace(checks[-1], originals_received=0, copies_received=0, promise=True)
    got = w1.accept(ApplicantIn("钱多", "11010119900307803X"), item, checks, Decision.ACCEPT)
    letter = next(p for p in got.documents if p.name.endswith("告知承诺书.pdf"))
    text = subprocess.run(["pdftotext", str(letter), "-"], capture_output=True, text=True, check=True).stdout
    assert "告知承诺书" in text and checks[-1].name[:6] in text and "承诺人" in text
    t1.engine.sync_once()
    scjg = Api(center.url, "bo_scjg", "backoffice")
    mine = [t for t in scjg.get("/cases/tasks").json() if t["case_number"] == got.case_number]
    assert sorted(t["kind"] for t in mine) == ["approve", "verify"]
    verify = next(t for t in mine if t["kind"] == "verify")
    approve = next(t for t in mine if t["kind"] == "approve")
    assert scjg.post(f"/cases/{got.case_id}/tasks/{approve['id']}/verify", {"holds": True}).status_code == 409
    assert scjg.post(f"/cases/{got.case_id}/tasks/{verify['id']}/verify", {"holds": False}).status_code == 422
    assert scjg.post(f"/cases/{got.case_id}/tasks/{verify['id']}/verify", {"holds": True, "opinion": "经核查属实"}).status_code == 200
    detail = scjg.get(f"/cases/{got.case_id}").json()
    assert "告知承诺书" in detail["notices"] and detail["status"] == "accepted"  # 核查 does not decide the case
    assert "告知承诺书" in pdf_text(scjg.get(f"/cases/{got.case_id}/papers/commitment.pdf").content, tmp_path)
    rows = w1.center_case_rows(got.case_number)
    assert [r.case_number for r in rows] == [got.case_number] and rows[0].status == "accepted"
    t1.close()
