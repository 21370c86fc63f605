"""The rows an op stands for: one function for the terminal's local write and the center's apply, so
the two can never drift apart. Personal fields are encrypted with the cipher of whoever writes the rows
(the terminal's data key in its cache, the center's key at the center)."""

from __future__ import annotations

import uuid
from typing import Any, TypeAlias

from app.domain.idnumber import mask_id_number, mask_phone
from app.domain.phone import is_mobile, normalize_mobile
from app.domain.states import CaseStatus
from app.protocol.ops import (
    ApplicantPayload,
    AuditPayload,
    CasePayload,
    FeedbackPayload,
    OfflineTicketPayload,
    Payload,
    RatingPayload,
    TransitionPayload,
)
from app.store import models as m
from app.store.crypto import FieldCipher

Values: TypeAlias = tuple[type[m.Base], dict[str, Any]]  # a new row: its model and its column values


def op_rows(
    payload: Payload,
    *,
    cipher: FieldCipher,
    terminal_id: uuid.UUID | None,
    category_id: uuid.UUID | None = None,
) -> list[m.Base]:
    """The new rows of `payload` as ORM objects (not yet added to a session). `category_id` resolves an
    offline ticket's category prefix, which only the writer's database knows."""
    return [
        cls(**values)
        for cls, values in op_values(payload, cipher=cipher, terminal_id=terminal_id, category_id=category_id)
    ]


def op_values(
    payload: Payload,
    *,
    cipher: FieldCipher,
    terminal_id: uuid.UUID | None,
    category_id: uuid.UUID | None = None,
) -> list[Values]:
    """The new rows of `payload` as column values, parents first: what `op_rows` builds objects from, and
    what the center's bulk apply writes without the cost of an ORM object per row."""
    if isinstance(payload, ApplicantPayload):
        return [_applicant(payload, cipher, terminal_id)]
    if isinstance(payload, CasePayload):
        return _case(payload, terminal_id)
    if isinstance(payload, TransitionPayload):
        return [_transition(payload, terminal_id)]
    if isinstance(payload, RatingPayload):
        return [_rating(payload, terminal_id)]
    if isinstance(payload, AuditPayload):
        return [_audit(payload, terminal_id)]
    if isinstance(payload, FeedbackPayload):
        return [_feedback(payload, cipher, terminal_id)]
    if isinstance(payload, OfflineTicketPayload):
        if category_id is None:
            raise ValueError(f"unknown queue category {payload.category!r}")
        return _ticket(payload, category_id, terminal_id, cipher)
    raise TypeError(f"{type(payload).__name__} has no rows")


def apply_transition(case: m.Case, p: TransitionPayload) -> None:
    """What a transition changes on its case (the caller has checked it against the state machine)."""
    case.status = CaseStatus(p.to)
    changes: dict[str, Any] = {
        "delivery_method": p.delivery_method,
        "tracking_number": p.tracking_number,
        "due_date": p.due_date,
        "received_on": p.received_on,
    }
    for key, value in changes.items():
        if value is not None:
            setattr(case, key, value)
    if case.accepted_at is None and case.status in (CaseStatus.ACCEPTED, CaseStatus.DEFERRED):
        case.accepted_at = p.at  # a 一次性告知 case accepted once the materials are brought
    if case.status in (CaseStatus.APPROVED, CaseStatus.DENIED):
        case.completed_at = p.at
    if case.status == CaseStatus.DELIVERED:
        case.delivered_at = p.at


def _applicant(p: ApplicantPayload, cipher: FieldCipher, terminal_id: uuid.UUID | None) -> Values:
    return m.Applicant, dict(
        id=p.id,
        kind=p.kind,
        name=p.name,
        id_type=p.id_type,
        id_number_enc=cipher.encrypt(p.id_number),
        id_number_hash=cipher.lookup_hash(p.id_number) if p.id_number else None,
        id_number_masked=mask_id_number(p.id_number),
        phone_enc=cipher.encrypt(p.phone),
        phone_masked=mask_phone(p.phone),
        address_enc=cipher.encrypt(p.address),
        company_name=p.company_name,
        credit_code=p.credit_code,
        origin_terminal_id=terminal_id,
        created_at=p.created_at,
    )


