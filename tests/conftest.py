"""Shared fixtures: real SQLite files and real PostgreSQL databases (created and dropped per test)."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HALL_DATA_DIR", tempfile.mkdtemp(prefix="hall-test-data-"))

PG_ADMIN_URL = os.environ.get("HALL_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(autouse=True, scope="session")
def _hall_test_clock() -> Iterator[None]:
    """`HALL_TEST_CLOCK=2026-12-04T15:59:30Z pytest …` runs the suite from that instant on (the clock
    ticks on from there): how a test that reads the real clock is caught at hall midnight (16:00 UTC),
    on a Friday evening or at a year's end, instead of in CI on the night it happens. Unset: the real
    clock. PostgreSQL's own clock is not moved; the product never asks the database for the time."""
    at = os.environ.get("HALL_TEST_CLOCK", "")
    if not at:
        yield
        return
    import time_machine

    with time_machine.travel(at, tick=True):
        yield


def _pg_admin_connect():  # type: ignore[no-untyped-def]
    import psycopg

    try:
        return psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:  # a test that needs PostgreSQL fails loudly, never skips
        pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_URL}: {exc}")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    name = f"hall_test_{uuid.uuid4().hex[:12]}"
    with _pg_admin_connect() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    yield f"{base}/{name}"
    with _pg_admin_connect() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    return f"sqlite:///{tmp_path / 'hall.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request) -> str:  # type: ignore[no-untyped-def]
    """Runs the test once on a SQLite file and once on PostgreSQL."""
    fixture = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return str(request.getfixturevalue(fixture))


@pytest.fixture
def migrated_db(db_url):  # type: ignore[no-untyped-def]
    """A `Database` on `db_url`, migrated to head with Alembic (not create_all)."""
    from app.store import migrate
    from app.store.db import Database

    db = Database(db_url)
    migrate.upgrade(db.engine)
    yield db
    db.dispose()


@pytest.fixture(autouse=True)
def _hall_logs_reach_caplog():  # type: ignore[no-untyped-def]
    """`setup_logging` (run by CLI tests) stops the `hall` logger propagating; give caplog its records back."""
    import logging

    logging.getLogger("hall").propagate = True
    yield
    logging.getLogger("hall").propagate = True
