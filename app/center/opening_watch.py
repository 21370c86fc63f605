"""Opening hours as the clock passes: when a category opens, closes for lunch, reaches its cut-off or a
new day begins, no data changes, so no event would reach the queue screen and it would keep showing the
state of its last snapshot. This watch recomputes, every `interval` seconds, which categories take no
ticket now and, when that set changes, tells the subscribers of THIS process (`categories.opening`, with
the whole map, so an event lost or doubled does no harm). Each center process watches for its own
subscribers; nothing is written to the database."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from app.center.events import EventBus
from app.center.opening_check import closed_categories
from app.domain.clock import utcnow
from app.domain.events import Event
from app.store.db import Database

log = logging.getLogger("hall.center.opening")


class OpeningWatch:
    def __init__(
        self,
        db: Database,
        bus: EventBus,
        *,
        interval: float = 15.0,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self.db, self.bus, self.interval, self.clock = db, bus, interval, clock
        self.last: dict[str, dict[str, Any]] | None = None
        self._task: asyncio.Task[None] | None = None

    def check(self) -> dict[str, dict[str, Any]] | None:
        """The closed map if it changed since the last check (None if not); blocking, run off the loop."""
        with self.db.read_session() as s:
            closed = closed_categories(s, self.clock())
        if closed == self.last:
            return None
        first, self.last = self.last is None, closed
        return None if first else closed  # the first reading is what every snapshot already carries

    async def _run(self) -> None:
        while True:
            try:
                changed = await asyncio.to_thread(self.check)
                if changed is not None:
                    log.info("opening changed: %s", ", ".join(sorted(changed)) or "every category open")
                    self.bus.publish_local(Event.CATEGORIES_OPENING, {"closed": changed})
            except Exception:  # the database is away: the next round tries again
                log.warning("opening watch could not read the categories", exc_info=True)
            await asyncio.sleep(self.interval)

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="opening-watch")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
