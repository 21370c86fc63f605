"""Connects the event stream (its own thread) to the board widget (GUI thread) and to the announcer; with a
terminal runtime, the stream's state is also published in the runtime's snapshots (device "events")."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.devices.voice import Announcer
from app.runtime import StateStore
from app.sync.event_stream import EventStream
from app.views.queue_board import QueueBoard
from ui.screen.board import BoardWidget

log = logging.getLogger("hall.ui.screen")


class ScreenController(QObject):
    event_received = Signal(dict)
    state_changed = Signal(bool, str)

    def __init__(
        self,
        widget: BoardWidget,
        stream_factory: Any,
        announcer: Announcer | None,
        state: StateStore | None = None,
    ) -> None:
        super().__init__(widget)
        self.widget, self.announcer, self.state = widget, announcer, state
        self.board = QueueBoard()
        self.event_received.connect(self._on_event)
        self.state_changed.connect(self._on_state)
        self.stream: EventStream = stream_factory(
            lambda ev: self.event_received.emit(ev),  # from the stream's thread …
            lambda ok, why: self.state_changed.emit(ok, why or ""),  # … queued to the GUI thread
        )

    def start(self) -> None:
        self.stream.start()

    def stop(self) -> None:
        self.stream.stop()
        if self.announcer is not None:
            self.announcer.close(5)

    def _on_event(self, event: dict[str, Any]) -> None:
        for text in self.board.apply(event):
            if self.announcer is not None:
                self.announcer.announce(text)
        self.board.connected = True
        self.widget.set_board(self.board)

    def _on_state(self, ok: bool, why: str) -> None:
        if self.state is not None:
            self.state.set_device("events", ok, why)
        if not ok:
            self.board.disconnected()
            log.warning("queue screen lost the center: %s", why)
            self.widget.set_board(self.board)
