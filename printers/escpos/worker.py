"""One owner thread per printer: jobs for that printer run one after another, callers get Futures.

A GUI submits and returns at once; the Future reports the PrintResult or the printer's error. Jobs
are never retried or kept for later: a failure is the Future's exception.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from printers.escpos.printer import EscposPrinter, PrintResult
from printers.escpos.slips import ReceiptData, TicketData
from printers.escpos.status import PrinterStatus

T = TypeVar("T")
log = logging.getLogger("hall.printer")
_STOP = object()


class PrinterWorker:
    def __init__(self, printer: EscposPrinter, name: str | None = None) -> None:
        self.printer = printer
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._closed = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(
            target=self._run, name=name or f"printer {printer.url.raw}", daemon=True
        )
        printer.bind_owner(self._thread)  # the driver refuses jobs from any other thread
        self._thread.start()

    def submit(self, job: Callable[[EscposPrinter], T]) -> Future[T]:
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the printer worker is closed")
            self._jobs.put((job, future))
        return future

    def print_ticket(self, data: TicketData) -> Future[PrintResult]:
        return self.submit(lambda p: p.print_ticket(data))

    def print_receipt(self, data: ReceiptData) -> Future[PrintResult]:
        return self.submit(lambda p: p.print_receipt(data))

    def status(self) -> Future[PrinterStatus | None]:
        return self.submit(lambda p: p.status())

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def close(self, wait: bool = True) -> None:
        """Refuse new jobs; jobs already submitted still run. With wait, return when they are done."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._jobs.put(_STOP)
        if wait:
            self._thread.join()

    def __enter__(self) -> PrinterWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(self) -> None:
        while True:
            item = self._jobs.get()
            if item is _STOP:
                return
            job, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = job(self.printer)
            except Exception as exc:  # the caller sees every failure through its Future
                log.info("print job on %s failed: %s", self.printer.url.raw, exc)
                future.set_exception(exc)
            else:
                future.set_result(result)


class OwnedPrinter:
    """The printer a terminal uses now (it may be replaced: new settings, a swapped device) with every job
    — tickets, receipts, status reads — run on its one owner thread, the caller waiting for the result.
    Callers are off the GUI thread; `run` raises what the job raised (paper out, offline …)."""

    def __init__(self, printer: EscposPrinter | None, missing: str = "no printer configured") -> None:
        self._worker: PrinterWorker | None = None
        self.missing = missing
        self.printer = printer

    @property
    def printer(self) -> EscposPrinter | None:
        return self._printer

    @printer.setter
    def printer(self, printer: EscposPrinter | None) -> None:
        if self._worker is not None:
            self._worker.close(wait=False)
        self._printer = printer
        self._worker = PrinterWorker(printer) if printer is not None else None

    @property
    def thread(self) -> threading.Thread | None:
        return self._worker.thread if self._worker is not None else None

    def run(self, job: Callable[[EscposPrinter], T], timeout: float = 120.0) -> T:
        if self._worker is None:
            from printers.escpos.errors import PrinterError

            raise PrinterError(self.missing, code="no_printer")
        return self._worker.submit(job).result(timeout=timeout)
