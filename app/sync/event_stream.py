"""A terminal's subscription to the center's event stream: its own thread, a full snapshot first and
after every reconnect, back-off while the center is away. The Qt layer turns callbacks into signals."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger("hall.sync.events")


class EventStream:
    def __init__(
        self,
        ws_url: str,
        token_provider: Callable[[], str],
        on_event: Callable[[dict[str, Any]], None],
        on_state: Callable[[bool, str | None], None],
        *,
        max_backoff: float = 10.0,
    ) -> None:
        self.ws_url, self.token_provider = ws_url, token_provider
        self.on_event, self.on_state, self.max_backoff = on_event, on_state, max_backoff
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="hall-events", daemon=True)
        self._ws: Any = None

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        ws = self._ws
        if ws is not None:
            try:
                ws.close()
            except Exception:  # already closed
                log.debug("event stream already closed")
        self._thread.join(timeout)

    def _run(self) -> None:
        from websockets.sync.client import connect

        delay = 0.5
        while not self._stop.is_set():
            try:
                token = self.token_provider()
                with connect(f"{self.ws_url}?token={token}", open_timeout=5, close_timeout=1) as ws:
                    self._ws = ws
                    delay = 0.5
                    first = True
                    for message in ws:
                        event = json.loads(message)
                        if first:
                            self.on_state(True, None)
                            first = False
                        self.on_event(event)
                        if self._stop.is_set():
                            return
                if not self._stop.is_set():
                    self.on_state(False, "the center closed the event stream")
                    self._stop.wait(delay)
            except Exception as exc:  # the center is away: report, wait, try again with a fresh snapshot
                if self._stop.is_set():
                    return
                log.info("event stream down (%s); retrying in %.1f s", exc, delay)
                self.on_state(False, str(exc))
                self._stop.wait(delay)
                delay = min(delay * 2, self.max_backoff)
            finally:
                self._ws = None
