"""`hall demo` (the whole hall on this machine) and `hall demo-play` (one terminal's part of the
offscreen day, started by `hall demo --offscreen`)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from app.config import Settings


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "demo",
        help="the demo hall: center, kiosk, counter, queue screen and manager console with simulated devices",
        description="Starts a center on a SQLite file with the demo data, then a kiosk, a counter (with its "
        "customer window), the queue screen and the manager console, all with simulated devices: the ID-card "
        "reader holds demo cards, the printers write PNGs to the demo folder. Without a display, "
        "`hall demo --offscreen DIR` plays a scripted hall day and writes screenshots, prints, notices and "
        "summary.json to DIR.",
    )
    p.add_argument("--offscreen", type=Path, metavar="DIR", help="play the scripted day without a display")
    p.add_argument("--dir", type=Path, metavar="DIR", help="the demo folder (default: a new temporary folder)")
    p.add_argument("--db", metavar="URL", help="center database (default: SQLite in the demo folder)")
    p.set_defaults(func=run)
    q: argparse.ArgumentParser = sub.add_parser("demo-play", help="(used by hall demo --offscreen)")
    q.add_argument("role", choices=["kiosk", "counter", "screen", "console"])
    q.add_argument("--out", type=Path, required=True)
    q.add_argument("--window", type=int, default=1)
    q.add_argument("--name", default="counter-1")
    q.add_argument("--appointment")
    q.add_argument("--offline", action="store_true")
    q.add_argument("--suffix", default="midday")
    q.set_defaults(func=play)


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal"):
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.demo.hall_day import DemoHall

    if args.offscreen:
        hall = DemoHall(args.offscreen, db_url=args.db)
        summary = hall.offscreen_day()
        rep = summary["replication"]
        print(json.dumps({k: summary[k] for k in ("day", "seconds")} | {"replication_ok": rep["all_match"]}, ensure_ascii=False))
        print(f"screenshots, prints, notices and summary.json are in {hall.out}")
        return 0 if rep["all_match"] else 1
    if not has_display():
        print(
            "hall demo: no display here (no $DISPLAY / $WAYLAND_DISPLAY).\n"
            "Run the scripted day offscreen instead:  hall demo --offscreen DIR\n"
            "It writes screenshots of every terminal, the printed tickets and receipts, the PDF notices and "
            "summary.json to DIR.",
            file=sys.stderr,
        )
        return 2
    return interactive(args)


def interactive(args: argparse.Namespace) -> int:
    import signal

    from app.demo.hall_day import DemoHall, hall_command

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # a service manager's stop ends the demo as Ctrl-C does
    out = args.dir or Path(tempfile.mkdtemp(prefix="hall-demo-"))
    hall = DemoHall(out, db_url=args.db)
    hall.write_config()
    hall.start_center()
    procs: list[subprocess.Popen[bytes]] = []
    try:
        hall.calendar()
        hall.enroll_all()
        hall.book_appointments()
        env = hall.env()
        for cmd in (
            ["kiosk", "--name", "kiosk-1", "--windowed", "--no-supervise"],
            ["counter", "--name", "counter-1", "--window", "1"],
            ["screen", "--name", "screen-1", "--windowed"],
            ["screen", "--manager"],
        ):
            procs.append(subprocess.Popen([*hall_command(), *cmd], env=env))
        print(
            f"demo hall running: center {hall.url}; folder {out}\n"
            "  kiosk: F10 places the next demo ID card on the simulated reader, F11 lifts it; admin PIN 2468\n"
            "  counter: clerk01 / clerk (window 1); manager console: manager / manager\n"
            f"  printed tickets and receipts: {out / 'prints'}; notices: {out / 'documents'}\n"
            "Close the windows or press Ctrl-C to end the demo.",
            flush=True,
        )
        while any(p.poll() is None for p in procs):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for p in procs:
            if p.poll() is None:
                p.terminate()
        hall.stop_center()
    failed = [" ".join(p.args[-4:]) for p in procs if p.returncode not in (0, None, -15)]  # type: ignore[index]
    if failed:
        print("hall demo: these terminals ended with an error (see above): " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


def play(args: argparse.Namespace, settings: Settings) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.demo import play as p
    from ui.fonts import install_fonts
    from ui.i18n import install_language

    app = QApplication.instance() or QApplication([])
    install_fonts(app)  # type: ignore[arg-type]
    install_language(app, settings.language)  # type: ignore[arg-type]
    if args.role == "kiosk":
        report = p.play_kiosk(settings, args.out, appointment=args.appointment, offline=args.offline)
    elif args.role == "counter":
        report = p.play_counter(settings, args.out, window=args.window, name=args.name, offline=args.offline)
    elif args.role == "screen":
        report = p.play_screen(settings, args.out, args.suffix)
    else:
        report = p.play_console(settings, args.out, args.suffix)
    print(json.dumps(report, ensure_ascii=False), flush=True)
    return 0
