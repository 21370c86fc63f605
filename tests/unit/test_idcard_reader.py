"""The driver against the simulated reader through sim://, a real TCP socket (socket://), a real
pseudo-terminal and pyserial's loop://: the four layouts (against hand-built text blocks, not only the
simulator's encoder), nations and genders, 长期, faults, late answers, reconnecting, and the ID number
masked in to_dict, repr and every log line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import threading
import time
import tty
from collections.abc import Iterator

import pytest

from app.devices.idcard import (
    CardRemoved,
    FrameError,
    IdCard,
    IdCardError,
    NoCard,
    ReaderTimeout,
    ReaderUnavailable,
    SamError,
    open_reader,
    set_photo_decoder,
)
from app.devices.idcard import frames as f
from app.devices.idcard.layouts import GENDERS, NATIONS, decode_text, encode_text
from app.devices.idcard.peer import IdCardPeer
from app.devices.idcard.reader import IdCardReader
from app.devices.idcard.sim import DEMO_CARDS, SAM_ID_TEXT, SimReader, get_sim

TYPES = {
    "zhangsan": "resident",
    "lisi": "resident",
    "wangfang": "resident",
    "chen_j": "J",
    "smith_i": "I",
    "garcia_y": "Y",
}


def ucs2(value: str, width: int) -> bytes:
    raw = value.encode("utf-16-le")
    assert len(raw) <= width
    return raw + b" \x00" * ((width - len(raw)) // 2)


def block(*fields: tuple[str, int]) -> bytes:
    out = b"".join(ucs2(v, w) for v, w in fields)
    assert len(out) == 256
    return out


# ---- the layouts, from the published field widths
def test_a_resident_card_block() -> None:
    text = block(("张三", 30), ("1", 2), ("01", 4), ("19491231", 16), ("北京市朝阳区建国路88号", 70),
                 ("11010519491231002X", 36), ("北京市公安局朝阳分局", 30), ("20150301", 16), ("20350301", 16), ("", 36))  # fmt: skip
    card = decode_text(text)
    assert (card.card_type, card.name, card.gender, card.nation) == (
        "resident",
        "张三",
        "男",
        "汉",
    )
    assert (card.birth, card.valid_from, card.valid_to) == (
        dt.date(1949, 12, 31),
        dt.date(2015, 3, 1),
        dt.date(2035, 3, 1),
    )
    assert (card.address, card.authority, card.id_number) == (
        "北京市朝阳区建国路88号",
        "北京市公安局朝阳分局",
        "11010519491231002X",
    )
    assert encode_text(card) == text


def test_a_long_term_resident_card_block() -> None:
    text = block(("王芳", 30), ("2", 2), ("08", 4), ("19920315", 16), ("江西省赣州市", 70), ("36070219920315002X", 36),
                 ("赣州市公安局", 30), ("20200801", 16), ("长期", 16), ("", 36))  # fmt: skip
    card = decode_text(text)
    assert (card.gender, card.nation, card.valid_to) == ("女", "壮", None)
    assert card.to_dict()["valid_to"] == "长期"


def test_a_residence_permit_block_type_j() -> None:
    text = block(("陈大文", 30), ("1", 2), ("", 4), ("19940823", 16), ("广东省深圳市福田区福华路1号", 70),
                 ("810000199408230021", 36), ("深圳市公安局", 30), ("20210105", 16), ("20260105", 16),
                 ("H12345678", 18), ("03", 4), ("", 6), ("J", 2), ("", 6))  # fmt: skip
    assert text[248:250] == b"J\x00"
    card = decode_text(text)
    assert (card.card_type, card.name, card.id_number, card.pass_number, card.issue_count) == (
        "J", "陈大文", "810000199408230021", "H12345678", 3)  # fmt: skip
    assert card.nation == "" and card.valid_to == dt.date(2026, 1, 5)
    assert encode_text(card) == text


def test_a_foreign_permanent_resident_block_type_i() -> None:
    text = block(("SMITH, JOHN", 120), ("1", 2), ("USA310080060101", 30), ("USA", 6), ("史密斯", 30),
                 ("20180601", 16), ("20280601", 16), ("19800601", 16), ("01", 4), ("1500", 8), ("I", 2), ("", 6))  # fmt: skip
    card = decode_text(text)
    assert (card.card_type, card.english_name, card.name, card.nationality) == (
        "I",
        "SMITH, JOHN",
        "史密斯",
        "USA",
    )
    assert (card.id_number, card.birth, card.authority) == (
        "USA310080060101",
        dt.date(1980, 6, 1),
        "1500",
    )
    assert encode_text(card) == text


def test_a_2023_permanent_resident_block_type_y() -> None:
    text = block(("GARCIA, MARIA", 70), ("2", 2), ("944724199002020026", 36), ("ESP", 6), ("", 30),
                 ("20240201", 16), ("20340201", 16), ("19900202", 16), ("01", 4), ("1500", 8), ("", 44), ("Y", 2), ("", 6))  # fmt: skip
    card = decode_text(text)
    assert (card.card_type, card.english_name, card.nationality, card.gender) == (
        "Y",
        "GARCIA, MARIA",
        "ESP",
        "女",
    )
    assert card.name == "GARCIA, MARIA"  # no Chinese name on this card: the English one stands in
    assert encode_text(card) == text


@pytest.mark.parametrize(
    ("field", "value", "why"),
    [
        ("id_number", "110105194912310021", "check digit"),  # one digit off
        (
            "id_number",
            "11010519491230002X",
            "check digit",
        ),  # another birth date than the card's
        ("birth", "19491331", "birth date"),
        ("valid_to", "2035030", "expiry date"),
        ("valid_to", "20100101", "expires before"),
        ("gender", "3", "gender"),
        ("nation", "57", "nation"),
        ("nation", "", "nation"),
        ("name", "", "no name"),
    ],
)
def test_a_field_that_cannot_be_is_a_frame_error(field: str, value: str, why: str) -> None:
    widths = {"name": 30, "gender": 2, "nation": 4, "birth": 16, "address": 70, "id_number": 36, "authority": 30,
              "valid_from": 16, "valid_to": 16, "reserved": 36}  # fmt: skip
    values = {"name": "张三", "gender": "1", "nation": "01", "birth": "19491231", "address": "北京", "id_number": "11010519491231002X",
              "authority": "北京", "valid_from": "20150301", "valid_to": "20350301", "reserved": ""}  # fmt: skip
    values[field] = value
    with pytest.raises(FrameError, match=why):
        decode_text(block(*((values[k], w) for k, w in widths.items())))


def test_text_that_is_not_ucs2_or_not_printable() -> None:
    good = encode_text(DEMO_CARDS["zhangsan"])
    with pytest.raises(FrameError, match="UCS-2"):
        decode_text(good[:2] + b"\x00\xd8" + good[4:])  # a lone surrogate in the name
    with pytest.raises(FrameError, match="control"):
        decode_text(good[:2] + b"\x07\x00" + good[4:])
    with pytest.raises(FrameError, match="256"):
        decode_text(good[:200])


def test_the_56_nations_and_the_two_extra_codes() -> None:
    assert len(NATIONS) == 58 and [NATIONS[c] for c in (1, 8, 10, 56, 97, 98)] == [
        "汉",
        "壮",
        "朝鲜",
        "基诺",
        "其他",
        "外国血统中国籍人士",
    ]
    assert sorted(NATIONS) == [*range(1, 57), 97, 98]
    base = DEMO_CARDS["zhangsan"]
    for code, nation in NATIONS.items():
        text = encode_text(dataclasses.replace(base, nation=nation))
        assert text[32:36] == f"{code:02d}".encode("utf-16-le")
        assert decode_text(text, base.photo_wlt, base.fingerprint) == dataclasses.replace(base, nation=nation)


def test_the_four_gender_codes() -> None:
    assert GENDERS == {"0": "未知", "1": "男", "2": "女", "9": "未说明"}
    base = DEMO_CARDS["lisi"]
    for code, gender in GENDERS.items():
        text = encode_text(dataclasses.replace(base, gender=gender))
        assert text[30:32] == code.encode("utf-16-le")
        assert decode_text(text, base.photo_wlt).gender == gender


# ---- reading through the simulated reader
@pytest.mark.parametrize("name", sorted(DEMO_CARDS))
def test_every_demo_card_round_trips_through_the_reader(name: str) -> None:
    with open_reader(f"sim://rt-{name}?card={name}") as r:
        card = r.read_card()
        with_fp = r.read_card(fingerprint=True)
    assert card == dataclasses.replace(DEMO_CARDS[name], fingerprint=None)
    assert with_fp == DEMO_CARDS[name]
    assert card.card_type == TYPES[name] and len(card.photo_wlt) == 1024


def test_fields_fingerprint_and_extra_address() -> None:
    with open_reader("sim://fields?card=zhangsan") as r:
        card = r.read_card(fingerprint=True)
        assert r.read_extra_address() == "北京市海淀区中关村大街27号"
    assert card.fingerprint is not None and len(card.fingerprint) == 1024
    with open_reader("sim://fields?card=lisi") as r:
        card = r.read_card(fingerprint=True)
        assert r.read_extra_address() is None  # SW3 0x91: no content
    assert (card.name, card.gender, card.nation, card.fingerprint) == (
        "李四",
        "男",
        "壮",
        None,
    )


def test_to_dict_masks_the_number_unless_revealed() -> None:
    card = DEMO_CARDS["wangfang"]
    d = card.to_dict()
    assert d["id_number"] == "360702********002X" and d["valid_to"] == "长期" and d["photo_bytes"] == 1024
    assert "photo_wlt" not in d and "36070219920315002X" not in str(d)
    assert card.to_dict(reveal=True)["id_number"] == "36070219920315002X"
    assert card.masked_id() == "360702********002X"
    assert "36070219920315002X" not in repr(card) and "36070219920315002X" not in str(card)


def test_the_photo_decoder_hook() -> None:
    card = DEMO_CARDS["zhangsan"]
    assert card.photo_png() is None  # WLT is the vendor's format: nothing without a decoder
    set_photo_decoder(lambda wlt: b"\x89PNG" + bytes([len(wlt) % 256]))
    try:
        assert card.photo_png() == b"\x89PNG\x00"
    finally:
        set_photo_decoder(None)
    assert card.photo_png() is None


def test_no_card_then_a_card_placed_on_the_very_device() -> None:
    with open_reader("sim://shared?card=none") as r:
        with pytest.raises(NoCard):
            r.read_card()
        get_sim("shared").place("wangfang")
        assert r.read_card().name == "王芳"
        get_sim("shared").place(DEMO_CARDS["chen_j"])
        assert r.read_card().card_type == "J"


def test_a_reader_that_stops_finding_a_card_once_read() -> None:
    with open_reader("sim://halting?card=lisi&halt=1") as r:
        assert r.read_card().name == "李四"
        assert not r.find()  # still lying there, but no longer "found"
        assert r.read_card().name == "李四"  # select sees it: read again
        get_sim("halting").remove()
        with pytest.raises(NoCard):
            r.read_card()


@pytest.mark.parametrize(
    ("fault", "error", "message"),
    [
        ("no_sam", SamError, "self-check"),
        ("bad_checksum", FrameError, "checksum"),
        ("truncated", FrameError, "truncated"),
        ("remove_mid_read", CardRemoved, "removed"),
        ("timeout", ReaderTimeout, "did not answer"),
    ],
)
def test_faults_are_clear_errors_never_a_card(fault: str, error: type[Exception], message: str) -> None:
    t0 = time.monotonic()
    with (
        open_reader(f"sim://fault-{fault}?card=zhangsan&fault={fault}", timeout_s=0.5) as r,
        pytest.raises(error, match=message),
    ):
        r.read_card()
    assert time.monotonic() - t0 < 2.0  # never hangs


def test_after_a_removal_mid_read_the_reader_is_empty() -> None:
    with open_reader("sim://mid?card=lisi&fault=remove_mid_read") as r:
        with pytest.raises(CardRemoved):
            r.read_card()
        get_sim("mid").set_fault("none")
        with pytest.raises(NoCard):
            r.read_card()


def test_garbage_on_the_line_is_skipped(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="hall.device.idcard")
    with open_reader("sim://junk?card=chen_j&fault=garbage") as r:
        assert r.read_card() == dataclasses.replace(DEMO_CARDS["chen_j"], fingerprint=None)
        assert r.sam_id() == SAM_ID_TEXT
    assert "skipped 14 stray byte(s)" in caplog.text


def test_a_late_answer_is_never_taken_for_the_next_one() -> None:
    """The reader answers a read after the driver gave up; meanwhile another card lies there. The late
    answer (the first card) must not come out as the second card's: an error, then the right card."""
    dev = get_sim("late")
    with open_reader("sim://late?card=zhangsan&read_delay=0.4", timeout_s=0.2) as r:
        with pytest.raises(ReaderTimeout):
            r.read_card()
        dev.read_delay_s = 0.0
        dev.place("lisi")
        outcomes: list[str] = []
        for _ in range(3):
            try:
                outcomes.append(r.read_card().name)
            except IdCardError as exc:
                outcomes.append(type(exc).__name__)
        assert "张三" not in outcomes and outcomes[-1] == "李四"


