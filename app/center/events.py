"""Queue events to every subscriber of every center process.

Publishing happens inside the writing transaction, so an event goes out exactly when its change commits:
- on PostgreSQL with `pg_notify` — every center process LISTENs on the channel and fans the event out to
  its own WebSocket subscribers, so several processes behind a load balancer all deliver every event;
- on SQLite (one embedded center process) the events wait in the session and are fanned out after commit;
  each remembers the (sub)transaction it was published in, so a savepoint that rolls back (one bad op in
  a push batch) drops its own events and keeps those of the ops that applied.

Event names come from `app.domain.events.Event`, the one list shared with every subscriber.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from app.domain.clock import utcnow
from app.domain.events import Event
from app.store.db import Database

log = logging.getLogger("hall.center.events")
CHANNEL = "hall_events"
_PENDING = "hall_pending_events"
_FEW = 8  # up to this many events: one pg_notify each in one SELECT; more: one JSON array parameter
# json (not jsonb): each element's text is exactly the JSON written for it; elements are read in order
# the statements as text, made once: a `select(func.pg_notify(...))` built per call spent more CPU on
# SQLAlchemy's cache key than the call-next route on everything else (a third of its time)
_NOTIFY_FEW = [text("SELECT " + ", ".join(f"pg_notify(:channel, :e{i})" for i in range(n))) for n in range(_FEW + 1)]
_NOTIFY_ARRAY = text(
    "SELECT count(pg_notify(:channel, e::text)) FROM json_array_elements(CAST(:events AS json)) AS e"
)


class EventBus:
    def __init__(self, db: Database, *, queue_size: int = 1000) -> None:
        self.db = db
        self.queue_size = queue_size
        self._subscribers: set[asyncio.Queue[dict[str, Any]]] = set()
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._listener: asyncio.Task[None] | None = None
        self._listening = asyncio.Event()
        self._ids = itertools.count(1)
        self.uses_notify = db.dialect == "postgresql"
        self._hooked = False
        self._hooks: list[Callable[[dict[str, Any]], None]] = []

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        if self.uses_notify:
            self._listener = asyncio.create_task(self._listen_forever(), name="pg-listen")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._listening.wait(), timeout=10)
        else:
            if not self._hooked:
                event.listen(self.db.sessions, "after_commit", self._after_commit)
                event.listen(self.db.sessions, "after_soft_rollback", self._after_rollback)
                self._hooked = True
            self._listening.set()

    async def stop(self) -> None:
        if self._hooked:
            event.remove(self.db.sessions, "after_commit", self._after_commit)
            event.remove(self.db.sessions, "after_soft_rollback", self._after_rollback)
            self._hooked = False
        self._loop = None
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._listener

    async def _listen_forever(self) -> None:
        import psycopg

        url = self.db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
                    await conn.execute(f"LISTEN {CHANNEL}")
                    self._listening.set()
                    log.info("listening for events on PostgreSQL channel %s", CHANNEL)
                    async for note in conn.notifies():
                        self._fan_out(OutEvent.of(json.loads(note.payload), note.payload))
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # database restarted: reconnect; subscribers resync from a snapshot
                self._listening.clear()
                log.warning("event listener lost its connection (%s); reconnecting", exc)
                self._fan_out({"type": Event.RESYNC, "data": {}, "at": utcnow().isoformat()})
                await asyncio.sleep(1.0)

    # ------------------------------------------------------------------ publishing
    def publish(self, session: Session, type_: Event | str, data: dict[str, Any]) -> None:
        """Publish an event when `session`'s transaction commits (never before, never on rollback).
        `type_` must be one of `Event`: an unknown name is a programming error, refused here."""
        ev = {"type": Event(type_).value, "data": data, "at": utcnow().isoformat()}
        if self.uses_notify:
            session.execute(_NOTIFY_FEW[1], {"channel": CHANNEL, "e0": json.dumps(ev, ensure_ascii=False)})
        else:
            tx = session.get_nested_transaction() or session.get_transaction()
            session.info.setdefault(_PENDING, []).append((tx, ev))

    def publish_local(self, type_: Event | str, data: dict[str, Any]) -> None:
        """Tell this process's subscribers only, at once (no transaction: state nobody stores, such as
        the opening hours as the clock passes). Call from the event loop's thread."""
        self._fan_out({"type": Event(type_).value, "data": data, "at": utcnow().isoformat()})

    def publish_all(self, session: Session, events: Sequence[tuple[Event | str, dict[str, Any]]]) -> None:
        """`publish` of several events, in order, in one statement (one round trip on PostgreSQL). A few
        go as one `pg_notify` each in one SELECT; more (a push batch's hundreds) as one JSON array in one
        parameter, each element's text its notification's payload, so the statement stays the same."""
        if not self.uses_notify or len(events) < 2:
            for type_, data in events:
                self.publish(session, type_, data)
            return
        at = utcnow().isoformat()
        texts = [
            json.dumps({"type": Event(type_).value, "data": data, "at": at}, ensure_ascii=False)
            for type_, data in events
        ]
        if len(texts) <= _FEW:
            session.execute(_NOTIFY_FEW[len(texts)], {"channel": CHANNEL, **{f"e{i}": t for i, t in enumerate(texts)}})
            return
        session.execute(_NOTIFY_ARRAY, {"channel": CHANNEL, "events": "[" + ",".join(texts) + "]"})

    def notify_payload(self, type_: Event | str, data: dict[str, Any]) -> tuple[str, str] | None:
        """(channel, JSON text) for a statement that announces its own change with `pg_notify` — one
        round trip fewer than `publish` — or None where events are not sent by the database (SQLite)."""
        if not self.uses_notify:
            return None
        ev = {"type": Event(type_).value, "data": data, "at": utcnow().isoformat()}
        return CHANNEL, json.dumps(ev, ensure_ascii=False)

    def _after_commit(self, session: Session) -> None:
        if session.get_nested_transaction() is not None:  # a savepoint committed: wait for the real commit
            return
        for _tx, ev in session.info.pop(_PENDING, []):
            self._fan_out(ev)

    def _after_rollback(self, session: Session, rolled_back: Any) -> None:
        """Drop the events of the (sub)transaction that rolled back and of the savepoints inside it."""
        pending = session.info.get(_PENDING)
        if not pending:
            return
        session.info[_PENDING] = [(tx, ev) for tx, ev in pending if not _within(tx, rolled_back)]

    # ------------------------------------------------------------------ subscribing
    def subscribe(self) -> asyncio.Queue[dict[str, Any]]:
        q: asyncio.Queue[dict[str, Any]] = asyncio.Queue(self.queue_size)
        with self._lock:
            self._subscribers.add(q)
        return q

    def unsubscribe(self, q: asyncio.Queue[dict[str, Any]]) -> None:
        with self._lock:
            self._subscribers.discard(q)

    @property
    def subscriber_count(self) -> int:
        return len(self._subscribers)

    def add_hook(self, hook: Callable[[dict[str, Any]], None]) -> None:
        """Call `hook(event)` for every event as soon as this process learns of it (any thread)."""
        self._hooks.append(hook)

    def _fan_out(self, ev: dict[str, Any]) -> None:
        if not isinstance(ev, OutEvent):
            ev = OutEvent.of(ev)
        for hook in self._hooks:
            try:
                hook(ev)
            except Exception:  # a hook must never stop the delivery
                log.exception("event hook failed")
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self._deliver(ev)
        else:
            loop.call_soon_threadsafe(self._deliver, ev)

    def _deliver(self, ev: dict[str, Any]) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for q in subscribers:
            try:
                q.put_nowait(ev)
            except asyncio.QueueFull:  # a stuck subscriber: tell it to resync instead of growing forever
                with contextlib.suppress(asyncio.QueueEmpty):
                    while True:
                        q.get_nowait()
                q.put_nowait({"type": Event.RESYNC, "data": {}, "at": ev["at"]})


class OutEvent(dict[str, Any]):
    """An event as delivered to subscribers: the dict, and its JSON text made once for all of them (the
    NOTIFY payload as it came, on PostgreSQL) — a WebSocket sends the text, not a dump per subscriber."""

    __slots__ = ("_text",)
    _text: str | None

    @classmethod
    def of(cls, ev: dict[str, Any], text: str | None = None) -> OutEvent:
        out = cls(ev)
        out._text = text
        return out

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = json.dumps(self, ensure_ascii=False, separators=(",", ":"))
        return self._text


def _within(tx: Any, outer: Any) -> bool:
    """Is session transaction `tx` the transaction `outer` or nested inside it?"""
    while tx is not None:
        if tx is outer:
            return True
        tx = tx.parent
    return False
