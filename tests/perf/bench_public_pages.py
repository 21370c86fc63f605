"""A hall's morning on the citizens' phones: `python tests/perf/bench_public_pages.py [--db sqlite|postgresql]
[--pages 2000] [--rounds 10]`.

A center (`hall center --seed-demo`) and the phone pages (`hall public --center …`) run as their own
processes. 2,000 tickets are issued and each one's page is held open by a phone (an SSE stream, as the
page's script opens it). Then the 12 windows call, round after round, each clerk at once: call next,
start, finish. Measured: from sending call-next to the called ticket's phone receiving 「请到N号窗口」
(its state `called`), and, for every other open page of the called category, from the call to the
page's new place in the queue. Target: p95 of the call reaching the phone ≤ 1 s with 2,000 pages open.
Baseline: Qmatic's Mobile Ticket and the open-source hall pages poll every 10 to 30 s (on average half of
it: 5 to 15 s).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import httpx
import psycopg

from app.center.embedded import free_port
from tests.perf.result import emit

PG_ADMIN = os.environ.get("HALL_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class Phone:
    """One open page: an SSE stream on `hall public`, with when each state arrived."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.states: list[tuple[float, dict[str, Any]]] = []
        self.ready = asyncio.Event()
        self.called_at: float | None = None

    async def run(self, host: str, port: int) -> None:
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(
            f"GET /t/{self.token}/events HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n".encode()
        )
        await writer.drain()
        try:
            status = await reader.readline()
            if b" 200 " not in status:
                raise RuntimeError(f"the page answered {status!r}")
            while True:
                line = await reader.readline()
                if not line:
                    return
                if line.startswith(b"data: "):
                    data = json.loads(line[6:])
                    now = time.perf_counter()
                    self.states.append((now, data))
                    if data["status"] == "called" and self.called_at is None:
                        self.called_at = now
                    self.ready.set()
        finally:
            writer.close()


