"""HTTP client of the center for terminals: terminal login with its credential, token refresh, TLS with an
optional pinned CA, and plain errors when the center is down or says no."""

from __future__ import annotations

import json
import logging
import ssl
from pathlib import Path
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from app.errors import CenterUnavailable, HallError
from app.i18n.messages import msg
from app.protocol.api import EnrollOut, HealthIn, PullOut, PushOut, ResumeOut, TokenOut

log = logging.getLogger("hall.sync.client")
A = TypeVar("A", bound=BaseModel)


class CenterNonsense(CenterUnavailable):
    """The center (or whatever answers at its address: a proxy, a captive portal) answered something
    that is not the protocol's: an HTML page, `{}`, a missing field. Treated like a center that is down:
    the terminal keeps its data and tries again later."""

    def __init__(self, base_url: str, what: str) -> None:
        super().__init__(msg("center_nonsense", url=base_url, what=what))
        self.code = "bad_answer"


class CenterRefused(HallError):
    """The center answered with an error: `code` and `status` say which; `message_code` and `params` the
    message to show (app/i18n/messages.py), `message` its English text."""

    def __init__(
        self, status: int, code: str, message: str, message_code: str | None = None, params: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message, code=code, message_code=message_code, params=params or {})
        self.status = status


def _verify(ca_file: Path | None) -> ssl.SSLContext | bool:
    if ca_file is None:
        return True
    if not Path(ca_file).is_file():
        raise HallError(f"pinned CA file not found: {ca_file}")
    return ssl.create_default_context(cafile=str(ca_file))


