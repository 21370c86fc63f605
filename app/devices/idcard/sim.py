"""A simulated GA 467 reader that speaks the real frame bytes, for demos and tests.

    sim://NAME?card=zhangsan|lisi|wangfang|chen_j|smith_i|garcia_y|none&fault=…&baud=115200

`get_sim(NAME)` returns the very device a reader opened by that URL, so a demo or a test can `place()` a
card and `remove()` it. Faults: none, no_sam (SAM self-check fails), garbage (junk bytes before every
answer), bad_checksum (the read answer's checksum is wrong), truncated (the read answer stops halfway),
remove_mid_read (the card leaves during the read), timeout (the reader never answers). With `baud`, bytes
come out at that line speed (10 bits a byte), like a real serial line."""

from __future__ import annotations

import datetime as dt
import threading
import time
from urllib.parse import parse_qs, urlsplit

from app.devices.idcard import frames as f
from app.devices.idcard.card import IdCard
from app.devices.idcard.errors import IdCardError
from app.devices.idcard.layouts import FINGERPRINT_BYTES, PHOTO_BYTES, TEXT_BYTES, encode_text

FAULTS = ("none", "no_sam", "garbage", "bad_checksum", "truncated", "remove_mid_read", "timeout")


def _photo(seed: str) -> bytes:
    base = (b"WLT\x00" + seed.encode("utf-8")) * 200
    return base[:PHOTO_BYTES]


def _card(**kw: object) -> IdCard:
    card = IdCard(**kw)  # type: ignore[arg-type]
    return IdCard(**{**card.__dict__, "photo_wlt": _photo(card.id_number)})


DEMO_CARDS: dict[str, IdCard] = {
    "zhangsan": _card(card_type="resident", name="张三", gender="男", nation="汉", birth=dt.date(1949, 12, 31),
                      address="北京市朝阳区建国路88号", id_number="11010519491231002X", authority="北京市公安局朝阳分局",
                      valid_from=dt.date(2015, 3, 1), valid_to=dt.date(2035, 3, 1)),
    "lisi": _card(card_type="resident", name="李四", gender="男", nation="壮", birth=dt.date(1880, 1, 1),
                  address="广东省汕头市潮阳区和平镇1号", id_number="440524188001010014", authority="汕头市公安局潮阳分局",
                  valid_from=dt.date(2010, 5, 6), valid_to=None),
    "wangfang": _card(card_type="resident", name="王芳", gender="女", nation="汉", birth=dt.date(1992, 3, 15),
                      address="江西省赣州市章贡区红旗大道16号", id_number="36070219920315002X", authority="赣州市公安局章贡分局",
                      valid_from=dt.date(2020, 8, 1), valid_to=None),
    "chen_j": _card(card_type="J", name="陈大文", gender="男", birth=dt.date(1994, 8, 23),
                    address="广东省深圳市福田区福华路1号", id_number="810000199408230021", authority="深圳市公安局",
                    valid_from=dt.date(2021, 1, 5), valid_to=dt.date(2026, 1, 5), pass_number="H12345678", issue_count=1),
    "smith_i": _card(card_type="I", name="史密斯", english_name="SMITH, JOHN", gender="男", birth=dt.date(1980, 6, 1),
                     id_number="USA310080060101", nationality="USA", authority="1500",
                     valid_from=dt.date(2018, 6, 1), valid_to=dt.date(2028, 6, 1)),
    "garcia_y": _card(card_type="Y", name="加西亚", english_name="GARCIA, MARIA", gender="女", birth=dt.date(1990, 2, 2),
                      id_number="944724199002020026", nationality="ESP", authority="1500",
                      valid_from=dt.date(2024, 2, 1), valid_to=dt.date(2034, 2, 1)),
}  # fmt: skip
SAM_ID_BYTES = bytes.fromhex("0500 0100 2C1B3401 00000000 D2040000".replace(" ", ""))


