"""The queue screen shows a category that takes no ticket now (here: its daily quota is used up) as closed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from app.devices.voice import Announcer, EspeakSpeaker
from app.store import models as m
from app.sync.event_stream import EventStream
from tests.integration.test_replication import make_terminal
from tests.support.center import CenterServer, seed_minimal
from tests.ui.test_screen import login
from ui.fonts import install_fonts
from ui.i18n import install_language
from ui.screen.board import BoardWidget
from ui.screen.controller import ScreenController


@pytest.mark.qt_log_ignore("pipewire")
def test_a_closed_category_shows_as_closed(qtbot, qapp, sqlite_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    with CenterServer(sqlite_url, tmp_path / "center") as center:
        seed_minimal(center.db)
        with center.db.write_session() as s:
            cat = s.scalars(select(m.Category).where(m.Category.prefix == "B")).one()
            cat.daily_quota = 1
        clerk = login(center.url, "clerk01", "clerk", 1)
        clerk.post("/tickets", json={"category": "B"}).raise_for_status()
        refused = clerk.post("/tickets", json={"category": "B"})
        assert refused.status_code == 409 and refused.json()["error"] == "category_closed"
        screen = make_terminal(center, tmp_path / "screen", "screen-1", "screen")
        ws_url = center.url.replace("http://", "ws://") + "/api/v1/events"

        def token() -> str:
            screen.client.token = None
            return screen.client._token()

        widget = BoardWidget("测试政务服务中心")
        qtbot.addWidget(widget)
        announcer = Announcer(EspeakSpeaker(out_dir=tmp_path / "voice"), repeat=1, pause_s=0)
        ctl = ScreenController(widget, lambda ev, st: EventStream(ws_url, token, ev, st, max_backoff=0.5), announcer)
        ctl.start()
        qtbot.waitUntil(lambda: ctl.board.has_data and ctl.board.connected, timeout=10_000)
        why = ctl.board.closed["B"]  # a message, not words: the screen renders it in its own language
        assert why["code"] == "closed.next" and why["params"]["why"]["code"] == "closed.quota" and "A" not in ctl.board.closed
        qtbot.waitUntil(lambda: any(lb.text() == "B 不动产登记：停止取号" for lb in widget.findChildren(QLabel)), timeout=5000)
        assert any(lb.text().startswith("A 企业开办") and "停止" not in lb.text() for lb in widget.findChildren(QLabel))
        reasons = lambda: [lb.text() for lb in widget.findChildren(QLabel, "queue_why")]  # noqa: E731
        assert len(reasons()) == 1 and reasons()[0].startswith("B 不动产登记：今日号源已取完（每日1个），下次取号时间："), reasons()
        widget.grab().save(str(tmp_path / "closed-zh.png"))
        install_language(qapp, "en")
        try:
            widget.render_board()
            qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the tiles of the Chinese rendering go
            texts = [lb.text() for lb in widget.findChildren(QLabel)]
            assert "B Real estate registration: closed" in texts, texts
            assert reasons()[0].startswith("B Real estate registration: Today's tickets are all given out (1 a day); next tickets from "), reasons()
            assert not any("\u4e00" <= ch <= "\u9fff" for ch in reasons()[0]), reasons()
            widget.grab().save(str(tmp_path / "closed-en.png"))
        finally:
            install_language(qapp, "zh_CN")
        ctl.stop()
        screen.close()
