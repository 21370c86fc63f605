"""Replication endpoints: push (idempotent by op id), pull (gap-free cursor), number leases, conflicts,
and the audit chains' verification."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.center.api_errors import ApiError
from app.center.apply import ApplyContext, apply_batch
from app.center.audit import event_fields
from app.center.changelog import last_seq, next_value, visible_to
from app.center.context import CenterContext
from app.center.deps import ctx, read_db, require
from app.center.rectify import open_rectification
from app.center.security import Principal
from app.domain.audit_chain import verify_chain
from app.domain.clock import local_today
from app.store import models as m

router = APIRouter(prefix="/api/v1", tags=["sync"])
TERMINALS = ("kiosk", "counter", "screen")
MAX_OPS = 500


class OpIn(BaseModel):
    op_id: uuid.UUID
    kind: str = Field(max_length=40)
    payload: dict[str, Any]


class PushIn(BaseModel):
    ops: list[OpIn] = Field(max_length=MAX_OPS)


class OpResult(BaseModel):
    op_id: uuid.UUID
    status: str  # applied / duplicate / rejected / retry
    reason: str | None = None


class PushOut(BaseModel):
    results: list[OpResult]


@router.post("/sync/push", response_model=PushOut)
def push(
    body: PushIn, who: Principal = Depends(require(*TERMINALS)), c: CenterContext = Depends(ctx)
) -> PushOut:
    terminal_id = uuid.UUID(who.terminal_id) if who.terminal_id else None
    results: list[OpResult] = []
    with c.db.write_session() as s:
        actx = ApplyContext(
            session=s,
            terminal_id=terminal_id,
            cipher=c.cipher,
            publish=lambda type_, data: c.bus.publish(s, type_, data),
            on_bad_rating=lambda sess, rating: open_rectification(sess, rating, c.settings),
        )
        answers = apply_batch(actx, [(op.op_id, op.kind, op.payload) for op in body.ops])
        for op, (status, reason) in zip(body.ops, answers, strict=True):
            results.append(OpResult(op_id=op.op_id, status=status, reason=reason))
        if terminal_id is not None:
            term = s.get(m.Terminal, terminal_id)
            if term is not None:
                from app.domain.clock import utcnow

                term.last_seen_at = utcnow()
    return PushOut(results=results)


class ChangeOut(BaseModel):
    seq: int
    entity: str
    entity_id: str
    op: str
    data: dict[str, Any]


class PullOut(BaseModel):
    changes: list[ChangeOut]
    cursor: int  # give this as `after` next time
    last_seq: int  # the newest change at the center
    has_more: bool


@router.get("/sync/pull", response_model=PullOut)
def pull(
    after: int = Query(0, ge=0, le=2**63 - 1),
    limit: int = Query(500, ge=1, le=5000),
    who: Principal = Depends(require(*TERMINALS, "clerk", "manager")),
    s: Session = Depends(read_db),
) -> PullOut:
    newest = last_seq(s)
    rows = s.scalars(
        select(m.ChangeLog).where(m.ChangeLog.seq > after).order_by(m.ChangeLog.seq).limit(limit)
    ).all()
    changes = [
        ChangeOut(seq=r.seq, entity=r.entity, entity_id=r.entity_id, op=r.op, data=r.data)
        for r in rows
        if visible_to(r.audience, who.role, who.terminal_id)
    ]
    cursor = rows[-1].seq if rows else after
    return PullOut(changes=changes, cursor=cursor, last_seq=newest, has_more=cursor < newest)


class LeaseIn(BaseModel):
    category: str = Field(min_length=1, max_length=2)
    day: dt.date | None = None
    size: int = Field(10, ge=1, le=50)


class LeaseOut(BaseModel):
    id: uuid.UUID
    category: str
    day: dt.date
    first: int
    last: int


OFFLINE_BAND_START = 900  # offline tickets are numbered A900…A999: visibly distinct from the online ones


@router.post("/sync/leases", response_model=LeaseOut, status_code=201)
def lease_numbers(
    body: LeaseIn, who: Principal = Depends(require("kiosk")), c: CenterContext = Depends(ctx)
) -> LeaseOut:
    """Lease a block of the offline band to a kiosk, so tickets it issues offline never clash."""
    day = body.day or local_today()
    with c.db.write_session() as s:
        cat = s.scalar(select(m.Category).where(m.Category.prefix == body.category.upper()))
        if cat is None:
            raise ApiError(404, "not_found", f"no queue category {body.category!r}")
        end = next_value(s, f"lease:{cat.prefix}:{day.isoformat()}", step=body.size)
        first = OFFLINE_BAND_START + end - body.size
        last = OFFLINE_BAND_START + end - 1
        if last > 999:
            raise ApiError(409, "band_exhausted", f"the offline band of {cat.prefix} is used up for {day}")
        terminal_id = uuid.UUID(who.terminal_id) if who.terminal_id else uuid.UUID(int=0)
        lease = m.NumberLease(
            terminal_id=terminal_id,
            category_id=cat.id,
            service_day=day,
            first_seq=first,
            last_seq=last,
            next_seq=first,
        )
        s.add(lease)
        s.flush()
        return LeaseOut(id=lease.id, category=cat.prefix, day=day, first=first, last=last)


class ConflictOut(BaseModel):
    id: uuid.UUID
    terminal: str | None
    op_id: uuid.UUID
    kind: str
    entity_id: str | None
    reason: str
    at: str
    resolved: bool


@router.get("/conflicts", response_model=list[ConflictOut], tags=["manager"])
def conflicts(
    include_resolved: bool = False,
    _: Principal = Depends(require("manager")),
    s: Session = Depends(read_db),
) -> list[ConflictOut]:
    names = dict(s.execute(select(m.Terminal.id, m.Terminal.name)).all())
    q = select(m.Conflict).order_by(m.Conflict.at.desc()).limit(500)
    if not include_resolved:
        q = q.where(m.Conflict.resolved.is_(False))
    return [
        ConflictOut(
            id=cf.id,
            terminal=names.get(cf.terminal_id) if cf.terminal_id else None,
            op_id=cf.op_id,
            kind=cf.kind,
            entity_id=cf.entity_id,
            reason=cf.reason,
            at=cf.at.isoformat(),
            resolved=cf.resolved,
        )
        for cf in s.scalars(q)
    ]


class ChainOut(BaseModel):
    terminal_id: str
    terminal: str | None
    ok: bool
    message: str


@router.get("/audit/verify", response_model=list[ChainOut], tags=["manager"])
def verify_audit(_: Principal = Depends(require("manager")), s: Session = Depends(read_db)) -> list[ChainOut]:
    names = {str(k): v for k, v in s.execute(select(m.Terminal.id, m.Terminal.name)).all()}
    out: list[ChainOut] = []
    for (tid,) in s.execute(select(m.AuditEvent.terminal_id).group_by(m.AuditEvent.terminal_id)).all():
        events = s.scalars(
            select(m.AuditEvent).where(m.AuditEvent.terminal_id == tid).order_by(m.AuditEvent.seq)
        )
        ok, message = verify_chain(event_fields(e) for e in events)
        name = names.get(str(tid), "center" if tid == uuid.UUID(int=0) else None)
        out.append(ChainOut(terminal_id=str(tid), terminal=name, ok=ok, message=message))
    return out


@router.get("/sync/stats", tags=["sync"])
def sync_stats(_: Principal = Depends(require("manager")), s: Session = Depends(read_db)) -> dict[str, int]:
    return {
        "last_seq": last_seq(s),
        "processed_ops": int(s.scalar(select(func.count()).select_from(m.ProcessedOp)) or 0),
        "open_conflicts": int(
            s.scalar(select(func.count()).select_from(m.Conflict).where(m.Conflict.resolved.is_(False))) or 0
        ),
    }
