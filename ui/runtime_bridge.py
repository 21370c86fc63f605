"""The one Qt bridge of a terminal runtime: state snapshots become a queued Qt signal on the GUI thread,
and jobs submitted to the runtime hand their result (or error) back to the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.errors import HallError
from app.runtime import TerminalRuntime, TerminalState

log = logging.getLogger("hall.ui")


def plain_message(exc: BaseException, language: str = "zh_CN") -> str | None:
    """A known error's own words in the UI's language: its message code translated (app/i18n/messages.py),
    else its text ("中文 / English" messages are split); None for a bug (the caller shows its translated "something went wrong")."""
    if not isinstance(exc, HallError):
        return None
    from app.i18n.messages import render

    text = render(exc.message_code, exc.params, language)
    if text:
        return text
    if " / " in exc.message:
        zh, _, en = exc.message.partition(" / ")
        return en if language == "en" else zh
    return exc.message


class RuntimeBridge(QObject):
    state_changed = Signal(object, object)  # TerminalState new, old (queued to the GUI thread)
    _finished = Signal(object, object)  # Future, (on_done, on_error)

    def __init__(self, runtime: TerminalRuntime, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self._finished.connect(self._deliver)
        self._unsubscribe = runtime.state.subscribe(self._publish)

    @property
    def state(self) -> TerminalState:
        return self.runtime.state.get()

    def _publish(self, new: TerminalState, old: TerminalState) -> None:
        try:
            self.state_changed.emit(new, old)
        except RuntimeError:  # the bridge's widget is gone (application quitting)
            log.info("state snapshot dropped: the bridge is gone")

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        network_read: bool = False,
        what: str = "",
    ) -> Future[Any]:
        """Run `fn` on the runtime's serialized executor (or, for a pure network read, its read pool);
        `on_done(result)` or `on_error(exc)` then run on the GUI thread."""
        future = self.runtime.read(fn, what) if network_read else self.runtime.submit(fn, what)
        future.add_done_callback(lambda f: self._emit_finished(f, (on_done, on_error)))
        return future

    def _emit_finished(self, future: Future[Any], callbacks: tuple[Any, Any]) -> None:
        try:
            self._finished.emit(future, callbacks)
        except RuntimeError:
            log.info("background result dropped: its window is gone")

    def _deliver(self, future: Future[Any], callbacks: tuple[Any, Any]) -> None:
        on_done, on_error = callbacks
        if future.cancelled():  # the runtime closed before the job ran
            return
        try:
            exc = future.exception()
            if exc is not None:
                if on_error is not None:
                    on_error(exc)
            elif on_done is not None:
                on_done(future.result())
        except RuntimeError as exc:
            if "already deleted" not in str(exc):
                raise
            log.info("background result dropped: its window is gone")

    def close(self) -> None:
        self._unsubscribe()
