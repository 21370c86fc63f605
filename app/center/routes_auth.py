"""Staff login, terminal enrollment and approval, terminal login, role changes."""

from __future__ import annotations

import time
import uuid
from typing import Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.center.access import announce_change, credential_tag, staff_key, terminal_key
from app.center.access_audit import AuditedRefusal, refusals
from app.center.api_errors import ApiError, errors
from app.center.audit import append_center_event
from app.center.changelog import publish_reference
from app.center.context import CenterContext
from app.center.deps import ctx, read_db, require
from app.center.security import (
    Principal,
    enrollment_code,
    hash_secret,
    same_code,
    sign_token,
    verify_password,
)
from app.domain.clock import utcnow
from app.domain.states import Role, TerminalKind
from app.i18n.messages import msg
from app.store import models as m
from app.store.rows import next_value

router = APIRouter(prefix="/api/v1", tags=["auth"])


class LoginIn(BaseModel):
    username: str = Field(min_length=1, max_length=40)
    password: str = Field(min_length=1, max_length=200)
    window: int | None = Field(None, ge=1, le=999)


class TokenOut(BaseModel):
    token: str
    role: str
    name: str
    window: int | None
    expires_at: float
    demo: bool = False
    username: str = ""


@router.post("/auth/login", response_model=TokenOut)
def login(body: LoginIn, request: Request, c: CenterContext = Depends(ctx)) -> TokenOut:
    client = request.client.host if request.client else "?"
    key = f"{body.username}@{client}"
    wait = c.limiter.blocked_for(key)
    if wait > 0:
        raise ApiError(
            429,
            "too_many_attempts",
            msg("too_many_logins", seconds=int(wait) + 1),
            {"Retry-After": str(int(wait) + 1)},
        )
    with refusals(c), c.db.write_session() as s:
        staff = s.scalar(select(m.Staff).where(m.Staff.username == body.username))
        if staff is None or not staff.active or not verify_password(body.password, staff.password_hash):
            c.limiter.failed(key)
            raise AuditedRefusal(
                ApiError(401, "bad_credentials", msg("bad_credentials")),
                body.username,
                "login.failed",
                detail={"client": client},
            )
        if staff.role in (Role.KIOSK, Role.SCREEN, Role.COUNTER):
            raise ApiError(403, "forbidden", msg("terminal_login_only"))
        c.limiter.succeeded(key)
        return _staff_token(s, c, staff, body.window, {"client": client})


def _staff_token(s: Session, c: CenterContext, staff: m.Staff, window: int | None, detail: dict[str, object]) -> TokenOut:
    window = window if window is not None else staff.window_number
    if staff.role == Role.CLERK and window is None:
        raise ApiError(422, "window_required", msg("window_required"))
    append_center_event(s, staff.username, "login", detail={**detail, "window": window})
    principal = Principal(
        subject=staff.username,
        role=staff.role.value,
        name=staff.full_name,
        window=window,
        staff_id=str(staff.id),
        expires=time.time() + c.token_ttl_s,
    )
    return TokenOut(
        token=sign_token(principal, c.token_secret),
        role=principal.role,
        name=principal.name,
        window=window,
        expires_at=principal.expires,
        demo=staff.is_demo,
        username=staff.username,
    )


class CardLoginIn(BaseModel):
    id_number: str = Field(min_length=15, max_length=40)
    window: int | None = Field(None, ge=1, le=999)


def _card_hash(s: Session, raw: str) -> str:
    from app.domain.idnumber import InvalidIdNumber
    from app.domain.privacy import ID_SALT_SETTING, id_hash

    salt = s.get(m.Setting, ID_SALT_SETTING)
    if salt is None:
        raise ApiError(503, "not_ready", msg("not_ready"))
    try:
        return id_hash(raw, str(salt.value["salt"]))
    except InvalidIdNumber as exc:
        raise ApiError(422, "invalid_id_number", msg("invalid_id_number", reason=exc.args[0])) from exc


