"""`hall counter`: the clerk's window at a comprehensive-acceptance counter, with the customer-facing
window on a second screen; or screenshots of every screen."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.config import Settings


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "counter",
        help="the comprehensive-acceptance counter (综合受理窗口)",
        description="Runs the counter as an enrolled counter terminal (hall enroll --kind counter --name NAME): "
        "clerk login, queue controls (F1 call next, F2 recall, F3 no-show, F4 start, F5 finish, F6 transfer, "
        "F7 pause, F8 resume, Ctrl+G call a number), acceptance (F9 read ID card, Ctrl+F find the item, ↑/↓ "
        "and Enter to pick it, F10 全部收齐, Ctrl+Enter accept, Ctrl+D 容缺, Ctrl+N 一次性告知, Ctrl+R refuse) "
        "and the case list. The customer "
        "window opens on the second screen when there is one.",
    )
    p.add_argument("--center", metavar="URL", help="center URL (default: the enrolled terminal's)")
    p.add_argument("--window", type=int, required=False, help="the window number this counter serves")
    p.add_argument("--name", default="counter", help="the enrolled counter terminal's name")
    p.add_argument("--no-customer", action="store_true", help="no customer-facing window")
    p.add_argument("--screenshots", type=Path, metavar="DIR", help="write PNGs of every screen and exit")
    p.set_defaults(func=run)


def _printer(settings: Settings) -> Any:
    from printers.escpos.printer import EscposPrinter

    d = settings.devices
    return EscposPrinter(d.require("receipt_printer_url"), width_mm=d.paper_width_mm, chinese=d.printer_chinese, profile=d.printer_profile)


def card_reader(url: str) -> Any:
    """The reader behind its one owner thread (`ReaderWorker`): calling it reads one card (blocking, off the
    GUI thread); None without a reader. Close it when the counter ends."""
    if url in ("", "none"):
        return None
    from app.devices.idcard.worker import ReaderWorker

    return ReaderWorker(url)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.screenshots:
        return screenshots(args.screenshots, settings)
    if not args.window:
        print("hall counter: give the window number: --window N", file=sys.stderr)
        return 2
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from app.counter.service import CounterService
    from app.sync.terminal import open_terminal
    from ui.counter.customer import CustomerWindow
    from ui.counter.window import CounterWindow
    from ui.fonts import install_fonts
    from ui.i18n import install_language

    app = QApplication.instance() or QApplication(sys.argv)
    install_fonts(app)  # type: ignore[arg-type]
    install_language(app, settings.language)  # type: ignore[arg-type]
    term = open_terminal(settings, args.name, center_url=args.center)
    svc = CounterService(term, settings, window=args.window, receipt_printer=_printer(settings))
    customer = None if args.no_customer else CustomerWindow(args.window, settings.hall_name)
    reader = card_reader(settings.devices.idcard_url or "")
    win = CounterWindow(svc, customer, read_card=reader)
    win.show()
    if customer is not None:
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            customer.setGeometry(screens[1].geometry())
            customer.showFullScreen()
        else:
            customer.resize(900, 600)
            customer.show()
    code = app.exec()
    win.shutdown()
    if reader is not None:
        reader.close()
    term.close()
    return int(code)


def screenshots(out: Path, settings: Settings) -> int:
    """Every counter screen during a scripted visit against a live demo hall."""
    from app.demo.day import publish_next_year
    from ui.offscreen import demo_hall_offscreen

    with demo_hall_offscreen(settings, "hall-counter-shots-") as (center, demo):
        from ui.counter.script import run_counter_script

        publish_next_year(center.url)
        run_counter_script(center.url, demo, out, window=1)
    return 0
