"""The driver against the simulated reader through sim://, a real TCP socket (socket://) and a real
pseudo-terminal: all four layouts, nations, 长期, faults, masking in output and logs."""

from __future__ import annotations

import logging
import os
import threading
import tty

import pytest

from app.devices.idcard import CardRemoved, FrameError, NoCard, ReaderTimeout, SamError, open_reader
from app.devices.idcard.layouts import NATIONS, decode_text, encode_text
from app.devices.idcard.peer import IdCardPeer
from app.devices.idcard.sim import DEMO_CARDS, SimPort, SimReader, get_sim


@pytest.mark.parametrize("name", sorted(DEMO_CARDS))
def test_every_layout_round_trips_through_the_reader(name: str) -> None:
    with open_reader(f"sim://rt-{name}?card={name}") as r:
        card = r.read_card()
    assert card == DEMO_CARDS[name]
    assert card.card_type == {"chen_j": "J", "smith_i": "I", "garcia_y": "Y"}.get(name, "resident")


def test_fields_of_a_resident_card() -> None:
    with open_reader("sim://fields?card=lisi") as r:
        card = r.read_card(fingerprint=True)
    assert (card.name, card.gender, card.nation, card.valid_to) == ("李四", "男", "壮", None)
    assert card.to_dict()["valid_to"] == "长期" and card.fingerprint is not None
    assert card.to_dict()["id_number"] == "440524********0014"
    assert card.to_dict(reveal=True)["id_number"] == "440524188001010014"
    assert len(card.photo_wlt) == 1024 and card.photo_png() is None


def test_the_56_nations_and_the_two_extra_codes() -> None:
    assert len(NATIONS) == 58 and NATIONS[1] == "汉" and NATIONS[56] == "基诺" and NATIONS[98] == "外国血统中国籍人士"
    base = DEMO_CARDS["zhangsan"]
    for nation in NATIONS.values():
        card = type(base)(**{**base.__dict__, "nation": nation})
        assert decode_text(encode_text(card), card.photo_wlt).nation == nation


def test_no_card_then_a_card_placed_on_the_same_device() -> None:
    with open_reader("sim://shared?card=none") as r:
        with pytest.raises(NoCard):
            r.read_card()
        get_sim("shared").place("wangfang")
        assert r.read_card().name == "王芳"


@pytest.mark.parametrize(
    ("fault", "error"),
    [("no_sam", SamError), ("bad_checksum", FrameError), ("truncated", FrameError), ("remove_mid_read", CardRemoved), ("timeout", ReaderTimeout)],
)
def test_faults_are_clear_errors_and_never_a_wrong_card(fault: str, error: type[Exception]) -> None:
    with open_reader(f"sim://fault-{fault}?card=zhangsan&fault={fault}", timeout_s=0.5) as r:
        with pytest.raises(error):
            r.read_card()


def test_garbage_on_the_line_is_skipped() -> None:
    with open_reader("sim://junk?card=zhangsan&fault=garbage") as r:
        assert r.read_card().name == "张三"


def test_over_a_real_socket() -> None:
    dev = SimReader(DEMO_CARDS["chen_j"])
    peer = IdCardPeer(dev).start()
    try:
        with open_reader(peer.url) as r:
            card = r.read_card()
            assert card.card_type == "J" and card.pass_number == "H12345678"
            assert r.sam_id().startswith("05.01-")
            dev.remove()
            with pytest.raises(NoCard):
                r.read_card()
    finally:
        peer.stop()


def test_over_a_pseudo_terminal() -> None:
    master, slave = os.openpty()
    tty.setraw(master)
    tty.setraw(slave)
    dev = SimReader(DEMO_CARDS["zhangsan"])
    stop = threading.Event()

    def firmware() -> None:  # the reader's end of the serial line
        line = SimPort(dev)
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

    t = threading.Thread(target=firmware, daemon=True)
    t.start()
    try:
        with open_reader(os.ttyname(slave)) as r:
            assert r.read_card().id_number == "11010519491231002X"
    finally:
        stop.set()
        t.join(2)
        os.close(master)
        os.close(slave)


def test_logs_never_hold_the_full_number(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="hall.device.idcard")
    with open_reader("sim://log?card=zhangsan") as r:
        card = r.read_card()
    assert "110105********002X" in caplog.text and "11010519491231002X" not in caplog.text
    assert "11010519491231002X" not in repr(card)


def test_unknown_demo_card_or_fault_in_the_url() -> None:
    with pytest.raises(Exception, match="unknown demo card"):
        open_reader("sim://x?card=nobody")
    with pytest.raises(Exception, match="unknown simulated fault"):
        open_reader("sim://x?fault=melting")


def test_a_port_that_does_not_exist() -> None:
    with pytest.raises(ReaderTimeout, match="cannot open"):
        open_reader("/dev/does-not-exist-ttyUSB9")