@router.post("/auth/card", response_model=TokenOut)
def login_card(
    body: CardLoginIn, who: Principal = Depends(require("counter")), c: CenterContext = Depends(ctx)
) -> TokenOut:
    """A clerk logs in by placing their own ID card on an enrolled counter's reader."""
    key = f"card@{who.subject}"
    if c.limiter.blocked_for(key) > 0:
        raise ApiError(429, "too_many_attempts", msg("too_many_card_logins"))
    with refusals(c), c.db.write_session() as s:
        staff = s.scalar(select(m.Staff).where(m.Staff.id_number_hash == _card_hash(s, body.id_number)))
        if staff is None or not staff.active or staff.role not in (Role.CLERK, Role.MANAGER):
            c.limiter.failed(key)
            raise AuditedRefusal(
                ApiError(401, "unknown_card", msg("unknown_card")),
                who.subject,
                "login.card_failed",
                detail={"terminal": who.subject},
            )
        c.limiter.succeeded(key)
        bound = c.settings.queue.counter_windows.get(who.subject)  # issue 14: a counter opens its own window
        if bound is not None and body.window not in (None, bound):
            raise ApiError(403, "other_window", msg("counter_of_window", window=bound, other=body.window))
        window = bound if bound is not None else body.window
        return _staff_token(s, c, staff, window, {"terminal": who.subject, "by": "id_card"})


class StaffCardIn(BaseModel):
    id_number: str = Field(min_length=15, max_length=40)


@router.post("/staff/{username}/card", tags=["staff"])
def register_card(
    username: str, body: StaffCardIn, who: Principal = Depends(require("admin")), c: CenterContext = Depends(ctx)
) -> dict[str, str]:
    """Register a staff member's own ID card for card login (only a salted hash is kept)."""
    with c.db.write_session() as s:
        staff = s.scalar(select(m.Staff).where(m.Staff.username == username))
        if staff is None:
            raise ApiError(404, "not_found", f"no staff member {username!r}")
        staff.id_number_hash = _card_hash(s, body.id_number)
        append_center_event(s, who.subject, "staff.card", object_type="staff", object_id=username)
        return {"username": username, "card": "registered"}


class EnrollIn(BaseModel):
    name: str = Field(min_length=1, max_length=60, pattern=r"^[\w\-.]+$")
    kind: TerminalKind
    credential: str = Field(min_length=32, max_length=200, description="a random secret made by the terminal")


class EnrollOut(BaseModel):
    terminal_id: uuid.UUID
    status: str
    tag: int = 0
    code: str = Field("", description="the enrollment code: shown on the terminal, typed by the admin to approve")


