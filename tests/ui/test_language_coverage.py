"""No string is shown without its translation: every visible widget text of the kiosk's pages (normal and
elderly mode), read in English and in Chinese. English allows Chinese only in hall data (the hall's name,
its categories, items and materials, the citizen's name); Chinese allows no English word but codes."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest

from app.config import KioskSettings
from app.demo.day import StaffSession
from app.domain.clock import local_today
from kiosk.shell import KioskShell
from kiosk.tour import DEMO_CARDS, Tour, settle
from tests.support.kiosk import accepted_case, demo_center, kiosk_backend, kiosk_terminal
from tests.ui.language_check import shown_texts, untranslated
from ui.fonts import install_fonts
from ui.i18n import install_language

ZHANG = "11010519491231002X"
HALL = "示范政务服务中心"


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)


@pytest.fixture(scope="module")
def hall(tmp_path_factory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("kiosk-lang")
    center = demo_center(tmp)
    _settings, term = kiosk_terminal(center.url, tmp, "kiosk-lang")
    number = f"H01-{local_today():%Y%m%d}-8002"
    accepted_case(term, number, ZHANG, window=1, due_in_days=10)
    term.engine.sync_once()
    term.engine.sync_once()
    yield center, term, number
    term.close()
    center.close()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_kiosk_page_speaks_one_language(qtbot, qapp, hall, tmp_path, language) -> None:  # type: ignore[no-untyped-def]
    center, term, number = hall
    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    backend = kiosk_backend(term, tmp_path / "prints")
    shell = KioskShell(
        backend,
        KioskSettings(admin_pin="2468", idle_timeout_s=600, idle_warning_s=15, sms_reminder=True),
        hall_name=HALL,
        clock=lambda: 1000.0,
    )
    qtbot.addWidget(shell)
    shell.resize(1080, 1920)
    shell.show()
    try:
        if language == "en":
            shell.toggle_language()
        settle(shell)
        mgr = StaffSession(center.url, "manager", "manager")
        clerk = StaffSession(center.url, "clerk05", "clerk", 5)  # window 5 serves category B
        clerk.post("/windows/5/open")
        visit = mgr.post("/tickets", category="B")
        called = clerk.post("/windows/5/call", number=visit["number"])
        clerk.post(f"/tickets/{called['ticket']['id']}/finish")

        # hall data, the citizens' names, and what the tour types (pinyin initials QYSL, echoed and given as
        # the search field's example; dengdai on the complaint's keyboard)
        data = {HALL, *(name for _id, name in DEMO_CARDS.values()), "QYSL", "qysl"}
        data |= {"dengdai", "等待", "灯", "等", "登", "瞪", "凳", "蹬", "邓", "澄", "橙"}  # pinyin typed on the keyboard, and its candidates
        data |= set(_strings(backend.guides.items)) | set(_strings(backend.guides.departments))
        data |= {c.name for c in backend.categories()} | {c.description for c in backend.categories()}
        departments = set(_strings(backend.guides.departments))  # department names, hall data
        bad: dict[str, list[str]] = {}

        def shoot(name: str) -> None:
            wrong = untranslated(shown_texts(shell), language, data, departments)
            if wrong:
                bad[name] = wrong

        Tour(shell, shoot).run("normal", case=(number, ZHANG[-6:]), visit_number=visit["number"])
        shell.toggle_elderly()
        settle(shell)
        Tour(shell, shoot).run("elderly", case=(number, ZHANG[-6:]), visit_number=None)
        assert not bad, f"shown without a {language} translation: {bad}"
    finally:
        shell.allow_close = True
        shell.shutdown()
        install_language(qapp, "zh_CN")


def test_the_check_fails_on_a_string_in_the_wrong_language() -> None:
    assert untranslated(["取号", "Take a ticket"], "en") == ["取号"]
    assert untranslated(["取号", "A001 is serving"], "zh_CN") == ["A001 is serving"]
    assert untranslated(["请到 A001 号 F1 ID", "English"], "zh_CN") == []
    assert untranslated(["Ticket for 张三"], "en", ["张三"]) == []


# ----------------------------------------------------------------------------- the counter


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_counter_and_its_customer_window_speak_one_language(qapp, tmp_path, qtbot, language, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from sqlalchemy import select

    from app.center.seed import seed_demo
    from app.counter.refusal_presets import BASES, GROUNDS
    from app.domain.catalog import load_catalog
    from app.store import models as m
    from tests.support.center import CenterServer
    from tests.ui.test_counter_keys import Counter
    from ui.counter.script import settle as settle_counter

    install_fonts(qapp)
    install_language(qapp, language)
    catalog = load_catalog()
    with CenterServer(sqlite_url, tmp_path / "center") as center:
        with center.db.write_session() as s:
            seed_demo(s, catalog)
        with center.db.read_session() as s:
            staff = set(s.scalars(select(m.Staff.full_name)))
            data = set(_strings([*s.scalars(select(m.Category.name)), *s.scalars(select(m.ServiceItem.name))]))
            data |= set(s.scalars(select(m.Department.name))) | set(s.scalars(select(m.Department.short_name)))
            data |= set(s.scalars(select(m.Material.name)))
        # the refusal notice's legal wording is printed in Chinese whatever the UI's language: the clerk picks
        # it from a list that glosses it in English
        data |= {g.reason for g in GROUNDS} | {b.text for b in BASES}
        data |= staff | {HALL, "张三", "李四", "qysl"}
        mgr = StaffSession(center.url, "manager", "manager")
        for _ in range(2):
            mgr.post("/tickets", category="J")
        c = Counter(center, tmp_path, qtbot)
        bad: dict[str, list[str]] = {}

        def look(step: str) -> None:
            for name, widget in (("counter", c.win), ("customer", c.customer)):
                wrong = untranslated(shown_texts(widget), language, data)
                if wrong:
                    bad[f"{step}:{name}"] = wrong

        try:
            look("logged-in")
            c.key(Qt.Key.Key_F1)
            look("called")
            c.key(Qt.Key.Key_F4)
            qtbot.keyClicks(c.win.search, "gtgshzcdj")  # 个体工商户注册登记
            c.key(Qt.Key.Key_Return)
            look("item-chosen")
            c.key(Qt.Key.Key_F5)
            look("finished")
            c.key(Qt.Key.Key_F5)  # no ticket any more: refused in words
            look("no-ticket")
            c.key(Qt.Key.Key_F7)
            look("paused")
            c.key(Qt.Key.Key_F1)
            look("paused-call")
            c.key(Qt.Key.Key_F8)
            c.win.tabs.setCurrentIndex(1)
            settle_counter(c.win)
            look("cases")
        finally:
            c.close()
    assert not bad, f"shown without a {language} translation: {bad}"


# ----------------------------------------------------------------------------- the queue screen


@pytest.mark.parametrize("portrait", [False, True], ids=["landscape", "portrait"])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_queue_screen_speaks_one_language(qtbot, qapp, language, portrait) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from app.domain.clock import HALL_TZ
    from ui.screen.board import BoardWidget

    install_fonts(qapp)
    install_language(qapp, language)
    try:
        w = BoardWidget(HALL, portrait=portrait)
        qtbot.addWidget(w)
        w.demo_mark.show()
        w.show()
        b = w.board
        windows = [{"number": n, "name": f"{n}号窗口", "status": st} for n, st in ((1, "open"), (2, "paused"), (3, "open"))]
        b.apply({"type": "snapshot", "data": {"windows": windows, "waiting": {"A": 3, "J": 1},
                                              "categories": {"A": "企业开办", "J": "税务综合"}}})
        b.apply({"type": "ticket.called", "data": {"number": "A001", "window": 1}})
        b.apply({"type": "ticket.called", "data": {"number": "J001", "window": 3}})
        b.apply({"type": "ticket.recalled", "data": {"number": "A001", "window": 1}})
        w.set_board(b)
        w.show_time(dt.datetime(2026, 12, 3, 9, 30, 5, tzinfo=HALL_TZ))  # a Thursday (星期四)
        qapp.processEvents()
        texts = shown_texts(w)
        assert any(("Thursday" if language == "en" else "星期四") in t for t in texts), texts
        wrong = untranslated(texts, language, {HALL, "1号窗口", "2号窗口", "3号窗口"})
        assert not wrong, f"shown without a {language} translation: {wrong}"
    finally:
        install_language(qapp, "zh_CN")


# ----------------------------------------------------------------------------- the manager console


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_console_tab_speaks_one_language(qtbot, qapp, tmp_path, language) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from app.center.seed import seed_demo
    from app.domain.catalog import load_catalog
    from app.store import models as m
    from app.sync.client import CenterClient
    from tests.support.center import CenterServer
    from ui.screen.console import ManagerConsole

    install_fonts(qapp)
    install_language(qapp, language)
    try:
        with CenterServer(f"sqlite:///{tmp_path / 'c.db'}", tmp_path / "c") as center:
            with center.db.write_session() as s:
                seed_demo(s, load_catalog())
            with center.db.read_session() as s:
                data = set(s.scalars(select(m.Staff.full_name))) | set(s.scalars(select(m.Window.name)))
                data |= set(s.scalars(select(m.Category.name))) | set(s.scalars(select(m.Department.name)))
                data |= set(s.scalars(select(m.ServiceItem.name))) | set(s.scalars(select(m.Department.short_name)))
                data |= set(s.scalars(select(m.Terminal.name)))
            data |= {HALL, "测试中心"}
            _settings, term = kiosk_terminal(center.url, tmp_path)
            backend = kiosk_backend(term, tmp_path / "prints")
            backend.feedback(["等候时间长", "设施环境"], "13812345678")
            assert backend.sync()
            clerk = StaffSession(center.url, "clerk03", "clerk", 3)
            clerk.post("/windows/3/open")
            clerk.post("/tickets", category="C")
            clerk.post("/windows/3/call-next")
            client = CenterClient(center.url)
            client.token = str(client.login_staff("manager", "manager").token)
            console = ManagerConsole(client, hall_name="测试中心", wait_warning_min=30, export_dir=tmp_path / "out")
            qtbot.addWidget(console)
            console.resize(1600, 1000)
            console.show()
            console.load_all()
            bad: dict[str, list[str]] = {}
            for i in range(console.tabs.count()):
                console.tabs.setCurrentIndex(i)
                qapp.processEvents()
                wrong = untranslated(shown_texts(console), language, data)
                if wrong:
                    bad[console.tabs.tabText(i)] = sorted(set(wrong))
            term.close()
            client.close()
        assert not bad, f"shown without a {language} translation: {bad}"
    finally:
        install_language(qapp, "zh_CN")


# ----------------------------------------------------------------------------- the core's own messages


def _core_messages() -> list[object]:
    """Messages of the core and the center a terminal or the console may show (issue 19: they were
    "中文 / English" strings or one language only)."""
    from pathlib import Path

    from app.center.hall_init import PasswordPolicyError
    from app.domain.workdays import UnknownCalendarYear
    from app.errors import HallError
    from app.i18n.messages import msg
    from app.sync.client import CenterNonsense
    from app.workbook.reader import CellError, WorkbookError
    from printers.escpos.errors import CoverOpen, CutShort, PaperOut, PrinterFault, PrinterOffline
    from printers.escpos.status import PAPER_NEAR_END_MESSAGE, parse_status

    cell = CellError("事项", 3, "A", "事项编码", msg("workbook.duplicate", what=msg("workbook.what.item"), value="X1", row=2))
    return [
        PasswordPolicyError(msg("password.letters_digits")),
        HallError(msg("init.has_admin")),
        HallError(msg("hours.bad_range_form", part="9-12")),
        UnknownCalendarYear(2031),
        CenterNonsense("http://192.0.2.1:8470", "{}"),
        PaperOut(), CoverOpen(), PrinterOffline(), PAPER_NEAR_END_MESSAGE,
        PrinterFault(msg("printer.head_hot")), CutShort(msg("printer.stopped.paper_out")),
        parse_status(0x1A, 0x32, 0x12, 0x72).describe(),
        WorkbookError(Path("hall.xlsx"), [cell]).message_for("hall.xlsx"),
        msg("closed.next", why=msg("closed.quota", detail=msg("closed.quota_detail", count=40)),
            date=msg("date.month_day", month=12, day=9), weekday={"code": "weekday_short:2", "params": {}}, time="09:00"),
        msg("stats.no_window"), msg("stats.window", window=3),
    ]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_cores_messages_speak_one_language(qtbot, qapp, language) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from ui.i18n import shown

    install_language(qapp, language)
    try:
        texts = []
        for message in _core_messages():
            label = QLabel(shown(message))  # how the terminals and the console show a refusal
            qtbot.addWidget(label)
            texts.append(label.text())
        assert all(texts)
        data = ["事项", "事项编码", "http://192.0.2.1:8470", "hall.xlsx", "X1", "9-12", "{}"]
        assert untranslated(texts, language, data) == [], texts
    finally:
        install_language(qapp, "zh_CN")


# ----------------------------------------------------------------------------- the back office


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_back_office_speaks_one_language(qtbot, qapp, tmp_path, language) -> None:  # type: ignore[no-untyped-def]
    """The work list and each kind of case (a 联办件, one returned for correction, one in a special step, one
    reported upward, a 告知承诺's verification, a 容缺 case) as department staff read them."""
    from sqlalchemy import select

    from app.center.seed import seed_demo
    from app.config import Settings
    from app.demo.back_office import back_office_cases
    from app.domain.catalog import load_catalog
    from app.store import models as m
    from app.sync.client import CenterClient
    from tests.support.center import CenterServer
    from ui.backoffice.window import BackOfficeWindow

    install_fonts(qapp)
    install_language(qapp, language)
    try:
        with CenterServer(f"sqlite:///{tmp_path / 'c.db'}", tmp_path / "c") as center:
            with center.db.write_session() as s:
                seed_demo(s, load_catalog())
            numbers = back_office_cases(center.url, Settings(data_dir=tmp_path / "t", keyring_file=tmp_path / "t" / "k.cfg"))
            with center.db.read_session() as s:
                data = set(s.scalars(select(m.Staff.full_name))) | set(s.scalars(select(m.Department.name)))
                data |= set(s.scalars(select(m.ServiceItem.name))) | set(s.scalars(select(m.Material.name)))
                data |= set(s.scalars(select(m.Staff.username))) | set(s.scalars(select(m.Window.name)))
            data |= {"测试中心", *numbers.values()}
            client = CenterClient(center.url)
            w = BackOfficeWindow(client, hall_name="测试中心", papers_dir=tmp_path / "papers")
            qtbot.addWidget(w)
            w.resize(1400, 900)
            w.show()
            bad: dict[str, list[str]] = {}

            def check(where: str) -> None:
                qapp.processEvents()
                texts = shown_texts(w)
                # what the case itself says: applicants (masked), ID and phone numbers, dates, opinions
                case_data = set(data)
                for t in w.tasks:
                    case_data |= {str(t["applicant"]), str(t["item_name"]), str(t["department"])}
                if w.case is not None:
                    case_data |= {str(h.get("actor") or "") for h in w.case["history"]}
                    case_data |= {str(h.get("reason") or "") for h in w.case["history"] if h["step"] == "pause"}  # the staff's words
                    case_data |= {str((h.get("detail") or {}).get("receiver") or "") for h in w.case["history"]}
                    case_data |= {str(t.get("opinion") or "") for t in w.case["tasks"]} | set(w.case.get("correction") or [])
                    case_data |= {str(t["department"]) for t in w.case["tasks"]}
                    a = w.case["applicant"]
                    case_data |= {a["name"][:1] + "**", str(a["id_number"]), str(a["phone"] or "")}
                wrong = untranslated(texts, language, case_data)
                if wrong:
                    bad[where] = sorted(set(wrong))

            check("login")
            w.user_edit.setText("bo_scjg")
            w.password_edit.setText("backoffice")
            w.login_button.click()
            qtbot.waitUntil(lambda: w.stack.currentWidget() is w.list_page and bool(w.tasks) and not w.pending, timeout=10_000)
            check("work list")
            w.grab().save(str(tmp_path / f"backoffice-list-{language}.png"))
            seen = set()
            for row, task in enumerate(list(w.tasks)):
                if task["case_number"] in seen:
                    continue
                seen.add(task["case_number"])
                w.open_task(row)
                qtbot.waitUntil(lambda t=task: w.case is not None and w.case["case_number"] == t["case_number"] and not w.pending, timeout=10_000)  # type: ignore[misc]
                check(task["case_number"])
                if len(seen) == 1:
                    w.grab().save(str(tmp_path / f"backoffice-case-{language}.png"))
                w.back_to_list()
                qtbot.waitUntil(lambda: not w.pending, timeout=10_000)
            assert len(seen) >= 3
            client.close()
        assert not bad, f"shown without a {language} translation: {bad}"
    finally:
        install_language(qapp, "zh_CN")
