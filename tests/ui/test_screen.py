"""The queue screen driven by a real center's events: a call appears large and is announced; the window
grid follows; when the center goes away the last state stays with a reconnecting marker, and a fresh
snapshot arrives when it is back."""

from __future__ import annotations

import httpx
import pytest

from app.devices.voice import Announcer, EspeakSpeaker
from app.sync.event_stream import EventStream
from tests.integration.test_replication import make_terminal
from tests.support.center import CenterServer, seed_minimal
from ui.fonts import install_fonts
from ui.i18n import install_language
from ui.screen.board import BoardWidget
from ui.screen.controller import ScreenController


def login(url: str, user: str, pw: str, window: int | None = None) -> httpx.Client:
    token = httpx.post(
        f"{url}/api/v1/auth/login", json={"username": user, "password": pw, "window": window}
    ).json()["token"]
    return httpx.Client(base_url=f"{url}/api/v1", headers={"Authorization": f"Bearer {token}"})


@pytest.mark.qt_log_ignore("pipewire")
def test_call_shows_and_is_announced(qtbot, qapp, sqlite_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    with CenterServer(sqlite_url, tmp_path / "center") as center:
        seed_minimal(center.db)
        screen = make_terminal(center, tmp_path / "screen", "screen-1", "screen")
        ws_url = center.url.replace("http://", "ws://") + "/api/v1/events"

        def token() -> str:
            screen.client.token = None
            return screen.client._token()

        widget = BoardWidget("测试政务服务中心")
        qtbot.addWidget(widget)
        announcer = Announcer(EspeakSpeaker(out_dir=tmp_path / "voice"), repeat=2, pause_s=0)
        from app.runtime import StateStore

        state = StateStore()
        ctl = ScreenController(
            widget, lambda ev, st: EventStream(ws_url, token, ev, st, max_backoff=0.5), announcer, state
        )
        ctl.start()
        qtbot.waitUntil(lambda: ctl.board.has_data and ctl.board.connected, timeout=10_000)
        assert set(ctl.board.windows) == {1, 2}
        assert ctl.board.demo and widget.demo_mark.isVisibleTo(widget)  # demo accounts exist: say so

        clerk = login(center.url, "clerk01", "clerk", 1)
        clerk.post("/windows/1/open").raise_for_status()
        clerk.post("/tickets", json={"category": "A"}).raise_for_status()
        clerk.post("/tickets", json={"category": "A"}).raise_for_status()
        qtbot.waitUntil(lambda: ctl.board.waiting.get("A") == 2, timeout=5000)
        clerk.post("/windows/1/call-next").raise_for_status()
        qtbot.waitUntil(lambda: widget.latest_number.text() == "A001", timeout=5000)
        assert widget.latest_window.text() == "请到1号窗口"
        assert ctl.board.windows[1].ticket == "A001" and ctl.board.waiting["A"] == 1
        assert announcer.wait_idle(30)
        assert announcer.spoken == ["请A零零一号到1号窗口办理"] * 2
        widget.grab().save(str(tmp_path / "live.png"))

        center.stop()  # the center goes away: last good state, plainly marked
        qtbot.waitUntil(lambda: not ctl.board.connected, timeout=10_000)
        assert "重新连接" in widget.status.text()
        events = state.get().device("events")
        assert events is not None and events.ok is False  # the runtime's snapshot says so too
        assert widget.latest_number.text() == "A001" and ctl.board.waiting["A"] == 1  # never "0 waiting"
        with center.db.write_session() as s:  # meanwhile the other ticket was called elsewhere
            from sqlalchemy import select

            from app.store import models as m

            t = s.scalars(select(m.Ticket).where(m.Ticket.number == "A002")).one()
            t.status = "cancelled"  # type: ignore[assignment]
        center.start()
        qtbot.waitUntil(lambda: ctl.board.connected and ctl.board.waiting.get("A") == 0, timeout=15_000)
        assert state.get().device("events").ok is True  # type: ignore[union-attr]
        ctl.stop()
        screen.close()


@pytest.mark.qt_log_ignore("pipewire")
def test_the_screen_follows_opening_hours_as_the_clock_passes(qtbot, qapp, sqlite_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """No data changes at 12:00, yet category A (每天 08:00-12:00) must turn to 'closed' on the screen, and
    back to open when its hours come round: the center's opening watch tells the subscribers."""
    import datetime as dt

    from sqlalchemy import select

    from app.config import QueueSettings, Settings
    from app.domain.clock import HALL_TZ
    from app.store import models as m

    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    center = CenterServer(sqlite_url, tmp_path / "center")
    center.settings = Settings(data_dir=tmp_path / "center", queue=QueueSettings(opening_recheck_seconds=0.1))
    seed_minimal(center.db)
    with center.db.write_session() as s:
        s.scalars(select(m.Category).where(m.Category.prefix == "A")).one().hours = "每天 08:00-12:00"
    before_noon = dt.datetime(2026, 3, 4, 11, 59, tzinfo=HALL_TZ)
    now = [before_noon]
    with center:
        center.app.state.opening_watch.clock = lambda: now[0]
        qtbot.waitUntil(lambda: center.app.state.opening_watch.last == {}, timeout=5000)  # it read 11:59: A open
        screen = make_terminal(center, tmp_path / "screen", "screen-1", "screen")
        ws_url = center.url.replace("http://", "ws://") + "/api/v1/events"

        def token() -> str:
            screen.client.token = None
            return screen.client._token()

        widget = BoardWidget("测试政务服务中心")
        qtbot.addWidget(widget)
        ctl = ScreenController(widget, lambda ev, st: EventStream(ws_url, token, ev, st, max_backoff=0.5), None)
        ctl.start()
        qtbot.waitUntil(lambda: ctl.board.has_data and ctl.board.connected, timeout=10_000)
        texts = lambda: [lbl.text() for lbl in widget.findChildren(type(widget.latest_number), "queue_text")]  # noqa: E731
        tomorrow_8 = dt.datetime(2026, 3, 5, 8, 0, tzinfo=HALL_TZ)
        for moment, closed in ((before_noon + dt.timedelta(minutes=2), True), (before_noon, False),
                               (tomorrow_8 - dt.timedelta(minutes=1), True), (tomorrow_8 + dt.timedelta(minutes=1), False)):
            now[0] = moment
            # the center read the new moment (the screen's snapshot was made with the real clock) …
            qtbot.waitUntil(lambda c=closed: ("A" in (center.app.state.opening_watch.last or {})) == c, timeout=5000)  # type: ignore[misc]
            qtbot.waitUntil(lambda c=closed: ("A" in ctl.board.closed) == c, timeout=5000)  # type: ignore[misc]
            qtbot.waitUntil(lambda c=closed: any(("停止取号" in t) == c for t in texts() if t.startswith("A 企业开办")), timeout=5000)  # type: ignore[misc]
        ctl.stop()
        screen.close()
