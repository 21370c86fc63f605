"""Replication endpoints: push (idempotent by op id), pull (gap-free cursor), number leases, conflicts,
and the audit chains' verification."""

from __future__ import annotations

import datetime as dt
import uuid

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.center.api_errors import ApiError, errors
from app.center.apply import PERSONAL_FIELDS, SEALED, ApplyContext, apply_batch
from app.center.audit import event_fields
from app.center.changelog import last_seq, next_value, record_change, visible_to
from app.center.context import CenterContext
from app.center.deps import ctx, read_db, require
from app.center.openapi_truth import raw_json_body
from app.center.rectify import open_rectification
from app.center.security import Principal
from app.domain.audit_chain import verify_chain
from app.domain.clock import local_today, utcnow
from app.domain.events import Event
from app.domain.idnumber import redact_text
from app.protocol.api import (
    CONFLICT_RESOLVED_ENTITY,
    ChangeOut,
    DocLeaseOut,
    HealthIn,
    LeaseOut,
    OpResult,
    PullOut,
    PushIn,
    PushOut,
    ResumeOut,
)
from app.protocol.subject import op_subject
from app.store import models as m

router = APIRouter(prefix="/api/v1", tags=["sync"])
TERMINALS = ("kiosk", "counter", "screen")


@router.post("/sync/push", response_model=PushOut, openapi_extra=raw_json_body(PushIn), responses=errors(413, 422))
async def push(
    request: Request, who: Principal = Depends(require(*TERMINALS)), c: CenterContext = Depends(ctx)
) -> PushOut:
    """Apply a batch of ops; each gets its own outcome. An op that cannot apply is rejected with its
    reason (and kept as a conflict for the manager); it never holds back the ops behind it."""
    try:
        body = PushIn.model_validate_json(await request.body())
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False)) from None
    return await run_in_threadpool(_push, body, who, c)


def _push(body: PushIn, who: Principal, c: CenterContext) -> PushOut:
    terminal_id = uuid.UUID(who.terminal_id) if who.terminal_id else None
    with c.db.write_session() as s:
        actx = ApplyContext(
            session=s,
            terminal_id=terminal_id,
            cipher=c.cipher,
            publish=lambda type_, data: c.bus.publish(s, type_, data),
            publish_all=lambda events: c.bus.publish_all(s, events),
            on_bad_rating=lambda sess, rating: open_rectification(sess, rating, c.settings),
        )
        answers = apply_batch(actx, [(op.op_id, op.kind, op.payload) for op in body.ops])
        results = [
            OpResult(op_id=op.op_id, status=status, reason=reason)
            for op, (status, reason) in zip(body.ops, answers, strict=True)
        ]
        if terminal_id is not None:
            s.execute(update(m.Terminal).where(m.Terminal.id == terminal_id).values(last_seen_at=utcnow()))
    return PushOut(results=results)


@router.post("/sync/health", status_code=204)
def report_health(
    body: HealthIn, who: Principal = Depends(require(*TERMINALS)), c: CenterContext = Depends(ctx)
) -> None:
    """A terminal's latest device health (one row per terminal, replaced each time; never queued)."""
    if not who.terminal_id:
        raise ApiError(403, "forbidden", "health reports come from terminals")
    with c.db.write_session() as s:
        term = s.get(m.Terminal, uuid.UUID(who.terminal_id))
        if term is None:
            raise ApiError(404, "not_found", "unknown terminal")
        term.health, term.last_seen_at = dict(body.health), utcnow()
        c.bus.publish(s, "terminal.health", {"terminal": term.name, "health": term.health})


@router.get("/sync/resume", response_model=ResumeOut)
def resume(who: Principal = Depends(require(*TERMINALS)), s: Session = Depends(read_db)) -> ResumeOut:
    """Where this terminal's numbering stands here (its audit chain's last position, its case numbers
    per day), for a terminal whose cache was rebuilt or that was enrolled again."""
    if not who.terminal_id:
        return ResumeOut()
    tid = uuid.UUID(who.terminal_id)
    audit_seq = s.scalar(select(func.max(m.AuditEvent.seq)).where(m.AuditEvent.terminal_id == tid))
    case_seqs: dict[str, int] = {}
    numbers = s.execute(
        select(m.Case.received_on, func.max(m.Case.case_number))
        .where(m.Case.origin_terminal_id == tid)
        .group_by(m.Case.received_on)
    ).all()
    for day, number in numbers:
        tail = str(number).rsplit("-", 1)[-1]
        if tail.isdigit():
            case_seqs[day.isoformat()] = int(tail)
    audit_hash = None
    if audit_seq:
        audit_hash = s.scalar(
            select(m.AuditEvent.hash).where(m.AuditEvent.terminal_id == tid, m.AuditEvent.seq == audit_seq)
        )
    return ResumeOut(audit_seq=int(audit_seq or 0), audit_hash=audit_hash, case_seqs=case_seqs)


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
        return LeaseOut(id=lease.id, category=cat.prefix, day=day.isoformat(), first=first, last=last)


