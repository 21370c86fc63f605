"""The queue engine (DOMAIN.md, "The queue"): numbering, issue rules, calling, and every step as an event.

Concurrency: calling takes the next ticket with `SELECT … FOR UPDATE SKIP LOCKED` on PostgreSQL, so two
windows never get one ticket and never wait on each other; on SQLite the write transaction is
`BEGIN IMMEDIATE`, which serialises writers. Numbers come from a gap-free counter row per
(category, day) taken inside the transaction, and the database's unique constraint on
(category, day, number) is the last word.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, and_, case, false, func, or_, select
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value

from app.center import queue_sql as sql
from app.center.notify_hooks import copy_contact
from app.center.opening_check import closed_reason
from app.config import QueueSettings
from app.domain.clock import local_today, utcnow
from app.domain.events import Event
from app.domain.privacy import ID_SALT_SETTING, id_hash
from app.domain.public_link import new_token
from app.domain.states import TicketStatus, WindowStatus, check_ticket_transition
from app.i18n.messages import msg, status_param
from app.store import models as m
from app.store.rows import next_value

if TYPE_CHECKING:
    from app.center.events import EventBus

OPEN = (TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING)
ONLINE_BAND_END = 899  # 900–999 is the offline band leased to kiosks


class QueueError(Exception):
    """A refusal with a code, an HTTP status and a message the citizen or clerk can read."""

    def __init__(self, status: int, code: str, message: str) -> None:  # message: a Msg for users
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass
class Issued:
    ticket: m.Ticket
    category: str
    waiting_ahead: int
    estimated_wait_min: int
    open_windows: int = 1  # windows open now that serve the category (0: nobody calls it yet)
    replayed: bool = False  # answered again for a retried request: nothing new was issued
    announced: bool = False  # `ticket.issued` is published already (issue_ticket was given the bus)


def _category(s: Session, prefix: str) -> m.Category:
    cat = s.scalar(select(m.Category).where(m.Category.prefix == prefix.upper(), m.Category.active.is_(True)))
    if cat is None:
        raise QueueError(404, "unknown_category", msg("unknown_category", prefix=prefix))
    return cat


def _window(s: Session, number: int, *, lock: bool = False) -> m.Window:
    q = select(m.Window).where(m.Window.number == number)
    if lock and s.get_bind().dialect.name == "postgresql":
        q = q.with_for_update()
    w = s.scalar(q)
    if w is None or not w.active:
        raise QueueError(404, "unknown_window", msg("unknown_window", window=number))
    return w


def _event(
    s: Session,
    t: m.Ticket,
    kind: str,
    before: str | None,
    *,
    window: int | None = None,
    staff_id: uuid.UUID | None = None,
    at: dt.datetime | None = None,
    **detail: Any,
) -> None:
    s.add(
        m.TicketEvent(
            ticket_id=t.id,
            kind=kind,
            from_status=before,
            to_status=t.status.value,
            window_number=window,
            staff_id=staff_id,
            at=at or utcnow(),
            detail=detail,
        )
    )


def _move(s: Session, t: m.Ticket, to: TicketStatus, kind: str, **kw: Any) -> None:
    before = t.status.value
    check_ticket_transition(before, before, to.value)
    t.status = to
    _event(s, t, kind, before, **kw)


# ----------------------------------------------------------------------------- issuing


def order_key(t: m.Ticket) -> tuple[int, int, dt.datetime]:
    """Within a category: priority (绿色通道) first, then checked-in appointments, then time."""
    return (0 if t.priority else 1, 0 if t.appointment_id else 1, t.queue_at)


def _waiting(category_id: uuid.UUID, day: dt.date) -> ColumnElement[bool]:
    return and_(
        m.Ticket.service_day == day,
        m.Ticket.status == TicketStatus.WAITING,
        m.Ticket.category_id == category_id,
    )


def _ahead_of(t: m.Ticket) -> ColumnElement[bool]:
    """Waiting tickets that go before `t` in its category (`order_key` in SQL)."""
    has_appt = m.Ticket.appointment_id.is_not(None)
    better_p = false() if t.priority else m.Ticket.priority.is_(True)
    same_p = m.Ticket.priority.is_(t.priority)
    better_a = false() if t.appointment_id else has_appt
    same_a = has_appt if t.appointment_id else m.Ticket.appointment_id.is_(None)
    return and_(
        m.Ticket.id != t.id,
        or_(better_p, and_(same_p, or_(better_a, and_(same_a, m.Ticket.queue_at <= t.queue_at)))),
    )


def waiting_in(
    s: Session, category_id: uuid.UUID, day: dt.date, *, limit: int | None = None
) -> list[m.Ticket]:
    """The category's waiting tickets in call order (at most `limit`), ordered by the database."""
    q = (
        select(m.Ticket)
        .where(_waiting(category_id, day))
        .order_by(
            case((m.Ticket.priority.is_(True), 0), else_=1),
            case((m.Ticket.appointment_id.is_not(None), 0), else_=1),
            m.Ticket.queue_at,
        )
        .limit(limit)
    )
    return list(s.scalars(q).all())


