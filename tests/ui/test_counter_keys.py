"""The counter from the keyboard (issue 19), pytest-qt against a real center, in Chinese and English: every
queue key says what it did, a paused window looks paused at the counter and on the customer window, a
finished ticket leaves the window, the item search is driven by ↑/↓/Enter, materials start at what the
catalog asks with a 全部收齐 key, a real-name ticket's holder is checked at F9, refusals offer the common
grounds, the next call clears the last visit, the applicant's phone is 联系电话 — and a whole visit played
with key presses only, checked at the center."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QListView
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.center.seed import seed_demo
from app.config import Settings
from app.counter.refusal_presets import ART32_2, GROUNDS
from app.demo.day import StaffSession, publish_next_year
from app.domain.catalog import load_catalog
from app.store import models as m
from tests.support.center import CenterServer
from ui.counter.cli import card_reader
from ui.counter.script import open_counter, settle
from ui.fonts import install_fonts
from ui.i18n import install_language

ZHANG = "11010519491231002X"  # the simulated reader's card
LI = "440524188001010014"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def center(sqlite_url, tmp_path, qapp) -> Iterator[CenterServer]:  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    with CenterServer(sqlite_url, tmp_path / "center") as c:
        with c.db.write_session() as s:
            seed_demo(s, load_catalog())
        publish_next_year(c.url)
        yield c
    install_language(qapp, "zh_CN")


@pytest.fixture(params=["zh_CN", "en"])
def language(request, qapp, center) -> str:  # type: ignore[no-untyped-def]
    install_language(qapp, request.param)
    return str(request.param)


class Counter:
    """The counter at window 1, logged in, active (its keys are window shortcuts)."""

    def __init__(self, center: CenterServer, tmp: Path, qtbot: Any, *, card: str | None = None) -> None:
        settings = Settings(data_dir=tmp / "counter", keyring_file=tmp / "counter" / "k.cfg", hall_name="示范政务服务中心")
        self.reader = card_reader(f"sim://keys?card={card}") if card else None
        self.win, self.customer, self.svc = open_counter(center.url, settings, tmp / "out", window=1, read_card=self.reader)
        self.qtbot, self.tmp, self.center = qtbot, tmp, center
        self.win.user.setText("clerk01")
        self.win.password.setText("clerk")
        self.win.login()
        settle(self.win)
        assert self.win.pages.currentIndex() == 1, self.win.login_message.text()
        with qtbot.waitActive(self.win):
            self.win.activateWindow()

    def key(self, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, at: Any = None) -> str:
        """One key press where the clerk's focus is (the search field unless told), then the message line."""
        self.qtbot.keyClick(at or self.win.search, key, mods)
        settle(self.win)
        return str(self.win.message.text())

    def shot(self, name: str, widget: Any = None) -> Path:
        path = self.tmp / f"{name}.png"
        (widget or self.win).grab().save(str(path))
        return path

    def close(self) -> None:
        self.win.shutdown()
        self.svc.term.close()
        if self.reader is not None:
            self.reader.close()


def _replicated(c: Counter, arrived: Callable[[Session], bool], timeout_s: float = 20.0) -> None:
    """Until the counter's records have reached the center (replication woken, the GUI kept running)."""
    deadline = time.monotonic() + timeout_s
    while True:
        with c.center.db.read_session() as s:
            if arrived(s):
                return
        if time.monotonic() > deadline:
            raise TimeoutError("the counter's records never reached the center")
        c.win.runtime.wake_sync()
        settle(c.win)
        time.sleep(0.05)


