"""Audit lines of access decisions (logins, enrollments, approvals, revocations, role changes, refused
access), kept in the center's hash-chained audit trail and read by the admin at `GET /api/v1/access-log`.

A refusal is recorded in a transaction of its own (the refused request's transaction rolls back), and the
same principal refused for the same reason is recorded once a minute per process, so a revoked kiosk that
keeps retrying cannot flood the trail.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from app.center.access import Refusal, principal_key
from app.center.api_errors import ApiError
from app.center.audit import append_center_event
from app.center.security import Principal

if TYPE_CHECKING:
    from app.center.context import CenterContext

ACCESS_ACTIONS = (
    "login",
    "login.failed",
    "login.card_failed",
    "login.terminal",
    "login.terminal_failed",
    "login.terminal_refused",
    "terminal.enroll",
    "terminal.enroll_refused",
    "terminal.approved",
    "terminal.approve_refused",
    "terminal.revoked",
    "staff.role_change",
    "staff.card",
    "access.refused",
)
REFUSAL_REPEAT_S = 60.0
_recent: dict[tuple[str, str], float] = {}
_recent_lock = threading.Lock()


def record(
    c: CenterContext,
    actor: str,
    action: str,
    *,
    object_type: str | None = None,
    object_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """One audit line in a transaction of its own."""
    with c.db.write_session() as s:
        append_center_event(s, actor, action, object_type=object_type, object_id=object_id, detail=detail)


class AuditedRefusal(Exception):
    """Raised inside a write transaction: `refusals(c)` rolls it back, records the line, answers `error`."""

    def __init__(self, error: ApiError, actor: str, action: str, **audit: Any) -> None:
        super().__init__(error.message)
        self.error, self.actor, self.action, self.audit = error, actor, action, audit


@contextlib.contextmanager
def refusals(c: CenterContext) -> Iterator[None]:
    try:
        yield
    except AuditedRefusal as r:
        record(c, r.actor, r.action, **r.audit)
        raise r.error from None


def note_refusal(c: CenterContext, p: Principal, refusal: Refusal) -> None:
    key = (principal_key(p) or p.subject, refusal.code)
    now = time.monotonic()
    with _recent_lock:
        if now - _recent.get(key, -REFUSAL_REPEAT_S) < REFUSAL_REPEAT_S:
            return
        _recent[key] = now
    record(
        c,
        p.subject,
        "access.refused",
        object_type="terminal" if p.terminal_id else "staff",
        object_id=p.terminal_id or p.staff_id,
        detail={"reason": refusal.code, "token_role": p.role},
    )