def test_a_late_answer_does_not_shift_the_answers_after_it() -> None:
    """The find answer comes just after the driver gave up: the next read still works at once (what came
    in before a command is dropped, so answers never stay one behind their commands)."""
    dev = get_sim("drain")
    with open_reader("sim://drain?card=lisi", timeout_s=0.2) as r:
        dev.delays = {f.FIND_CARD: 0.22}
        with pytest.raises(ReaderTimeout):
            r.read_card()
        dev.delays = {}
        time.sleep(0.3)  # the late answer is in the line now (on a loaded machine too), before the next command
        assert r.read_card().name == "李四"


class Answers:
    """A stand-in for the serial port: answers each command with the next of the given frames."""

    def __init__(self, *answers: bytes) -> None:
        self.answers, self.pending, self.timeout = list(answers), b"", 0.0

    def write(self, data: bytes, /) -> int:
        self.pending += self.answers.pop(0) if self.answers else b""
        return len(data)

    def read(self, size: int = 1) -> bytes:
        out, self.pending = self.pending[:size], self.pending[size:]
        return out

    def reset_input_buffer(self) -> None:
        pass

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    ("lengths", "extra", "why"),
    [
        (
            (256, 1024),
            -100,
            "does not match its block lengths",
        ),  # a photo 100 bytes short
        ((256, 1024), 3, "does not match its block lengths"),  # 3 bytes too many
        ((256, 1000), -24, "unexpected block lengths"),
        ((255, 1024), -1, "unexpected block lengths"),
    ],
)
def test_a_read_answer_must_have_the_lengths_it_announces(
    lengths: tuple[int, int], extra: int, why: str
) -> None:
    card = DEMO_CARDS["lisi"]
    data = encode_text(card) + card.photo_wlt
    data = data[:extra] if extra < 0 else data + bytes(extra)
    answer = f.response(0x90, lengths[0].to_bytes(2, "big") + lengths[1].to_bytes(2, "big") + data)
    reader = IdCardReader(
        Answers(f.response(0x9F, bytes(4)), f.response(0x90, bytes(8)), answer),
        timeout_s=0.1,
    )
    with pytest.raises(FrameError, match=why):
        reader.read_card()


