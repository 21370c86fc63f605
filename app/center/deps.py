"""Request dependencies: the center context, the caller, and role checks (an admin may call every route).

`ctx`, `caller` and the role check are `async`: they only read memory (the token's signature, the access
cache), and a plain `def` dependency costs a hand-off to the thread pool and back on every request (a
third of a queue request's CPU went to those hand-offs). What may touch the database — an access-cache
miss, the audit of a refusal — runs in the thread pool."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from app.center.api_errors import ApiError
from app.center.context import CenterContext
from app.center.security import Principal, TokenError, verify_token

bearer = HTTPBearer(auto_error=False)


async def ctx(request: Request) -> CenterContext:
    context: CenterContext = request.app.state.ctx
    return context


def read_db(c: CenterContext = Depends(ctx)) -> Iterator[Session]:
    with c.db.read_session() as s:
        yield s


def principal_from_token(token: str, c: CenterContext) -> Principal:
    """The token's principal, if its signature and expiry hold (its current state is `check_current`'s)."""
    try:
        return verify_token(token, c.token_secret)
    except TokenError as exc:
        raise ApiError(401, "unauthorized", str(exc), {"WWW-Authenticate": "Bearer"}) from exc


def check_current(p: Principal, c: CenterContext) -> Principal:
    """Refuse a principal whose account or terminal changed since its token was issued (revoked, pending,
    disabled, re-enrolled, role changed); read through the per-process access cache."""
    refusal = c.access.check(p)
    if refusal is not None:
        from app.center.access_audit import note_refusal

        note_refusal(c, p, refusal)
        status = 403 if refusal.code in ("pending_approval", "revoked") else 401
        raise ApiError(status, refusal.code, refusal.message, {"WWW-Authenticate": "Bearer"})
    return p


async def caller(
    creds: HTTPAuthorizationCredentials | None = Depends(bearer), c: CenterContext = Depends(ctx)
) -> Principal:
    if creds is None or creds.scheme.lower() != "bearer":
        raise ApiError(401, "unauthorized", "a bearer token is required", {"WWW-Authenticate": "Bearer"})
    p = principal_from_token(creds.credentials, c)
    known, refusal = c.access.cached(p)
    if known and refusal is None:
        return p
    return await run_in_threadpool(check_current, p, c)  # a read of the database, or a refusal's audit


def require(*roles: str) -> Callable[..., Awaitable[Principal]]:
    allowed = frozenset(roles) | {"admin"}

    async def _check(p: Principal = Depends(caller)) -> Principal:
        if p.role not in allowed:
            raise ApiError(
                403, "forbidden", f"role {p.role!r} may not do this (needs one of {sorted(allowed)})"
            )
        return p

    return _check