class DocLeaseIn(BaseModel):
    kind: str = Field(pattern="^(受|容|告|不受|补)$")
    year: int = Field(ge=2000, le=2100)
    size: int = Field(20, ge=1, le=500)


@router.post("/sync/doc-numbers", response_model=DocLeaseOut, status_code=201)
def lease_doc_numbers(
    body: DocLeaseIn, who: Principal = Depends(require("counter")), c: CenterContext = Depends(ctx)
) -> DocLeaseOut:
    """Lease a block of the hall's yearly document-number sequence of one notice kind to a counter: the
    one sequence of the hall, handed out in blocks, so no two counters print the same number."""
    with c.db.write_session() as s:
        end = next_value(s, f"doc:{body.kind}:{body.year}", step=body.size)
    return DocLeaseOut(kind=body.kind, year=body.year, first=end - body.size + 1, last=end)


class ConflictOut(BaseModel):
    id: uuid.UUID
    terminal: str | None
    op_id: uuid.UUID
    kind: str
    entity_id: str | None
    subject: str = ""  # which record, in words a manager recognises (case number, ticket, masked name)
    reason: str
    at: str
    resolved: bool


def _case_numbers(s: Session, found: list[m.Conflict]) -> dict[str, str]:
    """The numbers of the cases that refused transitions name by id only."""
    ids = set()
    for cf in found:
        try:
            ids.add(uuid.UUID(str((cf.payload or {}).get("case_id"))))
        except ValueError:
            continue
    if not ids:
        return {}
    return {str(i): n for i, n in s.execute(select(m.Case.id, m.Case.case_number).where(m.Case.id.in_(ids)))}


def _conflict_out(cf: m.Conflict, terminal: str | None, case_numbers: dict[str, str] | None = None) -> ConflictOut:
    return ConflictOut(
        id=cf.id,
        terminal=terminal,
        op_id=cf.op_id,
        kind=cf.kind,
        entity_id=cf.entity_id,
        subject=op_subject(cf.kind, cf.payload, case_numbers),
        reason=redact_text(cf.reason),  # an ID or phone number quoted by a database error stays masked
        at=cf.at.isoformat(),
        resolved=cf.resolved,
    )


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
    found = list(s.scalars(q))
    numbers = _case_numbers(s, found)
    return [_conflict_out(cf, names.get(cf.terminal_id) if cf.terminal_id else None, numbers) for cf in found]


class ResolveIn(BaseModel):
    note: str = Field("", max_length=500)  # what the manager did about it (kept in the audit chain)


@router.post("/conflicts/{conflict_id}/resolve", response_model=ConflictOut, tags=["manager"])
def resolve_conflict(
    conflict_id: uuid.UUID,
    body: ResolveIn | None = None,
    who: Principal = Depends(require("manager")),
    c: CenterContext = Depends(ctx),
) -> ConflictOut:
    """A manager has dealt with a refused op (re-entered the record, told the clerk): the conflict is
    closed, the audit chain says who closed it, and the op's terminal stops showing it."""
    from app.center.audit import append_center_event

    note = (body or ResolveIn()).note.strip()
    with c.db.write_session() as s:
        cf = s.get(m.Conflict, conflict_id)
        if cf is None:
            raise ApiError(404, "not_found", f"no conflict {conflict_id}")
        terminal = s.get(m.Terminal, cf.terminal_id) if cf.terminal_id else None
        if not cf.resolved:
            cf.resolved = True
            # once resolved, its personal fields (sealed, or in clear in rows from before) are not kept
            cf.payload = {k: v for k, v in (cf.payload or {}).items() if k not in PERSONAL_FIELDS | {SEALED}}
            append_center_event(
                s,
                who.subject,
                "conflict.resolved",
                object_type="conflict",
                object_id=str(cf.id),
                detail={"op_id": str(cf.op_id), "kind": cf.kind, "terminal": terminal.name if terminal else None}
                | ({"note": redact_text(note)} if note else {}),
            )
            if terminal is not None:
                # to the terminals of the op's kind (only its own holds the op; the change names nothing
                # else). "terminal:<id>" would be narrower but does not fit change_log.audience (20).
                record_change(
                    s,
                    CONFLICT_RESOLVED_ENTITY,
                    str(cf.op_id),
                    {"op_id": str(cf.op_id), "conflict_id": str(cf.id), "resolved": True},
                    audience=f"kind:{terminal.kind.value}",
                )
            c.bus.publish(s, Event.SYNC_CONFLICT_RESOLVED, {"id": str(cf.id), "op_id": str(cf.op_id)})
        return _conflict_out(cf, terminal.name if terminal else None, _case_numbers(s, [cf]))


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
