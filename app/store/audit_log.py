"""Appending to an audit hash chain (the center's own, or a terminal's) inside the current transaction."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.audit_chain import GENESIS, chain_hash
from app.domain.clock import utcnow
from app.store import models as m
from app.store.rows import jsonable, next_value


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
    """Add the next event of `chain` (its position from the gap-free `counter`); returns the event and the
    fields its hash covers."""
    seq = next_value(session, counter)
    prev = session.scalar(
        select(m.AuditEvent.hash).where(m.AuditEvent.terminal_id == chain, m.AuditEvent.seq == seq - 1)
    )
    at = utcnow()
    fields: dict[str, Any] = {
        "terminal_id": str(chain) if chain else None,
        "seq": seq,
        "at": at.isoformat(),
        "actor": actor,
        "action": action,
        "object_type": object_type,
        "object_id": object_id,
        "detail": jsonable(detail or {}),
    }
    prev_hash = prev or GENESIS
    event = m.AuditEvent(
        terminal_id=chain,
        seq=seq,
        at=at,
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        detail=fields["detail"],
        prev_hash=prev_hash,
        hash=chain_hash(prev_hash, fields),
    )
    session.add(event)
    return event, fields
