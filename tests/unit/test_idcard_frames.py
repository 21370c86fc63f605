"""GA 467 frames: the published sample bytes, every command's bytes, checksums, lengths, garbage and
resynchronisation, truncation, deadlines, and every SW3 turned into its exception and message."""

from __future__ import annotations

import time

import pytest

from app.devices.idcard import frames as f
from app.devices.idcard.errors import (
    SW3_MESSAGES,
    CardRemoved,
    FrameError,
    IdCardError,
    NoCard,
    ReaderTimeout,
    SamError,
    error_for_sw3,
)
from app.devices.idcard.reader import IdCardReader, open_reader
from app.devices.idcard.sim import SimReader

# the published sample: find card OK
FIND_OK = bytes.fromhex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97")
# each command by hand: LEN = 00 03 (CMD PARA CHK), CHK = 00 ^ 03 ^ CMD ^ PARA
COMMAND_BYTES = {
    f.SAM_RESET: "AA AA AA 96 69 00 03 10 FF EC",
    f.SAM_STATUS: "AA AA AA 96 69 00 03 11 FF ED",
    f.SAM_ID: "AA AA AA 96 69 00 03 12 FF EE",
    f.FIND_CARD: "AA AA AA 96 69 00 03 20 01 22",
    f.SELECT_CARD: "AA AA AA 96 69 00 03 20 02 21",
    f.READ_TEXT_PHOTO: "AA AA AA 96 69 00 03 30 01 32",
    f.READ_WITH_FINGERPRINT: "AA AA AA 96 69 00 03 30 10 23",
    f.READ_EXTRA_ADDRESS: "AA AA AA 96 69 00 03 30 03 30",
}


class Bytes:
    """A byte source for FrameReader: hands out `data` in chunks, then nothing (like a quiet line)."""

    def __init__(self, data: bytes, chunk: int = 1 << 16) -> None:
        self.data, self.chunk, self.reads = data, chunk, 0

    def __call__(self, n: int) -> bytes:
        self.reads += 1
        out, self.data = (
            self.data[: min(n, self.chunk)],
            self.data[min(n, self.chunk) :],
        )
        if not out:
            time.sleep(0.001)  # a real port waits a little before giving up
        return out


def test_the_published_sample_frame() -> None:
    assert f.response(0x9F, bytes(4)) == FIND_OK
    r = f.parse_response(FIND_OK)
    assert (r.sw1, r.sw2, r.sw3, r.data) == (0, 0, 0x9F, bytes(4))


@pytest.mark.parametrize("cmd", list(COMMAND_BYTES))
def test_every_command_frame(cmd: tuple[int, int]) -> None:
    assert f.command(cmd) == bytes.fromhex(COMMAND_BYTES[cmd])
    assert f.parse_request(bytes.fromhex(COMMAND_BYTES[cmd])).code == cmd


def test_a_frame_round_trips_and_the_length_counts_cmd_to_chk() -> None:
    frame = f.response(0x90, b"\x01\x02\x03")
    assert frame[5:7] == b"\x00\x07"  # SW1 SW2 SW3 + 3 data + CHK
    assert frame[-1] == 0x00 ^ 0x07 ^ 0x00 ^ 0x00 ^ 0x90 ^ 0x01 ^ 0x02 ^ 0x03
    assert f.parse_response(frame).data == b"\x01\x02\x03"


def test_full_read_answers_are_1295_and_2321_bytes() -> None:
    dev = SimReader("zhangsan")
    line = dev.connect()
    for cmd, size in (
        (f.FIND_CARD, 15),
        (f.SELECT_CARD, 19),
        (f.READ_TEXT_PHOTO, 1295),
    ):
        line.write(f.command(cmd))
        raw = line.read(5000)
        assert len(raw) == size and raw[:5] == f.PREAMBLE
    assert raw[9] == 0x90 and raw[10:14] == bytes.fromhex("0100 0400")  # 256 text, 1024 photo, big endian
    line.write(f.command(f.READ_WITH_FINGERPRINT))
    raw = line.read(5000)
    assert len(raw) == 2321 and raw[10:16] == bytes.fromhex("0100 0400 0400")


