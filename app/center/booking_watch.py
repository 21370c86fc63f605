"""The appointments on a schedule (issue 18): every `booking.watch_minutes` the center
- marks booked appointments of past days that were never checked in as `missed` (the no-show rule counts
  them), and
- from `booking.remind_from` hall-local time on, enqueues `appointment_tomorrow` once for each of
  tomorrow's booked appointments (`reminded_at` is set in the same transaction; the notifier's key
  `appointment_tomorrow:<id>:<day>` makes a second enqueue a no-op, so a reschedule to another day is
  reminded again and several center processes on one PostgreSQL send one reminder: the rows are taken
  with `FOR UPDATE SKIP LOCKED`)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Callable

from app.center import booking as b
from app.center.booking_notify import notify
from app.config import BookingSettings, Settings
from app.domain.clock import HALL_TZ, local_now, utcnow
from app.store.crypto import FieldCipher
from app.store.db import Database

log = logging.getLogger("hall.center.booking")


class BookingWatch:
    def __init__(
        self,
        db: Database,
        settings: Settings,
        cipher: FieldCipher,
        *,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self.db, self.settings, self.cipher, self.clock = db, settings, cipher, clock
        self.rules: BookingSettings = settings.booking
        self._task: asyncio.Task[None] | None = None
        self.rounds = 0

    def sweep(self) -> dict[str, int]:
        """One round (blocking, run off the loop): missed appointments marked, reminders enqueued."""
        now = local_now(self.clock())
        today = now.date()
        reminded = 0
        with self.db.write_session() as s:
            missed = b.mark_missed(s, today)
            if now.time() >= self.rules.remind_from:
                tomorrow = today + dt.timedelta(days=1)
                for appt in b.due_reminders(s, tomorrow):
                    phone = self.cipher.decrypt(appt.phone_enc)
                    if phone:
                        n = b.names(s, appt)
                        notify(
                            s,
                            event="appointment_tomorrow",
                            phone=phone,
                            key=f"appointment_tomorrow:{appt.id}:{appt.day.isoformat()}",
                            language=appt.language,
                            params={
                                "code": appt.code,
                                "category": n.category,
                                "item": n.item or n.category,
                                "date": appt.day.isoformat(),
                                "day": appt.day.isoformat(),
                                "time": f"{appt.slot_start.astimezone(HALL_TZ):%H:%M}",
                                "end_time": f"{appt.slot_end.astimezone(HALL_TZ):%H:%M}",
                                "hall": self.settings.hall_name,
                            },
                        )
                        reminded += 1
                    appt.reminded_at = self.clock()
        if missed or reminded:
            log.info("appointments: %d marked missed, %d reminded for tomorrow", missed, reminded)
        return {"missed": missed, "reminded": reminded}

    async def _run(self) -> None:
        while True:
            try:
                await asyncio.to_thread(self.sweep)
                self.rounds += 1
            except Exception:  # the database is away: the next round tries again
                log.warning("the appointment watch failed; it runs again in %s min", self.rules.watch_minutes,
                            exc_info=True)
            await asyncio.sleep(self.rules.watch_minutes * 60)

    def start(self) -> None:
        if self.rules.watch_minutes > 0:
            self._task = asyncio.create_task(self._run(), name="booking-watch")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
