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
