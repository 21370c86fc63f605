"""The current state of a token's principal, checked on every request without a database round trip each.

A token says who signed in and as what; whether that still holds (a terminal approved, with the
credential the token was issued for and of the same kind; a staff member active and still in the role the
token names) is read from the database and cached per principal for `ttl_s` seconds. A change (revocation,
approval, role change) publishes `access.changed` on the event bus inside its transaction: every center
process sharing the database (PostgreSQL LISTEN/NOTIFY) drops that principal's entry when it commits, so
the next request reads the new state. Without the notification (a lost listener connection) an entry
still expires after `ttl_s`: a change reaches every process within `ttl_s` at most.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.center.security import Principal, hash_secret
from app.domain.events import Event
from app.store import models as m
from app.store.db import Database

ACCESS_EVENT = Event.ACCESS_CHANGED
TERMINAL_ROLES = frozenset({"kiosk", "counter", "screen"})
DEFAULT_TTL_S = 2.0


def credential_tag(credential_hash: str | None) -> str:
    """A short fingerprint of the stored credential hash, carried in a terminal's token: a token stays
    tied to the credential it was issued for (re-enrolling with a new credential voids old tokens)."""
    return (credential_hash or "")[:16]


def credential_tag_of(credential: str) -> str:
    return credential_tag(hash_secret(credential))


@dataclass(frozen=True)
class Refusal:
    code: str
    message: str


def principal_key(p: Principal) -> str | None:
    if p.terminal_id:
        return f"terminal:{p.terminal_id}"
    if p.staff_id:
        return f"staff:{p.staff_id}"
    return None


def _read_state(s: Session, key: str) -> dict[str, Any] | None:
    kind, _, ident = key.partition(":")
    try:
        pk = uuid.UUID(ident)
    except ValueError:
        return None
    if kind == "terminal":
        term = s.get(m.Terminal, pk)
        if term is None:
            return None
        return {"status": term.status, "role": term.kind.value, "cred": credential_tag(term.credential_hash)}
    staff = s.get(m.Staff, pk)
    if staff is None:
        return None
    return {"status": "active" if staff.active else "disabled", "role": staff.role.value}


def judge(p: Principal, state: dict[str, Any] | None) -> Refusal | None:
    """Whether the principal's current state still grants what its token says."""
    if state is None:
        return Refusal("access_revoked", "this account or terminal no longer exists; log in or enroll again")
    if p.terminal_id:
        if state["status"] == "pending":
            return Refusal("pending_approval", "this terminal waits for an admin's approval")
        if state["status"] != "approved":
            return Refusal("revoked", "this terminal was revoked by an admin")
        if state["role"] != p.role or state["cred"] != (p.credential or ""):
            return Refusal("access_revoked", "this terminal was enrolled again; log in with its new credential")
        return None
    if state["status"] != "active":
        return Refusal("access_revoked", "this account was disabled")
    if state["role"] != p.role:
        return Refusal("role_changed", f"this account's role is now {state['role']}; log in again")
    return None


class AccessCache:
    """Per-process cache of principals' states, dropped by `access.changed` events and after `ttl_s`."""

    def __init__(self, db: Database, *, ttl_s: float = DEFAULT_TTL_S) -> None:
        self.db, self.ttl_s = db, ttl_s
        self._entries: dict[str, tuple[float, dict[str, Any] | None]] = {}
        self._lock = threading.Lock()
        self._generation = 0  # bumped by every invalidation: a read that raced one is not cached
        self.reads = 0  # database reads made (for tests and benchmarks)

    def cached(self, p: Principal) -> tuple[bool, Refusal | None]:
        """(known, refusal) from the cache alone: `known` False means the state must be read."""
        key = principal_key(p)
        if key is None:
            return True, None
        with self._lock:
            hit = self._entries.get(key)
        if hit is None or time.monotonic() - hit[0] > self.ttl_s:
            return False, None
        return True, judge(p, hit[1])

    def check(self, p: Principal) -> Refusal | None:
        """The refusal for `p`, or None when its token still holds (reads the database on a cache miss)."""
        known, refusal = self.cached(p)
        if known:
            return refusal
        key = principal_key(p)
        assert key is not None
        fetched_at = time.monotonic()
        with self._lock:
            generation = self._generation
        with self.db.read_session() as s:
            state = _read_state(s, key)
        with self._lock:
            self.reads += 1
            if generation == self._generation:
                self._entries[key] = (fetched_at, state)
        return judge(p, state)

    def invalidate(self, key: str | None = None) -> None:
        with self._lock:
            self._generation += 1
            if key is None:
                self._entries.clear()
            else:
                self._entries.pop(key, None)

    def on_event(self, ev: dict[str, Any]) -> None:
        """Event bus hook: drop the entry an `access.changed` event names (everything on a resync)."""
        if ev.get("type") == ACCESS_EVENT:
            self.invalidate(str(ev.get("data", {}).get("key") or "") or None)
        elif ev.get("type") == "resync":
            self.invalidate()


def announce_change(bus: Any, session: Session, key: str) -> None:
    """Tell every center process (when `session` commits) that the principal `key` changed."""
    bus.publish(session, ACCESS_EVENT, {"key": key})


def terminal_key(terminal_id: uuid.UUID | str) -> str:
    return f"terminal:{terminal_id}"


def staff_key(staff_id: uuid.UUID | str) -> str:
    return f"staff:{staff_id}"
