"""The terminal's state as immutable snapshots: who publishes replaces the whole snapshot, subscribers get
each new one (on the publisher's thread: a Qt bridge queues it to the GUI thread)."""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger("hall.runtime")


@dataclass(frozen=True)
class TicketRef:
    id: str
    number: str
    status: str = "called"

    @classmethod
    def of(cls, ticket: dict[str, Any] | None) -> TicketRef | None:
        if not ticket:
            return None
        return cls(str(ticket["id"]), str(ticket["number"]), str(ticket.get("status") or "called"))


@dataclass(frozen=True)
class DeviceHealth:
    name: str  # "printer", "reader"
    ok: bool | None  # None: not known yet
    note: str = ""


@dataclass(frozen=True)
class TerminalState:
    online: bool = False
    synced_once: bool = False  # at least one sync round finished (online or not)
    offline_since: str | None = None
    last_sync_at: str | None = None
    last_error: str | None = None
    pending_ops: int = 0
    rejected_ops: int = 0
    cursor: int = 0  # pulled up to this change of the center's log
    current_ticket: TicketRef | None = None
    devices: tuple[DeviceHealth, ...] = ()
    version: int = 0

    def device(self, name: str) -> DeviceHealth | None:
        return next((d for d in self.devices if d.name == name), None)


Subscriber = Callable[[TerminalState, TerminalState], None]  # (new, old)


class StateStore:
    def __init__(self, initial: TerminalState | None = None) -> None:
        self._state = initial or TerminalState()
        self._lock = threading.Lock()
        self._subscribers: list[Subscriber] = []

    def get(self) -> TerminalState:
        return self._state

    def update(self, **changes: Any) -> TerminalState:
        return self.apply(lambda _old: changes)

    def apply(self, change: Callable[[TerminalState], dict[str, Any]]) -> TerminalState:
        """Replace the snapshot by `change(old)`'s fields, atomically; subscribers see (new, old)."""
        with self._lock:
            old = self._state
            new = dataclasses.replace(old, **change(old), version=old.version + 1)
            self._state = new
            subscribers = list(self._subscribers)
        for fn in subscribers:
            try:
                fn(new, old)
            except Exception:  # a subscriber's bug must not stop the publisher
                log.exception("state subscriber failed")
        return new

    def set_device(self, name: str, ok: bool | None, note: str = "") -> TerminalState:
        health = DeviceHealth(name, ok, note)
        return self.apply(lambda old: {"devices": (*(d for d in old.devices if d.name != name), health)})

    def subscribe(self, fn: Subscriber) -> Callable[[], None]:
        with self._lock:
            self._subscribers.append(fn)

        def unsubscribe() -> None:
            with self._lock:
                if fn in self._subscribers:
                    self._subscribers.remove(fn)

        return unsubscribe
