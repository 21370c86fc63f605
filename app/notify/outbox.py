"""The center's message outbox: `enqueue` writes a message in the caller's own transaction (so it goes out
exactly when what it tells commits, and never when that rolls back), idempotent by a key the caller
derives from what the message is about (`turn_soon:<ticket id>`, `booking_code:<request id>` …): the
second enqueue of a key is a no-op. The phone is sealed with the center's field cipher (the one that
seals applicants' ID numbers and phones; its key is a file of the center's user, never in the database)."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import weakref
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy import event as sa_event
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.domain.clock import utcnow
from app.domain.idnumber import mask_phone
from app.domain.ids import new_id
from app.domain.phone import normalize_mobile
from app.notify.templates import template
from app.store import models as m
from app.store.crypto import FieldCipher

log = logging.getLogger("hall.notify")

LANGUAGES = ("zh_CN", "en")
KEY_MAX = 160

_ciphers: weakref.WeakKeyDictionary[Engine, FieldCipher] = weakref.WeakKeyDictionary()
_WAKE_HOOKED = "hall_notify_wake"
_wakers: list[Callable[[], None]] = []
_wakers_lock = threading.Lock()


def bind_cipher(engine: Engine, cipher: FieldCipher) -> None:
    """The center binds its field cipher to its database once (create_app): every `enqueue` on a session
    of that database seals with it."""
    _ciphers[engine] = cipher


def _engine(session: Session) -> Engine:
    bind = session.get_bind()
    return bind.engine if isinstance(bind, Connection) else bind


def has_cipher(session: Session) -> bool:
    """Is a center's cipher bound to this session's database (false outside a center: tools, tests)?"""
    return _engine(session) in _ciphers


def cipher_for(session: Session) -> FieldCipher:
    try:
        return _ciphers[_engine(session)]
    except KeyError:
        raise RuntimeError("no field cipher bound to this database: app.notify.bind_cipher first") from None


def add_waker(fn: Callable[[], None]) -> None:
    """Called after a transaction that enqueued something commits (the sender worker of this process)."""
    with _wakers_lock:
        _wakers.append(fn)


def remove_waker(fn: Callable[[], None]) -> None:
    with _wakers_lock:
        if fn in _wakers:
            _wakers.remove(fn)


def _wake(_session: Session) -> None:
    wake_senders()


def wake_senders() -> None:
    """Have this process's sender look for due messages now."""
    with _wakers_lock:
        wakers = list(_wakers)
    for fn in wakers:
        try:
            fn()
        except Exception:  # a waker never breaks a commit
            log.exception("waking the sender failed")


def enqueue(
    session: Session,
    *,
    event: str,
    phone: str,
    params: dict[str, Any],
    key: str,
    language: str = "zh_CN",
    cipher: FieldCipher | None = None,
    now: dt.datetime | None = None,
) -> bool:
    """Put one message in the outbox within `session`'s transaction; True if it was new, False if a message
    with this `key` exists already (then nothing changes). `event` must have a template
    (app.notify.templates), `params` its parameters; `phone` a mobile number (InvalidPhone otherwise)."""
    tpl = template(event)
    missing = [p for p in tpl.params if params.get(p) in (None, "")]
    if missing:
        raise ValueError(f"{event}: missing parameters {', '.join(missing)}")
    if not key or len(key) > KEY_MAX:
        raise ValueError(f"a message key of 1 to {KEY_MAX} characters is needed")
    number = normalize_mobile(phone)
    seal = cipher or cipher_for(session)
    now = now or utcnow()
    values = {
        "id": new_id(),
        "key": key,
        "event": event,
        "language": language if language in LANGUAGES else "zh_CN",
        "phone_enc": seal.encrypt(number),
        "phone_masked": mask_phone(number),
        "params": {p: str(params[p]) for p in tpl.params},
        "status": "waiting",
        "attempts": 0,
        "next_attempt_at": now,
        "expires_at": now + tpl.ttl,
        "created_at": now,
        "updated_at": now,
    }
    table = m.NotifyMessage
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        stmt: Any = pg_insert(table).values(values).on_conflict_do_nothing(index_elements=["key"])
    elif dialect == "sqlite":
        stmt = sqlite_insert(table).values(values).on_conflict_do_nothing(index_elements=["key"])
    else:  # pragma: no cover - the two databases of the product
        if session.scalar(select(m.NotifyMessage.id).where(m.NotifyMessage.key == key)) is not None:
            return False
        stmt = insert(table).values(values)
    made = session.execute(stmt.returning(table.id)).first() is not None
    if made:
        log.info("queued %s for %s (%s)", event, values["phone_masked"], key)
        if not session.info.get(_WAKE_HOOKED):
            session.info[_WAKE_HOOKED] = True
            sa_event.listen(session, "after_commit", _wake)
    return made
