"""Applying the operations terminals push: each once, by op id, validated with the protocol's models and
turned into rows by the protocol's one function (`app.protocol.rows.op_values`).

Answers per op: `applied`; `duplicate` (seen before: the terminal may forget it); `rejected` (never
applies: logged in the conflict table for a manager, the terminal shows it); `retry` (a record it needs
has not arrived yet, e.g. reordered delivery: nothing is recorded and the terminal sends it again).
Records born at terminals are insert-only and idempotent by id; status changes are transitions checked
against the state machine, so a late transition can never move a status backward.

A batch is applied in bulk: what each op needs to know (ids already here, the records it names, the
audit chain's tail) is loaded with one query per table first, every op is decided in memory (the state
machine and the audit chain's links checked over the batch), and the new rows are written as column
values, one COPY (PostgreSQL) or executemany (elsewhere) per table, with no ORM object per row; the
batch's events go to the bus in one statement. If the write fails (a value the database refuses), the
batch is applied again op by op, each in its own savepoint, so one bad op never holds back the others.
"""

from __future__ import annotations

import enum
import json
import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from sqlalchemy import JSON, TypeDecorator, any_, bindparam, insert, select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from app.center.cases import after_terminal_transition, case_summary, dispatch_rows
from app.center.notify_hooks import cases_moved
from app.center.realname import center_id_hash, note_offline_clash
from app.domain.audit_chain import GENESIS, chain_hash
from app.domain.lookup import progress_key
from app.domain.public_link import new_token
from app.domain.states import CaseStatus, InvalidTransition, check_case_transition
from app.protocol.ops import (
    ApplicantPayload,
    AuditPayload,
    CasePayload,
    FeedbackPayload,
    HealthPayload,
    OfflineTicketPayload,
    OpInvalid,
    Payload,
    PushOp,
    RatingPayload,
    TransitionPayload,
    parse_op,
)
from app.protocol.rows import apply_transition, op_rows, op_values
from app.store import models as m
from app.store.crypto import FieldCipher
from app.store.rows import next_value

__all__ = ["ApplyContext", "apply_batch", "case_summary"]

log = logging.getLogger("hall.center.sync")
APPLY_ERRORS = (IntegrityError, DBAPIError, ValueError, KeyError, TypeError)
Event: TypeAlias = tuple[str, dict[str, Any]]
New: TypeAlias = tuple[Any, dict[str, Any]]  # a new row as its table and its column values


