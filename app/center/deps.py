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
    try:
        return verify_token(token, c.token_secret)
    except TokenError as exc:
        raise ApiError(401, "unauthorized", str(exc), {"WWW-Authenticate": "Bearer"}) from exc


def caller(
    creds: HTTPAuthorizationCredentials | None = Depends(bearer), c: CenterContext = Depends(ctx)
) -> Principal:
    if creds is None or creds.scheme.lower() != "bearer":
        raise ApiError(401, "unauthorized", "a bearer token is required", {"WWW-Authenticate": "Bearer"})
    return principal_from_token(creds.credentials, c)


def require(*roles: str) -> Callable[..., Principal]:
    allowed = frozenset(roles) | {"admin"}

    def _check(p: Principal = Depends(caller)) -> Principal:
        if p.role not in allowed:
            raise ApiError(
                403, "forbidden", f"role {p.role!r} may not do this (needs one of {sorted(allowed)})"
            )
        return p

    return _check