def ime(widget: Any, text: str) -> None:
    """Chinese typed as a clerk types it: the pinyin input method commits the characters to the field."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _ticket(center: CenterServer, number: str) -> m.Ticket:
    with center.db.read_session() as s:
        t = s.scalar(select(m.Ticket).where(m.Ticket.number == number))
        assert t is not None
        return t


def _window_status(center: CenterServer) -> str:
    with center.db.read_session() as s:
        w = s.scalar(select(m.Window).where(m.Window.number == 1))
        assert w is not None
        return w.status.value


WORDS = {
    "zh_CN": {
        "called": "已呼叫 J001",
        "started": "开始办理 J001",
        "finished": "J001 办理结束",
        "no_ticket": "本窗口当前没有正在办理的号码",
        "paused": "窗口已暂停服务",
        "paused_marker": "暂停服务",
        "paused_call": "请先按 F8 恢复服务",
        "resumed": "窗口已恢复服务",
        "customer_paused": "暂停服务",
        "recalled": "已重呼 J002",
        "no_show": "J002 未到，已过号",
    },
    "en": {
        "called": "Called J001",
        "started": "Serving J001 now",
        "finished": "J001 finished",
        "no_ticket": "No ticket is being served at this window",
        "paused": "The window is paused",
        "paused_marker": "SERVICE PAUSED",
        "paused_call": "press F8 to resume the service first",
        "resumed": "The window serves again",
        "customer_paused": "Service paused",
        "recalled": "Called J002 again",
        "no_show": "J002 did not come: marked as no-show",
    },
}


def test_every_queue_key_says_what_it_did_and_a_paused_window_looks_paused(center, language, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    words = WORDS[language]
    mgr = StaffSession(center.url, "manager", "manager")
    for _ in range(2):
        mgr.post("/tickets", category="J")
    c = Counter(center, tmp_path, qtbot)
    win, customer = c.win, c.customer
    try:
        assert words["called"] in c.key(Qt.Key.Key_F1)
        assert words["started"] in c.key(Qt.Key.Key_F4)
        assert _ticket(center, "J001").status.value == "serving"
        # F5: the ticket leaves the window; the keys after it say no ticket is being served
        assert words["finished"] in c.key(Qt.Key.Key_F5)
        assert win.current.text() == "—" and c.svc.current is None
        assert customer.pad.isVisibleTo(customer)  # the citizen rates the visit just finished
        for again in (Qt.Key.Key_F5, Qt.Key.Key_F3, Qt.Key.Key_F2, Qt.Key.Key_F4):
            said = c.key(again)
            assert words["no_ticket"] in said and "J001" not in said, said
            assert win.message.objectName() == "error"
        assert _ticket(center, "J001").status.value == "done"
        # F7: paused at the counter (marker, status bar) and on the customer window
        customer.level_buttons[5].click()  # the citizen rates first
        settle(win)
        assert words["paused"] in c.key(Qt.Key.Key_F7)
        assert _window_status(center) == "paused"
        assert win.window_state.isVisibleTo(win) and words["paused_marker"] in win.window_state.text()
        assert words["paused_marker"] in win.status.text()
        assert customer.paused.isVisibleTo(customer) and customer.paused.text() == words["customer_paused"]
        assert customer.number.text() == ""
        c.shot(f"counter-paused-{language}")
        c.shot(f"customer-paused-{language}", customer)
        said = c.key(Qt.Key.Key_F1)  # paused: nobody is called
        assert words["paused_call"] in said and "J002" not in said
        assert _ticket(center, "J002").status.value == "waiting"
        win.refresh_status()  # the 5-second refresh keeps what the center holds: still paused
        settle(win)
        assert win.window_state.isVisibleTo(win)
        # F8: serving again, the marker gone
        assert words["resumed"] in c.key(Qt.Key.Key_F8)
        assert _window_status(center) == "idle"
        assert not win.window_state.isVisibleTo(win) and not customer.paused.isVisibleTo(customer)
        assert words["paused_marker"] not in win.status.text()
        c.key(Qt.Key.Key_F1)
        assert words["recalled"] in c.key(Qt.Key.Key_F2)
        assert words["no_show"] in c.key(Qt.Key.Key_F3)
        assert win.current.text() == "—"
        c.shot(f"counter-after-no-show-{language}")
    finally:
        c.close()


def test_the_rating_after_f5_goes_to_the_finished_visit(center, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    StaffSession(center.url, "manager", "manager").post("/tickets", category="J")
    c = Counter(center, tmp_path, qtbot)
    try:
        c.key(Qt.Key.Key_F1)
        c.key(Qt.Key.Key_F5)
        assert c.svc.current is None
        c.customer.level_buttons[4].click()
        settle(c.win)
        _replicated(c, lambda s: s.scalar(select(m.Rating.id)) is not None)
        with center.db.read_session() as s:
            rating = s.scalar(select(m.Rating))
            assert rating is not None and rating.level == 4
            assert rating.ticket_id == _ticket(center, "J001").id and rating.window_number == 1
    finally:
        c.close()


def test_the_item_search_is_driven_by_the_arrow_keys_and_enter(center, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = Counter(center, tmp_path, qtbot)
    win = c.win
    try:
        c.key(Qt.Key.Key_F, CTRL)  # Ctrl+F: to the search field
        assert win.search.hasFocus()
        qtbot.keyClicks(win.search, "dengji")  # 登记, in full pinyin
        assert len(win.results) >= 3 and win.result_list.currentRow() == 0
        c.key(Qt.Key.Key_Down)
        c.key(Qt.Key.Key_Down)
        c.key(Qt.Key.Key_Up)
        c.key(Qt.Key.Key_Down)
        assert win.result_list.currentRow() == 2
        wanted = win.results[2]
        said = c.key(Qt.Key.Key_Return)
        assert win.item is not None and win.item.id == wanted.id
        assert said == f"已选择“{wanted.name}”：请核对材料（全部收齐按 F10）。" and win.checklist.hasFocus()
        assert win.item_label.text().startswith(wanted.name)
        assert win.checklist.rowCount() == len(wanted.materials)
        c.shot("item-picked")
        for _ in range(30):  # ↓ stops at the last result, never past it
            qtbot.keyClick(win.search, Qt.Key.Key_Down)
        assert win.result_list.currentRow() == len(win.results) - 1
        qtbot.keyClicks(win.search, "zzzzzz")
        c.key(Qt.Key.Key_Return)  # nothing found: Enter picks nothing, the chosen item stays
        assert win.item is not None and win.item.id == wanted.id
    finally:
        c.close()


def test_materials_start_as_the_catalog_asks_and_f10_receives_all(center, language, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = Counter(center, tmp_path, qtbot)
    win = c.win
    try:
        said = c.key(Qt.Key.Key_F10)  # no item yet
        assert said == ("请先选择办理事项。" if language == "zh_CN" else "Choose the service item first.")
        qtbot.keyClicks(win.search, "qybg")
        c.key(Qt.Key.Key_Return)
        assert win.item is not None and win.item.name == "企业变更登记"
        checks = win.checks
        assert any(not ch.required for ch in checks) and any(ch.deferrable for ch in checks)
        for got in win.collect_checks():
            if got.required:
                assert (got.originals_received, got.copies_received) == (got.originals_needed, got.copies_needed)
            else:
                assert (got.originals_received, got.copies_received) == (0, 0)
        deferrable = next(i for i, ch in enumerate(checks) if ch.deferrable)
        win.checklist.cellWidget(deferrable, 4).setChecked(True)  # 容缺: nothing of it handed in today
        assert win.collect_checks()[deferrable].originals_received == 0
        win.set_received(0, 0, 0)
        c.shot(f"checklist-before-all-{language}")
        said = c.key(Qt.Key.Key_F10)
        assert said == (
            f"{len(checks)} 项材料已全部收齐。" if language == "zh_CN" else f"All {len(checks)} materials received."
        )
        got = win.collect_checks()
        assert all(g.complete and g.deferred_until is None for g in got)
        label = "全部收齐" if language == "zh_CN" else "All received"
        assert win.all_received.text().startswith(label) and "[F10]" in win.all_received.text()
        c.shot(f"checklist-all-received-{language}")
    finally:
        c.close()


def test_a_real_name_tickets_holder_is_checked_at_f9(center, language, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    mgr = StaffSession(center.url, "manager", "manager")
    mgr.post("/tickets", category="J", id_number=ZHANG)  # J001: taken with 张三's card
    mgr.post("/tickets", category="J", id_number=LI)  # J002: with 李四's
    mgr.post("/tickets", category="J")  # J003: without a card
    c = Counter(center, tmp_path, qtbot, card="zhangsan")  # the citizen at the window shows 张三's card
    win = c.win
    zh = language == "zh_CN"
    try:
        c.key(Qt.Key.Key_F1)
        assert win.id_hint.text() == ("实名取号：请读取取号人身份证（F9）" if zh else "Real-name ticket: read the holder's ID card (F9)")
        said = c.key(Qt.Key.Key_F9)
        assert ("与取号人为同一人" if zh else "the same person") in said and win.message.objectName() == "ok"
        assert win.name_edit.text() == "张三" and win.id_number() == ZHANG
        assert win.id_edit.text() == "110105********002X"  # masked on screen, whole in the form's data
        assert ZHANG not in said
        c.key(Qt.Key.Key_F5)
        c.key(Qt.Key.Key_F1)  # J002, taken with 李四's card: 张三 applies for him (代办)
        said = c.key(Qt.Key.Key_F9)
        assert win.message.objectName() == "warn", said
        assert ("不一致" if zh else "is not the one ticket J002 was taken with") in said
        assert ("代办" in said) and ("委托书" if zh else "power of attorney") in said
        assert win.id_hint.text() == ("非取号本人" if zh else "Not the ticket's holder")
        c.shot(f"counter-other-holder-{language}")
        qtbot.keyClicks(win.search, "gtgshzcdj")  # 个体工商户注册登记
        c.key(Qt.Key.Key_Return)
        c.key(Qt.Key.Key_F10)
        c.key(Qt.Key.Key_Return, CTRL)  # the clerk goes on: 代办 is legal
        assert win.last is not None and win.last.outcome.status.value == "approved", win.message.text()
        c.key(Qt.Key.Key_F5)
        c.key(Qt.Key.Key_F1)  # J003: no card at the kiosk, no question
        assert win.id_hint.text() == ""
        said = c.key(Qt.Key.Key_F9)
        assert win.message.objectName() == "ok" and ("不一致" not in said and "holder" not in said)
    finally:
        c.close()


def test_refusals_offer_the_common_grounds_and_their_bases(center, language, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    StaffSession(center.url, "manager", "manager").post("/tickets", category="J")
    c = Counter(center, tmp_path, qtbot)
    win = c.win
    try:
        box = win.refusal.reason_box
        shown = [box.itemText(i) for i in range(1, box.count())]
        assert len(shown) == len(GROUNDS) >= 3
        for text, ground in zip(shown, GROUNDS, strict=True):
            assert ground.reason in text  # the printed wording, with a gloss in English
            assert (text == ground.reason) == (language == "zh_CN")
        assert any("不属于本机关职权范围" in g.reason for g in GROUNDS)
        assert any("不需要取得行政许可" in g.reason for g in GROUNDS)
        assert any("材料不齐全且当场无法补正" in g.reason for g in GROUNDS)
        bases = [win.refusal.basis_box.itemData(i) for i in range(1, win.refusal.basis_box.count())]
        assert "《中华人民共和国行政许可法》第三十二条" in bases
        c.key(Qt.Key.Key_F1)
        win.name_edit.setFocus()
        ime(win.name_edit, "李四")
        qtbot.keyClicks(win.id_edit, LI)
        qtbot.keyClicks(win.search, "spjyxk")  # 食品经营许可
        c.key(Qt.Key.Key_Return)
        box.setFocus()
        c.key(Qt.Key.Key_Down, at=box)
        c.key(Qt.Key.Key_Down, at=box)  # the second common ground: not within this authority's powers
        ground = GROUNDS[1]
        assert win.reason.text() == ground.reason  # the wording that is printed, in either language
        assert win.basis.text() == ground.basis.text == ART32_2.text  # its basis came with it
        ime(win.reason, "（市场监管局）")  # still editable
        for name, choices in (("reasons", box), ("bases", win.refusal.basis_box)):
            listed = QListView()  # the list as the clerk sees it, drawn without opening the popup
            listed.setModel(choices.model())
            listed.resize(760, listed.sizeHintForRow(0) * choices.count() + 6)
            assert listed.grab().save(str(tmp_path / f"refusal-{name}-{language}.png"))
        c.shot(f"counter-refusal-{language}")
        c.key(Qt.Key.Key_R, CTRL)
        assert win.last is not None and win.last.outcome.status.value == "refused", win.message.text()
        assert win.reason.text() == "" and win.basis.text() == ""  # the form is cleared after the decision
        number = win.last.case_number
        _replicated(c, lambda s: s.scalar(select(m.Case.id).where(m.Case.case_number == number)) is not None)
        with center.db.read_session() as s:
            case = s.scalar(select(m.Case).where(m.Case.case_number == number))
            assert case is not None and case.refusal_reason == ground.reason + "（市场监管局）"
            assert case.refusal_basis == ART32_2.text
    finally:
        c.close()


def test_the_next_call_clears_the_previous_visit(center, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    mgr = StaffSession(center.url, "manager", "manager")
    for _ in range(2):
        mgr.post("/tickets", category="J")
    c = Counter(center, tmp_path, qtbot)
    win, customer = c.win, c.customer
    try:
        c.key(Qt.Key.Key_F1)
        ime(win.name_edit, "李四")
        qtbot.keyClicks(win.id_edit, LI)
        qtbot.keyClicks(win.phone_edit, "13812345678")
        qtbot.keyClicks(win.search, "gtgshzcdj")  # 个体工商户注册登记
        c.key(Qt.Key.Key_Return)
        c.key(Qt.Key.Key_Return, CTRL)
        assert win.last is not None and win.outcome.text().startswith(f"办件 {win.last.case_number}")
        number = win.last.case_number
        c.key(Qt.Key.Key_F5)
        ime(win.name_edit, "王")  # a half-typed form of the visit that ended
        qtbot.keyClicks(win.search, "qybg")
        c.key(Qt.Key.Key_Return)
        win.reason.setText("申请事项依法不需要取得行政许可")
        c.shot("before-next-call")
        said = c.key(Qt.Key.Key_F1)
        assert said == "已呼叫 J002" and number not in said
        assert win.outcome.text() == "" and win.last is None
        for field in (win.name_edit, win.id_edit, win.phone_edit, win.search, win.reason, win.basis):
            assert field.text() == "", field
        assert win.item is None and win.checklist.rowCount() == 0 and win.item_label.text() == "未选择事项"
        assert not win.id_edit.isReadOnly()
        assert customer.number.text() == "J002" and customer.confirm.text() == "请到本窗口办理"
        c.shot("after-next-call")
    finally:
        c.close()


def test_the_applicants_phone_is_labelled_as_the_applicants(center, language, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    c = Counter(center, tmp_path, qtbot)
    try:
        assert c.win.minimumSizeHint().width() <= 1440  # fits the counter's screen in either language
        labels = [w.text() for w in c.win.findChildren(QLabel)]
        assert ("联系电话" if language == "zh_CN" else "Applicant's phone") in labels
        assert not any("咨询电话" in t for t in labels)
        c.shot(f"counter-form-{language}")
        c.win.tabs.setCurrentIndex(1)
        c.shot(f"counter-cases-{language}")
    finally:
        c.close()


def test_a_whole_visit_from_the_keyboard(center, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """F1 call, F4 start, F9 the card from the simulated reader, the phone typed, Ctrl+F and the item by
    its pinyin initials with Enter, F10 全部收齐, Ctrl+Enter accept, F5 finish: the clerk never touches the
    mouse; the citizen rates on the pad. At the center: the ticket done, the case with its applicant and
    materials, the rating tied to both."""
    StaffSession(center.url, "manager", "manager").post("/tickets", category="J", id_number=ZHANG)
    c = Counter(center, tmp_path, qtbot, card="zhangsan")
    win = c.win
    try:
        assert c.key(Qt.Key.Key_F1) == "已呼叫 J001"
        assert c.key(Qt.Key.Key_F4) == "开始办理 J001"
        assert "与取号人为同一人" in c.key(Qt.Key.Key_F9)
        qtbot.keyClicks(win.phone_edit, "13812345678")
        c.key(Qt.Key.Key_F, CTRL, at=win.phone_edit)
        assert win.search.hasFocus()
        qtbot.keyClicks(win.search, "qybg")
        c.key(Qt.Key.Key_Return)
        assert win.item is not None and win.item.name == "企业变更登记"
        c.key(Qt.Key.Key_F10, at=win.checklist)
        c.shot("whole-visit-form")
        c.shot("whole-visit-customer", c.customer)
        c.key(Qt.Key.Key_Return, CTRL, at=win.checklist)
        accepted = win.last
        assert accepted is not None and accepted.outcome.status.value == "accepted", win.message.text()
        assert c.key(Qt.Key.Key_F5).startswith("J001 办理结束")
        c.shot("whole-visit-finished")
        c.customer.level_buttons[5].click()  # the citizen's tap on the pad
        settle(win)
        _replicated(c, lambda s: s.scalar(select(m.Rating.id)) is not None)
        ticket = _ticket(center, "J001")
        assert ticket.status.value == "done" and ticket.window_number == 1
        with center.db.read_session() as s:
            case = s.scalar(select(m.Case).where(m.Case.case_number == accepted.case_number))
            assert case is not None and case.status.value == "accepted" and case.window_number == 1
            assert case.ticket_id == ticket.id
            applicant = s.get(m.Applicant, case.applicant_id)
            assert applicant is not None and applicant.name == "张三"
            assert applicant.id_number_masked == "110105********002X"
            assert center.cipher.decrypt(applicant.id_number_enc) == ZHANG  # whole, sealed, at the center
            materials = list(s.scalars(select(m.CaseMaterial).where(m.CaseMaterial.case_id == case.id)))
            assert materials and all(mt.state == "received" for mt in materials)
            rating = s.scalar(select(m.Rating).where(m.Rating.case_id == case.id))
            assert rating is not None and rating.level == 5 and rating.ticket_id == ticket.id
    finally:
        c.close()