RECENT_SERVICES = 20  # the estimate's average service time is over the category's latest services today


def average_service_minutes(s: Session, category_id: uuid.UUID, day: dt.date, default: float) -> float:
    """Mean service time of the latest `RECENT_SERVICES` finished tickets of the category today (index
    `ix_tickets_finished`), or `default` before three exist."""
    done = s.execute(
        select(m.Ticket.started_at, m.Ticket.finished_at)
        .where(
            m.Ticket.service_day == day,
            m.Ticket.status == TicketStatus.DONE,
            m.Ticket.category_id == category_id,
            m.Ticket.finished_at.is_not(None),
            m.Ticket.started_at.is_not(None),
        )
        .order_by(m.Ticket.finished_at.desc())
        .limit(RECENT_SERVICES)
    ).all()
    spans = [(b - a).total_seconds() / 60 for a, b in done if a and b]
    return sum(spans) / len(spans) if len(spans) >= 3 else default


def open_windows_for(s: Session, category_id: uuid.UUID) -> int:
    return int(
        s.scalar(
            select(func.count())
            .select_from(m.Window)
            .join(m.WindowCategory, m.WindowCategory.window_id == m.Window.id)
            .where(
                m.WindowCategory.category_id == category_id,
                m.Window.active.is_(True),
                m.Window.status.in_([WindowStatus.IDLE, WindowStatus.SERVING]),
            )
        )
        or 0
    )


def estimate(s: Session, ticket: m.Ticket, cfg: QueueSettings) -> tuple[int, int, int]:
    """People ahead, the estimated wait ≈ ahead × average service time ÷ open windows, and the open windows
    serving the category. A count in the database (index `ix_tickets_queue`), never the day's tickets loaded."""
    ahead = int(
        s.scalar(
            select(func.count())
            .select_from(m.Ticket)
            .where(_waiting(ticket.category_id, ticket.service_day), _ahead_of(ticket))
        )
        or 0
    )
    minutes = (
        ahead
        * average_service_minutes(s, ticket.category_id, ticket.service_day, cfg.default_service_minutes)
        if ahead
        else 0.0
    )
    windows = open_windows_for(s, ticket.category_id)
    return ahead, round(minutes / max(windows, 1)), windows


