"""Opening a real hall: the first admin account and the hall's name and code, on a migrated database."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.center.audit import append_center_event
from app.center.catalog_import import HALL_SETTING
from app.center.changelog import publish_reference
from app.center.security import hash_password
from app.domain.states import Role
from app.errors import HallError
from app.i18n.messages import Msg, msg
from app.store import models as m

MIN_PASSWORD = 10
WEAK = frozenset({"admin", "password", "12345678", "123456789", "1234567890", "qwertyuiop", "admin12345"})


class PasswordPolicyError(HallError):
    def __init__(self, reason: Msg) -> None:
        super().__init__(msg("password.rejected", reason=reason), code="weak_password")


def check_password_policy(password: str, username: str) -> None:
    """At least 10 characters, letters and digits, not the username nor a well-known password."""
    if len(password) < MIN_PASSWORD:
        raise PasswordPolicyError(msg("password.too_short", min=MIN_PASSWORD))
    if not re.search(r"[A-Za-z]", password) or not re.search(r"\d", password):
        raise PasswordPolicyError(msg("password.letters_digits"))
    if password.lower() in WEAK or username.lower() in password.lower():
        raise PasswordPolicyError(msg("password.common"))


def has_admin(s: Session) -> bool:
    return s.scalar(select(m.Staff.id).where(m.Staff.role == Role.ADMIN, m.Staff.password_hash.is_not(None)).limit(1)) is not None


def init_hall(s: Session, *, admin: str, password: str, full_name: str, hall_name: str, hall_code: str) -> m.Staff:
    """Create the first admin and record the hall; refuses a database that already has an admin."""
    if has_admin(s):
        raise HallError(msg("init.has_admin"), code="already_initialised")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_.-]{1,39}", admin):
        raise HallError(msg("init.bad_username", name=admin), code="bad_username")
    if not re.fullmatch(r"[A-Z0-9]{1,8}", hall_code):
        raise HallError(msg("init.bad_hall_code", value=hall_code), code="bad_hall_code")
    check_password_policy(password, admin)
    staff = s.scalar(select(m.Staff).where(m.Staff.username == admin))
    if staff is None:
        staff = m.Staff(username=admin, full_name=full_name, role=Role.ADMIN)
        s.add(staff)
    staff.role, staff.password_hash, staff.active, staff.is_demo = Role.ADMIN, hash_password(password), True, False
    setting = s.get(m.Setting, HALL_SETTING)
    value = dict(setting.value) if setting is not None and isinstance(setting.value, dict) else {}
    value.update(name=hall_name, code=hall_code)
    if setting is None:
        setting = m.Setting(key=HALL_SETTING, value=value)
        s.add(setting)
    else:
        setting.value = value
    s.flush()
    publish_reference(s, staff)
    publish_reference(s, setting)
    append_center_event(s, admin, "hall.init", object_type="staff", object_id=str(staff.id), detail={"hall_code": hall_code})
    return staff
