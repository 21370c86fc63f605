"""`hall idcard`: read one ID card, check the reader, or serve a simulated reader over TCP."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from app.config import Settings

LABELS = {
    "card_type_zh": "证件类型",
    "name": "姓名",
    "english_name": "英文姓名",
    "gender": "性别",
    "nation": "民族",
    "birth": "出生日期",
    "address": "住址",
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


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "idcard",
        help="ID-card reader (GA 467): read a card, reader status, simulated reader",
        description="Ports: COM3, /dev/ttyUSB0, socket://HOST:PORT, loop://, sim://NAME?card=zhangsan|lisi|wangfang|"
        "chen_j|smith_i|garcia_y|none&fault=none|no_sam|garbage|bad_checksum|truncated|remove_mid_read|timeout",
    )
    psub = p.add_subparsers(dest="idcard_command", metavar="ACTION", required=True)
    r = psub.add_parser("read", help="read one card and print its fields (ID number masked)")
    r.add_argument("--port", metavar="URL", help="reader port (default: settings devices.idcard_url)")
    r.add_argument("--json", action="store_true", help="print JSON")
    r.add_argument("--reveal", action="store_true", help="print the full ID number")
    r.add_argument("--fingerprint", action="store_true", help="also read the fingerprint block")
    r.add_argument("--timeout", type=float, default=3.0, help="seconds to wait for each answer")
    r.set_defaults(func=run)
    st = psub.add_parser("status", help="SAM status and id")
    st.add_argument("--port", metavar="URL")
    st.add_argument("--timeout", type=float, default=3.0)
    st.set_defaults(func=run)
    sim = psub.add_parser("sim", help="serve a simulated reader on a TCP port until Ctrl-C")
    sim.add_argument("--listen", default="127.0.0.1:0", metavar="HOST:PORT")
    sim.add_argument("--card", default="zhangsan")
    sim.add_argument("--baud", type=int, default=None)
    sim.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.devices.idcard import IdCardError, open_reader

    if args.idcard_command == "sim":
        return serve(args)
    url = args.port or settings.devices.idcard_url
    try:
        with open_reader(url, timeout_s=args.timeout) as reader:
            if args.idcard_command == "status":
                reader.sam_status()
                print(f"reader {url}: SAM ready, id {reader.sam_id()}")
                return 0
            card = reader.read_card(fingerprint=args.fingerprint)
    except IdCardError as exc:
        print(f"hall idcard: {exc}", file=sys.stderr)
        return 3
    data = card.to_dict(reveal=args.reveal)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for key, label in LABELS.items():
            value = data.get(key)
            if value not in ("", 0, None) or key in ("id_number", "name"):
                print(f"{label}：{value}")
    return 0


def serve(args: argparse.Namespace) -> int:
    from app.devices.idcard.peer import IdCardPeer
    from app.devices.idcard.sim import DEMO_CARDS, SimReader

    host, _, port = args.listen.rpartition(":")
    device = SimReader(DEMO_CARDS.get(args.card) if args.card != "none" else None)
    peer = IdCardPeer(device, host or "127.0.0.1", int(port or 0), args.baud).start()
    print(f"simulated ID-card reader at {peer.url} (card: {args.card}); Ctrl-C stops it", flush=True)
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        return 0
    finally:
        peer.stop()
