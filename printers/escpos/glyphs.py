"""Draw text the way a thermal printer's font A does: 12 x 24 dot cells for ASCII, 24 x 24 for the rest.

Chinese comes from the shipped TrueType font (`app.paths.cjk_font_path()`). That font has no Latin
letters, so ASCII comes from a monospace font shipped in resources/fonts if there is one, else from the
font built into Pillow. Size multipliers scale the cell by whole dots, like the printer does.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from app.paths import cjk_font_path, resource

CELL_H = 24
HALF_W = 12
LATIN_CANDIDATES = ("DejaVuSansMono.ttf", "NotoSansMono-Regular.ttf", "LiberationMono-Regular.ttf")

AnyFont = ImageFont.FreeTypeFont | ImageFont.ImageFont
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _cjk_font() -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(cjk_font_path()), 22)


@lru_cache(maxsize=1)
def _latin_font() -> AnyFont:
    for name in LATIN_CANDIDATES:
        path = resource("fonts", name)
        if path.is_file():
            return ImageFont.truetype(str(path), 20)
    return ImageFont.load_default(20)


def _mask(font: AnyFont, ch: str) -> bytes:
    img = Image.new("L", (32, 32), 0)
    ImageDraw.Draw(img).text((16, 16), ch, font=font, fill=255, anchor="mm")
    return img.tobytes()


@lru_cache(maxsize=1)
def _cjk_notdef() -> bytes:
    return _mask(_cjk_font(), "\U0010fffd")


def _font_for(ch: str) -> AnyFont:
    if ord(ch) < 0x80:
        return _latin_font()
    if _mask(_cjk_font(), ch) != _cjk_notdef():
        return _cjk_font()
    return _latin_font()  # punctuation such as — … · that the CJK font lacks


@lru_cache(maxsize=4096)
def _cell(ch: str, bold: bool) -> Image.Image:
    """One character at 1x size, black on white ("L" mode), in its 12 or 24 dot wide cell."""
    width = HALF_W if ord(ch) < 0x80 else 2 * HALF_W
    cell = Image.new("L", (width, CELL_H), 255)
    if ch.isspace():
        return cell
    font = _font_for(ch)
    glyph = Image.new("L", (48, 48), 0)
    draw = ImageDraw.Draw(glyph)
    draw.text((24, 24), ch, font=font, fill=255, anchor="mm")
    if bold:
        draw.text((25, 24), ch, font=font, fill=255, anchor="mm")
    box = glyph.getbbox()
    if box is None:
        return cell
    ink = glyph.crop(box)
    if ink.width > width - 1:  # squeeze wide Latin glyphs (W, M, @) into a half-width cell
        ink = ink.resize((width - 1, ink.height), Image.Resampling.LANCZOS)
    if ink.height > CELL_H - 1:
        ink = ink.resize((ink.width, CELL_H - 1), Image.Resampling.LANCZOS)
    # place by the glyph's position relative to the centre line, so baselines agree
    top = max(0, min(CELL_H - ink.height, box[1] - 24 + CELL_H // 2))
    left = (width - ink.width) // 2
    black = Image.new("L", ink.size, 0)
    cell.paste(black, (left, top), ink)
    return cell


def cell_width(ch: str, width_mul: int = 1) -> int:
    return (HALF_W if ord(ch) < 0x80 else 2 * HALF_W) * width_mul


def draw_text(
    canvas: Image.Image,
    x: int,
    y: int,
    text: str,
    width_mul: int = 1,
    height_mul: int = 1,
    bold: bool = False,
) -> int:
    """Draw `text` with its top-left at (x, y) on an "L" or "1" canvas; returns the x after the text."""
    for ch in text:
        with _lock:
            cell = _cell(ch, bold)
        if width_mul != 1 or height_mul != 1:
            cell = cell.resize((cell.width * width_mul, cell.height * height_mul), Image.Resampling.NEAREST)
        canvas.paste(cell.convert(canvas.mode), (x, y), Image.eval(cell, lambda v: 255 - v))
        x += cell.width
    return x


def to_one_bit(image: Image.Image) -> Image.Image:
    """Threshold to pure black and white: a thermal head has no grey."""
    grey = image.convert("L")
    return grey.point(lambda v: 0 if v < 128 else 255, mode="1")
