"""The queue's hot paths as few SQL statements as they can be (issue 14, "the queue at a hall's load").

Under load a center's time goes to database round trips, not to SQL: every statement is a wait for the
server and, in a busy process, a wait for the interpreter lock before the next one can be sent. So:
- issuing a ticket is two statements: one reads the category (and the ticket this request already made,
  if it is a retry); on PostgreSQL one more takes the number (counter upsert), inserts the ticket and its
  event, announces it (`pg_notify`) and counts the people ahead, the open windows and the latest service
  times — run in autocommit, the counter row is locked only while that one statement runs;
- calling the next ticket is one statement on PostgreSQL: lock the window, check it is free, choose the
  ticket (`LIMIT 1 FOR UPDATE SKIP LOCKED`), mark it called, write its event, mark the window serving;
- on SQLite (one process, writers serialised anyway) the same work is a few SQLAlchemy Core statements,
  with no ORM loads or flushes.
The queue's rules stay in `queue.py`; this module only says them in SQL."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Integer, String, Uuid, bindparam, insert, text
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.types import UtcDateTime

TICKETS = m.Ticket.__table__
EVENTS = m.TicketEvent.__table__
RECENT_SERVICES = 20  # the estimate's average service time is over the category's latest services today


def is_postgresql(s: Session) -> bool:
    return s.get_bind().dialect.name == "postgresql"


# ----------------------------------------------------------------------------- issuing: the category


@dataclass(frozen=True)
class CategoryRow:
    id: uuid.UUID
    prefix: str
    name: str
    active: bool
    hours: str
    daily_quota: int | None
    cutoff_minutes: int


@dataclass(frozen=True)
class IssueHead:
    """What issuing needs to read first: the category (None if no such prefix) and, for a retried request,
    the ticket it made before."""

    category: CategoryRow | None
    prior_ticket: uuid.UUID | None


_HEAD = (
    text(
        "SELECT c.id, c.prefix, c.name, c.active, c.hours, c.daily_quota, c.cutoff_minutes,"
        " (SELECT t.id FROM tickets t WHERE t.request_id = :rid) AS prior"
        " FROM (SELECT 1 AS one) AS one LEFT JOIN categories c ON c.prefix = :prefix"
    )
    .bindparams(bindparam("rid", type_=Uuid()), bindparam("prefix", type_=String()))
    .columns(
        id=Uuid(),
        prefix=String(),
        name=String(),
        active=Boolean(),
        hours=String(),
        daily_quota=Integer(),
        cutoff_minutes=Integer(),
        prior=Uuid(),
    )
)


def issue_head(s: Session, prefix: str, request_id: uuid.UUID | None) -> IssueHead:
    row = s.execute(_HEAD, {"rid": request_id, "prefix": prefix}).one()
    category = (
        None
        if row.id is None
        else CategoryRow(
            row.id,
            row.prefix,
            row.name,
            bool(row.active),
            row.hours or "",
            row.daily_quota,
            int(row.cutoff_minutes or 0),
        )
    )
    return IssueHead(category, row.prior)


# ----------------------------------------------------------------------------- issuing: the ticket


@dataclass(frozen=True)
class NewTicket:
    """What a kiosk is told of its new ticket: its number, the people ahead and how long they take."""

    seq: int
    number: str
    ahead: int
    recent_services: int  # how many of today's latest services the average is over
    average_service_s: float | None
    open_windows: int
    announced: bool  # the `ticket.issued` event went out with the ticket (PostgreSQL)


# Who waits before a new ticket of priority :priority (with an appointment: :has_appt) queued at :now:
# `queue.order_key` in SQL (priority first, then checked-in appointments, then time).
_AHEAD = (
    "SELECT count(*) FROM tickets w WHERE w.service_day = :day AND w.status = 'waiting'"
    " AND w.category_id = :cat AND ((w.priority AND NOT :priority) OR (w.priority = :priority AND"
    " (((w.appointment_id IS NOT NULL) AND NOT :has_appt)"
    " OR ((w.appointment_id IS NOT NULL) = :has_appt AND w.queue_at <= :now))))"
)
_OPEN_WINDOWS = (
    "SELECT count(*) FROM windows ow JOIN window_categories owc ON owc.window_id = ow.id"
    " WHERE owc.category_id = :cat AND ow.active AND ow.status IN ('idle', 'serving')"
)
_SPANS = (
    "SELECT {span} AS span FROM tickets d WHERE d.service_day = :day AND d.status = 'done'"
    " AND d.category_id = :cat AND d.finished_at IS NOT NULL AND d.started_at IS NOT NULL"
    " ORDER BY d.finished_at DESC LIMIT :recent"
)
_ISSUE_PG = text(
    "WITH n AS ("
    " INSERT INTO counters AS c (name, value) VALUES (:counter, 1)"
    " ON CONFLICT (name) DO UPDATE SET value = c.value + 1 WHERE c.value < :last RETURNING value"
    "), t AS ("
    " INSERT INTO tickets (id, category_id, service_day, seq, number, status, priority, appointment_id,"
    " id_number_hash, source, issued_at, queue_at, issued_by, recall_count, request_id)"
    " SELECT :id, :cat, :day, n.value, :prefix || lpad(n.value::text, 3, '0'), 'waiting', :priority,"
    " :appt, :hash, 'online', :now, :now, :terminal, 0, :rid FROM n RETURNING seq, number"
    "), e AS ("
    " INSERT INTO ticket_events (id, ticket_id, kind, from_status, to_status, at, detail)"
    " SELECT :eid, :id, 'issued', NULL, 'waiting', :now, :detail FROM t"
    "), note AS ("
    " SELECT pg_notify(:channel, jsonb_set(CAST(:payload AS jsonb), '{data,number}', to_jsonb(t.number))::text)"
    " FROM t WHERE CAST(:payload AS text) IS NOT NULL"
    f"), spans AS ({_SPANS.format(span='extract(epoch FROM d.finished_at - d.started_at)')})"
    f" SELECT t.seq, t.number, ({_AHEAD}) AS ahead, (SELECT count(*) FROM spans) AS spans,"
    f" (SELECT avg(span) FROM spans) AS average_span, ({_OPEN_WINDOWS}) AS open_windows,"
    " (SELECT count(*) FROM note) AS announced FROM t"
).bindparams(
    bindparam("id", type_=Uuid()),
    bindparam("eid", type_=Uuid()),
    bindparam("cat", type_=Uuid()),
    bindparam("day", type_=Date()),
    bindparam("now", type_=UtcDateTime()),
    bindparam("appt", type_=Uuid()),
    bindparam("terminal", type_=Uuid()),
    bindparam("rid", type_=Uuid()),
    bindparam("detail", type_=JSON()),
)
_STATS_SQLITE = text(
    f"SELECT ({_AHEAD}) AS ahead,"
    f" (SELECT count(*) FROM ({_SPANS.format(span='1')})) AS spans,"
    " (SELECT avg(span) FROM ("
    f"{_SPANS.format(span='(julianday(d.finished_at) - julianday(d.started_at)) * 86400.0')})) AS average_span,"
    f" ({_OPEN_WINDOWS}) AS open_windows"
).bindparams(
    bindparam("cat", type_=Uuid()), bindparam("day", type_=Date()), bindparam("now", type_=UtcDateTime())
)
_COUNTER_SQLITE = text(
    "INSERT INTO counters (name, value) VALUES (:counter, 1) ON CONFLICT (name) DO UPDATE"
    " SET value = counters.value + 1 WHERE counters.value < :last RETURNING value"
)


def insert_ticket(
    s: Session,
    *,
    ticket_id: uuid.UUID,
    category_id: uuid.UUID,
    prefix: str,
    day: dt.date,
    now: dt.datetime,
    last_number: int,
    priority: bool,
    appointment_id: uuid.UUID | None,
    id_number_hash: str | None,
    terminal_id: uuid.UUID | None,
    request_id: uuid.UUID | None,
    detail: dict[str, Any],
    notify: tuple[str, str] | None = None,
) -> NewTicket | None:
    """Take the category's next number (None when today's numbers up to `last_number` are used up), insert
    the ticket and its `issued` event, and count what the kiosk is told. On PostgreSQL `notify`
    (channel, event JSON whose `data.number` is filled in by the database) goes out in the same statement."""
    counter = f"ticket:{prefix}:{day.isoformat()}"
    common = {"cat": category_id, "day": day, "now": now, "priority": priority, "has_appt": appointment_id is not None}
    if is_postgresql(s):
        row = s.execute(
            _ISSUE_PG,
            {
                **common,
                "counter": counter,
                "last": last_number,
                "id": ticket_id,
                "eid": uuid.uuid4(),
                "prefix": prefix,
                "appt": appointment_id,
                "hash": id_number_hash,
                "terminal": terminal_id,
                "rid": request_id,
                "detail": detail,
                "recent": RECENT_SERVICES,
                "channel": notify[0] if notify else "",
                "payload": notify[1] if notify else None,
            },
        ).one_or_none()
        if row is None:
            return None
        return NewTicket(
            int(row.seq),
            str(row.number),
            int(row.ahead),
            int(row.spans),
            float(row.average_span) if row.average_span is not None else None,
            int(row.open_windows),
            bool(row.announced),
        )
    stats = s.execute(_STATS_SQLITE, {**common, "recent": RECENT_SERVICES}).one()
    seq = s.execute(_COUNTER_SQLITE, {"counter": counter, "last": last_number}).scalar()
    if seq is None:
        return None
    number = f"{prefix}{int(seq):03d}"
    s.execute(
        insert(TICKETS).values(
            id=ticket_id,
            category_id=category_id,
            service_day=day,
            seq=int(seq),
            number=number,
            status="waiting",
            priority=priority,
            appointment_id=appointment_id,
            id_number_hash=id_number_hash,
            source="online",
            issued_at=now,
            queue_at=now,
            issued_by=terminal_id,
            recall_count=0,
            request_id=request_id,
        )
    )
    s.execute(
        insert(EVENTS).values(
            id=uuid.uuid4(), ticket_id=ticket_id, kind="issued", to_status="waiting", at=now, detail=detail
        )
    )
    return NewTicket(
        int(seq),
        number,
        int(stats.ahead),
        int(stats.spans),
        float(stats.average_span) if stats.average_span is not None else None,
        int(stats.open_windows),
        False,
    )
