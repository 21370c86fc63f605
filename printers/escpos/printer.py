"""One ESC/POS printer by URL: check its status, then print a ticket, a receipt or any layout.

A failed print raises (PrinterOffline, PaperOut, CoverOpen, PrinterFault …) and nothing is kept to
print later: the caller decides what to tell the citizen. Paper near end prints and warns.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from app.devices.owner import ThreadBound
from app.i18n.messages import Msg, msg
from printers.escpos.commands import STATUS_REQUESTS, status_request
from printers.escpos.connection import NO_STATUS_NOTE, Connection, connect
from printers.escpos.errors import CutShort
from printers.escpos.layout import Layout, paper_for
from printers.escpos.profiles import PrinterProfile, load_profile
from printers.escpos.render_escpos import CHINESE_MODES, ChineseMode, render_job
from printers.escpos.slips import ReceiptData, TicketData, build_receipt, build_ticket
from printers.escpos.status import PrinterStatus, parse_status, raise_for_status
from printers.escpos.urls import PrinterUrl, parse_printer_url

log = logging.getLogger("hall.printer")


@dataclass(frozen=True)
class PrintResult:
    printer: str
    kind: str
    bytes_sent: int
    status: PrinterStatus | None  # None: not read (see status_note)
    status_note: str = ""
    warnings: tuple[str, ...] = ()
    preview: Path | None = None  # the PNG a sim:// printer wrote

    @property
    def status_checked(self) -> bool:
        return self.status is not None

    @property
    def paper_near_end(self) -> bool:
        return self.status is not None and self.status.paper_near_end


def _stopped(after: PrinterStatus) -> Msg | None:
    """What the status read after a job says went wrong during it (None: the job went through)."""
    if after.paper_out:
        return msg("printer.stopped.paper_out")
    if after.cover_open:
        return msg("printer.stopped.cover_open")
    if after.cutter_error or after.unrecoverable_error or after.recoverable_error:
        return msg("printer.stopped.fault")
    if not after.online:
        return msg("printer.stopped.offline")
    return None


class EscposPrinter(ThreadBound):
    """Once bound to an owner thread (PrinterWorker), `status` and the print methods refuse any other."""

    def __init__(
        self,
        url: str | PrinterUrl,
        *,
        width_mm: int = 80,
        chinese: ChineseMode = "gb18030",
        profile: str | PrinterProfile = "default",
        fail_on_near_end: bool = False,
    ) -> None:
        self.url = url if isinstance(url, PrinterUrl) else parse_printer_url(url)
        self.paper = paper_for(width_mm)
        if chinese not in CHINESE_MODES:
            raise ValueError(f"chinese must be one of {CHINESE_MODES}, got {chinese!r}")
        self.chinese: ChineseMode = chinese
        self.profile = profile if isinstance(profile, PrinterProfile) else load_profile(profile)
        self.fail_on_near_end = fail_on_near_end

    def __repr__(self) -> str:
        return f"EscposPrinter({self.url.raw!r}, width_mm={self.paper.mm}, chinese={self.chinese!r})"

    # ---- status
    def status(self) -> PrinterStatus | None:
        """The printer's state now; None when this kind of connection cannot read it."""
        self.check_owner()
        conn = connect(self.url)
        if not conn.reads_status:
            return None
        conn.open()
        try:
            return self._read_status(conn)
        finally:
            conn.close()

    def _read_status(self, conn: Connection) -> PrinterStatus:
        answers = []
        for n in STATUS_REQUESTS:
            conn.write(status_request(n))
            answers.append(conn.read_byte())
        return parse_status(*answers)

    # ---- printing
    def print_ticket(self, data: TicketData) -> PrintResult:
        return self.print_layout(build_ticket(data, self.paper.mm))

    def print_receipt(self, data: ReceiptData) -> PrintResult:
        return self.print_layout(build_receipt(data, self.paper.mm))

    def render(self, layout: Layout) -> bytes:
        return render_job(layout, self.chinese, self.profile)

    def print_layout(self, layout: Layout) -> PrintResult:
        self.check_owner()
        job = self.render(layout)  # render first: a layout error must not leave a half-open printer
        conn = connect(self.url)
        conn.open()
        try:
            status: PrinterStatus | None = None
            warnings: list[str] = []
            note = ""
            if not conn.reads_status:
                note = NO_STATUS_NOTE
            elif not self.url.check_status:
                note = msg("printer.status_off")
            else:
                status = self._read_status(conn)
                warnings = raise_for_status(status, fail_on_near_end=self.fail_on_near_end)
            conn.write(job)
            if status is not None:  # read again after the job: paper that ran out halfway is no ticket
                after = self._read_status(conn)
                stopped = _stopped(after)
                if stopped is not None:
                    conn.finish(layout.kind)
                    log.error("%s on %s cut short: %s", layout.kind, conn.description, stopped)
                    raise CutShort(stopped)
                status = after
            preview = conn.finish(layout.kind)
        finally:
            conn.close()
        for w in warnings:
            log.info("%s on %s: %s", layout.kind, conn.description, w)
        log.info("printed %s on %s (%d bytes)", layout.kind, conn.description, len(job))
        return PrintResult(
            printer=self.url.raw,
            kind=layout.kind,
            bytes_sent=len(job),
            status=status,
            status_note=note,
            warnings=tuple(warnings),
            preview=preview,
        )