def issue_ticket(
    s: Session,
    cfg: QueueSettings,
    prefix: str,
    *,
    id_number: str | None = None,
    priority: bool = False,
    appointment_code: str | None = None,
    terminal_id: uuid.UUID | None = None,
    request_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
    bus: EventBus | None = None,
    **event: Any,
) -> Issued:
    """Issue a ticket. With a `request_id` (made by the kiosk, sent again on every retry) it is idempotent:
    the ticket already made for that request is answered again, and nothing new is issued. With a `bus`
    the new ticket is announced (`ticket.issued`, with `event`'s extra fields) when it commits.

    On PostgreSQL one statement in the common case (`queue_sql`): the category is the one this process
    remembers, checked by the statement itself, which takes the number, inserts the ticket and its event,
    announces it and counts the estimate; a retried request or a changed category makes it read again."""
    now = now or utcnow()
    day = local_today(now)
    prefix = prefix.upper()
    for _attempt in range(3):
        cat = sql.remembered_category(s, prefix)
        fresh = cat is None
        if cat is None:  # read it, and whether this request made a ticket already
            head = sql.issue_head(s, prefix, request_id)
            if head.prior_ticket is not None and request_id is not None:
                again = replay(s, cfg, request_id)
                if again is not None:
                    return again
            cat = head.category
            sql.remember_category(s, prefix, cat)
        try:
            return _issue(
                s,
                cfg,
                cat,
                prefix,
                day,
                now,
                id_number=id_number,
                priority=priority,
                appointment_code=appointment_code,
                terminal_id=terminal_id,
                request_id=request_id,
                bus=bus,
                event=event,
            )
        except sql.Retry as retry:
            sql.remember_category(s, prefix, None)
            if retry.prior is not None and request_id is not None:
                again = replay(s, cfg, request_id)
                if again is not None:
                    return again
        except QueueError:
            if fresh:
                raise
            sql.remember_category(s, prefix, None)  # refused on what was remembered: read it again first
    raise QueueError(503, "busy", msg("category_busy"))


def _issue(
    s: Session,
    cfg: QueueSettings,
    cat: sql.CategoryRow | None,
    prefix: str,
    day: dt.date,
    now: dt.datetime,
    *,
    id_number: str | None,
    priority: bool,
    appointment_code: str | None,
    terminal_id: uuid.UUID | None,
    request_id: uuid.UUID | None,
    bus: EventBus | None,
    event: dict[str, Any],
) -> Issued:
    if cat is None or not cat.active:
        raise QueueError(404, "unknown_category", msg("unknown_category", prefix=prefix))
    closed = closed_reason(s, cat, now)  # opening hours, cut-off, quota, closed days (issue 16)
    if closed is not None:
        raise QueueError(409, "category_closed", closed)
    hashed = None
    if id_number:
        salt = s.get(m.Setting, ID_SALT_SETTING)
        if salt is None:
            raise QueueError(503, "not_ready", msg("not_ready"))
        hashed = id_hash(id_number, str(salt.value["salt"]))
        _check_real_name(s, cfg, cat.id, hashed, day, now)
    appointment = None
    if appointment_code:
        appointment = s.scalar(select(m.Appointment).where(m.Appointment.code == appointment_code))
        if appointment is None or appointment.day != day or appointment.status != "booked":
            raise QueueError(
                404,
                "no_appointment",
                msg("no_appointment"),
            )
        if appointment.category_id != cat.id:
            raise QueueError(
                409, "wrong_category", msg("wrong_category")
            )
    if s.new or s.dirty:
        s.flush()  # the caller's own changes go first (the statements below do not flush the session)
    ticket_id = uuid.uuid4()
    token = new_token()  # the phone page's key (issue 18)
    announce = {"id": str(ticket_id), "number": None, "category": cat.prefix, "priority": priority, **event}
    made = sql.insert_ticket(
        s,
        cat,
        ticket_id=ticket_id,
        day=day,
        now=now,
        last_number=ONLINE_BAND_END,
        priority=priority,
        appointment_id=appointment.id if appointment else None,
        id_number_hash=hashed,
        terminal_id=terminal_id,
        request_id=request_id,
        detail={"priority": priority, "appointment": bool(appointment)},
        notify=bus.notify_payload(Event.TICKET_ISSUED, announce) if bus is not None else None,
        public_token=token,
    )
    if made is None:
        raise QueueError(
            409,
            "numbers_exhausted",
            msg("numbers_exhausted", category=cat.name, prefix=cat.prefix),
        )
    if appointment is not None:
        appointment.status, appointment.checked_in_at = "checked_in", now
    if bus is not None and not made.announced:
        bus.publish(s, Event.TICKET_ISSUED, {**announce, "number": made.number})
    t = _attached(
        s,
        m.Ticket(
            id=ticket_id,
            category_id=cat.id,
            service_day=day,
            seq=made.seq,
            number=made.number,
            status=TicketStatus.WAITING,
            priority=priority,
            appointment_id=appointment.id if appointment else None,
            id_number_hash=hashed,
            source="online",
            issued_at=now,
            queue_at=now,
            issued_by=terminal_id,
            window_number=None,
            target_window=None,
            staff_id=None,
            called_at=None,
            started_at=None,
            finished_at=None,
            recall_count=0,
            transferred_from=None,
            request_id=request_id,
            public_token=token,
        ),
    )
    average = (
        made.average_service_s / 60
        if made.average_service_s is not None and made.recent_services >= 3
        else cfg.default_service_minutes
    )
    wait = round(made.ahead * average / max(made.open_windows, 1)) if made.ahead else 0
    return Issued(t, cat.prefix, made.ahead, wait, made.open_windows, announced=bus is not None)


