"""Appending to an audit hash chain (the center's own, or a terminal's) inside the current transaction."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.audit_chain import GENESIS, chain_hash
from app.domain.clock import utcnow
from app.store import models as m
from app.store.rows import jsonable, next_value


def next_event(
    session: Session,
    chain: uuid.UUID | None,
    counter: str,
    actor: str,
    action: str,
    *,
    object_type: str | None = None,
    object_id: str | None = None,
    detail: dict[str, Any] | None = None,
    tail: tuple[int, str] | None = None,
) -> tuple[dict[str, Any], str, str]:
    """The next event of `chain` (its position from the gap-free `counter`), not yet written: the fields
    its hash covers, the previous hash and its own hash. `tail` (seq, hash) is the chain's last event when
    it is not stored here (a terminal whose cache was rebuilt continues the chain the center holds)."""
    seq = next_value(session, counter)
    prev = session.scalar(
        select(m.AuditEvent.hash).where(m.AuditEvent.terminal_id == chain, m.AuditEvent.seq == seq - 1)
    )
    fields: dict[str, Any] = {
        "terminal_id": str(chain) if chain else None,
        "seq": seq,
        "at": utcnow().isoformat(),
        "actor": actor,
        "action": action,
        "object_type": object_type,
        "object_id": object_id,
        "detail": jsonable(detail or {}),
    }
    if prev is None and tail is not None and tail[0] == seq - 1:
        prev = tail[1]
    prev_hash = prev or GENESIS
    return fields, prev_hash, chain_hash(prev_hash, fields)


def append_event(
    session: Session,
    chain: uuid.UUID | None,
    counter: str,
    actor: str,
    action: str,
    *,
    object_type: str | None = None,
    object_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> tuple[m.AuditEvent, dict[str, Any]]:
    """Add the next event of `chain`; returns the event and the fields its hash covers."""
    fields, prev_hash, hash_ = next_event(
        session, chain, counter, actor, action, object_type=object_type, object_id=object_id, detail=detail
    )
    event = m.AuditEvent(
        terminal_id=chain,
        seq=fields["seq"],
        at=dt.datetime.fromisoformat(fields["at"]),
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        detail=fields["detail"],
        prev_hash=prev_hash,
        hash=hash_,
    )
    session.add(event)
    return event, fields
