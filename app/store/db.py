"""Engines and sessions for both databases.

SQLite (the embedded center and every terminal cache): WAL, synchronous=FULL, foreign keys on, a busy
timeout, and `BEGIN IMMEDIATE` for write transactions (`write_session`) so that two writers never
deadlock on a lock upgrade. PostgreSQL: plain psycopg 3; writes that race use row locks.
"""

from __future__ import annotations

import contextlib
import select
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import ConfigError, DiskFull

BUSY_TIMEOUT_MS = 10_000
# PostgreSQL connections per center process: as many as the threads that run its routes (`CENTER_THREADS`
# in app.center.app), so a request never waits for a connection while a thread is free for it
PG_POOL_SIZE, PG_POOL_OVERFLOW = 20, 10


def is_disk_full(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "disk is full" in text or "no space left" in text or "disk full" in text


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(url: str, **kwargs: Any) -> Engine:
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise ConfigError(f"not a database URL: {url!r} ({exc})") from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **kwargs)
        _configure_sqlite(engine)
        return engine
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            url = str(parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False))
        kwargs.setdefault("pool_pre_ping", True)
        kwargs.setdefault("pool_size", PG_POOL_SIZE)
        kwargs.setdefault("max_overflow", PG_POOL_OVERFLOW)
        engine = create_engine(url, **kwargs)
        # many-row INSERTs (a pushed batch) as multi-row VALUES pages, not one statement per row
        engine.dialect.use_insertmanyvalues_wo_returning = True
        _cheap_ping(engine)
        return engine
    raise ConfigError(
        f"unsupported database {parsed.get_backend_name()!r}: use sqlite:/// or postgresql+psycopg://"
    )


def _cheap_ping(engine: Engine) -> None:
    """The pool's check of a connection before use, without a round trip when nothing is wrong: an idle
    connection whose socket has something to read (the server closed it: a restart, an admin's kill) or
    that psycopg knows is broken gets the real `SELECT 1` — which fails and has the pool reconnect —
    while a healthy one costs a `select()` with a zero timeout instead of a round trip per checkout."""
    real_ping = engine.dialect.do_ping

    def ping(dbapi_connection: Any) -> bool:
        conn = getattr(dbapi_connection, "driver_connection", dbapi_connection)
        try:
            if conn.closed or conn.broken:
                return bool(real_ping(dbapi_connection))
            readable, _, _ = select.select([conn.fileno()], [], [], 0)
        except (AttributeError, OSError, ValueError):
            return bool(real_ping(dbapi_connection))
        return True if not readable else bool(real_ping(dbapi_connection))

    engine.dialect.do_ping = ping  # type: ignore[method-assign]


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


class Database:
    """One database: its engine and its session factory."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        self.engine = make_engine(url, **engine_kwargs)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        # SQLite has one writer at a time: writers of this process queue on a lock and wake at once,
        # instead of polling in SQLite's busy handler (sleeps of up to 100 ms); other processes still
        # meet the busy timeout
        self._sqlite_writer = threading.RLock() if is_sqlite(self.engine) else None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextlib.contextmanager
    def read_session(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    @contextlib.contextmanager
    def write_session(self) -> Iterator[Session]:
        """A transaction that commits on success and rolls back on error; `BEGIN IMMEDIATE` on SQLite.
        A full disk is a DiskFull error that says so in words (nothing of the transaction is kept)."""
        try:
            with self._sqlite_writer or contextlib.nullcontext(), self.sessions() as session:
                if is_sqlite(self.engine):
                    session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
                with session.begin() if not session.in_transaction() else contextlib.nullcontext():
                    yield session
                if session.in_transaction():
                    session.commit()
        except OperationalError as exc:
            if is_disk_full(exc):
                raise DiskFull(make_url(self.url).render_as_string(hide_password=True)) from exc
            raise

    @contextlib.contextmanager
    def autocommit_session(self) -> Iterator[Session]:
        """A session in which every statement is its own transaction, on PostgreSQL: for work that writes
        in one statement (the queue's hot paths) — no BEGIN and COMMIT round trips, and the row locks
        the statement takes are held only while it runs. Elsewhere the same as `write_session`."""
        if is_sqlite(self.engine):
            with self.write_session() as session:
                yield session
            return
        try:
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                with self.sessions(bind=conn) as session:
                    yield session
                    session.commit()
        except OperationalError as exc:
            if is_disk_full(exc):
                raise DiskFull(make_url(self.url).render_as_string(hide_password=True)) from exc
            raise

    def dispose(self) -> None:
        self.engine.dispose()
