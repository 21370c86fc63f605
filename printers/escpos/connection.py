"""Connections to printers: python-escpos's device classes for real printers, our simulator for `sim://`.

A connection is opened for one job and closed after it: nothing is kept (or spooled) between jobs.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any, Protocol

from app.i18n.messages import msg
from printers.escpos.errors import PrinterBackendUnavailable, PrinterError, PrinterOffline
from printers.escpos.sim import SimPrinter
from printers.escpos.urls import (
    CupsTarget,
    FileTarget,
    PrinterUrl,
    SerialTarget,
    SimTarget,
    TcpTarget,
    UsbTarget,
    Win32Target,
)

log = logging.getLogger("hall.printer")
NO_STATUS_NOTE = msg("printer.no_status")


class Connection(Protocol):
    description: str
    reads_status: bool

    def open(self) -> None: ...

    def write(self, data: bytes) -> None: ...

    def read_byte(self) -> int:
        """One byte answered by the printer; raises PrinterOffline when it does not answer."""
        ...

    def finish(self, kind: str) -> Path | None:
        """End the job; the simulator returns the preview it wrote."""
        ...

    def close(self) -> None: ...


class EscposConnection:
    """Wraps a python-escpos printer object (Usb, Serial, Network, File, CupsPrinter, Win32Raw)."""

    def __init__(self, device: Any, description: str, reads_status: bool) -> None:
        self.device = device
        self.description = description
        self.reads_status = reads_status

    def open(self) -> None:
        from escpos.exceptions import DeviceNotFoundError

        try:
            self.device.open()
        except DeviceNotFoundError as exc:
            log.info("cannot open %s: %s", self.description, exc)
            raise PrinterOffline(msg("printer.unreachable_power", printer=self.description, error=str(exc))) from exc
        except OSError as exc:
            raise PrinterOffline(msg("printer.unreachable", printer=self.description, error=str(exc))) from exc

    def write(self, data: bytes) -> None:
        try:
            self.device._raw(data)
        except (OSError, ValueError) as exc:
            raise PrinterOffline(msg("printer.send_failed", printer=self.description, error=str(exc))) from exc
        except Exception as exc:  # pyusb and pyserial raise their own exception types
            raise PrinterOffline(msg("printer.send_failed", printer=self.description, error=str(exc))) from exc

    def read_byte(self) -> int:
        try:
            answer = bytes(self.device._read())
        except Exception as exc:  # socket.timeout, usb.core.USBTimeoutError, serial errors
            raise PrinterOffline(msg("printer.no_answer_detail", printer=self.description, error=str(exc))) from exc
        if not answer:
            raise PrinterOffline(msg("printer.no_answer", printer=self.description))
        return answer[-1]

    def finish(self, kind: str) -> Path | None:
        if hasattr(self.device, "flush"):
            self.device.flush()
        return None

    def close(self) -> None:
        try:
            self.device.close()
        except Exception as exc:  # closing must not hide the job's own outcome
            log.warning("closing %s failed: %s", self.description, exc)


class SimConnection:
    reads_status = True

    def __init__(self, target: SimTarget) -> None:
        self.printer = SimPrinter(target.directory, target.paper, target.width_mm)
        self.description = f"sim:{target.directory}"

    def open(self) -> None:
        return None

    def write(self, data: bytes) -> None:
        self.printer.write(data)

    def read_byte(self) -> int:
        answer = self.printer.read()
        if not answer:
            raise PrinterOffline(msg("printer.sim_no_answer"))
        return answer[0]

    def finish(self, kind: str) -> Path | None:
        return self.printer.finish(kind)

    def close(self) -> None:
        return None


def _need(usable: bool, message: str) -> None:
    if not usable:
        raise PrinterBackendUnavailable(message)


def connect(url: PrinterUrl) -> Connection:
    """A closed connection for `url` (call `open()`); raises PrinterBackendUnavailable when it cannot work here."""
    t = url.target
    if isinstance(t, SimTarget):
        return SimConnection(t)
    if isinstance(t, Win32Target) and sys.platform != "win32":
        raise PrinterBackendUnavailable(msg("printer.win32_only"))
    from escpos import printer as ep

    if isinstance(t, TcpTarget):
        return EscposConnection(
            ep.Network(host=t.host, port=t.port, timeout=t.timeout), f"tcp://{t.host}:{t.port}", True
        )
    if isinstance(t, FileTarget):
        return EscposConnection(ep.File(devfile=t.path, auto_flush=False), f"file://{t.path}", False)
    if isinstance(t, SerialTarget):
        device = ep.Serial(
            devfile=t.port,
            baudrate=t.baudrate,
            bytesize=t.bytesize,
            timeout=t.timeout,
            parity=t.parity,
            stopbits=t.stopbits,
            xonxoff=t.xonxoff,
            dsrdtr=t.dsrdtr,
        )
        return EscposConnection(device, f"serial:{t.port}", True)
    if isinstance(t, UsbTarget):
        _need(
            ep.Usb.is_usable(),
            msg("printer.needs_pyusb", detail="pip install pyusb; or use the printer's serial, network or system queue"),
        )
        device = ep.Usb(
            idVendor=t.vendor_id, idProduct=t.product_id, timeout=t.timeout_ms, in_ep=t.in_ep, out_ep=t.out_ep
        )
        return EscposConnection(device, f"usb://{t.vendor_id:04x}:{t.product_id:04x}", True)
    if isinstance(t, CupsTarget):
        _need(
            ep.CupsPrinter.is_usable(),
            msg("printer.needs_pycups"),
        )
        return EscposConnection(ep.CupsPrinter(printer_name=t.queue), f"cups://{t.queue}", False)
    if isinstance(t, Win32Target):
        _need(ep.Win32Raw.is_usable(), msg("printer.needs_pywin32"))
        return EscposConnection(ep.Win32Raw(printer_name=t.name), f"win32://{t.name}", False)
    raise PrinterError(f"unsupported printer target {t!r}")
