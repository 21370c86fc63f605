"""Printer URLs: every scheme parsed into its typed target, and clear errors for anything wrong."""

from __future__ import annotations

import pytest

from printers.escpos.errors import PrinterUrlError
from printers.escpos.urls import (
    CupsTarget,
    FileTarget,
    SerialTarget,
    SimTarget,
    TcpTarget,
    UsbTarget,
    Win32Target,
    parse_printer_url,
)
from tests.support.lang import en, zh


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("usb://0416:5011", UsbTarget(0x0416, 0x5011)),
        ("usb://0x04b8:0x0202?in_ep=0x81&out_ep=3&timeout=500", UsbTarget(0x04B8, 0x0202, 0x81, 0x03, 500)),
        ("serial:///dev/ttyUSB0?baudrate=9600", SerialTarget("/dev/ttyUSB0", 9600)),
        (
            "serial:///COM3?baudrate=115200&parity=e&dsrdtr=1",
            SerialTarget("COM3", 115200, parity="E", dsrdtr=True),
        ),
        ("serial://com4", SerialTarget("COM4")),
        ("tcp://192.168.1.50:9100", TcpTarget("192.168.1.50", 9100)),
        ("tcp://printer.local", TcpTarget("printer.local", 9100)),
        ("tcp://[::1]:9101?timeout=2.5", TcpTarget("::1", 9101, 2.5)),
        ("file:///dev/usb/lp0", FileTarget("/dev/usb/lp0")),
        ("file:///C:/prints/job.bin", FileTarget("C:/prints/job.bin")),
        ("cups://POS-80", CupsTarget("POS-80")),
        ("win32://XP-58 Printer", Win32Target("XP-58 Printer")),
        ("win32://POS%2080", Win32Target("POS 80")),
        ("sim:///tmp/x", SimTarget("/tmp/x")),
        ("sim:///tmp/x?paper=near_end&width=58", SimTarget("/tmp/x", "near_end", 58)),
    ],
)
def test_valid_urls(url: str, target: object) -> None:
    parsed = parse_printer_url(url)
    assert parsed.target == target
    assert parsed.check_status is True


def test_status_off_is_recorded() -> None:
    assert parse_printer_url("tcp://10.0.0.9?status=off").check_status is False


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("", "SCHEME://"),
        ("/dev/usb/lp0", "SCHEME://"),
        ("lpt://1", "unknown scheme"),
        ("usb://0416", "VID:PID"),
        ("usb://zz16:5011", "VID:PID"),
        ("usb://0416:5011/x", "no path"),
        ("usb://0000:5011", "not zero"),
        ("serial:///dev/ttyUSB0?baudrate=9601", "baudrate"),
        ("serial:///dev/ttyUSB0?baud=9600", "unknown option 'baud'"),
        ("serial:///dev/ttyUSB0?parity=X", "parity"),
        ("serial:///dev/ttyUSB0?stopbits=3", "stopbits"),
        ("serial://dev/ttyUSB0", "three slashes"),
        ("tcp://", "host is required"),
        ("tcp://host:99999", "port"),
        ("tcp://host:abc", "port"),
        ("tcp://host/queue", "no path"),
        ("tcp://user:pw@host", "no user name"),
        ("tcp://host?timeout=fast", "timeout must be a number"),
        ("tcp://host?timeout=1&timeout=2", "given twice"),
        ("file://", "path is required"),
        ("file://server/share", "three slashes"),
        ("cups://", "QUEUE"),
        ("cups://bad queue", "QUEUE"),
        ("win32://", "PRINTER NAME"),
        ("sim://relative/dir", "three slashes"),
        ("sim:///tmp/x?paper=empty", "paper must be one of"),
        ("sim:///tmp/x?width=70", "width must be 58 or 80"),
        ("sim:///tmp/x#frag", "fragment"),
        ("tcp://host?status=maybe", "status must be"),
    ],
)
def test_bad_urls_have_clear_reasons(url: str, reason: str) -> None:
    with pytest.raises(PrinterUrlError) as err:
        parse_printer_url(url)
    assert reason in en(err.value) and reason in zh(err.value)  # the technical detail is the URL parser's
    assert "打印机地址无效" in zh(err.value) and en(err.value).startswith("Invalid printer URL")
    assert err.value.exit_code == 4  # a DeviceError for the CLI
