"""`hall public`: the citizens' phone pages as a small ASGI app that reads only the center's public API.

Routes: `GET /t/{token}` the ticket page (zh_CN by default, `?lang=en`), `GET /t/{token}/events` its live
updates (Server-Sent Events: `event: state`, the new live part of the page), `GET /health`.
Every answer: no caching, no referrer (the token is in the URL), a script and style nonce for the CSP."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse

from app import __version__
from app.domain.public_link import is_token
from app.public import pages
from app.public.hub import Hub
from app.public.texts import language, text

log = logging.getLogger("hall.public")
HEARTBEAT_S = 15.0  # an SSE comment this often keeps proxies (and WeChat) from closing a quiet page


def _headers(nonce: str) -> dict[str, str]:
    return {
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": (
            f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; connect-src 'self'; "
            "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        ),
    }


def create_public_app(center_url: str, *, hub: Hub | None = None, verify: bool | str = True) -> FastAPI:
    the_hub = hub or Hub(center_url, verify=verify)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await the_hub.start()
        yield
        await the_hub.stop()

    app = FastAPI(title="Hall public pages", version=__version__, lifespan=lifespan, openapi_url=None,
                  docs_url=None, redoc_url=None)
    app.state.hub = the_hub

    from app.public.booking import install_booking

    install_booking(app, the_hub)  # issue 18: appointments (/b, /h, /a)

    @app.get("/health")
    async def health() -> JSONResponse:
        return JSONResponse({"ok": True, "center_stream": the_hub.connected, "open_pages": len(the_hub.pages)})

    @app.get("/")
    async def index(lang: str | None = None) -> HTMLResponse:
        nonce = secrets.token_urlsafe(12)
        return HTMLResponse(pages.index(language(lang), nonce), headers=_headers(nonce))

    @app.get("/t/{token}")
    async def ticket_page(token: str, lang: str | None = None) -> HTMLResponse:
        lang_ = language(lang)
        nonce = secrets.token_urlsafe(12)
        state: dict[str, Any] | None = None
        down = False
        if is_token(token):
            try:
                state = await the_hub.state(token)
            except httpx.HTTPError as exc:
                log.info("center unreachable for a page: %s", exc)
                down = True
        status = 503 if down else (200 if state is not None else 404)
        return HTMLResponse(
            pages.page(state, lang_, token=token, nonce=nonce, down=down), status_code=status, headers=_headers(nonce)
        )

    @app.get("/c/{token}")
    async def case_page(token: str, lang: str | None = None) -> HTMLResponse:
        """A notice's QR code: the form for the ID number's last six characters (nothing is shown before)."""
        nonce = secrets.token_urlsafe(12)
        return HTMLResponse(pages.case_form(language(lang), nonce), headers=_headers(nonce))

    @app.post("/c/{token}")
    async def case_check(token: str, request: Request, lang: str | None = None) -> HTMLResponse:
        lang_ = language(lang)
        nonce = secrets.token_urlsafe(12)
        form = parse_qs((await request.body())[:1000].decode("utf-8", "replace"))
        tail = (form.get("id_tail") or [""])[0].strip().upper()
        if not is_token(token):
            return HTMLResponse(
                pages.case_form(lang_, nonce, error=text("case_not_found", lang_)), 404, headers=_headers(nonce)
            )
        try:
            status, got = await the_hub.case(token, tail)
        except httpx.HTTPError as exc:
            log.info("center unreachable for a case page: %s", exc)
            return HTMLResponse(
                pages.case_form(lang_, nonce, error=text("center_down", lang_)), 503, headers=_headers(nonce)
            )
        if status == 200:
            return HTMLResponse(pages.case_view(got, lang_, nonce), headers=_headers(nonce))
        if status == 429:
            error = text("case_blocked", lang_, minutes=max(1, -(-int(got.get("retry_after", 60)) // 60)))
        elif status == 404:
            error = text("case_not_found", lang_)
        else:
            error = text("case_wrong", lang_)
        return HTMLResponse(pages.case_form(lang_, nonce, error=error), status, headers=_headers(nonce))

    @app.get("/t/{token}/rate")
    async def rating_page(token: str, lang: str | None = None) -> HTMLResponse:
        """一事一评 from the phone: the GB/T 39734 levels, the reasons of a bad rating, once per visit."""
        lang_ = language(lang)
        nonce = secrets.token_urlsafe(12)
        state = await the_hub.read(token) if is_token(token) else None
        if state is None:
            return HTMLResponse(pages.rating_done(text("not_found", lang_), lang_, nonce), 404, headers=_headers(nonce))
        if state.get("status") != "done":
            return HTMLResponse(pages.rating_done(text("rate_not_served", lang_), lang_, nonce, state.get("hall", "")), 409, headers=_headers(nonce))
        if not state.get("rateable"):
            return HTMLResponse(pages.rating_done(text("rate_already", lang_), lang_, nonce, state.get("hall", "")), headers=_headers(nonce))
        return HTMLResponse(pages.rating_form(state, lang_, nonce), headers=_headers(nonce))

    @app.post("/t/{token}/rate")
    async def rating_send(token: str, request: Request, lang: str | None = None) -> HTMLResponse:
        lang_ = language(lang)
        nonce = secrets.token_urlsafe(12)
        form = parse_qs((await request.body())[:4000].decode("utf-8", "replace"))
        state = await the_hub.read(token) if is_token(token) else None
        if state is None:
            return HTMLResponse(pages.rating_done(text("not_found", lang_), lang_, nonce), 404, headers=_headers(nonce))
        hall = state.get("hall", "")
        level = (form.get("level") or [""])[0]
        if level not in ("1", "2", "3", "4", "5"):
            return HTMLResponse(pages.rating_form(state, lang_, nonce, error=text("rate_pick", lang_)), 422, headers=_headers(nonce))
        status, _ = await the_hub.rate(
            token, int(level), form.get("reason") or [], (form.get("comment") or [""])[0][:500]
        )
        if status in (200, 201):
            message, code = text("rate_thanks", lang_), 200
        elif status == 409 and state.get("status") != "done":
            message, code = text("rate_not_served", lang_), 409
        else:
            message, code = text("rate_already", lang_), 409
        return HTMLResponse(pages.rating_done(message, lang_, nonce, hall), code, headers=_headers(nonce))

    @app.get("/t/{token}/events")
    async def ticket_events(token: str, request: Request, lang: str | None = None) -> Response:
        if not is_token(token):
            return Response(status_code=404)
        lang_ = language(lang)
        try:
            q, state = await the_hub.open(token)
        except httpx.HTTPError:
            return Response(status_code=503, headers={"Retry-After": "5"})

        def frame(st: dict[str, Any] | None) -> str:
            data = {
                "html": pages.live(st, lang_, token=token),
                "title": pages.title(st, lang_),
                "status": (st or {}).get("status", "none"),
                "alert": pages.alert(st),
                "key": pages.state_key(st),
            }
            return f"event: state\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"

        async def stream() -> AsyncIterator[str]:
            try:
                yield "retry: 3000\n\n" + frame(state)
                while True:
                    try:
                        async with asyncio.timeout(HEARTBEAT_S):
                            st = await q.get()
                    except TimeoutError:
                        if await request.is_disconnected():
                            return
                        yield ": keep-alive\n\n"
                        continue
                    yield frame(st)
            finally:
                the_hub.close(token, q)

        return StreamingResponse(
            stream(),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no", "Referrer-Policy": "no-referrer"},
        )

    return app
