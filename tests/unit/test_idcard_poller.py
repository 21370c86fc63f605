"""The polling thread, on readers that keep finding a card and on readers that stop finding it once read:
a card reported once while it lies there, its removal, the next card, a card swapped between two polls,
faults reported once per run, reconnection after an unplug, callbacks that raise, stop()."""

from __future__ import annotations

import queue
import re
import threading
import time
from collections.abc import Iterator

import pytest

from app.devices.idcard import CardPoller, IdCardReader, open_reader
from app.devices.idcard.sim import SimReader, get_sim

Event = tuple[str, str]


class Harness:
    def __init__(self, name: str, halt: bool, **kw: float) -> None:
        self.events: queue.Queue[Event] = queue.Queue()
        self.reader: IdCardReader = open_reader(f"sim://{name}?card=none&halt={int(halt)}", timeout_s=0.3)
        self.device: SimReader = get_sim(name)
        self.poller = CardPoller(
            self.reader,
            on_placed=lambda c: self.events.put(("placed", c.name)),
            on_removed=lambda: self.events.put(("removed", "")),
            on_error=lambda e: self.events.put(("error", type(e).__name__)),
            interval_s=kw.get("interval_s", 0.02),
            max_backoff_s=kw.get("max_backoff_s", 0.08),
        )

    def next(self, timeout: float = 3.0) -> Event:
        return self.events.get(timeout=timeout)

    def quiet_for(self, seconds: float) -> bool:
        time.sleep(seconds)
        return self.events.empty()

    def close(self) -> None:
        self.poller.stop()
        self.reader.close()


@pytest.fixture(params=[False, True], ids=["keeps-finding", "halting"])
def h(request: pytest.FixtureRequest) -> Iterator[Harness]:
    harness = Harness("poller-" + re.sub(r"[^a-z0-9]+", "-", request.node.name), halt=request.param)
    harness.poller.start()
    yield harness
    harness.close()


def test_placed_once_removed_placed_again(h: Harness) -> None:
    h.device.place("zhangsan")
    assert h.next() == ("placed", "张三")
    assert h.quiet_for(0.4)  # twenty polls while it lies there: no second report
    h.device.remove()
    assert h.next() == ("removed", "")
    assert h.quiet_for(0.2)
    h.device.place("lisi")
    assert h.next() == ("placed", "李四")
    h.device.remove()
    assert h.next() == ("removed", "")
    assert h.poller.halting is h.device.halt_after_read


def test_a_card_swapped_between_two_polls(h: Harness) -> None:
    h.device.place("zhangsan")
    assert h.next() == ("placed", "张三")
    h.device.place("wangfang")  # lifted and the next one put down within one poll
    assert h.next() == ("removed", "")
    assert h.next() == ("placed", "王芳")
    assert h.quiet_for(0.3)


def test_the_same_card_placed_again_on_a_halting_reader_is_a_new_placement() -> None:
    h = Harness("poller-replace", halt=True)
    h.poller.start()
    try:
        h.device.place("chen_j")
        assert h.next() == ("placed", "陈大文")
        deadline = time.monotonic() + 3
        while not h.poller.halting and time.monotonic() < deadline:  # learnt on the next poll
            time.sleep(0.01)
        h.device.place("chen_j")  # lifted and put down again between two polls
        assert [h.next(), h.next()] == [("removed", ""), ("placed", "陈大文")]
    finally:
        h.close()


def test_faults_reported_once_per_run_then_recovery(h: Harness) -> None:
    h.device.set_fault("no_sam")
    assert h.next() == ("error", "SamError")
    assert h.quiet_for(0.4)  # the same fault on every poll is not reported again
    h.device.set_fault("none")
    h.device.place("wangfang")
    assert h.next() == ("placed", "王芳")
    h.device.set_fault("timeout")
    assert h.next() == ("error", "ReaderTimeout")
    h.device.set_fault("none")
    h.device.remove()
    assert h.next() == ("removed", "")


def test_unplugged_reconnects_with_backoff(h: Harness) -> None:
    h.device.place("lisi")
    assert h.next() == ("placed", "李四")
    h.device.set_fault("unplugged")
    assert h.next() == ("error", "ReaderUnavailable")  # the line failed
    assert h.next() == (
        "error",
        "ReaderUnavailable",
    )  # reopening fails too (another message)
    assert h.quiet_for(0.3)  # further attempts: the same message, not repeated
    h.device.set_fault("none")
    h.device.remove()  # lifted while the reader was away
    assert h.next() == ("removed", "")
    h.device.place("smith_i")
    assert h.next() == ("placed", "史密斯")


def test_a_card_refused_by_the_sam_is_reported_and_retried(h: Harness) -> None:
    h.device.sw3_override = {(0x30, 0x01): 0x31}  # card authentication failed
    h.device.place("zhangsan")
    assert h.next() == ("error", "SamError")
    h.device.sw3_override = {}
    assert h.next() == ("placed", "张三")


def test_a_callback_that_raises_does_not_stop_the_thread(
    caplog: pytest.LogCaptureFixture,
) -> None:
    events: queue.Queue[str] = queue.Queue()

    def placed(card: object) -> None:
        events.put("placed")
        raise RuntimeError("a bug in the GUI")

    reader = open_reader("sim://poller-raise?card=none", timeout_s=0.3)
    poller = CardPoller(reader, on_placed=placed, interval_s=0.02).start()
    dev = get_sim("poller-raise")
    try:
        dev.place("lisi")
        assert events.get(timeout=3) == "placed"
        dev.remove()
        time.sleep(0.1)
        dev.place("lisi")
        assert events.get(timeout=3) == "placed"
        assert poller.running
        assert "the on_placed callback failed" in caplog.text or "callback failed" in caplog.text
    finally:
        poller.stop()
        reader.close()


def test_stop_ends_the_thread_promptly() -> None:
    reader = open_reader("sim://poller-stop?card=zhangsan", timeout_s=0.3)
    poller = CardPoller(reader, on_placed=lambda c: None, interval_s=5.0).start()
    time.sleep(0.05)
    t0 = time.monotonic()
    poller.stop()
    assert not poller.running and time.monotonic() - t0 < 1.0
    assert not [t for t in threading.enumerate() if t.name == "hall-idcard" and t.is_alive()]
    reader.close()