def test_find_and_select_answers_must_be_theirs() -> None:
    wrong = [f.response(0x90, bytes(4)), f.response(0x9F, bytes(5))]
    for answer in wrong:
        with pytest.raises(FrameError):
            IdCardReader(Answers(answer), timeout_s=0.1).read_card()
    with pytest.raises(FrameError, match="expected 8"):
        IdCardReader(
            Answers(f.response(0x9F, bytes(4)), f.response(0x90, bytes(16))),
            timeout_s=0.1,
        ).read_card()


def test_a_reader_that_answers_no_content_to_the_fingerprint_read() -> None:
    """Some readers answer 30 10 with SW3 0x91 for a card without fingerprints: read text and photo instead."""
    with open_reader("sim://nofp?card=wangfang&sw3=3010:91") as r:
        card = r.read_card(fingerprint=True)
    assert card.name == "王芳" and card.fingerprint is None
    assert get_sim("nofp").commands[-2:] == [f.READ_WITH_FINGERPRINT, f.READ_TEXT_PHOTO]


def test_bytes_are_paced_at_the_line_speed() -> None:
    """sim://…&baud=: a full read takes the wire time of its 1,359 bytes at 115200 baud (118 ms)."""
    with open_reader("sim://paced?card=zhangsan&baud=115200") as r:
        r.read_card()
        t0 = time.perf_counter()
        r.read_card()
        took = time.perf_counter() - t0
    assert 0.118 <= took < 2.0


