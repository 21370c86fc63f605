"""A simulated reader behind a TCP socket, so `socket://host:port` (pyserial) is driven over a real socket
with the real bytes: `hall idcard sim --listen 127.0.0.1:PORT`, and the tests. Each connection gets its own
line (a SimPort) to the same device; with `baud`, answers leave at that line speed."""

from __future__ import annotations

import logging
import select
import socket
import threading
import time
from types import TracebackType

from app.devices.idcard.errors import IdCardError
from app.devices.idcard.sim import SimReader

log = logging.getLogger("hall.device.idcard")


class IdCardPeer:
    def __init__(self, host: str, port: int, device: SimReader, *, baud: int | None = None) -> None:
        self.device, self.baud = device, baud
        self.sock = socket.create_server((host, port))
        self.host, self.port = self.sock.getsockname()[:2]
        self.url = f"socket://{self.host}:{self.port}"
        self._stop = threading.Event()
        self._clients: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, name=f"idcard-peer:{self.port}", daemon=True)

    def start(self) -> IdCardPeer:
        self._thread.start()
        log.info("simulated ID-card reader listening at %s", self.url)
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
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._clients.add(conn)
            threading.Thread(
                target=self._client,
                args=(conn,),
                name=f"idcard-peer:{self.port}:client",
                daemon=True,
            ).start()

    def _client(self, conn: socket.socket) -> None:
        try:
            line = self.device.connect(self.baud)
        except IdCardError:  # an unplugged simulated reader: the connection drops at once
            conn.close()
            return
        line.timeout = 0  # read only what has arrived by now
        try:
            with conn:
                while not self._stop.is_set():
                    due = line.next_due()
                    # wake when the next answer byte is readable (in steps of at least 1 ms)
                    wait = 0.2 if due is None else min(0.2, max(0.001, due - time.monotonic()))
                    readable, _, _ = select.select([conn], [], [], wait)
                    if readable:
                        data = conn.recv(4096)
                        if not data:
                            return
                        line.write(data)
                    out = line.read(1 << 16)
                    if out:
                        conn.sendall(out)
        except OSError as exc:  # the client went away, or the simulated reader was unplugged
            log.debug("ID-card peer %s: connection ended: %s", self.url, exc)
        finally:
            line.close()
            with self._lock:
                self._clients.discard(conn)

    def stop(self) -> None:
        self._stop.set()
        self.sock.close()
        with self._lock:
            for conn in list(self._clients):
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        if self._thread.is_alive():
            self._thread.join(2)

    def __enter__(self) -> IdCardPeer:
        return self.start()

    def __exit__(
        self,
        t: type[BaseException] | None,
        e: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
