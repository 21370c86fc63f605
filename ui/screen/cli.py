"""`hall screen`: the public queue display (and, with --manager, the manager console when it lands)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.config import Settings


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "screen",
        help="the queue display of the waiting area",
        description="Shows the calls, each window's number, waiting counts and notices, and announces "
        "every call. Connects as an enrolled screen terminal (hall enroll --kind screen --name NAME).",
    )
    p.add_argument(
        "--center", metavar="URL", help="center URL (default: the enrolled terminal's, else settings)"
    )
    p.add_argument("--name", default="screen", help="the enrolled screen terminal's name")
    p.add_argument("--portrait", action="store_true", help="1080×1920 layout")
    p.add_argument("--windowed", action="store_true", help="a normal window instead of full screen")
    p.add_argument(
        "--screenshots",
        type=Path,
        metavar="DIR",
        help="write PNGs of both layouts with sample data and exit (offscreen)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.screenshots:
        return screenshots(args.screenshots, settings)
    from PySide6.QtWidgets import QApplication

    from app.devices.voice import Announcer, choose_speaker
    from app.sync.event_stream import EventStream
    from app.sync.terminal import open_terminal
    from ui.fonts import install_fonts
    from ui.i18n import install_language
    from ui.screen.board import BoardWidget
    from ui.screen.controller import ScreenController
    from ui.voice import qt_speaker_factory

    app = QApplication.instance() or QApplication(sys.argv)
    install_fonts(app)  # type: ignore[arg-type]
    install_language(app, settings.language)  # type: ignore[arg-type]
    term = open_terminal(settings, args.name)
    center = (args.center or term.identity.center_url).rstrip("/")
    ws_url = center.replace("https://", "wss://").replace("http://", "ws://") + "/api/v1/events"

    def token() -> str:
        term.client.token = None
        return term.client._token()

    widget = BoardWidget(settings.hall_name, portrait=args.portrait)
    speaker = choose_speaker(
        settings.devices.voice_backend if settings.devices.voice_backend != "none" else "chime",
        qt_factory=qt_speaker_factory,
    )
    announcer = (
        None
        if settings.devices.voice_backend == "none"
        else Announcer(speaker, repeat=settings.devices.voice_repeat)
    )
    ctl = ScreenController(
        widget, lambda on_ev, on_state: EventStream(ws_url, token, on_ev, on_state), announcer
    )
    ctl.start()
    widget.show() if args.windowed else widget.showFullScreen()
    code = app.exec()
    ctl.stop()
    term.close()
    return int(code)


def screenshots(out: Path, settings: Settings) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.views.queue_board import QueueBoard
    from app.views.samples import sample_snapshot
    from ui.fonts import install_fonts
    from ui.i18n import install_language
    from ui.screen.board import BoardWidget

    app = QApplication.instance() or QApplication([])
    install_fonts(app)  # type: ignore[arg-type]
    install_language(app, settings.language)  # type: ignore[arg-type]
    out.mkdir(parents=True, exist_ok=True)
    for portrait, name in ((False, "screen-1920x1080.png"), (True, "screen-1080x1920.png")):
        board = QueueBoard()
        board.apply({"type": "snapshot", "data": sample_snapshot()})
        board.connected = True
        w = BoardWidget(settings.hall_name, portrait=portrait)
        w.set_board(board)
        w.grab().save(str(out / name))
        print(out / name)
    board.connected = False
    w = BoardWidget(settings.hall_name)
    w.set_board(board)
    w.grab().save(str(out / "screen-reconnecting.png"))
    print(out / "screen-reconnecting.png")
    return 0
