"""The counter window with pytest-qt against a real center: a whole day at one window through the real
widgets (login, call, ID card from the simulated reader, a 承诺件 with one 容缺 material, receipts, the
customer window's rating pad, a refusal, a 一次性告知, the case list), then a day with the center stopped
halfway and restarted: nothing lost, nothing twice."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.center.seed import seed_demo
from app.config import Settings
from app.demo.day import StaffSession, publish_next_year
from app.domain.acceptance import Decision
from app.domain.catalog import load_catalog
from app.store import models as m
from tests.support.center import CenterServer
from ui.counter.cli import card_reader
from ui.counter.script import open_counter, run_counter_script, settle, wait_state
from ui.fonts import install_fonts
from ui.i18n import install_language


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def center(sqlite_url, tmp_path, qapp):  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    with CenterServer(sqlite_url, tmp_path / "center") as c:
        with c.db.write_session() as s:
            seed_demo(s, load_catalog())
        publish_next_year(c.url)  # late in the year, legal deadlines reach into next year
        yield c


def _settings(tmp: Path) -> Settings:
    return Settings(data_dir=tmp / "counter", keyring_file=tmp / "counter" / "k.cfg", hall_name="示范政务服务中心")


def test_a_whole_day_at_one_window(center, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    got = run_counter_script(center.url, _settings(tmp_path), out, window=1, read_card=card_reader("sim://counter-ui?card=zhangsan"))
    assert {"counter-login.png", "counter-checklist.png", "counter-customer-rating.png", "counter-cases.png"} <= set(got["shots"])
    assert len(got["cases"]) == 3
    docs = {Path(p).name.split("-")[-1]: Path(p) for p in got["documents"]}
    assert set(docs) == {"受理通知书.pdf", "容缺受理承诺书.pdf", "不予受理通知书.pdf", "一次性告知书.pdf"}
    accepted = pdf_text(docs["受理通知书.pdf"])
    assert "张三" in accepted and "110105********002X" in accepted and "11010519491231002X" not in accepted
    assert "第三十二条第一款第（一）项" in pdf_text(docs["不予受理通知书.pdf"])
    receipts = sorted((out / "receipts").glob("*.png"))
    assert len(receipts) == 3  # every decision gives a receipt
    with center.db.read_session() as s:
        cases = {c.case_number: c for c in s.scalars(select(m.Case))}
        assert set(cases) == set(got["cases"])
        assert sorted(c.status.value for c in cases.values()) == ["deferred", "notified", "refused"]
        ratings = sorted(r.level for r in s.scalars(select(m.Rating)))
        assert ratings == [2, 5]
        assert all(r.window_number == 1 and r.case_id in {c.id for c in cases.values()} for r in s.scalars(select(m.Rating)))


def test_the_center_stops_halfway_nothing_lost_nothing_twice(center, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win, customer, svc = open_counter(center.url, _settings(tmp_path), tmp_path / "out", window=2)
    win.user.setText("clerk02")
    win.password.setText("clerk")
    win.login()
    settle(win)
    mgr = StaffSession(center.url, "manager", "manager")
    for _ in range(3):
        mgr.post("/tickets", category="A")

    def accept_one(name: str, id_number: str) -> None:
        win.name_edit.setText(name)
        win.id_edit.setText(id_number)
        assert win.id_edit.text() == id_number[:6] + "********" + id_number[-4:]  # checked, then shown masked
        win.search.setText("个体工商户注册登记")
        settle(win)
        win.choose_item(win.results[0])
        win.receive_all()
        win.decide(Decision.ACCEPT)
        settle(win)
        assert win.last is not None and win.last.outcome.status.value == "approved", win.message.text()

    win.call_next()
    settle(win)
    assert win.current.text().startswith("A")
    accept_one("张三", "11010519491231002X")
    first = win.last
    win.finish()
    settle(win)
    center.stop()
    try:
        win.call_next()
        settle(win)
        assert "叫号需要连接中心" in win.message.text()
        accept_one("李四", "440524188001010014")
        second = win.last
        accept_one("王芳", "36070219920315002X")
        third = win.last
        wait_state(win, lambda st: st.synced_once and not st.online)
        assert "离线" in win.status.text()
        assert len(win.case_rows) == 3
    finally:
        center.start()
    wait_state(win, lambda st: st.online and st.pending_ops == 0)  # replication runs by itself
    assert "离线" not in win.status.text()
    with center.db.read_session() as s:
        numbers = sorted(s.scalars(select(m.Case.case_number)))
        assert numbers == sorted(c.case_number for c in (first, second, third) if c is not None)
        per_case = len(svc.checklist(svc.search_items("个体工商户注册登记")[0]))
        assert s.scalar(select(func.count()).select_from(m.CaseMaterial)) == 3 * per_case
    assert customer.prompt.text() == "请对本次服务进行评价"  # the pad waits for the first visit's rating
    win.shutdown()
    svc.term.close()


def test_the_queue_keys_work_from_the_keyboard(center, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    win, _customer, svc = open_counter(center.url, _settings(tmp_path), tmp_path / "out", window=1)
    win.user.setText("clerk01")
    win.password.setText("clerk")
    win.login()
    settle(win)
    StaffSession(center.url, "manager", "manager").post("/tickets", category="J")
    with qtbot.waitActive(win):
        win.activateWindow()
    win.search.setFocus()  # the clerk is typing in the search field: the keys still work
    qtbot.keyClick(win.search, Qt.Key.Key_F1)
    settle(win)
    assert win.current.text() == "J001"
    qtbot.keyClick(win.search, Qt.Key.Key_F4)
    settle(win)
    qtbot.keyClick(win.search, Qt.Key.Key_F5)
    settle(win)
    with center.db.read_session() as s:
        t = s.scalar(select(m.Ticket).where(m.Ticket.number == "J001"))
        assert t is not None and t.status.value == "done" and t.window_number == 1
    qtbot.keyClick(win.search, Qt.Key.Key_F1)
    settle(win)
    assert "本窗口暂无等候的号码" in win.message.text()
    win.shutdown()
    svc.term.close()


def test_the_customer_window_follows_the_visit(center, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Called: 请到本窗口办理, not yet 正在为您办理; started: 正在为您办理; the clerk's name and 工号 shown;
    the 请核对 box gone while the citizen rates."""
    win, customer, svc = open_counter(center.url, _settings(tmp_path), tmp_path / "out", window=1)
    win.user.setText("clerk01")
    win.password.setText("clerk")
    win.login()
    settle(win)
    StaffSession(center.url, "manager", "manager").post("/tickets", category="J")
    win.call_next()
    settle(win)
    assert customer.number.text() == "J001" and customer.confirm.text() == "请到本窗口办理"
    assert svc.clerk is not None and svc.clerk.name in customer.clerk.text() and "工号 clerk01" in customer.clerk.text()
    win.start()
    settle(win)
    assert customer.confirm.text() == "正在为您办理"
    customer.show_entry(["申请人：张*丰"])
    win.finish()
    settle(win)
    assert customer.pad.isVisibleTo(customer) and not customer.confirm.isVisibleTo(customer)
    customer.grab().save(str(tmp_path / "customer-rating.png"))
    win.shutdown()
    svc.term.close()
