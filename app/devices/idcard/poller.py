"""One owner thread per reader: polls for a card, reports each placement once (not again while the same
card lies on the reader), its removal, and reader faults (with a growing pause before retrying)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from app.devices.idcard.card import IdCard
from app.devices.idcard.errors import CardRemoved, IdCardError
from app.devices.idcard.reader import IdCardReader

log = logging.getLogger("hall.device.idcard")


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
    ) -> None:
        self.reader, self.on_placed = reader, on_placed
        self.on_removed, self.on_error = on_removed, on_error
        self.interval_s, self.max_backoff_s = interval_s, max_backoff_s
        self.present: str | None = None  # id number of the card lying on the reader
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="hall-idcard", daemon=True)

    def start(self) -> CardPoller:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def poll_once(self) -> None:
        """One round: find; if a new card, select and read it."""
        if not self.reader.find():
            if self.present is not None:
                self.present = None
                if self.on_removed:
                    self.on_removed()
            return
        if self.present is not None:
            return  # the same card still lies there: nothing new to report
        self.reader.select()
        card = self.reader.read_once()
        self.present = card.id_number
        self.on_placed(card)

    def _run(self) -> None:
        pause = self.interval_s
        while not self._stop.is_set():
            try:
                self.poll_once()
                pause = self.interval_s
            except CardRemoved as exc:
                self.present = None
                if self.on_error:
                    self.on_error(exc)
                pause = self.interval_s
            except IdCardError as exc:
                log.warning("ID-card reader fault: %s", exc)
                if self.on_error:
                    self.on_error(exc)
                pause = min(self.max_backoff_s, max(pause * 2, 0.5))
            self._stop.wait(pause)
