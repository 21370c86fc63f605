"""The SQLite event bus keeps the events of the ops that applied when a savepoint in the same push batch
rolls back, drops the rolled-back op's own events, and refuses an event name not in the one list."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest

from app.center.apply import ApplyContext, apply_batch
from app.center.events import EventBus
from app.domain.events import Event
from app.store import migrate
from app.store.crypto import FieldCipher
from app.store.db import Database


def _drain(q: asyncio.Queue[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    while not q.empty():
        out.append(q.get_nowait())
    return out


def _with_bus(url: str, body: Any) -> list[dict[str, Any]]:
    db = Database(url)
    migrate.upgrade(db.engine)

    async def main() -> list[dict[str, Any]]:
        bus = EventBus(db)
        await bus.start()
        q = bus.subscribe()
        try:
            body(db, bus)
            await asyncio.sleep(0)
            return _drain(q)
        finally:
            await bus.stop()

    try:
        return asyncio.run(main())
    finally:
        db.dispose()


def test_a_rolled_back_savepoint_drops_only_its_own_events(sqlite_url: str) -> None:
    def body(db: Database, bus: EventBus) -> None:
        with db.write_session() as s:
            bus.publish(s, Event.NOTICE, {"n": 1})
            try:
                with s.begin_nested():
                    bus.publish(s, Event.NOTICE, {"n": 2})
                    with s.begin_nested():
                        bus.publish(s, Event.NOTICE, {"n": 3})
                    raise ValueError("this op fails")
            except ValueError:
                pass
            with s.begin_nested():
                bus.publish(s, Event.NOTICE, {"n": 4})
            bus.publish(s, Event.NOTICE, {"n": 5})
        with pytest.raises(RuntimeError):
            with db.write_session() as s:
                bus.publish(s, Event.NOTICE, {"n": 6})
                raise RuntimeError("the whole transaction fails")

    got = _with_bus(sqlite_url, body)
    assert [e["data"]["n"] for e in got] == [1, 4, 5]


AT = "2026-03-02T09:00:00+08:00"  # any fixed time: the ops' own timestamps


def test_a_push_batch_with_one_bad_op_keeps_the_events_of_the_others(sqlite_url: str) -> None:
    ids = [uuid.uuid4() for _ in range(3)]

    def body(db: Database, bus: EventBus) -> None:
        with db.write_session() as s:
            ctx = ApplyContext(
                session=s,
                terminal_id=None,
                cipher=FieldCipher(FieldCipher.new_key()),
                publish=lambda kind, data, s=s: bus.publish(s, kind, data),  # type: ignore[misc]
                on_bad_rating=lambda _s, _r: None,
            )
            ops = [
                (uuid.uuid4(), "feedback.create", {"id": str(ids[0]), "text": "空调太冷", "created_at": AT}),
                (uuid.uuid4(), "feedback.create", {"id": str(ids[1]), "text": "   ", "created_at": AT}),  # rejected: empty
                (uuid.uuid4(), "feedback.create", {"id": str(ids[2]), "text": "椅子不够", "created_at": AT}),
            ]
            answers = apply_batch(ctx, ops)
            assert [a for a, _ in answers] == ["applied", "rejected", "applied"]

    got = _with_bus(sqlite_url, body)
    created = [e["data"]["id"] for e in got if e["type"] == Event.FEEDBACK_CREATED]
    assert created == [str(ids[0]), str(ids[2])]  # once each: the fast path's rolled-back copies are gone
    assert [e["type"] for e in got].count(Event.SYNC_CONFLICT) == 1


def test_an_event_name_not_in_the_list_is_refused(sqlite_url: str) -> None:
    def body(db: Database, bus: EventBus) -> None:
        with db.write_session() as s, pytest.raises(ValueError):
            bus.publish(s, "ticket.recall", {})

    assert _with_bus(sqlite_url, body) == []
