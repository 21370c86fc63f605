"""Turn a `Layout` into the ESC/POS bytes of one print job.

Chinese text goes either as GB18030 bytes inside the printer's Chinese mode (`chinese="gb18030"`) or
as raster images drawn with the shipped font (`chinese="raster"`, for printers without a Chinese
font). QR codes go as the printer's own GS ( k command when the profile has it, else as an image.
"""

from __future__ import annotations

from typing import Literal

from printers.escpos import commands as cmd
from printers.escpos.layout import Cut, Feed, Layout, QrCode, Rule, TextLine
from printers.escpos.profiles import PrinterProfile
from printers.escpos.render_raster import LINE_GAP, qr_image, text_image

ChineseMode = Literal["gb18030", "raster"]
CHINESE_MODES: tuple[ChineseMode, ...] = ("gb18030", "raster")
LINE_SPACING = 24 + LINE_GAP


def render_job(
    layout: Layout, chinese: ChineseMode = "gb18030", profile: PrinterProfile | None = None
) -> bytes:
    if chinese not in CHINESE_MODES:
        raise ValueError(f"chinese must be one of {CHINESE_MODES}, got {chinese!r}")
    profile = profile or PrinterProfile()
    paper = layout.paper
    out = bytearray(cmd.INIT + cmd.print_area(0, paper.dots) + cmd.line_spacing(LINE_SPACING))
    if chinese == "gb18030":
        out += profile.chinese_on
    pending: list[TextLine | Rule] = []

    def flush_raster() -> None:
        if pending:
            out.extend(cmd.ALIGN["left"] + cmd.raster_image(text_image(pending, paper.dots, paper.columns)))
            pending.clear()

    for block in layout.blocks:
        if isinstance(block, TextLine | Rule):
            if chinese == "raster":
                pending.append(block)
            else:
                out += _text(block, paper.columns, profile.encoding)
            continue
        flush_raster()
        if isinstance(block, QrCode):
            if profile.native_qr:
                out += cmd.ALIGN["center"] + cmd.qr_code(
                    block.payload, block.module_dots, block.error_correction
                )
                out += cmd.LF + cmd.ALIGN["left"]
            else:
                out += cmd.ALIGN["left"] + cmd.raster_image(qr_image(block, paper.dots))
        elif isinstance(block, Feed):
            out += cmd.feed_lines(block.lines)
        elif isinstance(block, Cut):
            out += cmd.feed_lines(4)
            if profile.cut != "none":
                out += cmd.cut(partial=block.partial and profile.cut == "partial")
    flush_raster()
    if chinese == "gb18030":
        out += profile.chinese_off
    return bytes(out)


def _text(block: TextLine | Rule, columns: int, encoding: str) -> bytes:
    if isinstance(block, Rule):
        block = TextLine(block.char * columns)
    sized = block.width_mul != 1 or block.height_mul != 1
    out = cmd.ALIGN[block.align]
    if sized:
        out += cmd.char_size(block.width_mul, block.height_mul)
    if block.bold:
        out += cmd.bold(True)
    out += block.text.encode(encoding) + cmd.LF
    if block.bold:
        out += cmd.bold(False)
    if sized:
        out += cmd.char_size(1, 1)
    return out