def _case(p: CasePayload, terminal_id: uuid.UUID | None) -> list[Values]:
    if p.item_id is None:
        raise ValueError("a case needs its service item")
    rows: list[Values] = [
        (
            m.Case,
            dict(
                id=p.id,
                case_number=p.case_number,
                item_id=p.item_id,
                applicant_id=p.applicant_id,
                ticket_id=p.ticket_id,
                window_number=p.window_number,
                staff_id=p.staff_id,
                origin_terminal_id=terminal_id,
                status=p.status,
                decision=p.decision,
                received_on=p.received_on,
                accepted_at=p.accepted_at,
                due_date=p.due_date,
                legal_due_date=p.legal_due_date,
                deferral_due=p.deferral_due,
                refusal_reason=p.refusal_reason,
                refusal_basis=p.refusal_basis,
                delivery_method=p.delivery_method,
                tracking_number=p.tracking_number,
                # a 即办件 is decided on the spot: completed the moment it is accepted
                completed_at=p.accepted_at if p.status in (CaseStatus.APPROVED, CaseStatus.DENIED) else None,
                created_at=p.created_at,
                public_token=p.public_token,
                sms_consent_version=p.sms_consent if p.sms_consent_at is not None else None,
                sms_consent_at=p.sms_consent_at if p.sms_consent else None,
            ),
        )
    ]
    rows += [
        (
            m.CaseMaterial,
            dict(
                id=mat.id,
                case_id=p.id,
                material_id=mat.material_id,
                position=mat.position,
                name=mat.name,
                originals_received=mat.originals_received,
                copies_received=mat.copies_received,
                state=mat.state,
                promised_date=mat.promised_date,
                note=mat.note,
            ),
        )
        for mat in p.materials
    ]
    rows.append(
        (
            m.CaseTransition,
            dict(
                id=uuid.uuid5(p.id, "created"),  # the same id on both sides
                case_id=p.id,
                from_status=None,
                to_status=p.status.value,
                actor_id=p.staff_id,
                terminal_id=terminal_id,
                at=p.created_at,
                reason=p.decision,
            ),
        )
    )
    return rows


def _transition(p: TransitionPayload, terminal_id: uuid.UUID | None) -> Values:
    return m.CaseTransition, dict(
        id=p.id,
        case_id=p.case_id,
        from_status=p.from_status,
        to_status=p.to.value,
        actor_id=p.actor_id,
        terminal_id=terminal_id,
        at=p.at,
        reason=p.reason,
    )


def _rating(p: RatingPayload, terminal_id: uuid.UUID | None) -> Values:
    return m.Rating, dict(
        id=p.id,
        ticket_id=p.ticket_id,
        case_id=p.case_id,
        window_number=p.window_number,
        staff_id=p.staff_id,
        level=p.level,
        reasons=list(p.reasons),
        comment=p.comment,
        channel=p.channel,
        origin_terminal_id=terminal_id,
        rated_at=p.rated_at,
    )


def _audit(p: AuditPayload, terminal_id: uuid.UUID | None) -> Values:
    return m.AuditEvent, dict(
        terminal_id=terminal_id,
        seq=p.seq,
        at=p.at_time(),
        actor=p.actor,
        action=p.action,
        object_type=p.object_type,
        object_id=p.object_id,
        detail=dict(p.detail),
        prev_hash=p.prev_hash,
        hash=p.hash,
    )


def _feedback(p: FeedbackPayload, cipher: FieldCipher, terminal_id: uuid.UUID | None) -> Values:
    return m.Feedback, dict(
        id=p.id,
        kind=p.kind,
        topic=p.topic,
        text=p.text.strip(),
        phone_enc=cipher.encrypt(p.phone),
        phone_masked=mask_phone(p.phone),
        window_number=p.window_number,
        origin_terminal_id=terminal_id,
        created_at=p.created_at,
    )


def _ticket(
    p: OfflineTicketPayload, category_id: uuid.UUID, terminal_id: uuid.UUID | None, cipher: FieldCipher
) -> list[Values]:
    rows: list[Values] = [
        (
            m.Ticket,
            dict(
                id=p.id,
                category_id=category_id,
                service_day=p.service_day,
                seq=p.seq,
                number=p.number,
                priority=p.priority,
                id_number_hash=p.id_number_hash,
                source="offline",
                issued_at=p.issued_at,
                queue_at=p.issued_at,
                issued_by=terminal_id,
                public_token=p.public_token,
            ),
        ),
        (
            m.TicketEvent,
            dict(
                ticket_id=p.id,
                kind="issued",
                to_status="waiting",
                at=p.issued_at,
                detail={"source": "offline"},
            ),
        ),
    ]
    # 「快到号时短信提醒」, consented; a phone that is not a mobile one (the kiosk checks it) or has no consent
    # is left out rather than refusing the ticket its holder has on paper
    if p.phone and is_mobile(p.phone) and p.sms_consent and p.sms_consent_at is not None:
        phone = normalize_mobile(p.phone)
        rows.append(
            (
                m.TicketContact,
                dict(
                    ticket_id=p.id,
                    phone_enc=cipher.encrypt(phone),
                    phone_masked=mask_phone(phone),
                    consent_version=p.sms_consent,
                    consent_at=p.sms_consent_at,
                    turn_soon_at=None,
                    created_at=p.issued_at,
                ),
            )
        )
    return rows