@router.post(
    "/terminals/enroll",
    response_model=EnrollOut,
    status_code=202,
    tags=["terminals"],
    responses=errors(409, 422),
)
def enroll(body: EnrollIn, c: CenterContext = Depends(ctx)) -> EnrollOut:
    """A terminal asks to join; an admin approves it with the enrollment code the terminal shows (derived
    from its credential, so the approval grants exactly that credential). A name that waits for approval
    with another credential is refused: an admin rejects that request first (`revoke`). A revoked name
    may enroll again (a new request, approved the same way)."""
    new_hash = hash_secret(body.credential)
    with refusals(c), c.db.write_session() as s:
        term = s.scalar(select(m.Terminal).where(m.Terminal.name == body.name))
        if term is not None and term.status == "approved":
            raise AuditedRefusal(
                ApiError(409, "name_taken", f"terminal {body.name!r} is already enrolled; revoke it first"),
                body.name,
                "terminal.enroll_refused",
                object_type="terminal",
                object_id=str(term.id),
                detail={"reason": "name_taken", "kind": body.kind.value},
            )
        if term is not None and term.status == "pending":
            if term.credential_hash == new_hash and term.kind == body.kind:  # the same request again
                return EnrollOut(terminal_id=term.id, status=term.status, tag=term.tag or 0,
                                 code=enrollment_code(new_hash))
            raise AuditedRefusal(
                ApiError(
                    409,
                    "enrollment_pending",
                    f"terminal {body.name!r} already waits for approval with another credential; "
                    "an admin rejects that request first (hall terminals revoke NAME)",
                ),
                body.name,
                "terminal.enroll_refused",
                object_type="terminal",
                object_id=str(term.id),
                detail={"reason": "enrollment_pending", "kind": body.kind.value},
            )
        if term is None:
            term = m.Terminal(name=body.name, kind=body.kind, tag=next_value(s, "terminal_tag"))
            s.add(term)
        elif term.tag is None:
            term.tag = next_value(s, "terminal_tag")
        term.kind, term.status, term.credential_hash = body.kind, "pending", new_hash
        term.requested_at = utcnow()
        term.approved_at, term.approved_by = None, None
        s.flush()
        announce_change(c.bus, s, terminal_key(term.id))
        append_center_event(
            s,
            body.name,
            "terminal.enroll",
            object_type="terminal",
            object_id=str(term.id),
            detail={"kind": body.kind.value, "code": enrollment_code(new_hash)},
        )
        return EnrollOut(terminal_id=term.id, status=term.status, tag=term.tag or 0, code=enrollment_code(new_hash))


class TerminalOut(BaseModel):
    id: uuid.UUID
    name: str
    kind: str
    status: str
    requested_at: str
    last_seen_at: str | None
    health: dict[str, object]


def _terminal_out(t: m.Terminal) -> TerminalOut:
    return TerminalOut(
        id=t.id,
        name=t.name,
        kind=t.kind.value,
        status=t.status,
        requested_at=t.requested_at.isoformat(),
        last_seen_at=t.last_seen_at.isoformat() if t.last_seen_at else None,
        health=t.health or {},
    )


@router.get("/terminals", response_model=list[TerminalOut], tags=["terminals"])
def list_terminals(
    _: Principal = Depends(require("manager")), s: Session = Depends(read_db)
) -> list[TerminalOut]:
    return [_terminal_out(t) for t in s.scalars(select(m.Terminal).order_by(m.Terminal.name))]


def _set_terminal_status(c: CenterContext, ref: str, status: str, who: Principal, code: str | None = None) -> TerminalOut:
    with refusals(c), c.db.write_session() as s:
        term = _find_terminal(s, ref)
        if status == "approved":
            if term.status == "approved":
                return _terminal_out(term)
            if code is None or not same_code(code, enrollment_code(term.credential_hash or "")):
                raise AuditedRefusal(
                    ApiError(
                        409,
                        "wrong_code",
                        f"the enrollment code does not match {term.name!r}'s request: read it from the "
                        "terminal's screen (hall enroll prints it); a request made by another machine is "
                        "rejected with revoke",
                    ),
                    who.subject,
                    "terminal.approve_refused",
                    object_type="terminal",
                    object_id=str(term.id),
                    detail={"name": term.name},
                )
            term.approved_at = utcnow()
            term.approved_by = uuid.UUID(who.staff_id) if who.staff_id else None
        term.status = status
        announce_change(c.bus, s, terminal_key(term.id))
        append_center_event(
            s, who.subject, f"terminal.{status}", object_type="terminal", object_id=str(term.id),
            detail={"name": term.name, "kind": term.kind.value},
        )
        return _terminal_out(term)


def _find_terminal(s: Session, ref: str) -> m.Terminal:
    term = None
    try:
        term = s.get(m.Terminal, uuid.UUID(ref))
    except ValueError:
        term = s.scalar(select(m.Terminal).where(m.Terminal.name == ref))
    if term is None:
        raise ApiError(404, "not_found", f"no terminal {ref!r}")
    return term


class ApproveIn(BaseModel):
    code: str = Field(min_length=4, max_length=20, description="the enrollment code shown on the terminal")


