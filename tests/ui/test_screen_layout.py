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
