"""The messages the product sends (issue 18), on SQLite and PostgreSQL, through a real center (its sender
worker on the file channel), a real kiosk and real counters:

- 「快到号」: tickets taken at the kiosk with a phone and consent, online and offline (the offline one's
  phone travels sealed in the outbox op), get exactly one `turn_soon` message, after the call that brings
  them within `notify.turn_soon_ahead`, saying how many are ahead then; tickets without a phone none.
- Cases whose applicant consented at the counter: accepted, 补正 needed, result ready, mailed, and the
  容缺 reminder of the deferral sweep, each once; a case without the consent none.
- The manager's view of the outbox and the retry of a failed message."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.center.seed import seed_demo
from app.config import NotifySettings, Settings
from app.counter.service import ApplicantIn
from app.domain.acceptance import Decision
from app.domain.catalog import load_catalog
from app.domain.clock import local_today
from app.domain.consent import TICKET_SMS
from app.domain.states import CaseStatus, TicketStatus
from app.notify.channels import read_file_channel
from app.store import models as m
from tests.support.center import CenterServer, seed_minimal
from tests.support.counter import counter_service, counter_terminal
from tests.support.drop_proxy import DropProxy
from tests.support.kiosk import kiosk_backend, kiosk_terminal

AHEAD = 2
ZHANG, LI = "11010519491231002X", "440524188001010014"


def _center(db_url: str, tmp: Path, **notify: Any) -> CenterServer:
    center = CenterServer(db_url, tmp / "center")
    center.settings = Settings(
        data_dir=tmp / "center",
        notify=NotifySettings(channel="file", file_dir=tmp / "sms", poll_seconds=0.2, turn_soon_ahead=AHEAD, **notify),
    )
    return center


def _login(url: str, user: str, password: str, window: int | None = None) -> httpx.Client:
    r = httpx.post(f"{url}/api/v1/auth/login", json={"username": user, "password": password, "window": window})
    r.raise_for_status()
    return httpx.Client(base_url=f"{url}/api/v1", headers={"Authorization": f"Bearer {r.json()['token']}"})


def _messages(db: Any, event: str | None = None) -> list[m.NotifyMessage]:
    with db.read_session() as s:
        q = select(m.NotifyMessage).order_by(m.NotifyMessage.created_at)
        if event:
            q = q.where(m.NotifyMessage.event == event)
        return list(s.scalars(q))


def _delivered(tmp: Path, count: int, timeout: float = 15.0) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    while True:
        lines = read_file_channel(tmp / "sms") if (tmp / "sms").exists() else []
        if len(lines) >= count or time.monotonic() > deadline:
            return lines
        time.sleep(0.05)


def test_turn_soon_once_at_the_right_position_online_and_offline(db_url: str, tmp_path: Path) -> None:
    with _center(db_url, tmp_path) as center:
        seed_minimal(center.db)
        proxy = DropProxy(center.port)
        try:
            _, term = kiosk_terminal(proxy.url, tmp_path)
            kiosk = kiosk_backend(term, tmp_path / "prints")
            assert kiosk.ensure_leases() >= 1
            manager = _login(center.url, "manager", "manager")
            # the queue of category A, in call order: who left a phone, and how (online / offline)
            plan = [None, None, ("13800000001", "online"), None, ("13800000002", "offline"), None,
                    ("13800000003", "online"), ("13800000004", "offline"), None]
            numbers: list[str] = []
            for who in plan:
                if who is None:
                    numbers.append(manager.post("/tickets", json={"category": "A"}).json()["number"])
                    continue
                phone, how = who
                proxy.drop_next = 2 if how == "offline" else 0  # both answers lost: the kiosk issues offline
                t = kiosk.take_ticket("A", phone=phone, sms_consent=TICKET_SMS.version)
                assert t.offline == (how == "offline")
                numbers.append(t.number)
                if how == "offline":
                    assert kiosk.sync()  # the offline ticket, with its sealed phone, reaches the center
            with term.cache.db.read_session() as s:  # the kiosk keeps no visitor's phone
                assert s.scalars(select(m.TicketContact)).all() == []
                ops = s.scalars(select(m.OutboxOp)).all()
            assert ops and not any("1380000000" in json.dumps(op.payload) for op in ops)  # sealed there too
        finally:
            proxy.close()
        with center.db.read_session() as s:
            waiting = s.scalars(select(m.Ticket).where(m.Ticket.status == TicketStatus.WAITING)
                                .order_by(m.Ticket.queue_at)).all()
            contacts = {c.ticket_id: c for c in s.scalars(select(m.TicketContact))}
        assert [t.number for t in waiting] == numbers
        with_phone = {t.number: contacts[t.id] for t in waiting if t.id in contacts}
        assert sorted(with_phone) == sorted(n for n, who in zip(numbers, plan, strict=True) if who)
        assert all(c.phone_masked.startswith("138****") and c.consent_version == "ticket-sms-1"
                   for c in with_phone.values())

        clerk = _login(center.url, "clerk01", "clerk", window=1)
        clerk.post("/windows/1/open").raise_for_status()
        expected: dict[str, tuple[int, int]] = {}  # number → (the call after which it is sent, ahead then)
        for i, who in enumerate(plan):
            if who:
                call = max(1, i - AHEAD)
                expected[numbers[i]] = (call, i - call)
        seen: dict[str, tuple[int, int]] = {}
        for call in range(1, len(plan) + 1):
            r = clerk.post("/windows/1/call-next")
            assert r.status_code == 200
            clerk.post(f"/tickets/{r.json()['ticket']['id']}/finish").raise_for_status()
            for msg in _messages(center.db, "turn_soon"):
                number = msg.params["number"]
                if number not in seen:
                    seen[number] = (call, int(msg.params["ahead"]))
        assert seen == expected  # each once, right after the call that brought it within AHEAD
        sent = _messages(center.db, "turn_soon")
        assert len(sent) == 4 and len({m_.key for m_ in sent}) == 4
        lines = _delivered(tmp_path, 4)
        assert sorted(str(ln["phone"]) for ln in lines) == ["13800000001", "13800000002", "13800000003", "13800000004"]
        assert all(str(ln["text"]).startswith("您的A") for ln in lines)
        assert {r.status for r in _messages(center.db)} == {"sent"}


def test_a_phone_needs_a_consent_and_a_mobile_number(db_url: str, tmp_path: Path) -> None:
    with _center(db_url, tmp_path) as center:
        seed_minimal(center.db)
        api = _login(center.url, "manager", "manager")
        no_consent = api.post("/tickets", json={"category": "A", "phone": "13800000001"})
        assert no_consent.status_code == 422 and no_consent.json()["error"] == "sms_consent_required"
        landline = api.post("/tickets", json={"category": "A", "phone": "0591-8765432", "sms_consent": "ticket-sms-1"})
        assert landline.status_code == 422 and landline.json()["error"] == "invalid_phone"
        unknown = api.post("/tickets", json={"category": "A", "phone": "13800000001", "sms_consent": "v0"})
        assert unknown.status_code == 422 and unknown.json()["error"] == "unknown_consent"
        ok = api.post("/tickets", json={"category": "A", "phone": "+86 138 0000 0001", "sms_consent": "ticket-sms-1"})
        assert ok.status_code == 201
        with center.db.read_session() as s:
            (contact,) = s.scalars(select(m.TicketContact)).all()
        assert center.cipher.decrypt(contact.phone_enc) == "13800000001" and contact.phone_masked == "138****0001"


# ------------------------------------------------------------------------------------------------ cases


@pytest.fixture
def hall(db_url, tmp_path):  # type: ignore[no-untyped-def]
    from app.demo.day import publish_next_year

    with _center(db_url, tmp_path) as c:
        with c.db.write_session() as s:
            seed_demo(s, load_catalog())
        publish_next_year(c.url)
        yield c


def _full(svc, item):  # type: ignore[no-untyped-def]
    return [dataclasses.replace(c, originals_received=c.originals_needed, copies_received=c.copies_needed)
            for c in svc.checklist(item)]


def _events(db: Any, case_number: str) -> list[tuple[str, dict[str, str]]]:
    return [(r.event, r.params) for r in _messages(db) if r.params.get("case_number") == case_number]


def test_case_messages_follow_the_case_once_each(hall, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    s1, t1 = counter_terminal(hall.url, tmp_path, "counter-1")
    w1 = counter_service(t1, s1, tmp_path / "w1", window=1)
    w1.login("clerk01", "clerk")
    item = w1.search_items("企业设立登记")[0]
    got = w1.accept(ApplicantIn("张三", ZHANG, phone="138 1234 5678", sms_consent=True), item, _full(w1, item),
                    Decision.ACCEPT)
    quiet = w1.accept(ApplicantIn("李四", LI, phone="13900000000"), item, _full(w1, item), Decision.ACCEPT)
    t1.engine.sync_once()
    with hall.db.read_session() as s:
        case = s.get(m.Case, got.case_id)
        assert case.sms_consent_version == "case-sms-1" and case.sms_consent_at is not None
        assert s.get(m.Case, quiet.case_id).sms_consent_at is None
    due = got.outcome.due_date
    assert _events(hall.db, got.case_number) == [
        ("case_accepted", {"item": "企业设立登记", "case_number": got.case_number,
                           "due": f"{due.year}年{due.month}月{due.day}日"})
    ]
    scjg = _login(hall.url, "bo_scjg", "backoffice")
    swj = _login(hall.url, "bo_swj", "backoffice")
    clerk3 = _login(hall.url, "clerk03", "clerk", window=3)
    tasks = {t["department_code"]: t["id"] for bo in (scjg, swj) for t in bo.get("/cases/tasks").json()
             if t["case_number"] == got.case_number}
    assert swj.post(f"/cases/{got.case_id}/tasks/{tasks['SWJ']}/decide", json={"decision": "approve"}).status_code == 200
    r = scjg.post(f"/cases/{got.case_id}/tasks/{tasks['SCJG']}/return", json={"missing": ["公司章程"]})
    assert r.json()["status"] == "correction"
    assert [e for e, _ in _events(hall.db, got.case_number)] == ["case_accepted", "correction_needed"]
    later = due if due > local_today() else local_today() + dt.timedelta(days=1)
    assert clerk3.post(f"/cases/{got.case_id}/corrected", params={"date": later.isoformat()}).status_code == 200
    r = scjg.post(f"/cases/{got.case_id}/tasks/{tasks['SCJG']}/decide", json={"decision": "approve", "opinion": "准予"})
    assert r.json()["status"] == "approved"
    assert clerk3.post(f"/cases/{got.case_id}/deliver", json={"method": "express", "tracking_number": "SF0000000001"}).status_code == 200
    events = _events(hall.db, got.case_number)
    assert [e for e, _ in events] == ["case_accepted", "correction_needed", "result_ready", "result_mailed"]
    assert events[-1][1]["tracking"] == "SF0000000001"
    assert _events(hall.db, quiet.case_number) == []  # no consent, no SMS
    lines = _delivered(tmp_path, 4)
    texts = [str(ln["text"]) for ln in lines if got.case_number in str(ln["text"])]
    assert len(texts) == 4 and all(ln["phone"] == "13812345678" for ln in lines)
    assert "需补正材料" in texts[1] and "已办结" in texts[2] and "SF0000000001" in texts[3]
    t1.close()


def test_deferral_reminder_by_sms_once_and_no_result_sms_for_an_immediate_case(hall, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    s1, t1 = counter_terminal(hall.url, tmp_path, "counter-1")
    w1 = counter_service(t1, s1, tmp_path / "w1", window=1)
    w1.login("clerk01", "clerk")
    item = w1.search_items("企业设立登记")[0]
    checks = _full(w1, item)
    deferrable = next(c for c in checks if c.deferrable)
    promised = w1.calendar().add_working_days(local_today(), 3)
    checks = [dataclasses.replace(c, originals_received=0, copies_received=0, deferred_until=promised)
              if c is deferrable else c for c in checks]
    got = w1.accept(ApplicantIn("李四", LI, phone="13912345678", sms_consent=True), item, checks, Decision.DEFER)
    spot = w1.search_items("个体工商户注册登记")[0]
    done = w1.accept(ApplicantIn("王五", ZHANG, phone="13700000000", sms_consent=True), spot, _full(w1, spot),
                     Decision.ACCEPT)
    assert done.outcome.status == CaseStatus.APPROVED
    t1.engine.sync_once()
    assert _events(hall.db, done.case_number) == []  # decided on the spot: nothing to tell later
    mgr = _login(hall.url, "manager", "manager")
    day_before = w1.calendar().add_working_days(local_today(), 2)
    for _ in range(2):
        assert mgr.post("/cases/deferrals/sweep", params={"date": day_before.isoformat()}).status_code == 200
    events = _events(hall.db, got.case_number)
    assert [e for e, _ in events] == ["case_accepted", "deferral_due"]
    assert events[1][1]["due"] == f"{promised.year}年{promised.month}月{promised.day}日"
    # the manager sees the outbox: sent, waiting, failed, phones masked
    lines = _delivered(tmp_path, 2)
    assert len(lines) == 2
    state = mgr.get("/notify/outbox").json()
    assert state["channel"] == "file" and state["counts"]["sent"] == 2
    assert {x["phone"] for x in state["messages"]} == {"139****5678"} and "13912345678" not in json.dumps(state)
    t1.close()


def test_the_manager_sends_a_failed_message_again(db_url: str, tmp_path: Path) -> None:
    with _center(db_url, tmp_path) as center:
        seed_minimal(center.db)
        from app.notify.outbox import enqueue

        with center.db.write_session() as s:
            enqueue(s, event="booking_code", phone="13800000009", params={"code": "204816", "minutes": 5}, key="code:1")
            s.flush()
            row = s.scalar(select(m.NotifyMessage))
            row.status, row.last_error = "failed", "refused by aliyun: isv.SMS_TEMPLATE_ILLEGAL"  # as the worker would
        mgr = _login(center.url, "manager", "manager")
        failed = mgr.get("/notify/outbox", params={"status": "failed"}).json()
        (msg,) = failed["messages"]
        assert msg["error"].endswith("isv.SMS_TEMPLATE_ILLEGAL") and msg["params"]["code"] == "******"
        assert mgr.post(f"/notify/outbox/{msg['id']}/retry").json()["status"] == "waiting"
        assert mgr.post(f"/notify/outbox/{msg['id']}/retry").status_code in (200, 409)
        lines = _delivered(tmp_path, 1)
        assert lines and lines[0]["params"] == {"code": "204816", "minutes": "5"}
        clerk = _login(center.url, "clerk01", "clerk", window=1)
        assert clerk.get("/notify/outbox").status_code == 403
