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
import weakref
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Engine, Integer, String, Table, Uuid, bindparam, insert, text
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.types import UtcDateTime

TICKETS: Table = m.Ticket.__table__  # type: ignore[assignment]
EVENTS: Table = m.TicketEvent.__table__  # type: ignore[assignment]
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
# PostgreSQL: the whole issue in one statement. The category the process remembers is checked as it is
# used (`current`): a category changed since (closed, renamed, new hours or quota) makes nothing and is
# read again. A retried request (`prior`) makes nothing either: the caller answers the earlier ticket.
_ISSUE_PG = text(
    "WITH prior AS (SELECT id FROM tickets WHERE request_id = :rid"
    "), ok AS ("
    " SELECT 1 FROM categories WHERE id = :cat AND prefix = :prefix AND name = :cat_name AND active"
    " AND hours = :hours AND daily_quota IS NOT DISTINCT FROM CAST(:quota AS integer)"
    " AND cutoff_minutes = :cutoff"
    "), n AS ("
    " INSERT INTO counters AS c (name, value) SELECT :counter, 1"
    " WHERE EXISTS (SELECT 1 FROM ok) AND NOT EXISTS (SELECT 1 FROM prior)"
    " ON CONFLICT (name) DO UPDATE SET value = c.value + 1 WHERE c.value < :last RETURNING value"
    "), t AS ("
    " INSERT INTO tickets (id, category_id, service_day, seq, number, status, priority, appointment_id,"
    " id_number_hash, source, issued_at, queue_at, issued_by, recall_count, request_id, public_token)"
    " SELECT :id, :cat, :day, n.value, :prefix || lpad(n.value::text, 3, '0'), 'waiting', :priority,"
    " :appt, :hash, 'online', :now, :now, :terminal, 0, :rid, :token FROM n RETURNING seq, number"
    "), e AS ("
    " INSERT INTO ticket_events (id, ticket_id, kind, from_status, to_status, at, detail)"
    " SELECT :eid, :id, 'issued', NULL, 'waiting', :now, :detail FROM t"
    "), note AS ("
    " SELECT pg_notify(:channel, jsonb_set(CAST(:payload AS jsonb), '{data,number}', to_jsonb(t.number))::text)"
    " FROM t WHERE CAST(:payload AS text) IS NOT NULL"
    f"), spans AS ({_SPANS.format(span='extract(epoch FROM d.finished_at - d.started_at)')})"
    " SELECT (SELECT id FROM prior) AS prior, EXISTS (SELECT 1 FROM ok) AS current, t.seq, t.number,"
    f" ({_AHEAD}) AS ahead, (SELECT count(*) FROM spans) AS spans, (SELECT avg(span) FROM spans) AS average_span,"
    f" ({_OPEN_WINDOWS}) AS open_windows, (SELECT count(*) FROM note) AS announced"
    " FROM (SELECT 1 AS one) AS one LEFT JOIN t ON true"
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
).columns(prior=Uuid())
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


class Retry(Exception):
    """The statement made nothing: `prior` is the ticket a retried request made before, or (None) the
    remembered category has changed and must be read again."""

    def __init__(self, prior: uuid.UUID | None) -> None:
        super().__init__("issue again")
        self.prior = prior


