"""Property-based fuzz of the frame parser and the driver's read path: random and mutated answers never
crash it (only IdCardError), never hang it, and never yield a card other than the one encoded.

The answers go through the real driver (IdCardReader.read_card) over a scripted line that plays back the
find and select answers and then the fuzzed bytes, delivered in random chunks.

GA 467 protects a frame with one XOR byte: it sees every corruption whose byte changes do not cancel out
(any single byte, any burst whose XOR is not zero) and those must always fail. Changes that cancel out
are invisible to it; for those the text block's own checks (GB 11643 check digit, dates, codes) catch
what they can, and the test states what is left: a card still well-formed field by field."""

from __future__ import annotations

import dataclasses
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from app.devices.idcard import frames as f
from app.devices.idcard.card import IdCard
from app.devices.idcard.errors import IdCardError
from app.devices.idcard.layouts import (
    GENDERS,
    NATIONS,
    PHOTO_BYTES,
    TEXT_BYTES,
    decode_text,
    encode_text,
)
from app.devices.idcard.reader import IdCardReader
from app.devices.idcard.sim import DEMO_CARDS
from app.domain.idnumber import is_valid_id_number

CARD = dataclasses.replace(DEMO_CARDS["zhangsan"], fingerprint=None)
GOOD = f.response(
    0x90,
    TEXT_BYTES.to_bytes(2, "big") + PHOTO_BYTES.to_bytes(2, "big") + encode_text(CARD) + CARD.photo_wlt,
)
FIND_OK, SELECT_OK = f.response(0x9F, bytes(4)), f.response(0x90, bytes(8))
TEXT_AT = 7 + 3 + 4  # where the text block starts in the read answer
TIMEOUT_S = 0.05  # simulated seconds: 50 empty reads
HANG_LIMIT_S = 2.0  # wall clock, per example


class ScriptedLine:
    """A stand-in for the serial port (pyserial's surface): each command written is answered with the next
    scripted answer, handed out in the given chunk sizes; after that, silence. Time is simulated: a read
    that finds nothing takes 1 ms of `now` (like a port's read timeout), so deadlines do not depend on how
    busy the machine running the tests is."""

    def __init__(self, answers: list[bytes], chunks: list[int] | None = None) -> None:
        self.answers, self.chunks = list(answers), list(chunks or [])
        self.pending = b""
        self.timeout: float | None = 0.001
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    def write(self, data: bytes, /) -> int:
        self.pending += self.answers.pop(0) if self.answers else b""
        return len(data)

    def read(self, size: int = 1) -> bytes:
        n = min(size, self.chunks.pop(0) if self.chunks else size)
        out, self.pending = self.pending[:n], self.pending[n:]
        if not out:
            self.now += 0.001
        return out

    def reset_input_buffer(self) -> None:
        pass

    def close(self) -> None:
        pass


def read_through_the_driver(answer: bytes, chunks: list[int] | None = None) -> IdCard:
    line = ScriptedLine([FIND_OK, SELECT_OK, answer], chunks)
    return IdCardReader(line, timeout_s=TIMEOUT_S, clock=line.clock).read_card()


def outcome(answer: bytes, chunks: list[int] | None = None) -> IdCard | None:
    """The card read, or None when the driver refused the bytes with an IdCardError; checks it is quick."""
    t0 = time.monotonic()
    try:
        card: IdCard | None = read_through_the_driver(answer, chunks)
    except IdCardError:
        card = None
    assert time.monotonic() - t0 < HANG_LIMIT_S, "the driver hung"
    return card


def well_formed(card: IdCard) -> bool:
    return (
        is_valid_id_number(card.id_number)
        and card.id_number[6:14] == f"{card.birth:%Y%m%d}"
        and card.gender in GENDERS.values()
        and card.nation in NATIONS.values()
        and all(ch.isprintable() for ch in card.name + card.address + card.authority)
        and (card.valid_to is None or card.valid_to >= card.valid_from)
    )


def test_the_good_answer_reads_and_the_harness_can_fail() -> None:
    assert outcome(GOOD) == CARD
    assert outcome(GOOD, [1] * len(GOOD)) == CARD  # byte by byte
    assert outcome(GOOD[:-1] + bytes([GOOD[-1] ^ 1])) is None


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.binary(max_size=3000), st.lists(st.integers(1, 64), max_size=50))
def test_random_bytes(raw: bytes, chunks: list[int]) -> None:
    assert outcome(raw, chunks) is None
    try:
        f.parse_response(raw)
    except IdCardError:
        pass


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.binary(min_size=TEXT_BYTES, max_size=TEXT_BYTES))
def test_random_text_blocks_are_refused_or_well_formed(text: bytes) -> None:
    try:
        card = decode_text(text)
    except IdCardError:
        return
    assert well_formed(card) or card.card_type != "resident"


