"""The reader driver: commands out, frames in, SW3 mapped to errors, the card decoded.

`open_reader(url)`: a serial port as the OS names it (COM3, /dev/ttyUSB0), any pyserial URL
(socket://host:port, loop://, rfc2217://…), or sim://NAME?card=…&fault=… (a simulated reader, see sim.py).

Never a wrong card: every answer must be a valid frame with the status the command expects; a read answer
must have exactly the block lengths it announces; the text block is checked field by field. Before each
command the bytes already received are dropped, and each command's answer has its own status and length
(find 9F + 4 bytes, select 90 + 8, read 90 + the announced blocks), so a late answer to an earlier
command fails as an error instead of passing for the new one. Our own command echoed back (loop://, an
echoing adapter) is recognised and skipped."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, Protocol

from app.devices.idcard import frames as f
from app.devices.idcard.card import IdCard
from app.devices.idcard.errors import (
    FOUND_SW3,
    OK_SW3,
    ChecksumError,
    FrameError,
    IdCardError,
    NoCard,
    ReaderTimeout,
    ReaderUnavailable,
    error_for_sw3,
)
from app.devices.idcard.layouts import (
    EXTRA_ADDRESS_BYTES,
    FINGERPRINT_BYTES,
    PHOTO_BYTES,
    TEXT_BYTES,
    decode_extra_address,
    decode_text,
)
from app.devices.owner import ThreadBound

log = logging.getLogger("hall.device.idcard")
NO_CONTENT_SW3 = 0x91
FIND_DATA, SELECT_DATA = (
    4,
    8,
)  # data bytes of the find and select answers (published samples)


class Port(Protocol):
    """The part of pyserial's `Serial` the driver uses (the simulator's `SimPort` has it too)."""

    timeout: float | None

    def read(self, size: int = 1) -> bytes: ...
    def write(self, data: bytes, /) -> int | None: ...
    def reset_input_buffer(self) -> None: ...
    def close(self) -> None: ...


class IdCardReader(ThreadBound):
    """One reader. Once bound to an owner thread (a CardPoller's, a ReaderWorker's), every command from any
    other thread is refused with WrongThread; unbound (a CLI), one command at a time from any thread."""

    def __init__(
        self,
        port: Port,
        *,
        timeout_s: float = 3.0,
        name: str = "reader",
        opener: Callable[[], Port] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.port: Port | None = port
        self.timeout_s, self.name = timeout_s, name
        self._opener = opener
        self._clock = clock  # deadlines are measured on it (tests give a simulated one)
        self._lock = threading.RLock()
        self._frames = f.FrameReader(self._read, clock=clock)

    # ---- the line
    def _read(self, n: int) -> bytes:
        assert self.port is not None
        return bytes(self.port.read(n))

    def transact(
        self, cmd: tuple[int, int], data: bytes = b"", *, timeout_s: float | None = None
    ) -> f.Response:
        """Send one command, return the reader's answer (any SW3: the caller judges it)."""
        self.check_owner()
        step = f.COMMAND_NAMES.get(cmd, f"command {cmd[0]:02X} {cmd[1]:02X}")
        sent = bytes(cmd) + data
        with self._lock:
            if self.port is None:
                raise ReaderUnavailable(f"the reader {self.name} is closed")
            echoed = False
            try:
                # what is left of earlier answers goes: bytes that had arrived, and what the frame reader held
                self.port.reset_input_buffer()
                self._frames.clear()
                self.port.write(f.command(cmd, data))
                deadline = self._clock() + (timeout_s or self.timeout_s)
                while True:
                    body = self._frames.frame(max(0.0, deadline - self._clock()))
                    if body != sent:
                        break
                    echoed = True  # our own command came back: a loopback or an echoing adapter
                if self._frames.skipped:
                    log.info(
                        "%s: skipped %d stray byte(s) before an answer",
                        self.name,
                        self._frames.skipped,
                    )
                if len(body) < 3:
                    raise FrameError(f"{step}: an answer too short for its status bytes")
            except ReaderUnavailable:
                raise
            except ReaderTimeout as exc:
                if echoed:
                    raise ReaderTimeout(
                        f"{step}: only our own command came back, no reader answered (a loopback, or an "
                        "adapter that echoes, with no reader behind it?)"
                    ) from None
                raise ReaderTimeout(f"{step}: {_plain(exc)}") from None
            except FrameError as exc:
                log.info("%s: %s: %s", self.name, step, _plain(exc))
                # the same kind (a checksum mismatch stays one: the caller may read once more)
                raise type(exc)(f"{step}: a garbled answer ({_plain(exc)}): check the cable") from None
            except OSError as exc:  # pyserial's SerialException is an OSError: unplugged, socket closed
                raise ReaderUnavailable(f"the connection to the reader {self.name} was lost: {exc}") from exc
        resp = f.Response(body[0], body[1], body[2], body[3:])
        log.debug(
            "%s: %s → SW3 0x%02X, %d data bytes",
            self.name,
            step,
            resp.sw3,
            len(resp.data),
        )
        return resp

    def _expect(
        self,
        resp: f.Response,
        cmd: tuple[int, int],
        ok: int = OK_SW3,
        *,
        after_find: bool = False,
        data_len: int | None = None,
    ) -> bytes:
        step = f.COMMAND_NAMES[cmd]
        if resp.sw3 in (OK_SW3, FOUND_SW3) and resp.sw3 != ok:
            raise FrameError(
                f"{step}: an answer with SW3=0x{resp.sw3:02X} where 0x{ok:02X} was expected "
                "(a late answer to an earlier command?)"
            )
        if resp.sw3 != ok:
            raise error_for_sw3(resp.sw3, step, after_find=after_find)
        if data_len is not None and len(resp.data) != data_len:
            # answers differ in length by command: a late answer to an earlier command cannot pass
            raise FrameError(f"{step}: an answer of {len(resp.data)} data bytes (expected {data_len})")
        return resp.data

    # ---- SAM
    def reset(self) -> None:
        """Reset the SAM (security module)."""
        self._expect(self.transact(f.SAM_RESET), f.SAM_RESET)

    def sam_status(self) -> bool:
        """True when the SAM is ready; SamError (with its SW3) otherwise."""
        self._expect(self.transact(f.SAM_STATUS), f.SAM_STATUS)
        return True

    def sam_id(self) -> str:
        """The SAM's id as printed on readers: 05.01-20101218-0052026363-1405060838."""
        d = self._expect(self.transact(f.SAM_ID), f.SAM_ID, data_len=16)
        a, b = int.from_bytes(d[0:2], "little"), int.from_bytes(d[2:4], "little")
        c, e, g = (int.from_bytes(d[i : i + 4], "little") for i in (4, 8, 12))
        return f"{a:02d}.{b:02d}-{c:08d}-{e:010d}-{g:010d}"

    # ---- card
    def find(self) -> bool:
        """Is a card in the field that has not been read yet? (Many readers stop "finding" a card once it has
        been read and lies on; `card_present` tells.)"""
        resp = self.transact(f.FIND_CARD)
        if resp.sw3 == 0x80:
            return False
        self._expect(resp, f.FIND_CARD, FOUND_SW3, data_len=FIND_DATA)
        return True

    def select(self) -> None:
        """Select the card just found; CardRemoved when it has gone."""
        self._expect(
            self.transact(f.SELECT_CARD),
            f.SELECT_CARD,
            after_find=True,
            data_len=SELECT_DATA,
        )

    def card_present(self) -> bool:
        """Select without a find first: True while a card lies in the field, even one already read."""
        resp = self.transact(f.SELECT_CARD)
        if resp.sw3 in (0x80, 0x81):
            return False
        self._expect(resp, f.SELECT_CARD, data_len=SELECT_DATA)
        return True

    def read_once(self, fingerprint: bool = False) -> IdCard:
        """Read the selected card: text and photo (and the fingerprint block, when asked and the card has
        one: fingerprint=None otherwise)."""
        cmd = f.READ_WITH_FINGERPRINT if fingerprint else f.READ_TEXT_PHOTO
        resp = self.transact(cmd)
        if fingerprint and resp.sw3 == NO_CONTENT_SW3:  # a card without fingerprints, on some readers
            cmd, fingerprint = f.READ_TEXT_PHOTO, False
            resp = self.transact(cmd)
        d = self._expect(resp, cmd, after_find=True)
        head = 6 if fingerprint else 4
        step = f.COMMAND_NAMES[cmd]
        if len(d) < head:
            raise FrameError(f"{step}: an answer without its block lengths")
        text_len, photo_len = (
            int.from_bytes(d[0:2], "big"),
            int.from_bytes(d[2:4], "big"),
        )
        fp_len = int.from_bytes(d[4:6], "big") if fingerprint else 0
        if text_len != TEXT_BYTES or photo_len != PHOTO_BYTES or fp_len not in (0, FINGERPRINT_BYTES):
            raise FrameError(
                f"{step}: unexpected block lengths text={text_len} photo={photo_len} fingerprint={fp_len}"
            )
        if len(d) != head + text_len + photo_len + fp_len:
            raise FrameError(f"{step}: an answer of {len(d)} data bytes does not match its block lengths")
        text = d[head : head + text_len]
        photo = d[head + text_len : head + text_len + photo_len]
        fp = d[head + text_len + photo_len :] if fp_len else None
        card = decode_text(text, photo, fp)
        log.info("%s: read %r", self.name, card)
        return card

    def read_selected(self, fingerprint: bool = False) -> IdCard:
        """`read_once`, and once more when the answer fails its checksum (a byte flipped on the line: the
        card is selected again and read again; a second garbled answer is the error)."""
        try:
            return self.read_once(fingerprint)
        except ChecksumError as exc:
            log.info("%s: %s; reading once more", self.name, _plain(exc))
        if not self.card_present():
            raise NoCard()
        return self.read_once(fingerprint)

    def read_extra_address(self) -> str | None:
        """The 追加住址 (address change written on the card after issue), None when the card has none. Call it
        after read_card / read_once, while the card still lies on the reader."""
        resp = self.transact(f.READ_EXTRA_ADDRESS)
        if resp.sw3 == NO_CONTENT_SW3:
            return None
        d = self._expect(resp, f.READ_EXTRA_ADDRESS, after_find=True, data_len=EXTRA_ADDRESS_BYTES)
        return decode_extra_address(d)

    def read_card(self, fingerprint: bool = False) -> IdCard:
        """find → select → read. NoCard when the reader is empty, CardRemoved when the card leaves halfway.
        A card already read and still lying on the reader (which many readers no longer "find") is read again."""
        if self.find():
            self.select()
        elif not self.card_present():
            raise NoCard()
        return self.read_selected(fingerprint)

    # ---- lifetime
    def reopen(self) -> None:
        """Close the port and open it again (after the reader was unplugged, or a socket dropped)."""
        self.check_owner()
        if self._opener is None:
            raise ReaderUnavailable(f"the reader {self.name} cannot be reopened")
        with self._lock:
            self._close_port()
            self.port = self._opener()
            self._frames.clear()
        log.info("%s: reopened", self.name)

    def _close_port(self) -> None:
        port, self.port = self.port, None
        if port is not None:
            try:
                port.close()
            except OSError as exc:
                log.debug("%s: closing the port: %s", self.name, exc)

    def close(self) -> None:
        with self._lock:
            self._close_port()

    def __enter__(self) -> IdCardReader:
        return self

    def __exit__(
        self,
        t: type[BaseException] | None,
        e: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"IdCardReader({self.name})"


def _plain(exc: IdCardError) -> str:
    """The message without the family's prefix (to wrap it in another)."""
    return exc.message.split(": ", 1)[-1]


def _serial_opener(url: str, baudrate: int) -> Callable[[], Port]:
    def open_port() -> Port:
        import serial

        try:
            port: Any = serial.serial_for_url(
                url,
                baudrate=baudrate,
                bytesize=8,
                parity="N",
                stopbits=1,
                timeout=0.05,
                write_timeout=2.0,
            )
        except (OSError, ValueError) as exc:  # SerialException is an OSError
            raise ReaderUnavailable(f"cannot open the reader at {url}: {exc}") from exc
        return port  # type: ignore[no-any-return]

    return open_port


def open_reader(url: str, *, timeout_s: float = 3.0, baudrate: int = 115200) -> IdCardReader:
    """The reader at `url`; ReaderUnavailable when it cannot be opened. GA 467 readers run at 115200 8N1."""
    if not url:
        raise ReaderUnavailable("no reader port configured (settings devices.idcard_url, or --port)")
    opener: Callable[[], Port]
    if url.startswith("sim://"):
        from app.devices.idcard.sim import sim_opener

        opener = sim_opener(url)
        name = url.split("?", 1)[0]
    else:
        opener = _serial_opener(url, baudrate)
        name = url
    return IdCardReader(opener(), timeout_s=timeout_s, name=name, opener=opener)
