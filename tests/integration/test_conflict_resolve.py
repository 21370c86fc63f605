"""A manager resolves a conflict (SQLite and PostgreSQL): only managers may, once is enough (one audit
event), the refused payload loses its personal fields, and the terminal that sent the op stops counting
it at its next sync while another terminal's own refusal stays."""

from __future__ import annotations

import datetime as dt
import uuid

import httpx
from sqlalchemy import select

from app.protocol.ops import OpKind, build_payload, wire_payload
from app.store import models as m
from app.sync import outbox
from app.sync.terminal import Terminal
from tests.integration.test_replication import accept_case, center, make_terminal
from tests.support.center import CenterServer

__all__ = ["center"]  # the fixture, on SQLite and PostgreSQL


def _poison(term: Terminal, number: str) -> uuid.UUID:
    """A case naming a clerk the center does not know: the protocol takes it, the database does not."""
    with term.cache.db.write_session() as s:
        bad = build_payload(
            OpKind.CASE_CREATE,
            id=uuid.uuid4(),
            case_number=number,
            item_id=s.scalars(select(m.ServiceItem.id)).first(),
            applicant_id=s.scalars(select(m.Applicant.id)).first(),
            staff_id=uuid.uuid4(),
            status="accepted",
            decision="accept",
            received_on=dt.date(2025, 9, 30),
            created_at=dt.datetime(2025, 9, 30, 2, tzinfo=dt.UTC),
        )
        return outbox.enqueue(s, OpKind.CASE_CREATE.value, wire_payload(bad))


def _token(c: CenterServer, user: str, password: str) -> dict[str, str]:
    r = httpx.post(f"{c.url}/api/v1/auth/login", json={"username": user, "password": password})
    return {"Authorization": f"Bearer {r.json()['token']}"}


def test_a_resolved_conflict_leaves_its_terminal_and_only_its_own(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    one, two = make_terminal(center, tmp_path, "counter-1"), make_terminal(center, tmp_path, "counter-2")
    try:
        for term, number in ((one, "R-0001"), (two, "R-0002")):
            term.engine.sync_once()
            accept_case(term, number)
            assert term.engine.sync_once().rejected_ops == 0
        bad_one, bad_two = _poison(one, "R-BAD-1"), _poison(two, "R-BAD-2")
        assert one.engine.sync_once().rejected_ops == 1 and two.engine.sync_once().rejected_ops == 1

        manager, clerk = _token(center, "manager", "manager"), _token(center, "clerk01", "clerk")
        base = f"{center.url}/api/v1/conflicts"
        listed = httpx.get(base, headers=manager).json()
        assert {c["subject"] for c in listed} == {"R-BAD-1", "R-BAD-2"}
        mine = next(c for c in listed if c["op_id"] == str(bad_one))
        assert mine["terminal"] == "counter-1" and mine["kind"] == "case.create" and not mine["resolved"]
        with center.db.write_session() as s:  # as an older center kept it: the pushed payload in clear
            cf = s.get(m.Conflict, uuid.UUID(mine["id"]))
            assert cf is not None
            cf.payload = {**cf.payload, "phone": "13812345678", "id_number": "110101199003071234"}

        assert httpx.post(f"{base}/{mine['id']}/resolve", headers=clerk).status_code == 403
        assert httpx.post(f"{base}/{uuid.uuid4()}/resolve", headers=manager).status_code == 404
        for _ in range(2):  # a second click changes nothing
            r = httpx.post(f"{base}/{mine['id']}/resolve", headers=manager, json={"note": "已重新受理 13812345678"})
            assert r.status_code == 200 and r.json()["resolved"] and r.json()["subject"] == "R-BAD-1"
        assert [c["op_id"] for c in httpx.get(base, headers=manager).json()] == [str(bad_two)]
        assert len(httpx.get(base, headers=manager, params={"include_resolved": "true"}).json()) == 2
        with center.db.read_session() as s:
            cf = s.get(m.Conflict, uuid.UUID(mine["id"]))
            assert cf is not None and cf.resolved
            assert "phone" not in cf.payload and "id_number" not in cf.payload
            (event,) = s.scalars(select(m.AuditEvent).where(m.AuditEvent.action == "conflict.resolved"))
            assert event.actor == "manager" and event.detail["note"] == "已重新受理 138****5678"

        status = one.engine.sync_once()
        assert status.online and status.rejected_ops == 0 and status.rejected == ()
        with one.cache.db.read_session() as s:
            row = s.get(m.OutboxOp, bad_one)
            assert row is not None and row.status == "resolved" and row.payload == {}
        assert two.engine.sync_once().rejected_ops == 1  # counter-2's own refusal is still open
        with two.cache.db.read_session() as s:
            assert [op.op_id for op in outbox.refused(s)] == [bad_two]
    finally:
        one.close()
        two.close()
