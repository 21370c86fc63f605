"""`hall db`: migrate a center database or a terminal cache, and show its revision."""

from __future__ import annotations

import argparse
from typing import Any

from app.config import Settings
from app.store.db import make_engine, sqlite_url


def default_center_url(settings: Settings) -> str:
    """The embedded default: a SQLite file `center.db` in the data directory."""
    return settings.db_url or sqlite_url(settings.resolved_data_dir() / "center.db")


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "db",
        help="migrate and inspect a database",
        description="Alembic migrations for PostgreSQL and SQLite.",
    )
    dbsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    for name, helptext in (
        ("upgrade", "migrate the database to the newest revision (or --to REV)"),
        ("current", "print the revision the database is at"),
        ("downgrade", "migrate down to --to REV (base = empty)"),
    ):
        q = dbsub.add_parser(name, help=helptext, description=helptext)
        q.add_argument(
            "--db",
            metavar="URL",
            help="sqlite:///path or postgresql+psycopg://user@host/db (default: settings)",
        )
        if name != "current":
            q.add_argument(
                "--to", default="head" if name == "upgrade" else None, required=name == "downgrade"
            )
        q.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.store import migrate

    url = args.db or default_center_url(settings)
    engine = make_engine(url)
    try:
        if args.db_command == "upgrade":
            rev = migrate.upgrade(engine, args.to)
            print(f"database at revision {rev} (head {migrate.head_revision()})")
        elif args.db_command == "downgrade":
            migrate.downgrade(engine, args.to)
            print(f"database at revision {migrate.current_revision(engine)}")
        else:
            print(migrate.current_revision(engine) or "empty (no revision)")
    except Exception as exc:
        from sqlalchemy.exc import OperationalError

        if isinstance(exc, OperationalError):
            from app.errors import HallError

            raise HallError(
                f"cannot reach the database {engine.url.render_as_string(hide_password=True)}: {exc.orig}"
            ) from exc
        raise
    finally:
        engine.dispose()
    return 0
