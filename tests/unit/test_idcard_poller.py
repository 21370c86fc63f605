"""The polling thread: a card reported once while it lies there, its removal, the next card, faults."""

from __future__ import annotations

import queue

from app.devices.idcard import CardPoller, open_reader
from app.devices.idcard.sim import get_sim


def test_placed_once_removed_placed_again_and_faults() -> None:
    events: queue.Queue[tuple[str, str]] = queue.Queue()
    reader = open_reader("sim://poller?card=none", timeout_s=0.5)
    poller = CardPoller(
        reader,
        on_placed=lambda c: events.put(("placed", c.name)),
        on_removed=lambda: events.put(("removed", "")),
        on_error=lambda e: events.put(("error", type(e).__name__)),
        interval_s=0.02,
        max_backoff_s=0.05,
    ).start()
    dev = get_sim("poller")
    try:
        dev.place("zhangsan")
        assert events.get(timeout=3) == ("placed", "张三")
        # many polls while it lies there: no second report
        import time

        time.sleep(0.3)
        assert events.empty()
        dev.remove()
        assert events.get(timeout=3) == ("removed", "")
        dev.place("lisi")
        assert events.get(timeout=3) == ("placed", "李四")
        dev.remove()
        assert events.get(timeout=3) == ("removed", "")
        dev.fault = "no_sam"
        assert events.get(timeout=3) == ("error", "SamError")
        dev.fault = "none"
        dev.place("wangfang")
        while (got := events.get(timeout=3))[0] == "error":
            pass
        assert got == ("placed", "王芳")
    finally:
        poller.stop()
        reader.close()
