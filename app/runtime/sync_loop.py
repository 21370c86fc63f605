"""Replication that runs by itself: `SyncEngine.sync_once()` on its own thread, at once when woken (every
local commit made through the runtime's executor wakes it), else every `interval` s while online and with
a growing pause (up to `max_backoff` s) while the center is down. It runs from the terminal's start to its
end, whoever is logged in."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Protocol

from app.sync.engine import SyncStatus

log = logging.getLogger("hall.sync")


class Syncs(Protocol):
    def sync_once(self) -> SyncStatus: ...


class SyncLoop:
    def __init__(
        self,
        engine: Syncs,
        *,
        interval: float = 5.0,
        max_backoff: float = 30.0,
        name: str = "hall-sync",
    ) -> None:
        self.engine, self.interval, self.max_backoff = engine, interval, max_backoff
        self._stop, self._wake = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.listeners: list[Callable[[SyncStatus], None]] = []
        self.rounds = 0
        self.round_started = 0.0  # time.perf_counter() when the last round began (tests, benchmarks)

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def start(self) -> SyncLoop:
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    def wake(self) -> None:
        self._wake.set()

    @property
    def running(self) -> bool:
        return self._thread.is_alive() and not self._stop.is_set()

    def _run(self) -> None:
        delay = self.interval
        while not self._stop.is_set():
            self._wake.clear()  # before the round: a commit during it wakes the next one
            self.round_started = time.perf_counter()
            try:
                status = self.engine.sync_once()
            except Exception:  # a bug in a round must not end replication
                log.exception("sync round failed")
                delay = min(max(delay * 2, 1.0), self.max_backoff)
            else:
                self.rounds += 1
                for listener in list(self.listeners):
                    try:
                        listener(status)
                    except Exception:
                        log.exception("sync status listener failed")
                delay = self.interval if status.online else min(max(delay * 2, 1.0), self.max_backoff)
            if self._stop.is_set():
                return
            self._wake.wait(delay)
