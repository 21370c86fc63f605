"""HTTP client of the center for terminals: terminal login with its credential, token refresh, TLS with an
optional pinned CA, and plain errors when the center is down or says no."""

from __future__ import annotations

import logging
import ssl
from pathlib import Path
from typing import Any

import httpx

from app.errors import CenterUnavailable, HallError

log = logging.getLogger("hall.sync.client")


class CenterRefused(HallError):
    """The center answered with an error: `code` and `status` say which."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message, code=code)
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
        for attempt in (1, 2):
            headers = dict(kwargs.pop("headers", {}) or {})
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
            return self._answer(resp)
        raise AssertionError("unreachable")

    def text(self, path: str, params: dict[str, Any] | None = None) -> str:
        """A non-JSON answer (CSV exports) with the same auth and error handling."""
        try:
            resp = self.http.get(
                f"/api/v1{path}", params=params, headers={"Authorization": f"Bearer {self._token()}"}
            )
        except httpx.TransportError as exc:
            raise CenterUnavailable(
                f"the center at {self.base_url} cannot be reached ({type(exc).__name__})"
            ) from exc
        if resp.status_code >= 400:
            self._answer(resp)
        return resp.text

    @staticmethod
    def _answer(resp: httpx.Response) -> Any:
        if resp.status_code == 204:
            return None
        if resp.status_code >= 400:
            try:
                body = resp.json()
                code, message = body.get("error", "error"), body.get("message", resp.text)
            except ValueError:
                code, message = "error", resp.text[:200]
            if resp.status_code >= 500:
                raise CenterUnavailable(f"the center failed ({resp.status_code}): {message}")
            raise CenterRefused(resp.status_code, code, message)
        return resp.json()

    def _token(self) -> str:
        if self.token is None:
            if not (self.terminal_id and self.credential):
                raise HallError("this terminal is not enrolled: run `hall enroll` first")
            answer = self.call(
                "POST",
                "/auth/terminal",
                auth=False,
                json={"terminal_id": self.terminal_id, "credential": self.credential},
            )
            self.token = str(answer["token"])
        return self.token

    def login_staff(self, username: str, password: str, window: int | None = None) -> dict[str, Any]:
        answer: dict[str, Any] = self.call(
            "POST",
            "/auth/login",
            auth=False,
            json={"username": username, "password": password, "window": window},
        )
        return answer

    # ------------------------------------------------------------------ replication
    def push(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        answer = self.call("POST", "/sync/push", json={"ops": ops})
        return list(answer["results"])

    def pull(self, after: int, limit: int = 1000) -> dict[str, Any]:
        answer: dict[str, Any] = self.call("GET", "/sync/pull", params={"after": after, "limit": limit})
        return answer
