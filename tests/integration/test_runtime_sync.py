"""Replication that runs by itself in the terminal runtime, on PostgreSQL and SQLite centers: an op
committed through the runtime's executor is at the center within 100 ms (the sync loop is woken by the
commit, not by its periodic round), a commit made elsewhere does not wake it, and the loop goes on
whoever is logged in."""

from __future__ import annotations

import statistics
import time

import pytest

from app.runtime import TerminalRuntime
from tests.integration.test_replication import accept_case, make_terminal
from tests.support.center import CenterServer, seed_minimal
from tests.support.runtime import CommitClock, commit_to_center_ms, wait_for_case


@pytest.fixture
def center(db_url, tmp_path):  # type: ignore[no-untyped-def]
    with CenterServer(db_url, tmp_path / "center") as c:
        seed_minimal(c.db)
        yield c


def test_an_op_leaves_for_the_center_at_once_after_its_commit(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The runtime's share of the latency (commit → the sync round starts) is under 100 ms, and the op is
    at the center no later than a push started by hand right after the commit, plus that: the rest is
    the push itself (the center's apply), measured as the baseline in the same run."""
    term = make_terminal(center, tmp_path)
    runtime = TerminalRuntime(term, sync_interval=60.0)  # the periodic round never comes during the test
    runtime.start()
    clock = CommitClock(term.cache.db.sessions)
    try:
        deadline = time.monotonic() + 10
        while not runtime.state.get().online:  # the first round (pulls the catalog)
            assert time.monotonic() < deadline
            time.sleep(0.01)
        woken, arrived = [], []
        for i in range(6):
            number = f"C1-9{i:03d}"
            arrived.append(
                commit_to_center_ms(
                    clock, center.db, number, lambda n=number: runtime.submit(lambda: accept_case(term, n)).result(10)
                )
            )
            assert clock.last is not None
            woken.append((runtime.sync.round_started - clock.last) * 1000)
            while runtime.state.get().pending_ops:  # the round is over (its answers written back)
                assert time.monotonic() < deadline + 30
                time.sleep(0.005)
        runtime.sync.stop()
        baseline = []
        for i in range(6):  # the same op pushed by hand at once after its commit: the push's own time
            number = f"C1-8{i:03d}"
            baseline.append(_pushed_by_hand(clock, center, term, number))
        assert max(woken) < 100, woken  # woken by the commit, not the 60 s round
        assert statistics.median(arrived) < statistics.median(baseline) + 100, (arrived, baseline)
    finally:
        clock.close()
        runtime.close()
        term.close()


def _pushed_by_hand(clock: CommitClock, center: CenterServer, term, number: str) -> float:  # type: ignore[no-untyped-def]
    accept_case(term, number)
    committed = clock.last
    assert committed is not None
    term.engine.push_once()
    return (wait_for_case(center.db, number) - committed) * 1000


def test_a_commit_outside_the_executor_waits_for_the_periodic_round(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path)
    runtime = TerminalRuntime(term, sync_interval=60.0).start()
    try:
        deadline = time.monotonic() + 10
        while not runtime.state.get().online:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        rounds = runtime.sync.rounds
        accept_case(term, "C1-8000")  # written by the test thread, not through the runtime
        time.sleep(0.5)
        assert runtime.sync.rounds == rounds and runtime.state.get().pending_ops == 0  # not woken (stale)
        runtime.submit(lambda: accept_case(term, "C1-8001")).result(10)
        deadline = time.monotonic() + 5
        while runtime.sync.rounds == rounds or runtime.state.get().pending_ops:
            assert time.monotonic() < deadline
            time.sleep(0.01)
    finally:
        runtime.close()
        term.close()
