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
    current = {tok: _current(s, t) for tok, t in found.items()}
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

