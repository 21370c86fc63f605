"""Measuring how soon an op committed at a terminal is at the center: the commit's time is taken by an
after_commit listener on the terminal cache's sessions (the moment the transaction is durable), the
arrival by polling the center's database for the record."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import event, select

from app.store import models as m
from app.store.db import Database


class CommitClock:
    def __init__(self, sessions: Any) -> None:
        self.sessions = sessions
        self.last: float | None = None
        event.listen(sessions, "after_commit", self._committed)

    def _committed(self, _session: Any) -> None:
        self.last = time.perf_counter()

    def close(self) -> None:
        event.remove(self.sessions, "after_commit", self._committed)


def wait_for_case(center_db: Database, number: str, timeout_s: float = 10.0, poll_s: float = 0.002) -> float:
    """perf_counter() when the case `number` is in the center's database."""
    deadline = time.perf_counter() + timeout_s
    while True:
        with center_db.read_session() as s:
            if s.scalar(select(m.Case.id).where(m.Case.case_number == number)) is not None:
                return time.perf_counter()
        if time.perf_counter() > deadline:
            raise TimeoutError(f"case {number} never reached the center")
        time.sleep(poll_s)


def commit_to_center_ms(
    clock: CommitClock, center_db: Database, number: str, commit: Callable[[], Any]
) -> float:
    """Run `commit` (it writes case `number` and returns once committed), then wait for it at the center."""
    clock.last = None
    commit()
    assert clock.last is not None, "nothing was committed"
    committed = clock.last
    return (wait_for_case(center_db, number) - committed) * 1000
