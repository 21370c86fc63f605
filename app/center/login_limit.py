"""The login rate limit shared by every center process on one PostgreSQL: failed logins are rows of
`login_failures`, written in their own short transaction (the login's own transaction rolls back on a
refusal) and pruned as new ones come. Same interface as the in-process `LoginRateLimiter`, which the
single-process SQLite center keeps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, func, select

from app.domain.clock import utcnow
from app.store import models as m
from app.store.db import Database


@dataclass
class SharedLoginRateLimiter:
    """At most `limit` failed logins per key (user name and client address) within `window_s`."""

    db: Database
    limit: int = 5
    window_s: float = 300.0

    def _since(self) -> dt.datetime:
        return utcnow() - dt.timedelta(seconds=self.window_s)

    def blocked_for(self, key: str, now: float | None = None) -> float:
        with self.db.read_session() as s:
            count, oldest = s.execute(
                select(func.count(), func.min(m.LoginFailure.at)).where(
                    m.LoginFailure.key == key, m.LoginFailure.at > self._since()
                )
            ).one()
        if int(count) < self.limit or oldest is None:
            return 0.0
        if oldest.tzinfo is None:
            oldest = oldest.replace(tzinfo=dt.UTC)
        return max(0.0, self.window_s - (utcnow() - oldest).total_seconds())

    def failed(self, key: str, now: float | None = None) -> None:
        with self.db.write_session() as s:
            s.execute(
                delete(m.LoginFailure).where(m.LoginFailure.key == key, m.LoginFailure.at <= self._since())
            )
            s.add(m.LoginFailure(key=key[:200], at=utcnow()))

    def succeeded(self, key: str) -> None:
        with self.db.write_session() as s:
            s.execute(delete(m.LoginFailure).where(m.LoginFailure.key == key))
