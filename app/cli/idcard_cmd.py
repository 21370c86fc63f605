"""`hall idcard`: read one ID card, check the reader's SAM, or serve a simulated reader over TCP."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from app.config import Settings
from app.i18n.cli import echo, say
from app.i18n.messages import msg

LABELS = {
    "card_type_zh": "证件类型",
    "name": "姓名",
    "english_name": "英文姓名",
    "gender": "性别",
    "nation": "民族",
    "birth": "出生日期",
    "address": "住址",
    "extra_address": "追加住址",
    "id_number": "证件号码",
    "authority": "签发机关",
    "valid_from": "有效期起",
    "valid_to": "有效期止",
    "nationality": "国籍",
    "pass_number": "通行证号码",
    "issue_count": "签发次数",
    "photo_bytes": "照片(WLT)字节",
    "fingerprint_bytes": "指纹字节",
}
ALWAYS = ("card_type_zh", "name", "id_number", "birth", "valid_from", "valid_to")
SIM_CARDS = ("zhangsan", "lisi", "wangfang", "chen_j", "smith_i", "garcia_y", "none")
PORTS_HELP = (
    "Ports: COM3, /dev/ttyUSB0, socket://HOST:PORT, rfc2217://HOST:PORT, loop://, "
    "sim://NAME?card=" + "|".join(SIM_CARDS) + "&fault=none|no_sam|garbage|bad_checksum|truncated|"
    "remove_mid_read|timeout|unplugged&baud=115200&halt=1. Default: settings devices.idcard_url. "
    "Exit status 0 when done, 4 when the reader or the card failed (one line on stderr says why)."
)


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "idcard",
        help="ID-card reader (GA 467): read a card, SAM status, simulated reader",
        description="Read resident ID cards, Hong Kong/Macau/Taiwan residence permits and foreigners' "
        "permanent residence cards with a GA 467 (SAM) reader. " + PORTS_HELP,
    )
    psub = p.add_subparsers(dest="idcard_command", metavar="ACTION", required=True)
    r = psub.add_parser(
        "read",
        help="read one card and print its fields (ID number masked)",
        description=PORTS_HELP,
    )
    r.add_argument(
        "--port",
        metavar="URL",
        help="reader port (default: settings devices.idcard_url)",
    )
    r.add_argument("--json", action="store_true", help="print JSON")
    r.add_argument(
        "--reveal",
        action="store_true",
        help="print the full ID number (mind who sees the screen)",
    )
    r.add_argument(
        "--fingerprint",
        action="store_true",
        help="also read the fingerprint block (its size is shown)",
    )
    r.add_argument(
        "--extra-address",
        action="store_true",
        help="also read the extra address (追加住址)",
    )
    r.add_argument(
        "--timeout",
        type=_seconds,
        default=3.0,
        metavar="S",
        help="seconds to wait for each answer",
    )
    r.set_defaults(func=run)
    st = psub.add_parser("status", help="SAM status and SAM id of the reader", description=PORTS_HELP)
    st.add_argument(
        "--port",
        metavar="URL",
        help="reader port (default: settings devices.idcard_url)",
    )
    st.add_argument("--timeout", type=_seconds, default=3.0, metavar="S")
    st.set_defaults(func=run)
    sim = psub.add_parser("sim", help="serve a simulated reader on a TCP port until Ctrl-C")
    sim.add_argument(
        "--listen",
        default="127.0.0.1:0",
        metavar="HOST:PORT",
        help="default 127.0.0.1:0 (any free port)",
    )
    sim.add_argument("--card", default="zhangsan", choices=SIM_CARDS, help="demo card on the reader")
    sim.add_argument("--fault", default="none", help="simulated fault (see sim:// above)")
    sim.add_argument("--baud", type=int, default=None, help="pace the answers at this line speed")
    sim.set_defaults(func=run)


def _seconds(text: str) -> float:
    value = float(text)
    if not 0 < value <= 60:
        raise argparse.ArgumentTypeError("a timeout between 0 and 60 seconds")
    return value


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.devices.idcard import IdCardError, open_reader

    if args.idcard_command == "sim":
        return serve(args)
    url = args.port or settings.devices.idcard_url or settings.devices.require("idcard_url")
    try:
        with open_reader(url, timeout_s=args.timeout) as reader:
            if args.idcard_command == "status":
                reader.sam_status()
                echo("idcard.sam_ready", url=url, sam=reader.sam_id())
                return 0
            card = reader.read_card(fingerprint=args.fingerprint)
            extra = reader.read_extra_address() if args.extra_address else None
    except IdCardError as exc:
        print(f"hall idcard {args.idcard_command}: {say(exc)}", file=sys.stderr)
        return exc.exit_code
    data = card.to_dict(reveal=args.reveal)
    if args.extra_address:
        data["extra_address"] = extra
    if not args.fingerprint:
        del data["fingerprint_bytes"]
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for key, label in LABELS.items():
        value = data.get(key)
        if key in data and (key in ALWAYS or value not in ("", 0, None)):
            print(f"{label}：{say(msg('idcard.none')) if value is None else value}")
    return 0


def serve(args: argparse.Namespace) -> int:
    from app.devices.idcard import IdCardError
    from app.devices.idcard.peer import IdCardPeer
    from app.devices.idcard.sim import SimReader

    host, _, port = args.listen.rpartition(":")
    try:
        device = SimReader(None if args.card == "none" else args.card, args.fault)
        peer = IdCardPeer(host or "127.0.0.1", int(port or 0), device, baud=args.baud).start()
    except (IdCardError, ValueError, OSError) as exc:
        print(f"hall idcard sim: {exc}", file=sys.stderr)
        return 2
    print(
        f"simulated ID-card reader at {peer.url} (card: {args.card}); Ctrl-C stops it",
        flush=True,
    )
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        return 0
    finally:
        peer.stop()
