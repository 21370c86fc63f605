"""Request dependencies: the center context, the caller, and role checks (an admin may call every route)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from app.center.api_errors import ApiError
from app.center.context import CenterContext
from app.center.security import Principal, TokenError, verify_token

bearer = HTTPBearer(auto_error=False)


def ctx(request: Request) -> CenterContext:
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


def caller(
    creds: HTTPAuthorizationCredentials | None = Depends(bearer), c: CenterContext = Depends(ctx)
) -> Principal:
    if creds is None or creds.scheme.lower() != "bearer":
        raise ApiError(401, "unauthorized", "a bearer token is required", {"WWW-Authenticate": "Bearer"})
    return check_current(principal_from_token(creds.credentials, c), c)


def require(*roles: str) -> Callable[..., Principal]:
    allowed = frozenset(roles) | {"admin"}

    def _check(p: Principal = Depends(caller)) -> Principal:
        if p.role not in allowed:
            raise ApiError(
                403, "forbidden", f"role {p.role!r} may not do this (needs one of {sorted(allowed)})"
            )
        return p

    return _check
