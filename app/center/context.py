"""What every request of one center process shares: the database, settings, signing secret, event bus."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.center.access import AccessCache
from app.center.security import LoginRateLimiter
from app.config import Settings
from app.store import models as m
from app.store.crypto import FieldCipher
from app.store.db import Database

if TYPE_CHECKING:
    from app.center.events import EventBus

TOKEN_SECRET_KEY = "auth.token_secret"


@dataclass
class CenterContext:
    db: Database
    settings: Settings
    token_secret: bytes
    bus: EventBus
    cipher: FieldCipher
    token_ttl_s: float = 12 * 3600
    limiter: LoginRateLimiter = field(default_factory=LoginRateLimiter)
    max_body_bytes: int = 8 * 1024 * 1024
    access: AccessCache = field(init=False)

    def __post_init__(self) -> None:
        self.access = AccessCache(self.db)
        self.bus.add_hook(self.access.on_event)


def load_token_secret(db: Database) -> bytes:
    """The signing secret lives in the database, so every center process on it accepts the same tokens.
    It is internal and never replicated to terminals."""
    for _ in range(2):
        with db.read_session() as s:
            row = s.get(m.Setting, TOKEN_SECRET_KEY)
            if row is not None:
                return bytes.fromhex(row.value["hex"])
        try:
            with db.write_session() as s:
                s.add(m.Setting(key=TOKEN_SECRET_KEY, value={"hex": secrets.token_hex(32)}))
        except IntegrityError:
            continue  # another center process made it first
    raise RuntimeError("could not create the token secret")


def ensure_id_salt(db: Database) -> str:
    """The center's key for ID-number hashes; made once, internal to the center (never replicated)."""
    from app.domain.privacy import ID_SALT_SETTING

    for _ in range(2):
        with db.read_session() as s:
            row = s.get(m.Setting, ID_SALT_SETTING)
            if row is not None:
                return str(row.value["salt"])
        try:
            with db.write_session() as s:
                s.add(m.Setting(key=ID_SALT_SETTING, value={"salt": secrets.token_hex(32)}))
        except IntegrityError:
            continue
    raise RuntimeError("could not create the ID hash salt")


def demo_accounts_exist(db: Database) -> bool:
    with db.read_session() as s:
        return s.scalar(select(m.Staff.id).where(m.Staff.is_demo.is_(True)).limit(1)) is not None
