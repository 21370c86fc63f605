"""What the citizens' phone pages (`hall public`, issue 18) may read of the center: a ticket by its page
token, and a thin public event stream that says *which* tickets and categories changed.

Auth: none beyond the token. The page token (128 random bits, printed only in the ticket's own QR code) is
the capability: whoever holds the paper ticket may see its place in the queue. The answers carry nothing
personal (no name, no ID number, no phone; not even the ticket's id). The event stream carries only what
the hall's big queue screen shows anyway (numbers, categories, windows) plus ticket ids, which grant
nothing. Deployment: the center stays on the internal network and only the `hall public` host in the DMZ
may reach `/api/v1/public/*` (firewall); the public process itself holds no credential of the center.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import re
import uuid
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, WebSocket, WebSocketDisconnect
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.center import queue as q
from app.center.api_errors import ApiError
from app.center.context import CenterContext
from app.center.deps import ctx, read_db
from app.domain.clock import local_today
from app.domain.events import Event
from app.domain.public_link import is_token
from app.domain.states import TicketStatus
from app.store import models as m

log = logging.getLogger("hall.center.public")
router = APIRouter(prefix="/api/v1/public", tags=["public"])
MAX_BATCH = 500  # tokens per batch request (the public process asks for its open pages in chunks)
MAX_STREAMS = 16  # public event streams at once: one per `hall public` process is the norm
TAIL_RE = re.compile(r"[0-9]{5}[0-9X]")
FOLLOW_LIMIT = 10  # transfers followed from the printed ticket to the one that waits now

# the events a ticket page cares about, and the fields of theirs that go out on the public stream
PUBLIC_EVENTS = {
    Event.TICKET_ISSUED,
    Event.TICKET_CALLED,
    Event.TICKET_RECALLED,
    Event.TICKET_NO_SHOW,
    Event.TICKET_REQUEUED,
    Event.TICKET_STARTED,
    Event.TICKET_FINISHED,
    Event.TICKET_TRANSFERRED,
    Event.TICKET_CANCELLED,
    Event.WINDOW_STATUS,
    Event.CATEGORIES_OPENING,
}


class PublicTicket(BaseModel):
    """A ticket as its phone page shows it. `number` is the one to listen for now (after a transfer, the
    new ticket's); `window` is set while called or served; `people_ahead` and `estimated_wait_min` while
    waiting (`estimated_wait_min` None: no open window serves the category, no wait can be promised)."""

    number: str
    category: str
    category_name: str
    status: str
    window: int | None = None
    people_ahead: int | None = None
    estimated_wait_min: int | None = None
    issued_at: dt.datetime
    called_at: dt.datetime | None = None
    recalls: int = 0  # a recall changes the page too (the phone rings again)
    service_day: dt.date
    today: bool = Field(description="the ticket is for the hall's current day (an old ticket's page says so)")
    hall: str
    rateable: bool = Field(False, description="served and not rated yet: the page offers the rating (一事一评)")
    ids: list[str] = Field(
        default_factory=list,
        description="the ids of this ticket and its transfers, to match events on the public stream",
    )


class BatchIn(BaseModel):
    tokens: list[str] = Field(max_length=MAX_BATCH)


def _current(s: Session, t: m.Ticket) -> tuple[m.Ticket, list[m.Ticket]]:
    """Follow transfers from the printed ticket to the one that stands in the queue now."""
    chain = [t]
    for _ in range(FOLLOW_LIMIT):
        nxt = s.scalars(
            select(m.Ticket).where(m.Ticket.transferred_from == chain[-1].id).order_by(m.Ticket.issued_at.desc())
        ).first()
        if nxt is None:
            break
        chain.append(nxt)
    return chain[-1], chain


def _follow(s: Session, found: dict[str, m.Ticket]) -> dict[str, tuple[m.Ticket, list[m.Ticket]]]:
    """`_current` for many pages at once: one query per transfer step, not one per ticket."""
    chains = {tok: [t] for tok, t in found.items()}
    open_ = dict(chains)
    for _ in range(FOLLOW_LIMIT):
        if not open_:
            break
        last = {chain[-1].id: tok for tok, chain in open_.items()}
        moved = {}
        for t in s.scalars(
            select(m.Ticket).where(m.Ticket.transferred_from.in_(list(last))).order_by(m.Ticket.issued_at)
        ):
            moved[last[t.transferred_from]] = t  # type: ignore[index]  # the newest wins
        for tok, t in moved.items():
            chains[tok].append(t)
        open_ = {tok: chains[tok] for tok in moved}
    return {tok: (chain[-1], chain) for tok, chain in chains.items()}


def public_views(s: Session, c: CenterContext, tokens: list[str]) -> dict[str, PublicTicket | None]:
    """The pages of these tokens (None: no such ticket). People ahead are counted per category from one
    read of its waiting tickets, so a batch of a thousand pages costs a few queries, not a thousand."""
    wanted = [tok for tok in dict.fromkeys(tokens) if is_token(tok)]
    found: dict[str, m.Ticket] = {}
    if wanted:
        for t in s.scalars(select(m.Ticket).where(m.Ticket.public_token.in_(wanted))):
            found[str(t.public_token)] = t
    names = dict(s.execute(select(m.Category.id, m.Category.name)).all())
    prefixes = dict(s.execute(select(m.Category.id, m.Category.prefix)).all())
    today = local_today()
    current = _follow(s, found)
    ranks: dict[uuid.UUID, dict[uuid.UUID, int]] = {}
    minutes: dict[uuid.UUID, tuple[float, int]] = {}
    for now_t, _chain in current.values():
        cat = now_t.category_id
        if now_t.status != TicketStatus.WAITING or cat in ranks:
            continue
        waiting = sorted(
            s.scalars(
                select(m.Ticket).where(
                    m.Ticket.service_day == now_t.service_day,
                    m.Ticket.status == TicketStatus.WAITING,
                    m.Ticket.category_id == cat,
                )
            ),
            key=q.order_key,
        )
        ranks[cat] = {w.id: i for i, w in enumerate(waiting)}
        avg = q.average_service_minutes(s, cat, now_t.service_day, c.settings.queue.default_service_minutes)
        minutes[cat] = (avg, q.open_windows_for(s, cat))
    done = [now_t.id for now_t, _ in current.values() if now_t.status == TicketStatus.DONE]
    rated = set(s.scalars(select(m.Rating.ticket_id).where(m.Rating.ticket_id.in_(done)))) if done else set()
    out: dict[str, PublicTicket | None] = {tok: None for tok in tokens}
    for tok, (now_t, chain) in current.items():
        ahead = wait = None
        if now_t.status == TicketStatus.WAITING:
            ahead = ranks[now_t.category_id].get(now_t.id, 0)
            avg, windows = minutes[now_t.category_id]
            wait = round(ahead * avg / windows) if windows else None
        shown_window = now_t.window_number if now_t.status in (TicketStatus.CALLED, TicketStatus.SERVING) else None
        out[tok] = PublicTicket(
            number=now_t.number,
            category=prefixes.get(now_t.category_id, now_t.number[:1]),
            category_name=names.get(now_t.category_id, ""),
            status=now_t.status.value,
            window=shown_window,
            people_ahead=ahead,
            estimated_wait_min=wait,
            issued_at=chain[0].issued_at,
            called_at=now_t.called_at,
            recalls=now_t.recall_count,
            service_day=now_t.service_day,
            today=now_t.service_day == today,
            hall=c.settings.hall_name,
            rateable=now_t.status == TicketStatus.DONE and now_t.id not in rated,
            ids=[str(x.id) for x in chain],
        )
    return out


@router.get("/tickets/{token}", response_model=PublicTicket)
def public_ticket(token: str, s: Session = Depends(read_db), c: CenterContext = Depends(ctx)) -> PublicTicket:
    """A ticket's phone page by the token of its QR code; no credential (the token is one)."""
    if not is_token(token):
        raise ApiError(404, "not_found", "no such ticket")
    got = public_views(s, c, [token])[token]
    if got is None:
        raise ApiError(404, "not_found", "no such ticket")
    return got


@router.post("/tickets")
def public_tickets(
    body: BatchIn, s: Session = Depends(read_db), c: CenterContext = Depends(ctx)
) -> dict[str, Any]:
    """Many pages at once (the public process refreshing its open pages): `{"tickets": {token: page|null}}`."""
    views = public_views(s, c, body.tokens)
    return {"tickets": {tok: (v.model_dump(mode="json") if v else None) for tok, v in views.items()}}


def public_event(ev: dict[str, Any]) -> dict[str, Any] | None:
    """The public form of a bus event (None: not for the public stream): the type, the ticket's id, number,
    category, status and window, or the window and its status."""
    kind = ev.get("type")
    if kind not in PUBLIC_EVENTS:
        return None
    data = ev.get("data") or {}
    raw = data.get("ticket")
    ticket: dict[str, Any] = raw if isinstance(raw, dict) else {}
    out: dict[str, Any] = {"type": kind}
    for key, value in (
        ("id", ticket.get("id") or data.get("id")),
        ("from", data.get("from")),
        ("number", ticket.get("number") or data.get("number")),
        ("category", ticket.get("category") or data.get("category")),
        ("status", ticket.get("status") or data.get("status")),
        ("window", ticket.get("window") if ticket else data.get("window")),
    ):
        if value is not None and (kind != Event.CATEGORIES_OPENING or key == "type"):
            out[key] = value
    return out


def install_public_stream(app: FastAPI, c: CenterContext) -> None:
    state = {"streams": 0}

    @app.websocket("/api/v1/public/events")
    async def public_events(ws: WebSocket) -> None:
        """Which tickets and categories changed, for the public pages' process: `{"type": "hello"}` first
        (and after the center lost events: refresh everything), then public events as they commit."""
        if state["streams"] >= MAX_STREAMS:
            await ws.close(code=4429, reason="too many public streams")
            return
        await ws.accept()
        state["streams"] += 1
        queue = c.bus.subscribe()
        reader = asyncio.create_task(_drain(ws))
        try:
            await ws.send_text(json.dumps({"type": "hello"}))
            while True:
                getter = asyncio.create_task(queue.get())
                done, _ = await asyncio.wait({getter, reader}, return_when=asyncio.FIRST_COMPLETED)
                if reader in done:
                    getter.cancel()
                    return
                ev = getter.result()
                if ev.get("type") == Event.RESYNC:
                    await ws.send_text(json.dumps({"type": "hello"}))
                    continue
                out = public_event(ev)
                if out is not None:
                    await ws.send_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")))
        except (WebSocketDisconnect, RuntimeError):
            pass
        finally:
            reader.cancel()
            c.bus.unsubscribe(queue)
            state["streams"] -= 1


async def _drain(ws: WebSocket) -> None:
    with contextlib.suppress(WebSocketDisconnect, RuntimeError):
        while True:
            msg = await ws.receive()
            if msg["type"] == "websocket.disconnect":
                return



# ------------------------------------------------------------------ the case page (notice's QR code)

CASE_TRIES = 5  # wrong ID tails per case token within CASE_TRIES_WINDOW_S before the page waits
CASE_TRIES_WINDOW_S = 900.0
MISSING_STATES = ("missing", "incorrect", "deferred", "commitment")


class CaseIn(BaseModel):
    id_tail: str = Field(min_length=1, max_length=12, description="the last six characters of the ID number")


class CaseStep(BaseModel):
    status: str  # the case status reached (accepted, correction, approved, delivered …)
    at: dt.datetime
    reason: str | None = None  # 补正 or refusal: what the applicant is told


class MissingMaterial(BaseModel):
    name: str
    state: str  # missing / incorrect / deferred (容缺: bring by `due`) / commitment (告知承诺: checked later)
    due: dt.date | None = None


class PublicCase(BaseModel):
    """A case as its phone page shows it: no ID number, no phone, no address; the applicant's name masked."""

    case_number: str
    item: str
    department: str
    applicant: str  # masked: 张*丰
    status: str
    received_on: dt.date
    due_date: dt.date | None = None
    steps: list[CaseStep]
    missing: list[MissingMaterial]
    delivery: str | None = None  # window / express
    window: int | None = None  # where it was accepted: the result is handed out at a comprehensive window
    tracking_number: str | None = None
    completed_at: dt.datetime | None = None
    delivered_at: dt.datetime | None = None
    hall: str


def _case_limiter(c: CenterContext) -> Any:
    from app.center.login_limit import SharedLoginRateLimiter

    return SharedLoginRateLimiter(c.db, limit=CASE_TRIES, window_s=CASE_TRIES_WINDOW_S)


@router.post("/cases/{token}", response_model=PublicCase)
def public_case(token: str, body: CaseIn, c: CenterContext = Depends(ctx)) -> PublicCase:
    """A case's phone page by the token of its notice's QR code, after the check of the ID number's last
    six characters. Wrong tails are counted per token in the database (every center process shares the
    count): after CASE_TRIES in CASE_TRIES_WINDOW_S the page answers 429 until the window passes."""
    from app.center.cases import _tail_hash
    from app.domain.idnumber import mask_name
    from app.domain.lookup import progress_key

    if not is_token(token):
        raise ApiError(404, "not_found", "no such case")
    limiter, key = _case_limiter(c), f"case:{token}"
    wait = limiter.blocked_for(key)
    if wait > 0:
        raise ApiError(
            429, "too_many_tries", f"too many wrong tries: wait {int(wait) + 1} s", {"Retry-After": str(int(wait) + 1)}
        )
    tail = body.id_tail.strip().upper()
    with c.db.read_session() as s:
        case = s.scalar(select(m.Case).where(m.Case.public_token == token))
        if case is None:
            raise ApiError(404, "not_found", "no such case")
        if not TAIL_RE.fullmatch(tail) or _tail_hash(s, case.id) != progress_key(case.case_number, tail):
            wrong = True
        else:
            wrong = False
            trans = list(
                s.scalars(
                    select(m.CaseTransition).where(m.CaseTransition.case_id == case.id).order_by(m.CaseTransition.at)
                )
            )
            steps: list[CaseStep] = []
            for t in trans:
                if steps and steps[-1].status == t.to_status:
                    continue
                told = t.reason if t.to_status in ("correction", "refused") else None
                steps.append(CaseStep(status=t.to_status, at=t.at, reason=told))
            if not trans or trans[0].from_status is not None:  # the acceptance itself is no transition
                started = trans[0].from_status if trans and trans[0].from_status else case.status.value
                steps.insert(0, CaseStep(status=str(started), at=case.accepted_at or case.created_at))
            dept = s.get(m.Department, case.item.department_id) if case.item.department_id else None
            answer = PublicCase(
                case_number=case.case_number,
                item=case.item.name,
                department=(dept.short_name or dept.name) if dept else "",
                applicant=mask_name(case.applicant.name),
                status=case.status.value,
                received_on=case.received_on,
                due_date=case.due_date,
                steps=steps,
                missing=[
                    MissingMaterial(name=mt.name, state=mt.state, due=mt.promised_date)
                    for mt in case.materials
                    if mt.state in MISSING_STATES
                ],
                delivery=case.delivery_method,
                window=case.window_number,
                tracking_number=case.tracking_number,
                completed_at=case.completed_at,
                delivered_at=case.delivered_at,
                hall=c.settings.hall_name,
            )
    if wrong:
        limiter.failed(key)
        log.info("public case page: wrong ID tail for a case token")
        raise ApiError(403, "wrong_id_tail", "the last six characters of the ID number do not match")
    limiter.succeeded(key)
    return answer


# ------------------------------------------------------------------ the rating page (一事一评)


class RatingIn(BaseModel):
    level: int = Field(ge=1, le=5, description="GB/T 39734: 5 非常满意 … 1 非常不满意")
    reasons: list[str] = Field(default_factory=list, max_length=10)
    comment: str | None = Field(None, max_length=500)


@router.post("/tickets/{token}/rating", status_code=201)
def public_rating(token: str, body: RatingIn, c: CenterContext = Depends(ctx)) -> dict[str, Any]:
    """Rate the service of this ticket from the phone, once (一事一评): applied as the rating op a kiosk
    would push (the same rules: one rating per visit, a bad one opens a rectification), channel `phone`.
    The op's id is made from the token, so a resent form is a duplicate (409), never a second rating."""
    from app.center.apply import ApplyContext, apply_batch
    from app.center.rectify import open_rectification
    from app.domain.clock import utcnow
    from app.domain.ratings import BAD, BAD_REASONS

    if not is_token(token):
        raise ApiError(404, "not_found", "no such ticket")
    reasons = [r for r in dict.fromkeys(body.reasons) if r in BAD_REASONS] if body.level in BAD else []
    with c.db.write_session() as s:
        t = s.scalar(select(m.Ticket).where(m.Ticket.public_token == token))
        if t is None:
            raise ApiError(404, "not_found", "no such ticket")
        now_t, _chain = _current(s, t)
        if now_t.status != TicketStatus.DONE:
            raise ApiError(409, "not_served", "the ticket has not been served yet")
        op_id = uuid.uuid5(uuid.NAMESPACE_URL, f"hall-public-rating:{token}")
        payload = {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"hall-public-rating-row:{token}")),
            "ticket_id": str(now_t.id),
            "window_number": now_t.window_number,
            "staff_id": str(now_t.staff_id) if now_t.staff_id else None,
            "level": body.level,
            "reasons": reasons,
            "comment": (body.comment or "").strip() or None,
            "channel": "phone",
            "rated_at": utcnow().isoformat(),
        }
        actx = ApplyContext(
            session=s,
            terminal_id=None,
            cipher=c.cipher,
            publish=lambda type_, data: c.bus.publish(s, type_, data),
            publish_all=lambda events: c.bus.publish_all(s, events),
            on_bad_rating=lambda sess, rating: open_rectification(sess, rating, c.settings),
        )
        [(status, reason)] = apply_batch(actx, [(op_id, "rating.create", payload)])
    if status != "applied":  # rejected (rated at the window or kiosk) or a second form from the phone
        raise ApiError(409, "already_rated", reason or "this visit was already rated")
    return {"status": status}
