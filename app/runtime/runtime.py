"""One terminal's runtime: the serialized executor, the network-read pool, the sync loop and the state.

    runtime = TerminalRuntime(term).start()
    runtime.submit(lambda: svc.accept(...))   # on the executor: one job at a time, in order
    runtime.read(lambda: client.call("GET", "/queue"))  # a pure network read, on the small pool
    runtime.state.subscribe(lambda new, old: ...)

Every commit on the cache made by a job of the executor wakes the sync loop once the transaction is
committed (SQLAlchemy's after_commit on the cache's sessions), so an op leaves for the center at once."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from sqlalchemy import event

from app.runtime.executor import SerialExecutor, log_failure
from app.runtime.state import StateStore, TerminalState
from app.runtime.sync_loop import SyncLoop
from app.sync.engine import SyncStatus
from app.sync.terminal import Terminal

T = TypeVar("T")
log = logging.getLogger("hall.runtime")


class TerminalRuntime:
    def __init__(
        self,
        term: Terminal,
        *,
        sync_interval: float = 5.0,
        max_backoff: float = 30.0,
        net_workers: int = 2,
    ) -> None:
        self.term = term
        self.state = StateStore()
        self.executor = SerialExecutor(f"hall-terminal {term.identity.name}")
        self.net = ThreadPoolExecutor(net_workers, thread_name_prefix="hall-net")
        self.sync = SyncLoop(term.engine, interval=sync_interval, max_backoff=max_backoff)
        self.sync.listeners.append(self._on_sync)
        self._sessions = term.cache.db.sessions
        event.listen(self._sessions, "after_commit", self._on_commit)
        self._started = self._closed = False
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ lifetime
    def start(self) -> TerminalRuntime:
        with self._lock:
            if not self._started:
                self._started = True
                self.sync.start()
        return self

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
        event.remove(self._sessions, "after_commit", self._on_commit)
        self.sync.stop()
        self.executor.close()
        self.net.shutdown(wait=True, cancel_futures=True)

    @property
    def closed(self) -> bool:
        return self._closed

    # ------------------------------------------------------------------ work
    def submit(self, fn: Callable[[], T], what: str = "") -> Future[T]:
        """On the serialized executor (anything touching the cache or the terminal's state)."""
        return self.executor.submit(fn, what)

    def read(self, fn: Callable[[], T], what: str = "") -> Future[T]:
        """On the network-read pool (a pure read of the center: it must not touch the cache)."""
        label = what or getattr(fn, "__name__", "network read")

        def run() -> T:
            try:
                return fn()
            except BaseException as exc:
                log_failure(label, exc)
                raise

        return self.net.submit(run)

    def wake_sync(self) -> None:
        self.sync.wake()

    # ------------------------------------------------------------------ state
    @property
    def snapshot(self) -> TerminalState:
        return self.state.get()

    def _on_commit(self, _session: Any) -> None:
        if self.executor.on_thread():
            self.sync.wake()

    def _on_sync(self, st: SyncStatus) -> None:
        self.state.update(
            online=st.online,
            synced_once=True,
            offline_since=st.offline_since,
            last_sync_at=st.last_sync_at,
            last_error=st.last_error,
            pending_ops=st.pending_ops,
            rejected_ops=st.rejected_ops,
            cursor=st.cursor,
        )
