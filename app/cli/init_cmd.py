"""`hall init`: open a real hall on an empty database (migrate, the first admin, the hall's name and code)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from app.config import Settings
from app.errors import HallError
from app.i18n.messages import msg


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "init",
        help="open a real hall: migrate, create the first admin, record the hall's name and code",
        description="Migrates the center database and creates the first admin account. The password is asked "
        "for (twice), or read from HALL_ADMIN_PASSWORD; it needs 10+ characters with letters and digits. "
        "Refuses a database that already has an admin. Next: `hall import WORKBOOK`.",
    )
    p.add_argument("--db", metavar="URL", help="the center database (default: settings db_url, else SQLite)")
    p.add_argument("--admin", required=True, metavar="NAME", help="the admin's username")
    p.add_argument("--full-name", default="系统管理员", help="the admin's name as shown")
    p.add_argument("--hall-name", help="the hall's name (default: settings hall_name)")
    p.add_argument("--hall-code", help="the hall's short code, part of case numbers (default: settings hall_code)")
    p.set_defaults(func=run)


def _password(user: str) -> str:
    given = os.environ.get("HALL_ADMIN_PASSWORD")
    if given:
        return given
    if not sys.stdin.isatty():
        raise HallError("no terminal to ask the password on: set HALL_ADMIN_PASSWORD")
    first = getpass.getpass(f"password for {user} (10+ characters, letters and digits): ")
    if getpass.getpass("again: ") != first:
        raise HallError(msg("password.differ"))
    return first


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.center.hall_init import check_password_policy, has_admin, init_hall
    from app.cli.db_cmd import default_center_url
    from app.store import migrate
    from app.store.db import Database

    db = Database(args.db or default_center_url(settings))
    try:
        rev = migrate.upgrade(db.engine)
        with db.read_session() as s:
            if has_admin(s):
                raise HallError(msg("init.has_admin"), code="already_initialised")
        password = _password(args.admin)
        check_password_policy(password, args.admin)
        with db.write_session() as s:
            init_hall(
                s,
                admin=args.admin,
                password=password,
                full_name=args.full_name,
                hall_name=args.hall_name or settings.hall_name,
                hall_code=args.hall_code or settings.hall_code,
            )
    finally:
        db.dispose()
    print(f"database at revision {rev}; admin {args.admin} created")
    print("next: hall import WORKBOOK --db URL   (hall import --template FILE writes an empty one)")
    return 0
