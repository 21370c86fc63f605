"""The ESC/POS command subset this package emits (and its simulator understands)."""

from __future__ import annotations

from PIL import Image

ESC, GS, FS, DLE, EOT, LF = b"\x1b", b"\x1d", b"\x1c", b"\x10", b"\x04", b"\n"

INIT = ESC + b"@"
CHINESE_ON = FS + b"&"  # FS &: enter Chinese character mode (GB18030 on Chinese-market printers)
CHINESE_OFF = FS + b"."  # FS .: leave Chinese character mode
ALIGN = {"left": ESC + b"a\x00", "center": ESC + b"a\x01", "right": ESC + b"a\x02"}
QR_EC = {"L": 48, "M": 49, "Q": 50, "H": 51}

# DLE EOT n real-time status requests: 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor
STATUS_REQUESTS = (1, 2, 3, 4)


def status_request(n: int) -> bytes:
    return DLE + EOT + bytes([n])


def bold(on: bool) -> bytes:
    return ESC + b"E" + (b"\x01" if on else b"\x00")


def char_size(width_mul: int, height_mul: int) -> bytes:
    """GS ! n: width and height magnification 1..8 each."""
    if not (1 <= width_mul <= 8 and 1 <= height_mul <= 8):
        raise ValueError("character magnification must be 1..8")
    return GS + b"!" + bytes([(width_mul - 1) << 4 | (height_mul - 1)])


def line_spacing(dots: int) -> bytes:
    return ESC + b"3" + bytes([dots])


def print_area(left_dots: int, width_dots: int) -> bytes:
    """GS L (left margin) and GS W (print area width)."""
    return GS + b"L" + left_dots.to_bytes(2, "little") + GS + b"W" + width_dots.to_bytes(2, "little")


def feed_lines(n: int) -> bytes:
    return ESC + b"d" + bytes([max(0, min(255, n))])


def cut(partial: bool = True) -> bytes:
    """GS V m: 1 partial cut, 0 full cut (after feeding the paper past the cutter with ESC d)."""
    return GS + b"V" + (b"\x01" if partial else b"\x00")


def _qr_fn(fn: int, payload: bytes) -> bytes:
    size = len(payload) + 2
    return GS + b"(k" + size.to_bytes(2, "little") + b"1" + bytes([fn]) + payload


def qr_code(data: str, module_dots: int, error_correction: str = "M") -> bytes:
    """GS ( k, QR model 2: select model, module size, error correction, store the data, print it."""
    raw = data.encode("utf-8")
    if not 1 <= module_dots <= 16:
        raise ValueError("QR module size must be 1..16 dots")
    if len(raw) > 7000:
        raise ValueError("QR payload too long")
    return (
        _qr_fn(65, b"\x32\x00")
        + _qr_fn(67, bytes([module_dots]))
        + _qr_fn(69, bytes([QR_EC[error_correction]]))
        + _qr_fn(80, b"0" + raw)
        + _qr_fn(81, b"0")
    )


def raster_image(image: Image.Image) -> bytes:
    """GS v 0: a 1-bit image, black dots = 1, rows padded to whole bytes; sent in bands of <= 256 rows."""
    mono = image.convert("1")
    width_bytes = (mono.width + 7) // 8
    padded = Image.new("1", (width_bytes * 8, mono.height), 1)
    padded.paste(mono, (0, 0))
    # PIL "1" packs white as 1: invert so that black dots are 1 bits
    data = bytes(b ^ 0xFF for b in padded.tobytes())
    out = bytearray()
    band = 256
    for top in range(0, mono.height, band):
        rows = min(band, mono.height - top)
        chunk = data[top * width_bytes : (top + rows) * width_bytes]
        out += GS + b"v0\x00" + width_bytes.to_bytes(2, "little") + rows.to_bytes(2, "little") + chunk
    return bytes(out)