class CenterClient:
    def __init__(
        self,
        base_url: str,
        *,
        terminal_id: str | None = None,
        credential: str | None = None,
        ca_file: Path | None = None,
        timeout: float = 5.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.terminal_id, self.credential = terminal_id, credential
        self.token: str | None = None
        self.http = httpx.Client(
            base_url=self.base_url, timeout=timeout, verify=_verify(ca_file), transport=transport
        )

    def close(self) -> None:
        self.http.close()

    # ------------------------------------------------------------------ raw calls
    def call(self, method: str, path: str, *, auth: bool = True, **kwargs: Any) -> Any:
        given = dict(kwargs.pop("headers", None) or {})  # kept for the second attempt too
        for attempt in (1, 2):
            headers = dict(given)
            if auth:
                headers["Authorization"] = f"Bearer {self._token()}"
            try:
                resp = self.http.request(method, f"/api/v1{path}", headers=headers, **kwargs)
            except httpx.TransportError as exc:
                if "CERTIFICATE_VERIFY_FAILED" in str(exc):
                    raise HallError(
                        f"the center at {self.base_url} presented a certificate this terminal does not trust "
                        f"(check center_ca_file): {exc}",
                        code="tls",
                    ) from exc
                raise CenterUnavailable(
                    f"the center at {self.base_url} cannot be reached ({type(exc).__name__})"
                ) from exc
            if resp.status_code == 401 and auth and attempt == 1 and self.credential:
                self.token = None  # expired: log in again once
                continue
            return self._answer(resp, self.base_url)
        raise AssertionError("unreachable")

    def call_as(self, model: type[A], method: str, path: str, **kwargs: Any) -> A:
        """`call`, with the answer checked against the protocol's model."""
        return parse_answer(model, self.call(method, path, **kwargs), self.base_url)

    def text(self, path: str, params: dict[str, Any] | None = None) -> str:
        """A non-JSON answer (CSV exports) with the same auth and error handling."""
        return self.content(path, params).decode("utf-8")

    def content(self, path: str, params: dict[str, Any] | None = None) -> bytes:
        """A binary answer (Excel, PDF exports) with the same auth and error handling."""
        try:
            resp = self.http.get(
                f"/api/v1{path}", params=params, headers={"Authorization": f"Bearer {self._token()}"}
            )
        except httpx.TransportError as exc:
            raise CenterUnavailable(
                f"the center at {self.base_url} cannot be reached ({type(exc).__name__})"
            ) from exc
        if resp.status_code >= 400:
            self._answer(resp, self.base_url)
        return resp.content

    def binary(self, path: str, params: dict[str, Any] | None = None) -> bytes:
        """A binary answer (a case's PDF paper) with the same auth and error handling."""
        try:
            resp = self.http.get(
                f"/api/v1{path}", params=params, headers={"Authorization": f"Bearer {self._token()}"}
            )
        except httpx.TransportError as exc:
            raise CenterUnavailable(
                f"the center at {self.base_url} cannot be reached ({type(exc).__name__})"
            ) from exc
        if resp.status_code >= 400:
            self._answer(resp, self.base_url)
        return resp.content

    @staticmethod
    def _answer(resp: httpx.Response, base_url: str = "the center") -> Any:
        if resp.status_code == 204:
            return None
        if resp.status_code >= 400:
            try:
                body = resp.json()
                code, message = body.get("error", "error"), body.get("message", resp.text)
                message_code = body.get("code") if isinstance(body.get("code"), str) else None
                params = body.get("params") if isinstance(body.get("params"), dict) else {}
            except (ValueError, AttributeError):
                code, message, message_code, params = "error", resp.text[:200], None, {}
            if resp.status_code >= 500:
                raise CenterUnavailable(f"the center failed ({resp.status_code}): {message}")
            raise CenterRefused(resp.status_code, code, message, message_code, params)
        try:
            body = resp.json()
        except ValueError:
            kind = resp.headers.get("content-type", "no content type").split(";")[0]
            raise CenterNonsense(base_url, f"{resp.status_code} {kind}, not JSON") from None
        if not isinstance(body, dict | list):
            raise CenterNonsense(base_url, f"a JSON {type(body).__name__}")
        return body

    def _token(self) -> str:
        if self.token is None:
            if not (self.terminal_id and self.credential):
                raise HallError("this terminal is not enrolled: run `hall enroll` first")
            answer = self.call_as(
                TokenOut,
                "POST",
                "/auth/terminal",
                auth=False,
                json={"terminal_id": self.terminal_id, "credential": self.credential},
            )
            self.token = answer.token
        return self.token

    def login_staff(self, username: str, password: str, window: int | None = None) -> TokenOut:
        return self.call_as(
            TokenOut,
            "POST",
            "/auth/login",
            auth=False,
            json={"username": username, "password": password, "window": window},
        )

    def enroll(self, name: str, kind: str, credential: str) -> EnrollOut:
        return self.call_as(
            EnrollOut,
            "POST",
            "/terminals/enroll",
            auth=False,
            json={"name": name, "kind": kind, "credential": credential},
        )

    # ------------------------------------------------------------------ replication
    def push(self, ops: list[dict[str, Any]]) -> PushOut:
        return self.push_answer(ops, self.send_push(self.push_body(ops)))

    # the three steps of `push`, for a caller that overlaps them with other work (the engine's read-ahead)
    @staticmethod
    def push_body(ops: list[dict[str, Any]]) -> bytes:
        """The request body of a push of `ops` (wire form), encoded."""
        return json.dumps({"ops": ops}, ensure_ascii=False, separators=(",", ":")).encode()

    def send_push(self, body: bytes) -> Any:
        """Send a push body (`push_body`); the center's answer as JSON, not yet checked (`push_answer`)."""
        return self.call("POST", "/sync/push", content=body, headers={"Content-Type": "application/json"})

    def push_answer(self, ops: list[dict[str, Any]], raw: Any) -> PushOut:
        """The answer to a push of `ops`, checked: the protocol's model, one result for every op sent."""
        answer = parse_answer(PushOut, raw, self.base_url)
        sent, got = [str(op["op_id"]) for op in ops], [str(r.op_id) for r in answer.results]
        if sorted(sent) != sorted(got):
            raise CenterNonsense(self.base_url, "the results do not match the ops pushed")
        return answer

    def pull(self, after: int, limit: int = 1000) -> PullOut:
        return self.call_as(PullOut, "GET", "/sync/pull", params={"after": after, "limit": limit})

    def report_health(self, health: dict[str, Any]) -> None:
        self.call("POST", "/sync/health", json=HealthIn(health=health).model_dump(mode="json"))

    def resume(self) -> ResumeOut:
        return self.call_as(ResumeOut, "GET", "/sync/resume")


def parse_answer(model: type[A], body: Any, base_url: str = "the center") -> A:
    """An answer as the protocol's model; CenterNonsense when it is not one."""
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "answer"
        raise CenterNonsense(base_url, f"{where}: {first['msg']}") from None
