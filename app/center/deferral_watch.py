"""The 容缺 watch on a schedule: every `cases.deferral_sweep_minutes` the center runs the sweep of
`app.center.cases.Step.sweep_deferrals` for the hall's local day — one reminder from
`cases.deferral_remind_working_days` working days before a promised date, termination (with its
终止办理通知书) the day after it — but not before `cases.deferral_sweep_from` local time, so a case is not
terminated at midnight before the hall opens. The sweep is idempotent and locks the cases it changes, so
several center processes on one PostgreSQL may each run it: the second finds nothing left to do."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Callable

from app.center.cases import Step
from app.center.events import EventBus
from app.config import CaseSettings
from app.domain.clock import local_now, utcnow
from app.store.db import Database

log = logging.getLogger("hall.center.deferrals")


class DeferralWatch:
    def __init__(
        self, db: Database, bus: EventBus, rules: CaseSettings, *, clock: Callable[[], dt.datetime] = utcnow
    ) -> None:
        self.db, self.bus, self.rules, self.clock = db, bus, rules, clock
        self._task: asyncio.Task[None] | None = None
        self.rounds = 0  # rounds run (also those before the hour): what a test or `hall doctor` may read

    def due(self) -> bool:
        return local_now(self.clock()).time() >= self.rules.deferral_sweep_from

    def sweep(self) -> dict[str, list[str]] | None:
        """One round (blocking, run off the loop): what was reminded and terminated, None before the hour."""
        if not self.due():
            return None
        today = local_now(self.clock()).date()
        with self.db.write_session() as s:
            done = Step(s, self.bus.publish, today).sweep_deferrals(self.rules.deferral_remind_working_days)
        if done["reminded"] or done["terminated"]:
            log.info("容缺 sweep of %s: reminded %s, terminated %s", today,
                     ", ".join(done["reminded"]) or "-", ", ".join(done["terminated"]) or "-")
        return done

    async def _run(self) -> None:
        while True:
            try:
                await asyncio.to_thread(self.sweep)
                self.rounds += 1
            except Exception:  # the database is away: the next round tries again
                log.warning("the 容缺 sweep failed; it runs again in %s min", self.rules.deferral_sweep_minutes,
                            exc_info=True)
            await asyncio.sleep(self.rules.deferral_sweep_minutes * 60)

    def start(self) -> None:
        if self.rules.deferral_sweep_minutes > 0:
            self._task = asyncio.create_task(self._run(), name="deferral-watch")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