def insert_ticket(
    s: Session,
    cat: CategoryRow,
    *,
    ticket_id: uuid.UUID,
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
    public_token: str | None = None,
) -> NewTicket | None:
    """Take the category's next number (None when today's numbers up to `last_number` are used up), insert
    the ticket and its `issued` event, and count what the kiosk is told. On PostgreSQL this is one
    statement: `notify` (channel, event JSON whose `data.number` the database fills in) goes out with it,
    and `Retry` is raised when it made nothing (a retried request, or `cat` is no longer current)."""
    counter = f"ticket:{cat.prefix}:{day.isoformat()}"
    common = {"cat": cat.id, "day": day, "now": now, "priority": priority, "has_appt": appointment_id is not None}
    if is_postgresql(s):
        row = s.execute(
            _ISSUE_PG,
            {
                **common,
                "prefix": cat.prefix,
                "cat_name": cat.name,
                "hours": cat.hours,
                "quota": cat.daily_quota,
                "cutoff": cat.cutoff_minutes,
                "counter": counter,
                "last": last_number,
                "id": ticket_id,
                "eid": uuid.uuid4(),
                "appt": appointment_id,
                "hash": id_number_hash,
                "terminal": terminal_id,
                "rid": request_id,
                "token": public_token,
                "detail": detail,
                "recent": RECENT_SERVICES,
                "channel": notify[0] if notify else "",
                "payload": notify[1] if notify else None,
            },
        ).one()
        if row.prior is not None or not row.current:
            raise Retry(row.prior)
        if row.seq is None:
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
    number = f"{cat.prefix}{int(seq):03d}"
    s.execute(
        insert(TICKETS).values(
            id=ticket_id,
            category_id=cat.id,
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
            public_token=public_token,
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


# ----------------------------------------------------------------------------- remembered categories

_remembered: weakref.WeakKeyDictionary[Engine, dict[str, CategoryRow]] = weakref.WeakKeyDictionary()


def remembered_category(s: Session, prefix: str) -> CategoryRow | None:
    """The category this process read last time (PostgreSQL only: the issue statement checks it is
    still current, so it needs no invalidation)."""
    engine = s.get_bind().engine
    return _remembered.get(engine, {}).get(prefix) if engine.dialect.name == "postgresql" else None


def remember_category(s: Session, prefix: str, cat: CategoryRow | None) -> None:
    engine = s.get_bind().engine
    if engine.dialect.name == "postgresql":
        known = _remembered.setdefault(engine, {})
        if cat is None:
            known.pop(prefix, None)
        else:
            known[prefix] = cat


# ----------------------------------------------------------------------------- the window (PostgreSQL)

_TICKET_COLUMNS = ", ".join(f"t.{c.name}" for c in TICKETS.c)
_LOCK_WINDOW = text("SELECT id, status, active FROM windows WHERE number = :w FOR UPDATE").columns(id=Uuid())

# After the window's row is locked (so a second call at the same window waits and then sees the first's
# ticket), one statement: the window's current ticket if any, else its next ticket chosen and locked
# (`LIMIT 1 FOR UPDATE SKIP LOCKED`: rows another window's open transaction holds are passed over), marked
# called, its event written and the window marked serving. `queue.next_ticket_query`'s order, in SQL.
_CALL_NEXT = text(
    "WITH busy AS ("
    " SELECT number FROM tickets WHERE window_number = :w AND service_day = :day"
    " AND status IN ('called', 'serving') LIMIT 1"
    "), pick AS ("
    " SELECT t.id FROM tickets t JOIN window_categories wc ON wc.category_id = t.category_id"
    " WHERE wc.window_id = :wid AND t.service_day = :day AND t.status = 'waiting'"
    " AND (t.target_window IS NULL OR t.target_window = :w) AND NOT EXISTS (SELECT 1 FROM busy)"
    " ORDER BY CASE WHEN t.target_window = :w THEN 0 ELSE 1 END, CASE WHEN t.priority THEN 0 ELSE 1 END,"
    " CASE WHEN t.appointment_id IS NOT NULL THEN 0 ELSE 1 END, wc.position, t.queue_at"
    " LIMIT 1 FOR UPDATE OF t SKIP LOCKED"
    "), t AS ("
    " UPDATE tickets u SET status = 'called', window_number = :w, staff_id = :staff, called_at = :now"
    " FROM pick WHERE u.id = pick.id RETURNING u.*"
    "), e AS ("
    " INSERT INTO ticket_events (id, ticket_id, kind, from_status, to_status, window_number, staff_id, at, detail)"
    " SELECT :eid, t.id, 'called', 'waiting', 'called', :w, :staff, :now,"
    " json_build_object('wait_s', round(extract(epoch FROM CAST(:now AS timestamptz) - t.queue_at))) FROM t"
    "), ws AS ("
    " UPDATE windows SET status = 'serving', status_since = :now WHERE id = :wid AND EXISTS (SELECT 1 FROM t)"
    f") SELECT (SELECT number FROM busy) AS busy, c.prefix, {_TICKET_COLUMNS}"
    " FROM (SELECT 1 AS one) AS one LEFT JOIN t ON true LEFT JOIN categories c ON c.id = t.category_id"
).bindparams(
    bindparam("wid", type_=Uuid()),
    bindparam("day", type_=Date()),
    bindparam("now", type_=UtcDateTime()),
    bindparam("staff", type_=Uuid()),
    bindparam("eid", type_=Uuid()),
).columns(busy=String(), prefix=String(), **{c.name: c.type for c in TICKETS.c})


@dataclass(frozen=True)
class Called:
    window_found: bool
    window_status: str | None
    busy: str | None  # the number the window still has open
    ticket: dict[str, Any] | None  # the called ticket's row
    prefix: str | None


def call_next(
    s: Session, window_number: int, staff_id: uuid.UUID | None, day: dt.date, now: dt.datetime
) -> Called:
    """PostgreSQL: lock the window, then call its next ticket in one statement (see `_CALL_NEXT`). The
    caller checks the refusals (`window_status` paused, `busy`) in this order."""
    w = s.execute(_LOCK_WINDOW, {"w": window_number}).one_or_none()
    if w is None or not w.active:
        return Called(False, None, None, None, None)
    if w.status == "paused":
        return Called(True, "paused", None, None, None)
    row = s.execute(
        _CALL_NEXT,
        {"w": window_number, "wid": w.id, "day": day, "now": now, "staff": staff_id, "eid": uuid.uuid4()},
    ).one()
    mapping = row._mapping
    ticket = {c.key: mapping[c.name] for c in TICKETS.c} if row.id is not None else None
    return Called(True, str(w.status), row.busy, ticket, row.prefix)


# A called or serving ticket finished in one statement: locked, marked done (and started now if it never
# was), its `started` (if it was only called) and `finished` events written, its window freed.
_FINISH = text(
    "WITH old AS ("
    " SELECT id, number, status, window_number, called_at, started_at FROM tickets WHERE id = :id FOR UPDATE"
    "), t AS ("
    " UPDATE tickets u SET status = 'done', finished_at = :now, started_at = COALESCE(u.started_at, :now)"
    " FROM old WHERE u.id = old.id AND old.status IN ('called', 'serving')"
    " AND (CAST(:w AS integer) IS NULL OR old.window_number IS NULL OR old.window_number = :w) RETURNING u.*"
    "), s1 AS ("
    " INSERT INTO ticket_events (id, ticket_id, kind, from_status, to_status, window_number, at, detail)"
    " SELECT :eid1, t.id, 'started', 'called', 'serving', t.window_number, :now,"
    " json_build_object('walk_s', round(extract(epoch FROM CAST(:now AS timestamptz) - old.called_at)))"
    " FROM t JOIN old ON old.id = t.id WHERE old.status = 'called'"
    "), s2 AS ("
    " INSERT INTO ticket_events (id, ticket_id, kind, from_status, to_status, window_number, at, detail)"
    " SELECT :eid2, t.id, 'finished', 'serving', 'done', t.window_number, :now, json_build_object('service_s',"
    " CASE WHEN old.status = 'called' THEN 0"
    " ELSE round(extract(epoch FROM CAST(:now AS timestamptz) - old.started_at)) END,"
    " 'outcome', CAST(:outcome AS text)) FROM t JOIN old ON old.id = t.id"
    "), ws AS ("
    " UPDATE windows SET status = 'idle', status_since = :now"
    " WHERE number = (SELECT window_number FROM t) AND status = 'serving'"
    ") SELECT old.number AS old_number, old.status AS old_status, old.window_number AS old_window, c.prefix,"
    f" {_TICKET_COLUMNS} FROM (SELECT 1 AS one) AS one LEFT JOIN old ON true LEFT JOIN t ON true"
    " LEFT JOIN categories c ON c.id = t.category_id"
).bindparams(
    bindparam("id", type_=Uuid()),
    bindparam("now", type_=UtcDateTime()),
    bindparam("eid1", type_=Uuid()),
    bindparam("eid2", type_=Uuid()),
).columns(
    old_number=String(),
    old_status=String(),
    old_window=Integer(),
    prefix=String(),
    **{c.name: c.type for c in TICKETS.c},
)


@dataclass(frozen=True)
class Finished:
    found: bool
    old_number: str | None
    old_status: str | None
    old_window: int | None
    ticket: dict[str, Any] | None  # the finished ticket's row (None: refused, see the old state)
    prefix: str | None


def finish(
    s: Session, ticket_id: uuid.UUID, window_number: int | None, outcome: str | None, now: dt.datetime
) -> Finished:
    row = s.execute(
        _FINISH,
        {
            "id": ticket_id,
            "w": window_number,
            "now": now,
            "eid1": uuid.uuid4(),
            "eid2": uuid.uuid4(),
            "outcome": outcome,
        },
    ).one()
    mapping = row._mapping
    ticket = {c.key: mapping[c.name] for c in TICKETS.c} if row.id is not None else None
    return Finished(row.old_status is not None, row.old_number, row.old_status, row.old_window, ticket, row.prefix)
