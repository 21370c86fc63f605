"""The center's bulk apply of a push batch (issue 13, speed) on SQLite and PostgreSQL: rows written as
column values (COPY on PostgreSQL, executemany on SQLite), a case created and changed in the same batch,
a poison op in the middle of a batch rejected alone, and the batch's events published once each and in
order (on PostgreSQL as one statement through LISTEN)."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from app.center.apply import ApplyContext, apply_batch
from app.center.events import EventBus
from app.center.rectify import open_rectification
from app.config import Settings
from app.domain.events import Event
from app.protocol.ops import OpKind, build_payload, wire_payload
from app.store import migrate
from app.store import models as m
from app.store.crypto import FieldCipher
from app.store.db import Database
from tests.support.center import seed_minimal

AT = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC)  # the ops' own times: any fixed time
Raw = tuple[uuid.UUID, str, dict[str, Any]]


def _op(kind: OpKind, **fields: Any) -> Raw:
    return uuid.uuid4(), kind.value, wire_payload(build_payload(kind, **fields))


def _visit(item_id: uuid.UUID, number: str, *, level: int = 5, staff: uuid.UUID | None = None) -> list[Raw]:
    """An applicant, an accepted case (dispatched to its department at the center) and its rating."""
    applicant, case = uuid.uuid4(), uuid.uuid4()
    return [
        _op(
            OpKind.APPLICANT_CREATE,
            id=applicant,
            name="张三",
            id_number="11010519491231002X",
            phone="13812345678",
            created_at=AT,
        ),
        _op(
            OpKind.CASE_CREATE,
            id=case,
            case_number=number,
            item_id=item_id,
            applicant_id=applicant,
            staff_id=staff,
            status="accepted",
            decision="accept",
            received_on=dt.date(2026, 3, 2),
            due_date=dt.date(2026, 3, 5),
            window_number=1,
            created_at=AT,
        ),
        _op(OpKind.RATING_CREATE, id=uuid.uuid4(), case_id=case, level=level, window_number=1, rated_at=AT),
    ]


def _apply(
    url: str, batches: Callable[[uuid.UUID], list[list[Raw]]]
) -> tuple[list[list[tuple[str, str | None]]], list[dict[str, Any]], Database]:
    """Apply the batches (each in its own transaction, as the push route does) with a live event bus;
    returns the outcomes, the events the bus delivered (waiting for them on PostgreSQL), and the db."""
    db = Database(url)
    migrate.upgrade(db.engine)
    seed_minimal(db)
    with db.read_session() as s:
        item_id = s.scalars(select(m.ServiceItem.id)).one()
    cipher, settings = FieldCipher(FieldCipher.new_key()), Settings()
    wanted = batches(item_id)

    async def main() -> tuple[list[list[tuple[str, str | None]]], list[dict[str, Any]]]:
        bus = EventBus(db)
        await bus.start()
        q = bus.subscribe()
        outcomes = []
        try:
            for ops in wanted:
                with db.write_session() as s:
                    ctx = ApplyContext(
                        session=s,
                        terminal_id=None,
                        cipher=cipher,
                        publish=lambda kind, data, s=s: bus.publish(s, kind, data),  # type: ignore[misc]
                        publish_all=lambda events, s=s: bus.publish_all(s, events),  # type: ignore[misc]
                        on_bad_rating=lambda sess, rating: open_rectification(sess, rating, settings),
                    )
                    outcomes.append(await asyncio.to_thread(apply_batch, ctx, ops))
            got: list[dict[str, Any]] = []
            for _ in range(100):  # PostgreSQL: the events come back through LISTEN
                await asyncio.sleep(0.05)
                while not q.empty():
                    got.append(q.get_nowait())
            return outcomes, got
        finally:
            await bus.stop()

    outcomes, events = asyncio.run(main())
    return outcomes, events, db


def test_a_case_created_and_changed_in_one_batch(db_url: str) -> None:
    """Four visits and a termination of the first case in one batch, applied in bulk: the staged case and
    its staged task change before they are written, the ratings carry the item's department, the poor
    rating opens its rectification, and the ten events arrive once each, in the batch's order."""
    first: dict[str, uuid.UUID] = {}

    def batches(item_id: uuid.UUID) -> list[list[Raw]]:
        ops = [op for n in range(4) for op in _visit(item_id, f"B-{n:04d}", level=1 if n == 2 else 5)]
        first["case"] = uuid.UUID(ops[1][2]["id"])
        ops.append(
            _op(
                OpKind.CASE_TRANSITION,
                id=uuid.uuid4(),
                case_id=first["case"],
                **{"from": "accepted"},
                to="terminated",
                at=AT,
            )
        )
        return [ops]

    (outcomes,), events, db = _apply(db_url, batches)
    try:
        assert [status for status, _ in outcomes] == ["applied"] * 13
        with db.read_session() as s:
            case = s.get(m.Case, first["case"])
            assert case is not None and case.status.value == "terminated"
            tasks = list(s.scalars(select(m.CaseTask).where(m.CaseTask.case_id == first["case"])))
            assert tasks and {t.status for t in tasks} == {"terminated"}  # changed before it was written
            others = s.scalars(select(m.CaseTask.status).where(m.CaseTask.case_id != first["case"])).all()
            assert len(others) == 3 and set(others) == {"open"}
            dept = s.scalars(select(m.Department.id)).one()
            assert set(s.scalars(select(m.Rating.department_id))) == {dept}
            assert s.scalar(select(func.count()).select_from(m.Rectification)) == 1
            assert s.scalar(select(func.count()).select_from(m.ProcessedOp)) == 13
            assert s.scalar(select(func.count()).select_from(m.Conflict)) == 0
            log = s.execute(
                select(m.ChangeLog.entity_id, m.ChangeLog.data)
                .where(m.ChangeLog.entity == "case_status")
                .order_by(m.ChangeLog.seq)
            ).all()
            assert [d["status"] for e, d in log if e == str(first["case"])] == ["accepted", "terminated"]
            assert len(log) == 5
        kinds = [e["type"] for e in events]
        assert kinds == [Event.CASE_STATUS, Event.RATING_CREATED] * 4 + [Event.CASE_STATUS]
        assert [e["data"]["case_number"] for e in events if e["type"] == Event.CASE_STATUS] == [
            "B-0000",
            "B-0001",
            "B-0002",
            "B-0003",
            "B-0000",
        ]
    finally:
        db.dispose()


