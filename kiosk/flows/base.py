"""What every flow shares: a state name, one message for the citizen, and wiping personal data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Flow:
    name = "flow"
    state: str = ""

    def __init__(self) -> None:
        self.message: str = ""  # a plain sentence for the citizen about the last thing that went wrong
        self.detail: str = ""  # the system's own words (shown smaller)
        self.in_flight: str | None = None  # the blocking step running now (the flow owns it, not the page)

    # ---- what is in flight
    def pending(self) -> tuple[str, Callable[[], None]] | None:
        """The blocking step the current state calls for, if any (issuing → issue …). To override."""
        return None

    def next_step(self) -> Callable[[], None] | None:
        """Claim the step the state calls for: a callable to run once off the GUI thread, or None when
        nothing is due or a step is already in flight. A page re-rendered, a double tap, a card event or a
        language switch asks again and gets None: never a second request, never a second print."""
        if self.in_flight is not None:
            return None
        due = self.pending()
        if due is None:
            return None
        name, step = due
        self.in_flight = name

        def run() -> None:
            try:
                step()
            finally:
                self.in_flight = None

        return run

    def fail(self, state: str, message: str, detail: str = "") -> None:
        self.state, self.message, self.detail = state, message, detail

    def clear_message(self) -> None:
        self.message = self.detail = ""

    def wipe(self) -> None:
        """Forget every personal detail of the visit (idle timeout, back to home)."""
        for key in self.personal:
            value = getattr(self, key, None)
            setattr(self, key, "" if isinstance(value, str) else None)
        self.clear_message()

    personal: frozenset[str] = frozenset()

    def snapshot(self) -> dict[str, Any]:
        """For tests and logs: the state and which personal fields are still held (never their values)."""
        return {"flow": self.name, "state": self.state, "holding": sorted(k for k in self.personal if getattr(self, k, None))}
