"""`hall notify`: the SMS provider's keys into the keyring, a test message, and the outbox's state."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from app.config import Settings


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "notify",
        help="messages to citizens' phones: provider keys, a test SMS, the outbox",
        description="SMS to citizens (notify.channel in hall.toml: none, file, aliyun, tencent).",
    )
    nsub = p.add_subparsers(dest="notify_command", metavar="ACTION", required=True)
    keys = nsub.add_parser(
        "keys",
        help="store the SMS provider's access keys in the keyring of the center's user",
        description="Asks for the AccessKey ID and secret (Aliyun) or SecretId and SecretKey (Tencent Cloud); "
        "HALL_SMS_KEY_ID / HALL_SMS_KEY_SECRET are read instead when set (for scripted installs).",
    )
    keys.add_argument("provider", choices=["aliyun", "tencent"])
    keys.set_defaults(func=run_keys)
    test = nsub.add_parser("test", help="queue a test message (turn_soon) to PHONE in the center's outbox")
    test.add_argument("phone")
    test.add_argument("--db", metavar="URL", help="the center's database (default: settings)")
    test.set_defaults(func=run_test)
    status = nsub.add_parser("status", help="the outbox: counts by status and the latest messages (masked)")
    status.add_argument("--db", metavar="URL", help="the center's database (default: settings)")
    status.add_argument("--limit", type=int, default=20)
    status.set_defaults(func=run_status)


def run_keys(args: argparse.Namespace, settings: Settings) -> int:
    import os

    from app.notify.credentials import store_provider_keys

    key_id = os.environ.get("HALL_SMS_KEY_ID") or input(f"{args.provider} key id: ").strip()
    secret = os.environ.get("HALL_SMS_KEY_SECRET") or getpass.getpass(f"{args.provider} key secret: ").strip()
    if not key_id or not secret:
        print("nothing stored: both the key id and the secret are needed", file=sys.stderr)
        return 2
    store_provider_keys(settings, args.provider, key_id, secret)
    print(f"the {args.provider} SMS keys are in the keyring; set notify.channel = \"{args.provider}\" in hall.toml")
    return 0


def _db(args: argparse.Namespace, settings: Settings) -> Any:
    from app.cli.db_cmd import default_center_url
    from app.store.db import Database

    return Database(args.db or default_center_url(settings))


def run_test(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from app.domain.ids import new_id
    from app.notify.outbox import enqueue
    from app.store.crypto import FieldCipher, key_from_file

    db = _db(args, settings)
    cipher = FieldCipher(key_from_file(Path(settings.resolved_data_dir()) / "center-data.key"))
    try:
        with db.write_session() as s:
            enqueue(s, event="turn_soon", phone=args.phone, params={"number": "A001", "ahead": 3},
                    key=f"test:{new_id()}", cipher=cipher)
    finally:
        db.dispose()
    print("a test message is in the outbox; the running center sends it (hall notify status)")
    return 0


def run_status(args: argparse.Namespace, settings: Settings) -> int:
    from app.notify.report import outbox_state

    db = _db(args, settings)
    try:
        with db.read_session() as s:
            state = outbox_state(s, limit=args.limit)
    finally:
        db.dispose()
    print(json.dumps(state, ensure_ascii=False, indent=2))
    return 0
