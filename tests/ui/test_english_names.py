"""English names of hall data (issue 19): a workbook gives a queue category and a service item an English
name; imported at the center, they travel in the change log to a kiosk's cache and in the snapshot to the
queue screen, which show them in English mode. A category without one shows its Chinese name (or the
catalogue's English of a common name); Chinese mode always shows the Chinese name."""

from __future__ import annotations

import httpx
import openpyxl
import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from app.config import KioskSettings
from app.demo.day import StaffSession
from app.paths import resource
from app.workbook import schema as w
from app.workbook.reader import read_workbook
from app.workbook.writer import write_workbook
from kiosk.shell import KioskShell
from kiosk.tour import settle
from tests.support.kiosk import demo_center, kiosk_backend, kiosk_terminal
from ui.fonts import install_fonts
from ui.i18n import install_language
from ui.screen.board import BoardWidget

SAMPLE = resource("catalog", "sample-hall.xlsx")


def _column(ws, header: str) -> int:  # type: ignore[no-untyped-def]
    return next(c.column for c in ws[1] if c.value == header)


def _edited_workbook(tmp_path):  # type: ignore[no-untyped-def]
    """The sample workbook (open at any hour): category H renamed 乡村振兴 with no English name, item 企业设立登记
    renamed in English."""
    book = openpyxl.load_workbook(SAMPLE)
    cats = book[w.CATEGORIES.name]
    for row in range(2, cats.max_row + 1):
        for header in ("取号时间", "每日限额", "截止提前分钟"):  # open at any hour: the test must not depend on the clock
            cats.cell(row, _column(cats, header)).value = None
        if cats.cell(row, _column(cats, "前缀")).value == "H":
            cats.cell(row, _column(cats, "类别名称")).value = "乡村振兴"
            cats.cell(row, _column(cats, "英文名称")).value = None
    items = book[w.ITEMS.name]
    for row in range(2, items.max_row + 1):
        if items.cell(row, _column(items, "事项名称")).value == "企业设立登记":
            items.cell(row, _column(items, "英文名称")).value = "Setting up a company"
    path = tmp_path / "hall.xlsx"
    book.save(path)
    return path


def test_the_workbook_round_trips_english_names(tmp_path) -> None:  # type: ignore[no-untyped-def]
    parsed = read_workbook(_edited_workbook(tmp_path)).catalog
    cats = {k.prefix: k for k in parsed.categories}
    assert cats["A"].name_en == "Business start-up" and cats["H"].name_en == "" and cats["H"].name == "乡村振兴"
    items = {i.name: i for i in parsed.items}
    assert items["企业设立登记"].name_en == "Setting up a company"
    again = read_workbook(write_workbook(parsed, tmp_path / "again.xlsx")).catalog  # the export keeps them
    assert {k.prefix: k.name_en for k in again.categories} == {k.prefix: k.name_en for k in parsed.categories}
    assert {i.code: i.name_en for i in again.items} == {i.code: i.name_en for i in parsed.items}


@pytest.mark.qt_log_ignore("pipewire")
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_imported_english_names_reach_the_screen_and_the_kiosk(qtbot, qapp, tmp_path, language) -> None:  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    center = demo_center(tmp_path)
    try:
        admin = StaffSession(center.url, "admin", "admin")
        got = admin.http.post(
            "/admin/import", content=_edited_workbook(tmp_path).read_bytes(),
            headers={"Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        )
        assert got.status_code == 200, got.text
        snapshot = httpx.get(f"{center.url}/api/v1/queue", headers={"Authorization": f"Bearer {admin.token}"}).json()
        assert snapshot["categories_en"]["A"] == "Business start-up" and "H" not in snapshot["categories_en"]

        install_language(qapp, language)
        # the queue screen, from the center's snapshot
        for portrait in (False, True):
            board = BoardWidget("示范政务服务中心", portrait=portrait)
            qtbot.addWidget(board)
            board.board.apply({"type": "snapshot", "data": snapshot})
            board.board.connected = True
            board.set_board(board.board)
            board.show()
            qapp.processEvents()
            texts = [lb.text() for lb in board.findChildren(QLabel, "queue_text")]
            if language == "en":
                assert any(t.startswith("A Business start-up:") for t in texts), texts
                assert any(t.startswith("H 乡村振兴:") for t in texts), texts  # no English name given
            else:
                assert any(t.startswith("A 企业开办：") for t in texts) and not any("Business" in t for t in texts), texts
            board.grab().save(str(tmp_path / f"screen-{language}-{'portrait' if portrait else 'landscape'}.png"))

        # the kiosk, from its replicated cache
        _settings, term = kiosk_terminal(center.url, tmp_path)
        assert term.engine.sync_once() is not None
        backend = kiosk_backend(term, tmp_path / "prints")
        shell = KioskShell(backend, KioskSettings(admin_pin="2468", idle_timeout_s=600, idle_warning_s=15),
                           hall_name="示范政务服务中心", clock=lambda: 1000.0)
        qtbot.addWidget(shell)
        shell.resize(1080, 1920)
        shell.show()
        try:
            shell.set_language(language)
            shell.open("ticket")
            settle(shell)
            tiles = [b.text() for b in shell.findChildren(QAbstractButton) if b.isVisibleTo(shell)]
            if language == "en":
                assert any(t.startswith("Business start-up\n") for t in tiles), tiles
            else:
                assert any(t.startswith("企业开办\n") for t in tiles) and not any("Business" in t for t in tiles), tiles
            shell.grab().save(str(tmp_path / f"kiosk-ticket-{language}.png"))
            shell.toggle_elderly()  # the elderly mode's larger tiles, upright and on a landscape screen
            for size in ((1080, 1920), (1920, 1080)):
                shell.resize(*size)
                settle(shell)
                tiles = [b.text() for b in shell.findChildren(QAbstractButton) if b.isVisibleTo(shell)]
                assert any(t.startswith("Business start-up\n" if language == "en" else "企业开办\n") for t in tiles), tiles
                shell.grab().save(str(tmp_path / f"kiosk-ticket-elderly-{language}-{size[0]}x{size[1]}.png"))
            shell.toggle_elderly()
            shell.resize(1080, 1920)
            shell.open("guides")
            settle(shell)
            shell.page.flow.search("企业")  # type: ignore[attr-defined]
            shell.page.render()
            settle(shell)
            buttons = [b.text() for b in shell.findChildren(QAbstractButton) if b.isVisibleTo(shell)]
            wanted = "Setting up a company" if language == "en" else "企业设立登记"
            assert wanted in buttons, buttons
            shell.grab().save(str(tmp_path / f"kiosk-guide-{language}.png"))
        finally:
            shell.allow_close = True
            shell.shutdown()
            term.close()
    finally:
        install_language(qapp, "zh_CN")
        center.close()
