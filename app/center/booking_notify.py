"""The booking's one door to the notifier (`app.notify`, issue 18): the SMS code, the booking's
confirmation and the day-before reminder go into the notifier's outbox in the booking's own transaction
(so a booking rolled back sends nothing, and a provider that is down loses nothing)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def notify(s: Session, *, event: str, phone: str, params: dict[str, Any], key: str, language: str) -> bool:
    """Enqueue one message; False when `key` was enqueued before (the notifier is idempotent by key)."""
    from app.notify import enqueue

    return bool(enqueue(s, event=event, phone=phone, params=params, key=key, language=language))
