"""`hall enroll`, `hall terminals`: join a terminal to the center; list, approve and revoke terminals."""

from __future__ import annotations

import argparse
import getpass
import os
from typing import Any

from app.config import Settings


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "enroll",
        help="enroll this machine as a kiosk, counter or screen",
        description="Asks the center to enroll this terminal and keeps its credential in the keyring. It prints "
        "the enrollment code; an admin approves with it (`hall terminals approve NAME --code CODE`), or give "
        "--admin to approve at once.",
    )
    p.add_argument("--center", required=True, metavar="URL")
    p.add_argument("--kind", required=True, choices=["kiosk", "counter", "screen"])
    p.add_argument("--name", required=True, help="a unique name, e.g. kiosk-1F-01")
    p.add_argument("--admin", metavar="USER", help="approve at once with this admin account")
    p.add_argument("--wait", type=float, default=0, metavar="S", help="wait up to S seconds for the approval")
    p.set_defaults(func=run_enroll)

    t: argparse.ArgumentParser = sub.add_parser(
        "terminals",
        help="list, approve or revoke terminals (admin)",
        description="Manage enrolled terminals at the center.",
    )
    tsub = t.add_subparsers(dest="terminals_command", metavar="ACTION", required=True)
    for name in ("list", "approve", "revoke"):
        q = tsub.add_parser(name, help=f"{name} terminals")
        if name != "list":
            q.add_argument("terminal", help="name or id")
        if name == "approve":
            q.add_argument(
                "--code", required=True, help="the enrollment code shown on the terminal (hall enroll prints it)"
            )
        q.add_argument("--center", required=True, metavar="URL")
        q.add_argument("--user", default="admin")
        q.set_defaults(func=run_terminals)


def _password(user: str) -> str:
    return os.environ.get("HALL_ADMIN_PASSWORD") or getpass.getpass(f"password of {user}: ")


def run_enroll(args: argparse.Namespace, settings: Settings) -> int:
    from app.sync.secrets_store import open_secret_store
    from app.sync.terminal import enroll, enrollment_code

    identity, status = enroll(
        settings,
        args.center,
        args.kind,
        args.name,
        admin_user=args.admin,
        admin_password=_password(args.admin) if args.admin else None,
        wait_s=args.wait,
    )
    print(f"terminal {identity.name} ({identity.kind}) id {identity.terminal_id}: {status}")
    if status != "approved":
        credential = open_secret_store(settings).get(f"{identity.name}:credential") or ""
        code = enrollment_code(credential)
        print(f"enrollment code: {code}")
        print(
            f"an admin approves it with: hall terminals approve {identity.name} --code {code} --center {args.center}"
        )
    return 0


def run_terminals(args: argparse.Namespace, settings: Settings) -> int:
    from app.sync.client import CenterClient

    client = CenterClient(args.center, ca_file=settings.center_ca_file)
    try:
        client.token = str(client.login_staff(args.user, _password(args.user)).token)
        if args.terminals_command == "list":
            rows = client.call("GET", "/terminals")
            for r in rows:
                print(
                    f"{r['name']:<20} {r['kind']:<8} {r['status']:<9} last seen {r['last_seen_at'] or '-'}  {r['id']}"
                )
            if not rows:
                print("no terminals enrolled")
        else:
            body = {"code": args.code} if args.terminals_command == "approve" else None
            r = client.call("POST", f"/terminals/{args.terminal}/{args.terminals_command}", json=body)
            print(f"{r['name']}: {r['status']}")
    finally:
        client.close()
    return 0
