"""Push operations as pydantic models: one payload model per kind, wrapped in an envelope discriminated
on `OpKind`. The terminal builds them (lengths checked against the columns they land in) before it writes
the op to its outbox; the center validates what it receives with the very same models."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
)

from app.domain.states import CaseStatus


class OpKind(enum.StrEnum):
    OFFLINE_TICKET = "ticket.offline"
    APPLICANT_CREATE = "applicant.create"
    CASE_CREATE = "case.create"
    CASE_TRANSITION = "case.transition"
    RATING_CREATE = "rating.create"
    AUDIT_APPEND = "audit.append"
    FEEDBACK_CREATE = "feedback.create"
    TERMINAL_HEALTH = "terminal.health"  # legacy: health is now its own request; old outbox rows still apply


class OpInvalid(ValueError):
    """An op that breaks the protocol (a missing field, a value too long for its column …)."""


class Payload(BaseModel):
    # extra fields are ignored (older terminals sent whole rows); every field we use is checked
    model_config = ConfigDict(extra="ignore", populate_by_name=True, frozen=True)


Str = str  # readability: Field(max_length=…) next to each column's length in app/store/models.py


class ApplicantPayload(Payload):
    id: uuid.UUID
    kind: Str = Field("person", max_length=10)
    name: Str = Field(min_length=1, max_length=100)
    id_type: Str = Field("resident", max_length=12)
    id_number: Str | None = Field(None, max_length=40)  # masked form is String(40)
    phone: Str | None = Field(None, max_length=20)  # masked form is String(20)
    address: Str | None = Field(None, max_length=500)
    company_name: Str | None = Field(None, max_length=200)
    credit_code: Str | None = Field(None, max_length=18)
    created_at: AwareDatetime


class MaterialPayload(Payload):
    id: uuid.UUID
    material_id: uuid.UUID | None = None
    position: int = Field(0, ge=0)
    name: Str = Field(min_length=1, max_length=200)
    originals_received: int = Field(0, ge=0)
    copies_received: int = Field(0, ge=0)
    state: Str = Field("received", max_length=12)
    promised_date: dt.date | None = None
    note: Str | None = Field(None, max_length=2000)


class CasePayload(Payload):
    id: uuid.UUID
    case_number: Str = Field(min_length=1, max_length=40)
    item_id: uuid.UUID | None = None
    item_code: Str | None = Field(None, max_length=64)
    applicant_id: uuid.UUID
    ticket_id: uuid.UUID | None = None
    window_number: int | None = None
    staff_id: uuid.UUID | None = None
    status: CaseStatus
    decision: Str = Field(min_length=1, max_length=20)
    received_on: dt.date
    accepted_at: AwareDatetime | None = None
    due_date: dt.date | None = None
    legal_due_date: dt.date | None = None
    deferral_due: dt.date | None = None
    refusal_reason: Str | None = Field(None, max_length=2000)
    refusal_basis: Str | None = Field(None, max_length=2000)
    delivery_method: Str | None = Field(None, max_length=12)
    tracking_number: Str | None = Field(None, max_length=40)
    created_at: AwareDatetime
    materials: list[MaterialPayload] = Field(default_factory=list, max_length=100)
    id_tail_hash: Str | None = Field(None, max_length=64)
    # the case's phone page token, in the notice's QR code (issue 18); made by the counter, or by the center
    # for a counter older than the phone pages
    public_token: Str | None = Field(None, min_length=16, max_length=32, pattern=r"^[A-Za-z0-9_-]+$")
    # the applicant's consent to SMS about the case (issue 18): the version of the consent text
    # (app.domain.consent.CASE_SMS) and when it was given; None: no SMS about this case
    sms_consent: Str | None = Field(None, max_length=20)
    sms_consent_at: AwareDatetime | None = None


class TransitionPayload(Payload):
    id: uuid.UUID
    case_id: uuid.UUID
    from_status: Str = Field(alias="from", max_length=20)
    to: CaseStatus
    at: AwareDatetime
    reason: Str | None = Field(None, max_length=2000)
    actor_id: uuid.UUID | None = None
    delivery_method: Str | None = Field(None, max_length=12)
    tracking_number: Str | None = Field(None, max_length=40)
    due_date: dt.date | None = None
    received_on: dt.date | None = None


class RatingPayload(Payload):
    id: uuid.UUID
    ticket_id: uuid.UUID | None = None
    case_id: uuid.UUID | None = None
    window_number: int | None = None
    staff_id: uuid.UUID | None = None
    level: int = Field(ge=1, le=5)
    reasons: list[Str] = Field(default_factory=list, max_length=20)
    comment: Str | None = Field(None, max_length=2000)
    channel: Str = Field("pad", max_length=12)
    rated_at: AwareDatetime


class AuditPayload(Payload):
    seq: int = Field(ge=1)
    at: Str = Field(max_length=40)  # kept as the exact text the hash covers
    actor: Str = Field(min_length=1, max_length=60)
    action: Str = Field(min_length=1, max_length=40)
    object_type: Str | None = Field(None, max_length=30)
    object_id: Str | None = Field(None, max_length=40)
    detail: dict[str, Any] = Field(default_factory=dict)
    prev_hash: Str = Field(min_length=64, max_length=64)
    hash: Str = Field(min_length=64, max_length=64)

    @field_validator("at")
    @classmethod
    def _aware(cls, value: str) -> str:
        if dt.datetime.fromisoformat(value).tzinfo is None:
            raise ValueError("the time has no time zone")
        return value

    def at_time(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.at)


class HealthPayload(Payload):
    health: dict[str, Any] = Field(default_factory=dict)


class OfflineTicketPayload(Payload):
    id: uuid.UUID
    category: Str = Field(min_length=1, max_length=2)
    service_day: dt.date
    seq: int = Field(ge=0)
    number: Str = Field(min_length=1, max_length=8)
    priority: bool = False
    id_number_hash: Str | None = Field(None, max_length=64)  # the kiosk's own keyed hash (never the center's)
    id_number: Str | None = Field(None, max_length=18)  # real-name tickets: sealed at rest, hashed at the center
    issued_at: AwareDatetime
    replaces_request: uuid.UUID | None = None  # the online request whose answer was lost (issue 14)
    # the phone page's token printed in the ticket's QR (issue 18), made by the kiosk; an older kiosk sends
    # none and the center makes one
    public_token: Str | None = Field(None, min_length=16, max_length=32, pattern=r"^[A-Za-z0-9_-]+$")
    # 「快到号时短信提醒」 (issue 18): the phone (sealed in the outbox) and the consent given for it — the
    # version of the consent text (app.domain.consent.TICKET_SMS) and its time; a phone needs both
    phone: Str | None = Field(None, max_length=20)
    sms_consent: Str | None = Field(None, max_length=20)
    sms_consent_at: AwareDatetime | None = None


class FeedbackPayload(Payload):
    id: uuid.UUID
    kind: Str = Field("complaint", max_length=12)
    topic: Str = Field("", max_length=40)
    text: Str = Field(min_length=1, max_length=2000)
    phone: Str | None = Field(None, max_length=20)
    window_number: int | None = None
    created_at: AwareDatetime


# ------------------------------------------------------------------ envelopes (discriminated on kind)


class _Envelope(BaseModel):
    model_config = ConfigDict(frozen=True)
    op_id: uuid.UUID


class OfflineTicketOp(_Envelope):
    kind: Literal[OpKind.OFFLINE_TICKET] = OpKind.OFFLINE_TICKET
    payload: OfflineTicketPayload


class ApplicantOp(_Envelope):
    kind: Literal[OpKind.APPLICANT_CREATE] = OpKind.APPLICANT_CREATE
    payload: ApplicantPayload


class CaseOp(_Envelope):
    kind: Literal[OpKind.CASE_CREATE] = OpKind.CASE_CREATE
    payload: CasePayload


class TransitionOp(_Envelope):
    kind: Literal[OpKind.CASE_TRANSITION] = OpKind.CASE_TRANSITION
    payload: TransitionPayload


class RatingOp(_Envelope):
    kind: Literal[OpKind.RATING_CREATE] = OpKind.RATING_CREATE
    payload: RatingPayload


class AuditOp(_Envelope):
    kind: Literal[OpKind.AUDIT_APPEND] = OpKind.AUDIT_APPEND
    payload: AuditPayload


class FeedbackOp(_Envelope):
    kind: Literal[OpKind.FEEDBACK_CREATE] = OpKind.FEEDBACK_CREATE
    payload: FeedbackPayload


class HealthOp(_Envelope):
    kind: Literal[OpKind.TERMINAL_HEALTH] = OpKind.TERMINAL_HEALTH
    payload: HealthPayload


PushOp = Annotated[
    OfflineTicketOp | ApplicantOp | CaseOp | TransitionOp | RatingOp | AuditOp | FeedbackOp | HealthOp,
    Field(discriminator="kind"),
]
_OP: TypeAdapter[PushOp] = TypeAdapter(PushOp)
PAYLOADS: dict[OpKind, type[Payload]] = {
    OpKind.OFFLINE_TICKET: OfflineTicketPayload,
    OpKind.APPLICANT_CREATE: ApplicantPayload,
    OpKind.CASE_CREATE: CasePayload,
    OpKind.CASE_TRANSITION: TransitionPayload,
    OpKind.RATING_CREATE: RatingPayload,
    OpKind.AUDIT_APPEND: AuditPayload,
    OpKind.FEEDBACK_CREATE: FeedbackPayload,
    OpKind.TERMINAL_HEALTH: HealthPayload,
}


def _explain(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(x) for x in err["loc"] if x != "payload") or "op"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def parse_op(op_id: Any, kind: str, payload: Any) -> PushOp:
    """The typed op for what arrived on the wire (or was read from the outbox); OpInvalid says why not."""
    try:
        op: PushOp = _OP.validate_python({"op_id": op_id, "kind": kind, "payload": payload})
        return op
    except ValidationError as exc:
        if kind not in {k.value for k in OpKind}:
            raise OpInvalid(f"unknown operation kind {kind!r}") from None
        raise OpInvalid(f"{kind}: {_explain(exc)}") from None


def build_payload(op_kind: OpKind, /, **fields: Any) -> Payload:
    """A checked payload for a new op; OpInvalid (a ValueError) when a value does not fit its column."""
    try:
        return PAYLOADS[op_kind].model_validate(fields)
    except ValidationError as exc:
        raise OpInvalid(f"{op_kind.value}: {_explain(exc)}") from None


def wire_payload(payload: Payload) -> dict[str, Any]:
    """The JSON form of a payload, as stored in the outbox and pushed (aliases used: `from`)."""
    return payload.model_dump(mode="json", by_alias=True)
