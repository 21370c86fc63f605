"""The manager's view of the messages to citizens' phones (issue 18): the outbox's state — sent, waiting
(with the next try and the last failure), failed with the reason — phones masked, codes hidden; and a
failed message sent again once its cause is fixed (keys, template ids, the provider's account)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from app.center.api_errors import ApiError
from app.center.audit import append_center_event
from app.center.context import CenterContext
from app.center.deps import ctx, read_db, require
from app.center.security import Principal
from app.domain.clock import utcnow
from app.notify.outbox import wake_senders
from app.notify.report import outbox_state
from app.notify.templates import EVENTS, TEMPLATES
from app.store import models as m

router = APIRouter(prefix="/api/v1", tags=["manager"])


@router.get("/notify/outbox")
def notify_outbox(
    status: Literal["waiting", "sending", "sent", "failed"] | None = Query(None),
    event: str | None = Query(None, max_length=30),
    hours: int = Query(72, ge=1, le=24 * 31, description="messages queued within this many hours"),
    limit: int = Query(100, ge=1, le=1000),
    _: Principal = Depends(require("manager")),
    s: Session = Depends(read_db),
    c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    """Counts by status and the latest messages (newest first), with the channel in use."""
    if event is not None and event not in EVENTS:
        raise ApiError(422, "invalid_request", f"unknown event {event!r}")
    state = outbox_state(s, status=status, event=event, since=utcnow() - dt.timedelta(hours=hours), limit=limit)
    return {"channel": c.settings.notify.channel, "turn_soon_ahead": c.settings.notify.turn_soon_ahead, **state}


@router.post("/notify/outbox/{message_id}/retry")
def notify_retry(
    message_id: uuid.UUID, who: Principal = Depends(require("manager")), c: CenterContext = Depends(ctx)
) -> dict[str, Any]:
    """Send a failed message again now (with a fresh lifetime); the others are left as they are."""
    with c.db.write_session() as s:
        row = s.get(m.NotifyMessage, message_id)
        if row is None:
            raise ApiError(404, "not_found", "no such message")
        if row.status != "failed":
            raise ApiError(409, "not_failed", f"the message is {row.status}: only a failed one is sent again")
        now = utcnow()
        row.status, row.next_attempt_at, row.updated_at = "waiting", now, now
        row.attempts, row.lease_until = 0, None
        row.expires_at = now + TEMPLATES[row.event].ttl if row.event in TEMPLATES else None
        append_center_event(s, who.subject, "notify.retry", object_type="notify_message", object_id=str(row.id),
                            detail={"event": row.event, "phone": row.phone_masked, "error": row.last_error})
    wake_senders()
    return {"id": str(message_id), "status": "waiting"}
