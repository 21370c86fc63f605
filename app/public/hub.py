"""The public pages' one view of the center: ONE subscription to the center's public event stream shared
by every open page, and the pages' states read through the center's public API only (so the process can
stand in a DMZ: it holds no database and no credential).

- An event naming a ticket (its id, or the id it was transferred from) that an open page shows: that page
  is read again at once (one small request) and pushed to its listeners: the call reaches the phone fast.
- Every queue event marks its category dirty (a window opened, paused or logged out: every category, as the
  wait estimates depend on the open windows; called, serving, idle again: nothing more); a refresher reads the
  open pages of dirty categories in batches (`POST /public/tickets`, 500 tokens a request), coalescing a
  burst of events into one pass, and pushes only the pages whose state changed.
- Without the stream (center away, or restarting) all open pages are read every `refresh_s`; after a
  reconnect (`hello`) everything is read again.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

log = logging.getLogger("hall.public")
BATCH = 500
FINAL = ("done", "cancelled")
OPEN_WINDOW = ("idle", "serving", "called")  # a window calling numbers (paused and logged_out are closed)


@dataclass
class Page:
    token: str
    state: dict[str, Any] | None = None  # the center's answer; None: no such ticket
    listeners: set[asyncio.Queue[dict[str, Any] | None]] = field(default_factory=set)
    changed_at: float = 0.0  # monotonic time of the last change pushed (the benchmark reads it)


class Hub:
    def __init__(
        self,
        center_url: str,
        *,
        refresh_s: float = 5.0,
        safety_s: float = 30.0,
        coalesce_s: float = 0.1,
        verify: bool | str = True,
    ) -> None:
        self.center_url = center_url.rstrip("/")
        self.refresh_s, self.safety_s, self.coalesce_s = refresh_s, safety_s, coalesce_s
        self.verify = verify
        self.pages: dict[str, Page] = {}
        self.by_id: dict[str, str] = {}  # ticket id → token of the page showing it
        self.connected = False
        self._dirty: set[str] = set()  # category prefixes; "*" for all
        self._window_open: dict[str, bool] = {}  # window number → open (calling numbers), as last seen
        self._wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._client: httpx.AsyncClient | None = None
        # pages opening now: read together in batches (a hall's morning opens thousands in minutes)
        self._opening: dict[str, list[asyncio.Future[dict[str, Any] | None]]] = {}
        self._opening_wake = asyncio.Event()

    # ------------------------------------------------------------------ life
    async def start(self) -> None:
        self._client = httpx.AsyncClient(
            base_url=f"{self.center_url}/api/v1/public",
            timeout=httpx.Timeout(10.0, pool=30.0),
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=32),
            verify=self.verify,
        )
        self._tasks = [
            asyncio.create_task(self._stream()),
            asyncio.create_task(self._refresher()),
            asyncio.create_task(self._opener()),
        ]

    async def stop(self) -> None:
        for t in self._tasks:
            t.cancel()
        for t in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await t
        if self._client is not None:
            await self._client.aclose()

    @property
    def client(self) -> httpx.AsyncClient:
        assert self._client is not None, "the hub is not started"
        return self._client

    # ------------------------------------------------------------------ pages
    async def read(self, token: str) -> dict[str, Any] | None:
        """The center's answer for one page (None: no such ticket); raises httpx errors when it is away."""
        r = await self.client.get(f"/tickets/{token}")
        if r.status_code == 404:
            return None
        r.raise_for_status()
        got: dict[str, Any] = r.json()
        return got

    async def case(self, token: str, id_tail: str) -> tuple[int, dict[str, Any]]:
        """The case page's answer from the center: (HTTP status, JSON); the center counts wrong tails."""
        r = await self.client.post(f"/cases/{token}", json={"id_tail": id_tail[:12]})
        if r.status_code >= 500:
            r.raise_for_status()
        got: dict[str, Any] = r.json()
        if r.status_code == 429:
            got["retry_after"] = int(r.headers.get("retry-after") or 60)
        return r.status_code, got

    async def rate(self, token: str, level: int, reasons: list[str], comment: str) -> tuple[int, dict[str, Any]]:
        """一事一评 from the phone, through the center (which keeps it to one rating per visit)."""
        r = await self.client.post(
            f"/tickets/{token}/rating", json={"level": level, "reasons": reasons[:10], "comment": comment or None}
        )
        if r.status_code >= 500:
            r.raise_for_status()
        page = self.pages.get(token)
        if page is not None and r.status_code in (200, 201):
            asyncio.get_running_loop().create_task(self._one(token))  # the page drops its rating link
        got: dict[str, Any] = r.json()
        return r.status_code, got

    async def state(self, token: str) -> dict[str, Any] | None:
        """The page's state, from the hub when the page is open, else from the center."""
        page = self.pages.get(token)
        if page is not None and page.listeners:
            return page.state
        return await self.read(token)

    async def open(self, token: str) -> tuple[asyncio.Queue[dict[str, Any] | None], dict[str, Any] | None]:
        """A listener for the page: its queue gets every new state (None: the page is gone)."""
        page = self.pages.get(token)
        if page is None:
            state = await self._first_read(token)
            page = self.pages.get(token)
            if page is None:
                page = self.pages[token] = Page(token)
                self._set(page, state, push=False)
        q: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue(maxsize=16)
        page.listeners.add(q)
        return q, page.state

    async def _first_read(self, token: str) -> dict[str, Any] | None:
        fut: asyncio.Future[dict[str, Any] | None] = asyncio.get_running_loop().create_future()
        self._opening.setdefault(token, []).append(fut)
        self._opening_wake.set()
        return await fut

    async def _opener(self) -> None:
        while True:
            await self._opening_wake.wait()
            await asyncio.sleep(0.02)  # the pages opening in the same instant: one request
            self._opening_wake.clear()
            batch, self._opening = self._opening, {}
            tokens = list(batch)
            for i in range(0, len(tokens), BATCH):
                chunk = tokens[i : i + BATCH]
                try:
                    r = await self.client.post("/tickets", json={"tokens": chunk})
                    r.raise_for_status()
                    got = r.json()["tickets"]
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # the center is away: each waiting page says so
                    for tok in chunk:
                        for fut in batch[tok]:
                            if not fut.done():
                                fut.set_exception(httpx.HTTPError(str(exc)))
                    continue
                for tok in chunk:
                    for fut in batch[tok]:
                        if not fut.done():
                            fut.set_result(got.get(tok))

    def close(self, token: str, q: asyncio.Queue[dict[str, Any] | None]) -> None:
        page = self.pages.get(token)
        if page is None:
            return
        page.listeners.discard(q)
        if not page.listeners:
            del self.pages[token]
            for tid in (page.state or {}).get("ids", []):
                if self.by_id.get(tid) == token:
                    del self.by_id[tid]

    def _set(self, page: Page, state: dict[str, Any] | None, *, push: bool = True) -> None:
        if state == page.state:
            return
        page.state = state
        for tid in (state or {}).get("ids", []):
            self.by_id[tid] = page.token
        page.changed_at = time.monotonic()
        if push:
            for q in list(page.listeners):
                if q.full():  # a stalled phone: drop its oldest state, the newest matters
                    with contextlib.suppress(asyncio.QueueEmpty):
                        q.get_nowait()
                q.put_nowait(state)

    # ------------------------------------------------------------------ events
    def handle(self, ev: dict[str, Any]) -> None:
        kind = ev.get("type")
        if kind == "hello":
            self._window_open.clear()  # events may have been lost: know the windows again
            self._mark("*")
            return
        for key in ("id", "from"):
            token = self.by_id.get(str(ev.get(key)))
            if token is not None:
                asyncio.get_running_loop().create_task(self._one(token))
        if kind == "window.status" and not self._open_windows_changed(ev):
            return  # called, serving, idle again: the same open windows (the ticket's own event says the rest)
        if kind in ("window.status", "categories.opening") or not ev.get("category"):
            self._mark("*")
        else:
            self._mark(str(ev["category"]))

    def _open_windows_changed(self, ev: dict[str, Any]) -> bool:
        """Whether a window's status event changes which windows are open (the wait estimates of every page
        depend on that): opened, paused, resumed, logged out — or a window not seen since the last hello."""
        window, now_open = str(ev.get("window")), ev.get("status") in OPEN_WINDOW
        was_open = self._window_open.get(window)
        self._window_open[window] = now_open
        return was_open is None or was_open != now_open

    def _mark(self, category: str) -> None:
        self._dirty.add(category)
        self._wake.set()

    async def _one(self, token: str) -> None:
        page = self.pages.get(token)
        if page is None:
            return
        try:
            self._set(page, await self.read(token))
        except httpx.HTTPError as exc:
            log.info("page refresh failed: %s", exc)
            self._mark("*")

    async def _stream(self) -> None:
        from websockets.asyncio.client import connect

        url = self.center_url.replace("https://", "wss://").replace("http://", "ws://") + "/api/v1/public/events"
        delay = 0.5
        while True:
            try:
                async with connect(url, open_timeout=5, close_timeout=1, max_queue=None) as ws:
                    self.connected, delay = True, 0.5
                    log.info("subscribed to the center's public events")
                    async for message in ws:
                        self.handle(json.loads(message))
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the center is away: pages are read every refresh_s meanwhile
                log.info("public event stream down (%s); retrying in %.1f s", exc, delay)
            self.connected = False
            self._mark("*")
            await asyncio.sleep(delay)
            delay = min(delay * 2, 10.0)

    async def _refresher(self) -> None:
        while True:
            timeout = self.safety_s if self.connected else self.refresh_s
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self._wake.wait()
            await asyncio.sleep(self.coalesce_s)  # a burst of events: one pass
            self._wake.clear()
            dirty, self._dirty = self._dirty or {"*"}, set()
            try:
                await self.refresh(dirty)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the center is away: try again on the next pass
                log.info("pages refresh failed: %s", exc)
                self._dirty.add("*")

    async def refresh(self, categories: set[str]) -> None:
        """Read again every open page of these categories ("*": all) that can still change."""
        every = "*" in categories
        tokens = [
            p.token
            for p in list(self.pages.values())
            if p.listeners
            and (p.state is None or p.state.get("status") not in FINAL)
            and (every or p.state is None or p.state.get("category") in categories)
        ]
        for i in range(0, len(tokens), BATCH):
            chunk = tokens[i : i + BATCH]
            r = await self.client.post("/tickets", json={"tokens": chunk})
            r.raise_for_status()
            for token, state in r.json()["tickets"].items():
                page = self.pages.get(token)
                if page is not None:
                    self._set(page, state)
