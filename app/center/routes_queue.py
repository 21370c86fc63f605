"""Queue API: issue, call, recall, no-show, start, finish, transfer, pause/resume, snapshot, statistics."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Path, Query, Response
from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.center import queue as q
from app.center.api_errors import ApiError
from app.center.context import CenterContext
from app.center.deps import ctx, read_db, require
from app.center.notify_hooks import turn_soon
from app.center.realname import center_id_hash
from app.center.security import Principal
from app.center.snapshot import build_snapshot
from app.center.stats import daily_stats
from app.domain.clock import local_today
from app.domain.consent import known as consent_known
from app.domain.events import Event
from app.domain.idnumber import InvalidIdNumber, mask_phone, normalize_id_number
from app.domain.phone import InvalidPhone, normalize_mobile
from app.domain.public_link import ticket_url
from app.domain.states import WindowStatus
from app.i18n.messages import msg
from app.store import models as m

router = APIRouter(prefix="/api/v1", tags=["queue"])
R = TypeVar("R")
WindowNo = Annotated[int, Path(ge=1, le=999, description="the window's number")]
CLERKS = ("clerk", "manager", "counter")


def _tx(c: CenterContext, fn: Callable[[Session], R], *, one_statement: bool = False) -> R:
    """One write transaction; queue refusals become JSON errors with their status. `one_statement`: the
    work writes in a single statement, which is its own transaction on PostgreSQL (`autocommit_session`:
    no BEGIN/COMMIT round trips, row locks held only while the statement runs)."""
    try:
        with c.db.autocommit_session() if one_statement else c.db.write_session() as s:
            return fn(s)
    except q.QueueError as exc:
        raise ApiError(exc.status, exc.code, exc.message) from exc


def _staff(p: Principal) -> uuid.UUID | None:
    return uuid.UUID(p.staff_id) if p.staff_id else None


def counter_window(c: CenterContext, p: Principal) -> int | None:
    """The window a counter terminal is bound to (`queue.counter_windows`), if any."""
    return c.settings.queue.counter_windows.get(p.subject) if p.role == "counter" else None


def _at_window(p: Principal, window_no: int, c: CenterContext | None = None) -> None:
    """A clerk acts at the window they logged in at, a bound counter terminal at its own window;
    managers and admins anywhere."""
    if p.role == "clerk" and p.window != window_no:
        raise ApiError(403, "other_window", msg("logged_in_elsewhere", window=p.window, other=window_no))
    bound = counter_window(c, p) if c is not None else None
    if bound is not None and bound != window_no:
        raise ApiError(403, "other_window", msg("counter_of_window", window=bound, other=window_no))


def _acting_window(p: Principal, c: CenterContext | None = None) -> int | None:
    if p.role == "clerk":
        return p.window
    return counter_window(c, p) if c is not None else None


def _view(s: Session, t: m.Ticket) -> dict[str, Any]:
    prefix = s.info.get(q.PREFIXES, {}).get(t.category_id)
    if prefix is None:
        cat = s.get(m.Category, t.category_id)
        prefix = cat.prefix if cat else None
    # real_name: taken with an ID card (the counter asks for the holder's card and checks it with
    # POST /tickets/{id}/holder); the ID number itself is never answered, the center keeps only its hash
    return {**q.ticket_view(t, prefix), "real_name": t.id_number_hash is not None}


class IssueIn(BaseModel):
    category: str = Field(min_length=1, max_length=2)
    id_number: str | None = Field(None, max_length=40)
    priority: bool = False
    appointment_code: str | None = Field(None, max_length=20)
    request_id: uuid.UUID | None = Field(
        None, description="made by the terminal, the same on every retry: a retry answers the same ticket"
    )
    phone: str | None = Field(
        None, max_length=20, description="「快到号时短信提醒」: a mobile number, kept sealed; needs sms_consent"
    )
    sms_consent: str | None = Field(
        None, max_length=20, description="the version of the consent text the citizen agreed to (ticket-sms-1)"
    )


class IssueOut(BaseModel):
    id: uuid.UUID
    number: str
    category: str
    waiting_ahead: int
    estimated_wait_min: int
    open_windows: int = 1  # open windows serving the category now; 0: the wait cannot be estimated
    issued_at: dt.datetime
    url: str | None = Field(
        None, description="the ticket's phone page (its QR code); None while the `public_url` setting is unset"
    )


@router.post("/tickets", response_model=IssueOut, status_code=201)
def issue(
    body: IssueIn,
    who: Principal = Depends(require("kiosk", "clerk", "manager", "counter")),
    c: CenterContext = Depends(ctx),
) -> IssueOut:
    id_number = None
    if body.id_number:
        try:
            id_number = normalize_id_number(body.id_number)
        except InvalidIdNumber as exc:
            raise ApiError(422, "invalid_id_number", msg("invalid_id_number", reason=exc.args[0])) from exc
    terminal = uuid.UUID(who.terminal_id) if who.terminal_id else None
    phone = _sms_phone(body)

    def work(s: Session) -> IssueOut:
        got = q.issue_ticket(
            s,
            c.settings.queue,
            body.category,
            id_number=id_number,
            priority=body.priority,
            appointment_code=body.appointment_code,
            terminal_id=terminal,
            request_id=body.request_id,
            bus=c.bus,
        )
        if phone is not None and not got.replayed:
            s.add(
                m.TicketContact(
                    ticket_id=got.ticket.id,
                    phone_enc=c.cipher.encrypt(phone),
                    phone_masked=mask_phone(phone),
                    consent_version=body.sms_consent,
                    consent_at=got.ticket.issued_at,
                )
            )
        return issued(c, s, got)

    # without an appointment to check in or a phone to keep, the only write is the one statement that makes
    # the ticket
    one = body.appointment_code is None and phone is None
    try:
        return _tx(c, work, one_statement=one)
    except IntegrityError:
        if body.request_id is None:
            raise
        return _tx(c, work, one_statement=one)  # the same request raced itself: answer the other's ticket


def _sms_phone(body: IssueIn) -> str | None:
    """The phone left for 「快到号时短信提醒」, checked: a mobile number, with a known consent."""
    if not body.phone:
        return None
    try:
        phone = normalize_mobile(body.phone)
    except InvalidPhone as exc:
        raise ApiError(422, "invalid_phone", exc.args[0]) from exc
    if not body.sms_consent:
        raise ApiError(422, "sms_consent_required", msg("sms_consent_required"))
    if not consent_known(body.sms_consent):
        raise ApiError(422, "unknown_consent", msg("unknown_consent", version=body.sms_consent))
    return phone


def issued(c: CenterContext, s: Session, got: q.Issued, **event: Any) -> IssueOut:
    """Announce a new ticket to the screens and answer the terminal that asked for it."""
    t = got.ticket
    if not got.replayed and not got.announced:
        c.bus.publish(
            s,
            Event.TICKET_ISSUED,
            {"id": str(t.id), "number": t.number, "category": got.category, "priority": t.priority, **event},
        )
    return IssueOut(
        id=t.id,
        number=t.number,
        category=got.category,
        waiting_ahead=got.waiting_ahead,
        estimated_wait_min=got.estimated_wait_min,
        open_windows=got.open_windows,
        issued_at=t.issued_at,
        url=ticket_url(c.settings.public_url, t.public_token),
    )


def _called(c: CenterContext, s: Session, t: m.Ticket, kind: Event) -> dict[str, Any]:
    view = _view(s, t)
    c.bus.publish(s, kind, {"ticket": view, "number": t.number, "window": t.window_number})
    return view


@router.post("/windows/{window_no}/call-next", responses={204: {"description": "nothing waits"}})
def call_next(
    window_no: WindowNo, who: Principal = Depends(require(*CLERKS)), c: CenterContext = Depends(ctx)
) -> Any:
    _at_window(who, window_no, c)

    def work(s: Session) -> dict[str, Any] | None:
        t = q.call_next(s, window_no, _staff(who))
        if t is None:
            return None
        turn_soon(s, c.settings.notify.turn_soon_ahead, t.category_id, t.service_day)
        view = _view(s, t)
        c.bus.publish_all(
            s,
            [
                (Event.TICKET_CALLED, {"ticket": view, "number": t.number, "window": t.window_number}),
                (Event.WINDOW_STATUS, {"window": window_no, "status": "serving"}),
            ],
        )
        return {"ticket": view}

    answer = _tx(c, work)
    return Response(status_code=204) if answer is None else answer


class CallIn(BaseModel):
    number: str = Field(min_length=2, max_length=8)


@router.post("/windows/{window_no}/call")
def call_number(
    window_no: WindowNo,
    body: CallIn,
    who: Principal = Depends(require(*CLERKS)),
    c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    _at_window(who, window_no, c)

    def work(s: Session) -> dict[str, Any]:
        t = q.call_specific(s, window_no, body.number, _staff(who), c.settings.queue)
        turn_soon(s, c.settings.notify.turn_soon_ahead, t.category_id, t.service_day)
        return {"ticket": _called(c, s, t, Event.TICKET_CALLED)}

    return _tx(c, work)


def _ticket_action(
    name: str, event: Event, fn: Callable[[Session, CenterContext, uuid.UUID, int | None], m.Ticket]
) -> None:
    def route(
        ticket_id: uuid.UUID, who: Principal = Depends(require(*CLERKS)), c: CenterContext = Depends(ctx)
    ) -> dict[str, Any]:
        def work(s: Session) -> dict[str, Any]:
            t = fn(s, c, ticket_id, _acting_window(who, c))
            view = _view(s, t)
            events: list[tuple[Event, dict[str, Any]]] = [
                (event, {"ticket": view, "number": t.number, "window": t.window_number})
            ]
            if name in ("no-show", "finish"):
                events.append((Event.WINDOW_STATUS, {"window": t.window_number, "status": "idle"}))
            c.bus.publish_all(s, events)
            return {"ticket": view}

        return _tx(c, work)

    route.__name__ = f"ticket_{name.replace('-', '_')}"
    router.post(f"/tickets/{{ticket_id}}/{name}", name=route.__name__)(route)


_ticket_action("recall", Event.TICKET_RECALLED, lambda s, c, t, w: q.recall(s, c.settings.queue, t, w))
_ticket_action("no-show", Event.TICKET_NO_SHOW, lambda s, c, t, w: q.no_show(s, t, w))
_ticket_action("come-back", Event.TICKET_REQUEUED, lambda s, c, t, w: q.come_back(s, c.settings.queue, t))
_ticket_action("start", Event.TICKET_STARTED, lambda s, c, t, w: q.start(s, t, w))
_ticket_action("finish", Event.TICKET_FINISHED, lambda s, c, t, w: q.finish(s, t, w))


class HolderIn(BaseModel):
    id_number: str = Field(min_length=1, max_length=40)


@router.post("/tickets/{ticket_id}/holder")
def ticket_holder(
    ticket_id: uuid.UUID,
    body: HolderIn,
    who: Principal = Depends(require(*CLERKS)),
    s: Session = Depends(read_db),
    c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    """Is the ID card read at the counter the holder of this real-name ticket? Compared by the center's
    keyed hash (the ticket keeps nothing else): `same_holder` true or false, None for a ticket taken
    without a card. A clerk asks only about a ticket at their own window."""
    t = s.get(m.Ticket, ticket_id)
    if t is None:
        raise ApiError(404, "not_found", msg("ticket_not_found", id=str(ticket_id)))
    window = _acting_window(who, c)
    if window is not None and t.window_number != window:
        raise ApiError(403, "other_window", msg("ticket_not_at_window", number=t.number, window=window))
    try:
        id_number = normalize_id_number(body.id_number)
    except InvalidIdNumber as exc:
        raise ApiError(422, "invalid_id_number", msg("invalid_id_number", reason=exc.args[0])) from exc
    if t.id_number_hash is None:
        return {"real_name": False, "same_holder": None}
    return {"real_name": True, "same_holder": center_id_hash(s, id_number) == t.id_number_hash}


class TransferIn(BaseModel):
    category: str | None = Field(None, max_length=2)
    window: int | None = Field(None, ge=1, le=999)


@router.post("/tickets/{ticket_id}/transfer")
def transfer(
    ticket_id: uuid.UUID,
    body: TransferIn,
    who: Principal = Depends(require(*CLERKS)),
    c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    def work(s: Session) -> dict[str, Any]:
        new = q.transfer(
            s, c.settings.queue, ticket_id, _acting_window(who, c), category=body.category, window=body.window
        )
        view = _view(s, new)
        c.bus.publish(s, Event.TICKET_TRANSFERRED, {"ticket": view, "from": str(ticket_id)})
        return {"ticket": view}

    return _tx(c, work)


def _window_action(name: str, status: WindowStatus) -> None:
    def route(
        window_no: WindowNo, who: Principal = Depends(require(*CLERKS)), c: CenterContext = Depends(ctx)
    ) -> dict[str, Any]:
        _at_window(who, window_no, c)

        def work(s: Session) -> dict[str, Any]:
            w = q.set_window_status(s, window_no, status, _staff(who) if name == "open" else None)
            c.bus.publish(
                s, Event.WINDOW_STATUS, {"window": window_no, "status": w.status.value, "clerk": who.name}
            )
            return {"window": window_no, "status": w.status.value}

        return _tx(c, work)

    route.__name__ = f"window_{name}"
    router.post(f"/windows/{{window_no}}/{name}", name=route.__name__)(route)


_window_action("open", WindowStatus.IDLE)
_window_action("pause", WindowStatus.PAUSED)
_window_action("resume", WindowStatus.IDLE)
_window_action("close", WindowStatus.LOGGED_OUT)


@router.get("/tickets/lookup")
def lookup_ticket(
    number: str = Query(min_length=2, max_length=8),
    _: Principal = Depends(require(*CLERKS)),
    s: Session = Depends(read_db),
) -> dict[str, Any]:
    """Today's open ticket with this number (the newest, after a transfer)."""
    from sqlalchemy import select

    t = s.scalars(
        select(m.Ticket)
        .where(
            m.Ticket.service_day == local_today(),
            m.Ticket.number == number.upper(),
            m.Ticket.status.in_(q.OPEN),
        )
        .order_by(m.Ticket.issued_at.desc())
    ).first()
    if t is None:
        raise ApiError(404, "not_found", msg("no_open_ticket_today", number=number))
    return {"ticket": _view(s, t)}


@router.get("/queue")
def queue_snapshot(
    _: Principal = Depends(require("kiosk", "screen", "counter", "clerk", "manager")),
    s: Session = Depends(read_db),
) -> dict[str, Any]:
    return build_snapshot(s)


@router.get("/stats/daily")
def stats_daily(
    date: dt.date | None = Query(None),
    _: Principal = Depends(require("manager", "clerk")),
    s: Session = Depends(read_db),
    c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    if date is not None and not 2000 <= date.year <= 2100:
        raise ApiError(422, "invalid_request", f"date out of range: {date}")
    return daily_stats(s, date or local_today(), c.settings.queue.service_level_target_minutes)
