"""tcp:// end to end: a printer peer on 127.0.0.1 records the bytes and answers DLE EOT like a printer."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from printers.escpos.errors import CoverOpen, PaperOut, PrinterError, PrinterOffline
from printers.escpos.printer import EscposPrinter
from printers.escpos.samples import sample_ticket
from printers.escpos.slips import build_ticket
from tests.support.escpos_sim import tcp_printer
from tests.support.lang import en, zh

NOW = dt.datetime(2025, 10, 14, 9, 30, 12)
STATUS_QUERIES = b"\x10\x04\x01\x10\x04\x02\x10\x04\x03\x10\x04\x04"


def test_ticket_round_trip() -> None:
    data = sample_ticket("政务服务中心", NOW)
    with tcp_printer() as peer:
        printer = EscposPrinter(peer.url, width_mm=80)
        result = printer.print_ticket(data)
        expected = printer.render(build_ticket(data, 80))
        deadline = time.monotonic() + 5
        while len(peer.data()) < 2 * len(STATUS_QUERIES) + len(expected) and time.monotonic() < deadline:
            time.sleep(0.01)
    # the status check, exactly the job, then the status again (paper that ran out mid-job is no ticket)
    assert peer.data() == STATUS_QUERIES + expected + STATUS_QUERIES
    assert "企业开办".encode("gb18030") in peer.job_bytes()
    assert result.bytes_sent == len(expected)
    assert result.status is not None and result.status.ok and result.preview is None
    assert peer.connections == 1


@pytest.mark.parametrize(
    ("status", "error"),
    [
        ({1: 0x1A, 2: 0x32, 3: 0x12, 4: 0x7E}, PaperOut),
        ({1: 0x1A, 2: 0x16, 3: 0x12, 4: 0x12}, CoverOpen),
        ({1: 0x1A, 2: 0x12, 3: 0x12, 4: 0x12}, PrinterOffline),
    ],
)
def test_bad_status_sends_no_job(status: dict[int, int], error: type) -> None:
    with tcp_printer(status) as peer:
        with pytest.raises(error):
            EscposPrinter(peer.url).print_ticket(sample_ticket("大厅", NOW))
        time.sleep(0.05)
    assert peer.data() == STATUS_QUERIES  # asked, then sent nothing: no ticket kept for later


def test_near_end_prints_with_a_warning() -> None:
    with tcp_printer({1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1E}) as peer:
        result = EscposPrinter(peer.url).print_ticket(sample_ticket("大厅", NOW))
    assert result.paper_near_end and len(result.warnings) == 1
    assert result.bytes_sent > 100


def test_garbage_status_is_an_error() -> None:
    with tcp_printer({1: 0xFF, 2: 0x12, 3: 0x12, 4: 0x12}) as peer:
        with pytest.raises(PrinterError, match="DLE EOT 1"):
            EscposPrinter(peer.url).status()


def test_silent_printer_is_offline_after_the_timeout() -> None:
    with tcp_printer(answer=False) as peer:
        started = time.monotonic()
        with pytest.raises(PrinterOffline, match="did not answer"):
            EscposPrinter(peer.url + "?timeout=0.3").print_ticket(sample_ticket("大厅", NOW))
        assert time.monotonic() - started < 3


def test_status_off_skips_the_check() -> None:
    with tcp_printer(answer=False) as peer:
        result = EscposPrinter(peer.url + "?status=off").print_ticket(sample_ticket("大厅", NOW))
        time.sleep(0.05)
    assert result.status is None and "status=off" in result.status_note
    assert not peer.data().startswith(b"\x10\x04")


def test_refused_connection_is_offline() -> None:
    with tcp_printer() as peer:
        url = peer.url
    with pytest.raises(PrinterOffline) as err:
        EscposPrinter(url + "?timeout=1").print_ticket(sample_ticket("大厅", NOW))
    assert "无法连接打印机" in zh(err.value) and "Cannot reach the printer" in en(err.value)


def test_file_printer_writes_the_job_and_says_it_cannot_read_status(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    printer = EscposPrinter(f"file://{target}", width_mm=58)
    result = printer.print_ticket(sample_ticket("大厅", NOW))
    assert target.read_bytes() == printer.render(build_ticket(sample_ticket("大厅", NOW), 58))
    assert result.status is None and "cannot read the printer's status" in en(result.status_note)
    assert printer.status() is None