def _attached(s: Session, t: m.Ticket) -> m.Ticket:
    """A row the statements just wrote, as a persistent ORM object of the session without reading it back
    (every column is set, so nothing is loaded lazily)."""
    existing = s.identity_map.get(s.identity_key(m.Ticket, t.id))
    if isinstance(existing, m.Ticket):  # the session holds it already: bring it up to date instead
        for column in sql.TICKETS.c:
            set_committed_value(existing, column.key, getattr(t, column.key))
        return existing
    make_transient_to_detached(t)
    s.add(t)
    return t


def replay(s: Session, cfg: QueueSettings, request_id: uuid.UUID) -> Issued | None:
    """The ticket this request made before (its answer was lost and the kiosk asks again), or None.
    After an offline ticket replaced a lost answer, the request id belongs to that offline ticket."""
    t = s.scalar(select(m.Ticket).where(m.Ticket.request_id == request_id))
    if t is None:
        return None
    cat = s.get(m.Category, t.category_id)
    ahead, wait, windows = estimate(s, t, cfg)
    issued = Issued(t, cat.prefix if cat else t.number[:1], ahead, wait, windows)
    issued.replayed = True
    return issued


def replace_lost_answer(s: Session, offline: m.Ticket, request_id: uuid.UUID) -> m.Ticket | None:
    """An offline ticket arrived that a kiosk issued because the answer to request `request_id` was lost.
    The online ticket that request made is held by nobody: cancel it while it still waits. The offline
    ticket takes the request id over, so a late copy of the lost request answers with it, never a new one.
    Returns the cancelled ticket (or None: the online one never got made, or was already called)."""
    online = s.scalar(select(m.Ticket).where(m.Ticket.request_id == request_id))
    cancelled = None
    if online is not None:
        online.request_id = None
        if online.status == TicketStatus.WAITING:
            _move(s, online, TicketStatus.CANCELLED, "cancelled", replaced_by=str(offline.id))
            cancelled = online
        s.flush()
    offline.request_id = request_id
    return cancelled


def _check_real_name(
    s: Session, cfg: QueueSettings, category_id: uuid.UUID, hashed: str, day: dt.date, now: dt.datetime
) -> None:
    open_one = s.scalar(
        select(m.Ticket.number).where(
            m.Ticket.id_number_hash == hashed,
            m.Ticket.category_id == category_id,
            m.Ticket.service_day == day,
            m.Ticket.status.in_(OPEN),
        )
    )
    if open_one is not None:
        raise QueueError(
            409,
            "already_has_ticket",
            msg("already_has_ticket", number=open_one),
        )
    since = now - dt.timedelta(days=cfg.noshow_block_window_days)
    misses = s.scalars(
        select(m.TicketEvent.at)
        .join(m.Ticket, m.Ticket.id == m.TicketEvent.ticket_id)
        .where(m.Ticket.id_number_hash == hashed, m.TicketEvent.kind == "no_show", m.TicketEvent.at >= since)
        .order_by(m.TicketEvent.at)
    ).all()
    if len(misses) >= cfg.noshow_block_count:
        until = misses[-1] + dt.timedelta(days=cfg.noshow_block_days)
        if now < until:
            raise QueueError(
                403,
                "blocked_no_shows",
                msg(
                    "blocked_no_shows",
                    misses=len(misses),
                    days=cfg.noshow_block_window_days,
                    until=local_today(until).isoformat(),
                ),
            )


