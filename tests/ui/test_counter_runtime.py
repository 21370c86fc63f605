"""The counter on its terminal runtime (pytest-qt, the real window against a real center): keys pressed
at once run in the order pressed; replication goes on after logout; a lost answer to call-next is
recovered from what the center holds for the window, so every key works again."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.center.seed import seed_demo
from app.config import Settings
from app.demo.day import StaffSession, publish_next_year
from app.domain.acceptance import Decision
from app.domain.catalog import load_catalog
from app.store import models as m
from tests.support.center import CenterServer
from ui.counter.script import open_counter, settle, wait_state
from ui.fonts import install_fonts
from ui.i18n import install_language


@pytest.fixture
def center(sqlite_url, tmp_path, qapp):  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    with CenterServer(sqlite_url, tmp_path / "center") as c:
        with c.db.write_session() as s:
            seed_demo(s, load_catalog())
        publish_next_year(c.url)
        yield c


def _settings(tmp: Path) -> Settings:
    return Settings(data_dir=tmp / "counter", keyring_file=tmp / "counter" / "k.cfg", hall_name="示范政务服务中心")


def _login(win, user: str, qtbot=None) -> None:  # type: ignore[no-untyped-def]
    win.user.setText(user)
    win.password.setText("clerk")
    win.login()
    settle(win)
    assert win.pages.currentIndex() == 1, win.login_message.text()
    if qtbot is not None:  # the keys are window shortcuts: the window must be the active one
        with qtbot.waitActive(win):
            win.activateWindow()


def _ticket(center: CenterServer, number: str) -> m.Ticket:
    with center.db.read_session() as s:
        t = s.scalar(select(m.Ticket).where(m.Ticket.number == number))
        assert t is not None
        return t


def test_f5_then_f1_at_once_finish_the_ticket_that_was_serving(center, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    win, _customer, svc = open_counter(center.url, _settings(tmp_path), tmp_path / "out", window=1)
    try:
        _login(win, "clerk01", qtbot)
        mgr = StaffSession(center.url, "manager", "manager")
        for _ in range(2):
            mgr.post("/tickets", category="J")
        qtbot.keyClick(win.search, Qt.Key.Key_F1)
        qtbot.keyClick(win.search, Qt.Key.Key_F4)
        settle(win)
        assert win.current.text() == "J001"
        qtbot.keyClick(win.search, Qt.Key.Key_F5)  # finish J001 …
        qtbot.keyClick(win.search, Qt.Key.Key_F1)  # … and at once the next one
        settle(win)
        assert _ticket(center, "J001").status.value == "done"
        second = _ticket(center, "J002")
        assert second.status.value == "called" and second.window_number == 1
        assert win.current.text() == "J002"
        assert "J002" in win.message.text()
    finally:
        win.shutdown()
        svc.term.close()


def test_logout_right_after_an_offline_acceptance_the_case_still_reaches_the_center(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    win, _customer, svc = open_counter(
        center.url, _settings(tmp_path), tmp_path / "out", window=2, sync_interval=0.5, max_backoff=0.5
    )
    try:
        _login(win, "clerk02")
        center.stop()
        try:
            win.name_edit.setText("李四")
            win.id_edit.setText("440524188001010014")
            win.search.setText("个体工商户注册登记")
            settle(win)
            win.choose_item(win.results[0])
            win.receive_all()
            win.decide(Decision.ACCEPT)
            win.logout()  # pressed right after: the acceptance runs first, then the logout
            settle(win)
            assert win.last is not None and win.pages.currentIndex() == 0
            number = win.last.case_number
            wait_state(win, lambda st: st.synced_once and not st.online and st.pending_ops > 0)
        finally:
            center.start()
        assert svc.clerk is None  # nobody logs in again …
        wait_state(win, lambda st: st.online and st.pending_ops == 0)  # … and replication goes on
        with center.db.read_session() as s:
            assert s.scalar(select(m.Case.case_number).where(m.Case.case_number == number)) == number
    finally:
        win.shutdown()
        svc.term.close()


class _LoseAnswers(httpx.BaseTransport):
    """The request reaches the center, its answer is lost on the way back (for paths that match)."""

    def __init__(self, inner: httpx.BaseTransport, match: str, times: int = 1) -> None:
        self.inner, self.match, self.left = inner, match, times

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if self.match in request.url.path and self.left > 0:
            self.left -= 1
            response.read()
            response.close()
            raise httpx.ReadTimeout("the answer was lost", request=request)
        return response

    def close(self) -> None:
        self.inner.close()


def test_a_lost_call_next_answer_is_recovered_from_the_center(center, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    win, _customer, svc = open_counter(center.url, _settings(tmp_path), tmp_path / "out", window=1)
    try:
        _login(win, "clerk01", qtbot)
        StaffSession(center.url, "manager", "manager").post("/tickets", category="J")
        svc.staff.http._transport = _LoseAnswers(svc.staff.http._transport, "/call-next")
        qtbot.keyClick(win.search, Qt.Key.Key_F1)
        settle(win)
        called = _ticket(center, "J001")
        assert called.status.value == "called" and called.window_number == 1  # the center did call it
        deadline = time.monotonic() + 10
        while win.current.text() != "J001" and time.monotonic() < deadline:  # the counter asks the center
            settle(win)
            time.sleep(0.02)
        assert win.current.text() == "J001"
        qtbot.keyClick(win.search, Qt.Key.Key_F4)  # every key works again: start …
        settle(win)
        qtbot.keyClick(win.search, Qt.Key.Key_F5)  # … and finish, without a manager
        settle(win)
        assert _ticket(center, "J001").status.value == "done"
    finally:
        win.shutdown()
        svc.term.close()


def test_a_restarted_counter_takes_its_window_ticket_from_the_center(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    StaffSession(center.url, "manager", "manager").post("/tickets", category="J")
    clerk = StaffSession(center.url, "clerk01", "clerk", 1)
    clerk.post("/windows/1/open")
    clerk.post("/windows/1/call-next")  # called before the counter (re)started
    win, _customer, svc = open_counter(center.url, _settings(tmp_path), tmp_path / "out", window=1)
    try:
        _login(win, "clerk01")
        assert win.current.text() == "J001"
        win.finish()
        settle(win)
        assert _ticket(center, "J001").status.value == "done"
    finally:
        win.shutdown()
        svc.term.close()