class SimReader:
    """The reader's firmware: answers command frames with response frames."""

    def __init__(self, card: IdCard | None = None, fault: str = "none") -> None:
        if fault not in FAULTS:
            raise IdCardError(f"unknown simulated fault {fault!r} (one of {', '.join(FAULTS)})")
        self.card, self.fault = card, fault
        self.selected = False
        self.lock = threading.Lock()
        self.commands: list[tuple[int, int]] = []

    def place(self, card: IdCard | str) -> None:
        with self.lock:
            self.card = DEMO_CARDS[card] if isinstance(card, str) else card
            self.selected = False

    def remove(self) -> None:
        with self.lock:
            self.card, self.selected = None, False

    def answer(self, req: f.Request) -> bytes:
        with self.lock:
            self.commands.append((req.cmd, req.para))
            return self._answer((req.cmd, req.para))

    def _answer(self, cmd: tuple[int, int]) -> bytes:
        if self.fault == "timeout":
            return b""
        if self.fault == "no_sam":
            return f.response(0x60)
        if cmd == f.SAM_RESET or cmd == f.SAM_STATUS:
            return f.response(0x90)
        if cmd == f.SAM_ID:
            return f.response(0x90, SAM_ID_BYTES)
        if cmd == f.FIND_CARD:
            if self.card is None:
                return f.response(0x80, bytes(4))
            return f.response(0x9F, bytes(4))
        if cmd == f.SELECT_CARD:
            if self.card is None:
                return f.response(0x81, bytes(8))
            self.selected = True
            return f.response(0x90, bytes(8))
        if cmd in (f.READ_TEXT_PHOTO, f.READ_WITH_FINGERPRINT):
            if self.card is None or not self.selected:
                return f.response(0x41)
            if self.fault == "remove_mid_read":
                self.card, self.selected = None, False
                return f.response(0x41)
            text, photo = encode_text(self.card), self.card.photo_wlt.ljust(PHOTO_BYTES, b"\x00")
            if cmd == f.READ_WITH_FINGERPRINT:
                fp = self.card.fingerprint or bytes(FINGERPRINT_BYTES)
                body = b"".join(n.to_bytes(2, "big") for n in (TEXT_BYTES, PHOTO_BYTES, FINGERPRINT_BYTES)) + text + photo + fp
            else:
                body = TEXT_BYTES.to_bytes(2, "big") + PHOTO_BYTES.to_bytes(2, "big") + text + photo
            frame = f.response(0x90, body)
            if self.fault == "bad_checksum":
                frame = frame[:-1] + bytes([frame[-1] ^ 0x5A])
            if self.fault == "truncated":
                frame = frame[: len(frame) // 2]
            return frame
        if cmd == f.READ_EXTRA_ADDRESS:
            return f.response(0x91)
        return f.response(0x21)


class SimPort:
    """The serial line to a SimReader: pyserial's read/write surface, bytes paced at `baud` if given."""

    def __init__(self, device: SimReader, baud: int | None = None) -> None:
        self.device, self.baud = device, baud
        self.timeout: float | None = 0.05
        self._in = b""  # host → reader bytes not yet parsed
        self._out = bytearray()  # reader → host bytes not yet read
        self._ready_at = 0.0
        self._cond = threading.Condition()
        self.closed = False

    def write(self, data: bytes) -> int:
        self._in += data
        while True:
            start = self._in.find(f.PREAMBLE)
            if start < 0 or len(self._in) < start + 7:
                break
            length = int.from_bytes(self._in[start + 5 : start + 7], "big")
            end = start + 7 + length
            if len(self._in) < end:
                break
            frame, self._in = self._in[start:end], self._in[end:]
            try:
                req = f.FrameReader(_reader_of(frame)).request(0.5)
            except IdCardError:
                reply = f.response(0x10)
            else:
                reply = self.device.answer(req)
            if self.device.fault == "garbage" and reply:
                reply = b"\x00\x13\xaa\x96\xff" + reply
            with self._cond:
                self._out += reply
                wire = (len(data) + len(reply)) * 10 / self.baud if self.baud else 0.0
                self._ready_at = time.monotonic() + wire
                self._cond.notify_all()
        return len(data)

    def read(self, size: int = 1) -> bytes:
        deadline = time.monotonic() + (self.timeout or 0)
        with self._cond:
            while not self._out and time.monotonic() < deadline:
                self._cond.wait(max(0.0, deadline - time.monotonic()))
            if not self._out:
                return b""
        if self.baud:  # the bytes trickle in at line speed
            wait = self._ready_at - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        with self._cond:
            chunk = bytes(self._out[:size])
            del self._out[:size]
            return chunk

    @property
    def in_waiting(self) -> int:
        return len(self._out)

    def reset_input_buffer(self) -> None:
        with self._cond:
            self._out.clear()

    def close(self) -> None:
        self.closed = True


def _reader_of(frame: bytes):  # type: ignore[no-untyped-def]
    pos = 0

    def read(n: int) -> bytes:
        nonlocal pos
        chunk = frame[pos : pos + n]
        pos += len(chunk)
        return chunk

    return read


_SIMS: dict[str, SimReader] = {}
_SIMS_LOCK = threading.Lock()


def get_sim(name: str) -> SimReader:
    """The named simulated reader (made on first use, empty)."""
    with _SIMS_LOCK:
        return _SIMS.setdefault(name or "default", SimReader())


def open_sim(url: str) -> SimPort:
    parts = urlsplit(url)
    name = parts.netloc or parts.path.strip("/") or "default"
    q = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    device = get_sim(name)
    if "card" in q:
        if q["card"] == "none":
            device.remove()
        elif q["card"] in DEMO_CARDS:
            device.place(q["card"])
        else:
            raise IdCardError(f"unknown demo card {q['card']!r} (one of {', '.join(DEMO_CARDS)}, none)")
    fault = q.get("fault", "none")
    if fault not in FAULTS:
        raise IdCardError(f"unknown simulated fault {fault!r} (one of {', '.join(FAULTS)})")
    device.fault = fault
    baud = int(q["baud"]) if q.get("baud") else None
    return SimPort(device, baud)
