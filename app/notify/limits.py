"""Rate limits kept in the center's database, so that every center process on one PostgreSQL counts the
same requests: SMS verification codes per phone and per client address, per minute, hour and day
(`notify.code_limits` in hall.toml). The phone and the address are stored only as keyed hashes (the field
cipher's lookup hash); rows older than a day are pruned as new ones are written.

`allow_sms_code(session, phone=…, ip=…)` answers whether one more code may be sent now and, if so, counts
it in `session`'s transaction (so a code whose sending is rolled back is not counted); on PostgreSQL a
transaction-scoped advisory lock per key makes the check and the count one step across processes."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from app.config import CodeLimits
from app.domain.clock import utcnow
from app.domain.phone import normalize_mobile
from app.notify.outbox import cipher_for
from app.store import models as m
from app.store.crypto import FieldCipher


@dataclass(frozen=True)
class Allowance:
    allowed: bool
    reason: str | None = None  # phone_per_minute / phone_per_hour / … : the limit that refused
    retry_after_s: int = 0  # when the oldest counted request of that limit leaves its window


MINUTE, HOUR, DAY = dt.timedelta(minutes=1), dt.timedelta(hours=1), dt.timedelta(days=1)


def _key(kind: str, value: str, cipher: FieldCipher) -> str:
    return f"{kind}:{cipher.lookup_hash(value)}"


def _lock(session: Session, key: str) -> None:
    if session.get_bind().dialect.name == "postgresql":
        digest = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": digest})


def _check(
    session: Session, key: str, rules: list[tuple[str, int, dt.timedelta]], now: dt.datetime
) -> Allowance | None:
    for name, limit, window in rules:
        if limit <= 0:
            continue
        count, oldest = session.execute(
            select(func.count(), func.min(m.RateHit.at)).where(m.RateHit.key == key, m.RateHit.at > now - window)
        ).one()
        if int(count) >= limit:
            if oldest is not None and oldest.tzinfo is None:
                oldest = oldest.replace(tzinfo=dt.UTC)
            wait = (oldest + window - now).total_seconds() if oldest is not None else window.total_seconds()
            return Allowance(False, name, max(1, int(wait + 0.999)))
    return None


def allow(
    session: Session,
    checks: list[tuple[str, list[tuple[str, int, dt.timedelta]]]],
    *,
    now: dt.datetime | None = None,
) -> Allowance:
    """The general form: `checks` is [(key, [(limit name, count, window) …]) …]; all pass, or the first
    refusal is answered and nothing is counted. Counted in `session`'s transaction when allowed."""
    now = now or utcnow()
    for key, _rules in sorted(checks):
        _lock(session, key)
    for key, rules in checks:
        refused = _check(session, key, rules, now)
        if refused is not None:
            return refused
    for key, _rules in checks:
        session.execute(delete(m.RateHit).where(m.RateHit.key == key, m.RateHit.at <= now - DAY))
        session.add(m.RateHit(key=key, at=now))
    session.flush()
    return Allowance(True)


def allow_sms_code(
    session: Session,
    *,
    phone: str,
    ip: str | None,
    limits: CodeLimits | None = None,
    now: dt.datetime | None = None,
    cipher: FieldCipher | None = None,
) -> Allowance:
    """May one more SMS code go to `phone`, asked from client address `ip`? Counts it if so (InvalidPhone
    for a number that is not a mobile one)."""
    limits = limits or CodeLimits()
    seal = cipher or cipher_for(session)
    checks = [
        (
            _key("code-phone", normalize_mobile(phone), seal),
            [
                ("phone_per_minute", limits.phone_per_minute, MINUTE),
                ("phone_per_hour", limits.phone_per_hour, HOUR),
                ("phone_per_day", limits.phone_per_day, DAY),
            ],
        )
    ]
    if ip:
        checks.append(
            (_key("code-ip", ip, seal), [("ip_per_hour", limits.ip_per_hour, HOUR), ("ip_per_day", limits.ip_per_day, DAY)])
        )
    return allow(session, checks, now=now)
