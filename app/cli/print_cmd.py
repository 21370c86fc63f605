"""`hall print`: test prints and status of ESC/POS ticket and receipt printers, by URL."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.config import Settings
from app.i18n.cli import echo, say


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "print",
        help="ticket and receipt printers: test prints, status",
        description="Print a sample queue ticket or receipt, or read a printer's status. Printers by URL: "
        "usb://VID:PID, serial:///dev/ttyUSB0?baudrate=9600, serial:///COM3, tcp://HOST[:9100], "
        "file:///dev/usb/lp0, cups://QUEUE, win32://NAME, sim:///DIR (writes a PNG preview; "
        "?paper=ok|near_end|out|offline|cover_open simulates the paper).",
    )
    psub = p.add_subparsers(dest="print_command", metavar="ACTION", required=True)

    def common(q: argparse.ArgumentParser, default_hint: str) -> None:
        q.add_argument(
            "--printer", metavar="URL", help=f"printer URL (default: settings devices.{default_hint})"
        )
        q.add_argument("--width", type=int, choices=(58, 80), help="paper width in mm (default: settings)")
        q.add_argument(
            "--chinese",
            choices=("gb18030", "raster"),
            help="Chinese as GB18030 text in the printer's Chinese mode, or as raster images",
        )
        q.add_argument("--profile", help="python-escpos printer profile, e.g. default, TM-T20II, POS-5890")
        q.set_defaults(func=run)

    common(
        psub.add_parser("test-ticket", help="print a sample queue ticket (排队小票)"), "ticket_printer_url"
    )
    common(psub.add_parser("test-receipt", help="print a sample receipt (收件回执)"), "receipt_printer_url")
    common(psub.add_parser("status", help="read the printer's status (DLE EOT)"), "ticket_printer_url")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from printers.escpos.printer import EscposPrinter
    from printers.escpos.samples import sample_receipt, sample_ticket

    devices = settings.devices
    default_url = (
        devices.receipt_printer_url if args.print_command == "test-receipt" else devices.ticket_printer_url
    )
    printer = EscposPrinter(
        args.printer or default_url or devices.require(
            "receipt_printer_url" if args.print_command == "test-receipt" else "ticket_printer_url"
        ),
        width_mm=args.width or devices.paper_width_mm,
        chinese=args.chinese or devices.printer_chinese,
        profile=args.profile or devices.printer_profile,
    )
    if args.print_command == "status":
        status = printer.status()
        if status is None:
            echo("printer.cannot_read_status", printer=printer.url.raw)
            return 0
        print(f"{printer.url.raw}: {say(status.describe())}  [DLE EOT 1-4: {status.raw.hex(' ')}]")
        return 0 if status.ok else 1
    if args.print_command == "test-ticket":
        result = printer.print_ticket(sample_ticket(settings.hall_name))
    else:
        result = printer.print_receipt(sample_receipt(settings.hall_name))
    for warning in result.warnings:
        echo("cli.warning", message=say(warning), file=sys.stderr)
    if result.status_note:
        echo("cli.note", message=say(result.status_note), file=sys.stderr)
    if result.preview is not None:
        print(result.preview)
    else:
        echo("printer.printed", kind=result.kind, bytes=result.bytes_sent, printer=result.printer)
    return 0
