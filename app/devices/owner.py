"""Device drivers bound to one owner thread: once bound, a driver method called from any other thread
refuses with `WrongThread` instead of interleaving bytes with the owner's job on the same line."""

from __future__ import annotations

import threading

from app.errors import HallError


class WrongThread(HallError):
    """A driver method was called from a thread that does not own the device (a bug, never an operator's)."""

    def __init__(self, device: str, owner: str, caller: str) -> None:
        super().__init__(
            f"{device} belongs to the thread {owner!r}; it was called from {caller!r} (submit the job to its "
            "owner thread instead)",
            code="wrong_thread",
        )


class ThreadBound:
    """Mixin: `bind_owner(thread)` once; then `check_owner()` at the top of every method that talks to the
    device. Unbound drivers (a CLI reading one card) run on whatever thread calls them."""

    _owner_thread: threading.Thread | None = None

    def bind_owner(self, thread: threading.Thread | None) -> None:
        self._owner_thread = thread

    @property
    def owner_thread(self) -> threading.Thread | None:
        return self._owner_thread

    def check_owner(self) -> None:
        owner = self._owner_thread
        if owner is not None and threading.current_thread() is not owner:
            raise WrongThread(repr(self), owner.name, threading.current_thread().name)