# ----------------------------------------------------------------------------- the window


def window_categories(s: Session, w: m.Window) -> list[uuid.UUID]:
    return [wc.category_id for wc in sorted(w.categories, key=lambda wc: wc.position)]


def current_ticket(s: Session, window_number: int, day: dt.date) -> m.Ticket | None:
    return s.scalar(
        select(m.Ticket).where(
            m.Ticket.window_number == window_number,
            m.Ticket.service_day == day,
            m.Ticket.status.in_([TicketStatus.CALLED, TicketStatus.SERVING]),
        )
    )


def next_ticket_query(s: Session, window_number: int, cats: list[uuid.UUID], day: dt.date) -> Select[Any]:
    """The window's next ticket, chosen in SQL: a ticket transferred to this window first, then priority
    (绿色通道), then checked-in appointments, then the window's category order, then queue time.

    On PostgreSQL `LIMIT 1 FOR UPDATE SKIP LOCKED` locks only the chosen row and passes over rows another
    window's open transaction holds, so a second window gets the next ticket instead of "nothing waits".
    Served by `ix_tickets_queue` (service_day, status, category_id, queue_at)."""
    position = case({c: i for i, c in enumerate(cats)}, value=m.Ticket.category_id, else_=len(cats))
    q = (
        select(m.Ticket)
        .where(
            m.Ticket.service_day == day,
            m.Ticket.status == TicketStatus.WAITING,
            m.Ticket.category_id.in_(cats),
            or_(m.Ticket.target_window.is_(None), m.Ticket.target_window == window_number),
        )
        .order_by(
            case((m.Ticket.target_window == window_number, 0), else_=1),
            case((m.Ticket.priority.is_(True), 0), else_=1),
            case((m.Ticket.appointment_id.is_not(None), 0), else_=1),
            position,
            m.Ticket.queue_at,
        )
        .limit(1)
    )
    if s.get_bind().dialect.name == "postgresql":
        q = q.with_for_update(skip_locked=True)
    return q


def call_next(
    s: Session, window_number: int, staff_id: uuid.UUID | None, *, now: dt.datetime | None = None
) -> m.Ticket | None:
    """Give the window its next ticket, or None when nothing waits. Never one ticket to two windows."""
    now = now or utcnow()
    day = local_today(now)
    if sql.is_postgresql(s):
        return _call_next_pg(s, window_number, staff_id, day, now)
    w = _window(s, window_number, lock=True)
    if w.status == WindowStatus.PAUSED:
        raise QueueError(409, "window_paused", PAUSED_MESSAGE)
    busy = current_ticket(s, window_number, day)
    if busy is not None:
        raise QueueError(
            409, "window_busy", msg("window_busy", number=busy.number)
        )
    cats = window_categories(s, w)
    if not cats:
        return None
    chosen: m.Ticket | None = s.scalar(next_ticket_query(s, window_number, cats, day))
    if chosen is None:
        return None
    chosen.window_number, chosen.staff_id, chosen.called_at = window_number, staff_id, now
    _move(
        s,
        chosen,
        TicketStatus.CALLED,
        "called",
        window=window_number,
        staff_id=staff_id,
        at=now,
        wait_s=round((now - chosen.queue_at).total_seconds()),
    )
    w.status, w.status_since = WindowStatus.SERVING, now
    return chosen


PAUSED_MESSAGE = msg("window_paused")


def _call_next_pg(
    s: Session, window_number: int, staff_id: uuid.UUID | None, day: dt.date, now: dt.datetime
) -> m.Ticket | None:
    """`call_next` on PostgreSQL: two statements (`queue_sql.call_next`) instead of an ORM load per row."""
    got = sql.call_next(s, window_number, staff_id, day, now)
    if not got.window_found:
        raise QueueError(404, "unknown_window", msg("unknown_window", window=window_number))
    if got.window_status == WindowStatus.PAUSED.value:
        raise QueueError(409, "window_paused", PAUSED_MESSAGE)
    if got.busy is not None:
        raise QueueError(409, "window_busy", msg("window_busy", number=got.busy))
    if got.ticket is None:
        return None
    t = _attached(s, m.Ticket(**got.ticket))
    s.info.setdefault(PREFIXES, {})[t.category_id] = got.prefix
    return t


