"""Passwords (scrypt), signed bearer tokens, and the login rate limiter.

Tokens are HMAC-SHA256 signed and carry their claims, so any center process sharing the database (and
so the signing secret, kept in the `settings` table) can verify them: the center stays stateless.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    if not stored or not stored.startswith("scrypt$"):
        return False
    try:
        _, n, r, p, salt_hex, digest_hex = stored.split("$")
        digest = hashlib.scrypt(
            password.encode(), salt=bytes.fromhex(salt_hex), n=int(n), r=int(r), p=int(p), dklen=32
        )
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)


def hash_secret(secret: str) -> str:
    """Terminal credentials are long random strings: a plain SHA-256 is enough to keep them hashed."""
    return hashlib.sha256(secret.encode()).hexdigest()


def enrollment_code(credential_hash: str) -> str:
    """The code a terminal shows while it waits for approval and the admin types to approve it: 40 bits of
    the credential's hash in base32 (`ABCD-EFGH`), so an approval grants exactly the credential that made
    the request (computable from the stored hash, so the center keeps nothing more)."""
    try:
        raw = bytes.fromhex(credential_hash)[:5]
    except ValueError:
        raw = b""
    if len(raw) < 5:
        return ""
    text = base64.b32encode(raw).decode()
    return f"{text[:4]}-{text[4:8]}"


def enrollment_code_of(credential: str) -> str:
    return enrollment_code(hash_secret(credential))


def same_code(typed: str, expected: str) -> bool:
    """Compare codes ignoring case, spaces and dashes (the admin types them)."""
    def norm(x: str) -> str:
        return "".join(ch for ch in x.upper() if ch.isalnum())

    return bool(expected) and hmac.compare_digest(norm(typed), norm(expected))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Principal:
    """Who is calling: a staff member (clerk, manager, admin) or an enrolled terminal (kiosk, screen, counter)."""

    subject: str
    role: str
    name: str
    window: int | None = None
    terminal_id: str | None = None
    staff_id: str | None = None
    expires: float = 0.0
    credential: str | None = None  # terminals: a fingerprint of the credential the token was issued for

    def claims(self) -> dict[str, Any]:
        return {
            "sub": self.subject,
            "role": self.role,
            "name": self.name,
            "win": self.window,
            "term": self.terminal_id,
            "staff": self.staff_id,
            "exp": self.expires,
            "cred": self.credential,
        }


class TokenError(ValueError):
    pass


def sign_token(principal: Principal, secret: bytes) -> str:
    body = _b64(json.dumps(principal.claims(), separators=(",", ":")).encode())
    sig = _b64(hmac.new(secret, body.encode(), hashlib.sha256).digest())
    return f"{body}.{sig}"


def verify_token(token: str, secret: bytes, *, now: float | None = None) -> Principal:
    try:
        body, sig = token.split(".")
    except ValueError:
        raise TokenError("malformed token") from None
    expected = _b64(hmac.new(secret, body.encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(sig, expected):
        raise TokenError("bad token signature")
    try:
        c = json.loads(_unb64(body))
    except ValueError:
        raise TokenError("malformed token") from None
    if float(c["exp"]) < (now if now is not None else time.time()):
        raise TokenError("token expired; log in again")
    return Principal(
        subject=c["sub"],
        role=c["role"],
        name=c["name"],
        window=c["win"],
        terminal_id=c["term"],
        staff_id=c["staff"],
        expires=float(c["exp"]),
        credential=c.get("cred"),
    )


@dataclass
class LoginRateLimiter:
    """At most `limit` failed logins per key (user name and client address) within `window_s`."""

    limit: int = 5
    window_s: float = 300.0
    _failures: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def blocked_for(self, key: str, now: float | None = None) -> float:
        now = time.monotonic() if now is None else now
        with self._lock:
            q = self._failures.get(key)
            if not q:
                return 0.0
            while q and now - q[0] > self.window_s:
                q.popleft()
            if len(q) < self.limit:
                return 0.0
            return self.window_s - (now - q[0])

    def failed(self, key: str, now: float | None = None) -> None:
        with self._lock:
            self._failures.setdefault(key, deque()).append(time.monotonic() if now is None else now)

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)
