"""`hall screen`: the public queue display, and with --manager the hall manager's console."""

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
    p.add_argument(
        "--manager",
        action="store_true",
        help="the hall manager's console instead of the public display (password: $HALL_MANAGER_PASSWORD or asked)",
    )
    p.add_argument("--user", default="manager", help="the manager's user name (with --manager)")
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
    if args.manager:
        return run_console(args, settings)
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
    from app.runtime import TerminalRuntime

    # the screen's runtime: it has nothing to push and reads the queue by its event stream, so its sync
    # loop pulls the reference data (window names, categories) and its state carries the stream's health
    runtime = TerminalRuntime(term, sync_interval=60.0).start()
    ctl = ScreenController(
        widget, lambda on_ev, on_state: EventStream(ws_url, token, on_ev, on_state), announcer, runtime.state
    )
    ctl.start()
    widget.show() if args.windowed else widget.showFullScreen()
    code = app.exec()
    ctl.stop()
    runtime.close()
    term.close()
    return int(code)


def run_console(args: argparse.Namespace, settings: Settings) -> int:
    import getpass
    import os

    from PySide6.QtWidgets import QApplication

    from app.sync.client import CenterClient
    from app.sync.event_stream import EventStream
    from ui.fonts import install_fonts
    from ui.i18n import install_language
    from ui.screen.console import ManagerConsole

    center = (args.center or settings.center_url).rstrip("/")
    client = CenterClient(center, ca_file=settings.center_ca_file)
    password = os.environ.get("HALL_MANAGER_PASSWORD") or getpass.getpass(f"password of {args.user}: ")
    login = client.login_staff(args.user, password)
    client.token = login.token
    app = QApplication.instance() or QApplication(sys.argv)
    install_fonts(app)  # type: ignore[arg-type]
    install_language(app, settings.language)  # type: ignore[arg-type]
    console = ManagerConsole(
        client,
        hall_name=settings.hall_name,
        wait_warning_min=settings.queue.wait_warning_minutes,
        export_dir=settings.resolved_data_dir() / "reports",
        admin=login.role == "admin",
    )
    ws_url = center.replace("https://", "wss://").replace("http://", "ws://") + "/api/v1/events"
    stream = EventStream(
        ws_url, lambda: str(client.token), lambda ev: console_event(console, ev), lambda ok, why: None
    )
    stream.start()
    console.refresh_all()
    console.show()
    code = app.exec()
    stream.stop()
    client.close()
    return int(code)


def console_event(console: object, event: dict[str, object]) -> None:
    """From the stream's thread to the console's GUI thread (queued signal)."""
    from PySide6.QtCore import QMetaObject, Qt

    console._pending = event  # type: ignore[attr-defined]
    QMetaObject.invokeMethod(console, "refresh_overview", Qt.ConnectionType.QueuedConnection)  # type: ignore[arg-type]


def screenshots(out: Path, settings: Settings) -> int:
    """Both board layouts, the reconnecting state and every console page, against a live demo hall
    (an embedded center with the demo catalog and a scripted busy morning)."""
    from PySide6.QtWidgets import QApplication

    from app.demo.day import busy_morning, counter_cases
    from app.sync.client import CenterClient
    from app.views.queue_board import QueueBoard
    from ui.offscreen import demo_hall_offscreen
    from ui.screen.board import BoardWidget
    from ui.screen.console import ManagerConsole

    out.mkdir(parents=True, exist_ok=True)
    with demo_hall_offscreen(settings, "hall-shots-") as (center, demo_settings):
        app = QApplication.instance()
        assert app is not None
        busy_morning(center.url)
        counter_cases(center.url, demo_settings)
        client = CenterClient(center.url)
        client.token = str(client.login_staff("manager", "manager").token)
        snap = client.call("GET", "/queue")
        board = QueueBoard()
        board.apply({"type": "snapshot", "data": snap})
        board.connected = True
        for portrait, name in ((False, "screen-1920x1080.png"), (True, "screen-1080x1920.png")):
            w = BoardWidget(settings.hall_name, portrait=portrait)
            w.set_board(board)
            w.grab().save(str(out / name))
            print(out / name)
        board.connected = False
        w = BoardWidget(settings.hall_name)
        w.set_board(board)
        w.grab().save(str(out / "screen-reconnecting.png"))
        print(out / "screen-reconnecting.png")
        console = ManagerConsole(
            client,
            hall_name=settings.hall_name,
            wait_warning_min=settings.queue.wait_warning_minutes,
            export_dir=out,
        )
        console.load_all()
        for i, name in enumerate(("overview", "supervision", "ratings", "statistics", "actions", "feedback", "conflicts")):
            console.tabs.setCurrentIndex(i)
            app.processEvents()
            console.grab().save(str(out / f"console-{name}.png"))
            print(out / f"console-{name}.png")
        client.close()
        _admin_screenshots(center.url, settings, out)
    return 0


def _admin_screenshots(center_url: str, settings: Settings, out: Path) -> None:
    """The console as the admin sees it: each page of the Administration tab and the access log."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.sync.client import CenterClient
    from ui.screen.console import ManagerConsole

    app = QApplication.instance()
    assert app is not None
    client = CenterClient(center_url)
    client.token = str(client.login_staff("admin", "admin").token)
    console = ManagerConsole(client, hall_name=settings.hall_name, wait_warning_min=settings.queue.wait_warning_minutes,
                             export_dir=out, admin=True)
    admin = console.admin
    assert admin is not None
    loop = QEventLoop()
    seen: set[str] = set()

    def loaded(page: str) -> None:
        seen.add(page)
        if {"staff", "windows", "categories", "terminals"} <= seen:
            loop.quit()

    admin.loaded.connect(loaded)
    admin.refresh()
    QTimer.singleShot(20_000, loop.quit)
    loop.exec()
    console.tabs.setCurrentWidget(admin)
    for i, name in enumerate(("staff", "windows", "categories", "items", "terminals")):
        admin.pages.setCurrentIndex(i)
        app.processEvents()
        console.grab().save(str(out / f"console-admin-{name}.png"))
        print(out / f"console-admin-{name}.png")
    log_loop = QEventLoop()
    console.access_log.loaded.connect(log_loop.quit)
    console.access_log.refresh()
    QTimer.singleShot(20_000, log_loop.quit)
    log_loop.exec()
    console.tabs.setCurrentWidget(console.access_log)
    app.processEvents()
    console.grab().save(str(out / "console-access-log.png"))
    print(out / "console-access-log.png")
    client.close()
