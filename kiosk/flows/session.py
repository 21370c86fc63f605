"""One citizen's visit at the kiosk: the open flow, elderly mode, language, and the idle timeout that
sends the kiosk home and wipes the visit. Time comes from a clock function, so tests step it."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from kiosk.flows.base import Flow

log = logging.getLogger("hall.kiosk")


class KioskSession:
    def __init__(
        self,
        *,
        idle_timeout_s: float = 60,
        warning_s: float = 15,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.idle_timeout_s, self.warning_s, self.clock = idle_timeout_s, warning_s, clock
        self.flow: Flow | None = None
        self.elderly = False
        self.language = "zh_CN"
        self.last_touch = clock()
        self.timeouts = 0

    def start(self, flow: Flow) -> Flow:
        self.end()
        self.flow = flow
        self.touch()
        return flow

    def touch(self) -> None:
        self.last_touch = self.clock()

    def remaining(self) -> float:
        return self.idle_timeout_s - (self.clock() - self.last_touch)

    def countdown(self) -> int | None:
        """Seconds to show while the visit is about to time out; None when no countdown is due."""
        if self.flow is None and not self.elderly and self.language == "zh_CN":
            return None  # at home with defaults: nothing to time out
        left = self.remaining()
        return max(0, int(left + 0.999)) if left <= self.warning_s else None

    def tick(self) -> bool:
        """Call every second; True when the visit timed out and was wiped (the page goes home)."""
        if self.flow is None and not self.elderly and self.language == "zh_CN":
            return False
        if self.remaining() > 0:
            return False
        log.info("kiosk idle timeout: visit wiped")
        self.timeouts += 1
        self.end()
        self.elderly, self.language = False, "zh_CN"
        return True

    def end(self) -> None:
        if self.flow is not None:
            self.flow.wipe()
        self.flow = None
        self.touch()
