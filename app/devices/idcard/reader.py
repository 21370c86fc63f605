"""The reader driver: commands out, frames in, SW3 mapped to errors, the card decoded.

`open_reader(url)`: a serial port as the OS names it (COM3, /dev/ttyUSB0), any pyserial URL
(socket://host:port, loop://, rfc2217://…), or sim://NAME?card=…&fault=… (a simulated reader)."""

from __future__ import annotations

import logging
import threading
from types import TracebackType
from typing import Any, Protocol

from app.devices.idcard import frames as f
from app.devices.idcard.card import IdCard
from app.devices.idcard.errors import OK_CODES, CardRemoved, IdCardError, NoCard, ReaderTimeout, SamError
from app.devices.idcard.layouts import FINGERPRINT_BYTES, PHOTO_BYTES, TEXT_BYTES, decode_text

log = logging.getLogger("hall.device.idcard")


class Port(Protocol):
    timeout: float | None

    def read(self, size: int = 1) -> bytes: ...
    def write(self, data: bytes) -> int | None: ...
    def reset_input_buffer(self) -> None: ...
    def close(self) -> None: ...


class IdCardReader:
    """One reader; safe to share between threads (one command at a time)."""

    def __init__(self, port: Port, *, timeout_s: float = 3.0, name: str = "reader") -> None:
        self.port, self.timeout_s, self.name = port, timeout_s, name
        self._lock = threading.Lock()
        self._frames = f.FrameReader(self._read)

    def _read(self, n: int) -> bytes:
        return bytes(self.port.read(n))

    def transact(self, cmd: tuple[int, int], data: bytes = b"", *, step: str = "", timeout_s: float | None = None) -> f.Response:
        with self._lock:
            self.port.reset_input_buffer()
            self.port.write(f.command(cmd, data))
            resp = self._frames.response(timeout_s or self.timeout_s)
        if self._frames.skipped:
            log.info("%s: skipped %d garbage byte(s) before a frame", self.name, self._frames.skipped)
        return resp

    def _ok(self, resp: f.Response, step: str) -> f.Response:
        if resp.sw3 not in OK_CODES:
            raise SamError(resp.sw3, step)
        return resp

    # ---- SAM
    def reset(self) -> None:
        self._ok(self.transact(f.SAM_RESET, step="SAM reset"), "SAM reset")

    def sam_status(self) -> bool:
        self._ok(self.transact(f.SAM_STATUS, step="SAM status"), "SAM status")
        return True

    def sam_id(self) -> str:
        resp = self._ok(self.transact(f.SAM_ID, step="SAM id"), "SAM id")
        d = resp.data
        if len(d) < 16:
            raise IdCardError(f"SAM id answer of {len(d)} bytes")
        # 05.01-20101218-0052026-1234567890 style: two 2-byte, two 4-byte and one 4-byte fields
        parts = [int.from_bytes(d[0:2], "little"), int.from_bytes(d[2:4], "little"), int.from_bytes(d[4:8], "little"),
                 int.from_bytes(d[8:12], "little"), int.from_bytes(d[12:16], "little")]  # fmt: skip
        return f"{parts[0]:02d}.{parts[1]:02d}-{parts[2]:08d}-{parts[3]:010d}-{parts[4]:010d}"

    # ---- card
    def find(self) -> bool:
        resp = self.transact(f.FIND_CARD, step="find card")
        if resp.sw3 == 0x80:
            return False
        self._ok(resp, "find card")
        return True

    def select(self) -> None:
        resp = self.transact(f.SELECT_CARD, step="select card")
        if resp.sw3 in (0x80, 0x81):
            raise CardRemoved("select")
        self._ok(resp, "select card")

    def read_once(self, fingerprint: bool = False) -> IdCard:
        cmd = f.READ_WITH_FINGERPRINT if fingerprint else f.READ_TEXT_PHOTO
        resp = self.transact(cmd, step="read card")
        if resp.sw3 in (0x40, 0x41, 0x80, 0x81):
            raise CardRemoved("the read")
        self._ok(resp, "read card")
        d = resp.data
        head = 6 if fingerprint else 4
        if len(d) < head:
            raise IdCardError("read answer without its length fields")
        text_len, photo_len = int.from_bytes(d[0:2], "big"), int.from_bytes(d[2:4], "big")
        fp_len = int.from_bytes(d[4:6], "big") if fingerprint else 0
        if text_len != TEXT_BYTES or photo_len != PHOTO_BYTES or fp_len not in (0, FINGERPRINT_BYTES):
            raise IdCardError(f"unexpected block sizes text={text_len} photo={photo_len} fingerprint={fp_len}")
        if len(d) != head + text_len + photo_len + fp_len:
            raise IdCardError(f"read answer of {len(d)} bytes does not match its length fields")
        text = d[head : head + text_len]
        photo = d[head + text_len : head + text_len + photo_len]
        fp = d[head + text_len + photo_len :] if fp_len else None
        card = decode_text(text, photo, fp)
        log.info("%s: read %s", self.name, card)
        return card

    def read_card(self, fingerprint: bool = False) -> IdCard:
        """find → select → read; NoCard when the reader is empty."""
        if not self.find():
            raise NoCard()
        self.select()
        return self.read_once(fingerprint)

    def close(self) -> None:
        self.port.close()

    def __enter__(self) -> IdCardReader:
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def open_reader(url: str, *, timeout_s: float = 3.0, baudrate: int = 115200) -> IdCardReader:
    if url.startswith("sim://"):
        from app.devices.idcard.sim import open_sim

        return IdCardReader(open_sim(url), timeout_s=timeout_s, name=url.split("?")[0])
    import serial

    try:
        port: Any = serial.serial_for_url(url, baudrate=baudrate, bytesize=8, parity="N", stopbits=1, timeout=0.05)
    except (serial.SerialException, ValueError, OSError) as exc:
        raise ReaderTimeout(f"cannot open the reader at {url}: {exc}") from exc
    return IdCardReader(port, timeout_s=timeout_s, name=url)
