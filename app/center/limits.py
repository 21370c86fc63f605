"""Bounded requests, as an ASGI middleware in front of every route.

- The body is counted as it arrives, chunked or not: past `max_bytes` the request is answered 413 and
  nothing more is read (a declared Content-Length over the limit is refused before reading anything).
- Numbers are range-checked before any route sees them: an integer in the JSON body, the query string or
  the path outside a signed 64-bit range (what both databases store), or a JSON NaN/Infinity, is answered
  422. A route's own model then checks its fields' narrower ranges.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl, unquote

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.center.api_errors import error_body

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
_INTEGER = re.compile(r"^[+-]?\d+$")
# what could be out of range: a run of 19 digits or more (2**63 has 19), NaN, Infinity, a 3-digit exponent.
# A body without one (nearly every body) needs no parse here; one with one (maybe in a string) is parsed
_SUSPECT = re.compile(rb"\d{19}|NaN|Infinity|[eE][+-]?\d{3}")


class OutOfRange(ValueError):
    pass


def _parse_int(text: str) -> int:
    if len(text) > 20:
        raise OutOfRange(f"integer {text[:12]}… is out of range")
    value = int(text)
    if not INT64_MIN <= value <= INT64_MAX:
        raise OutOfRange(f"integer {text} is out of range (at most {INT64_MAX})")
    return value


def _parse_constant(name: str) -> Any:
    raise OutOfRange(f"{name} is not a number the center accepts")


def _parse_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise OutOfRange(f"number {text[:12]} is out of range")
    return value


def check_json_numbers(body: bytes) -> str | None:
    """The first out-of-range number in a JSON body, as a message; None when all are in range or the body
    is not JSON at all (the route's validation then says what is wrong)."""
    if not _SUSPECT.search(body):
        return None
    try:
        json.loads(body, parse_int=_parse_int, parse_constant=_parse_constant, parse_float=_parse_float)
    except OutOfRange as exc:
        return str(exc)
    except (ValueError, RecursionError):
        return None
    return None


def check_url_numbers(path: str, query: bytes) -> str | None:
    for segment in unquote(path).split("/"):
        if _INTEGER.match(segment):
            try:
                _parse_int(segment)
            except OutOfRange as exc:
                return f"path: {exc}"
    for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
        if _INTEGER.match(value.strip()):
            try:
                _parse_int(value.strip())
            except OutOfRange as exc:
                return f"query.{name}: {exc}"
    return None


class _TooLarge(Exception):
    pass


async def _answer(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps(error_body(code, message)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RequestLimits:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "websocket":
                bad = check_url_numbers(scope.get("path", ""), scope.get("query_string", b""))
                if bad is not None:
                    await send({"type": "websocket.close", "code": 1008, "reason": bad[:120]})
                    return
            await self.app(scope, receive, send)
            return
        bad = check_url_numbers(scope.get("path", ""), scope.get("query_string", b""))
        if bad is not None:
            await _answer(send, 422, "out_of_range", bad)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        length = headers.get(b"content-length")
        too_large = f"request body over {self.max_bytes} bytes"
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await _answer(send, 413, "too_large", too_large)
            return
        if scope.get("method") in ("POST", "PUT", "PATCH", "DELETE"):
            try:
                body, more = await self._read(receive)
            except _TooLarge:
                await _answer(send, 413, "too_large", too_large)
                return
            if not more:
                return  # the client went away
            if body and b"json" in headers.get(b"content-type", b""):
                bad = check_json_numbers(body)
                if bad is not None:
                    await _answer(send, 422, "out_of_range", f"body: {bad}")
                    return
            replayed = False

            async def replay() -> Message:
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()  # after the body: wait for the disconnect as the server would

            await self.app(scope, replay, send)
            return
        await self.app(scope, receive, send)

    async def _read(self, receive: Receive) -> tuple[bytes, bool]:
        """The whole body, stopping as soon as it passes the limit; (body, False) if the client left."""
        chunks: list[bytes] = []
        size = 0
        while True:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return b"", False
            chunk = msg.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                raise _TooLarge
            chunks.append(chunk)
            if not msg.get("more_body", False):
                return b"".join(chunks), True
