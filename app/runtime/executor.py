"""One worker thread that runs jobs one after another, in the order they were submitted.

Everything that touches a terminal's cache or its state goes through it, so two key presses can never
act on the same state at once: the second runs when the first is done. A job's failure is its Future's
exception; an unexpected one (a bug, not a HallError) is logged with its traceback here."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from app.errors import HallError

T = TypeVar("T")
log = logging.getLogger("hall.runtime")
_STOP = object()


class ExecutorClosed(HallError):
    def __init__(self, name: str) -> None:
        super().__init__(f"{name} is closed", code="executor_closed")


def log_failure(what: str, exc: BaseException) -> None:
    """Known operational errors in one line; anything else with its traceback."""
    if isinstance(exc, HallError):
        log.info("%s failed: %s", what, exc)
    else:
        log.error("%s failed", what, exc_info=(type(exc), exc, exc.__traceback__))


class SerialExecutor:
    def __init__(self, name: str = "hall-terminal") -> None:
        self.name = name
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def on_thread(self) -> bool:
        return threading.current_thread() is self._thread

    def submit(self, fn: Callable[[], T], what: str = "") -> Future[T]:
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise ExecutorClosed(self.name)
            self._jobs.put((fn, future, what or getattr(fn, "__name__", "job")))
        return future

    def call(self, fn: Callable[[], T], timeout: float | None = None) -> T:
        """Run `fn` on the executor and wait for it (never from the executor itself: it would wait forever)."""
        if self.on_thread():
            return fn()
        return self.submit(fn).result(timeout)

    def close(self, wait: bool = True, timeout: float = 10.0) -> None:
        """Refuse new jobs; those already submitted still run."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._jobs.put(_STOP)
        if wait and not self.on_thread():
            self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            item = self._jobs.get()
            if item is _STOP:
                return
            fn, future, what = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn()
            except BaseException as exc:  # the caller sees every failure through its Future
                log_failure(what, exc)
                future.set_exception(exc)
            else:
                future.set_result(result)
