"""DLE EOT n real-time status: parse the four status bytes and turn bad states into clear errors.

Every status byte has bit 1 and bit 4 set and bits 0 and 7 clear (the fixed pattern 0xx1xx10).
- n=1 printer status: bit 3 offline, bit 5 waiting for online recovery, bit 6 feed button pressed
- n=2 offline cause: bit 2 cover open, bit 3 paper fed by the feed button, bit 5 stopped by paper
  end, bit 6 an error occurred
- n=3 error cause: bit 2 recoverable error, bit 3 autocutter error, bit 5 unrecoverable error, bit 6
  automatically recoverable error (e.g. head too hot)
- n=4 roll paper sensor: bits 2+3 paper near end, bits 5+6 paper end
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n.messages import msg
from printers.escpos.errors import (
    PAPER_NEAR_END_MESSAGE,
    CoverOpen,
    PaperNearEnd,
    PaperOut,
    PrinterError,
    PrinterFault,
    PrinterOffline,
)

FIXED_MASK, FIXED_BITS = 0x93, 0x12


def is_status_byte(value: int) -> bool:
    return value & FIXED_MASK == FIXED_BITS


@dataclass(frozen=True)
class PrinterStatus:
    online: bool
    cover_open: bool = False
    paper_out: bool = False
    paper_near_end: bool = False
    feed_button: bool = False
    recoverable_error: bool = False
    cutter_error: bool = False
    unrecoverable_error: bool = False
    auto_recoverable_error: bool = False
    raw: bytes = b""

    @property
    def ok(self) -> bool:
        return self.online and not (self.cover_open or self.paper_out or self.has_error)

    @property
    def has_error(self) -> bool:
        return (
            self.recoverable_error
            or self.cutter_error
            or self.unrecoverable_error
            or self.auto_recoverable_error
        )

    def describe(self) -> str:
        """One line for people (a message: 正常, 缺纸 … in the reader's language)."""
        parts = []
        if not self.online:
            parts.append("offline")
        if self.cover_open:
            parts.append("cover_open")
        if self.paper_out:
            parts.append("paper_out")
        elif self.paper_near_end:
            parts.append("paper_near_end")
        if self.cutter_error:
            parts.append("cutter_error")
        if self.unrecoverable_error:
            parts.append("unrecoverable")
        if self.auto_recoverable_error:
            parts.append("auto_recoverable")
        if self.recoverable_error:
            parts.append("recoverable")
        if not parts:
            return msg("printer.status.ready")
        out = msg(f"printer.status.{parts[-1]}")
        for part in reversed(parts[:-1]):
            out = msg("list.comma", first=msg(f"printer.status.{part}"), rest=out)
        return out


def parse_status(printer: int, offline_cause: int, error_cause: int, paper: int) -> PrinterStatus:
    """The four DLE EOT answers (n = 1, 2, 3, 4) as one status; a byte off the fixed pattern is refused."""
    raw = bytes([printer, offline_cause, error_cause, paper])
    for n, value in enumerate(raw, 1):
        if not is_status_byte(value):
            raise PrinterError(
                msg("printer.bad_status_byte", n=n, value=f"{value:02x}"),
                code="printer_status",
            )
    return PrinterStatus(
        online=not printer & 0x08,
        feed_button=bool(printer & 0x40),
        cover_open=bool(offline_cause & 0x04),
        paper_out=bool(offline_cause & 0x20) or paper & 0x60 == 0x60,
        paper_near_end=paper & 0x0C == 0x0C,
        recoverable_error=bool(error_cause & 0x04),
        cutter_error=bool(error_cause & 0x08),
        unrecoverable_error=bool(error_cause & 0x20),
        auto_recoverable_error=bool(error_cause & 0x40),
        raw=raw,
    )


def status_bytes(status: PrinterStatus) -> dict[int, int]:
    """The bytes a printer in this state answers to DLE EOT 1..4 (used by the simulator)."""
    offline = not status.online or status.cover_open or status.paper_out or status.has_error
    printer = FIXED_BITS | (0x08 if offline else 0) | (0x40 if status.feed_button else 0)
    cause = FIXED_BITS | (0x04 if status.cover_open else 0) | (0x20 if status.paper_out else 0)
    cause |= 0x40 if status.has_error else 0
    error = FIXED_BITS
    error |= (0x04 if status.recoverable_error else 0) | (0x08 if status.cutter_error else 0)
    error |= (0x20 if status.unrecoverable_error else 0) | (0x40 if status.auto_recoverable_error else 0)
    paper = (
        FIXED_BITS
        | (0x0C if status.paper_near_end or status.paper_out else 0)
        | (0x60 if status.paper_out else 0)
    )
    return {1: printer, 2: cause, 3: error, 4: paper}


def raise_for_status(status: PrinterStatus, *, fail_on_near_end: bool = False) -> list[str]:
    """Raise the error that stops printing; return warnings (paper near end) for a printable state."""
    if status.paper_out:
        raise PaperOut()
    if status.cover_open:
        raise CoverOpen()
    if status.cutter_error:
        raise PrinterFault(msg("printer.cutter_jam"))
    if status.unrecoverable_error:
        raise PrinterFault(msg("printer.unrecoverable"))
    if status.auto_recoverable_error:
        raise PrinterFault(msg("printer.head_hot"))
    if status.recoverable_error:
        raise PrinterFault(msg("printer.recoverable"))
    if not status.online:
        raise PrinterOffline()
    if status.paper_near_end:
        if fail_on_near_end:
            raise PaperNearEnd()
        return [PAPER_NEAR_END_MESSAGE]
    return []
