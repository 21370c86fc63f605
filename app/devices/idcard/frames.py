"""GA 467 SAM frames.

Host → reader:  AA AA AA 96 69 | LEN_H LEN_L | CMD PARA [data] | CHK
Reader → host:  AA AA AA 96 69 | LEN_H LEN_L | SW1 SW2 SW3 [data] | CHK
LEN counts the bytes after itself (CHK included); CHK is the XOR of LEN_H … the last data byte.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from app.devices.idcard.errors import FrameError, ReaderTimeout

PREAMBLE = bytes.fromhex("AAAAAA9669")
MAX_LEN = 4096  # the longest real answer (text + photo + fingerprint) is 2,321 bytes

# commands: (CMD, PARA)
SAM_RESET = (0x10, 0xFF)
SAM_STATUS = (0x11, 0xFF)
SAM_ID = (0x12, 0xFF)
FIND_CARD = (0x20, 0x01)
SELECT_CARD = (0x20, 0x02)
READ_TEXT_PHOTO = (0x30, 0x01)
READ_EXTRA_ADDRESS = (0x30, 0x03)
READ_WITH_FINGERPRINT = (0x30, 0x10)


def xor(data: bytes) -> int:
    out = 0
    for b in data:
        out ^= b
    return out


def build_frame(body: bytes) -> bytes:
    """A frame around `body` (CMD PARA data, or SW1 SW2 SW3 data)."""
    length = len(body) + 1
    if length > MAX_LEN:
        raise ValueError("frame too long")
    head = length.to_bytes(2, "big")
    return PREAMBLE + head + body + bytes([xor(head + body)])


def command(cmd: tuple[int, int], data: bytes = b"") -> bytes:
    return build_frame(bytes(cmd) + data)


@dataclass(frozen=True)
class Response:
    sw1: int
    sw2: int
    sw3: int
    data: bytes


@dataclass(frozen=True)
class Request:
    cmd: int
    para: int
    data: bytes


def response(sw3: int, data: bytes = b"", sw1: int = 0, sw2: int = 0) -> bytes:
    return build_frame(bytes([sw1, sw2, sw3]) + data)


def _body(frame_len: int, rest: bytes) -> bytes:
    body, chk = rest[:-1], rest[-1]
    if xor(frame_len.to_bytes(2, "big") + body) != chk:
        raise FrameError(f"checksum mismatch (got 0x{chk:02X}, expected 0x{xor(frame_len.to_bytes(2, 'big') + body):02X})")
    return body


class FrameReader:
    """Reads one frame from a byte source (`read(n)` returning what arrived, possibly less), skipping
    garbage until the preamble, with one deadline for the whole frame: it never hangs."""

    def __init__(self, read: Callable[[int], bytes], clock: Callable[[], float] = time.monotonic) -> None:
        self.read, self.clock = read, clock
        self.skipped = 0  # garbage bytes dropped before the last frame (for the log)

    def _take(self, n: int, deadline: float) -> bytes:
        buf = b""
        while len(buf) < n:
            if self.clock() > deadline:
                raise ReaderTimeout() if not buf else FrameError(f"truncated frame: {len(buf)} of {n} bytes arrived")
            chunk = self.read(n - len(buf))
            if chunk:
                buf += chunk
        return buf

    def frame(self, timeout_s: float) -> bytes:
        """The body of the next valid frame (SW/CMD bytes + data)."""
        deadline = self.clock() + timeout_s
        window = b""
        self.skipped = 0
        while window != PREAMBLE:
            try:
                byte = self._take(1, deadline)
            except FrameError:
                raise ReaderTimeout() from None
            window = (window + byte)[-len(PREAMBLE) :]
            self.skipped += 1
        self.skipped -= len(PREAMBLE)
        length = int.from_bytes(self._take(2, deadline), "big")
        if length < 2 or length > MAX_LEN:
            raise FrameError(f"impossible frame length {length}")
        return _body(length, self._take(length, deadline))

    def response(self, timeout_s: float) -> Response:
        body = self.frame(timeout_s)
        if len(body) < 3:
            raise FrameError("response shorter than its status bytes")
        return Response(body[0], body[1], body[2], body[3:])

    def request(self, timeout_s: float) -> Request:
        body = self.frame(timeout_s)
        if len(body) < 2:
            raise FrameError("command shorter than CMD and PARA")
        return Request(body[0], body[1], body[2:])


def parse_response(raw: bytes) -> Response:
    """One complete response frame from bytes (garbage before it is skipped)."""
    pos = 0

    def read(n: int) -> bytes:
        nonlocal pos
        chunk = raw[pos : pos + n]
        pos += len(chunk)
        if not chunk:
            raise FrameError("truncated frame")
        return chunk

    return FrameReader(read).response(1.0)
