"""The center's own audit events (logins, role changes, approvals), chained like a terminal's."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.audit_chain import GENESIS, chain_hash
from app.domain.clock import utcnow
from app.store import models as m
from app.store.rows import jsonable, next_value

CENTER_CHAIN = uuid.UUID(int=0)  # the center's own chain id


def append_center_event(
    session: Session,
    actor: str,
    action: str,
    *,
    object_type: str | None = None,
    object_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> m.AuditEvent:
    seq = next_value(session, "audit:center")
    prev = session.scalar(
        select(m.AuditEvent.hash).where(m.AuditEvent.terminal_id == CENTER_CHAIN, m.AuditEvent.seq == seq - 1)
    )
    at = utcnow()
    fields: dict[str, Any] = {
        "terminal_id": str(CENTER_CHAIN),
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
        terminal_id=CENTER_CHAIN,
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
    return event


def event_fields(ev: m.AuditEvent) -> dict[str, Any]:
    """The fields of a stored event as they were hashed."""
    return {
        "terminal_id": str(ev.terminal_id) if ev.terminal_id else None,
        "seq": ev.seq,
        "at": ev.at.isoformat(),
        "actor": ev.actor,
        "action": ev.action,
        "object_type": ev.object_type,
        "object_id": ev.object_id,
        "detail": ev.detail,
        "prev_hash": ev.prev_hash,
        "hash": ev.hash,
    }
