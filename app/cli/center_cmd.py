"""`hall center`: the center server."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.config import Settings
from app.errors import ConfigError


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "center",
        help="run the center server (FastAPI on uvicorn)",
        description="The hall's source of truth. Migrates its database on start. With no --db it uses "
        "the SQLite file center.db in the data directory; give postgresql+psycopg://… for PostgreSQL.",
    )
    p.add_argument(
        "--db", metavar="URL", help="database URL (default: settings db_url, else SQLite in the data dir)"
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8470)
    p.add_argument(
        "--seed-demo",
        action="store_true",
        help="load the demo catalog, 12 windows and the demo accounts (demos and tests only)",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="center processes on this port (PostgreSQL only; events reach every process's subscribers)",
    )
    p.add_argument("--cert", type=Path, help="TLS certificate (PEM): serve HTTPS")
    p.add_argument("--key", type=Path, help="TLS private key (PEM)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.center.server import serve
    from app.cli.db_cmd import default_center_url

    if bool(args.cert) != bool(args.key):
        raise ConfigError("--cert and --key go together")
    serve(
        settings,
        args.db or default_center_url(settings),
        host=args.host,
        port=args.port,
        seed_demo=args.seed_demo,
        certfile=args.cert,
        keyfile=args.key,
        workers=max(1, args.workers),
    )
    return 0