async def morning(center: str, public_port: int, pages: int, rounds: int) -> dict[str, list[float]]:
    async with httpx.AsyncClient(base_url=f"{center}/api/v1", timeout=30) as api:
        manager = (await api.post("/auth/login", json={"username": "manager", "password": "manager"})).json()
        auth = {"Authorization": f"Bearer {manager['token']}"}
        snap = (await api.get("/queue", headers=auth)).json()
        windows = [w["number"] for w in snap["windows"]]
        clerks = {}
        for n in windows:
            got = (
                await api.post("/auth/login", json={"username": f"clerk{n:02d}", "password": "clerk", "window": n})
            ).json()
            clerks[n] = {"Authorization": f"Bearer {got['token']}"}
            (await api.post(f"/windows/{n}/open", headers=clerks[n])).raise_for_status()
        categories = sorted({c for w in snap["windows"] for c in w["categories"]})
        by_id: dict[str, str] = {}
        category_of: dict[str, str] = {}
        sem = asyncio.Semaphore(16)

        async def issue(i: int) -> None:
            async with sem:
                r = await api.post("/tickets", json={"category": categories[i % len(categories)]}, headers=auth)
                r.raise_for_status()
                got = r.json()
                by_id[got["id"]] = got["url"].rsplit("/", 1)[1]
                category_of[by_id[got["id"]]] = got["category"]

        t0 = time.perf_counter()
        await asyncio.gather(*(issue(i) for i in range(pages)))
        print(f"issued {pages} tickets in {time.perf_counter() - t0:.1f} s", flush=True)
        phones = {tok: Phone(tok) for tok in by_id.values()}
        t0 = time.perf_counter()
        tasks = []
        for i, phone in enumerate(phones.values()):
            tasks.append(asyncio.create_task(phone.run("127.0.0.1", public_port)))
            if i % 100 == 99:
                await asyncio.sleep(0.05)  # phones open over time, not in one instant
        try:
            await asyncio.wait_for(asyncio.gather(*(p.ready.wait() for p in phones.values())), float(os.environ.get("BENCH_OPEN_S", "120")))
        except TimeoutError:
            failed = [t.exception() for t in tasks if t.done() and t.exception() is not None]
            raise SystemExit(f"pages did not open: {len(failed)} failed, first: {failed[:1]!r}") from None
        print(f"{len(phones)} pages open in {time.perf_counter() - t0:.1f} s", flush=True)
        await asyncio.sleep(1.0)
        call_latency: list[float] = []
        place_latency: list[float] = []

        async def serve(n: int) -> None:
            sent = time.perf_counter()
            r = await api.post(f"/windows/{n}/call-next", headers=clerks[n])
            if r.status_code == 204:
                return
            r.raise_for_status()
            ticket = r.json()["ticket"]
            phone = phones.get(by_id.get(ticket["id"], ""))
            others = [  # the called category's waiting pages: each moves up one place
                p for p in phones.values()
                if p is not phone and category_of[p.token] == ticket["category"]
                and p.states and p.states[-1][1]["status"] == "waiting"
            ]
            before = {p.token: len(p.states) for p in others}
            deadline = sent + 10
            while phone is not None and phone.called_at is None and time.perf_counter() < deadline:
                await asyncio.sleep(0.005)
            if phone is not None and phone.called_at is not None:
                call_latency.append(phone.called_at - sent)
            until = time.perf_counter() + 3  # every page of the category moves up one place
            while time.perf_counter() < until and any(len(p.states) <= before[p.token] for p in others):
                await asyncio.sleep(0.01)
            for p in others:
                if len(p.states) > before[p.token]:
                    place_latency.append(p.states[before[p.token]][0] - sent)
            await api.post(f"/tickets/{ticket['id']}/start", headers=clerks[n])
            await api.post(f"/tickets/{ticket['id']}/finish", headers=clerks[n])

        for rnd in range(rounds):
            await asyncio.gather(*(serve(n) for n in windows))
            print(f"round {rnd + 1}: {len(call_latency)} calls measured", flush=True)
        for t in tasks:
            t.cancel()
        return {"call": call_latency, "place": place_latency}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", choices=["sqlite", "postgresql"], default="postgresql")
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=10)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="hall-public-bench-"))
    name = f"hall_pub_{uuid.uuid4().hex[:8]}"
    if args.db == "postgresql":
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + f"/{name}"
    else:
        url = f"sqlite:///{tmp / 'center.db'}"
    port, public_port = free_port(), free_port()
    center = f"http://127.0.0.1:{port}"
    env = dict(os.environ, HALL_DATA_DIR=str(tmp / "center"), HALL_PUBLIC_URL=f"http://127.0.0.1:{public_port}")
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "app.cli.main", "center", "--db", url, "--port", str(port), "--seed-demo"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
    ]
    try:
        for _ in range(150):
            try:
                httpx.get(f"{center}/api/v1/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "app.cli.main", "public", "--center", center, "--port", str(public_port)],
                env=dict(env, HALL_DATA_DIR=str(tmp / "public")), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
        )
        for _ in range(150):
            try:
                if httpx.get(f"http://127.0.0.1:{public_port}/health", timeout=1).json()["center_stream"]:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        got = asyncio.run(morning(center, public_port, args.pages, args.rounds))
    finally:
        for p in reversed(procs):
            p.terminate()
            try:
                p.wait(20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait(5)
        if args.db == "postgresql":
            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    calls, places = got["call"], got["place"]
    if not calls:
        raise SystemExit("no call reached a phone")
    print(
        f"call → phone ({len(calls)} calls, {args.pages} pages open, {args.db}): median "
        f"{statistics.median(calls) * 1000:.0f} ms, p95 {p95(calls) * 1000:.0f} ms, max {max(calls) * 1000:.0f} ms"
    )
    if places:
        print(
            f"call → the other pages' new place ({len(places)} updates): median "
            f"{statistics.median(places) * 1000:.0f} ms, p95 {p95(places) * 1000:.0f} ms"
        )
    emit(
        f"call → 「请到N号窗口」 on the phone, {args.pages} pages open ({args.db})",
        f"p95 {p95(calls) * 1000:.0f} ms (median {statistics.median(calls) * 1000:.0f} ms, {len(calls)} calls)",
        "p95 ≤ 1 s",
        "pages that poll every 10–30 s: 5–15 s on average",
    )
    if places:
        emit(
            f"call → people ahead updated on the category's other pages ({args.db})",
            f"p95 {p95(places) * 1000:.0f} ms ({len(places)} page updates)",
            "",
            "pages that poll every 10–30 s: 5–15 s on average",
        )


if __name__ == "__main__":
    main()
