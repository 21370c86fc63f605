"""A recall reaches the queue screen: through the real center, its event stream, the board's view model
and the voice queue, a recalled number is shown again and spoken again; a finish clears the window."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx

from app.devices.voice import Announcer
from app.domain.announce import call_text
from app.domain.events import Event
from app.views.queue_board import QueueBoard
from tests.support.center import CenterServer, seed_minimal


class Recorder:
    name = "recorder"

    def __init__(self) -> None:
        self.said: list[str] = []

    def speak(self, text: str) -> None:
        self.said.append(text)


def test_a_recall_is_shown_and_spoken_again(db_url: str, tmp_path: Any) -> None:
    from websockets.sync.client import connect

    with CenterServer(db_url, tmp_path) as center:
        seed_minimal(center.db)
        login = httpx.post(
            f"{center.url}/api/v1/auth/login", json={"username": "clerk01", "password": "clerk", "window": 1}
        ).json()
        api = httpx.Client(
            base_url=f"{center.url}/api/v1", headers={"Authorization": f"Bearer {login['token']}"}
        )
        board, speaker = QueueBoard(), Recorder()
        voice = Announcer(speaker, repeat=1, pause_s=0)
        with connect(center.url.replace("http", "ws") + f"/api/v1/events?token={login['token']}") as ws:

            def feed_until(kind: Event) -> None:
                deadline = time.monotonic() + 10
                while time.monotonic() < deadline:
                    ev = json.loads(ws.recv(timeout=10))
                    for text in board.apply(ev):
                        voice.announce(text)
                    if ev["type"] == kind:
                        return
                raise AssertionError(f"no {kind} on the stream")

            feed_until(Event.SNAPSHOT)
            api.post("/windows/1/open")
            api.post("/tickets", json={"category": "A"})
            ticket = api.post("/windows/1/call-next").json()["ticket"]
            feed_until(Event.TICKET_CALLED)
            assert api.post(f"/tickets/{ticket['id']}/recall").status_code == 200
            feed_until(Event.TICKET_RECALLED)
            assert voice.wait_idle(10)
            assert speaker.said == [call_text("A001", 1)] * 2  # spoken at the call and again at the recall
            assert [(c.number, c.window) for c in board.recent[:2]] == [("A001", 1), ("A001", 1)]
            assert board.windows[1].ticket == "A001"
            api.post(f"/tickets/{ticket['id']}/finish")
            feed_until(Event.TICKET_FINISHED)
            assert board.windows[1].ticket is None
        voice.close(5)
