"""`hall backup` and `hall restore`: a SQLite center's database copied with SQLite's online backup, which
gives a consistent copy while the center keeps serving. PostgreSQL is backed up with its own tools
(`pg_dump`), as the README says."""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from app.config import Settings
from app.errors import ConfigError, HallError

PG_HINT = (
    "a PostgreSQL center is backed up with PostgreSQL's tools: "
    "pg_dump -Fc -f hall.dump DBNAME, restored with pg_restore -d DBNAME hall.dump"
)


class BackupError(HallError):
    exit_code = 6


def register(sub: Any) -> None:
    b: argparse.ArgumentParser = sub.add_parser(
        "backup",
        help="copy a SQLite center's database while it runs (SQLite online backup)",
        description="Writes a consistent copy of the center's SQLite database to FILE (default: "
        "center-YYYYMMDD-HHMMSS.db in the current folder), checks it, and prints its size. "
        "PostgreSQL: use pg_dump.",
    )
    b.add_argument("file", nargs="?", type=Path, help="where to write the copy")
    b.add_argument("--db", metavar="URL", help="the center database (default: settings)")
    b.set_defaults(func=run_backup)
    r: argparse.ArgumentParser = sub.add_parser(
        "restore",
        help="put a backup made by `hall backup` back in place (stop the center first)",
        description="Checks FILE (a SQLite database made by `hall backup`), then replaces the center's "
        "database with it. Stop the center first; the database it replaces is kept beside it as "
        "NAME.before-restore-TIMESTAMP.",
    )
    r.add_argument("file", type=Path, help="the backup to restore")
    r.add_argument("--db", metavar="URL", help="the center database (default: settings)")
    r.set_defaults(func=run_restore)


def sqlite_path(url: str) -> Path:
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        raise ConfigError(PG_HINT)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        raise ConfigError(f"not a SQLite database file: {make_url(url).render_as_string(hide_password=True)}")
    return Path(parsed.database)


def check(path: Path) -> None:
    """A backup is usable when SQLite finds it intact and it holds a migrated center."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if verdict != "ok":
                raise BackupError(f"{path} is damaged: {verdict}")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a SQLite database ({exc})") from exc
    if "alembic_version" not in tables or "tickets" not in tables:
        raise BackupError(f"{path} is not a hall center database")


def copy(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst, pages=1024)


def run_backup(args: argparse.Namespace, settings: Settings) -> int:
    from app.cli.db_cmd import default_center_url

    source = sqlite_path(args.db or default_center_url(settings))
    if not source.exists():
        raise ConfigError(f"no center database at {source}")
    target: Path = args.file or Path(f"center-{dt.datetime.now():%Y%m%d-%H%M%S}.db")
    if target.exists():
        raise ConfigError(f"{target} exists already: give another file name")
    try:
        copy(source, target)
    except sqlite3.OperationalError as exc:
        target.unlink(missing_ok=True)
        raise BackupError(f"backup failed: {exc}") from exc
    check(target)
    print(f"backup written: {target} ({target.stat().st_size:,} bytes)")
    return 0


def run_restore(args: argparse.Namespace, settings: Settings) -> int:
    from app.cli.db_cmd import default_center_url

    target = sqlite_path(args.db or default_center_url(settings))
    if not args.file.exists():
        raise ConfigError(f"no such backup: {args.file}")
    check(args.file)
    if target.exists():
        kept = target.with_name(f"{target.name}.before-restore-{dt.datetime.now():%Y%m%d-%H%M%S}")
        copy(target, kept)
        print(f"the database it replaces is kept as {kept}")
    copy(args.file, target)
    check(target)
    print(f"restored {args.file} into {target}")
    return 0
