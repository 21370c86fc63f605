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
from app.domain.public_link import new_token
from app.domain.states import CaseStatus, check_case_transition
from app.protocol.ops import OpKind, Payload, TransitionPayload, build_payload, wire_payload
from app.protocol.rows import apply_transition, op_rows
from app.store import models as m
from app.store.audit_log import next_event
from app.store.crypto import FieldCipher
from app.sync import outbox
from app.sync.numbering import audit_tail


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
    sms_consent: str | None = None  # the consent text's version (app.domain.consent.CASE_SMS), given now


class LocalRecorder:
    """Every write builds the protocol's op first (its lengths checked: a value that does not fit its
    column is refused here, before anything is written), then the rows that op stands for, with the same
    function the center applies it with, and the op in the outbox, in one transaction."""

    def __init__(self, cipher: FieldCipher, terminal_id: uuid.UUID | None, actor: str) -> None:
        self.cipher, self.terminal_id, self.actor = cipher, terminal_id, actor

    def _write(
        self, s: Session, kind: OpKind, payload: Payload, *, rows: bool = True, sealed: tuple[str, ...] = ()
    ) -> None:
        if rows:
            s.add_all(op_rows(payload, cipher=self.cipher, terminal_id=self.terminal_id))
        outbox.enqueue(s, kind.value, wire_payload(payload), cipher=self.cipher, sealed=sealed)

    # ------------------------------------------------------------------ audit chain
    def audit(
        self,
        s: Session,
        action: str,
        object_type: str | None = None,
        object_id: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        fields, prev_hash, hash_ = next_event(
            s,
            self.terminal_id,
            "audit:local",
            self.actor,
            action,
            object_type=object_type,
            object_id=object_id,
            detail=detail,
            tail=audit_tail(s),
        )
        payload = build_payload(
            OpKind.AUDIT_APPEND,
            **{k: fields[k] for k in ("seq", "at", "actor", "action", "object_type", "object_id", "detail")},
            prev_hash=prev_hash,
            hash=hash_,
        )
        self._write(s, OpKind.AUDIT_APPEND, payload)

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
        payload = build_payload(
            OpKind.APPLICANT_CREATE,
            id=ident,
            kind=kind,
            name=name,
            id_type=id_type,
            id_number=id_number,
            phone=phone,
            address=address,
            company_name=company_name,
            credit_code=credit_code,
            created_at=utcnow(),
        )
        self._write(s, OpKind.APPLICANT_CREATE, payload, sealed=("id_number", "phone", "address"))
        self.audit(s, "applicant.create", "applicant", str(ident), {"id": mask_id_number(id_number)})
        return ident

    def add_case(self, s: Session, c: CaseIn) -> uuid.UUID:
        ident = new_id()
        now = utcnow()
        applicant = s.get(m.Applicant, c.applicant_id)
        id_number = self.cipher.decrypt(applicant.id_number_enc) if applicant is not None else None
        payload = build_payload(
            OpKind.CASE_CREATE,
            id=ident,
            case_number=c.case_number,
            item_id=c.item_id,
            applicant_id=c.applicant_id,
            ticket_id=c.ticket_id,
            window_number=c.window_number,
            staff_id=c.staff_id,
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
            materials=[
                {
                    "id": new_id(),
                    "material_id": mat.material_id,
                    "position": pos,
                    "name": mat.name,
                    "originals_received": mat.originals_received,
                    "copies_received": mat.copies_received,
                    "state": mat.state,
                    "promised_date": mat.promised_date,
                    "note": mat.note,
                }
                for pos, mat in enumerate(c.materials)
            ],
            id_tail_hash=progress_key(c.case_number, id_number) if id_number else None,
            public_token=new_token(),  # the notice's QR code opens the case's phone page (issue 18)
            sms_consent=c.sms_consent,
            sms_consent_at=now if c.sms_consent else None,
        )
        self._write(s, OpKind.CASE_CREATE, payload)
        s.flush()
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
        ident, before = new_id(), case.status.value
        payload = build_payload(
            OpKind.CASE_TRANSITION,
            id=ident,
            case_id=case_id,
            to=to,
            at=utcnow(),
            reason=reason,
            actor_id=actor_id,
            **{"from": before},
            **changes,
        )
        assert isinstance(payload, TransitionPayload)
        unknown = set(changes) - {"delivery_method", "tracking_number", "due_date", "received_on"}
        for key in unknown:  # local-only changes the protocol does not carry
            setattr(case, key, changes[key])
        apply_transition(case, payload)
        self._write(s, OpKind.CASE_TRANSITION, payload)
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
        ident = new_id()
        payload = build_payload(
            OpKind.RATING_CREATE,
            id=ident,
            ticket_id=ticket_id,
            case_id=case_id,
            window_number=window_number,
            staff_id=staff_id,
            level=level,
            reasons=reasons or [],
            comment=comment,
            channel=channel,
            rated_at=utcnow(),
        )
        rows = op_rows(payload, cipher=self.cipher, terminal_id=self.terminal_id)
        if staff_id is not None and s.get(m.Staff, staff_id) is None:
            # a public kiosk holds no staff roster: the clerk travels in the op, not as a local reference
            for row in rows:
                if isinstance(row, m.Rating):
                    row.staff_id = None
        s.add_all(rows)
        self._write(s, OpKind.RATING_CREATE, payload, rows=False)
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
        """投诉建议: its op in the outbox (the phone sealed), replicated to the center (not kept locally)."""
        text = text.strip()
        if not text:
            raise ValueError("feedback needs some text")
        ident = new_id()
        payload = build_payload(
            OpKind.FEEDBACK_CREATE,
            id=ident,
            kind=kind,
            topic=topic,
            text=text,
            phone=phone,
            window_number=window_number,
            created_at=utcnow(),
        )
        self._write(s, OpKind.FEEDBACK_CREATE, payload, rows=False, sealed=("phone",))
        self.audit(s, "feedback.create", "feedback", str(ident), {"kind": kind, "phone": mask_phone(phone)})
        return ident
