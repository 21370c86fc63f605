"""A center running inside this process (uvicorn on a thread): the demo hall and offscreen screenshots."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

from app.config import Settings
from app.store.db import Database


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class EmbeddedCenter:
    def __init__(
        self,
        settings: Settings,
        db_url: str | None = None,
        *,
        seed_demo: bool = True,
        port: int | None = None,
    ) -> None:
        from app.center.server import prepare_database

        data = settings.resolved_data_dir()
        self.settings = settings
        self.db: Database = prepare_database(
            db_url or f"sqlite:///{Path(data) / 'center.db'}", seed_demo=seed_demo
        )
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server: Any = None
        self._thread: threading.Thread | None = None

    def start(self) -> EmbeddedCenter:
        import uvicorn

        from app.center.app import create_app

        app = create_app(self.db, self.settings)
        self._server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self._thread = threading.Thread(target=self._server.run, name="hall-center", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the embedded center did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            if self._thread is not None:
                self._thread.join(10)
            self._server = None

    def close(self) -> None:
        self.stop()
        self.db.dispose()