PREFIXES = "hall_category_prefixes"  # session.info: category id → prefix, of rows read by the statements


def call_specific(
    s: Session,
    window_number: int,
    number: str,
    staff_id: uuid.UUID | None,
    cfg: QueueSettings | None = None,
) -> m.Ticket:
    """Call one number at a window. Unless the hall allows it (`queue.call_other_category`,
    `queue.take_other_windows_ticket`) the number must be of a category the window serves and not sent
    to another window."""
    cfg = cfg or QueueSettings()
    now = utcnow()
    day = local_today(now)
    w = _window(s, window_number, lock=True)
    if current_ticket(s, window_number, day) is not None:
        raise QueueError(409, "window_busy", msg("window_busy_current"))
    q = select(m.Ticket).where(
        m.Ticket.service_day == day,
        m.Ticket.number == number.upper(),
        m.Ticket.status == TicketStatus.WAITING,
    )
    if s.get_bind().dialect.name == "postgresql":
        q = q.with_for_update(skip_locked=True)
    t = s.scalar(q)
    if t is None:
        raise QueueError(404, "not_waiting", msg("not_waiting", number=number))
    if not cfg.call_other_category and t.category_id not in window_categories(s, w):
        raise QueueError(
            409,
            "window_does_not_serve",
            msg("window_does_not_serve", number=t.number),
        )
    _not_other_windows(cfg, t, window_number)
    t.window_number, t.staff_id, t.called_at = window_number, staff_id, now
    _move(
        s,
        t,
        TicketStatus.CALLED,
        "called",
        window=window_number,
        staff_id=staff_id,
        at=now,
        wait_s=round((now - t.queue_at).total_seconds()),
        specific=True,
    )
    w.status, w.status_since = WindowStatus.SERVING, now
    return t


def _not_other_windows(cfg: QueueSettings, t: m.Ticket, window_number: int | None) -> None:
    if (
        window_number is not None
        and not cfg.take_other_windows_ticket
        and t.target_window not in (None, window_number)
    ):
        raise QueueError(
            403,
            "other_window",
            msg("transferred_to_window", number=t.number, window=t.target_window),
        )


def _own(s: Session, ticket_id: uuid.UUID, window_number: int | None) -> m.Ticket:
    q = select(m.Ticket).where(m.Ticket.id == ticket_id)
    if s.get_bind().dialect.name == "postgresql":
        q = q.with_for_update()
    t = s.scalar(q)
    if t is None:
        raise QueueError(404, "not_found", msg("ticket_not_found"))
    if window_number is not None and t.window_number not in (None, window_number):
        raise QueueError(403, "other_window", msg("other_window", number=t.number, window=t.window_number))
    return t


def recall(s: Session, cfg: QueueSettings, ticket_id: uuid.UUID, window_number: int | None) -> m.Ticket:
    t = _own(s, ticket_id, window_number)
    if t.status != TicketStatus.CALLED:
        raise QueueError(
            409, "not_called", msg("not_called", number=t.number, status=status_param("ticket_status", t.status.value))
        )
    if t.recall_count >= cfg.recall_limit:
        raise QueueError(
            409,
            "recall_limit",
            msg("recall_limit", count=t.recall_count),
        )
    t.recall_count += 1
    _event(s, t, "recalled", t.status.value, window=t.window_number, count=t.recall_count)
    return t


def _free_window(s: Session, window_number: int | None, now: dt.datetime) -> None:
    if window_number is None:
        return
    w = s.scalar(select(m.Window).where(m.Window.number == window_number))
    if w is not None and w.status == WindowStatus.SERVING:
        w.status, w.status_since = WindowStatus.IDLE, now


