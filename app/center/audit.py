"""The center's own audit events (logins, role changes, approvals), chained like a terminal's."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from app.store import models as m
from app.store.audit_log import append_event

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
    event, _ = append_event(
        session,
        CENTER_CHAIN,
        "audit:center",
        actor,
        action,
        object_type=object_type,
        object_id=object_id,
        detail=detail,
    )
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