def test_unplugged_and_plugged_again() -> None:
    dev = get_sim("plug")
    with open_reader("sim://plug?card=lisi") as r:
        dev.set_fault("unplugged")
        with pytest.raises(ReaderUnavailable, match="lost"):
            r.read_card()
        with pytest.raises(ReaderUnavailable, match="unplugged"):
            r.reopen()
        dev.set_fault("none")
        r.reopen()
        assert r.read_card().name == "李四"
    with pytest.raises(ReaderUnavailable, match="unplugged"):
        open_reader("sim://plug?fault=unplugged")


def test_sam_status_id_and_reset() -> None:
    with open_reader("sim://sam") as r:
        assert r.sam_status() is True
        r.reset()
        assert r.sam_id() == SAM_ID_TEXT == "05.01-20101218-0052026363-1405060838"


# ---- real transports
def test_over_a_real_socket() -> None:
    dev = SimReader("chen_j")
    with IdCardPeer("127.0.0.1", 0, dev) as peer:
        with open_reader(peer.url, timeout_s=1) as r:
            card = r.read_card()
            assert card.card_type == "J" and card.pass_number == "H12345678" and card.issue_count == 1
            assert r.sam_id() == SAM_ID_TEXT
            dev.remove()
            with pytest.raises(NoCard):
                r.read_card()
            dev.place("smith_i")
            assert r.read_card().english_name == "SMITH, JOHN"
            dev.set_fault("unplugged")  # the peer drops the connection
            with pytest.raises(ReaderUnavailable):
                r.read_card()
            dev.set_fault("none")
            r.reopen()
            assert r.read_card().nationality == "USA"


