"""The phone pages for tests: `hall public`'s app on uvicorn on a free loopback port, in a thread."""

from __future__ import annotations

import threading
import time

import uvicorn

from app.center.embedded import free_port
from app.public.hub import Hub
from app.public.server import create_public_app


class PublicServer:
    def __init__(self, center_url: str, port: int | None = None, **hub: float) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.hub = Hub(center_url, **hub)
        self.app = create_public_app(center_url, hub=self.hub)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> PublicServer:
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on",
            timeout_graceful_shutdown=2,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 15
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the public pages did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.should_exit = True
            assert self._thread is not None
            self._thread.join(10)
