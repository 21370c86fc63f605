"""Two center processes on one PostgreSQL: kiosks and windows work through both at once → no number
issued twice, no ticket called twice, every ticket called; a call at one process reaches the other's
WebSocket subscribers (LISTEN/NOTIFY); the login rate limit is shared (in the database)."""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.center.embedded import free_port


def _start(db: str, data: Path, *extra: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = dict(os.environ, HALL_DATA_DIR=str(data))
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli.main", "center", "--db", db, "--port", str(port), *extra],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    deadline = time.monotonic() + 90
    while True:
        try:
            httpx.get(f"{base}/health", timeout=1).raise_for_status()
            return proc, base
        except httpx.HTTPError:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "center did not start"
            time.sleep(0.3)


@pytest.fixture
def two_centers(pg_url: str, tmp_path: Path) -> Iterator[list[str]]:
    first, a = _start(pg_url, tmp_path, "--seed-demo")  # migrates and seeds, then the second joins
    second, b = _start(pg_url, tmp_path)
    try:
        yield [a, b]
    finally:
        for proc in (first, second):
            proc.terminate()
            proc.wait(15)


def _token(base: str, user: str, password: str, window: int | None = None) -> str:
    r = httpx.post(f"{base}/auth/login", json={"username": user, "password": password, "window": window})
    r.raise_for_status()
    return str(r.json()["token"])


def test_kiosks_and_windows_through_two_processes(two_centers: list[str]) -> None:
    from websockets.sync.client import connect

    a, b = two_centers
    seen_at_b: list[dict[str, object]] = []
    listening = threading.Event()
    stop = threading.Event()

    def subscriber() -> None:
        token = _token(b, "manager", "manager")
        with connect(b.replace("http", "ws") + f"/events?token={token}") as ws:
            while not stop.is_set():
                try:
                    ev = json.loads(ws.recv(timeout=0.5))
                except TimeoutError:
                    continue
                if ev["type"] == "snapshot":
                    listening.set()
                seen_at_b.append(ev)

    sub = threading.Thread(target=subscriber, daemon=True)
    sub.start()
    assert listening.wait(15)

    issued: list[tuple[str, str]] = []
    called: collections.Counter[str] = collections.Counter()
    called_via_a: set[str] = set()
    errors: list[str] = []
    lock = threading.Lock()
    kiosks_done = threading.Event()

    def kiosk(k: int) -> None:
        base = (a, b)[k % 2]
        http = httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {_token(base, 'manager', 'manager')}"}
        )
        for i in range(12):
            r = http.post("/tickets", json={"category": "AB"[(k + i) % 2]})
            with lock:
                if r.status_code == 201:
                    issued.append((r.json()["category"], r.json()["number"]))
                else:
                    errors.append(f"issue {r.status_code} {r.text}")

    def window(n: int, via: int) -> None:
        base = (a, b)[via]
        http = httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {_token(base, f'clerk{n:02d}', 'clerk', n)}"}
        )
        http.post(f"/windows/{n}/open").raise_for_status()
        while True:
            r = http.post(f"/windows/{n}/call-next")
            if r.status_code == 204:
                if kiosks_done.is_set():
                    return
                time.sleep(0.05)
                continue
            if r.status_code != 200:
                with lock:
                    errors.append(f"call {r.status_code} {r.text}")
                return
            t = r.json()["ticket"]
            with lock:
                called[t["id"]] += 1
                if via == 0:
                    called_via_a.add(t["number"])
            http.post(f"/tickets/{t['id']}/finish").raise_for_status()

    kiosks = [threading.Thread(target=kiosk, args=(k,)) for k in range(4)]
    windows = [threading.Thread(target=window, args=(n, i % 2)) for i, n in enumerate((1, 2, 11, 5, 6))]
    for t in kiosks + windows:
        t.start()
    for t in kiosks:
        t.join(120)
    kiosks_done.set()
    for t in windows:
        t.join(120)
    time.sleep(0.5)
    stop.set()
    sub.join(5)

    assert errors == []
    assert len(issued) == 48 and len(set(issued)) == 48, "a number was issued twice"
    assert len(called) == 48 and max(called.values()) == 1, "a ticket was called twice, or one never"
    called_events_at_b = {
        str(ev["data"]["number"])  # type: ignore[index]
        for ev in seen_at_b
        if ev["type"] == "ticket.called"
    }
    assert called_via_a and called_via_a <= called_events_at_b, "calls at A did not reach B's subscriber"


def test_the_login_rate_limit_is_shared(two_centers: list[str]) -> None:
    a, b = two_centers
    for _ in range(5):
        assert (
            httpx.post(f"{a}/auth/login", json={"username": "manager", "password": "wrong"}).status_code
            == 401
        )
    r = httpx.post(f"{b}/auth/login", json={"username": "manager", "password": "manager"})
    assert r.status_code == 429, "the other process did not know of the failed logins"
