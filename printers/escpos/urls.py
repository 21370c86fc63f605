"""Printer URLs, parsed strictly into one typed target per kind of connection.

    usb://0416:5011[?in_ep=0x81&out_ep=0x03&timeout=2000]      vendor:product id in hex
    serial:///dev/ttyUSB0?baudrate=9600  serial:///COM3         the port as the OS names it
    tcp://192.168.1.50[:9100][?timeout=5]                       raw port 9100 ("JetDirect")
    file:///dev/usb/lp0                                         write the job to a device node or a file
    cups://queue   win32://POS-80                               the system print queue (raw job)
    sim:///dir[?paper=ok|near_end|out|offline|cover_open|runs_out&width=58|80]   PNG preview, one file per job

Every scheme also takes `status=off` to skip the status check of a printer that cannot answer it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl, unquote, urlsplit

from app.i18n.messages import msg
from printers.escpos.errors import PrinterUrlError

SimPaper = Literal["ok", "near_end", "out", "offline", "cover_open", "runs_out"]
# runs_out: ready before each job, out of paper once the job's bytes have come (a roll ending mid-ticket)
SIM_PAPER_STATES: tuple[SimPaper, ...] = ("ok", "near_end", "out", "offline", "cover_open", "runs_out")
BAUDRATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400)
SCHEMES = ("usb", "serial", "tcp", "file", "cups", "win32", "sim")


@dataclass(frozen=True)
class UsbTarget:
    vendor_id: int
    product_id: int
    in_ep: int = 0x82
    out_ep: int = 0x01
    timeout_ms: int = 2000


@dataclass(frozen=True)
class SerialTarget:
    port: str
    baudrate: int = 9600
    bytesize: int = 8
    parity: Literal["N", "E", "O", "M", "S"] = "N"
    stopbits: float = 1
    timeout: float = 2.0
    dsrdtr: bool = False
    xonxoff: bool = False


@dataclass(frozen=True)
class TcpTarget:
    host: str
    port: int = 9100
    timeout: float = 5.0


@dataclass(frozen=True)
class FileTarget:
    path: str


@dataclass(frozen=True)
class CupsTarget:
    queue: str


@dataclass(frozen=True)
class Win32Target:
    name: str


@dataclass(frozen=True)
class SimTarget:
    directory: str
    paper: SimPaper = "ok"
    width_mm: Literal[58, 80] | None = None


Target = UsbTarget | SerialTarget | TcpTarget | FileTarget | CupsTarget | Win32Target | SimTarget


@dataclass(frozen=True)
class PrinterUrl:
    raw: str
    target: Target
    check_status: bool = True

    @property
    def scheme(self) -> str:
        return self.raw.split(":", 1)[0].lower()


_ALLOWED: dict[str, set[str]] = {
    "usb": {"in_ep", "out_ep", "timeout"},
    "serial": {"baudrate", "bytesize", "parity", "stopbits", "timeout", "dsrdtr", "xonxoff"},
    "tcp": {"timeout"},
    "file": set(),
    "cups": set(),
    "win32": set(),
    "sim": {"paper", "width"},
}
_HEX_ID = re.compile(r"^(?:0x)?([0-9a-fA-F]{1,4})$")
_DRIVE = re.compile(r"^/[A-Za-z]:[/\\]")
_COM = re.compile(r"^/?(COM\d+)$", re.IGNORECASE)
_QUEUE = re.compile(r"^[A-Za-z0-9_.\-]+$")


def _bad(url: str, why: str) -> PrinterUrlError:
    return PrinterUrlError(msg("printer.bad_url", url=url, why=why))


def parse_printer_url(url: str) -> PrinterUrl:
    """Parse and validate; raises `PrinterUrlError` with the reason for anything unexpected."""
    text = (url or "").strip()
    if "://" not in text:
        raise _bad(text, f"expected SCHEME://…, one of {', '.join(s + '://' for s in SCHEMES)}")
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise _bad(text, f"unknown scheme {parts.scheme!r}; use one of {', '.join(SCHEMES)}")
    if parts.fragment:
        raise _bad(text, "a printer URL has no #fragment")
    if "@" in parts.netloc and scheme != "win32":
        raise _bad(text, "a printer URL carries no user name or password")
    options = _options(text, parts.query, _ALLOWED[scheme] | {"status"})
    status = options.pop("status", "auto")
    if status not in ("auto", "off"):
        raise _bad(text, f"status must be auto or off, got {status!r}")
    target = _TARGETS[scheme](text, parts.netloc, parts.path, options)
    return PrinterUrl(raw=text, target=target, check_status=status == "auto")


def _options(url: str, query: str, allowed: set[str]) -> dict[str, str]:
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError:
        raise _bad(url, f"malformed query {query!r}") from None
    found: dict[str, str] = {}
    for key, value in pairs:
        if key not in allowed:
            raise _bad(url, f"unknown option {key!r}; allowed: {', '.join(sorted(allowed))}")
        if key in found:
            raise _bad(url, f"option {key!r} given twice")
        found[key] = value
    return found


def _int(url: str, name: str, value: str, low: int, high: int, base: int = 10) -> int:
    try:
        number = int(value, 16 if value.lower().startswith("0x") else base)
    except ValueError:
        raise _bad(url, f"{name} must be a number, got {value!r}") from None
    if not low <= number <= high:
        raise _bad(url, f"{name} must be between {low} and {high}, got {number}")
    return number


def _float(url: str, name: str, value: str, low: float, high: float) -> float:
    try:
        number = float(value)
    except ValueError:
        raise _bad(url, f"{name} must be a number, got {value!r}") from None
    if not low <= number <= high:
        raise _bad(url, f"{name} must be between {low} and {high}, got {value}")
    return number


def _flag(url: str, name: str, value: str) -> bool:
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise _bad(url, f"{name} must be 0 or 1, got {value!r}")


def _local_path(url: str, netloc: str, path: str) -> str:
    if netloc not in ("", "localhost"):
        raise _bad(url, f"use three slashes for a local path (…:///{netloc}{path}), not a host {netloc!r}")
    path = unquote(path)
    if not path or path == "/":
        raise _bad(url, "a path is required")
    if _DRIVE.match(path):  # Windows: file:///C:/prints -> C:/prints
        path = path[1:]
    return path


def _usb(url: str, netloc: str, path: str, opts: dict[str, str]) -> UsbTarget:
    if path not in ("", "/"):
        raise _bad(url, "usb://VID:PID takes no path")
    vid, sep, pid = netloc.partition(":")
    mv, mp = _HEX_ID.match(vid), _HEX_ID.match(pid)
    if not sep or not mv or not mp:
        raise _bad(url, "expected usb://VID:PID with hexadecimal ids, e.g. usb://0416:5011")
    vendor, product = int(mv.group(1), 16), int(mp.group(1), 16)
    if vendor == 0 or product == 0:
        raise _bad(url, "vendor and product ids are not zero")
    return UsbTarget(
        vendor_id=vendor,
        product_id=product,
        in_ep=_int(url, "in_ep", opts["in_ep"], 0x81, 0x8F) if "in_ep" in opts else 0x82,
        out_ep=_int(url, "out_ep", opts["out_ep"], 0x01, 0x0F) if "out_ep" in opts else 0x01,
        timeout_ms=_int(url, "timeout", opts["timeout"], 1, 60000) if "timeout" in opts else 2000,
    )


def _serial(url: str, netloc: str, path: str, opts: dict[str, str]) -> SerialTarget:
    com = _COM.match(unquote(netloc + path))
    if com:  # serial://COM3 or serial:///COM3
        port = com.group(1).upper()
    else:
        port = _local_path(url, netloc, path)
    kwargs: dict[str, object] = {}
    if "baudrate" in opts:
        baud = _int(url, "baudrate", opts["baudrate"], 1, 4_000_000)
        if baud not in BAUDRATES:
            raise _bad(url, f"baudrate must be one of {', '.join(map(str, BAUDRATES))}")
        kwargs["baudrate"] = baud
    if "bytesize" in opts:
        kwargs["bytesize"] = _int(url, "bytesize", opts["bytesize"], 5, 8)
    if "parity" in opts:
        parity = opts["parity"].upper()
        if parity not in ("N", "E", "O", "M", "S"):
            raise _bad(url, "parity must be N, E, O, M or S")
        kwargs["parity"] = parity
    if "stopbits" in opts:
        if opts["stopbits"] not in ("1", "1.5", "2"):
            raise _bad(url, "stopbits must be 1, 1.5 or 2")
        kwargs["stopbits"] = float(opts["stopbits"])
    if "timeout" in opts:
        kwargs["timeout"] = _float(url, "timeout", opts["timeout"], 0.05, 60)
    for name in ("dsrdtr", "xonxoff"):
        if name in opts:
            kwargs[name] = _flag(url, name, opts[name])
    return SerialTarget(port, **kwargs)  # type: ignore[arg-type]


def _tcp(url: str, netloc: str, path: str, opts: dict[str, str]) -> TcpTarget:
    if path not in ("", "/"):
        raise _bad(url, "tcp://HOST:PORT takes no path")
    parts = urlsplit(url)
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        raise _bad(url, "the port must be a number between 1 and 65535") from None
    if not host:
        raise _bad(url, "a host is required, e.g. tcp://192.168.1.50:9100")
    if port == 0:
        raise _bad(url, "the port must be a number between 1 and 65535")
    timeout = _float(url, "timeout", opts["timeout"], 0.1, 120) if "timeout" in opts else 5.0
    return TcpTarget(host=host, port=port or 9100, timeout=timeout)


def _file(url: str, netloc: str, path: str, opts: dict[str, str]) -> FileTarget:
    return FileTarget(_local_path(url, netloc, path))


def _cups(url: str, netloc: str, path: str, opts: dict[str, str]) -> CupsTarget:
    queue = unquote(netloc)
    if path not in ("", "/") or not _QUEUE.match(queue):
        raise _bad(url, "expected cups://QUEUE with a CUPS queue name (letters, digits, _ . -)")
    return CupsTarget(queue)


def _win32(url: str, netloc: str, path: str, opts: dict[str, str]) -> Win32Target:
    name = unquote(netloc + path).strip()
    if not name:
        raise _bad(url, "expected win32://PRINTER NAME as Windows names it")
    return Win32Target(name)


def _sim(url: str, netloc: str, path: str, opts: dict[str, str]) -> SimTarget:
    directory = _local_path(url, netloc, path)
    paper = opts.get("paper", "ok")
    if paper not in SIM_PAPER_STATES:
        raise _bad(url, f"paper must be one of {', '.join(SIM_PAPER_STATES)}")
    width: Literal[58, 80] | None = None
    if "width" in opts:
        if opts["width"] not in ("58", "80"):
            raise _bad(url, "width must be 58 or 80")
        width = 58 if opts["width"] == "58" else 80
    return SimTarget(directory=directory, paper=paper, width_mm=width)


_TARGETS: dict[str, Callable[[str, str, str, dict[str, str]], Target]] = {
    "usb": _usb,
    "serial": _serial,
    "tcp": _tcp,
    "file": _file,
    "cups": _cups,
    "win32": _win32,
    "sim": _sim,
}
