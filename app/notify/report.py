"""What the manager sees of the outbox: counts by status and the latest messages, phones masked, the
parameters of a verification code never shown."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.notify.templates import TEMPLATES
from app.store import models as m

SECRET_PARAMS = frozenset({"code"})  # a verification code is the citizen's alone


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def outbox_state(
    session: Session,
    *,
    status: str | None = None,
    event: str | None = None,
    since: dt.datetime | None = None,
    limit: int = 100,
) -> dict[str, Any]:
    t = m.NotifyMessage
    where = []
    if since is not None:
        where.append(t.created_at >= since)
    counts = {k: 0 for k in ("waiting", "sending", "sent", "failed")}
    for st, n in session.execute(select(t.status, func.count()).where(*where).group_by(t.status)):
        counts[st] = int(n)
    if status is not None:
        where.append(t.status == status)
    if event is not None:
        where.append(t.event == event)
    rows = session.scalars(select(t).where(*where).order_by(t.created_at.desc(), t.id.desc()).limit(limit))
    messages = []
    for r in rows:
        secret = r.event == "booking_code"
        params = {k: ("******" if secret and k in SECRET_PARAMS else v) for k, v in (r.params or {}).items()}
        messages.append(
            {
                "id": str(r.id),
                "key": r.key,
                "event": r.event,
                "what": TEMPLATES[r.event].what if r.event in TEMPLATES else r.event,
                "phone": r.phone_masked,
                "language": r.language,
                "params": params,
                "status": r.status,
                "attempts": r.attempts,
                "channel": r.channel,
                "error": r.last_error,
                "created_at": _iso(r.created_at),
                "next_attempt_at": _iso(r.next_attempt_at) if r.status == "waiting" else None,
                "sent_at": _iso(r.sent_at),
                "expires_at": _iso(r.expires_at),
            }
        )
    return {"counts": counts, "messages": messages}
