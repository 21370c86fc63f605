"""The kiosk's flows own what is in flight (pytest-qt, the real shell against a real center): whatever
happens while a ticket request runs — the card lifted, the card read again, a double tap, the language
or the elderly mode switched, the page re-rendered — the citizen gets exactly one ticket and one print."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from app.config import KioskSettings
from app.demo.day import StaffSession
from app.store import models as m
from kiosk.shell import KioskShell
from kiosk.tour import settle, tap
from tests.support.kiosk import demo_center, kiosk_backend, kiosk_terminal
from ui.fonts import install_fonts
from ui.i18n import install_language

ZHANG, LISI = ("11010519491231002X", "张三"), ("440524188001010014", "李四")


@pytest.fixture(scope="module")
def hall(tmp_path_factory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("kiosk-inflight")
    center = demo_center(tmp)
    _settings, term = kiosk_terminal(center.url, tmp, "kiosk-inflight")
    yield center, term
    term.close()
    center.close()


@pytest.fixture
def shell(qtbot, qapp, hall, tmp_path):  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    _center, term = hall
    sh = KioskShell(kiosk_backend(term, tmp_path / "prints"), KioskSettings(), hall_name="示范政务服务中心")
    qtbot.addWidget(sh)
    sh.resize(1080, 1920)
    sh.show()
    yield sh
    install_language(qapp, "zh_CN")
    sh.allow_close = True
    sh.shutdown()


def _waiting(center_url: str, prefix: str) -> int:
    return int(StaffSession(center_url, "manager", "manager").get("/queue")["waiting"][prefix])


def _until_done(shell: KioskShell) -> None:
    deadline = time.monotonic() + 15
    while shell.page.flow.state not in ("done", "print_failed", "failed", "refused"):  # type: ignore[attr-defined]
        settle(shell)
        assert time.monotonic() < deadline, shell.page.flow.state  # type: ignore[attr-defined]
        time.sleep(0.01)
    settle(shell)


def _tickets_printed(prints: Path) -> list[Path]:
    return sorted(prints.glob("ticket-*.png")) if prints.exists() else []


def test_card_lifted_during_the_request_gives_one_ticket_and_one_print(shell, hall, tmp_path) -> None:  # type: ignore[no-untyped-def]
    center, _term = hall
    shell.open("ticket")
    settle(shell)
    category = shell.page.flow.categories[0]
    before = _waiting(center.url, category.prefix)
    tap(shell, category.name)
    assert shell.page.flow.state == "card"
    shell.card.placed.emit(*ZHANG)  # the poller read the card: the request starts
    assert shell.page.flow.in_flight == "issue"
    # … and while it runs, everything the reader and the citizen can do to the page
    shell.card.removed.emit()  # lifted
    shell.card.failed.emit("card removed during the read")
    shell.card.placed.emit(*ZHANG)  # put down again
    shell.card.placed.emit(*LISI)  # another card
    shell.page.render()
    _until_done(shell)
    assert shell.page.flow.state == "done", shell.page.flow.detail
    assert _waiting(center.url, category.prefix) == before + 1  # exactly one ticket at the center
    assert len(_tickets_printed(tmp_path / "prints")) == 1  # and one print


def test_language_and_elderly_switch_during_the_request_give_one_ticket(shell, hall, tmp_path) -> None:  # type: ignore[no-untyped-def]
    center, _term = hall
    shell.open("ticket")
    settle(shell)
    category = shell.page.flow.categories[1]
    before = _waiting(center.url, category.prefix)
    tap(shell, category.name)
    shell.card.placed.emit(*LISI)
    shell.toggle_language()  # English
    shell.toggle_elderly()
    shell.toggle_language()  # 中文 again
    shell.toggle_elderly()
    _until_done(shell)
    assert shell.page.flow.state == "done"
    assert _waiting(center.url, category.prefix) == before + 1
    assert len(_tickets_printed(tmp_path / "prints")) == 1


def test_a_double_tap_without_card_gives_one_ticket(shell, hall, tmp_path) -> None:  # type: ignore[no-untyped-def]
    center, _term = hall
    shell.open("ticket")
    settle(shell)
    category = shell.page.flow.categories[2]
    before = _waiting(center.url, category.prefix)
    tap(shell, category.name)
    skip = "不刷身份证，直接取号"
    (button,) = [b for b in shell.page.findChildren(QPushButton) if b.text() == skip and b.isVisibleTo(shell.page)]
    button.click()
    button.click()  # the same finger, twice, before the page changed
    shell.page._skip()  # and once more as the page's own handler
    _until_done(shell)
    assert _waiting(center.url, category.prefix) == before + 1
    assert len(_tickets_printed(tmp_path / "prints")) == 1


def test_a_double_tap_on_print_guide_prints_once(shell, tmp_path) -> None:  # type: ignore[no-untyped-def]
    shell.open("guides")
    settle(shell)
    flow = shell.page.flow
    flow.search("qysl")
    flow.open_item(flow.items[0].code)
    shell.page.render()
    (button,) = [b for b in shell.page.findChildren(QPushButton) if b.text() == "打印办事指南"]
    button.click()
    button.click()
    settle(shell)
    assert len(list((tmp_path / "prints").glob("*.png"))) == 1


def test_the_search_index_is_built_once_not_at_every_sync(shell, hall) -> None:  # type: ignore[no-untyped-def]
    _center, term = hall
    backend = shell.backend
    _ = backend.guides
    built = backend.guide_builds
    for _ in range(3):
        backend.sync()
    assert backend.guide_builds == built
    with term.cache.db.write_session() as s:  # the catalog changes (as a pull would change it)
        dept = s.query(m.Department).first()
        assert dept is not None
        dept.name = dept.name + "（新）"
        dept.updated_at = dt.datetime.now(dt.UTC)
    assert backend.refresh_guides() is True
    assert backend.guide_builds == built + 1
