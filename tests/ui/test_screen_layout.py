"""The queue screen's layout in both orientations: nothing in the header is clipped (the portrait clock
was cut to "2026-12-02 星期三 (")."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.clock import HALL_TZ
from ui.fonts import install_fonts
from ui.screen.board import BoardWidget


@pytest.mark.parametrize("portrait", [False, True])
def test_the_header_fits_in_both_orientations(qtbot, qapp, portrait: bool) -> None:  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    w = BoardWidget("南京市江北新区政务服务中心", portrait=portrait)  # a long real name (13 characters)
    qtbot.addWidget(w)
    w.demo_mark.show()
    w.show()
    w.show_time(dt.datetime(2026, 12, 2, 23, 59, 58, tzinfo=HALL_TZ))  # the widest: 星期三, 23:59:58
    qapp.processEvents()
    for label in (w.clock, w.title, w.status, w.demo_mark):
        assert label.width() >= label.sizeHint().width(), (label.objectName(), label.width(), label.sizeHint())
        right = label.mapTo(w, label.rect().topRight()).x()
        assert 0 <= right <= w.width(), (label.objectName(), right)
    assert "23:59:58" in w.clock.text() and "星期三" in w.clock.text()


@pytest.mark.parametrize("ending", ["ticket.finished", "ticket.no_show"])
def test_the_big_panel_lets_go_of_a_ticket_that_left_its_window(qtbot, qapp, ending: str) -> None:  # type: ignore[no-untyped-def]
    from ui.i18n import install_language

    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    w = BoardWidget("示范政务服务中心")
    qtbot.addWidget(w)
    b = w.board
    b.apply({"type": "snapshot", "data": {"windows": [{"number": 3, "name": "3号窗口", "status": "open"}],
                                          "waiting": {"A": 1}, "categories": {"A": "企业开办"}}})
    b.apply({"type": "ticket.called", "data": {"number": "A001", "window": 3}})
    w.set_board(b)
    assert w.latest_number.text() == "A001" and w.latest_window.text() == "请到3号窗口"
    b.apply({"type": ending, "data": {"number": "A001", "window": 3}})
    w.set_board(b)
    assert w.latest_number.text() == "—" and "A001" not in w.latest_window.text()  # the tile says idle: so does the panel
    assert "A001" in w.recent.text()  # still in the list of recent calls
    b.apply({"type": "ticket.recalled", "data": {"number": "A002", "window": 3}})
    w.set_board(b)
    assert w.latest_number.text() == "A002"


# A 55" 16:9 panel is 1,218 × 685 mm: 0.634 mm per pixel at 1920×1080 (and at 1080×1920, turned).
MM_PER_PX = 1218 / 1920
FIVE_METRES_MM = 20  # the glyph height that reads well at 5 m (20–25 mm)


@pytest.mark.parametrize("portrait", [False, True])
def test_what_the_waiting_area_reads_is_20_mm_high_on_a_55_inch_panel(qtbot, qapp, portrait: bool, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QLabel

    from ui.i18n import install_language

    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    w = BoardWidget("示范政务服务中心", portrait=portrait)
    qtbot.addWidget(w)
    windows = [{"number": n, "name": f"{n}号窗口", "status": "serving" if n % 3 else "idle",
                "ticket": {"number": f"A{n:03d}"} if n % 3 else None} for n in range(1, 13)]
    w.board.apply({"type": "snapshot", "data": {
        "windows": windows, "waiting": {"A": 12, "B": 3, "C": 0, "D": 7, "E": 1, "F": 25},
        "categories": {"A": "企业开办", "B": "不动产登记", "C": "社保医保", "D": "民生事务", "E": "工程建设", "F": "税务综合"},
        "recent_calls": [{"number": f"A{n:03d}", "window": n} for n in range(11, 4, -1)]}})
    w.board.connected = True
    w.set_board(w.board)
    w.show()
    qapp.processEvents()
    w.grab().save(str(tmp_path / f"board-{'portrait' if portrait else 'landscape'}.png"))

    def glyph_mm(label: QLabel, sample: str) -> float:
        return QFontMetrics(label.font()).tightBoundingRect(sample).height() * MM_PER_PX

    def labels(name: str) -> list[QLabel]:
        found = [lab for lab in w.findChildren(QLabel) if lab.objectName() == name and lab.isVisibleTo(w)]
        assert found, name
        return found

    assert glyph_mm(w.recent, "A008") >= FIVE_METRES_MM, "recent calls"
    for name, sample in (("win_name", "窗口"), ("win_ticket", "A001"), ("win_idle", "空闲"), ("queue_text", "等候"),
                         ("section", "窗口"), ("notice", "欢迎")):
        for lab in labels(name):
            assert glyph_mm(lab, sample) >= FIVE_METRES_MM, (name, glyph_mm(lab, sample))
            assert lab.width() >= lab.sizeHint().width() - 1, (name, lab.text(), lab.width(), lab.sizeHint())
            right = lab.mapTo(w, lab.rect().bottomRight())
            assert w.rect().contains(right), (name, lab.text(), right)  # on the screen, not cut off
