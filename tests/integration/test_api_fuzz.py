"""schemathesis over the center's generated OpenAPI document: no input may make it answer 5xx.
The app runs in process on a real SQLite file with the minimal hall, called with an admin token (an
admin may call every route) so the generated requests reach the handlers."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from app.center.app import create_app
from app.config import Settings
from app.store import migrate
from app.store.crypto import FieldCipher
from app.store.db import Database
from tests.support.center import seed_minimal


@pytest.fixture(scope="module")
def center_app(tmp_path_factory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("fuzz")
    db = Database(f"sqlite:///{tmp / 'center.db'}")
    migrate.upgrade(db.engine)
    seed_minimal(db)
    app = create_app(db, Settings(data_dir=tmp), cipher=FieldCipher(FieldCipher.new_key()))
    yield app
    db.dispose()


@pytest.fixture(scope="module")
def admin_headers(center_app):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    with TestClient(center_app) as client:
        token = client.post("/api/v1/auth/login", json={"username": "admin", "password": "admin"}).json()[
            "token"
        ]
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def api_schema(center_app):  # type: ignore[no-untyped-def]
    return schemathesis.openapi.from_asgi("/openapi.json", center_app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case, admin_headers) -> None:  # type: ignore[no-untyped-def]
    response = case.call(headers=admin_headers)
    assert response.status_code < 500, (
        f"{case.method} {case.path}: {response.status_code} {response.text[:300]}"
    )
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error", "message"}, body
