"""One owner thread per reader: polls for a card, reports each placement once (not again while the card
lies on the reader), its removal, and reader faults (reconnecting with a growing pause).

Two kinds of readers are handled: those that keep "finding" a card while it lies there, and those (many
real ones) that stop finding a card once it has been read, until it is lifted; for those, a select tells
whether it is still there. A card found while one is reported is read again and compared, so a card
swapped between two polls is reported as a removal and a new placement, never taken for the old one."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from app.devices.idcard.card import IdCard
from app.devices.idcard.errors import (
    CardRemoved,
    FrameError,
    IdCardError,
    ReaderTimeout,
    SamError,
)
from app.devices.idcard.reader import IdCardReader

log = logging.getLogger("hall.device.idcard")
# SW3 of faults of the reader itself (not of the card on it): worth a pause before trying again
READER_FAULT_SW3 = frozenset({0x10, 0x11, 0x21, 0x23, 0x24, 0x47, 0x60, 0x66})


class CardPoller:
    def __init__(
        self,
        reader: IdCardReader,
        *,
        on_placed: Callable[[IdCard], None],
        on_removed: Callable[[], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        interval_s: float = 0.3,
        max_backoff_s: float = 10.0,
        fingerprint: bool = False,
        name: str = "hall-idcard",
    ) -> None:
        self.reader = reader
        self.on_placed, self.on_removed, self.on_error = on_placed, on_removed, on_error
        self.interval_s, self.max_backoff_s, self.fingerprint = (
            interval_s,
            max_backoff_s,
            fingerprint,
        )
        self.present: IdCard | None = None  # the card reported as lying on the reader
        self.halting = False  # learnt: this reader stops finding a card once read
        self._last_error: tuple[type[BaseException], str] | None = None
        self._reopen = False  # the line failed: open it again before the next poll
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> CardPoller:
        self.reader.bind_owner(self._thread)  # from now on the reader answers this thread only
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop polling and wait for the thread (the reader stays open: its owner closes it)."""
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)
        if not self._thread.is_alive() and self.reader.owner_thread is self._thread:
            self.reader.bind_owner(None)  # the reader is free again (its owner closes it)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    # ---- one round
    def poll_once(self) -> None:
        r = self.reader
        found = r.find()
        if self.present is None:
            if not found and not r.card_present():
                return
            if found:
                r.select()
            self._placed(r.read_selected(self.fingerprint))
            return
        if not found:
            if r.card_present():
                self.halting = True  # it lies there, read, and the reader no longer finds it
                return
            self._removed()
            return
        # found while a card is reported: lifted and placed again (a halting reader), or still lying on
        # a reader that keeps finding it, or another card put down between two polls
        r.select()
        card = r.read_selected(self.fingerprint)
        if card == self.present and not self.halting:
            return
        self._removed()
        self._placed(card)

    # ---- callbacks (a failing callback is logged, never the end of the thread)
    def _call(self, fn: Callable[..., None] | None, *args: object) -> None:
        if fn is None:
            return
        try:
            fn(*args)
        except Exception:
            log.exception(
                "ID-card poller: the %s callback failed",
                getattr(fn, "__name__", "callback"),
            )

    def _placed(self, card: IdCard) -> None:
        self.present = card
        log.info("%s: card placed: %r", self.reader.name, card)
        self._call(self.on_placed, card)

    def _removed(self) -> None:
        if self.present is not None:
            log.info("%s: card removed", self.reader.name)
            self.present = None
            self._call(self.on_removed)

    def _error(self, exc: BaseException) -> None:
        """Report a fault once per run of the same fault (a fault repeated every poll is not news): the same
        kind and SW3, or the same kind and message when there is no SW3."""
        sw3 = getattr(exc, "sw3", None)
        key = (type(exc), str(exc) if sw3 is None else f"SW3 {sw3:02X}")
        if key != self._last_error:
            self._last_error = key
            self._call(self.on_error, exc)

    # ---- the thread
    def _run(self) -> None:
        pause = self.interval_s
        while not self._stop.is_set():
            if self._reopen:
                try:
                    self.reader.reopen()
                    self._reopen = False
                except IdCardError as exc:
                    log.info("%s: reconnecting failed: %s", self.reader.name, exc)
                    self._error(exc)
                    pause = self._backoff(pause)
                    self._stop.wait(pause)
                    continue
            try:
                self.poll_once()
            except CardRemoved as exc:  # lifted halfway through a read: the user's doing, not a fault
                log.info("%s: %s", self.reader.name, exc)
                if self.present is not None:
                    self._removed()
                else:
                    self._error(exc)
                pause = self.interval_s
            except SamError as exc:
                log.warning("%s: %s", self.reader.name, exc)
                self._error(exc)
                # a card the SAM refuses (0x31 damaged or forged …) is retried at the normal pace
                pause = self._backoff(pause) if exc.sw3 in READER_FAULT_SW3 else self.interval_s
            except (
                ReaderTimeout,
                FrameError,
            ) as exc:  # unplugged, silent or garbling: reconnect
                log.warning("%s: %s", self.reader.name, exc)
                self._error(exc)
                self._reopen = True
                pause = self._backoff(pause)
            except IdCardError as exc:
                log.warning("%s: %s", self.reader.name, exc)
                self._error(exc)
                pause = self._backoff(pause)
            except Exception as exc:  # a bug: logged and reported, and the thread goes on
                log.exception("%s: the ID-card poller failed", self.reader.name)
                self._error(exc)
                pause = self._backoff(pause)
            else:
                self._last_error = None
                pause = self.interval_s
            self._stop.wait(pause)

    def _backoff(self, pause: float) -> float:
        return min(self.max_backoff_s, max(pause * 2, self.interval_s))
