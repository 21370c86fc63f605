"""Refused records as the counter and the console show them: the plain reason read from the center's
words (SQLite's and PostgreSQL's), which record it is, the hall's clock, ID and phone numbers masked."""

from __future__ import annotations

import datetime as dt

import pytest

from app.protocol.subject import op_subject
from app.views import refused as rv
from app.views.refused import conflict_rows, explain, refused_row


@pytest.mark.parametrize(
    ("reason", "code"),
    [
        ("(sqlite3.IntegrityError) FOREIGN KEY constraint failed", rv.UNKNOWN),
        ('(psycopg.errors.ForeignKeyViolation) insert or update on table "cases" violates foreign key constraint', rv.UNKNOWN),
        ("unknown service item UUID('0190…')", rv.UNKNOWN),
        ("case number H01-20250930-01-0001 is already used by another case", rv.TAKEN),
        ('(psycopg.errors.UniqueViolation) duplicate key value violates unique constraint "uq_cases_number"', rv.TAKEN),
        ("(sqlite3.IntegrityError) UNIQUE constraint failed: cases.case_number", rv.TAKEN),
        ("audit chain broken at event 7: it does not link to event 6", rv.AUDIT),
        ("audit event 3 was altered: its hash does not match its content", rv.AUDIT),
        ("this visit was already rated (one rating per visit)", rv.NOT_ALLOWED),
        ("something nobody foresaw", rv.OTHER),
    ],
)
def test_the_plain_reason_of_a_refusal(reason: str, code: str) -> None:
    assert explain(reason).code == code


def test_a_value_too_long_names_the_field_and_its_limit() -> None:
    why = explain("applicant.create: phone: String should have at most 20 characters")
    assert (why.code, why.field, why.limit) == (rv.TOO_LONG, "phone", "20")
    pg = explain("(psycopg.errors.StringDataRightTruncation) value too long for type character varying(20)")
    assert (pg.code, pg.limit) == (rv.TOO_LONG, "20")
    assert explain("whatever", damaged=True).code == rv.DAMAGED


def test_rows_show_the_hall_clock_and_mask_numbers() -> None:
    reason = "Key (id_number)=(110101199003071234) phone 13812345678 is not present in table"
    row = refused_row("op-1", "applicant.create", dt.datetime(2025, 9, 30, 2, 5, tzinfo=dt.UTC), "rejected", reason)
    assert row.when == "2025-09-30 10:05:00"  # Asia/Shanghai
    assert "110101199003071234" not in row.reason and "110101********1234" in row.reason
    assert "13812345678" not in row.reason and "138****5678" in row.reason
    assert row.why.code == rv.UNKNOWN
    (c,) = conflict_rows(
        [{"id": "c1", "terminal": "counter-1", "kind": "case.create", "subject": "H01-0001", "reason": reason,
          "at": "2025-09-30T02:05:00+00:00", "resolved": False}]
    )
    assert (c.terminal, c.when, c.subject) == ("counter-1", "2025-09-30 10:05:00", "H01-0001")
    assert "13812345678" not in c.reason


def test_which_record_an_op_is_about() -> None:
    assert op_subject("case.create", {"case_number": "H01-20250930-01-0003"}) == "H01-20250930-01-0003"
    assert op_subject("applicant.create", {"name": "李小四", "_sealed": {"phone": "x"}}) == "李*四"
    assert op_subject("applicant.create", {"kind": "company", "name": "王五", "company_name": "某某公司"}) == "某某公司"
    assert op_subject("ticket.offline", {"number": "A901"}) == "A901"
    step = op_subject("case.transition", {"case_id": "c1", "from": "accepted", "to": "correction"}, {"c1": "H01-7"})
    assert step == "H01-7 accepted → correction"
    assert op_subject("rating.create", {"level": 2}) == "2/5"
    assert op_subject("audit.append", {"seq": 4, "action": "case.accept"}) == "#4 case.accept"
    assert op_subject("feedback.create", {"topic": "13812345678"}) == "138****5678"
    assert op_subject("case.create", "not a dict") == "" and op_subject("unknown.kind", {}) == ""
