"""The sender: a task of the center's lifespan (like the opening and 容缺 watches) that takes due messages
from the outbox and delivers them through the configured channel.

- Claiming: a round marks up to `notify.batch` due messages `sending` with a lease (`FOR UPDATE SKIP
  LOCKED` on PostgreSQL, so several center processes share the work and never send one message twice
  at once; a process that dies mid-send leaves a lease that runs out, and the message is sent again:
  at least once).
- Results: sent; a `Retry` (provider down, 5xx, timeout, an exception) waits
  `retry_base_seconds · 2^(attempt-1)` (at most `retry_max_seconds`, ± `retry_jitter`) and goes again —
  nothing is lost while the provider is away; a `Refused` (a permanent refusal) is failed with its reason
  and never retried; a message past its template's lifetime (a 「快到号」 SMS an hour late is worth
  nothing) or past `max_attempts` is failed too, with the reason.
- It is woken at once when a transaction that enqueued commits in this process, and looks anyway every
  `notify.poll_seconds` (messages enqueued by other processes, retries falling due).
Every log line carries the masked phone only."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import and_, or_, select, update

from app.config import NotifySettings
from app.domain.clock import utcnow
from app.domain.idnumber import redact_text
from app.notify.channels import Channel, Outgoing, Refused, Result, Retry, Sent
from app.notify.outbox import add_waker, remove_waker
from app.store import models as m
from app.store.crypto import FieldCipher
from app.store.db import Database

log = logging.getLogger("hall.notify")


@dataclass(frozen=True)
class Claimed:
    id: uuid.UUID
    key: str
    event: str
    phone_enc: bytes
    phone_masked: str
    params: dict[str, str]
    language: str
    attempts: int  # including this one
    expires_at: dt.datetime | None
    lease_until: dt.datetime


def backoff(attempt: int, rules: NotifySettings, rand: Callable[[], float] = random.random) -> float:
    """Seconds before the next try after `attempt` failed tries (1, 2, …)."""
    delay = min(rules.retry_max_seconds, rules.retry_base_seconds * 2 ** max(0, attempt - 1))
    return float(max(0.0, delay * (1 + rules.retry_jitter * (2 * rand() - 1))))


class SenderWorker:
    def __init__(
        self,
        db: Database,
        cipher: FieldCipher,
        rules: NotifySettings,
        channel: Channel,
        *,
        clock: Callable[[], dt.datetime] = utcnow,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.db, self.cipher, self.rules, self.channel = db, cipher, rules, channel
        self.clock, self.rand = clock, rand
        self._task: asyncio.Task[None] | None = None
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self.rounds = 0
        self.results: dict[str, int] = {"sent": 0, "retry": 0, "failed": 0}

    # ------------------------------------------------------------------ one round (blocking)
    def claim(self) -> list[Claimed]:
        now = self.clock()
        lease = now + dt.timedelta(seconds=self.rules.lease_seconds)
        t = m.NotifyMessage
        due = or_(
            and_(t.status == "waiting", t.next_attempt_at <= now),
            and_(t.status == "sending", t.lease_until < now),
        )
        with self.db.write_session() as s:
            q = select(t).where(due).order_by(t.next_attempt_at).limit(self.rules.batch)
            if self.db.dialect == "postgresql":
                q = q.with_for_update(skip_locked=True)
            rows = list(s.scalars(q))
            out = []
            for r in rows:
                r.status, r.lease_until, r.attempts, r.updated_at = "sending", lease, r.attempts + 1, now
                out.append(
                    Claimed(r.id, r.key, r.event, r.phone_enc, r.phone_masked, dict(r.params), r.language,
                            r.attempts, r.expires_at, lease)
                )
        return out

    def round(self) -> int:
        """Claim what is due and deliver it; the number of messages handled."""
        claimed = self.claim()
        for c in claimed:
            self._deliver(c)
        self.rounds += 1
        return len(claimed)

    def _deliver(self, c: Claimed) -> None:
        now = self.clock()
        if c.expires_at is not None and now >= c.expires_at:
            self._finish(c, "failed", error=f"expired: not delivered by {c.expires_at.isoformat(timespec='seconds')}")
            log.warning("%s to %s expired undelivered (%s)", c.event, c.phone_masked, c.key)
            return
        try:
            phone = self.cipher.decrypt(c.phone_enc) or ""
        except Exception as exc:  # the key changed: nothing any channel could do
            self._finish(c, "failed", error=f"the phone cannot be decrypted: {exc}")
            return
        message = Outgoing(str(c.id), c.key, c.event, phone, c.phone_masked, c.params, c.language, c.attempts)
        try:
            result: Result = self.channel.send(message)
        except Exception as exc:  # a channel's bug or a network error it did not turn into a result
            result = Retry(f"{type(exc).__name__}: {exc}")
        if isinstance(result, Sent):
            self._finish(c, "sent", ref=result.ref)
            self.results["sent"] += 1
            log.info("sent %s to %s through %s (attempt %s)", c.event, c.phone_masked, self.channel.name, c.attempts)
        elif isinstance(result, Refused):
            self._finish(c, "failed", error=f"refused by {self.channel.name}: {result.reason}")
            self.results["failed"] += 1
            log.warning("%s to %s refused by %s: %s", c.event, c.phone_masked, self.channel.name,
                        redact_text(result.reason))
        elif c.attempts >= self.rules.max_attempts:
            self._finish(c, "failed", error=f"gave up after {c.attempts} attempts: {result.reason}")
            self.results["failed"] += 1
            log.warning("%s to %s failed after %s attempts: %s", c.event, c.phone_masked, c.attempts,
                        redact_text(result.reason))
        else:
            wait = backoff(c.attempts, self.rules, self.rand)
            self._finish(c, "waiting", error=result.reason, retry_at=now + dt.timedelta(seconds=wait))
            self.results["retry"] += 1
            log.warning("%s to %s not delivered (attempt %s): %s; next try in %.0f s", c.event, c.phone_masked,
                        c.attempts, redact_text(result.reason), wait)

    def _finish(
        self,
        c: Claimed,
        status: str,
        *,
        ref: str | None = None,
        error: str | None = None,
        retry_at: dt.datetime | None = None,
    ) -> None:
        now = self.clock()
        t = m.NotifyMessage
        values: dict[str, object] = {"status": status, "lease_until": None, "updated_at": now,
                                     "channel": self.channel.name}
        if status == "sent":
            values.update(sent_at=now, provider_ref=(ref or "")[:100] or None, last_error=None)
        if error is not None:
            values["last_error"] = redact_text(error)[:2000]
        if retry_at is not None:
            values["next_attempt_at"] = retry_at
        with self.db.write_session() as s:
            done = s.execute(
                update(t)
                .where(t.id == c.id, t.status == "sending", t.lease_until == c.lease_until)
                .values(values)
                .returning(t.id)
            ).first()
        if not done:  # our lease ran out and another round took the message: it is theirs now
            log.warning("%s to %s: lease lost before its result was recorded", c.event, c.phone_masked)

    # ------------------------------------------------------------------ the task
    async def _run(self) -> None:
        assert self._wake is not None
        while True:
            handled = 0
            try:
                handled = await asyncio.to_thread(self.round)
            except Exception:  # the database is away: the next round tries again
                log.warning("the message sender's round failed; it tries again", exc_info=True)
            if handled >= self.rules.batch:
                continue  # more are due
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self.rules.poll_seconds)
            self._wake.clear()

    def wake(self) -> None:
        """Any thread: look for due messages now."""
        loop, ev = self._loop, self._wake
        if loop is not None and ev is not None and not loop.is_closed():
            loop.call_soon_threadsafe(ev.set)

    def start(self) -> None:
        if self.rules.poll_seconds <= 0:
            return
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        add_waker(self.wake)
        self._task = asyncio.create_task(self._run(), name="notify-sender")

    async def stop(self) -> None:
        remove_waker(self.wake)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
