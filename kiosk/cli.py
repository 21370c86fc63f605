"""`hall kiosk`: the 24-hour self-service kiosk (full screen, touch), or its screenshots."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

from app.config import Settings

log = logging.getLogger("hall.kiosk")


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "kiosk",
        help="the self-service kiosk (取号, 预约签到, 进度查询, 办事指南, 好差评, 投诉建议)",
        description="Runs the kiosk full screen as an enrolled kiosk terminal (hall enroll --kind kiosk "
        "--name NAME). A crashed kiosk is restarted; only the admin PIN (settings kiosk.admin_pin, "
        "five taps on the hall name) leaves it.",
    )
    p.add_argument("--center", metavar="URL", help="center URL (default: the enrolled terminal's)")
    p.add_argument("--name", default="kiosk", help="the enrolled kiosk terminal's name")
    p.add_argument("--windowed", action="store_true", help="a normal window (testing), not full screen")
    p.add_argument("--no-supervise", action="store_true", help="do not restart the kiosk after a crash")
    p.add_argument("--elderly", action="store_true", help="start in the elderly mode")
    p.add_argument(
        "--screenshots", type=Path, metavar="DIR", help="write a PNG of every page in both modes and exit"
    )
    p.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)  # start-up benchmark
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.screenshots:
        return screenshots(args.screenshots, settings)
    if not args.no_supervise and not os.environ.get("HALL_KIOSK_CHILD"):
        from kiosk.supervisor import child_command, supervise

        os.environ["HALL_KIOSK_CHILD"] = "1"
        return supervise(child_command(sys.argv[1:]), limit=settings.kiosk.restart_limit)
    return run_kiosk(args, settings)


def _printer(settings: Settings) -> Any:
    from printers.escpos.printer import EscposPrinter

    d = settings.devices
    return EscposPrinter(
        d.require("ticket_printer_url"), width_mm=d.paper_width_mm, chinese=d.printer_chinese, profile=d.printer_profile
    )


def run_kiosk(args: argparse.Namespace, settings: Settings) -> int:
    from PySide6.QtWidgets import QApplication

    from app.sync.terminal import open_terminal
    from kiosk.backend import KioskBackend
    from kiosk.reader import start_reader
    from kiosk.shell import KioskShell
    from ui.fonts import install_fonts
    from ui.i18n import install_language
    from ui.voice import prompt_speaker

    app = QApplication.instance() or QApplication(sys.argv)
    install_fonts(app)  # type: ignore[arg-type]
    install_language(app, settings.language)  # type: ignore[arg-type]
    term = open_terminal(settings, args.name, center_url=args.center)
    backend = KioskBackend(
        term,
        hall_name=settings.hall_name,
        printer=_printer(settings),
        lease_size=settings.kiosk.lease_size,
        public_url=settings.public_url,
    )
    from kiosk.pinyin import INDEX

    INDEX.build_in_background()  # the 投诉建议 keyboard's candidates, off the GUI thread
    shell = KioskShell(
        backend, settings.kiosk, hall_name=settings.hall_name, speak=prompt_speaker(settings)
    )
    if args.elderly:
        shell.toggle_elderly()
    if not settings.devices.idcard_url:
        log.warning("%s", settings.devices.missing("idcard_url"))
    reader = start_reader(settings.devices.idcard_url or "", shell.card)
    if (settings.devices.idcard_url or "").startswith("sim://"):
        demo_card_keys(shell, settings.devices.idcard_url)
    shell.start_health(reader.state)
    shell.exited.connect(app.quit)
    if args.windowed:
        shell.resize(960, 1080)  # a portrait kiosk screen, scaled down for a desktop
        shell.show()
    else:
        shell.showFullScreen()
    if args.exit_when_ready:
        from PySide6.QtCore import QTimer

        def ready() -> None:
            import json
            import resource

            rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(json.dumps({"ready": True, "page": shell.page.key, "max_rss_mb": round(rss_mb, 1)}), flush=True)
            shell.allow_close = True
            app.quit()

        QTimer.singleShot(0, ready)  # runs once the event loop is up: the home page takes taps
    code = app.exec()
    reader.stop()
    shell.shutdown()
    term.close()
    return 0 if shell.allow_close else int(code or 1)


def demo_card_keys(shell: Any, url: str) -> None:
    """With a simulated reader: F10 places the next demo card on it, F11 lifts it (demos, training)."""
    from urllib.parse import urlsplit

    from PySide6.QtGui import QKeySequence, QShortcut

    from app.devices.idcard.sim import DEMO_CARDS, get_sim

    device = get_sim(urlsplit(url).netloc or "default")
    names = list(DEMO_CARDS)
    turn = {"i": 0}

    def place() -> None:
        device.place(names[turn["i"] % len(names)])
        turn["i"] += 1

    QShortcut(QKeySequence("F10"), shell, activated=place)
    QShortcut(QKeySequence("F11"), shell, activated=device.remove)


def screenshots(out: Path, settings: Settings) -> int:
    """Every page in both modes against a live demo hall (embedded center, simulated printer)."""
    from app.demo.day import StaffSession, counter_cases
    from app.domain.clock import local_today
    from app.sync.terminal import enroll, open_terminal
    from kiosk.backend import KioskBackend
    from kiosk.shell import KioskShell
    from kiosk.tour import Tour, settle, shoot_to
    from printers.escpos.printer import EscposPrinter
    from ui.offscreen import demo_hall_offscreen

    with demo_hall_offscreen(settings, "hall-kiosk-shots-") as (center, demo):
        counter_cases(center.url, demo)
        enroll(demo, center.url, "kiosk", "kiosk-shots", admin_user="admin", admin_password="admin")
        term = open_terminal(demo, "kiosk-shots")
        term.engine.sync_once()
        mgr = StaffSession(center.url, "manager", "manager")
        clerk = StaffSession(center.url, "clerk02", "clerk", 2)
        clerk.post("/windows/2/open")
        visit = mgr.post("/tickets", category="A")
        called = clerk.post("/windows/2/call", number=visit["number"])
        clerk.post(f"/tickets/{called['ticket']['id']}/start")
        clerk.post(f"/tickets/{called['ticket']['id']}/finish")
        printer = EscposPrinter(f"sim://{out / 'prints'}", width_mm=80)
        backend = KioskBackend(term, hall_name=settings.hall_name, printer=printer)
        backend.sync()
        shell = KioskShell(backend, demo.kiosk, hall_name=settings.hall_name)
        shell.resize(1080, 1920)
        shell.show()
        shoot = shoot_to(shell, out)
        case = (f"H01-{local_today():%Y%m%d}-0001", "31002X")
        Tour(shell, shoot).run("normal", case=case, visit_number=visit["number"])
        shell.toggle_elderly()
        Tour(shell, shoot).run("elderly", case=case, visit_number=None)
        shell.toggle_elderly()
        center.stop()
        shell.open("ticket")
        settle(shell)
        shell.second()
        shoot("offline")
        shell.allow_close = True
        shell.close()
        term.close()
    return 0
