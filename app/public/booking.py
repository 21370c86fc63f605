"""The booking routes of `hall public` (issue 18), reading and writing only through the center's public
booking API (the process holds no database and no credential):

    GET  /b                         the services that can be booked (a category, or one of its items)
    GET  /b/{cat}                   its days (free places, closed days with the holiday's name)
    GET  /b/{cat}/{day}             the day's time slots
    GET  /b/{cat}/{day}/{hhmm}      the details form (real name, ID number, phone, consent)
    POST /b/{cat}/{day}/{hhmm}      → the center checks and sends the SMS code → 303 /h/{hold}
    GET  /h/{hold}, POST /h/{hold}  the code form → the appointment → 303 /a/{token}
    GET  /a/{token}                 the appointment (code, time, masked name, ID, phone), cancel, change
    GET/POST /a/{token}/cancel      ask, then cancel
    POST /a/{token}/move            the new slot (chosen on /b/{cat}/{day}?move={token})

`?lang=en` everywhere (zh_CN by default); `?item=` the chosen item; `?move=` the appointment being moved.
The client's address goes to the center for its rate limit per client.
"""

from __future__ import annotations

import logging
import re
import secrets
from typing import Any
from urllib.parse import parse_qs

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.domain.public_link import is_token
from app.public import booking_pages as bp
from app.public.hub import Hub
from app.public.texts import language, text

log = logging.getLogger("hall.public.booking")
PREFIX_RE = re.compile(r"^[A-Za-z0-9]{1,2}$")
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HHMM_RE = re.compile(r"^\d{4}$")
ITEM_RE = re.compile(r"^[\w.\-]{1,64}$")


def _headers(nonce: str) -> dict[str, str]:
    from app.public.server import _headers as base

    return base(nonce)


def error_text(answer: dict[str, Any], lang: str) -> str:
    """The page's words for a refusal of the center (its stable `error` code and params)."""
    code = str(answer.get("error") or "")
    params = answer.get("params") or {}
    key = f"book_err_{code}"
    if code in ("no_such_hold", "no_such_appointment", "no_such_slot", "not_found", "unknown_item"):
        key = "book_err_not_found"
    from app.public.texts import T

    if key not in T:
        key = "book_err_other"
    try:
        return text(key, lang, **params)
    except (KeyError, IndexError, ValueError):
        return text("book_err_other", lang)


