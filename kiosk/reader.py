"""The kiosk's ID-card reader: one owner thread (the driver's CardPoller) feeding the shell's CardBridge
signals; the reader's state for the health report."""

from __future__ import annotations

import logging
import threading
from typing import Any

log = logging.getLogger("hall.kiosk")


class KioskReader:
    def __init__(self, url: str, bridge: Any) -> None:
        self.url, self.bridge = url, bridge
        self.ok: bool | None = None
        self.note = ""
        self.poller: Any = None
        self._lock = threading.Lock()

    def start(self) -> KioskReader:
        if self.url in ("", "none"):
            self.note = "no reader configured"
            return self
        from app.devices.idcard import CardPoller, open_reader

        try:
            reader = open_reader(self.url)
        except Exception as exc:  # a missing or unplugged reader: the kiosk runs on, the banner says so
            self._set(False, str(exc))
            log.error("ID-card reader %s unavailable: %s", self.url, exc)
            return self
        self._set(True, "")
        self.poller = CardPoller(reader, on_placed=self._placed, on_removed=self._removed, on_error=self._error)
        self.poller.start()
        return self

    def _set(self, ok: bool | None, note: str) -> None:
        with self._lock:
            self.ok, self.note = ok, note

    def _placed(self, card: Any) -> None:
        self._set(True, "")
        self.bridge.placed.emit(card.id_number, card.name)

    def _removed(self) -> None:
        self.bridge.removed.emit()

    def _error(self, exc: BaseException) -> None:
        self._set(False, str(exc))
        self.bridge.failed.emit(str(exc))

    def state(self) -> tuple[bool | None, str]:
        with self._lock:
            return self.ok, self.note

    def stop(self) -> None:
        if self.poller is not None:
            self.poller.stop()


def start_reader(url: str, bridge: Any) -> KioskReader:
    return KioskReader(url, bridge).start()
