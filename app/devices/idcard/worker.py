"""The counter's ID-card reader behind its one owner thread: the reader is opened on that thread, every
read (F9, card login) is a job on it, and the driver refuses commands from any other thread. A reader that
failed (unplugged, garbling, silent) is closed and opened again at the next job."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from app.devices.idcard.card import IdCard
from app.devices.idcard.errors import FrameError, ReaderTimeout
from app.devices.idcard.reader import IdCardReader, open_reader

T = TypeVar("T")
log = logging.getLogger("hall.device.idcard")
_STOP = object()


class ReaderWorker:
    def __init__(self, url: str, *, timeout_s: float = 3.0, name: str = "hall-idcard-reader") -> None:
        self.url, self.timeout_s, self.name = url, timeout_s, name
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._reader: IdCardReader | None = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None  # started at the first job
        self._closed = False

    @property
    def thread(self) -> threading.Thread | None:
        return self._thread

    def submit(self, job: Callable[[IdCardReader], T]) -> Future[T]:
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the reader worker is closed")
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()
            self._jobs.put((job, future))
        return future

    def read_card(self) -> Future[IdCard]:
        return self.submit(lambda r: r.read_card())

    def __call__(self) -> IdCard:
        """Blocking: one card read on the owner thread (callers are off the GUI thread)."""
        return self.read_card().result(timeout=self.timeout_s * 4 + 5)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            thread = self._thread
            if thread is not None:
                self._jobs.put(_STOP)
        if thread is not None and thread is not threading.current_thread():
            thread.join(10)

    def _open(self) -> IdCardReader:
        if self._reader is None:
            reader = open_reader(self.url, timeout_s=self.timeout_s)
            reader.bind_owner(threading.current_thread())
            self._reader = reader
        return self._reader

    def _drop(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def _run(self) -> None:
        while True:
            item = self._jobs.get()
            if item is _STOP:
                self._drop()
                return
            job, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = job(self._open())
            except (ReaderTimeout, FrameError) as exc:  # unplugged, silent or garbling: open it afresh next time
                log.info("%s: %s", self.url, exc)
                self._drop()
                future.set_exception(exc)
            except BaseException as exc:
                future.set_exception(exc)
            else:
                future.set_result(result)