def no_show(s: Session, ticket_id: uuid.UUID, window_number: int | None) -> m.Ticket:
    t = _own(s, ticket_id, window_number)
    if t.status != TicketStatus.CALLED:
        raise QueueError(
            409, "not_called", msg("not_called_no_show", number=t.number, status=status_param("ticket_status", t.status.value))
        )
    now = utcnow()
    _move(s, t, TicketStatus.NO_SHOW, "no_show", window=t.window_number, at=now)
    _free_window(s, t.window_number, now)
    return t


def come_back(
    s: Session, cfg: QueueSettings, ticket_id: uuid.UUID, *, now: dt.datetime | None = None
) -> m.Ticket:
    """A no-show returns: requeued behind K waiting tickets (or told to take a new ticket)."""
    t = _own(s, ticket_id, None)
    if t.status != TicketStatus.NO_SHOW:
        raise QueueError(409, "not_no_show", msg("not_no_show", number=t.number, status=status_param("ticket_status", t.status.value)))
    if cfg.noshow_rule == "new_ticket":
        raise QueueError(409, "take_new_ticket", msg("take_new_ticket"))
    now = now or utcnow()
    k = cfg.noshow_requeue_after
    waiting = waiting_in(s, t.category_id, t.service_day, limit=k) if k > 0 else []
    # exactly K tickets go before it: it takes the place right after the K-th (a priority ticket that was
    # missed keeps no priority: the rule of the hall is "behind K", whoever they are)
    had_priority, t.priority = t.priority, False
    t.queue_at = (waiting[k - 1].queue_at + dt.timedelta(microseconds=1)) if 0 < k <= len(waiting) else now
    t.window_number, t.called_at = None, None
    _move(
        s, t, TicketStatus.WAITING, "requeued", at=now, behind=min(k, len(waiting)), had_priority=had_priority
    )
    return t


def start(s: Session, ticket_id: uuid.UUID, window_number: int | None) -> m.Ticket:
    t = _own(s, ticket_id, window_number)
    if t.status != TicketStatus.CALLED:
        raise QueueError(409, "not_called", msg("not_called_start", number=t.number, status=status_param("ticket_status", t.status.value)))
    now = utcnow()
    t.started_at = now
    walk = round((now - t.called_at).total_seconds()) if t.called_at else None
    _move(s, t, TicketStatus.SERVING, "started", window=t.window_number, at=now, walk_s=walk)
    return t


def finish(
    s: Session, ticket_id: uuid.UUID, window_number: int | None, outcome: str | None = None
) -> m.Ticket:
    now = utcnow()
    if sql.is_postgresql(s):
        return _finish_pg(s, ticket_id, window_number, outcome, now)
    t = _own(s, ticket_id, window_number)
    if t.status == TicketStatus.CALLED:  # served without pressing start: service starts now
        start(s, ticket_id, window_number)
    if t.status != TicketStatus.SERVING:
        raise QueueError(409, "not_serving", msg("not_serving", number=t.number, status=status_param("ticket_status", t.status.value)))
    t.finished_at = now
    service = round((now - t.started_at).total_seconds()) if t.started_at else None
    _move(
        s,
        t,
        TicketStatus.DONE,
        "finished",
        window=t.window_number,
        at=now,
        service_s=service,
        outcome=outcome,
    )
    _free_window(s, t.window_number, now)
    return t


def _finish_pg(
    s: Session, ticket_id: uuid.UUID, window_number: int | None, outcome: str | None, now: dt.datetime
) -> m.Ticket:
    """`finish` on PostgreSQL in one statement (`queue_sql.finish`); the refusals are `_own`'s and
    `finish`'s, told from the ticket's state before."""
    got = sql.finish(s, ticket_id, window_number, outcome, now)
    if not got.found:
        raise QueueError(404, "not_found", msg("ticket_not_found"))
    if got.ticket is None:
        if window_number is not None and got.old_window not in (None, window_number):
            raise QueueError(403, "other_window", msg("other_window", number=got.old_number, window=got.old_window))
        raise QueueError(409, "not_serving", msg("not_serving", number=got.old_number, status=status_param("ticket_status", got.old_status)))
    t = _attached(s, m.Ticket(**got.ticket))
    s.info.setdefault(PREFIXES, {})[t.category_id] = got.prefix
    return t