class StagedRow:
    """A new row of the batch read and changed as attributes: its staged column values themselves, so
    what a later op of the batch changes (a transition's new status) is what gets written. A column not
    given reads as None (the table's default is filled in when the row is written)."""

    __slots__ = ("_table", "_values")

    def __init__(self, table: Any, values: dict[str, Any]) -> None:
        object.__setattr__(self, "_table", table)
        object.__setattr__(self, "_values", values)

    def __getattr__(self, name: str) -> Any:
        values = object.__getattribute__(self, "_values")
        if name in values:
            return values[name]
        if name in object.__getattribute__(self, "_table").columns:
            return None
        raise AttributeError(name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in self._table.columns:
            raise AttributeError(f"{self._table.name} has no column {name}")
        self._values[name] = value


class Rejected(Exception):
    """The op can never apply (bad data, a transition from a state the record is not in, a broken chain)."""


class Retry(Exception):
    """The op depends on a record not here yet; the terminal should send it again later."""


@dataclass
class Known:
    """What the batch's ops need to know, loaded in bulk and kept up to date as ops apply."""

    ids: dict[type[m.Base], set[uuid.UUID]] = field(default_factory=dict)  # existing rows by table
    items: dict[uuid.UUID, m.ServiceItem] = field(default_factory=dict)
    items_by_code: dict[str, m.ServiceItem] = field(default_factory=dict)
    cases: dict[uuid.UUID, Any] = field(default_factory=dict)  # an m.Case, or a new case's StagedRow
    case_numbers: set[str] = field(default_factory=set)
    tickets: set[uuid.UUID] = field(default_factory=set)
    rated_tickets: set[uuid.UUID] = field(default_factory=set)
    rated_cases: set[uuid.UUID] = field(default_factory=set)
    categories: dict[str, uuid.UUID] = field(default_factory=dict)
    audit: dict[int, str] = field(default_factory=dict)  # this terminal's chain: seq → hash
    tail_hashes: dict[uuid.UUID, str | None] = field(default_factory=dict)  # case id → id_tail_hash
    departments: dict[str, uuid.UUID] = field(default_factory=dict)  # code → id (dispatching cases)
    tasks: dict[uuid.UUID, list[StagedRow]] = field(default_factory=dict)  # new cases' tasks, by case id
    materials: dict[uuid.UUID, list[dict[str, Any]]] = field(default_factory=dict)  # new cases' staged materials

    def has(self, cls: type[m.Base], ident: uuid.UUID) -> bool:
        return ident in self.ids.setdefault(cls, set())

    def add(self, cls: type[m.Base], ident: uuid.UUID) -> None:
        self.ids.setdefault(cls, set()).add(ident)


@dataclass
class ApplyContext:
    session: Session
    terminal_id: uuid.UUID | None
    cipher: FieldCipher
    publish: Callable[[str, dict[str, Any]], None]
    on_bad_rating: Callable[[Session, Any], object]  # a rating of 1 or 2 (an m.Rating or its StagedRow)
    publish_all: Callable[[list[Event]], None] | None = None  # the batch's events at once, if the bus can
    processed: dict[uuid.UUID, str | None] = field(default_factory=dict)  # op ids seen → reason
    known: Known = field(default_factory=Known)
    events: list[Event] = field(default_factory=list)  # published after the batch
    changes: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)  # change-log rows to add
    bad_ratings: list[Any] = field(default_factory=list)
    staged: list[m.Base | New] = field(default_factory=list)  # new rows, written table by table in `finish`
    case_moves: list[tuple[uuid.UUID, bool]] = field(default_factory=list)  # (case id, created): SMS after

    def stage(self, rows: Iterable[m.Base | New]) -> None:
        self.staged.extend(rows)

    def stage_values(self, cls: type[m.Base], values: dict[str, Any]) -> None:
        self.staged.append((cls.__table__, values))

    def emit(self, type_: str, data: dict[str, Any]) -> None:
        self.events.append((type_, data))

    # ------------------------------------------------------------------ bulk look-ups
    def prefetch(self, ops: list[PushOp]) -> None:
        """One query per table for the whole batch instead of several per op."""
        s, k = self.session, self.known
        rows = s.execute(
            select(m.ProcessedOp.op_id, m.ProcessedOp.reason).where(
                self.among(m.ProcessedOp.op_id, [op.op_id for op in ops])
            )
        ).all()
        self.processed.update({op_id: reason for op_id, reason in rows})
        by: dict[type[Payload], list[Any]] = {}
        for op in ops:
            by.setdefault(type(op.payload), []).append(op.payload)
        apps = by.get(ApplicantPayload, [])
        cases: list[CasePayload] = by.get(CasePayload, [])
        trans: list[TransitionPayload] = by.get(TransitionPayload, [])
        ratings: list[RatingPayload] = by.get(RatingPayload, [])
        tickets: list[OfflineTicketPayload] = by.get(OfflineTicketPayload, [])
        feedback = by.get(FeedbackPayload, [])
        audits: list[AuditPayload] = by.get(AuditPayload, [])
        self._ids(m.Applicant, [p.id for p in apps] + [p.applicant_id for p in cases])
        self._ids(m.CaseTransition, [p.id for p in trans])
        self._ids(m.Rating, [p.id for p in ratings])
        self._ids(m.Feedback, [p.id for p in feedback])
        self._ids(m.Ticket, [p.id for p in tickets])
        linked = [p.ticket_id for p in cases if p.ticket_id] + [p.ticket_id for p in ratings if p.ticket_id]
        k.tickets |= self._existing(m.Ticket, linked)
        case_ids = (
            [p.id for p in cases] + [p.case_id for p in trans] + [p.case_id for p in ratings if p.case_id]
        )
        if case_ids:
            # locked: a back-office step on the same case in another process waits, and so do we
            for case in s.scalars(select(m.Case).where(self.among(m.Case.id, set(case_ids))).with_for_update()):
                k.cases[case.id] = case
                k.add(m.Case, case.id)
        numbers = [p.case_number for p in cases]
        if numbers:
            k.case_numbers |= set(
                s.scalars(select(m.Case.case_number).where(self.among(m.Case.case_number, numbers)))
            )
        item_ids = {p.item_id for p in cases if p.item_id} | {c.item_id for c in k.cases.values()}
        codes = {p.item_code for p in cases if p.item_code and not p.item_id}
        if item_ids or codes:
            q = select(m.ServiceItem).where(
                self.among(m.ServiceItem.id, item_ids) | self.among(m.ServiceItem.code, codes)
            )
            for item in s.scalars(q):
                k.items[item.id], k.items_by_code[item.code] = item, item
        t_ids = [p.ticket_id for p in ratings if p.ticket_id]
        c_ids = [p.case_id for p in ratings if p.case_id]
        if t_ids:
            k.rated_tickets |= set(
                s.scalars(select(m.Rating.ticket_id).where(self.among(m.Rating.ticket_id, t_ids)))
            )
        if c_ids:
            k.rated_cases |= set(
                s.scalars(select(m.Rating.case_id).where(self.among(m.Rating.case_id, c_ids)))
            )
        if cases or trans:
            k.departments.update(dict(s.execute(select(m.Department.code, m.Department.id)).all()))
        if tickets:
            k.categories.update(dict(s.execute(select(m.Category.prefix, m.Category.id)).all()))
        if audits:
            # the chain positions the batch names and those just before them, read as one range of the
            # (terminal, seq) index: a batch's are consecutive, and a range is read the same way whatever
            # the planner knows of the table (a list of a thousand positions, checked row by row against
            # every one, cost more with every event the terminal had already pushed)
            seqs = {p.seq for p in audits} | {p.seq - 1 for p in audits if p.seq > 1}
            lo, hi = min(seqs), max(seqs)
            dense = hi - lo < 4 * len(seqs) + 100  # not a few positions far apart
            chain = s.execute(
                select(m.AuditEvent.seq, m.AuditEvent.hash).where(
                    m.AuditEvent.terminal_id == self.terminal_id,
                    m.AuditEvent.seq.between(lo, hi) if dense else self.among(m.AuditEvent.seq, seqs),
                )
            ).all()
            k.audit.update({seq: hash_ for seq, hash_ in chain if seq in seqs})

    def among(self, col: Any, values: Iterable[Any]) -> Any:
        """`col IN values`; on PostgreSQL `col = ANY(array)`: one parameter instead of hundreds (a batch's
        IN lists cost more to build and parse than to run)."""
        values = list(values)
        if self.session.get_bind().dialect.name == "postgresql":
            return col == any_(bindparam(None, values, type_=postgresql.ARRAY(col.type)))
        return col.in_(values)

    def _existing(self, cls: Any, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
        wanted = set(ids)
        if not wanted:
            return set()
        return set(self.session.scalars(select(cls.id).where(self.among(cls.id, wanted))))

    def _ids(self, cls: type[m.Base], ids: list[uuid.UUID]) -> None:
        self.known.ids.setdefault(cls, set()).update(self._existing(cls, ids))

    def rows(self, payload: Payload, **kw: Any) -> list[m.Base]:
        return op_rows(payload, cipher=self.cipher, terminal_id=self.terminal_id, **kw)

    def values(self, payload: Payload) -> list[New]:
        """The op's new rows as their tables and column values, to stage once the op is decided (the dicts
        stay live once staged: a later op of the batch may still change them)."""
        return [
            (cls.__table__, values)
            for cls, values in op_values(payload, cipher=self.cipher, terminal_id=self.terminal_id)
        ]

    # ------------------------------------------------------------------ after the batch
    def finish(self) -> None:
        """Write what the batch's ops staged (with their change-log rows, one block of sequence numbers),
        then the bad-rating follow-ups, then publish."""
        s = self.session
        if self.changes:
            last = next_value(s, "change_log", step=len(self.changes))
            first = last - len(self.changes) + 1
            table = m.ChangeLog.__table__
            self.stage(
                (
                    table,
                    {
                        "seq": first + i,
                        "entity": entity,
                        "entity_id": ident,
                        "op": "upsert",
                        "data": data,
                        "audience": "all",
                    },
                )
                for i, (entity, ident, data) in enumerate(self.changes)
            )
        insert_rows(s, self.staged)
        if self.case_moves:  # the applicants' SMS (issue 18), once the batch's cases are written
            cases_moved(s, self.case_moves)
        for rating in self.bad_ratings:
            self.on_bad_rating(s, rating)
        if self.publish_all is not None:
            if self.events:
                self.publish_all(self.events)
        else:
            for type_, data in self.events:
                self.publish(type_, data)
        self.staged, self.changes, self.events, self.bad_ratings, self.case_moves = [], [], [], [], []


def insert_rows(session: Session, rows: list[m.Base | New]) -> None:
    """New rows (ORM objects not in the session, or a table and its column values), parents first (no
    relationship orders them): on PostgreSQL one COPY per table, elsewhere one executemany per table and
    column set, instead of the ORM's unit of work row by row."""
    groups: dict[Any, list[dict[str, Any]]] = {}
    for row in rows:
        if isinstance(row, tuple):
            groups.setdefault(row[0], []).append(row[1])
            continue
        table, state = row.__table__, row.__dict__
        groups.setdefault(table, []).append({c.key: state[c.key] for c in table.columns if c.key in state})
    conn = session.connection()
    for table in m.Base.metadata.sorted_tables:
        batch = groups.get(table)
        if not batch:
            continue
        if conn.dialect.name == "postgresql":
            _copy(conn, table, batch)
            continue
        by_keys: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for values in batch:
            by_keys.setdefault(tuple(sorted(values)), []).append(values)
        for same in by_keys.values():
            session.execute(insert(table), same)


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _bind(decorator: TypeDecorator[Any], dialect: Any) -> Callable[[Any], Any]:
    return lambda value: decorator.process_bind_param(value, dialect)


def _row_builder(table: Any, dialect: Any) -> Callable[[dict[str, Any]], list[Any]]:
    """How a row's values become COPY's row: every column in order, the defaults of the missing ones
    filled in, the columns whose type needs it converted (JSON to text, a column type's own bind
    processing), enums to their values."""
    cols = list(table.columns)
    keys = [c.key for c in cols]
    defaults = [
        (i, c.key, c.default)
        for i, c in enumerate(cols)
        if c.default is not None and not c.default.is_sequence
    ]
    fixes: list[tuple[int, Callable[[Any], Any]]] = []
    for i, c in enumerate(cols):
        if isinstance(c.type, TypeDecorator):
            fixes.append((i, _bind(c.type, dialect)))
        elif isinstance(c.type, JSON):
            fixes.append((i, _json_text))

    def build(values: dict[str, Any]) -> list[Any]:
        row = [values.get(k) for k in keys]
        for i, key, default in defaults:
            if key not in values:
                row[i] = default.arg(None) if default.is_callable else default.arg
        for i, fix in fixes:
            if row[i] is not None:
                row[i] = fix(row[i])
        # an enum in a plain column: its value (psycopg would write a plain Enum's name)
        return [v.value if isinstance(v, enum.Enum) else v for v in row]

    return build


_BUILDERS: dict[Any, Callable[[dict[str, Any]], list[Any]]] = {}


def _copy(conn: Any, table: Any, batch: list[dict[str, Any]]) -> None:
    """COPY … FROM STDIN on the session's own connection (inside its transaction and savepoint)."""
    cols = list(table.columns)
    names = ", ".join(f'"{c.name}"' for c in cols)
    build = _BUILDERS.get(table)
    if build is None:
        build = _BUILDERS[table] = _row_builder(table, conn.dialect)
    raw = conn.connection.driver_connection
    try:
        with raw.cursor() as cur, cur.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
            for values in batch:
                copy.write_row(build(values))
    except Exception as exc:  # psycopg's own error: the database refused a row
        if isinstance(exc, APPLY_ERRORS):
            raise
        raise ValueError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from exc


# ------------------------------------------------------------------ one applier per kind


def apply_applicant(ctx: ApplyContext, p: ApplicantPayload) -> str:
    if ctx.known.has(m.Applicant, p.id):
        return "duplicate"
    ctx.stage(ctx.values(p))
    ctx.known.add(m.Applicant, p.id)
    return "applied"


def apply_case(ctx: ApplyContext, p: CasePayload) -> str:
    k = ctx.known
    if k.has(m.Case, p.id):
        return "duplicate"
    item = k.items.get(p.item_id) if p.item_id else k.items_by_code.get(p.item_code or "")
    if item is None:
        raise Rejected(f"unknown service item {p.item_id or p.item_code!r}")
    if not k.has(m.Applicant, p.applicant_id):
        raise Retry("applicant not received yet")
    if p.case_number in k.case_numbers:
        raise Rejected(f"case number {p.case_number} is already used by another case")
    # an offline ticket that never reached the center: keep the case, drop the link
    ticket_id = p.ticket_id if p.ticket_id in k.tickets else None
    p = p.model_copy(update={"item_id": item.id, "ticket_id": ticket_id})
    rows = ctx.values(p)
    if rows[0][1].get("public_token") is None:  # from a counter older than the phone pages (issue 18)
        rows[0][1]["public_token"] = new_token()
    case = StagedRow(*rows[0])
    material = m.CaseMaterial.__table__
    # 前台综合受理、后台分类审批: the accepted case goes to its departments, all at once (联办件)
    k.materials[p.id] = [v for t, v in rows if t is material]
    ctx.stage(rows)
    _stage_dispatch(ctx, case, item)
    k.add(m.Case, p.id)
    k.cases[p.id] = case
    k.case_numbers.add(p.case_number)
    tail_hash = p.id_tail_hash  # computed by the terminal at acceptance (a deliberately slow hash)
    if not tail_hash:
        applicant = ctx.session.get(m.Applicant, p.applicant_id)
        id_number = ctx.cipher.decrypt(applicant.id_number_enc) if applicant else None
        tail_hash = progress_key(p.case_number, id_number) if id_number else None
    _publish_case(ctx, case, item.code, tail_hash)
    if p.sms_consent_at is not None:
        ctx.case_moves.append((p.id, True))
    return "applied"


def _stage_dispatch(ctx: ApplyContext, case: StagedRow, item: m.ServiceItem) -> None:
    """A case of this batch goes to its departments (accepted now, or 一次性告知 then accepted in the same
    batch): its tasks staged beside it."""
    k = ctx.known
    dispatched = dispatch_rows(case, item, k.departments, [v["state"] for v in k.materials.get(case.id, [])])
    for cls, values in dispatched:
        ctx.stage_values(cls, values)
    k.tasks[case.id] = [StagedRow(m.CaseTask.__table__, v) for cls, v in dispatched if cls is m.CaseTask]


def _publish_case(ctx: ApplyContext, case: Any, item_code: str, id_tail_hash: str | None) -> None:
    summary = case_summary(case, item_code)
    summary["id_tail_hash"] = id_tail_hash
    ctx.known.tail_hashes[case.id] = id_tail_hash
    ctx.changes.append(("case_status", str(case.id), summary))
    ctx.emit("case.status", {k: summary[k] for k in ("case_number", "status", "due_date", "window_number")})


def apply_case_transition(ctx: ApplyContext, p: TransitionPayload) -> str:
    k = ctx.known
    if k.has(m.CaseTransition, p.id):
        return "duplicate"
    case = k.cases.get(p.case_id)
    if case is None:
        raise Retry("case not received yet")
    try:
        check_case_transition(case.status.value, p.from_status, p.to.value)
    except (InvalidTransition, ValueError) as exc:
        raise Rejected(str(exc)) from None
    before = case.status.value
    apply_transition(case, p)
    if isinstance(case, StagedRow):
        # a case of this batch: its tasks are staged with it (or start now: 一次性告知, then accepted)
        if before == CaseStatus.NOTIFIED.value and not k.tasks.get(case.id):
            for mt in k.materials.get(case.id, []):
                if mt["state"] in ("missing", "incorrect"):
                    mt["state"] = "received"
            item = k.items.get(case.item_id)
            if item is not None:
                _stage_dispatch(ctx, case, item)
        else:
            after_terminal_transition(ctx.session, case, before, None, k.tasks.get(case.id, []))
    else:
        after_terminal_transition(ctx.session, case, before, None)
    ctx.stage(ctx.values(p))
    k.add(m.CaseTransition, p.id)
    if case.id not in k.tail_hashes:
        prev = ctx.session.scalar(
            select(m.ChangeLog.data)
            .where(m.ChangeLog.entity == "case_status", m.ChangeLog.entity_id == str(case.id))
            .order_by(m.ChangeLog.seq.desc())
            .limit(1)
        )
        k.tail_hashes[case.id] = (prev or {}).get("id_tail_hash")
    item = k.items.get(case.item_id)
    _publish_case(ctx, case, item.code if item else case.item.code, k.tail_hashes[case.id])
    if getattr(case, "sms_consent_at", None) is not None:
        ctx.case_moves.append((case.id, False))
    return "applied"


def apply_rating(ctx: ApplyContext, p: RatingPayload) -> str:
    k = ctx.known
    if k.has(m.Rating, p.id):
        return "duplicate"
    case = k.cases.get(p.case_id) if p.case_id else None
    if p.case_id is not None and case is None:
        raise Retry("case not received yet")
    ticket_id = p.ticket_id if p.ticket_id in k.tickets else None
    if (ticket_id is not None and ticket_id in k.rated_tickets) or (p.case_id and p.case_id in k.rated_cases):
        raise Rejected("this visit was already rated (one rating per visit)")
    rows = ctx.values(p.model_copy(update={"ticket_id": ticket_id}))
    rating = StagedRow(*rows[0])
    if case is not None:
        item = k.items.get(case.item_id)
        rating.department_id = item.department_id if item else case.item.department_id
    ctx.stage(rows)
    k.add(m.Rating, p.id)
    if ticket_id:
        k.rated_tickets.add(ticket_id)
    if p.case_id:
        k.rated_cases.add(p.case_id)
    if p.level <= 2:
        ctx.bad_ratings.append(rating)
    ctx.emit("rating.created", {"id": str(p.id), "level": p.level, "window_number": p.window_number})
    return "applied"


def apply_audit(ctx: ApplyContext, p: AuditPayload) -> str:
    term, chain = ctx.terminal_id, ctx.known.audit
    here = chain.get(p.seq)
    if here is not None:
        if here == p.hash:
            return "duplicate"
        raise Rejected(f"audit chain conflict at event {p.seq}: a different event is already recorded there")
    if p.seq == 1:
        prev_hash = GENESIS
    else:
        found = chain.get(p.seq - 1)
        if found is None:
            raise Retry(f"audit event {p.seq - 1} not received yet")
        prev_hash = found
    if p.prev_hash != prev_hash:
        raise Rejected(f"audit chain broken at event {p.seq}: it does not link to event {p.seq - 1}")
    fields = dict(p.model_dump(mode="json"), terminal_id=str(term) if term else None)
    if chain_hash(prev_hash, fields) != p.hash:
        raise Rejected(f"audit event {p.seq} was altered: its hash does not match its content")
    ctx.stage(ctx.values(p))
    chain[p.seq] = p.hash
    return "applied"


def apply_health(ctx: ApplyContext, p: HealthPayload) -> str:
    """A health report queued by an older terminal: kept as the terminal's latest state."""
    if ctx.terminal_id is None:
        raise Rejected("health reports come from terminals")
    term = ctx.session.get(m.Terminal, ctx.terminal_id)
    if term is None:
        raise Rejected("unknown terminal")
    term.health = dict(p.health)
    ctx.emit("terminal.health", {"terminal": term.name, "health": term.health})
    return "applied"


def apply_offline_ticket(ctx: ApplyContext, p: OfflineTicketPayload) -> str:
    """A ticket a kiosk issued while the center was unreachable, numbered from its leased block. It joins
    the queue by its issue time; its number must lie in a block leased to this very kiosk."""
    k, s = ctx.known, ctx.session
    if k.has(m.Ticket, p.id):
        return "duplicate"
    cat_id = k.categories.get(p.category)
    if cat_id is None:
        raise Rejected(f"unknown queue category {p.category!r}")
    lease = s.scalar(
        select(m.NumberLease.id).where(
            m.NumberLease.terminal_id == ctx.terminal_id,
            m.NumberLease.category_id == cat_id,
            m.NumberLease.service_day == p.service_day,
            m.NumberLease.first_seq <= p.seq,
            m.NumberLease.last_seq >= p.seq,
        )
    )
    if lease is None:
        raise Rejected(f"ticket {p.number} is outside every number block leased to this kiosk")
    rows = ctx.rows(p, category_id=cat_id)
    for row in rows:
        if isinstance(row, m.Ticket):  # the center's keyed hash replaces the kiosk's (issue 15)
            row.id_number_hash = center_id_hash(s, p.id_number)
            if row.public_token is None:  # pushed by a kiosk older than the phone pages (issue 18)
                row.public_token = new_token()
            note_offline_clash(s, row, ctx.terminal_id, p.id)
        if isinstance(row, m.Ticket) and p.replaces_request is not None:
            # Issue 14 (idempotent tickets): the kiosk issued this offline ticket because the answer to its
            # online request was lost. The center cancels the online ticket that request made (nobody holds
            # it) and the offline ticket takes the request id over.
            from app.center.queue import replace_lost_answer

            cancelled = replace_lost_answer(s, row, p.replaces_request)
            if cancelled is not None:
                ctx.emit(
                    "ticket.cancelled",
                    {
                        "id": str(cancelled.id),
                        "number": cancelled.number,
                        "category": p.category,
                        "replaced_by": row.number,
                    },
                )
    ctx.stage(rows)
    k.add(m.Ticket, p.id)
    k.tickets.add(p.id)
    ctx.emit(
        "ticket.issued", {"id": str(p.id), "number": p.number, "category": p.category, "source": "offline"}
    )
    return "applied"


def apply_feedback(ctx: ApplyContext, p: FeedbackPayload) -> str:
    """投诉建议 from a kiosk: kept with the phone encrypted; the manager sees it masked."""
    if ctx.known.has(m.Feedback, p.id):
        return "duplicate"
    if not p.text.strip():
        raise Rejected("empty feedback")
    ctx.stage(ctx.values(p))
    ctx.known.add(m.Feedback, p.id)
    ctx.emit("feedback.created", {"id": str(p.id), "kind": p.kind})
    return "applied"


APPLIERS: dict[type[Payload], Callable[[ApplyContext, Any], str]] = {
    OfflineTicketPayload: apply_offline_ticket,
    ApplicantPayload: apply_applicant,
    CasePayload: apply_case,
    TransitionPayload: apply_case_transition,
    RatingPayload: apply_rating,
    AuditPayload: apply_audit,
    HealthPayload: apply_health,
    FeedbackPayload: apply_feedback,
}

# ------------------------------------------------------------------ a batch

Raw = tuple[uuid.UUID, str, Any]  # op id, kind, payload as received
Outcome = tuple[str, str | None]  # status, reason


def _entity(payload: Any) -> str | None:
    if isinstance(payload, dict):
        value = payload.get("id") or payload.get("case_id") or payload.get("seq")
        return None if value is None else str(value)[:64]
    return None


def _decide(ctx: ApplyContext, op: PushOp) -> Outcome:
    """Apply one typed op in memory (rows added, not flushed)."""
    try:
        return APPLIERS[type(op.payload)](ctx, op.payload), None
    except Retry as exc:
        return "retry", str(exc)
    except (Rejected, *APPLY_ERRORS) as exc:
        return "rejected", (str(exc).splitlines() or [type(exc).__name__])[0][:500]


def _record(ctx: ApplyContext, raw: Raw, outcome: Outcome) -> None:
    """The op's processed row (and its conflict if rejected); retries leave no trace."""
    op_id, kind, payload = raw
    status, reason = outcome
    if status == "retry":
        return
    if status == "rejected":
        ctx.stage_values(
            m.Conflict,
            {
                "terminal_id": ctx.terminal_id,
                "op_id": op_id,
                "kind": str(kind)[:40],
                "entity_id": _entity(payload),
                "reason": reason or "",
                "payload": sealed_payload(payload, ctx.cipher)
                if isinstance(payload, dict)
                else {"payload": repr(payload)[:500]},
            },
        )
        log.warning("rejected op %s (%s) from terminal %s: %s", op_id, kind, ctx.terminal_id, reason)
        ctx.emit("sync.conflict", {"op_id": str(op_id), "kind": kind, "reason": reason})
    ctx.processed[op_id] = reason
    ctx.stage_values(
        m.ProcessedOp,
        {
            "op_id": op_id,
            "terminal_id": ctx.terminal_id,
            "kind": str(kind)[:40],
            "status": "applied" if status == "duplicate" else status,
            "reason": reason,
        },
    )


PERSONAL_FIELDS = frozenset({"id_number", "phone", "address"})
SEALED = "_sealed"  # as in the terminals' outbox: personal fields encrypted, here with the center's key


def sealed_payload(payload: dict[str, Any], cipher: FieldCipher) -> dict[str, Any]:
    """A refused op's payload as kept for the manager: its ID number, phone and address encrypted (they
    arrived in clear over TLS; a conflict row must not hold them in clear)."""
    personal = {k: v for k, v in payload.items() if k in PERSONAL_FIELDS and v is not None}
    if not personal:
        return payload
    kept = {k: v for k, v in payload.items() if k not in personal}
    kept[SEALED] = {k: (cipher.encrypt(str(v)) or b"").decode() for k, v in personal.items()}
    return kept


def apply_batch(ctx: ApplyContext, ops: list[Raw]) -> list[Outcome]:
    """Apply a pushed batch; one outcome per op, in order. The caller commits."""
    s = ctx.session
    outcomes: list[Outcome] = [("rejected", "not applied")] * len(ops)
    fresh: list[int] = []  # ops decided now (not seen in an earlier push)
    typed: list[tuple[int, PushOp]] = []
    for i, (op_id, kind, payload) in enumerate(ops):
        try:
            typed.append((i, parse_op(op_id, kind, payload)))
        except OpInvalid as exc:
            outcomes[i] = ("rejected", str(exc)[:500])
            fresh.append(i)
    if s.get_bind().dialect.name == "postgresql":
        # plan the batch's look-ups for the values they carry and the tables as they are now: a plan
        # cached while the tables were small (a first push) would read them row by row ever after
        s.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
    with s.no_autoflush:
        ctx.prefetch([op for _, op in typed])
    seen: set[uuid.UUID] = set()
    try:
        with s.begin_nested(), s.no_autoflush:
            for i, op in typed:
                if op.op_id in ctx.processed or op.op_id in seen:
                    outcomes[i] = ("duplicate", ctx.processed.get(op.op_id))
                    continue
                seen.add(op.op_id)
                outcomes[i] = _decide(ctx, op)
                fresh.append(i)
            for i in sorted(fresh):
                _record(ctx, ops[i], outcomes[i])
            ctx.finish()
            s.flush()
        return outcomes
    except APPLY_ERRORS as exc:  # the database refused a row: find which op, one savepoint each
        log.info("bulk apply failed (%s): applying the batch op by op", str(exc).splitlines()[0][:300])
    return _one_by_one(ctx, ops)


def _one_by_one(ctx: ApplyContext, ops: list[Raw]) -> list[Outcome]:
    s = ctx.session
    s.expunge_all()
    out: list[Outcome] = []
    for raw in ops:
        op_id, kind, payload = raw
        ctx.known, ctx.events, ctx.changes, ctx.bad_ratings, ctx.staged = Known(), [], [], [], []
        ctx.processed = {}
        outcome: Outcome
        try:
            op = parse_op(op_id, kind, payload)
        except OpInvalid as exc:
            outcome = ("rejected", str(exc)[:500])
            with s.begin_nested():
                _record(ctx, raw, outcome)
            out.append(outcome)
            continue
        with s.no_autoflush:
            ctx.prefetch([op])
        if op_id in ctx.processed:
            out.append(("duplicate", ctx.processed[op_id]))
            continue
        try:
            with s.begin_nested():
                with s.no_autoflush:
                    outcome = _decide(ctx, op)
                    if outcome[0] == "applied":
                        ctx.finish()
                s.flush()
                if outcome[0] != "applied":
                    raise _Undo(outcome)
        except _Undo:
            pass
        except APPLY_ERRORS as exc:
            outcome = ("rejected", (str(exc).splitlines() or [type(exc).__name__])[0][:500])
        if outcome[0] != "applied":
            ctx.events, ctx.staged, ctx.changes, ctx.bad_ratings = [], [], [], []
        with s.begin_nested():
            _record(ctx, raw, outcome)
            ctx.finish()
        out.append(outcome)
    return out


class _Undo(Exception):
    def __init__(self, outcome: Outcome) -> None:
        super().__init__(outcome[1])
        self.outcome = outcome
