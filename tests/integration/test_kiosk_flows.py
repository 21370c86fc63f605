"""The kiosk's flows without Qt, against a real center (demo hall, SQLite) and a real kiosk cache:
every path, refusals and faults (paper out mid-flow, card problems, the center down, idle timeout)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.demo.day import StaffSession
from app.domain.clock import local_today
from app.domain.lookup import case_qr_payload
from app.i18n.messages import Msg, render
from app.store import models as m
from kiosk.flows.feedback import ComplaintFlow, RatingFlow
from kiosk.flows.lookup import GuideFlow, ProgressFlow
from kiosk.flows.session import KioskSession
from kiosk.flows.ticket import CheckInFlow, TicketFlow
from printers.escpos.printer import EscposPrinter
from tests.support.kiosk import accepted_case, demo_center, kiosk_backend, kiosk_terminal


def zh(text: str) -> str:
    """What the kiosk shows in Chinese for a flow's message."""
    return render(text.code, text.params, "zh_CN", str(text)) if isinstance(text, Msg) else text


ZHANG = "11010519491231002X"
LI = "440524188001010014"


@pytest.fixture(scope="module")
def hall(tmp_path_factory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("kiosk-hall")
    center = demo_center(tmp)
    _settings, term = kiosk_terminal(center.url, tmp)
    yield center, term, tmp
    term.close()
    center.close()


@pytest.fixture
def backend(hall, tmp_path):  # type: ignore[no-untyped-def]
    _center, term, _tmp = hall
    return kiosk_backend(term, tmp_path / "prints")


def test_take_a_ticket_with_the_id_card_prints_it(backend, tmp_path: Path) -> None:
    flow = TicketFlow(backend, real_name="optional")
    flow.load()
    assert {c.prefix for c in flow.categories} >= {"A", "B"}
    assert all(c.waiting is not None for c in flow.categories)
    flow.choose("B")
    assert flow.state == "card"
    flow.card_read(ZHANG, "张三")
    assert flow.state == "issuing"
    flow.issue()
    assert flow.state == "printing", flow.message
    assert flow.ticket is not None and flow.ticket.number.startswith("B")
    assert flow.ticket.waiting_ahead is not None  # online: the place is known; a wait only with a window open
    assert (flow.ticket.estimated_wait_min is None) == flow.ticket.no_open_window
    flow.print_()
    assert flow.state == "done"
    assert flow.id_number == ""  # not kept after printing
    pngs = list((tmp_path / "prints").glob("*.png"))
    assert len(pngs) == 1


def test_a_second_ticket_for_the_same_id_is_refused_in_plain_words(backend) -> None:
    first = TicketFlow(backend)
    first.load()
    first.choose("C")
    first.card_read(LI, "李四")
    first.issue()
    assert first.state == "printing"
    again = TicketFlow(backend)
    again.load()
    again.choose("C")
    again.card_read(LI, "李四")
    again.issue()
    assert again.state == "refused"
    assert "一个身份证同一时间只能持有一个号" in zh(again.message)
    assert first.ticket is not None and first.ticket.number in again.detail
    again.back()
    assert again.state == "category" and again.id_number == ""


def test_required_card_cannot_be_skipped_and_a_bad_read_is_explained(backend) -> None:
    flow = TicketFlow(backend, real_name="required")
    flow.load()
    flow.choose("A")
    flow.skip_card()
    assert flow.state == "card" and "需要刷身份证" in zh(flow.message)
    flow.card_failed("card removed during the read")
    assert flow.state == "card" and "平放" in zh(flow.message)
    flow.card_read(ZHANG, "张三")
    assert flow.state == "issuing"


def test_without_real_name_there_is_no_card_step(backend) -> None:
    flow = TicketFlow(backend, real_name="off")
    flow.load()
    flow.choose("D")
    assert flow.state == "issuing"
    flow.issue()
    assert flow.state == "printing"


def test_printer_out_of_paper_mid_flow_keeps_the_ticket_on_screen(hall, backend, tmp_path: Path) -> None:
    flow = TicketFlow(backend, real_name="off")
    flow.load()
    flow.choose("A")
    flow.issue()
    assert flow.state == "printing"
    backend.printer = EscposPrinter(f"sim://{tmp_path / 'empty'}?paper=out")  # the roll runs out now
    flow.print_()
    assert flow.state == "print_failed"
    assert flow.ticket is not None and flow.ticket.number  # the number is still there to show
    assert "号码已经生效" in zh(flow.message) and "paper" in flow.detail.lower()
    health = backend.device_health(reader_ok=False, reader_note="no answer from the reader")
    assert health["printer"]["ok"] is False and health["printer"]["paper_out"] is True
    backend.report_health(health)
    assert backend.sync()
    with hall[0].db.read_session() as s:
        term = s.get(m.Terminal, uuid.UUID(backend.term.identity.terminal_id))
        assert term is not None and term.health["printer"]["paper_out"] is True
        assert term.health["reader"] == {"ok": False, "note": "no answer from the reader"}


def test_center_down_tickets_come_from_the_leased_offline_band(hall, backend) -> None:
    center, _term, _tmp = hall
    assert backend.ensure_leases() >= 1
    center.stop()
    try:
        flow = TicketFlow(backend, real_name="off")
        flow.load()
        assert all(c.waiting is None for c in flow.categories)  # no counts shown while offline
        assert backend.online is False
        flow.choose("A")
        flow.issue()
        assert flow.state == "printing"
        assert flow.ticket is not None and flow.ticket.offline
        assert 900 <= int(flow.ticket.number[1:]) <= 999
        flow.print_()
        assert flow.state == "done"
        checkin = CheckInFlow(backend)
        checkin.enter_code("12345678")
        checkin.issue()
        assert checkin.state == "failed" and "网络中断" in zh(checkin.message)
    finally:
        center.start()
    assert backend.sync()
    with center.db.read_session() as s:
        got = s.scalar(select(func.count()).select_from(m.Ticket).where(m.Ticket.source == "offline"))
    assert got is not None and got >= 1


def test_appointment_check_in_by_code_and_by_id_card(hall, backend) -> None:
    center, _term, _tmp = hall
    mgr = StaffSession(center.url, "manager", "manager")
    by_code = mgr.post("/appointments", category="E", name="王芳", code="20261122")
    mgr.post("/appointments", category="F", name="张三", id_number=ZHANG)
    flow = CheckInFlow(backend)
    flow.enter_code("12")
    assert flow.state == "method" and "4到20位" in zh(flow.message)
    flow.enter_code(by_code["code"])
    flow.issue()
    assert flow.state == "printing" and flow.ticket is not None and flow.ticket.appointment
    flow.print_()
    assert flow.state == "done"
    again = CheckInFlow(backend)
    again.enter_code(by_code["code"])
    again.issue()
    assert again.state == "refused" and "已经签到" in zh(again.message)
    card = CheckInFlow(backend)
    card.card_read(ZHANG, "张三")
    card.issue()
    assert card.state == "printing" and card.ticket is not None and card.ticket.category == "F"


def test_progress_by_case_number_and_id_tail_and_by_qr(backend) -> None:
    number = f"H01-{local_today():%Y%m%d}-7001"
    accepted_case(backend.term, number, ZHANG, window=3, due_in_days=14)
    assert backend.sync()  # pushed, then pulled back as a case summary
    backend.sync()
    flow = ProgressFlow(backend)
    flow.lookup(number, "99999X")
    assert flow.state == "input" and "没有找到" in zh(flow.message)
    flow.lookup(number, "1234")
    assert "后6位" in zh(flow.message)
    flow.lookup(number, ZHANG[-6:].lower())
    assert flow.state == "result", flow.message
    assert flow.result is not None and flow.result.status_zh.startswith("已受理")
    assert flow.result.working_days_left is not None and flow.result.working_days_left > 0
    assert zh(flow.result.collect) == "3号窗口领取"
    flow.again()
    assert flow.result is None and flow.id_tail == ""
    flow.scanned("  " + case_qr_payload(number, ZHANG) + "\n")
    assert flow.state == "result"
    flow.again()
    flow.scanned("https://example.com/not-ours")
    assert flow.state == "input" and "不是本大厅" in zh(flow.message)
    # a notice printed with the phone page's URL (issue 18): the kiosk finds the case by the token's hash
    with backend.term.cache.db.read_session() as s:
        token = s.scalar(select(m.Case.public_token).where(m.Case.case_number == number))
    assert token
    flow.again()
    flow.scanned(f"https://hall.example.gov.cn/c/{token}\n")
    assert flow.state == "result" and flow.result is not None and flow.result.case_number == number
    flow.again()
    flow.scanned("https://hall.example.gov.cn/c/" + "Q" * 22)
    assert flow.state == "input" and "没有找到" in zh(flow.message)


def test_guides_browse_search_read_and_print(backend, tmp_path: Path) -> None:
    flow = GuideFlow(backend)
    assert len(flow.departments) >= 10
    flow.open_department(flow.departments[0].code)
    assert flow.state == "list" and flow.items
    flow.search("qysl")  # 企业设立 by pinyin initials
    assert any("企业设立" in it.name for it in flow.items)
    flow.search("不存在的事项名称")
    assert not flow.items and "没有找到" in zh(flow.message)
    flow.search("营业执照")
    flow.open_item(flow.items[0].code)
    assert flow.state == "detail" and flow.item is not None and flow.item.materials
    flow.print_()
    assert flow.printed and list((tmp_path / "prints").glob("*.png"))
    flow.back()
    flow.back()
    assert flow.state == "departments"


def test_rating_one_per_visit_with_reasons_for_a_bad_one(hall, backend) -> None:
    center, _term, _tmp = hall
    mgr = StaffSession(center.url, "manager", "manager")
    clerk = StaffSession(center.url, "clerk09", "clerk", 9)  # window 9 serves G
    t = mgr.post("/tickets", category="G")
    clerk.post("/windows/9/open")
    called = clerk.post("/windows/9/call", number=t["number"])
    clerk.post(f"/tickets/{called['ticket']['id']}/start")
    clerk.post(f"/tickets/{called['ticket']['id']}/finish")
    flow = RatingFlow(backend)
    flow.find("zz")
    assert flow.state == "number" and "例如" in zh(flow.message)
    flow.find(t["number"].lower())
    assert flow.state == "level", flow.message
    flow.choose(2)
    assert flow.state == "reasons"
    flow.toggle_reason("等候时间长")
    flow.submit()
    assert flow.state == "done"
    backend.sync()
    with center.db.read_session() as s:
        r = s.scalar(select(m.Rating).where(m.Rating.ticket_id == uuid.UUID(called["ticket"]["id"])))
        assert r is not None and r.level == 2 and r.window_number == 9 and r.channel == "kiosk"
        assert r.reasons == ["等候时间长"]
        assert s.scalar(select(m.Rectification).where(m.Rectification.rating_id == r.id)) is not None
    twice = RatingFlow(backend)
    twice.find(t["number"])
    assert twice.state == "number" and "已经评价" in zh(twice.message)


def test_complaint_with_a_phone_reaches_the_manager_masked(hall, backend) -> None:
    center, _term, _tmp = hall
    flow = ComplaintFlow(backend)
    flow.next()
    assert "至少选择" in zh(flow.message)
    flow.toggle("等候时间长")
    flow.toggle("设施环境")
    flow.next()
    assert flow.state == "note"
    # the citizen's own words: an ID and a mobile number in them are masked, the length is limited
    flow.set_note("我的身份证11010519491231002X，电话13912345678，等了很久" + "很" * 300)
    assert len(flow.note) == flow.note_max
    flow.note_done()
    flow.submit("1381234")
    assert flow.state == "phone" and "11位" in zh(flow.message)
    flow.submit("13812345678")
    assert flow.state == "done" and flow.phone == ""
    backend.sync()
    mgr = StaffSession(center.url, "manager", "manager")
    got = [f for f in mgr.get("/feedback") if "设施环境" in f["text"]]
    assert got and got[0]["phone"] == "138****5678"
    topics, _, words = got[0]["text"].partition("\n")
    assert topics == "等候时间长；设施环境"
    assert words.startswith("我的身份证110105********002X，电话139****5678，等了很久很") and len(words) <= 200, words
    assert "11010519491231002X" not in got[0]["text"] and "13912345678" not in got[0]["text"]


def test_idle_timeout_mid_flow_wipes_the_visit(backend) -> None:
    now = [1000.0]
    session = KioskSession(idle_timeout_s=60, warning_s=15, clock=lambda: now[0])
    flow = session.start(TicketFlow(backend))
    assert isinstance(flow, TicketFlow)
    flow.load()
    flow.choose("A")
    flow.card_read(ZHANG, "张三")
    session.elderly = True
    now[0] += 40
    assert session.countdown() is None and not session.tick()
    now[0] += 10
    assert session.countdown() == 10
    session.touch()  # a tap resets the countdown
    assert session.countdown() is None
    now[0] += 61
    assert session.tick() is True
    assert session.flow is None and not session.elderly
    assert flow.id_number == "" and flow.name_on_card == "" and flow.snapshot()["holding"] == []


def test_every_printer_job_runs_on_the_printers_own_thread(backend) -> None:
    import threading

    seen: set[str] = set()

    def job(p):  # type: ignore[no-untyped-def]
        seen.add(threading.current_thread().name)
        return p.status()

    threads = [threading.Thread(target=lambda: backend.on_printer(job)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == {backend._owner.thread.name}  # one owner thread, whoever asks
    assert backend.device_health(reader_ok=True)["printer"]["ok"] is True
