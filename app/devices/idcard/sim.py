"""A simulated GA 467 reader that speaks the real frame bytes, for demos and tests.

    sim://NAME?card=zhangsan|lisi|wangfang|chen_j|smith_i|garcia_y|none&fault=…&baud=115200&halt=1&sw3=3001:31

`get_sim(NAME)` returns the very device a reader opened by that URL, so a demo or a test can `place()` a
card and `remove()` it. Parameters are applied when a reader opens the URL (not when it reconnects):
- card: the demo card lying on the reader (none: empty);
- fault: none; no_sam (the SAM fails its self-check: SW3 0x60 to everything); garbage (junk, a false
  preamble and a partial one before every answer); bad_checksum (the read answer's checksum is wrong); bad_checksum_once (only the next read answer's);
  truncated (the read answer stops halfway); remove_mid_read (the card is lifted during the read); timeout
  (the reader never answers); unplugged (the port cannot be opened, or fails once open);
- baud: bytes come out at that line speed, 10 bits a byte, as on a real serial line;
- halt=1: like many real readers, a card that has been read is no longer "found" while it stays on the
  reader (select still sees it), until it is lifted and placed again;
- read_delay=S: the reader takes S seconds to read a card before answering (real ones take 0.3–1 s);
- sw3=CMDPARA:XX[,…]: answer that command with that status byte (e.g. 3001:31, card authentication failed).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import threading
import time
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

from app.devices.idcard import frames as f
from app.devices.idcard.card import IdCard
from app.devices.idcard.errors import IdCardError, ReaderUnavailable
from app.devices.idcard.layouts import (
    FINGERPRINT_BYTES,
    PHOTO_BYTES,
    TEXT_BYTES,
    encode_extra_address,
    encode_text,
)

FAULTS = (
    "none",
    "no_sam",
    "garbage",
    "bad_checksum",
    "bad_checksum_once",
    "truncated",
    "remove_mid_read",
    "timeout",
    "unplugged",
)
GARBAGE = (
    b"\x00\x13\xaa\x96\xff" + f.PREAMBLE + b"\xff\xff" + b"\xaa\xaa"
)  # noise, a false preamble, a partial one


def _photo(seed: str) -> bytes:
    """Stand-in WLT bytes (the real format is the vendor's): 1,024 bytes that differ per card."""
    return ((b"WLT\x00" + seed.encode("ascii")) * 64)[:PHOTO_BYTES]


def _fingerprint(seed: str) -> bytes:
    return ((b"FPR\x01" + seed.encode("ascii")[::-1]) * 64)[:FINGERPRINT_BYTES]


def _card(card: IdCard, *, fingerprint: bool = False) -> IdCard:
    return replace(
        card,
        photo_wlt=_photo(card.id_number),
        fingerprint=_fingerprint(card.id_number) if fingerprint else None,
    )


DEMO_CARDS: dict[str, IdCard] = {
    "zhangsan": _card(IdCard(card_type="resident", name="张三", gender="男", nation="汉", birth=dt.date(1949, 12, 31),
                             address="北京市朝阳区建国路88号", id_number="11010519491231002X", authority="北京市公安局朝阳分局",
                             valid_from=dt.date(2015, 3, 1), valid_to=dt.date(2035, 3, 1)), fingerprint=True),
    "lisi": _card(IdCard(card_type="resident", name="李四", gender="男", nation="壮", birth=dt.date(1880, 1, 1),
                         address="广东省汕头市潮阳区和平镇1号", id_number="440524188001010014", authority="汕头市公安局潮阳分局",
                         valid_from=dt.date(2010, 5, 6), valid_to=dt.date(2030, 5, 6))),
    "wangfang": _card(IdCard(card_type="resident", name="王芳", gender="女", nation="汉", birth=dt.date(1992, 3, 15),
                             address="江西省赣州市章贡区红旗大道16号", id_number="36070219920315002X", authority="赣州市公安局章贡分局",
                             valid_from=dt.date(2020, 8, 1), valid_to=None)),
    # 港澳台居民居住证: 81 = Hong Kong; the last digit is the GB 11643 check digit of the first 17
    "chen_j": _card(IdCard(card_type="J", name="陈大文", gender="男", birth=dt.date(1994, 8, 23),
                           address="广东省深圳市福田区福华路1号", id_number="810000199408230021", authority="深圳市公安局",
                           valid_from=dt.date(2021, 1, 5), valid_to=dt.date(2026, 1, 5), pass_number="H12345678",
                           issue_count=1)),
    "smith_i": _card(IdCard(card_type="I", name="史密斯", english_name="SMITH, JOHN", gender="男", birth=dt.date(1980, 6, 1),
                            id_number="USA310080060101", nationality="USA", authority="1500",
                            valid_from=dt.date(2018, 6, 1), valid_to=dt.date(2028, 6, 1))),
    # 2023 card: 9, province 44, country 724 (Spain), birth date, sequence, GB 11643 check digit
    "garcia_y": _card(IdCard(card_type="Y", name="加西亚", english_name="GARCIA, MARIA", gender="女", birth=dt.date(1990, 2, 2),
                             id_number="944724199002020026", nationality="ESP", authority="1500",
                             valid_from=dt.date(2024, 2, 1), valid_to=dt.date(2034, 2, 1))),
}  # fmt: skip
# 追加住址 written on a card after it was issued (read with command 30 03)
DEMO_EXTRA_ADDRESSES = {"11010519491231002X": "北京市海淀区中关村大街27号"}
SAM_ID_FIELDS = ((5, 2), (1, 2), (20101218, 4), (52026363, 4), (1405060838, 4))
SAM_ID_BYTES = b"".join(value.to_bytes(size, "little") for value, size in SAM_ID_FIELDS)
SAM_ID_TEXT = "05.01-20101218-0052026363-1405060838"


class SimReader:
    """The reader's firmware and the card lying on it: answers command frames with response frames."""

    def __init__(
        self,
        card: IdCard | str | None = None,
        fault: str = "none",
        *,
        halt_after_read: bool = False,
    ) -> None:
        self.lock = threading.RLock()
        self.card: IdCard | None = None
        self.extra_address: str | None = None
        self.fault = "none"
        self.halt_after_read = halt_after_read
        self.read_delay_s = 0.0  # time the firmware takes for a read command before it answers
        self.delays: dict[tuple[int, int], float] = {}  # … or for any command (tests)
        self.sw3_override: dict[tuple[int, int], int] = {}
        self.commands: list[tuple[int, int]] = []  # every command received, for tests
        self._selected = False
        self._halted = False  # read, still lying on the reader (only with halt_after_read)
        self.set_fault(fault)
        if card is not None:
            self.place(card)

    # ---- what a demo or a test does to the device
    def place(self, card: IdCard | str, extra_address: str | None = None) -> None:
        if isinstance(card, str):
            if card not in DEMO_CARDS:
                raise IdCardError(f"unknown demo card {card!r} (one of {', '.join(DEMO_CARDS)}, none)")
            card = DEMO_CARDS[card]
        with self.lock:
            self.card = card
            self.extra_address = extra_address or DEMO_EXTRA_ADDRESSES.get(card.id_number)
            self._selected = self._halted = False

    def remove(self) -> None:
        with self.lock:
            self.card, self.extra_address = None, None
            self._selected = self._halted = False

    def set_fault(self, fault: str) -> None:
        if fault not in FAULTS:
            raise IdCardError(f"unknown simulated fault {fault!r} (one of {', '.join(FAULTS)})")
        with self.lock:
            self.fault = fault

    @property
    def unplugged(self) -> bool:
        return self.fault == "unplugged"

    def connect(self, baud: int | None = None) -> SimPort:
        """A serial line to this reader (what opening its port gives)."""
        if self.unplugged:
            raise ReaderUnavailable("cannot open the simulated reader: it is unplugged")
        return SimPort(self, baud)

    # ---- firmware
    def delay_for(self, req: f.Request) -> float:
        """Seconds the firmware works on `req` before it starts answering."""
        return self.delays.get(req.code, self.read_delay_s if req.cmd == 0x30 else 0.0)

    def answer(self, req: f.Request) -> bytes:
        """The bytes the reader sends back for one command (b"" for none)."""
        with self.lock:
            self.commands.append(req.code)
            frame = self._answer(req.code)
            if frame and self.fault == "garbage":
                frame = GARBAGE + frame
            return frame

    def _answer(self, cmd: tuple[int, int]) -> bytes:
        if self.fault == "timeout":
            return b""
        if self.fault == "no_sam":
            return f.response(0x60)
        if cmd in self.sw3_override:
            return f.response(self.sw3_override[cmd])
        if cmd in (f.SAM_RESET, f.SAM_STATUS):
            return f.response(0x90)
        if cmd == f.SAM_ID:
            return f.response(0x90, SAM_ID_BYTES)
        if cmd == f.FIND_CARD:
            if self.card is None or self._halted:
                return f.response(0x80, bytes(4))
            self._selected = False
            return f.response(0x9F, bytes(4))
        if cmd == f.SELECT_CARD:
            if self.card is None:
                return f.response(0x81, bytes(8))
            self._selected = True
            return f.response(0x90, bytes(8))
        if cmd in (f.READ_TEXT_PHOTO, f.READ_WITH_FINGERPRINT):
            return self._read(self.card, fingerprint=cmd == f.READ_WITH_FINGERPRINT)
        if cmd == f.READ_EXTRA_ADDRESS:
            if self.card is None or not self._selected:
                return f.response(0x41)
            if self.extra_address is None:
                return f.response(0x91)
            return f.response(0x90, encode_extra_address(self.extra_address))
        return f.response(0x21)

    def _read(self, card: IdCard | None, *, fingerprint: bool) -> bytes:
        if card is None or not self._selected:
            return f.response(0x41)
        if self.fault == "remove_mid_read":
            self.card, self._selected = None, False
            return f.response(0x41)
        text, photo = (
            encode_text(card),
            card.photo_wlt.ljust(PHOTO_BYTES, b"\x00")[:PHOTO_BYTES],
        )
        if fingerprint:
            fp = card.fingerprint or b""  # no fingerprint on the card: its length is 0
            lengths = (TEXT_BYTES, PHOTO_BYTES, len(fp))
            body = b"".join(n.to_bytes(2, "big") for n in lengths) + text + photo + fp
        else:
            body = TEXT_BYTES.to_bytes(2, "big") + PHOTO_BYTES.to_bytes(2, "big") + text + photo
        frame = f.response(0x90, body)
        if self.fault in ("bad_checksum", "bad_checksum_once"):
            frame = frame[:-1] + bytes([frame[-1] ^ 0x5A])
            if self.fault == "bad_checksum_once":  # one byte flipped on the line, then a clean line again
                self.fault = "none"
        elif self.fault == "truncated":
            frame = frame[: len(frame) // 2]
        if self.halt_after_read:
            self._halted = True
        return frame


class SimPort:
    """The serial line to a SimReader, with pyserial's surface: read(n) waits up to `timeout` for n bytes
    and returns what came; write(b) sends. With `baud`, bytes travel at that speed both ways (10 bits a
    byte: start, 8 data, stop): each byte of an answer becomes readable when its last bit has arrived."""

    def __init__(self, device: SimReader, baud: int | None = None) -> None:
        self.device, self.baud = device, baud
        self.byte_s = 10.0 / baud if baud else 0.0
        self.timeout: float | None = 0.05
        self.is_open = True
        self._rx = bytearray()  # host → reader bytes not yet parsed into a command
        self._out = bytearray()  # reader → host bytes not yet read by the host
        self._due: list[float] = []  # when each byte of _out is (was) readable
        self._cmd_done = 0.0  # when the host's last byte has reached the reader
        self._line_free = 0.0  # when the reader's last answer byte has left
        self._cond = threading.Condition()

    def _check(self) -> None:
        if not self.is_open:
            raise OSError("the simulated port is closed")
        if self.device.unplugged:
            raise OSError("the simulated reader was unplugged")

    def write(self, data: bytes, /) -> int:
        self._check()
        with self._cond:
            now = time.monotonic()
            self._cmd_done = max(now, self._cmd_done) + len(data) * self.byte_s
            self._rx += data
            for request in self._requests():
                if isinstance(request, bytes):
                    reply, delay = request, 0.0
                else:
                    reply, delay = (
                        self.device.answer(request),
                        self.device.delay_for(request),
                    )
                # one command at a time: work on it once it is in and the last answer has left
                start = max(self._cmd_done, self._line_free) + delay
                self._due += [start + (i + 1) * self.byte_s for i in range(len(reply))]
                self._line_free = start + len(reply) * self.byte_s
                self._out += reply
            self._cond.notify_all()
        return len(data)

    def _requests(self) -> list[f.Request | bytes]:
        """Complete command frames in the bytes received (or the error answer for a broken one)."""
        out: list[f.Request | bytes] = []
        while True:
            start = self._rx.find(f.PREAMBLE)
            if start < 0:
                del self._rx[: max(0, len(self._rx) - len(f.PREAMBLE) + 1)]
                return out
            if len(self._rx) < start + f.HEADER:
                return out
            length = int.from_bytes(self._rx[start + 5 : start + 7], "big")
            if not f.MIN_LEN <= length <= f.MAX_LEN:
                del self._rx[: start + 1]
                out.append(f.response(0x11))
                continue
            end = start + f.HEADER + length
            if len(self._rx) < end:
                return out
            frame = bytes(self._rx[start:end])
            del self._rx[:end]
            if f.xor(frame[5:-1]) != frame[-1]:
                out.append(f.response(0x10))
            else:
                out.append(f.parse_request(frame))

    def _readable(self, now: float) -> int:
        return bisect.bisect_right(self._due, now)

    def read(self, size: int = 1) -> bytes:
        self._check()
        deadline = math.inf if self.timeout is None else time.monotonic() + self.timeout
        with self._cond:
            while True:
                now = time.monotonic()
                n = self._readable(now)
                if n >= size or now >= deadline or not self.is_open:
                    take = min(n, size)
                    chunk = bytes(self._out[:take])
                    del self._out[:take], self._due[:take]
                    return chunk
                until = deadline if len(self._due) < size else min(deadline, self._due[size - 1])
                self._cond.wait(None if until == math.inf else max(0.0, until - now))

    def next_due(self) -> float | None:
        """When the next byte of an answer becomes readable (None: nothing on its way)."""
        with self._cond:
            return self._due[0] if self._due else None

    @property
    def in_waiting(self) -> int:
        with self._cond:
            return self._readable(time.monotonic())

    def reset_input_buffer(self) -> None:
        """Drop what has arrived (bytes still on the wire arrive later, as on a real line)."""
        with self._cond:
            n = self._readable(time.monotonic())
            del self._out[:n], self._due[:n]

    def close(self) -> None:
        with self._cond:
            self.is_open = False
            self._cond.notify_all()


_SIMS: dict[str, SimReader] = {}
_SIMS_LOCK = threading.Lock()


def get_sim(name: str = "default") -> SimReader:
    """The named simulated reader (made on first use, empty)."""
    with _SIMS_LOCK:
        return _SIMS.setdefault(name or "default", SimReader())


def _sw3_overrides(spec: str) -> dict[tuple[int, int], int]:
    out: dict[tuple[int, int], int] = {}
    for item in filter(None, spec.split(",")):
        try:
            cmd, sw3 = item.split(":")
            out[(int(cmd[:2], 16), int(cmd[2:], 16))] = int(sw3, 16)
        except ValueError:
            raise IdCardError(f"bad sw3 override {item!r} (CMDPARA:XX, e.g. 3001:31)") from None
    return out


def sim_opener(url: str) -> SimConnector:
    """Apply the URL's parameters to its named device; the returned callable opens (and reopens) the line."""
    parts = urlsplit(url)
    name = parts.netloc or parts.path.strip("/") or "default"
    q = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    unknown = set(q) - {"card", "fault", "baud", "halt", "sw3", "read_delay"}
    if unknown:
        raise IdCardError(f"unknown sim:// parameter(s) {', '.join(sorted(unknown))}")
    card = q.get("card")
    if card not in (None, "none") and card not in DEMO_CARDS:
        raise IdCardError(f"unknown demo card {card!r} (one of {', '.join(DEMO_CARDS)}, none)")
    fault = q.get("fault", "none")
    if fault not in FAULTS:
        raise IdCardError(f"unknown simulated fault {fault!r} (one of {', '.join(FAULTS)})")
    try:
        baud = int(q["baud"]) if q.get("baud") else None
        read_delay = float(q.get("read_delay") or 0)
    except ValueError:
        raise IdCardError("bad baud or read_delay in a sim:// URL") from None
    overrides = _sw3_overrides(q.get("sw3", ""))
    device = get_sim(name)
    with device.lock:
        if card == "none":
            device.remove()
        elif card is not None:
            device.place(card)
        device.set_fault(fault)
        device.halt_after_read = q.get("halt", "0") in ("1", "yes", "true")
        device.sw3_override = overrides
        device.read_delay_s = read_delay
    return SimConnector(device, baud)


class SimConnector:
    """Opens a line to a simulated reader: what `open_reader` calls to open and to reopen the port."""

    def __init__(self, device: SimReader, baud: int | None) -> None:
        self.device, self.baud = device, baud

    def __call__(self) -> SimPort:
        return self.device.connect(self.baud)


def open_sim(url: str) -> SimPort:
    """A line to the simulated reader named by a sim:// URL."""
    return sim_opener(url)()