@pytest.mark.parametrize(
    "junk",
    [
        b"\x00\xff\x13",  # noise
        b"\xaa\xaa",  # a partial preamble right before the real one
        b"\xaa\xaa\xaa\x96",  # a longer one
        f.PREAMBLE + b"\xff\xff",  # a false preamble with an impossible length
        f.PREAMBLE + b"\x00\x00",  # … with length zero
        f.PREAMBLE + b"\x00\x08\x01\x02\x03\x04\x05\x06\x07\x09",  # … with a plausible length, bad checksum
        FIND_OK[:-1] + b"\x00",  # a whole frame with a bad checksum
    ],
)
def test_garbage_before_a_frame_is_skipped(junk: bytes) -> None:
    assert f.parse_response(junk + FIND_OK).sw3 == 0x9F
    reader = f.FrameReader(Bytes(junk + FIND_OK, chunk=1))  # byte by byte, as a slow line delivers them
    assert reader.response(2.0).sw3 == 0x9F
    assert reader.skipped == len(junk)


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        (FIND_OK[:-1] + b"\x00", "checksum"),
        (FIND_OK[:-1] + bytes([FIND_OK[-1] ^ 1]), "checksum"),
        (FIND_OK[:9], "truncated"),
        (FIND_OK[:6], "truncated"),
        (f.PREAMBLE + b"\xff\xff" + bytes(10), "impossible frame length 65535"),
        (f.PREAMBLE + b"\x00\x02\x00\x02", "impossible frame length 2"),
        (
            f.PREAMBLE + b"\x00\x04\x00\x00\x90\x90",
            "checksum",
        ),  # a checksum that leaves LEN out
    ],
)
def test_broken_frames_are_clear_errors(raw: bytes, why: str) -> None:
    with pytest.raises(FrameError, match=why):
        f.parse_response(raw)
    t0 = time.monotonic()
    with pytest.raises(FrameError, match=why):
        f.FrameReader(Bytes(raw)).response(5.0)
    assert (
        time.monotonic() - t0 < 1.0
    )  # a broken frame is reported once the line is quiet, not at the deadline


def test_a_frame_too_short_for_its_status_bytes() -> None:
    frame = f.build_frame(b"\x00\x00")  # LEN 3: a command's size, not an answer's
    with pytest.raises(FrameError, match="too short"):
        f.parse_response(frame)


def test_nothing_but_noise_is_a_timeout_and_never_hangs() -> None:
    with pytest.raises(ReaderTimeout):
        f.parse_response(b"\x01\x02\x03")

    def endless_noise(n: int) -> bytes:
        return b"\xaa\x55" * n  # never a preamble

    t0 = time.monotonic()
    with pytest.raises(ReaderTimeout):
        f.FrameReader(endless_noise).frame(0.2)
    assert time.monotonic() - t0 < 0.5

    def endless_false_starts(n: int) -> bytes:
        return f.PREAMBLE + b"\x00\x10" + b"\x01" * 20  # plausible frames, none with a right checksum

    t0 = time.monotonic()
    with pytest.raises(FrameError, match="checksum"):
        f.FrameReader(endless_false_starts).frame(0.2)
    assert time.monotonic() - t0 < 0.5


def test_a_silent_line_times_out_at_the_deadline() -> None:
    t0 = time.monotonic()
    with pytest.raises(ReaderTimeout):
        f.FrameReader(Bytes(b"")).frame(0.3)
    assert 0.25 < time.monotonic() - t0 < 1.0


def test_two_frames_in_a_row_come_out_one_by_one() -> None:
    second = f.response(0x90, b"\x42")
    reader = f.FrameReader(Bytes(FIND_OK + second))
    assert reader.response(1.0).sw3 == 0x9F
    assert reader.response(1.0).data == b"\x42"


def test_frames_longer_than_ga467_allows_are_refused() -> None:
    with pytest.raises(ValueError):
        f.build_frame(bytes(f.MAX_LEN))