def test_a_socket_nobody_listens_on() -> None:
    with IdCardPeer("127.0.0.1", 0, SimReader()) as peer:
        url = peer.url
    with pytest.raises(ReaderUnavailable, match="cannot open"):
        open_reader(url)


@pytest.fixture
def pty_reader() -> Iterator[tuple[str, SimReader]]:
    """A pseudo-terminal whose far end is the simulated reader's firmware: the driver opens a real tty."""
    master, slave = os.openpty()
    tty.setraw(master)
    tty.setraw(slave)
    dev = SimReader("zhangsan")
    stop = threading.Event()

    def firmware() -> None:
        line = dev.connect()
        line.timeout = 0
        os.set_blocking(master, False)
        while not stop.is_set():
            try:
                data = os.read(master, 4096)
            except BlockingIOError:
                data = b""
            if data:
                line.write(data)
            out = line.read(4096)
            if out:
                os.write(master, out)
            elif not data:
                time.sleep(0.001)

    t = threading.Thread(target=firmware, daemon=True)
    t.start()
    try:
        yield os.ttyname(slave), dev
    finally:
        stop.set()
        t.join(2)
        os.close(master)
        os.close(slave)


def test_over_a_pseudo_terminal(pty_reader: tuple[str, SimReader]) -> None:
    path, dev = pty_reader
    with open_reader(path) as r:
        assert r.read_card().id_number == "11010519491231002X"
        dev.place("garcia_y")
        assert r.read_card(fingerprint=True).card_type == "Y"


def test_loop_url_echoes_our_command_and_is_named_as_such() -> None:
    with open_reader("loop://", timeout_s=0.3) as r:
        with pytest.raises(ReaderTimeout, match="only our own command came back"):
            r.read_card()


def test_a_port_that_does_not_exist() -> None:
    with pytest.raises(ReaderUnavailable, match="cannot open the reader at /dev/does-not-exist-ttyUSB9"):
        open_reader("/dev/does-not-exist-ttyUSB9")
    with pytest.raises(ReaderUnavailable, match="no reader port"):
        open_reader("")


def test_unknown_demo_card_fault_or_parameter_in_the_url() -> None:
    with pytest.raises(IdCardError, match="unknown demo card"):
        open_reader("sim://x?card=nobody")
    with pytest.raises(IdCardError, match="unknown simulated fault"):
        open_reader("sim://x?fault=melting")
    with pytest.raises(IdCardError, match="unknown sim:// parameter"):
        open_reader("sim://x?colour=red")


# ---- privacy
def test_logs_never_hold_a_full_number(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="hall.device.idcard")
    numbers = [c.id_number for c in DEMO_CARDS.values()]
    errors: list[str] = []
    with open_reader("sim://log?card=zhangsan") as r:
        for name in DEMO_CARDS:
            get_sim("log").place(name)
            r.read_card(fingerprint=True)
        bad = dataclasses.replace(
            DEMO_CARDS["zhangsan"], id_number="110105194912310021"
        )  # fails its check digit
        get_sim("log").place(bad)
        with pytest.raises(FrameError) as info:
            r.read_card()
        errors.append(str(info.value))
    assert "110105********002X" in caplog.text
    for number in [*numbers, bad.id_number]:
        assert number not in caplog.text and all(number not in e for e in errors)


def test_an_idcard_is_frozen() -> None:
    card = DEMO_CARDS["zhangsan"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        card.name = "李四"  # type: ignore[misc]
    assert isinstance(card, IdCard) and f.PREAMBLE == b"\xaa\xaa\xaa\x96\x69"
