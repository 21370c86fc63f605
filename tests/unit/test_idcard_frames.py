"""GA 467 frames: the published sample bytes, checksums, lengths, garbage, truncation, every SW3."""

from __future__ import annotations

import pytest

from app.devices.idcard import frames as f
from app.devices.idcard.errors import SW3_MESSAGES, FrameError, ReaderTimeout, SamError
from app.devices.idcard.reader import IdCardReader
from app.devices.idcard.sim import SimPort, SimReader

FIND_OK = bytes.fromhex("AAAAAA96690008 00009F 00000000 97".replace(" ", ""))
SELECT_OK = bytes.fromhex("AAAAAA9669000C 000090 0000000000000000 9C".replace(" ", ""))


def test_the_published_sample_frames() -> None:
    assert f.response(0x9F, bytes(4)) == FIND_OK
    assert f.response(0x90, bytes(8)) == SELECT_OK
    assert f.command(f.FIND_CARD) == bytes.fromhex("AAAAAA9669000320 0122".replace(" ", ""))
    assert f.command(f.SELECT_CARD) == bytes.fromhex("AAAAAA9669000320 0221".replace(" ", ""))
    assert f.command(f.READ_TEXT_PHOTO) == bytes.fromhex("AAAAAA9669000330 0132".replace(" ", ""))
    r = f.parse_response(FIND_OK)
    assert (r.sw1, r.sw2, r.sw3, r.data) == (0, 0, 0x9F, bytes(4))


def test_a_full_read_answer_is_1295_bytes() -> None:
    dev = SimReader()
    dev.place("zhangsan")
    port = SimPort(dev)
    reader = IdCardReader(port)
    assert reader.find()
    reader.select()
    port.write(f.command(f.READ_TEXT_PHOTO))
    raw = port.read(5000)
    assert len(raw) == 1295 and raw[:5] == f.PREAMBLE and raw[9] == 0x90


def test_garbage_before_a_frame_is_skipped() -> None:
    r = f.parse_response(b"\x00\xff\xaa\xaa\x96" + FIND_OK)
    assert r.sw3 == 0x9F


@pytest.mark.parametrize(
    "raw",
    [
        FIND_OK[:-1] + b"\x00",  # checksum
        FIND_OK[:9],  # truncated
        f.PREAMBLE + b"\xff\xff" + bytes(10),  # impossible length
        f.PREAMBLE + b"\x00\x01\x01",  # shorter than its status bytes
    ],
)
def test_broken_frames_are_clear_errors(raw: bytes) -> None:
    with pytest.raises(FrameError):
        f.parse_response(raw)


def test_nothing_at_all_is_a_timeout() -> None:
    with pytest.raises(ReaderTimeout):
        f.parse_response(b"\x01\x02\x03")


@pytest.mark.parametrize("sw3", sorted(set(SW3_MESSAGES) - {0x90, 0x9F, 0x80}))
def test_every_sw3_becomes_a_clear_error(sw3: int) -> None:
    class Answer:
        timeout = 0.05

        def __init__(self) -> None:
            self.out = b""

        def write(self, _data: bytes) -> int:
            self.out = f.response(sw3)
            return len(_data)

        def read(self, n: int = 1) -> bytes:
            chunk, self.out = self.out[:n], self.out[n:]
            return chunk

        def reset_input_buffer(self) -> None:
            pass

        def close(self) -> None:
            pass

    reader = IdCardReader(Answer())
    with pytest.raises(SamError) as info:
        reader.sam_status()
    assert info.value.sw3 == sw3 and SW3_MESSAGES[sw3] in str(info.value)