def test_a_poison_op_in_the_middle_of_a_bulk_batch_is_rejected_alone(db_url: str) -> None:
    """A case the database refuses (a clerk it does not know: the bulk write fails, on PostgreSQL in its
    COPY) in the middle of a batch: the batch is applied again op by op, the bad case alone is rejected
    with the database's reason and kept as a conflict, its rating waits for it (retry), everything
    before and after it applies once, and each applied op's event is published once."""
    bad: dict[str, uuid.UUID] = {}

    def batches(item_id: uuid.UUID) -> list[list[Raw]]:
        ops = (
            _visit(item_id, "P-0001")
            + _visit(item_id, "P-BAD", staff=uuid.uuid4())
            + _visit(item_id, "P-0003")
        )
        bad["op"] = ops[4][0]
        ops.append(_op(OpKind.FEEDBACK_CREATE, id=uuid.uuid4(), text="指引清楚", created_at=AT))
        return [ops, ops]  # and the same batch again: every op a duplicate now, the bad one still rejected

    (first, again), events, db = _apply(db_url, batches)
    try:
        statuses = [status for status, _ in first]
        assert statuses == ["applied"] * 4 + ["rejected", "retry"] + ["applied"] * 4
        assert "foreign key" in (first[4][1] or "").lower()  # the database's own reason
        assert [status for status, _ in again] == ["duplicate"] * 4 + ["duplicate", "retry"] + [
            "duplicate"
        ] * 4
        assert again[4][1] == first[4][1]  # the rejection's reason, kept
        with db.read_session() as s:
            assert sorted(s.scalars(select(m.Case.case_number))) == ["P-0001", "P-0003"]
            assert s.scalar(select(func.count()).select_from(m.Applicant)) == 3
            assert s.scalar(select(func.count()).select_from(m.Rating)) == 2
            assert s.scalar(select(func.count()).select_from(m.CaseTask)) == 2
            conflict = s.scalars(select(m.Conflict)).one()
            assert conflict.op_id == bad["op"] and conflict.reason == first[4][1]
            assert s.scalar(select(func.count()).select_from(m.ProcessedOp)) == 9  # the retry left no trace
        kinds = [e["type"] for e in events]
        assert kinds.count(Event.CASE_STATUS) == 2 and kinds.count(Event.RATING_CREATED) == 2
        assert kinds.count(Event.FEEDBACK_CREATED) == 1 and kinds.count(Event.SYNC_CONFLICT) == 1
        assert len(kinds) == 6
    finally:
        db.dispose()


def test_a_refused_ops_personal_fields_are_kept_sealed(db_url: str) -> None:
    """An applicant the center refuses (a name too long for its column): the conflict kept for the
    manager holds the ID number and phone encrypted with the center's key, never in clear."""
    import json

    def batches(item_id: uuid.UUID) -> list[list[Raw]]:
        payload = {"id": str(uuid.uuid4()), "name": "张" * 200, "id_number": "11010519491231002X",
                   "phone": "13812345678", "created_at": AT.isoformat()}
        return [[(uuid.uuid4(), OpKind.APPLICANT_CREATE.value, payload)]]

    (outcomes,), _, db = _apply(db_url, batches)
    try:
        assert outcomes[0][0] == "rejected"
        with db.read_session() as s:
            conflict = s.scalars(select(m.Conflict)).one()
        stored = json.dumps(conflict.payload, ensure_ascii=False)
        assert "13812345678" not in stored and "11010519491231002X" not in stored
        assert set(conflict.payload["_sealed"]) == {"id_number", "phone"} and conflict.payload["name"] == "张" * 200
    finally:
        db.dispose()
