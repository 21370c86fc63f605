"""ESC/POS ticket and receipt printers by URL (usb, serial, tcp, file, cups, win32, sim)."""

from printers.escpos.errors import (
    CoverOpen,
    PaperNearEnd,
    PaperOut,
    PrinterBackendUnavailable,
    PrinterError,
    PrinterFault,
    PrinterOffline,
    PrinterUrlError,
)
from printers.escpos.printer import EscposPrinter, PrintResult
from printers.escpos.slips import ReceiptData, ReceivedMaterial, TicketData, build_receipt, build_ticket
from printers.escpos.status import PrinterStatus
from printers.escpos.urls import parse_printer_url
from printers.escpos.worker import PrinterWorker

__all__ = [
    "CoverOpen",
    "EscposPrinter",
    "PaperNearEnd",
    "PaperOut",
    "PrintResult",
    "PrinterBackendUnavailable",
    "PrinterError",
    "PrinterFault",
    "PrinterOffline",
    "PrinterStatus",
    "PrinterUrlError",
    "PrinterWorker",
    "ReceiptData",
    "ReceivedMaterial",
    "TicketData",
    "build_receipt",
    "build_ticket",
    "parse_printer_url",
]
