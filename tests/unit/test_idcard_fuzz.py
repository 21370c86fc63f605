"""Property-based fuzz of the frame parser and the card decoder: random and mutated frames never crash
it (only IdCardError), never hang it, and never yield a card different from the one encoded."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.devices.idcard import frames as f
from app.devices.idcard.errors import IdCardError
from app.devices.idcard.layouts import PHOTO_BYTES, TEXT_BYTES, decode_text, encode_text
from app.devices.idcard.sim import DEMO_CARDS

CARD = DEMO_CARDS["zhangsan"]
GOOD = f.response(0x90, TEXT_BYTES.to_bytes(2, "big") + PHOTO_BYTES.to_bytes(2, "big") + encode_text(CARD) + CARD.photo_wlt)
FUZZ = settings(derandomize=True, max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse_card(raw: bytes):  # type: ignore[no-untyped-def]
    resp = f.parse_response(raw)
    d = resp.data
    if resp.sw3 != 0x90 or len(d) != 4 + TEXT_BYTES + PHOTO_BYTES:
        raise IdCardError("not a read answer")
    return decode_text(d[4 : 4 + TEXT_BYTES], d[4 + TEXT_BYTES :])


def test_the_good_frame_parses() -> None:
    assert parse_card(GOOD) == CARD


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes(raw: bytes) -> None:
    t0 = time.monotonic()
    try:
        parse_card(raw)
    except IdCardError:
        pass
    assert time.monotonic() - t0 < 1.5


@FUZZ
@given(st.integers(0, len(GOOD) - 1), st.integers(1, 255), st.binary(max_size=20))
def test_a_corrupted_byte_never_gives_a_wrong_card(pos: int, delta: int, prefix: bytes) -> None:
    raw = bytearray(GOOD)
    raw[pos] ^= delta  # the byte really changes
    try:
        card = parse_card(prefix + bytes(raw))
    except IdCardError:
        return
    raise AssertionError(f"a corrupted frame gave {card!r}")


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(0, 255)), min_size=2, max_size=8), st.binary(max_size=20))
def test_several_corrupted_bytes_never_give_a_malformed_card(flips: list[tuple[int, int]], prefix: bytes) -> None:
    """GA 467's XOR checksum cannot see errors that cancel each other out; what comes out is then still a
    well-formed card: a valid ID number (check digit), valid dates and codes, printable text."""
    raw = bytearray(GOOD)
    for pos, value in flips:
        raw[pos] = value
    try:
        card = parse_card(prefix + bytes(raw))
    except IdCardError:
        return
    from app.domain.idnumber import is_valid_id_number

    assert is_valid_id_number(card.id_number)
    assert all(ch.isprintable() for ch in card.name + card.address + card.authority)


@FUZZ
@given(st.integers(0, len(GOOD) - 1))
def test_truncated_frames(cut: int) -> None:
    try:
        parse_card(GOOD[:cut])
    except IdCardError:
        return
    raise AssertionError("a truncated frame parsed")
