"""Applying the operations terminals push: each once, by op id, in its own savepoint.

Answers per op: `applied`; `duplicate` (seen before: the terminal may forget it); `rejected` (never
applies: logged in the conflict table for a manager, the terminal shows it); `retry` (a record it needs
has not arrived yet, e.g. reordered delivery: nothing is recorded and the terminal sends it again).
Records born at terminals are insert-only and idempotent by id; status changes are transitions checked
against the state machine, so a late transition can never move a status backward.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.center.changelog import record_change
from app.domain.audit_chain import GENESIS, chain_hash
from app.domain.clock import utcnow
from app.domain.idnumber import mask_id_number, mask_phone
from app.domain.lookup import progress_key
from app.domain.states import CaseStatus, InvalidTransition, check_case_transition
from app.store import models as m
from app.store.crypto import FieldCipher

log = logging.getLogger("hall.center.sync")


class Rejected(Exception):
    """The op can never apply (bad data, a transition from a state the record is not in, a broken chain)."""


class Retry(Exception):
    """The op depends on a record not here yet; the terminal should send it again later."""


@dataclass
class ApplyContext:
    session: Session
    terminal_id: uuid.UUID | None
    cipher: FieldCipher
    publish: Callable[[str, dict[str, Any]], None]
    on_bad_rating: Callable[[Session, m.Rating], object]
    processed: dict[uuid.UUID, str | None] = field(default_factory=dict)  # op ids seen → reason
    chain_tail: dict[uuid.UUID | None, tuple[int, str]] = field(default_factory=dict)

    def prefetch(self, op_ids: list[uuid.UUID]) -> None:
        """One query for the whole batch instead of one per op."""
        if op_ids:
            rows = self.session.execute(
                select(m.ProcessedOp.op_id, m.ProcessedOp.reason).where(m.ProcessedOp.op_id.in_(op_ids))
            ).all()
            self.processed.update({op_id: reason for op_id, reason in rows})


def _uuid(value: Any, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except (ValueError, TypeError):
        raise Rejected(f"{what} is not a UUID: {value!r}") from None


def _opt_uuid(value: Any, what: str) -> uuid.UUID | None:
    return None if value in (None, "") else _uuid(value, what)


def _date(value: Any, what: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise Rejected(f"{what} is not a date: {value!r}") from None


def _time(value: Any, what: str) -> dt.datetime | None:
    if value in (None, ""):
        return None
    try:
        t = dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise Rejected(f"{what} is not a time: {value!r}") from None
    if t.tzinfo is None:
        raise Rejected(f"{what} has no time zone")
    return t


def _require(payload: dict[str, Any], *keys: str) -> None:
    missing = [k for k in keys if payload.get(k) in (None, "")]
    if missing:
        raise Rejected(f"missing field(s): {', '.join(missing)}")


def _existing(session: Session, cls: type[m.Base], ident: uuid.UUID) -> m.Base | None:
    return session.get(cls, ident)


def apply_applicant(ctx: ApplyContext, p: dict[str, Any]) -> str:
    _require(p, "id", "name")
    ident = _uuid(p["id"], "id")
    if _existing(ctx.session, m.Applicant, ident) is not None:
        return "duplicate"
    id_number, phone = p.get("id_number"), p.get("phone")
    ctx.session.add(
        m.Applicant(
            id=ident,
            kind=p.get("kind", "person"),
            name=str(p["name"])[:100],
            id_type=p.get("id_type", "resident"),
            id_number_enc=ctx.cipher.encrypt(id_number),
            id_number_hash=ctx.cipher.lookup_hash(id_number) if id_number else None,
            id_number_masked=mask_id_number(id_number),
            phone_enc=ctx.cipher.encrypt(phone),
            phone_masked=mask_phone(phone),
            address_enc=ctx.cipher.encrypt(p.get("address")),
            company_name=p.get("company_name"),
            credit_code=p.get("credit_code"),
            origin_terminal_id=ctx.terminal_id,
            created_at=_time(p.get("created_at"), "created_at") or utcnow(),
        )
    )
    return "applied"


def case_summary(case: m.Case, item_code: str) -> dict[str, Any]:
    """What every terminal may know of a case (the kiosk's progress lookup): no personal data."""
    return {
        "id": str(case.id),
        "case_number": case.case_number,
        "item_code": item_code,
        "status": case.status.value,
        "received_on": case.received_on.isoformat(),
        "due_date": case.due_date.isoformat() if case.due_date else None,
        "window_number": case.window_number,
        "delivery_method": case.delivery_method,
        "tracking_number": case.tracking_number,
    }


def apply_case(ctx: ApplyContext, p: dict[str, Any]) -> str:
    _require(p, "id", "case_number", "applicant_id", "status", "decision", "received_on")
    s = ctx.session
    ident = _uuid(p["id"], "id")
    if _existing(s, m.Case, ident) is not None:
        return "duplicate"
    item = None
    if p.get("item_id"):
        item = s.get(m.ServiceItem, _uuid(p["item_id"], "item_id"))
    elif p.get("item_code"):
        item = s.scalar(select(m.ServiceItem).where(m.ServiceItem.code == p["item_code"]))
    if item is None:
        raise Rejected(f"unknown service item {p.get('item_id') or p.get('item_code')!r}")
    applicant = s.get(m.Applicant, _uuid(p["applicant_id"], "applicant_id"))
    if applicant is None:
        raise Retry("applicant not received yet")
    try:
        status = CaseStatus(p["status"])
    except ValueError:
        raise Rejected(f"unknown case status {p['status']!r}") from None
    if s.scalar(select(m.Case.id).where(m.Case.case_number == p["case_number"])) is not None:
        raise Rejected(f"case number {p['case_number']} is already used by another case")
    ticket_id = _opt_uuid(p.get("ticket_id"), "ticket_id")
    if ticket_id is not None and s.get(m.Ticket, ticket_id) is None:
        ticket_id = None  # an offline ticket that never reached the center: keep the case, drop the link
    case = m.Case(
        id=ident,
        case_number=p["case_number"],
        item_id=item.id,
        applicant_id=applicant.id,
        ticket_id=ticket_id,
        window_number=p.get("window_number"),
        staff_id=_opt_uuid(p.get("staff_id"), "staff_id"),
        origin_terminal_id=ctx.terminal_id,
        status=status,
        decision=p["decision"],
        received_on=_date(p["received_on"], "received_on") or utcnow().date(),
        accepted_at=_time(p.get("accepted_at"), "accepted_at"),
        due_date=_date(p.get("due_date"), "due_date"),
        legal_due_date=_date(p.get("legal_due_date"), "legal_due_date"),
        deferral_due=_date(p.get("deferral_due"), "deferral_due"),
        refusal_reason=p.get("refusal_reason"),
        refusal_basis=p.get("refusal_basis"),
        delivery_method=p.get("delivery_method"),
        created_at=_time(p.get("created_at"), "created_at") or utcnow(),
    )
    s.add(case)
    for i, mat in enumerate(p.get("materials") or []):
        _require(mat, "name")
        s.add(
            m.CaseMaterial(
                id=_opt_uuid(mat.get("id"), "material id") or uuid.uuid4(),
                case_id=ident,
                material_id=_opt_uuid(mat.get("material_id"), "material_id"),
                position=mat.get("position", i),
                name=mat["name"],
                originals_received=int(mat.get("originals_received", 0)),
                copies_received=int(mat.get("copies_received", 0)),
                state=mat.get("state", "received"),
                promised_date=_date(mat.get("promised_date"), "promised_date"),
                note=mat.get("note"),
            )
        )
    s.add(
        m.CaseTransition(
            case_id=ident,
            from_status=None,
            to_status=status.value,
            terminal_id=ctx.terminal_id,
            actor_id=case.staff_id,
            at=case.created_at,
            reason=p["decision"],
        )
    )
    s.flush()
    tail_hash = p.get("id_tail_hash")  # computed by the terminal at acceptance (a deliberately slow hash)
    if not tail_hash:
        id_number = ctx.cipher.decrypt(applicant.id_number_enc)
        tail_hash = progress_key(case.case_number, id_number) if id_number else None
    _publish_case(ctx, case, item.code, tail_hash)
    return "applied"


def _publish_case(ctx: ApplyContext, case: m.Case, item_code: str, id_tail_hash: str | None) -> None:
    summary = case_summary(case, item_code)
    summary["id_tail_hash"] = id_tail_hash
    record_change(ctx.session, "case_status", str(case.id), summary)
    ctx.publish(
        "case.status", {k: summary[k] for k in ("case_number", "status", "due_date", "window_number")}
    )


def apply_case_transition(ctx: ApplyContext, p: dict[str, Any]) -> str:
    _require(p, "id", "case_id", "from", "to")
    s = ctx.session
    ident = _uuid(p["id"], "id")
    if _existing(s, m.CaseTransition, ident) is not None:
        return "duplicate"
    case = s.get(m.Case, _uuid(p["case_id"], "case_id"))
    if case is None:
        raise Retry("case not received yet")
    try:
        check_case_transition(case.status.value, p["from"], p["to"])
    except (InvalidTransition, ValueError) as exc:
        raise Rejected(str(exc)) from None
    at = _time(p.get("at"), "at") or utcnow()
    case.status = CaseStatus(p["to"])
    for key in ("delivery_method", "tracking_number", "due_date", "received_on"):
        if p.get(key) is not None:
            setattr(case, key, _date(p[key], key) if key in ("due_date", "received_on") else p[key])
    if case.status in (CaseStatus.APPROVED, CaseStatus.DENIED):
        case.completed_at = at
    if case.status == CaseStatus.DELIVERED:
        case.delivered_at = at
    s.add(
        m.CaseTransition(
            id=ident,
            case_id=case.id,
            from_status=p["from"],
            to_status=p["to"],
            actor_id=_opt_uuid(p.get("actor_id"), "actor_id"),
            terminal_id=ctx.terminal_id,
            at=at,
            reason=p.get("reason"),
        )
    )
    s.flush()
    prev = s.scalar(
        select(m.ChangeLog.data)
        .where(m.ChangeLog.entity == "case_status", m.ChangeLog.entity_id == str(case.id))
        .order_by(m.ChangeLog.seq.desc())
        .limit(1)
    )
    _publish_case(ctx, case, case.item.code, (prev or {}).get("id_tail_hash"))
    return "applied"


def apply_rating(ctx: ApplyContext, p: dict[str, Any]) -> str:
    _require(p, "id", "level")
    s = ctx.session
    ident = _uuid(p["id"], "id")
    if _existing(s, m.Rating, ident) is not None:
        return "duplicate"
    level = int(p["level"])
    if not 1 <= level <= 5:
        raise Rejected(f"rating level must be 1..5, got {level}")
    ticket_id, case_id = _opt_uuid(p.get("ticket_id"), "ticket_id"), _opt_uuid(p.get("case_id"), "case_id")
    if case_id is not None and s.get(m.Case, case_id) is None:
        raise Retry("case not received yet")
    if ticket_id is not None and s.get(m.Ticket, ticket_id) is None:
        ticket_id = None
    for col, value in ((m.Rating.ticket_id, ticket_id), (m.Rating.case_id, case_id)):
        if value is not None and s.scalar(select(m.Rating.id).where(col == value)) is not None:
            raise Rejected("this visit was already rated (one rating per visit)")
    rating = m.Rating(
        id=ident,
        ticket_id=ticket_id,
        case_id=case_id,
        window_number=p.get("window_number"),
        staff_id=_opt_uuid(p.get("staff_id"), "staff_id"),
        level=level,
        reasons=list(p.get("reasons") or []),
        comment=p.get("comment"),
        channel=p.get("channel", "pad"),
        origin_terminal_id=ctx.terminal_id,
        rated_at=_time(p.get("rated_at"), "rated_at") or utcnow(),
    )
    if case_id is not None:
        case = s.get(m.Case, case_id)
        rating.department_id = case.item.department_id if case else None
    s.add(rating)
    s.flush()
    if level <= 2:
        ctx.on_bad_rating(s, rating)
    ctx.publish("rating.created", {"id": str(ident), "level": level, "window_number": rating.window_number})
    return "applied"


def apply_audit(ctx: ApplyContext, p: dict[str, Any]) -> str:
    _require(p, "seq", "action", "actor", "hash", "prev_hash", "at")
    s = ctx.session
    term = ctx.terminal_id
    seq = int(p["seq"])
    fields = dict(p, terminal_id=str(term) if term else None)
    tail = ctx.chain_tail.get(term)
    if (
        tail is not None and tail[0] == seq - 1
    ):  # the usual case: the next event of a chain this batch extends
        prev_hash = tail[1]
    else:
        here = s.scalar(select(m.AuditEvent).where(m.AuditEvent.terminal_id == term, m.AuditEvent.seq == seq))
        if here is not None:
            if here.hash == p["hash"]:
                return "duplicate"
            raise Rejected(
                f"audit chain conflict at event {seq}: a different event is already recorded there"
            )
        if seq == 1:
            prev_hash = GENESIS
        else:
            found = s.scalar(
                select(m.AuditEvent.hash).where(m.AuditEvent.terminal_id == term, m.AuditEvent.seq == seq - 1)
            )
            if found is None:
                raise Retry(f"audit event {seq - 1} not received yet")
            prev_hash = found
    if p["prev_hash"] != prev_hash:
        raise Rejected(f"audit chain broken at event {seq}: it does not link to event {seq - 1}")
    if chain_hash(prev_hash, fields) != p["hash"]:
        raise Rejected(f"audit event {seq} was altered: its hash does not match its content")
    s.add(
        m.AuditEvent(
            terminal_id=term,
            seq=seq,
            at=_time(p["at"], "at") or utcnow(),
            actor=p["actor"],
            action=p["action"],
            object_type=p.get("object_type"),
            object_id=p.get("object_id"),
            detail=p.get("detail") or {},
            prev_hash=p["prev_hash"],
            hash=p["hash"],
        )
    )
    ctx.chain_tail[term] = (seq, p["hash"])
    return "applied"


def apply_health(ctx: ApplyContext, p: dict[str, Any]) -> str:
    if ctx.terminal_id is None:
        raise Rejected("health reports come from terminals")
    term = ctx.session.get(m.Terminal, ctx.terminal_id)
    if term is None:
        raise Rejected("unknown terminal")
    term.health = dict(p.get("health") or {})
    term.last_seen_at = utcnow()
    ctx.publish("terminal.health", {"terminal": term.name, "health": term.health})
    return "applied"


def apply_offline_ticket(ctx: ApplyContext, p: dict[str, Any]) -> str:
    """A ticket a kiosk issued while the center was unreachable, numbered from its leased block. It joins
    the queue by its issue time; its number must lie in a block leased to this very kiosk."""
    _require(p, "id", "category", "service_day", "seq", "number", "issued_at")
    s = ctx.session
    ident = _uuid(p["id"], "id")
    if _existing(s, m.Ticket, ident) is not None:
        return "duplicate"
    cat = s.scalar(select(m.Category).where(m.Category.prefix == p["category"]))
    if cat is None:
        raise Rejected(f"unknown queue category {p['category']!r}")
    day = _date(p["service_day"], "service_day")
    seq = int(p["seq"])
    lease = s.scalar(
        select(m.NumberLease).where(
            m.NumberLease.terminal_id == ctx.terminal_id,
            m.NumberLease.category_id == cat.id,
            m.NumberLease.service_day == day,
            m.NumberLease.first_seq <= seq,
            m.NumberLease.last_seq >= seq,
        )
    )
    if lease is None:
        raise Rejected(f"ticket {p['number']} is outside every number block leased to this kiosk")
    issued = _time(p["issued_at"], "issued_at") or utcnow()
    ticket = m.Ticket(
        id=ident,
        category_id=cat.id,
        service_day=day,
        seq=seq,
        number=p["number"],
        priority=bool(p.get("priority")),
        id_number_hash=p.get("id_number_hash"),
        source="offline",
        issued_at=issued,
        queue_at=issued,
        issued_by=ctx.terminal_id,
    )
    s.add(ticket)
    s.add(
        m.TicketEvent(
            ticket_id=ident, kind="issued", to_status="waiting", at=issued, detail={"source": "offline"}
        )
    )
    # Issue 14 (idempotent tickets): the kiosk issued this offline ticket because the answer to its online
    # request was lost. The center cancels the online ticket that request made (nobody holds it) and the
    # offline ticket takes the request id over. Keep this step when moving apply into app/protocol.
    replaced = _opt_uuid(p.get("replaces_request"), "replaces_request")
    if replaced is not None:
        from app.center.queue import replace_lost_answer

        cancelled = replace_lost_answer(s, ticket, replaced)
        if cancelled is not None:
            ctx.publish(
                "ticket.cancelled",
                {
                    "id": str(cancelled.id),
                    "number": cancelled.number,
                    "category": cat.prefix,
                    "replaced_by": ticket.number,
                },
            )
    ctx.publish(
        "ticket.issued",
        {"id": str(ident), "number": ticket.number, "category": cat.prefix, "source": "offline"},
    )
    return "applied"


def apply_feedback(ctx: ApplyContext, p: dict[str, Any]) -> str:
    """投诉建议 from a kiosk: kept with the phone encrypted; the manager sees it masked."""
    _require(p, "id", "text")
    ident = _uuid(p["id"], "id")
    if _existing(ctx.session, m.Feedback, ident) is not None:
        return "duplicate"
    text = str(p["text"]).strip()
    if not text:
        raise Rejected("empty feedback")
    phone = p.get("phone")
    ctx.session.add(
        m.Feedback(
            id=ident,
            kind=str(p.get("kind") or "complaint")[:12],
            topic=str(p.get("topic") or "")[:40],
            text=text[:2000],
            phone_enc=ctx.cipher.encrypt(phone),
            phone_masked=mask_phone(phone),
            window_number=p.get("window_number"),
            origin_terminal_id=ctx.terminal_id,
            created_at=_time(p.get("created_at"), "created_at") or utcnow(),
        )
    )
    ctx.publish("feedback.created", {"id": str(ident), "kind": p.get("kind") or "complaint"})
    return "applied"


APPLIERS: dict[str, Callable[[ApplyContext, dict[str, Any]], str]] = {
    "ticket.offline": apply_offline_ticket,
    "applicant.create": apply_applicant,
    "case.create": apply_case,
    "case.transition": apply_case_transition,
    "rating.create": apply_rating,
    "audit.append": apply_audit,
    "terminal.health": apply_health,
    "feedback.create": apply_feedback,
}


def apply_op(
    ctx: ApplyContext, op_id: uuid.UUID, kind: str, payload: dict[str, Any]
) -> tuple[str, str | None]:
    """Apply one op in a savepoint; record it as processed in the same transaction."""
    s = ctx.session
    if op_id in ctx.processed:
        return "duplicate", ctx.processed[op_id]
    applier = APPLIERS.get(kind)
    reason: str | None = None
    try:
        if applier is None:
            raise Rejected(f"unknown operation kind {kind!r}")
        with s.begin_nested():
            status = applier(ctx, payload)
            s.flush()
    except Retry as exc:
        return "retry", str(exc)
    except (Rejected, IntegrityError, ValueError, KeyError, TypeError) as exc:
        status, reason = "rejected", str(exc).splitlines()[0][:500]
    if status == "rejected":
        entity = payload.get("id") or payload.get("case_id") or payload.get("seq")
        s.add(
            m.Conflict(
                terminal_id=ctx.terminal_id,
                op_id=op_id,
                kind=kind,
                entity_id=str(entity) if entity is not None else None,
                reason=reason or "",
                payload=payload,
            )
        )
        log.warning("rejected op %s (%s) from terminal %s: %s", op_id, kind, ctx.terminal_id, reason)
        ctx.publish("sync.conflict", {"op_id": str(op_id), "kind": kind, "reason": reason})
    ctx.processed[op_id] = reason
    s.add(
        m.ProcessedOp(
            op_id=op_id,
            terminal_id=ctx.terminal_id,
            kind=kind,
            status="applied" if status == "duplicate" else status,
            reason=reason,
        )
    )
    return status, reason


class _SlowPath(Exception):
    pass


def apply_batch(
    ctx: ApplyContext, ops: list[tuple[uuid.UUID, str, dict[str, Any]]]
) -> list[tuple[str, str | None]]:
    """Apply a pushed batch. Fast path: the whole batch in one savepoint, flushed once. If any op is not
    plainly applicable (retry, rejected, a constraint), the savepoint is rolled back and every op goes
    through `apply_op` with its own savepoint, so one bad op never blocks the others."""
    ctx.prefetch([op_id for op_id, _, _ in ops])
    fresh = [op for op in ops if op[0] not in ctx.processed]
    if len(fresh) == len(ops) and len({op[0] for op in ops}) == len(ops) and len(ops) > 1:
        saved_tail = dict(ctx.chain_tail)
        try:
            with ctx.session.begin_nested():
                for op_id, kind, payload in ops:
                    applier = APPLIERS.get(kind)
                    if applier is None or applier(ctx, payload) != "applied":
                        raise _SlowPath
                    ctx.session.add(
                        m.ProcessedOp(op_id=op_id, terminal_id=ctx.terminal_id, kind=kind, status="applied")
                    )
                ctx.session.flush()
            for op_id, _, _ in ops:
                ctx.processed[op_id] = None
            return [("applied", None)] * len(ops)
        except (_SlowPath, Retry, Rejected, IntegrityError, ValueError, KeyError, TypeError):
            ctx.chain_tail = saved_tail
    return [apply_op(ctx, op_id, kind, payload) for op_id, kind, payload in ops]
