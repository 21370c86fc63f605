"""A network receipt printer peer for tests: listens on 127.0.0.1 (random port) like a printer's raw
port 9100, records every byte it receives and answers DLE EOT n status requests with set bytes."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

READY = {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12}


class TcpPrinterPeer:
    def __init__(self, status: dict[int, int] | None = None, answer: bool = True) -> None:
        self.status = dict(status or READY)
        self.answer = answer  # False: a printer that never answers status requests
        self.received = bytearray()
        self.connections = 0
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, name="tcp printer peer", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def data(self) -> bytes:
        with self._lock:
            return bytes(self.received)

    def job_bytes(self) -> bytes:
        """What was received after the leading DLE EOT status requests."""
        data = self.data()
        while len(data) >= 3 and data[:2] == b"\x10\x04" and data[2] in (1, 2, 3, 4):
            data = data[3:]
        return data

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            with conn:
                conn.settimeout(0.2)
                pending = b""
                while not self._stop.is_set():
                    try:
                        chunk = conn.recv(65536)
                    except TimeoutError:
                        continue
                    except OSError:
                        break
                    if not chunk:
                        break
                    with self._lock:
                        self.received += chunk
                    pending += chunk
                    while True:  # answer each status request in order, as a printer does
                        at = pending.find(b"\x10\x04")
                        if at < 0 or at + 2 >= len(pending):
                            pending = pending[at:] if at >= 0 else b""
                            break
                        n = pending[at + 2]
                        if self.answer and n in self.status:
                            conn.sendall(bytes([self.status[n]]))
                        pending = pending[at + 3 :]

    def close(self) -> None:
        self._stop.set()
        self._server.close()
        self._thread.join(timeout=5)


@contextmanager
def tcp_printer(status: dict[int, int] | None = None, answer: bool = True) -> Iterator[TcpPrinterPeer]:
    peer = TcpPrinterPeer(status, answer)
    try:
        yield peer
    finally:
        peer.close()
