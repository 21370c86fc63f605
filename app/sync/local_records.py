"""Records born at a terminal: written to the local cache first, each with its outbox operation in the
same transaction, and with an audit event in the terminal's hash chain. They replicate when they can."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.clock import utcnow
from app.domain.idnumber import mask_id_number, mask_phone
from app.domain.ids import new_id
from app.domain.lookup import progress_key
from app.domain.states import CaseStatus, check_case_transition
from app.store import models as m
from app.store.audit_log import append_event
from app.store.crypto import FieldCipher
from app.store.rows import jsonable
from app.sync import outbox


@dataclass
class MaterialIn:
    name: str
    originals_received: int = 0
    copies_received: int = 0
    state: str = "received"
    promised_date: dt.date | None = None
    material_id: uuid.UUID | None = None
    note: str | None = None


@dataclass
class CaseIn:
    case_number: str
    item_id: uuid.UUID
    applicant_id: uuid.UUID
    status: CaseStatus
    decision: str
    received_on: dt.date
    due_date: dt.date | None = None
    legal_due_date: dt.date | None = None
    deferral_due: dt.date | None = None
    refusal_reason: str | None = None
    refusal_basis: str | None = None
    window_number: int | None = None
    staff_id: uuid.UUID | None = None
    ticket_id: uuid.UUID | None = None
    delivery_method: str | None = None
    materials: list[MaterialIn] = field(default_factory=list)


class LocalRecorder:
    def __init__(self, cipher: FieldCipher, terminal_id: uuid.UUID | None, actor: str) -> None:
        self.cipher, self.terminal_id, self.actor = cipher, terminal_id, actor

    # ------------------------------------------------------------------ audit chain
    def audit(
        self,
        s: Session,
        action: str,
        object_type: str | None = None,
        object_id: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> m.AuditEvent:
        ev, fields = append_event(
            s,
            self.terminal_id,
            "audit:local",
            self.actor,
            action,
            object_type=object_type,
            object_id=object_id,
            detail=detail,
        )
        payload = {
            k: fields[k] for k in ("seq", "at", "actor", "action", "object_type", "object_id", "detail")
        }
        outbox.enqueue(s, "audit.append", dict(payload, prev_hash=ev.prev_hash, hash=ev.hash))
        return ev

    # ------------------------------------------------------------------ records
    def add_applicant(
        self,
        s: Session,
        *,
        name: str,
        id_number: str | None = None,
        phone: str | None = None,
        address: str | None = None,
        kind: str = "person",
        id_type: str = "resident",
        company_name: str | None = None,
        credit_code: str | None = None,
    ) -> uuid.UUID:
        ident = new_id()
        s.add(
            m.Applicant(
                id=ident,
                kind=kind,
                name=name,
                id_type=id_type,
                id_number_enc=self.cipher.encrypt(id_number),
                id_number_hash=self.cipher.lookup_hash(id_number) if id_number else None,
                id_number_masked=mask_id_number(id_number),
                phone_enc=self.cipher.encrypt(phone),
                phone_masked=mask_phone(phone),
                address_enc=self.cipher.encrypt(address),
                company_name=company_name,
                credit_code=credit_code,
                origin_terminal_id=self.terminal_id,
            )
        )
        outbox.enqueue(
            s,
            "applicant.create",
            {
                "id": str(ident),
                "kind": kind,
                "name": name,
                "id_type": id_type,
                "id_number": id_number,
                "phone": phone,
                "address": address,
                "company_name": company_name,
                "credit_code": credit_code,
                "created_at": utcnow().isoformat(),
            },
            cipher=self.cipher,
            sealed=("id_number", "phone", "address"),
        )
        self.audit(s, "applicant.create", "applicant", str(ident), {"id": mask_id_number(id_number)})
        return ident

    def add_case(self, s: Session, c: CaseIn) -> uuid.UUID:
        ident = new_id()
        now = utcnow()
        case = m.Case(
            id=ident,
            case_number=c.case_number,
            item_id=c.item_id,
            applicant_id=c.applicant_id,
            ticket_id=c.ticket_id,
            window_number=c.window_number,
            staff_id=c.staff_id,
            origin_terminal_id=self.terminal_id,
            status=c.status,
            decision=c.decision,
            received_on=c.received_on,
            accepted_at=now if c.status != CaseStatus.NOTIFIED else None,
            due_date=c.due_date,
            legal_due_date=c.legal_due_date,
            deferral_due=c.deferral_due,
            refusal_reason=c.refusal_reason,
            refusal_basis=c.refusal_basis,
            delivery_method=c.delivery_method,
            created_at=now,
        )
        s.add(case)
        mats = []
        for pos, mat in enumerate(c.materials):
            mid = new_id()
            s.add(
                m.CaseMaterial(
                    id=mid,
                    case_id=ident,
                    material_id=mat.material_id,
                    position=pos,
                    name=mat.name,
                    originals_received=mat.originals_received,
                    copies_received=mat.copies_received,
                    state=mat.state,
                    promised_date=mat.promised_date,
                    note=mat.note,
                )
            )
            mats.append(
                {
                    "id": str(mid),
                    "material_id": str(mat.material_id) if mat.material_id else None,
                    "position": pos,
                    "name": mat.name,
                    "originals_received": mat.originals_received,
                    "copies_received": mat.copies_received,
                    "state": mat.state,
                    "promised_date": mat.promised_date.isoformat() if mat.promised_date else None,
                    "note": mat.note,
                }
            )
        s.add(
            m.CaseTransition(
                case_id=ident,
                from_status=None,
                to_status=c.status.value,
                actor_id=c.staff_id,
                terminal_id=self.terminal_id,
                at=now,
                reason=c.decision,
            )
        )
        s.flush()
        payload = jsonable({k: v for k, v in case.__dict__.items() if not k.startswith("_")})
        applicant = s.get(m.Applicant, c.applicant_id)
        id_number = self.cipher.decrypt(applicant.id_number_enc) if applicant is not None else None
        payload.update(
            id=str(ident),
            item_id=str(c.item_id),
            applicant_id=str(c.applicant_id),
            materials=mats,
            status=c.status.value,
            id_tail_hash=progress_key(c.case_number, id_number) if id_number else None,
        )
        outbox.enqueue(s, "case.create", payload)
        self.audit(s, f"case.{c.decision}", "case", c.case_number, {"status": c.status.value})
        return ident

    def transition_case(
        self,
        s: Session,
        case_id: uuid.UUID,
        to: CaseStatus,
        *,
        reason: str | None = None,
        actor_id: uuid.UUID | None = None,
        **changes: Any,
    ) -> uuid.UUID:
        case = s.get(m.Case, case_id)
        if case is None:
            raise KeyError(f"no case {case_id}")
        check_case_transition(case.status.value, case.status.value, to.value)
        ident, at, before = new_id(), utcnow(), case.status.value
        case.status = to
        for key, value in changes.items():
            setattr(case, key, value)
        s.add(
            m.CaseTransition(
                id=ident,
                case_id=case_id,
                from_status=before,
                to_status=to.value,
                actor_id=actor_id,
                terminal_id=self.terminal_id,
                at=at,
                reason=reason,
            )
        )
        outbox.enqueue(
            s,
            "case.transition",
            jsonable(
                {
                    "id": ident,
                    "case_id": case_id,
                    "from": before,
                    "to": to.value,
                    "at": at,
                    "reason": reason,
                    "actor_id": actor_id,
                    **changes,
                }
            ),
        )
        self.audit(s, "case.transition", "case", case.case_number, {"from": before, "to": to.value})
        return ident

    def add_rating(
        self,
        s: Session,
        *,
        level: int,
        ticket_id: uuid.UUID | None = None,
        case_id: uuid.UUID | None = None,
        window_number: int | None = None,
        staff_id: uuid.UUID | None = None,
        reasons: list[str] | None = None,
        comment: str | None = None,
        channel: str = "pad",
    ) -> uuid.UUID:
        if not 1 <= level <= 5:
            raise ValueError("a rating is 1 to 5")
        for col, value in ((m.Rating.ticket_id, ticket_id), (m.Rating.case_id, case_id)):
            if value is not None and s.scalar(select(m.Rating.id).where(col == value)) is not None:
                raise ValueError("this visit was already rated")
        ident, at = new_id(), utcnow()
        # a public kiosk holds no staff roster: the clerk travels in the op, not as a local reference
        local_staff = staff_id if staff_id is not None and s.get(m.Staff, staff_id) is not None else None
        s.add(
            m.Rating(
                id=ident,
                ticket_id=ticket_id,
                case_id=case_id,
                window_number=window_number,
                staff_id=local_staff,
                level=level,
                reasons=reasons or [],
                comment=comment,
                channel=channel,
                origin_terminal_id=self.terminal_id,
                rated_at=at,
            )
        )
        outbox.enqueue(
            s,
            "rating.create",
            jsonable(
                {
                    "id": ident,
                    "ticket_id": ticket_id,
                    "case_id": case_id,
                    "window_number": window_number,
                    "staff_id": staff_id,
                    "level": level,
                    "reasons": reasons or [],
                    "comment": comment,
                    "channel": channel,
                    "rated_at": at,
                }
            ),
        )
        self.audit(s, "rating.create", "rating", str(ident), {"level": level})
        return ident

    def add_feedback(
        self,
        s: Session,
        *,
        text: str,
        kind: str = "complaint",
        topic: str = "",
        phone: str | None = None,
        window_number: int | None = None,
    ) -> uuid.UUID:
        """投诉建议: written locally with its outbox op (the phone sealed), replicated to the center."""
        text = text.strip()
        if not text:
            raise ValueError("feedback needs some text")
        ident = new_id()
        outbox.enqueue(
            s,
            "feedback.create",
            {
                "id": str(ident),
                "kind": kind,
                "topic": topic,
                "text": text,
                "phone": phone,
                "window_number": window_number,
                "created_at": utcnow().isoformat(),
            },
            cipher=self.cipher,
            sealed=("phone",),
        )
        self.audit(s, "feedback.create", "feedback", str(ident), {"kind": kind, "phone": mask_phone(phone)})
        return ident
