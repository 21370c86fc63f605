"""The protocol's models: every op round-trips through its wire form, and a value too long for its
column is refused when the op is built, with the field named."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from app.protocol.api import PullOut, PushOut
from app.protocol.ops import OpInvalid, OpKind, build_payload, parse_op, wire_payload
from app.protocol.rows import op_rows
from app.store import models as m
from app.store.crypto import FieldCipher
from app.sync.client import CenterNonsense, parse_answer

AT = dt.datetime(2025, 9, 30, 1, 2, 3, tzinfo=dt.UTC)
SAMPLES = {
    OpKind.APPLICANT_CREATE: {"id": uuid.uuid4(), "name": "张三", "id_number": "11010519491231002X", "phone": "13812345678", "created_at": AT},
    OpKind.CASE_CREATE: {
        "id": uuid.uuid4(),
        "case_number": "H01-20250930-01-0001",
        "item_id": uuid.uuid4(),
        "applicant_id": uuid.uuid4(),
        "status": "accepted",
        "decision": "accept",
        "received_on": dt.date(2025, 9, 30),
        "created_at": AT,
        "materials": [{"id": uuid.uuid4(), "name": "申请书", "originals_received": 1}],
    },
    OpKind.CASE_TRANSITION: {"id": uuid.uuid4(), "case_id": uuid.uuid4(), "from": "accepted", "to": "approved", "at": AT},
    OpKind.RATING_CREATE: {"id": uuid.uuid4(), "level": 5, "case_id": uuid.uuid4(), "rated_at": AT},
    OpKind.AUDIT_APPEND: {"seq": 1, "at": AT.isoformat(), "actor": "clerk01", "action": "case.accept", "prev_hash": "0" * 64, "hash": "a" * 64},
    OpKind.FEEDBACK_CREATE: {"id": uuid.uuid4(), "text": "很好", "phone": "13812345678", "created_at": AT},
    OpKind.OFFLINE_TICKET: {"id": uuid.uuid4(), "category": "A", "service_day": dt.date(2025, 9, 30), "seq": 900, "number": "A900", "issued_at": AT},
    OpKind.TERMINAL_HEALTH: {"health": {"printer": {"ok": True}}},
}


@pytest.mark.parametrize("kind", list(OpKind))
def test_every_op_round_trips(kind: OpKind) -> None:
    payload = build_payload(kind, **SAMPLES[kind])
    op_id = uuid.uuid4()
    op = parse_op(str(op_id), kind.value, wire_payload(payload))
    assert op.op_id == op_id and op.kind == kind and op.payload == payload


@pytest.mark.parametrize(
    ("kind", "field", "too_long"),
    [
        (OpKind.APPLICANT_CREATE, "phone", "1" * 21),
        (OpKind.APPLICANT_CREATE, "name", "张" * 101),
        (OpKind.APPLICANT_CREATE, "credit_code", "9" * 19),
        (OpKind.CASE_CREATE, "case_number", "H" * 41),
        (OpKind.CASE_CREATE, "delivery_method", "x" * 13),
        (OpKind.RATING_CREATE, "channel", "x" * 13),
        (OpKind.AUDIT_APPEND, "action", "x" * 41),
        (OpKind.FEEDBACK_CREATE, "topic", "x" * 41),
        (OpKind.OFFLINE_TICKET, "number", "A" * 9),
    ],
)
def test_a_value_too_long_for_its_column_is_refused(kind: OpKind, field: str, too_long: str) -> None:
    with pytest.raises(OpInvalid, match=field):
        build_payload(kind, **dict(SAMPLES[kind], **{field: too_long}))
    with pytest.raises(OpInvalid, match=field):  # and the center refuses it the same way
        parse_op(uuid.uuid4(), kind.value, dict(wire_payload(build_payload(kind, **SAMPLES[kind])), **{field: too_long}))


def test_the_model_lengths_match_the_columns() -> None:
    """A protocol length that drifts from its column is caught here."""
    from app.protocol import ops

    pairs = [
        (ops.ApplicantPayload, m.Applicant, {"name": "name", "kind": "kind", "id_type": "id_type", "company_name": "company_name", "credit_code": "credit_code", "phone": "phone_masked", "id_number": "id_number_masked"}),
        (ops.CasePayload, m.Case, {"case_number": "case_number", "decision": "decision", "delivery_method": "delivery_method", "tracking_number": "tracking_number"}),
        (ops.AuditPayload, m.AuditEvent, {"actor": "actor", "action": "action", "object_type": "object_type", "object_id": "object_id"}),
        (ops.FeedbackPayload, m.Feedback, {"kind": "kind", "topic": "topic", "phone": "phone_masked"}),
        (ops.RatingPayload, m.Rating, {"channel": "channel"}),
        (ops.OfflineTicketPayload, m.Ticket, {"number": "number", "id_number_hash": "id_number_hash"}),
    ]
    for model, table, fields in pairs:
        for field, column in fields.items():
            limit = next(meta.max_length for meta in model.model_fields[field].metadata if hasattr(meta, "max_length"))
            assert limit == table.__table__.c[column].type.length, (model.__name__, field)


def test_unknown_kinds_and_broken_payloads_say_what_is_wrong() -> None:
    with pytest.raises(OpInvalid, match="unknown operation kind"):
        parse_op(uuid.uuid4(), "case.delete", {})
    with pytest.raises(OpInvalid, match="created_at"):
        parse_op(uuid.uuid4(), "applicant.create", {"id": str(uuid.uuid4()), "name": "x"})


def test_one_function_gives_the_rows_of_an_op() -> None:
    cipher = FieldCipher(FieldCipher.new_key())
    (applicant,) = op_rows(build_payload(OpKind.APPLICANT_CREATE, **SAMPLES[OpKind.APPLICANT_CREATE]), cipher=cipher, terminal_id=None)
    assert isinstance(applicant, m.Applicant)
    assert applicant.id_number_masked == "110105********002X" and applicant.phone_masked == "138****5678"
    assert cipher.decrypt(applicant.id_number_enc) == "11010519491231002X"
    rows = op_rows(build_payload(OpKind.CASE_CREATE, **SAMPLES[OpKind.CASE_CREATE]), cipher=cipher, terminal_id=None)
    assert [type(r).__name__ for r in rows] == ["Case", "CaseMaterial", "CaseTransition"]


@pytest.mark.parametrize("body", [{}, {"results": "x"}, [], {"changes": []}])
def test_answers_that_are_not_the_protocols_are_refused(body: object) -> None:
    for model in (PushOut, PullOut):
        with pytest.raises(CenterNonsense, match="not the center's protocol"):
            parse_answer(model, body)
