"""Blocking work (HTTP, database, files) off the GUI thread: run a callable on Qt's thread pool and get
its result or its error back on the GUI thread through signals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger("hall.ui")


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the caller's error slot on the GUI thread
            log.info("background task failed: %s", exc)
            self._emit(self.relay.failed, exc)
            return
        self._emit(self.relay.done, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the window that asked closed meanwhile (application quitting)
            log.info("background result dropped: its receiver is gone")


_keep: set[_Relay] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    relay = _Relay()
    _keep.add(relay)

    def finished(result: Any) -> None:
        _keep.discard(relay)
        on_done(result)

    def failed(exc: BaseException) -> None:
        _keep.discard(relay)
        if on_error is not None:
            on_error(exc)

    relay.done.connect(finished)
    relay.failed.connect(failed)
    QThreadPool.globalInstance().start(_Job(fn, relay))
