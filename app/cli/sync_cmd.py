"""`hall sync`: the replication state of a terminal on this machine, and a manual sync."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from app.config import Settings


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "sync",
        help="show or run a terminal's replication",
        description="Replication of a terminal's cache with the center.",
    )
    ssub = p.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    for name, helptext in (
        ("status", "online / offline since / pending operations"),
        ("now", "push the outbox and pull the center's changes once"),
    ):
        q = ssub.add_parser(name, help=helptext, description=helptext)
        q.add_argument("--name", required=True, help="the terminal's name (as enrolled)")
        q.add_argument("--json", action="store_true")
        q.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.sync.engine import read_status
    from app.sync.terminal import open_terminal

    term = open_terminal(settings, args.name)
    try:
        status = term.engine.sync_once() if args.sync_command == "now" else read_status(term.cache)
        if args.json:
            print(json.dumps(asdict(status), ensure_ascii=False))
        else:
            print(
                f"{term.identity.name} ({term.identity.kind}) → {term.identity.center_url}: {status.describe()}"
            )
        return 0 if (status.online or args.sync_command == "status") else 5
    finally:
        term.close()
