"""PrinterWorker: one owner thread per printer, jobs in order and never two at once, results as Futures."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import pytest

from printers.escpos.errors import PaperOut
from printers.escpos.printer import EscposPrinter, PrintResult
from printers.escpos.samples import sample_ticket
from printers.escpos.worker import PrinterWorker

NOW = dt.datetime(2025, 10, 14, 9, 30, 12)


def test_jobs_run_in_order_on_the_worker_thread(tmp_path: Path) -> None:
    printer = EscposPrinter(f"sim://{tmp_path}", width_mm=58)
    log: list[tuple[str, int, str]] = []
    active = [0]
    overlap = []

    def job(i: int):  # type: ignore[no-untyped-def]
        def run(p: EscposPrinter) -> int:
            active[0] += 1
            overlap.append(active[0])
            log.append(("start", i, threading.current_thread().name))
            time.sleep(0.01)
            log.append(("end", i, threading.current_thread().name))
            active[0] -= 1
            return i

        return run

    with PrinterWorker(printer, name="printer-test") as worker:
        futures = [worker.submit(job(i)) for i in range(6)]
        assert [f.result(timeout=5) for f in futures] == list(range(6))
    assert max(overlap) == 1  # never two jobs at once
    assert [entry[:2] for entry in log] == [(k, i) for i in range(6) for k in ("start", "end")]
    assert {entry[2] for entry in log} == {"printer-test"}
    assert threading.current_thread().name not in {entry[2] for entry in log}


def test_tickets_from_many_threads_each_get_a_preview(tmp_path: Path) -> None:
    worker = PrinterWorker(EscposPrinter(f"sim://{tmp_path}", width_mm=58))
    futures = []
    lock = threading.Lock()

    def submit() -> None:
        f = worker.print_ticket(sample_ticket("大厅", NOW))
        with lock:
            futures.append(f)

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    results: list[PrintResult] = [f.result(timeout=10) for f in futures]
    worker.close()
    assert len({r.preview for r in results}) == 4
    assert len(list(tmp_path.glob("ticket-*.png"))) == 4
    assert not worker.thread.is_alive()


def test_failures_come_back_through_the_future(tmp_path: Path) -> None:
    with PrinterWorker(EscposPrinter(f"sim://{tmp_path}?paper=out")) as worker:
        future = worker.print_ticket(sample_ticket("大厅", NOW))
        with pytest.raises(PaperOut):
            future.result(timeout=5)
        status = worker.status().result(timeout=5)  # the worker carries on after a failure
    assert status is not None and status.paper_out
    assert list(tmp_path.iterdir()) == []


def test_submit_returns_before_the_job_runs(tmp_path: Path) -> None:
    gate = threading.Event()
    with PrinterWorker(EscposPrinter(f"sim://{tmp_path}")) as worker:
        blocker = worker.submit(lambda p: gate.wait(5))
        queued = worker.print_ticket(sample_ticket("大厅", NOW))
        assert not queued.done()
        gate.set()
        assert blocker.result(timeout=5) is True
        assert queued.result(timeout=5).preview is not None


def test_closed_worker_refuses_new_jobs(tmp_path: Path) -> None:
    worker = PrinterWorker(EscposPrinter(f"sim://{tmp_path}"))
    worker.close()
    with pytest.raises(RuntimeError, match="closed"):
        worker.print_ticket(sample_ticket("大厅", NOW))
