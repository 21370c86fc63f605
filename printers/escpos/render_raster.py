"""Text and QR codes as 1-bit images, for printers without a Chinese font (sent with GS v 0)."""

from __future__ import annotations

from collections.abc import Sequence

import qrcode
from PIL import Image

from printers.escpos.glyphs import CELL_H, draw_text, to_one_bit
from printers.escpos.layout import QrCode, Rule, TextLine, text_columns

LINE_GAP = 8  # dots between text lines (line spacing 32 = 24 dot cell + 8)


def text_image(lines: Sequence[TextLine | Rule], width_dots: int, columns: int) -> Image.Image:
    """Lines of text (already wrapped) as one black-on-white strip `width_dots` wide."""
    heights = [(CELL_H * (ln.height_mul if isinstance(ln, TextLine) else 1)) + LINE_GAP for ln in lines]
    img = Image.new("L", (width_dots, sum(heights)), 255)
    y = 0
    for line, height in zip(lines, heights, strict=True):
        if isinstance(line, Rule):
            line = TextLine(line.char * columns)
        used = text_columns(line.text) * 12 * line.width_mul
        x = 0
        if line.align == "center":
            x = max(0, (width_dots - used) // 2)
        elif line.align == "right":
            x = max(0, width_dots - used)
        draw_text(img, x, y, line.text, line.width_mul, line.height_mul, line.bold)
        y += height
    return to_one_bit(img)


def qr_matrix_image(payload: str, module_dots: int, error_correction: str = "M") -> Image.Image:
    """The bare QR symbol (no quiet zone), `module_dots` per module, as a printer draws it natively."""
    levels = {
        "L": qrcode.constants.ERROR_CORRECT_L,
        "M": qrcode.constants.ERROR_CORRECT_M,
        "Q": qrcode.constants.ERROR_CORRECT_Q,
        "H": qrcode.constants.ERROR_CORRECT_H,
    }
    code = qrcode.QRCode(error_correction=levels[error_correction], box_size=1, border=0)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    img = Image.new("1", (size, size), 1)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                img.putpixel((x, y), 0)
    return img.resize((size * module_dots, size * module_dots), Image.Resampling.NEAREST)


def qr_image(block: QrCode, width_dots: int) -> Image.Image:
    """The QR symbol centred on a strip as wide as the print area."""
    symbol = qr_matrix_image(block.payload, block.module_dots, block.error_correction)
    if symbol.width > width_dots:
        raise ValueError("QR code too large for the paper: shorten the payload")
    strip = Image.new("1", (width_dots, symbol.height), 1)
    strip.paste(symbol, ((width_dots - symbol.width) // 2, 0))
    return strip
