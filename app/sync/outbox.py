"""The transactional outbox: a domain write and the operation that replicates it commit together.

Personal fields (ID number, phone, address) never sit in the outbox in clear: they are sealed with the
terminal's data key and unsealed only in memory, at push time. Once the center has the op, its payload
is emptied, so nothing personal lingers on the terminal."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from app.domain.clock import utcnow
from app.errors import HallError
from app.protocol.ops import OpInvalid, parse_op
from app.store import models as m
from app.store.crypto import FieldCipher

SEALED = "_sealed"


def enqueue(
    session: Session,
    kind: str,
    payload: dict[str, Any],
    *,
    cipher: FieldCipher | None = None,
    sealed: Iterable[str] = (),
) -> uuid.UUID:
    body = dict(payload)
    to_seal = [k for k in sealed if body.get(k) is not None]
    if to_seal:
        if cipher is None:
            raise ValueError("sealing personal fields needs the terminal's cipher")
        body[SEALED] = {k: (cipher.encrypt(str(body.pop(k))) or b"").decode() for k in to_seal}
    op = m.OutboxOp(kind=kind, payload=body)
    session.add(op)
    session.flush()
    return op.op_id


def unseal(payload: dict[str, Any], cipher: FieldCipher | None) -> dict[str, Any]:
    body = dict(payload)
    sealed = body.pop(SEALED, None)
    if sealed:
        if cipher is None:
            raise ValueError("unsealing personal fields needs the terminal's cipher")
        for key, token in sealed.items():
            body[key] = cipher.decrypt(token.encode())
    return body


@dataclass(frozen=True)
class ReadyOp:
    """A pending op read back and checked: ready to push, its payload in clear (in memory only)."""

    op_id: uuid.UUID
    kind: str
    payload: dict[str, Any]
    stored_id: str = ""  # the op id as the outbox stores it (where a read after this op starts)

    def wire(self) -> dict[str, Any]:
        return {"op_id": str(self.op_id), "kind": self.kind, "payload": self.payload}


def pending(session: Session, limit: int) -> list[m.OutboxOp]:
    return list(
        session.scalars(
            select(m.OutboxOp).where(m.OutboxOp.status == "pending").order_by(m.OutboxOp.op_id).limit(limit)
        )
    )


def ready(
    session: Session,
    limit: int,
    cipher: FieldCipher | None,
    *,
    after: str | None = None,
    max_bytes: int | None = None,
) -> tuple[list[ReadyOp], dict[str, str], bool]:
    """The next pending ops (after the stored op id `after`, if given; at most `limit`, and no more than
    about `max_bytes` of payload once there is one), each read on its own: a damaged row (its JSON or a
    sealed field altered on disk, or no longer a valid op) does not stop the others. Returns the good
    ops, for each damaged row why (the caller sets it aside), both in the order read so that the last
    key of the two is where the next read starts, and whether more may follow (a limit was reached)."""
    rows = session.execute(
        text(
            "SELECT op_id, kind, payload FROM outbox WHERE status = 'pending' AND op_id > :after "
            "ORDER BY op_id LIMIT :n"
        ),
        {"n": limit, "after": after or ""},
    ).all()
    good: list[ReadyOp] = []
    damaged: dict[str, str] = {}
    size = 0
    for raw_id, kind, raw_payload in rows:
        size += len(raw_payload) if isinstance(raw_payload, str | bytes) else 0
        if max_bytes is not None and good and size > max_bytes:  # a full request: the rest comes next
            return good, damaged, True
        key = str(raw_id)
        try:
            op_id = uuid.UUID(hex=str(raw_id)) if not isinstance(raw_id, uuid.UUID) else raw_id
            body = json.loads(raw_payload) if isinstance(raw_payload, str | bytes) else raw_payload
            if not isinstance(body, dict):
                raise ValueError("the payload is not a JSON object")
            clear = unseal(body, cipher)
            parse_op(op_id, kind, clear)
        except (ValueError, TypeError, HallError, OpInvalid, AttributeError) as exc:
            damaged[key] = f"damaged outbox row: {type(exc).__name__}: {str(exc)[:300]}"
            continue
        good.append(ReadyOp(op_id, str(kind), clear, key))
    return good, damaged, len(rows) == limit


def set_aside(session: Session, damaged: dict[str, str]) -> None:
    """Mark damaged rows (by their stored id text) so they are kept for inspection but never pushed."""
    for raw_id, reason in damaged.items():
        session.execute(
            text("UPDATE outbox SET status = 'damaged', last_error = :r WHERE op_id = :i"),
            {"r": reason, "i": raw_id},
        )


def mark_applied(session: Session, op_ids: list[uuid.UUID]) -> None:
    """The center has these ops: forget their payloads (nothing personal lingers here)."""
    if op_ids:
        session.execute(
            update(m.OutboxOp)
            .where(m.OutboxOp.op_id.in_(op_ids))
            .values(status="applied", payload={}, last_error=None, applied_at=utcnow())
        )


def prune(session: Session, older_than_days: float) -> int:
    """Delete ops the center applied (or whose refusal a manager resolved) more than `older_than_days`
    ago; returns how many."""
    cutoff = utcnow() - dt.timedelta(days=older_than_days)
    res = session.execute(
        delete(m.OutboxOp).where(
            m.OutboxOp.status.in_(("applied", "resolved")),
            func.coalesce(m.OutboxOp.applied_at, m.OutboxOp.created_at) < cutoff,
        )
    )
    return int(getattr(res, "rowcount", 0) or 0)


def rejected(session: Session, limit: int = 20) -> list[tuple[str, str]]:
    """The latest ops that will never apply (rejected by the center or damaged here): kind and reason."""
    rows = session.execute(
        select(m.OutboxOp.kind, m.OutboxOp.last_error)
        .where(m.OutboxOp.status.in_(("rejected", "damaged")))
        .order_by(m.OutboxOp.op_id.desc())
        .limit(limit)
    ).all()
    return [(k, r or "") for k, r in rows]


@dataclass(frozen=True)
class RefusedOp:
    """An op that will never apply, as the terminal shows it to its user."""

    op_id: uuid.UUID
    kind: str
    written_at: dt.datetime  # when the record was written here (UTC)
    status: str  # rejected (by the center) / damaged (unreadable here)
    reason: str
    payload: dict[str, Any]  # as stored: personal fields still sealed; {} when unreadable


def refused(session: Session, limit: int = 200) -> list[RefusedOp]:
    """The ops still waiting for a manager (rejected by the center, or damaged here), newest first."""
    statuses = ("rejected", "damaged")
    rows = session.execute(
        select(m.OutboxOp.op_id, m.OutboxOp.kind, m.OutboxOp.created_at, m.OutboxOp.status, m.OutboxOp.last_error)
        .where(m.OutboxOp.status.in_(statuses))
        .order_by(m.OutboxOp.created_at.desc(), m.OutboxOp.op_id.desc())
        .limit(limit)
    ).all()
    # payloads read as text, each on its own: a damaged row's JSON must not hide the others
    payloads: dict[uuid.UUID, dict[str, Any]] = {}
    for raw_id, raw in session.execute(
        text("SELECT op_id, payload FROM outbox WHERE status IN ('rejected', 'damaged')")
    ).all():
        try:
            key = raw_id if isinstance(raw_id, uuid.UUID) else uuid.UUID(hex=str(raw_id))
            body = json.loads(raw) if isinstance(raw, str | bytes) else raw
        except (ValueError, TypeError):
            continue
        if isinstance(body, dict):
            payloads[key] = body
    return [
        RefusedOp(op_id, kind, at, status, reason or "", payloads.get(op_id, {}))
        for op_id, kind, at, status, reason in rows
    ]


def resolve(session: Session, op_id: uuid.UUID) -> bool:
    """A manager resolved the center's refusal of this op: it is no longer shown, and its payload (which
    may hold personal fields, sealed) is forgotten. False when this terminal holds no such refused op."""
    res = session.execute(
        update(m.OutboxOp)
        .where(m.OutboxOp.op_id == op_id, m.OutboxOp.status == "rejected")
        .values(status="resolved", payload={}, applied_at=utcnow())
    )
    return bool(getattr(res, "rowcount", 0))


def counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(m.OutboxOp.status, func.count()).group_by(m.OutboxOp.status)).all()
    return {status: int(n) for status, n in rows}