def transfer(
    s: Session,
    cfg: QueueSettings,
    ticket_id: uuid.UUID,
    window_number: int | None,
    *,
    category: str | None = None,
    window: int | None = None,
) -> m.Ticket:
    """Send the visitor to another category or window: the old ticket ends as transferred, a new one waits
    (with the same number label, and its original place if the hall keeps issue times)."""
    if category is None and window is None:
        raise QueueError(422, "invalid_request", msg("transfer_target"))
    t = _own(s, ticket_id, window_number)
    if t.status not in (TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING):
        raise QueueError(409, "not_open", msg("not_open", number=t.number, status=status_param("ticket_status", t.status.value)))
    _not_other_windows(cfg, t, window_number)
    now = utcnow()
    target_cat = _category(s, category) if category else s.get(m.Category, t.category_id)
    assert target_cat is not None
    if window is not None:
        target_w = _window(s, window)
        if target_cat.id not in window_categories(s, target_w):
            raise QueueError(409, "window_does_not_serve", msg("window_does_not_serve_category", window=window, category=target_cat.name))
    old_window = t.window_number
    _move(
        s,
        t,
        TicketStatus.TRANSFERRED,
        "transferred",
        window=old_window,
        at=now,
        to_category=target_cat.prefix,
        to_window=window,
    )
    _free_window(s, old_window, now)
    s.flush()
    number = t.number
    if (
        s.scalar(
            select(m.Ticket.id).where(
                m.Ticket.category_id == target_cat.id,
                m.Ticket.service_day == t.service_day,
                m.Ticket.number == number,
                m.Ticket.id != t.id,
            )
        )
        is not None
    ):
        number = (
            f"{number}"  # same label already in that category today (a second transfer back): keep unique
        )
        seq = next_value(s, f"ticket:{target_cat.prefix}:{t.service_day.isoformat()}")
        number = f"{target_cat.prefix}{seq:03d}"
    new = m.Ticket(
        category_id=target_cat.id,
        service_day=t.service_day,
        seq=t.seq,
        number=number,
        priority=t.priority,
        appointment_id=t.appointment_id,
        id_number_hash=t.id_number_hash,
        source=t.source,
        issued_at=t.issued_at,
        queue_at=t.queue_at if cfg.transfer_keeps_issue_time else now,
        target_window=window,
        transferred_from=t.id,
    )
    s.add(new)
    s.flush()
    _event(s, new, "issued", None, at=now, transferred_from=str(t.id))
    copy_contact(s, t, new)  # 「快到号时短信提醒」 follows the visitor (issue 18)
    return new


def set_window_status(
    s: Session, window_number: int, status: WindowStatus, staff_id: uuid.UUID | None = None
) -> m.Window:
    w = _window(s, window_number, lock=True)
    now = utcnow()
    if status == WindowStatus.PAUSED and current_ticket(s, window_number, local_today(now)) is not None:
        raise QueueError(
            409, "window_busy", msg("window_busy_pause")
        )
    if status == WindowStatus.IDLE and w.status == WindowStatus.SERVING:
        return w
    w.status, w.status_since = status, now
    if staff_id is not None:
        w.staff_id = staff_id
    if status == WindowStatus.LOGGED_OUT:
        w.staff_id = None
    return w


def ticket_view(t: m.Ticket, prefix: str | None = None) -> dict[str, Any]:
    return {
        "id": str(t.id),
        "number": t.number,
        "category": prefix or t.number[:1],
        "status": t.status.value,
        "priority": t.priority,
        "window": t.window_number,
        "target_window": t.target_window,
        "issued_at": t.issued_at.isoformat(),
        "called_at": t.called_at.isoformat() if t.called_at else None,
        "started_at": t.started_at.isoformat() if t.started_at else None,
        "finished_at": t.finished_at.isoformat() if t.finished_at else None,
        "recall_count": t.recall_count,
        "source": t.source,
    }
