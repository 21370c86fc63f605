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


def _deliver(callback: Callable[[Any], None], value: Any) -> None:
    """Hand a result to the window that asked; a window closed in the meantime simply misses it."""
    try:
        callback(value)
    except RuntimeError as exc:
        if "already deleted" not in str(exc):
            raise
        log.info("background result dropped: its window is gone")


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    relay = _Relay()
    _keep.add(relay)

    def finished(result: Any) -> None:
        _keep.discard(relay)
        _deliver(on_done, result)

    def failed(exc: BaseException) -> None:
        _keep.discard(relay)
        if on_error is not None:
            _deliver(on_error, exc)

    relay.done.connect(finished)
    relay.failed.connect(failed)
    QThreadPool.globalInstance().start(_Job(fn, relay))
