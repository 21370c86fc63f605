"""GA 467 SAM frames.

Host → reader:  AA AA AA 96 69 | LEN_H LEN_L | CMD PARA [data] | CHK
Reader → host:  AA AA AA 96 69 | LEN_H LEN_L | SW1 SW2 SW3 [data] | CHK
LEN counts the bytes after itself (CHK included); CHK is the XOR of LEN_H … the last data byte.
Published sample (find card OK): AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97.

Reading resynchronises: bytes before the preamble are skipped; a candidate frame with an impossible length
or a bad checksum is dropped and the search goes on one byte after its preamble (that preamble may have been
line noise); the whole frame has one deadline, so a read never hangs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from app.devices.idcard.errors import ChecksumError, FrameError, ReaderTimeout

PREAMBLE = bytes.fromhex("AAAAAA9669")
HEADER = len(PREAMBLE) + 2  # preamble + LEN_H LEN_L
MIN_LEN = 3  # CMD PARA CHK: the shortest frame either way
MAX_LEN = 4096  # the longest real answer (text + photo + fingerprint) has LEN 2,314 (2,321 bytes in all)

# commands: (CMD, PARA)
SAM_RESET = (0x10, 0xFF)
SAM_STATUS = (0x11, 0xFF)
SAM_ID = (0x12, 0xFF)
FIND_CARD = (0x20, 0x01)
SELECT_CARD = (0x20, 0x02)
READ_TEXT_PHOTO = (0x30, 0x01)
READ_EXTRA_ADDRESS = (0x30, 0x03)
READ_WITH_FINGERPRINT = (0x30, 0x10)
COMMAND_NAMES = {
    SAM_RESET: "SAM reset",
    SAM_STATUS: "SAM status",
    SAM_ID: "SAM id",
    FIND_CARD: "find card",
    SELECT_CARD: "select card",
    READ_TEXT_PHOTO: "read card",
    READ_EXTRA_ADDRESS: "read extra address",
    READ_WITH_FINGERPRINT: "read card with fingerprint",
}


def xor(data: bytes | bytearray) -> int:
    out = 0
    for b in data:
        out ^= b
    return out


def build_frame(body: bytes) -> bytes:
    """A frame around `body` (CMD PARA data, or SW1 SW2 SW3 data)."""
    length = len(body) + 1
    if length > MAX_LEN:
        raise ValueError(f"a frame body of {len(body)} bytes is longer than GA 467 frames go")
    head = length.to_bytes(2, "big")
    return PREAMBLE + head + body + bytes([xor(head + body)])


def command(cmd: tuple[int, int], data: bytes = b"") -> bytes:
    return build_frame(bytes(cmd) + data)


def response(sw3: int, data: bytes = b"", sw1: int = 0, sw2: int = 0) -> bytes:
    return build_frame(bytes([sw1, sw2, sw3]) + data)


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

    @property
    def code(self) -> tuple[int, int]:
        return (self.cmd, self.para)


@dataclass(frozen=True)
class Scan:
    """What `scan` found in a buffer."""

    body: bytes | None  # the body of the first valid frame, when a whole one is there
    end: int  # after a frame: where it ends; otherwise where the search resumes once more bytes arrive
    need: int  # bytes still missing for the candidate at `end` (at least 1); 0 with a frame
    error: FrameError | None  # the last candidate rejected, for the message if nothing valid follows
    mid_frame: bool  # a whole preamble was seen: a frame has begun (or a broken one was dropped)


def scan(buf: bytes | bytearray, *, final: bool = False) -> Scan:
    """The first valid frame in `buf`. With `final` (no more bytes will come) a candidate whose declared
    length runs past the end of the buffer is dropped like a bad one, instead of waited for."""
    error: FrameError | None = None
    mid_frame = False
    pos = 0
    while True:
        start = buf.find(PREAMBLE, pos)
        if start < 0:
            # keep a tail that may be the beginning of a preamble
            keep = max(pos, len(buf) - (len(PREAMBLE) - 1))
            while keep < len(buf) and not PREAMBLE.startswith(bytes(buf[keep:])):
                keep += 1
            return Scan(None, keep, HEADER - (len(buf) - keep), error, mid_frame)
        mid_frame = True
        if len(buf) < start + HEADER:
            if final:
                error = FrameError(f"truncated frame: {len(buf) - start} bytes of a header arrived")
                pos = start + 1
                continue
            return Scan(None, start, start + HEADER - len(buf), error, mid_frame)
        length = int.from_bytes(buf[start + len(PREAMBLE) : start + HEADER], "big")
        if not MIN_LEN <= length <= MAX_LEN:
            error = FrameError(f"impossible frame length {length}")
            pos = start + 1
            continue
        end = start + HEADER + length
        if len(buf) < end:
            if final:
                error = FrameError(f"truncated frame: {len(buf) - start} of {end - start} bytes arrived")
                pos = start + 1
                continue
            return Scan(None, start, end - len(buf), error, mid_frame)
        checked, chk = bytes(buf[start + len(PREAMBLE) : end - 1]), buf[end - 1]
        if xor(checked) != chk:
            error = ChecksumError(f"checksum mismatch (got 0x{chk:02X}, expected 0x{xor(checked):02X})")
            pos = start + 1
            continue
        return Scan(checked[2:], end, 0, error, mid_frame)


class FrameReader:
    """Reads frames from a byte source (`read(n)`: at most n bytes, b"" when nothing came within its own
    short wait), skipping garbage, with one deadline per frame: it never hangs.

    Once a preamble has come (five bytes noise hardly ever makes), `settle_s` of silence on the line ends
    the wait early: a reader sends a frame in one go, so what has not come by then is not coming, and a
    valid frame after a broken one would have followed at once. Before that, the wait lasts until the
    deadline: a reader may work for a second before it answers."""

    def __init__(
        self,
        read: Callable[[int], bytes],
        clock: Callable[[], float] = time.monotonic,
        settle_s: float = 0.25,
    ) -> None:
        self.read, self.clock, self.settle_s = read, clock, settle_s
        self._buf = bytearray()
        self.skipped = 0  # bytes dropped before the last frame (for the log)

    def clear(self) -> None:
        """Forget bytes already received (before a new command)."""
        self._buf.clear()

    def frame(self, timeout_s: float) -> bytes:
        """The body of the next valid frame (SW/CMD bytes + data)."""
        deadline = self.clock() + timeout_s
        error: FrameError | None = None
        last_rx = self.clock()
        mid_frame = False
        self.skipped = 0
        while True:
            found = scan(self._buf)
            if found.body is None:
                error = found.error or error
                mid_frame = mid_frame or found.mid_frame
                # what lies before `end` can no longer start a frame
                self.skipped += found.end
                del self._buf[: found.end]
                now = self.clock()
                limit = min(deadline, last_rx + self.settle_s) if mid_frame else deadline
                if now < limit:
                    chunk = self.read(max(1, found.need))
                    if chunk:
                        self._buf += chunk
                        last_rx = self.clock()
                    continue
                found = scan(self._buf, final=True)
                if found.body is None:
                    self._buf.clear()
                    raise found.error or error or ReaderTimeout()
            body = found.body
            self.skipped += found.end - len(body) - HEADER - 1
            del self._buf[: found.end]
            return body

    def response(self, timeout_s: float) -> Response:
        body = self.frame(timeout_s)
        if len(body) < 3:
            raise FrameError("a frame too short for its status bytes")
        return Response(body[0], body[1], body[2], body[3:])

    def request(self, timeout_s: float) -> Request:
        body = self.frame(timeout_s)
        return Request(body[0], body[1], body[2:])


def parse_response(raw: bytes) -> Response:
    """The first valid response frame in `raw` (garbage around it is skipped): FrameError when there are
    only broken frames, ReaderTimeout when not even the start of one."""
    found = scan(raw, final=True)
    if found.body is None:
        raise found.error or ReaderTimeout("no frame in the bytes received")
    if len(found.body) < 3:
        raise FrameError("a frame too short for its status bytes")
    return Response(found.body[0], found.body[1], found.body[2], found.body[3:])


def parse_request(raw: bytes) -> Request:
    """The first valid command frame in `raw` (the simulator's side of the line)."""
    found = scan(raw, final=True)
    if found.body is None:
        raise found.error or ReaderTimeout("no frame in the bytes received")
    return Request(found.body[0], found.body[1], found.body[2:])
