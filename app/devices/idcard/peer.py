"""A simulated reader behind a TCP socket, so `socket://host:port` (pyserial) is driven over a real
socket with the real bytes: `hall idcard sim --listen 127.0.0.1:PORT`, and the tests."""

from __future__ import annotations

import logging
import socket
import threading

from app.devices.idcard.sim import SimPort, SimReader

log = logging.getLogger("hall.device.idcard")


class IdCardPeer:
    def __init__(self, device: SimReader, host: str = "127.0.0.1", port: int = 0, baud: int | None = None) -> None:
        self.device, self.baud = device, baud
        self.sock = socket.create_server((host, port))
        self.host, self.port = self.sock.getsockname()[:2]
        self.url = f"socket://{self.host}:{self.port}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="hall-idcard-peer", daemon=True)

    def start(self) -> IdCardPeer:
        self._thread.start()
        return self

    def _serve(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _addr = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._client, args=(conn,), daemon=True).start()

    def _client(self, conn: socket.socket) -> None:
        line = SimPort(self.device, self.baud)
        line.timeout = 0  # answers are made synchronously by write(): no waiting for them
        conn.settimeout(0.2)
        with conn:
            while not self._stop.is_set():
                try:
                    data = conn.recv(4096)
                    if not data:
                        return
                    line.write(data)
                    out = line.read(1 << 16)  # paced at the line's baud rate when one is set
                    if out:
                        conn.sendall(out)
                except TimeoutError:
                    continue
                except OSError:
                    return

    def stop(self) -> None:
        self._stop.set()
        self.sock.close()
        self._thread.join(2)
