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
from app.store import models as m

MIN_PASSWORD = 10
WEAK = frozenset({"admin", "password", "12345678", "123456789", "1234567890", "qwertyuiop", "admin12345"})


class PasswordPolicyError(HallError):
    def __init__(self, reason: str) -> None:
        super().__init__(f"密码不符合要求：{reason}", code="weak_password")


def check_password_policy(password: str, username: str) -> None:
    """At least 10 characters, letters and digits, not the username nor a well-known password."""
    if len(password) < MIN_PASSWORD:
        raise PasswordPolicyError(f"至少 {MIN_PASSWORD} 个字符 / at least {MIN_PASSWORD} characters")
    if not re.search(r"[A-Za-z]", password) or not re.search(r"\d", password):
        raise PasswordPolicyError("须同时含字母和数字 / must contain letters and digits")
    if password.lower() in WEAK or username.lower() in password.lower():
        raise PasswordPolicyError("不能是常见密码或包含用户名 / must not be a common password or contain the username")


def has_admin(s: Session) -> bool:
    return s.scalar(select(m.Staff.id).where(m.Staff.role == Role.ADMIN, m.Staff.password_hash.is_not(None)).limit(1)) is not None


def init_hall(s: Session, *, admin: str, password: str, full_name: str, hall_name: str, hall_code: str) -> m.Staff:
    """Create the first admin and record the hall; refuses a database that already has an admin."""
    if has_admin(s):
        raise HallError("这个数据库已有管理员，拒绝重新初始化 / the database already has an admin: refusing to init", code="already_initialised")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_.-]{1,39}", admin):
        raise HallError(f"用户名“{admin}”不合规：字母开头，2–40 个字母、数字或 _.- / invalid username")
    if not re.fullmatch(r"[A-Z0-9]{1,8}", hall_code):
        raise HallError(f"大厅代码“{hall_code}”应为 1–8 个大写字母或数字 / the hall code must be 1-8 capital letters or digits")
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
