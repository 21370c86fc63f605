"""DLE EOT status bytes: parsing each condition and the errors and warnings they lead to."""

from __future__ import annotations

import pytest

from printers.escpos.errors import (
    CoverOpen,
    PaperNearEnd,
    PaperOut,
    PrinterError,
    PrinterFault,
    PrinterOffline,
)
from printers.escpos.status import PrinterStatus, parse_status, raise_for_status, status_bytes
from tests.support.lang import en, zh

READY = (0x12, 0x12, 0x12, 0x12)


def test_ready_printer() -> None:
    status = parse_status(*READY)
    assert status.online and status.ok
    assert not (status.cover_open or status.paper_out or status.paper_near_end or status.has_error)
    assert status.raw == bytes(READY)
    assert raise_for_status(status) == []
    assert zh(status.describe()) == "正常" and en(status.describe()) == "ready"


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ((0x1A, 0x12, 0x12, 0x12), "offline"),
        ((0x1A, 0x16, 0x12, 0x12), "cover_open"),
        ((0x1A, 0x32, 0x12, 0x72), "paper_out"),
        ((0x12, 0x12, 0x12, 0x72), "paper_out"),  # roll sensor alone says paper end
        ((0x12, 0x12, 0x12, 0x1E), "paper_near_end"),
        ((0x1A, 0x52, 0x1A, 0x12), "cutter_error"),
        ((0x1A, 0x52, 0x32, 0x12), "unrecoverable_error"),
        ((0x1A, 0x52, 0x52, 0x12), "auto_recoverable_error"),
        ((0x52, 0x12, 0x12, 0x12), "feed_button"),
    ],
)
def test_each_condition_is_parsed(answers: tuple[int, int, int, int], field: str) -> None:
    status = parse_status(*answers)
    flags = {
        "offline": not status.online,
        "cover_open": status.cover_open,
        "paper_out": status.paper_out,
        "paper_near_end": status.paper_near_end,
        "cutter_error": status.cutter_error,
        "unrecoverable_error": status.unrecoverable_error,
        "auto_recoverable_error": status.auto_recoverable_error,
        "feed_button": status.feed_button,
    }
    assert flags.pop(field) is True
    if field in ("cover_open", "paper_out") and answers[0] == 0x1A:
        flags.pop("offline")
    if field.endswith("error"):
        flags.pop("offline")
    assert not any(flags.values()), flags


@pytest.mark.parametrize(
    ("answers", "error", "words"),
    [
        ((0x1A, 0x32, 0x12, 0x72), PaperOut, "缺纸"),
        ((0x1A, 0x16, 0x12, 0x12), CoverOpen, "上盖"),
        ((0x1A, 0x12, 0x12, 0x12), PrinterOffline, "离线"),
        ((0x1A, 0x52, 0x1A, 0x12), PrinterFault, "切刀"),
        ((0x1A, 0x52, 0x52, 0x12), PrinterFault, "过热"),
    ],
)
def test_bad_states_raise_plain_errors(
    answers: tuple[int, int, int, int], error: type[PrinterError], words: str
) -> None:
    with pytest.raises(error) as err:
        raise_for_status(parse_status(*answers))
    assert words in zh(err.value)  # a message: Chinese in Chinese mode, English in English mode
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in en(err.value)), en(err.value)


def test_cover_open_is_an_offline_kind() -> None:
    assert issubclass(CoverOpen, PrinterOffline)


def test_near_end_warns_by_default_and_raises_on_request() -> None:
    status = parse_status(0x12, 0x12, 0x12, 0x1E)
    warnings = raise_for_status(status)
    assert len(warnings) == 1 and "即将用完" in zh(warnings[0]) and "nearly used up" in en(warnings[0])
    with pytest.raises(PaperNearEnd):
        raise_for_status(status, fail_on_near_end=True)


@pytest.mark.parametrize("bad", [0x00, 0xFF, 0x13, 0x92, 0x10])
def test_bytes_off_the_fixed_pattern_are_refused(bad: int) -> None:
    with pytest.raises(PrinterError, match="DLE EOT 3"):
        parse_status(0x12, 0x12, bad, 0x12)


@pytest.mark.parametrize(
    "status",
    [
        PrinterStatus(online=True),
        PrinterStatus(online=True, paper_near_end=True),
        PrinterStatus(online=False, paper_out=True),
        PrinterStatus(online=False, cover_open=True),
        PrinterStatus(online=False, cutter_error=True),
    ],
)
def test_status_bytes_round_trip(status: PrinterStatus) -> None:
    answers = status_bytes(status)
    again = parse_status(answers[1], answers[2], answers[3], answers[4])
    assert (
        again.online,
        again.paper_out,
        again.paper_near_end or again.paper_out,
        again.cover_open,
        again.cutter_error,
    ) == (
        status.online,
        status.paper_out,
        status.paper_near_end or status.paper_out,
        status.cover_open,
        status.cutter_error,
    )


def test_a_status_of_several_conditions_reads_in_either_language() -> None:
    status = parse_status(0x1A, 0x32, 0x12, 0x72)  # offline, because the paper is out
    assert zh(status.describe()) == "离线，缺纸"
    assert en(status.describe()) == "offline, paper out"
