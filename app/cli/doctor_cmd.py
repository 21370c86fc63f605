"""`hall doctor`: check this machine's settings, center, keyring, devices and calendar; print what to fix."""

from __future__ import annotations

import argparse
import os
from typing import Any

from app.config import Settings, default_config_path


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "doctor",
        help="check settings, center (reachable, TLS, clock), keyring, devices, PDF papers, next year's calendar",
        description="Prints one line per check and, for each problem, what to fix. Exit code 1 on a failure.",
    )
    p.add_argument("--db", metavar="URL", help="also read admin-entered calendar years from this center database")
    p.add_argument("--skip", action="append", default=[], choices=["center", "keyring", "devices", "calendar", "papers"])
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app import doctor
    from app.domain.workdays import WorkdayCalendar

    path = args.config or os.environ.get("HALL_CONFIG") or (str(default_config_path()) if default_config_path().is_file() else None)
    checks = doctor.check_settings(settings, path)
    if "center" not in args.skip:
        checks += doctor.check_center(settings)
    if "keyring" not in args.skip:
        checks += doctor.check_keyring(settings)
    if "devices" not in args.skip:
        checks += doctor.check_devices(settings)
    if "papers" not in args.skip:
        checks += doctor.check_papers()
    if "calendar" not in args.skip:
        years = WorkdayCalendar.from_sources().known_years()
        if args.db:
            from app.store.calendar_store import load_calendar
            from app.store.db import Database

            db = Database(args.db)
            try:
                with db.read_session() as s:
                    years = load_calendar(s).known_years()
            finally:
                db.dispose()
        checks += doctor.check_calendar(set(years))
    for c in checks:
        print(c.line())
    failed = [c for c in checks if c.level == "fail"]
    print(f"{len(failed)} problem(s) to fix" if failed else "all checks passed")
    return 1 if failed else 0
