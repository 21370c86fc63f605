"""The sim:// printer: it interprets the bytes we send and draws the paper; its PNG proves the bytes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from printers.escpos import commands as cmd
from printers.escpos.errors import CoverOpen, PaperOut, PrinterOffline
from printers.escpos.printer import EscposPrinter
from printers.escpos.render_escpos import render_job
from printers.escpos.render_raster import qr_matrix_image
from printers.escpos.samples import SAMPLE_ID_NUMBER, sample_receipt, sample_ticket
from printers.escpos.sim import EscposInterpreter, SimProtocolError
from printers.escpos.slips import build_ticket
from tests.support.lang import zh

NOW = dt.datetime(2025, 10, 14, 9, 30, 12)


def find_centred(page: Image.Image, symbol: Image.Image) -> int | None:
    """The row where `symbol` appears pixel for pixel, horizontally centred (±1 dot), in `page`."""
    page, symbol = page.convert("L"), symbol.convert("L")
    x = (page.width - symbol.width) // 2
    for y in range(page.height - symbol.height + 1):
        for dx in (-1, 0, 1):
            region = page.crop((x + dx, y, x + dx + symbol.width, y + symbol.height))
            if ImageChops.difference(region, symbol).getbbox() is None:
                return y
    return None


@pytest.mark.parametrize(("width", "paper_px"), [(58, 464), (80, 640)])
@pytest.mark.parametrize("chinese", ["gb18030", "raster"])
def test_ticket_preview_png(tmp_path: Path, width: int, paper_px: int, chinese: str) -> None:
    printer = EscposPrinter(f"sim://{tmp_path}", width_mm=width, chinese=chinese)  # type: ignore[arg-type]
    data = sample_ticket("政务服务中心", NOW)
    result = printer.print_ticket(data)
    assert result.preview is not None and result.preview.parent == tmp_path
    assert result.preview.name.startswith("ticket-") and result.preview.suffix == ".png"
    assert result.status is not None and result.status.ok and result.warnings == ()
    page = Image.open(result.preview)
    assert page.width == paper_px
    assert page.height > 600
    grey = page.convert("L")
    dark = sum(grey.histogram()[:128])
    assert dark > 5000  # real ink, not a blank strip
    margin = (paper_px - (384 if width == 58 else 576)) // 2
    # no ink off the print area (only the grey cut mark reaches the edge)
    assert sum(grey.crop((0, 0, margin - 1, page.height)).histogram()[:129]) == 0
    module = 5 if width == 58 else 6
    row = find_centred(page, qr_matrix_image(data.qr_payload, module, "M"))
    assert row is not None, "the preview must contain exactly the QR code of the payload, centred"
    assert page.height // 3 < row < page.height  # below the number, not at the top


def test_interpreter_reads_back_text_and_qr() -> None:
    data = sample_ticket("某某县政务服务中心", NOW)
    interp = EscposInterpreter(width_mm=None)
    interp.feed(render_job(build_ticket(data, 58)))
    assert interp.paper_mm == 58  # from GS W 384
    assert "某某县政务服务中心" in interp.texts and "A023" in interp.texts and "企业开办" in interp.texts
    assert "取号时间：2025-10-14 09:30:12" in interp.texts
    assert f"证件号码：{SAMPLE_ID_NUMBER[:6]}********{SAMPLE_ID_NUMBER[-4:]}" in interp.texts
    assert interp.qr_payloads == [data.qr_payload]
    assert interp.cuts == 1
    assert not any(SAMPLE_ID_NUMBER in t for t in interp.texts)


def test_receipt_preview(tmp_path: Path) -> None:
    result = EscposPrinter(f"sim://{tmp_path}", width_mm=80).print_receipt(
        sample_receipt("政务服务中心", NOW)
    )
    assert result.preview is not None
    page = Image.open(result.preview)
    assert page.width == 640 and page.height > 900


def test_every_job_gets_its_own_file(tmp_path: Path) -> None:
    printer = EscposPrinter(f"sim://{tmp_path}", width_mm=58)
    paths = {printer.print_ticket(sample_ticket("政务服务中心", NOW)).preview for _ in range(3)}
    assert len(paths) == 3 and all(p is not None and p.exists() for p in paths)


@pytest.mark.parametrize(
    ("paper", "error"), [("out", PaperOut), ("offline", PrinterOffline), ("cover_open", CoverOpen)]
)
def test_sim_paper_states_stop_printing(tmp_path: Path, paper: str, error: type) -> None:
    printer = EscposPrinter(f"sim://{tmp_path}?paper={paper}", width_mm=58)
    with pytest.raises(error):
        printer.print_ticket(sample_ticket("政务服务中心", NOW))
    assert list(tmp_path.iterdir()) == []  # nothing printed, nothing kept for later


def test_sim_near_end_prints_and_warns(tmp_path: Path) -> None:
    result = EscposPrinter(f"sim://{tmp_path}?paper=near_end").print_ticket(sample_ticket("大厅", NOW))
    assert result.preview is not None and result.preview.exists()
    assert result.paper_near_end and "即将用完" in zh(result.warnings[0])


def test_sim_answers_status_like_a_printer(tmp_path: Path) -> None:
    status = EscposPrinter(f"sim://{tmp_path}?paper=out").status()
    assert status is not None and status.paper_out and not status.online
    assert status.raw == bytes([0x1A, 0x32, 0x12, 0x7E])  # near-end and end sensors both dark


@pytest.mark.parametrize(
    ("job", "words"),
    [
        (b"\x1b@\xd6\xd0\n", "outside Chinese mode"),
        (b"\x1b@\x1c&\xff\xff\n", "GB18030"),
        (b"\x1b@\x1bt\x00", "ESC 0x74"),
        (b"\x1b@\x1dv0\x00\x50\x00\x01\x00" + b"\x00" * 80, "exceeds the print area"),
        (b"\x1d(k\x03\x001Q0", "without stored data"),
        (b"\x1b@\x07", "control byte 0x07"),
        (b"\x1dV\x05", "not a cut mode"),
        (b"\x1dv0\x00\x01\x00\x05\x00\x00", "cut short"),
    ],
)
def test_interpreter_refuses_what_a_printer_would_misprint(job: bytes, words: str) -> None:
    with pytest.raises(SimProtocolError, match=words):
        EscposInterpreter().feed(job)


def test_interpreter_sizes_and_alignment() -> None:
    interp = EscposInterpreter(width_mm=80)
    interp.feed(cmd.INIT + cmd.ALIGN["right"] + cmd.char_size(2, 3) + b"AB\n" + b"\x1b!\x30CD\n")
    page = interp.render()
    assert page.width == 640
    box = Image.eval(page, lambda v: 255 - v).getbbox()
    assert box is not None
    assert box[2] > 640 - 32 - 4  # right aligned: ink reaches the right edge of the print area
    assert interp.texts == ["AB", "CD"]
