"""The terminal runtime without a center: the serialized executor runs jobs one at a time in the order
submitted; state snapshots are immutable and reach subscribers; the sync loop rounds at once when woken;
device drivers refuse any thread but their owner's; the ID-card reader reads once more after a bad
checksum; a printer that runs out of paper mid-job reports the ticket as not printed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import random
import threading
import time
from pathlib import Path

import pytest

from app.devices.idcard import CardPoller, open_reader
from app.devices.idcard import frames as f
from app.devices.idcard.errors import ChecksumError
from app.devices.idcard.sim import get_sim
from app.devices.idcard.worker import ReaderWorker
from app.devices.owner import WrongThread
from app.errors import HallError
from app.runtime import SerialExecutor, StateStore, SyncLoop, TerminalState, TicketRef
from app.sync.engine import SyncStatus
from printers.escpos.errors import CutShort
from printers.escpos.printer import EscposPrinter
from printers.escpos.samples import sample_ticket
from printers.escpos.worker import PrinterWorker

NOW = dt.datetime(2025, 10, 14, 9, 30, 12)


def test_jobs_run_one_at_a_time_in_the_order_submitted() -> None:
    ex = SerialExecutor("test-serial")
    seen: list[int] = []
    threads: set[str] = set()
    running = [0]
    overlap = [False]

    def job(i: int) -> int:
        running[0] += 1
        overlap[0] = overlap[0] or running[0] > 1
        time.sleep(random.random() / 1000)
        seen.append(i)
        threads.add(threading.current_thread().name)
        running[0] -= 1
        return i * i

    # submitted from several threads at once, each thread's own jobs in its order
    futures: dict[int, object] = {}
    lock = threading.Lock()

    def submitter(base: int) -> None:
        for k in range(50):
            fut = ex.submit(lambda i=base + k: job(i))
            with lock:
                futures[base + k] = fut

    ts = [threading.Thread(target=submitter, args=(b,)) for b in (0, 1000, 2000)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert all(fut.result(5) == i * i for i, fut in futures.items())  # type: ignore[attr-defined]
    assert not overlap[0] and threads == {"test-serial"}
    for base in (0, 1000, 2000):
        mine = [i for i in seen if base <= i < base + 50]
        assert mine == list(range(base, base + 50))
    ex.close()
    with pytest.raises(HallError):
        ex.submit(lambda: None)


def test_a_bug_in_a_job_is_logged_with_its_traceback(caplog: pytest.LogCaptureFixture) -> None:
    ex = SerialExecutor("test-bug")
    with caplog.at_level(logging.INFO, logger="hall.runtime"):
        bad = ex.submit(lambda: {}["missing"], "a buggy job")
        known = ex.submit(lambda: (_ for _ in ()).throw(HallError("纸用完了 / out of paper")), "a known fault")
        with pytest.raises(KeyError):
            bad.result(5)
        with pytest.raises(HallError):
            known.result(5)
        assert ex.submit(lambda: "still running").result(5) == "still running"
    ex.close()
    bug = next(r for r in caplog.records if "a buggy job" in r.getMessage())
    # the traceback travels with the record: live, or already formatted (and masked) by the log filter
    assert bug.levelno == logging.ERROR
    assert bug.exc_info is not None or "KeyError" in (bug.exc_text or "")
    fault = next(r for r in caplog.records if "a known fault" in r.getMessage())
    assert fault.levelno == logging.INFO and fault.exc_info is None


def test_state_snapshots_are_immutable_and_published() -> None:
    store = StateStore()
    got: list[tuple[TerminalState, TerminalState]] = []
    unsubscribe = store.subscribe(lambda new, old: got.append((new, old)))
    first = store.get()
    store.update(online=True, pending_ops=3)
    store.update(current_ticket=TicketRef.of({"id": "t1", "number": "A001"}))
    store.set_device("printer", False, "paper out")
    with pytest.raises(dataclasses.FrozenInstanceError):
        store.get().online = False  # type: ignore[misc]
    assert first.online is False and first.version == 0  # an old snapshot never changes
    assert [n.version for n, _ in got] == [1, 2, 3]
    assert got[1][0].current_ticket == TicketRef("t1", "A001", "called") and got[1][1].current_ticket is None
    assert store.get().device("printer") == dataclasses.replace(store.get().devices[0])
    assert store.get().pending_ops == 3 and store.get().online
    unsubscribe()
    store.update(online=False)
    assert len(got) == 3


class _CountingEngine:
    def __init__(self) -> None:
        self.rounds: list[float] = []

    def sync_once(self) -> SyncStatus:
        self.rounds.append(time.monotonic())
        return SyncStatus(online=True)


def test_the_sync_loop_rounds_at_once_when_woken_else_by_its_interval() -> None:
    engine = _CountingEngine()
    loop = SyncLoop(engine, interval=30.0).start()
    try:
        deadline = time.monotonic() + 5
        while not engine.rounds and time.monotonic() < deadline:
            time.sleep(0.005)
        assert len(engine.rounds) == 1  # the first round at start
        latencies = []
        for _ in range(10):
            before = len(engine.rounds)
            t0 = time.monotonic()
            loop.wake()
            while len(engine.rounds) == before and time.monotonic() < t0 + 5:
                time.sleep(0.001)
            latencies.append(engine.rounds[before] - t0)
        assert max(latencies) < 0.1  # woken, not the 30 s interval
    finally:
        loop.stop()
    assert not loop.running


# ---------------------------------------------------------------- devices behind one owner thread
def test_a_bound_reader_refuses_any_other_thread() -> None:
    reader = open_reader("sim://owner-test?card=zhangsan")
    assert reader.read_card().id_number == "11010519491231002X"  # unbound: a CLI reads from any thread
    placed: list[str] = []
    poller = CardPoller(reader, on_placed=lambda c: placed.append(c.id_number), interval_s=0.02).start()
    try:
        with pytest.raises(WrongThread, match="belongs to the thread"):
            reader.read_card()
        deadline = time.monotonic() + 5
        while not placed and time.monotonic() < deadline:
            time.sleep(0.01)
        assert placed == ["11010519491231002X"]  # its owner reads on
    finally:
        poller.stop()
    assert reader.read_card().id_number == "11010519491231002X"  # released when the poller stopped
    reader.close()


def test_the_counter_reader_worker_opens_and_reads_on_its_own_thread() -> None:
    worker = ReaderWorker("sim://worker-test?card=lisi")
    try:
        assert worker().id_number == "440524188001010014"
        assert worker.read_card().result(10).name == "李四"
        thread = worker.thread
        assert thread is not None and thread.name == "hall-idcard-reader"
        reader = worker.submit(lambda r: r).result(10)
        assert reader.owner_thread is thread
        with pytest.raises(WrongThread):
            reader.sam_status()  # from this (test) thread: refused
        get_sim("worker-test").remove()
        with pytest.raises(HallError, match="no card"):
            worker()
    finally:
        worker.close()


def test_a_bound_printer_refuses_any_other_thread(tmp_path: Path) -> None:
    printer = EscposPrinter(f"sim://{tmp_path}", width_mm=80)
    with PrinterWorker(printer) as worker:
        with pytest.raises(WrongThread):
            printer.print_ticket(sample_ticket("政务服务中心", NOW))
        with pytest.raises(WrongThread):
            printer.status()
        assert worker.print_ticket(sample_ticket("政务服务中心", NOW)).result(10).preview is not None
    assert len(list(tmp_path.glob("*.png"))) == 1


# ---------------------------------------------------------------- one garbled answer is read again
def test_one_bad_checksum_is_read_again() -> None:
    reader = open_reader("sim://retry-once?card=zhangsan&fault=bad_checksum_once")
    sim = get_sim("retry-once")
    sim.commands.clear()
    card = reader.read_card()
    assert card.id_number == "11010519491231002X"
    reads = [c for c in sim.commands if c == f.READ_TEXT_PHOTO]
    assert len(reads) == 2  # the garbled answer, then the good one
    reader.close()


def test_a_line_that_keeps_garbling_fails_after_the_second_read() -> None:
    reader = open_reader("sim://retry-always?card=zhangsan&fault=bad_checksum")
    sim = get_sim("retry-always")
    sim.commands.clear()
    with pytest.raises(ChecksumError, match="checksum mismatch"):
        reader.read_card()
    assert [c for c in sim.commands if c == f.READ_TEXT_PHOTO] == [f.READ_TEXT_PHOTO] * 2
    reader.close()


def test_the_kiosk_poller_reads_again_after_a_bad_checksum() -> None:
    reader = open_reader("sim://retry-poller?card=none&fault=bad_checksum_once")
    placed: list[str] = []
    errors: list[BaseException] = []
    poller = CardPoller(reader, on_placed=lambda c: placed.append(c.id_number), on_error=errors.append, interval_s=0.02)
    poller.start()
    try:
        get_sim("retry-poller").place("wangfang")
        deadline = time.monotonic() + 5
        while not placed and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(placed) == 1 and errors == []  # read, and no "check the cable" for one flipped byte
    finally:
        poller.stop()
        reader.close()


# ---------------------------------------------------------------- paper out mid-job
def test_paper_running_out_mid_ticket_is_not_printed(tmp_path: Path) -> None:
    printer = EscposPrinter(f"sim://{tmp_path}?paper=runs_out", width_mm=80)
    assert printer.status() is not None and printer.status().ok  # type: ignore[union-attr]
    with pytest.raises(CutShort, match="not printed"):
        printer.print_ticket(sample_ticket("政务服务中心", NOW))
    assert list(tmp_path.glob("*.png")) == []