@router.post(
    "/terminals/{ref}/approve",
    response_model=TerminalOut,
    tags=["terminals"],
    responses=errors(401, 403, 404, 409, 422),
)
def approve_terminal(
    ref: str, body: ApproveIn, who: Principal = Depends(require("admin")), c: CenterContext = Depends(ctx)
) -> TerminalOut:
    """Approve a waiting terminal: `code` must be the enrollment code its screen shows."""
    return _set_terminal_status(c, ref, "approved", who, body.code)


@router.post(
    "/terminals/{ref}/revoke",
    response_model=TerminalOut,
    tags=["terminals"],
    responses=errors(401, 403, 404),
)
def revoke_terminal(
    ref: str, who: Principal = Depends(require("admin")), c: CenterContext = Depends(ctx)
) -> TerminalOut:
    """Revoke a terminal (or reject a waiting request): its tokens stop working on their next request."""
    return _set_terminal_status(c, ref, "revoked", who)


class TerminalLoginIn(BaseModel):
    terminal_id: uuid.UUID
    credential: str = Field(min_length=1, max_length=200)


@router.post("/auth/terminal", response_model=TokenOut, tags=["terminals"])
def terminal_login(body: TerminalLoginIn, request: Request, c: CenterContext = Depends(ctx)) -> TokenOut:
    client = request.client.host if request.client else "?"
    key = f"terminal:{body.terminal_id}@{client}"
    if c.limiter.blocked_for(key) > 0:
        raise ApiError(429, "too_many_attempts", msg("too_many_attempts"))
    with refusals(c), c.db.write_session() as s:
        term = s.get(m.Terminal, body.terminal_id)
        if term is None or term.credential_hash != hash_secret(body.credential):
            c.limiter.failed(key)
            raise AuditedRefusal(
                ApiError(401, "bad_credentials", msg("terminal_bad_credentials")),
                term.name if term else str(body.terminal_id),
                "login.terminal_failed",
                object_type="terminal",
                object_id=str(body.terminal_id),
                detail={"client": client},
            )
        if term.status != "approved":
            error = (
                ApiError(403, "pending_approval", msg("pending_approval"))
                if term.status == "pending"
                else ApiError(403, "revoked", msg("revoked"))
            )
            raise AuditedRefusal(
                error,
                term.name,
                "login.terminal_refused",
                object_type="terminal",
                object_id=str(term.id),
                detail={"status": term.status, "client": client},
            )
        term.last_seen_at = utcnow()
        principal = Principal(
            subject=term.name,
            role=term.kind.value,
            name=term.name,
            terminal_id=str(term.id),
            expires=time.time() + c.token_ttl_s,
            credential=credential_tag(term.credential_hash),
        )
        append_center_event(s, term.name, "login.terminal", object_type="terminal", object_id=str(term.id),
                            detail={"client": client})
        return TokenOut(
            token=sign_token(principal, c.token_secret),
            role=principal.role,
            name=term.name,
            window=None,
            expires_at=principal.expires,
        )


class RoleIn(BaseModel):
    role: Literal["clerk", "manager", "admin", "backoffice"]


@router.post("/staff/{username}/role", tags=["staff"])
def change_role(
    username: str, body: RoleIn, who: Principal = Depends(require("admin")), c: CenterContext = Depends(ctx)
) -> dict[str, str]:
    with c.db.write_session() as s:
        staff = s.scalar(select(m.Staff).where(m.Staff.username == username))
        if staff is None:
            raise ApiError(404, "not_found", f"no staff member {username!r}")
        old = staff.role.value
        staff.role = Role(body.role)
        staff.updated_at = utcnow()
        s.flush()
        publish_reference(s, staff)
        announce_change(c.bus, s, staff_key(staff.id))
        append_center_event(
            s,
            who.subject,
            "staff.role_change",
            object_type="staff",
            object_id=username,
            detail={"from": old, "to": body.role},
        )
        return {"username": username, "role": body.role}
