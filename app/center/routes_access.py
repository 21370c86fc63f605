"""`GET /api/v1/access-log`: the admin reads the access decisions (logins, enrollments, approvals,
revocations, role changes, refused access), newest first, from the center's audit chain."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.center.access_audit import ACCESS_ACTIONS
from app.center.api_errors import errors
from app.center.audit import CENTER_CHAIN
from app.center.deps import read_db, require
from app.center.security import Principal
from app.store import models as m

router = APIRouter(prefix="/api/v1", tags=["access"])
MAX_SEQ = 2**63 - 1


class AccessLineOut(BaseModel):
    seq: int
    at: str
    actor: str
    action: str
    object_type: str | None
    object_id: str | None
    detail: dict[str, Any]


@router.get("/access-log", response_model=list[AccessLineOut], responses=errors(401, 403, 422))
def access_log(
    limit: int = Query(200, ge=1, le=1000),
    before: int | None = Query(None, ge=1, le=MAX_SEQ, description="page back: lines older than this seq"),
    _: Principal = Depends(require("admin")),
    s: Session = Depends(read_db),
) -> list[AccessLineOut]:
    q = (
        select(m.AuditEvent)
        .where(m.AuditEvent.terminal_id == CENTER_CHAIN, m.AuditEvent.action.in_(ACCESS_ACTIONS))
        .order_by(m.AuditEvent.seq.desc())
        .limit(limit)
    )
    if before is not None:
        q = q.where(m.AuditEvent.seq < before)
    return [
        AccessLineOut(
            seq=e.seq,
            at=e.at.isoformat(),
            actor=e.actor,
            action=e.action,
            object_type=e.object_type,
            object_id=e.object_id,
            detail=dict(e.detail or {}),
        )
        for e in s.scalars(q)
    ]
