"""A day at window 1 through the counter service (Qt-free), against a real center (SQLite and PostgreSQL)
and a real counter cache: login, calls, a 承诺件 with one 容缺 material, a refusal, a 一次性告知, ratings,
the case list with its lights, a correction restarting the clock, delivery by express; then the center
stops halfway and comes back: nothing lost, nothing twice."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.center.seed import seed_demo
from app.counter.service import ApplicantIn, CounterService, LoginFailed, NeedsCenter
from app.demo.day import StaffSession, publish_next_year
from app.domain.acceptance import AcceptanceError, Decision
from app.domain.catalog import load_catalog
from app.domain.clock import local_today
from app.domain.states import CaseStatus
from app.errors import HallError
from app.store import models as m
from tests.support.center import CenterServer
from tests.support.counter import counter_service, counter_terminal

ZHANG = "11010519491231002X"


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def center(db_url, tmp_path):  # type: ignore[no-untyped-def]
    with CenterServer(db_url, tmp_path / "center") as c:
        with c.db.write_session() as s:
            seed_demo(s, load_catalog())
        publish_next_year(c.url)  # late in the year, legal deadlines reach into next year
        yield c


def _visit(center: CenterServer, svc: CounterService, category: str = "A") -> dict:  # type: ignore[type-arg]
    StaffSession(center.url, "manager", "manager").post("/tickets", category=category)
    got = svc.call_next()
    assert got is not None
    svc.start()
    return got


def test_a_day_at_one_window(center, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings, term = counter_terminal(center.url, tmp_path)
    svc = counter_service(term, settings, tmp_path, window=1)
    with pytest.raises(LoginFailed):
        svc.login("clerk01", "wrong")
    clerk = svc.login("clerk01", "clerk")
    assert clerk.window == 1 and clerk.staff_id is not None and not clerk.offline
    svc.open_window()
    assert svc.call_next() is None  # nobody waits yet

    # 1. a 承诺件 with one 容缺 material
    ticket = _visit(center, svc)
    item = svc.search_items("qybg")[0]  # 企业变更登记 by pinyin initials
    assert item.name == "企业变更登记" and item.promised_days == 3
    checks = svc.checklist(item)
    deferred_name = next(c.name for c in checks if c.deferrable)
    promised = local_today() + dt.timedelta(days=5)
    checks = [
        dataclasses.replace(c, deferred_until=promised)
        if c.name == deferred_name
        else dataclasses.replace(c, originals_received=c.originals_needed, copies_received=c.copies_needed)
        for c in checks
    ]
    with pytest.raises(AcceptanceError):
        svc.accept(ApplicantIn("张三", ZHANG), item, checks, Decision.ACCEPT)
    with pytest.raises(HallError, match="The ID number is wrong"):
        svc.accept(ApplicantIn("张三", "110105194912310021"), item, checks, Decision.DEFER)
    got = svc.accept(ApplicantIn("张三", ZHANG, phone="13812345678", from_card=True), item, checks, Decision.DEFER)
    assert got.outcome.status == CaseStatus.DEFERRED
    assert got.outcome.due_date == svc.calendar().add_working_days(local_today(), 3)
    assert got.case_number.startswith(f"H01-{local_today():%Y%m%d}-") and got.case_number.endswith("-0001")
    names = sorted(p.name for p in got.documents)
    assert names == sorted([f"{got.case_number}-受理通知书.pdf", f"{got.case_number}-容缺受理承诺书.pdf"])
    notice = pdf_text(got.documents[0])
    assert got.case_number in notice and "110105********002X" in notice and ZHANG not in notice
    commitment = pdf_text(got.documents[1])
    assert deferred_name[:6] in commitment
    assert got.receipt_preview is not None and got.receipt_preview.exists()
    svc.rate(5)
    with pytest.raises(ValueError):
        svc.rate(4)  # one rating per visit
    svc.finish()

    # 2. a refusal, with reason and basis
    _visit(center, svc)
    food = svc.search_items("食品经营许可")[0]
    with pytest.raises(AcceptanceError):
        svc.accept(ApplicantIn("李四", "440524188001010014"), food, svc.checklist(food), Decision.REFUSE)
    refused = svc.accept(
        ApplicantIn("李四", "440524188001010014"),
        food,
        svc.checklist(food),
        Decision.REFUSE,
        reason="申请事项不属于本机关职权范围",
        basis="《中华人民共和国行政许可法》第三十二条第一款第（二）项",
    )
    assert refused.outcome.status == CaseStatus.REFUSED and refused.receipt_preview is not None
    text = pdf_text(refused.documents[0])
    assert "不予受理" in text and "第三十二条" in text
    svc.rate(2, ["一次性告知不清楚"])
    svc.finish()

    # 3. 一次性告知: every missing material at once
    _visit(center, svc)
    small = svc.search_items("小餐饮经营许可")[0]
    checks = svc.checklist(small)
    checks[0] = dataclasses.replace(checks[0], originals_received=checks[0].originals_needed, copies_received=checks[0].copies_needed)
    notified = svc.accept(ApplicantIn("王芳", "36070219920315002X"), small, checks, Decision.NOTIFY)
    assert notified.outcome.status == CaseStatus.NOTIFIED
    text = pdf_text(notified.documents[0])
    for c in checks[1:]:
        if c.required:
            assert c.name[:6] in text
    svc.finish()

    # the case list: lights, correction restarting the clock, completion, delivery by express
    rows = svc.cases()
    assert [r.case_number for r in rows][-1] == got.case_number
    first = next(r for r in rows if r.case_number == got.case_number)
    assert first.light == "green" and first.applicant == "张**"
    with pytest.raises(HallError, match="cannot become"):
        svc.request_correction(got.case_id, ["公司章程"])  # a 容缺 case first gets its promised material
    svc.deferred_supplied(got.case_id)
    notice_path = svc.request_correction(got.case_id, ["修改后的公司章程（需法定代表人签字）"])
    assert "补正" in pdf_text(notice_path)
    assert next(r for r in svc.cases() if r.id == got.case_id).status == "correction"
    with pytest.raises(HallError):
        svc.request_correction(got.case_id, ["again"])  # not from correction: the state machine refuses
    new_due = svc.corrections_received(got.case_id)
    assert new_due == svc.calendar().add_working_days(local_today(), 3)
    with pytest.raises(HallError, match="back office"):
        svc.complete(got.case_id, approved=True)  # the department decides, not the accepting clerk
    term.engine.sync_once()
    bo = StaffSession(center.url, "bo_scjg", "backoffice")
    task = next(t for t in bo.get("/cases/tasks") if t["case_number"] == got.case_number)
    bo.post(f"/cases/{got.case_id}/tasks/{task['id']}/decide", decision="approve", opinion="同意")
    term.engine.sync_once()  # the counter's cache follows the center's decision
    assert next(r for r in svc.cases() if r.id == got.case_id).status == "approved"
    with pytest.raises(HallError, match="tracking number"):
        svc.deliver(got.case_id, "express")
    slip = svc.deliver(got.case_id, "express", "SF1234567890")
    assert slip is not None and slip.exists()

    # everything reaches the center, once
    term.engine.sync_once()
    with center.db.read_session() as s:
        cases = {c.case_number: c for c in s.scalars(select(m.Case))}
        assert set(cases) == {got.case_number, refused.case_number, notified.case_number}
        delivered = cases[got.case_number]
        assert delivered.status == CaseStatus.DELIVERED and delivered.tracking_number == "SF1234567890"
        assert delivered.due_date == new_due
        ratings = s.scalars(select(m.Rating).order_by(m.Rating.level)).all()
        assert [(r.level, r.window_number) for r in ratings] == [(2, 1), (5, 1)]
        assert ratings[1].case_id == got.case_id and ratings[1].staff_id == clerk.staff_id
        assert ratings[1].ticket_id is not None and str(ratings[1].ticket_id) == ticket["id"]
        assert s.scalar(select(func.count()).select_from(m.Rectification)) == 1  # the bad rating
    term.close()


def test_center_stopped_halfway_nothing_lost_nothing_twice(center, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings, term = counter_terminal(center.url, tmp_path)
    svc = counter_service(term, settings, tmp_path, window=1)
    svc.login("clerk01", "clerk")
    svc.open_window()
    _visit(center, svc)
    item = svc.search_items("个体工商户注册登记")[0]
    full = [dataclasses.replace(c, originals_received=c.originals_needed, copies_received=c.copies_needed) for c in svc.checklist(item)]
    before = svc.accept(ApplicantIn("张三", ZHANG), item, full, Decision.ACCEPT)
    assert before.outcome.status == CaseStatus.APPROVED  # 即办件: decided on the spot
    svc.rate(5)
    term.engine.sync_once()
    center.stop()
    try:
        with pytest.raises(NeedsCenter, match="Calling needs the center"):
            svc.call_next()
        offline = [svc.accept(ApplicantIn("李四", "440524188001010014"), item, full, Decision.ACCEPT) for _ in range(3)]
        assert term.engine.sync_once().online is False
        assert len(svc.cases()) == 4
        # a restart of the counter while the center is down: the clerk logs in with the saved verifier
        svc2 = counter_service(term, settings, tmp_path, window=1)
        assert svc2.login("clerk01", "clerk").offline
        with pytest.raises(LoginFailed):
            svc2.login("clerk01", "nope")
    finally:
        center.start()
    for _ in range(3):
        term.engine.sync_once()
    term.engine.sync_once()
    with center.db.read_session() as s:
        numbers = list(s.scalars(select(m.Case.case_number)))
    assert sorted(numbers) == sorted([before.case_number, *(o.case_number for o in offline)])
    assert len(set(numbers)) == 4
    term.close()


def test_a_clerk_logs_in_with_their_own_id_card(center, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.devices.idcard import open_reader

    admin = StaffSession(center.url, "admin", "admin")
    settings, term = counter_terminal(center.url, tmp_path)
    svc = counter_service(term, settings, tmp_path, window=1)
    with open_reader("sim://staff-card?card=wangfang") as reader:
        card = reader.read_card()
    with pytest.raises(LoginFailed, match="not registered as a staff card"):
        svc.login_card(card.id_number)
    admin.post("/staff/clerk01/card", id_number=card.id_number)
    clerk = svc.login_card(card.id_number)
    assert clerk.username == "clerk01" and clerk.window == 1 and clerk.staff_id is not None
    svc.open_window()
    assert svc.call_next() is None
    term.close()
