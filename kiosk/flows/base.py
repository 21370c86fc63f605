"""What every flow shares: a state name, one message for the citizen, and wiping personal data."""

from __future__ import annotations

from typing import Any


class Flow:
    name = "flow"
    state: str = ""

    def __init__(self) -> None:
        self.message: str = ""  # a plain sentence for the citizen about the last thing that went wrong
        self.detail: str = ""  # the system's own words (shown smaller)

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