# ---- SW3 → exception and message
EXPECTED_TYPE = {  # what each failing SW3 means for a find, and for a select / read after a find
    0x10: (SamError, SamError), 0x11: (SamError, SamError), 0x21: (SamError, SamError),
    0x23: (SamError, SamError), 0x24: (SamError, SamError), 0x31: (SamError, SamError),
    0x32: (SamError, SamError), 0x33: (SamError, SamError), 0x40: (SamError, CardRemoved),
    0x41: (SamError, CardRemoved), 0x47: (SamError, SamError), 0x60: (SamError, SamError),
    0x66: (SamError, SamError), 0x80: (NoCard, CardRemoved), 0x81: (CardRemoved, CardRemoved),
    0x91: (SamError, SamError),
}  # fmt: skip


def test_every_sw3_of_the_protocol_has_a_message() -> None:
    assert set(SW3_MESSAGES) == set(EXPECTED_TYPE) | {0x90, 0x9F}
    texts = [SW3_MESSAGES[c] for c in EXPECTED_TYPE]
    assert len(set(texts)) == len(texts) and all(t.isascii() or "越权" in t for t in texts)


@pytest.mark.parametrize("sw3", sorted(EXPECTED_TYPE))
def test_every_sw3_becomes_its_exception(sw3: int) -> None:
    on_find, after_find = EXPECTED_TYPE[sw3]
    for flag, expected in ((False, on_find), (True, after_find)):
        exc = error_for_sw3(sw3, "read card", after_find=flag)
        assert type(exc) is expected and isinstance(exc, IdCardError)
        assert exc.sw3 == sw3
        assert SW3_MESSAGES[sw3] in str(exc) or (expected is NoCard and "no card on the reader" in str(exc))
        assert f"SW3=0x{sw3:02X}" in str(exc)
        assert exc.exit_code == 4  # a DeviceError, like every device fault of the hall


@pytest.mark.parametrize("sw3", sorted(EXPECTED_TYPE))
def test_every_sw3_from_the_simulated_reader(sw3: int) -> None:
    """The same, with real frames: the reader answers the SAM status and the card read with that SW3."""
    on_find, after_find = EXPECTED_TYPE[sw3]
    with open_reader(
        f"sim://sw3-{sw3:02x}?card=zhangsan&sw3=11FF:{sw3:02X},3001:{sw3:02X}",
        timeout_s=1,
    ) as r:
        with pytest.raises(IdCardError) as info:
            r.sam_status()
        assert type(info.value) is on_find and info.value.sw3 == sw3
        assert "SAM status" in str(info.value) or type(info.value) is NoCard
        with pytest.raises(IdCardError) as info:
            r.read_card()
        assert type(info.value) is after_find and info.value.sw3 == sw3
        assert SW3_MESSAGES[sw3] in str(info.value) and f"SW3=0x{sw3:02X}" in str(info.value)


def test_a_sw3_nobody_knows() -> None:
    exc = error_for_sw3(0x5A, "find card")
    assert isinstance(exc, SamError) and "unknown status code (SW3=0x5A)" in str(exc)


def test_the_reader_answers_our_bad_frames_with_0x10_and_0x11() -> None:
    line = SimReader().connect()
    line.write(f.command(f.SAM_STATUS)[:-1] + b"\x00")
    assert f.parse_response(line.read(100)).sw3 == 0x10
    line.write(f.PREAMBLE + b"\xff\xff")
    assert f.parse_response(line.read(100)).sw3 == 0x11
    line.write(f.command((0x77, 0x01)))
    assert f.parse_response(line.read(100)).sw3 == 0x21


def test_a_reader_built_on_any_port() -> None:
    """IdCardReader works over anything with pyserial's read/write surface (here a simulated line)."""
    reader = IdCardReader(SimReader("lisi").connect(), timeout_s=1)
    assert reader.read_card().name == "李四"
    reader.close()
    with pytest.raises(ReaderTimeout, match="closed"):
        reader.find()
