"""Records the center refused, as rows the counter and the manager's console show (Qt-free): what kind of
record, which one, when (the hall's clock), why in a few plain words (a code the Qt layer translates) and
the center's own words, ID and phone numbers masked."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from app.domain.clock import local_text
from app.domain.idnumber import redact_text

# why an op was refused, in a few words: the Qt layer has one translated sentence per code
TOO_LONG = "too_long"  # a value longer than its column (argument: the field and the limit)
UNKNOWN = "unknown"  # it names something the center does not hold (an item, a clerk, a category)
TAKEN = "taken"  # the center already holds another record with this number
AUDIT = "audit"  # the audit chain does not link or was altered
NOT_ALLOWED = "not_allowed"  # a step the record's state does not allow, a second rating
DAMAGED = "damaged"  # unreadable on this terminal: never sent
OTHER = "other"

_TOO_LONG = re.compile(r"([\w.]+): String should have at most (\d+) characters?")
_PG_TOO_LONG = re.compile(r"value too long for type character varying\((\d+)\)")
_UNKNOWN = re.compile(r"\bunknown\b|foreign key|ForeignKeyViolation|is not present in table", re.I)
_TAKEN = re.compile(r"already used|UniqueViolation|UNIQUE constraint|duplicate key", re.I)
_AUDIT = re.compile(r"audit (chain|event)", re.I)
_NOT_ALLOWED = re.compile(r"already rated|transition|cannot|not allowed|from state", re.I)


@dataclass(frozen=True)
class Why:
    code: str
    field: str = ""
    limit: str = ""


def explain(reason: str, *, damaged: bool = False) -> Why:
    """The plain reason of a refusal, from the center's words (or the terminal's, for a damaged row)."""
    if damaged:
        return Why(DAMAGED)
    if found := _TOO_LONG.search(reason):
        return Why(TOO_LONG, found.group(1).rsplit(".", 1)[-1], found.group(2))
    if found := _PG_TOO_LONG.search(reason):
        return Why(TOO_LONG, "", found.group(1))
    for code, pattern in ((AUDIT, _AUDIT), (TAKEN, _TAKEN), (UNKNOWN, _UNKNOWN), (NOT_ALLOWED, _NOT_ALLOWED)):
        if pattern.search(reason):
            return Why(code)
    return Why(OTHER)


@dataclass(frozen=True)
class RefusedRow:
    id: str  # the op's id on a terminal, the conflict's id in the console
    kind: str  # the op's kind ("case.create"): the Qt layer names it in words
    subject: str  # which record (case number, ticket number, masked name)
    when: str  # hall-local time
    why: Why
    reason: str  # the center's words, ID and phone numbers masked
    terminal: str = ""


def refused_row(
    op_id: Any, kind: str, written_at: dt.datetime | str | None, status: str, reason: str, subject: str = ""
) -> RefusedRow:
    """One of a terminal's own refused (or damaged) ops."""
    return RefusedRow(
        id=str(op_id),
        kind=kind,
        subject=subject,
        when=local_text(written_at),
        why=explain(reason, damaged=status == "damaged"),
        reason=redact_text(reason),
    )


def conflict_rows(conflicts: list[dict[str, Any]]) -> list[RefusedRow]:
    """The center's conflicts (`GET /conflicts`) for the console."""
    return [
        RefusedRow(
            id=str(c["id"]),
            kind=str(c.get("kind") or ""),
            subject=str(c.get("subject") or ""),
            when=local_text(c.get("at")),
            why=explain(str(c.get("reason") or "")),
            reason=redact_text(str(c.get("reason") or "")),
            terminal=str(c.get("terminal") or ""),
        )
        for c in conflicts
    ]