def install_booking(app: FastAPI, hub: Hub) -> None:
    async def center(method: str, path: str, **kw: Any) -> tuple[int, dict[str, Any]]:
        r = await hub.client.request(method, path, **kw)
        if r.status_code >= 500:
            r.raise_for_status()
        try:
            got: dict[str, Any] = r.json()
        except ValueError:
            got = {}
        return r.status_code, got

    def page(body: str, nonce: str, status: int = 200) -> HTMLResponse:
        return HTMLResponse(body, status, headers=_headers(nonce))

    def down(lang: str, nonce: str) -> HTMLResponse:
        return page(bp.message(text("center_down", lang), lang, nonce), nonce, 503)

    def item_of(data: dict[str, Any], cats: dict[str, Any] | None, item: str | None) -> str | None:
        if not item or not cats:
            return None
        for cat in cats.get("categories", []):
            if cat["category"] == data.get("category"):
                for it in cat["items"]:
                    if it["code"] == item:
                        return str(it["name"])
        return None

    async def item_name(data: dict[str, Any], item: str | None) -> str | None:
        if not item:
            return None
        _, cats = await center("GET", "/booking/categories")
        return item_of(data, cats, item)

    def clean_item(item: str | None) -> str | None:
        return item if item and ITEM_RE.fullmatch(item) else None

    def clean_move(move: str | None) -> str | None:
        return move if move and is_token(move) else None

    async def form(request: Request, limit: int = 2000) -> dict[str, str]:
        raw = parse_qs((await request.body())[:limit].decode("utf-8", "replace"))
        return {k: v[0] for k, v in raw.items() if v}

    @app.get("/b")
    async def book_start(lang: str | None = None, move: str | None = None) -> Response:
        lang_, nonce = language(lang), secrets.token_urlsafe(12)
        try:
            _, data = await center("GET", "/booking/categories")
        except httpx.HTTPError:
            return down(lang_, nonce)
        return page(bp.services(data, lang_, nonce, move=clean_move(move)), nonce)

    @app.get("/b/{prefix}")
    async def book_days(prefix: str, lang: str | None = None, item: str | None = None, move: str | None = None) -> Response:
        lang_, nonce = language(lang), secrets.token_urlsafe(12)
        item, move = clean_item(item), clean_move(move)
        if not PREFIX_RE.fullmatch(prefix):
            return page(bp.message(text("book_err_not_found", lang_), lang_, nonce, link=("/b" + bp.q(lang_), text("book_back_services", lang_))), nonce, 404)
        try:
            status, data = await center("GET", f"/booking/{prefix}/days")
            moving = None
            if move:
                _, appt = await center("GET", f"/appointments/{move}")
                moving = appt.get("code")
            name = await item_name(data, item) if status == 200 else None
        except httpx.HTTPError:
            return down(lang_, nonce)
        if status != 200:
            return page(bp.message(error_text(data, lang_), lang_, nonce, link=("/b" + bp.q(lang_), text("book_back_services", lang_))), nonce, status)
        return page(bp.days(data, lang_, nonce, item=item, item_name=name, move=move, moving_code=moving), nonce)

    async def _slots_page(prefix: str, day: str, lang_: str, nonce: str, *, item: str | None, move: str | None,
                          error: str | None = None, status_code: int = 200) -> Response:
        try:
            status, data = await center("GET", f"/booking/{prefix}/slots", params={"day": day})
            name = await item_name(data, item) if status == 200 else None
        except httpx.HTTPError:
            return down(lang_, nonce)
        if status != 200:
            return page(bp.message(error_text(data, lang_), lang_, nonce, link=("/b" + bp.q(lang_), text("book_back_services", lang_))), nonce, status)
        return page(bp.slots(data, lang_, nonce, item=item, item_name=name, move=move, error=error), nonce, status_code)

    @app.get("/b/{prefix}/{day}")
    async def book_slots(prefix: str, day: str, lang: str | None = None, item: str | None = None,
                         move: str | None = None) -> Response:
        lang_, nonce = language(lang), secrets.token_urlsafe(12)
        if not (PREFIX_RE.fullmatch(prefix) and DAY_RE.fullmatch(day)):
            return page(bp.message(text("book_err_not_found", lang_), lang_, nonce), nonce, 404)
        return await _slots_page(prefix, day, lang_, nonce, item=clean_item(item), move=clean_move(move))

    async def _slot(prefix: str, day: str, hhmm: str) -> tuple[int, dict[str, Any], dict[str, Any] | None]:
        status, data = await center("GET", f"/booking/{prefix}/slots", params={"day": day})
        if status != 200:
            return status, data, None
        want = f"{hhmm[:2]}:{hhmm[2:]}"
        return status, data, next((x for x in data["slots"] if x["time"] == want), None)

    @app.get("/b/{prefix}/{day}/{hhmm}")
    async def book_form(prefix: str, day: str, hhmm: str, lang: str | None = None, item: str | None = None) -> Response:
        lang_, nonce = language(lang), secrets.token_urlsafe(12)
        item = clean_item(item)
        if not (PREFIX_RE.fullmatch(prefix) and DAY_RE.fullmatch(day) and HHMM_RE.fullmatch(hhmm)):
            return page(bp.message(text("book_err_not_found", lang_), lang_, nonce), nonce, 404)
        try:
            status, data, slot = await _slot(prefix, day, hhmm)
            name = await item_name(data, item) if status == 200 else None
        except httpx.HTTPError:
            return down(lang_, nonce)
        if slot is None:
            return page(bp.message(text("book_err_not_found", lang_), lang_, nonce, link=(f"/b/{prefix}" + bp.q(lang_), text("book_back_days", lang_))), nonce, 404)
        if not slot["bookable"]:
            return await _slots_page(prefix, day, lang_, nonce, item=item, move=None,
                                     error=text("book_err_slot_taken", lang_), status_code=409)
        return page(bp.details(data, slot, lang_, nonce, item=item, item_name=name), nonce)

    @app.post("/b/{prefix}/{day}/{hhmm}")
    async def book_send(prefix: str, day: str, hhmm: str, request: Request, lang: str | None = None,
                        item: str | None = None) -> Response:
        lang_, nonce = language(lang), secrets.token_urlsafe(12)
        item = clean_item(item)
        if not (PREFIX_RE.fullmatch(prefix) and DAY_RE.fullmatch(day) and HHMM_RE.fullmatch(hhmm)):
            return page(bp.message(text("book_err_not_found", lang_), lang_, nonce), nonce, 404)
        f = await form(request)
        try:
            status, data, slot = await _slot(prefix, day, hhmm)
            name = await item_name(data, item) if status == 200 else None
            if slot is None:
                return page(bp.message(text("book_err_not_found", lang_), lang_, nonce), nonce, 404)
            body = {
                "category": prefix, "item": item, "start": slot["start"], "name": f.get("name", "")[:50] or " ",
                "id_number": (f.get("id_number", "")[:40] or "x" * 15).ljust(15),
                "phone": (f.get("phone", "")[:20] or "0" * 11).ljust(11), "consent": f.get("consent") == "1",
                "language": lang_, "client": (request.client.host if request.client else "")[:64],
            }
            status, got = await center("POST", "/booking/holds", json=body)
        except httpx.HTTPError:
            return down(lang_, nonce)
        if status == 201:
            return RedirectResponse(f"/h/{got['hold']}" + bp.q(lang_), status_code=303)
        if got.get("error") in ("slot_taken", "day_full", "slot_closed"):
            return await _slots_page(prefix, day, lang_, nonce, item=item, move=None,
                                     error=error_text(got, lang_), status_code=409)
        if status == 422 and got.get("error") == "invalid_request":  # a field the form let through malformed
            got = {"error": "invalid_name" if not f.get("name") else ("invalid_phone" if len(f.get("phone", "")) != 11 else "invalid_id_number")}
        return page(bp.details(data, slot, lang_, nonce, item=item, item_name=name,
                               error=error_text(got, lang_)), nonce, status if status >= 400 else 422)

    async def _hold(token: str) -> tuple[int, dict[str, Any]]:
        return await center("GET", f"/booking/holds/{token}")

    @app.get("/h/{token}")
    async def code_page(token: str, lang: str | None = None) -> Response:
        lang_, nonce = language(lang), secrets.token_urlsafe(12)
        if not is_token(token):
            return page(bp.message(text("book_err_not_found", lang_), lang_, nonce), nonce, 404)
        try:
            status, hold = await _hold(token)
        except httpx.HTTPError:
            return down(lang_, nonce)
        if status != 200:
            return page(bp.message(error_text(hold, lang_), lang_, nonce, link=("/b" + bp.q(lang_), text("book_again", lang_))), nonce, status)
        if hold.get("confirmed"):
            return RedirectResponse(f"/a/{hold['confirmed']}" + bp.q(lang_), status_code=303)
        return page(bp.code_form(hold, lang_, nonce, minutes=_minutes(hold)), nonce)

    @app.post("/h/{token}")
    async def code_send(token: str, request: Request, lang: str | None = None) -> Response:
        lang_, nonce = language(lang), secrets.token_urlsafe(12)
        if not is_token(token):
            return page(bp.message(text("book_err_not_found", lang_), lang_, nonce), nonce, 404)
        f = await form(request, 200)
        try:
            status, got = await center("POST", f"/booking/holds/{token}/confirm", json={"code": (f.get("code") or "-")[:12]})
            if status == 201:
                return RedirectResponse(f"/a/{got['token']}" + bp.q(lang_), status_code=303)
            h_status, hold = await _hold(token)
        except httpx.HTTPError:
            return down(lang_, nonce)
        if h_status != 200:
            return page(bp.message(error_text(got, lang_), lang_, nonce, link=("/b" + bp.q(lang_), text("book_again", lang_))), nonce, status)
        restart = None
        if got.get("error") in ("slot_taken", "day_full", "slot_closed"):
            restart = f"/b/{hold['category']}/{hold['day']}" + bp.q(lang_)
        elif got.get("error") in ("code_expired", "too_many_tries"):
            restart = f"/b/{hold['category']}" + bp.q(lang_)
        return page(bp.code_form(hold, lang_, nonce, minutes=_minutes(hold), error=error_text(got, lang_), restart=restart),
                    nonce, status)

    async def _appointment_page(token: str, lang_: str, nonce: str, status_code: int = 200, **kw: Any) -> Response:
        try:
            status, appt = await center("GET", f"/appointments/{token}")
        except httpx.HTTPError:
            return down(lang_, nonce)
        if status != 200:
            return page(bp.message(error_text(appt, lang_), lang_, nonce, link=("/b" + bp.q(lang_), text("book_again", lang_))), nonce, status)
        return page(bp.appointment(appt, token, lang_, nonce, **kw), nonce, status_code)

    @app.get("/a/{token}")
    async def appointment_page(token: str, lang: str | None = None, moved: str | None = None) -> Response:
        lang_, nonce = language(lang), secrets.token_urlsafe(12)
        if not is_token(token):
            return page(bp.message(text("book_err_not_found", lang_), lang_, nonce), nonce, 404)
        return await _appointment_page(token, lang_, nonce, note=text("book_moved", lang_) if moved else None)

    @app.get("/a/{token}/cancel")
    async def cancel_ask(token: str, lang: str | None = None) -> Response:
        lang_, nonce = language(lang), secrets.token_urlsafe(12)
        if not is_token(token):
            return page(bp.message(text("book_err_not_found", lang_), lang_, nonce), nonce, 404)
        return await _appointment_page(token, lang_, nonce, ask_cancel=True)

    @app.post("/a/{token}/cancel")
    async def cancel(token: str, lang: str | None = None) -> Response:
        lang_, nonce = language(lang), secrets.token_urlsafe(12)
        if not is_token(token):
            return page(bp.message(text("book_err_not_found", lang_), lang_, nonce), nonce, 404)
        try:
            status, got = await center("POST", f"/appointments/{token}/cancel")
        except httpx.HTTPError:
            return down(lang_, nonce)
        if status != 200:
            return await _appointment_page(token, lang_, nonce, error=error_text(got, lang_))
        return page(bp.appointment(got, token, lang_, nonce), nonce)

    @app.post("/a/{token}/move")
    async def move(token: str, request: Request, lang: str | None = None) -> Response:
        lang_, nonce = language(lang), secrets.token_urlsafe(12)
        if not is_token(token):
            return page(bp.message(text("book_err_not_found", lang_), lang_, nonce), nonce, 404)
        f = await form(request, 500)
        try:
            status, got = await center("POST", f"/appointments/{token}/reschedule", json={"start": f.get("start", "")[:40]})
            if status == 200:
                return RedirectResponse(f"/a/{token}" + bp.q(lang_, moved="1"), status_code=303)
            if got.get("error") in ("slot_taken", "day_full", "slot_closed"):
                _, appt = await center("GET", f"/appointments/{token}")
                day = _local_day(f.get("start", ""))
                if appt.get("category") and day:
                    return await _slots_page(appt["category"], day, lang_, nonce, item=None, move=token,
                                             error=error_text(got, lang_), status_code=409)
        except httpx.HTTPError:
            return down(lang_, nonce)
        return await _appointment_page(token, lang_, nonce, status, error=error_text(got, lang_))


def _local_day(stamp: str) -> str | None:
    import datetime as dt

    from app.domain.clock import HALL_TZ

    try:
        when = dt.datetime.fromisoformat(stamp[:40])
    except ValueError:
        return None
    return (when if when.tzinfo else when.replace(tzinfo=HALL_TZ)).astimezone(HALL_TZ).date().isoformat()


def _minutes(hold: dict[str, Any]) -> int:
    import datetime as dt

    try:
        left = dt.datetime.fromisoformat(hold["expires_at"]) - dt.datetime.now(dt.UTC)
    except (KeyError, ValueError):
        return 10
    return max(1, int(left.total_seconds() // 60) + (1 if left.total_seconds() % 60 else 0))
