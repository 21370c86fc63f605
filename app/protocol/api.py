"""Requests and answers of the center's API that terminals send and parse: one definition for the
routes (FastAPI validates and documents them) and the terminal's client (which refuses any answer that
does not match: an HTML page, `{}`, a missing field)."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

MAX_OPS = 2000  # ops per push request (sync.push_batch); a center before the bulk push took 500


class Answer(BaseModel):
    model_config = ConfigDict(extra="ignore")


class OpIn(BaseModel):
    """An op as pushed; its payload is validated per op at the center (`app.protocol.ops.parse_op`), so
    one bad op is rejected alone instead of failing the whole push."""

    op_id: uuid.UUID
    kind: str = Field(max_length=40)
    payload: dict[str, Any]


class PushIn(BaseModel):
    ops: list[OpIn] = Field(max_length=MAX_OPS)


class OpResult(Answer):
    op_id: uuid.UUID
    status: str = Field(pattern="^(applied|duplicate|rejected|retry)$")
    reason: str | None = None


class PushOut(Answer):
    results: list[OpResult]


class ChangeOut(Answer):
    seq: int
    entity: str
    entity_id: str
    op: str
    data: dict[str, Any]


# A change of this entity (id: the op's id, addressed to terminals of the op's kind) says a manager resolved
# the conflict of an op the center refused: the terminal stops showing it.
CONFLICT_RESOLVED_ENTITY = "sync_conflict"


class PullOut(Answer):
    changes: list[ChangeOut]
    cursor: int  # give this as `after` next time
    last_seq: int  # the newest change at the center
    has_more: bool


class HealthIn(BaseModel):
    """A terminal's latest device health: replaces the one before (one row per terminal)."""

    health: dict[str, Any] = Field(default_factory=dict)


class ResumeOut(Answer):
    """Where a terminal's numbering stands at the center: a re-enrolled terminal continues from here,
    so it never reuses a case number or an audit position."""

    audit_seq: int = 0
    audit_hash: str | None = None  # the hash of event `audit_seq`: the next event links to it
    case_seqs: dict[str, int] = Field(default_factory=dict)  # "YYYY-MM-DD" → the highest case seq used


class TokenOut(Answer):
    token: str
    role: str = ""
    name: str = ""
    window: int | None = None
    expires_at: float = 0.0
    demo: bool = False
    username: str = ""


class EnrollOut(Answer):
    terminal_id: uuid.UUID
    status: str
    tag: int = 0


class DocLeaseOut(Answer):
    """A block of the hall's document-number sequence of one notice kind and year, for one counter."""

    kind: str
    year: int
    first: int
    last: int


class LeaseOut(Answer):
    id: uuid.UUID
    category: str
    day: str
    first: int
    last: int