@settings(derandomize=True, max_examples=300, deadline=None)
@given(
    st.integers(0, len(GOOD) - 1),
    st.integers(1, 255),
    st.binary(max_size=40),
    st.lists(st.integers(1, 300), max_size=20),
)
def test_any_single_corrupted_byte_is_refused(pos: int, delta: int, prefix: bytes, chunks: list[int]) -> None:
    raw = bytearray(GOOD)
    raw[pos] ^= delta  # the byte really changes
    assert outcome(prefix + bytes(raw), chunks) is None


@settings(derandomize=True, max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(GOOD) - 1), st.integers(1, 255)),
        min_size=2,
        max_size=8,
    ),
    st.binary(max_size=40),
)
def test_corruptions_the_checksum_sees_are_refused(flips: list[tuple[int, int]], prefix: bytes) -> None:
    raw = bytearray(GOOD)
    for pos, delta in flips:
        raw[pos] ^= delta
    if f.xor(raw[5:]) == f.xor(GOOD[5:]):
        return  # these changes cancel out: the next test
    assert outcome(prefix + bytes(raw)) is None


@settings(derandomize=True, max_examples=300, deadline=None)
@given(
    st.integers(TEXT_AT, TEXT_AT + TEXT_BYTES - 1),
    st.integers(TEXT_AT, TEXT_AT + TEXT_BYTES - 1),
    st.integers(1, 255),
)
def test_cancelling_corruptions_of_the_text_give_an_error_or_a_well_formed_card(
    a: int, b: int, delta: int
) -> None:
    """Two bytes of the text changed by the same XOR: the checksum cannot see it. What comes out is refused
    or still passes every field check (the limit of GA 467's checksum, documented in the driver)."""
    raw = bytearray(GOOD)
    raw[a] ^= delta
    raw[b] ^= delta
    card = outcome(bytes(raw))
    assert card is None or card == CARD or well_formed(card)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.integers(0, len(GOOD) - 1), st.binary(min_size=1, max_size=8))
def test_inserted_bytes_never_give_another_card(pos: int, extra: bytes) -> None:
    raw = GOOD[:pos] + extra + GOOD[pos:]
    card = outcome(raw)
    if pos < 7:  # before or inside the header: at best the intact frame is found after the noise
        assert card is None or card == CARD
        return
    end = len(GOOD)  # the frame as its unchanged LEN delimits it, now shifted by the insertion
    if f.xor(raw[5 : end - 1]) != raw[end - 1]:
        assert card is None  # the checksum sees it: refused
    else:  # the checksum happens to match (1 in 256): the field checks are what is left
        assert card is None or card == CARD or well_formed(card)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.integers(0, len(GOOD) - 1), st.integers(1, 8))
def test_truncated_or_holed_answers_are_refused(pos: int, hole: int) -> None:
    assert outcome(GOOD[:pos]) is None
    assert outcome(GOOD[:pos] + GOOD[pos + hole :]) is None


@settings(derandomize=True, max_examples=300, deadline=None)
@given(
    st.binary(max_size=300),
    st.binary(max_size=300),
    st.lists(st.integers(1, 500), max_size=30),
)
def test_garbage_around_a_good_answer_and_any_chunking_give_the_card(
    before: bytes, after: bytes, chunks: list[int]
) -> None:
    card = outcome(before + GOOD + after, chunks)
    # garbage that happens to hold a whole valid frame first would be refused (not a read answer), never mistaken
    assert card == CARD or (card is None and f.PREAMBLE in before)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted(DEMO_CARDS)),
    st.sampled_from(sorted(NATIONS.values())),
    st.sampled_from(sorted(GENDERS.values())),
)
def test_every_card_type_round_trips(name: str, nation: str, gender: str) -> None:
    card = dataclasses.replace(DEMO_CARDS[name], gender=gender, fingerprint=None)
    if card.card_type == "resident":
        card = dataclasses.replace(card, nation=nation)
    answer = f.response(
        0x90,
        TEXT_BYTES.to_bytes(2, "big") + PHOTO_BYTES.to_bytes(2, "big") + encode_text(card) + card.photo_wlt,
    )
    assert outcome(answer) == card
