"""schemathesis over the center's generated OpenAPI document, with a real token of every role (admin,
manager, clerk, kiosk, screen, counter, and none): no input may make it answer 5xx, and every answer
conforms to the document — a declared status, the declared content type and body schema (errors are
`{"error", "message"}`). The app runs in process on a real SQLite file with the minimal hall."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.center.app import create_app
from app.config import Settings
from app.store import migrate
from app.store.crypto import FieldCipher
from app.store.db import Database
from app.sync.terminal import enrollment_code
from tests.support.center import seed_minimal

ROLES = ("admin", "manager", "clerk", "kiosk", "screen", "counter", "anonymous")
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


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
def role_headers(center_app):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    out: dict[str, dict[str, str]] = {"anonymous": {}}
    with TestClient(center_app) as client:
        for user, pw, role in (("admin", "admin", "admin"), ("manager", "manager", "manager"), ("clerk01", "clerk", "clerk")):
            token = client.post("/api/v1/auth/login", json={"username": user, "password": pw}).json()["token"]
            out[role] = {"Authorization": f"Bearer {token}"}
        for kind in ("kiosk", "screen", "counter"):
            cred = f"fuzz-{kind}-" + "x" * 32
            tid = client.post(
                "/api/v1/terminals/enroll", json={"name": f"fuzz-{kind}", "kind": kind, "credential": cred}
            ).json()["terminal_id"]
            client.post(
                f"/api/v1/terminals/{tid}/approve", headers=out["admin"], json={"code": enrollment_code(cred)}
            ).raise_for_status()
            token = client.post("/api/v1/auth/terminal", json={"terminal_id": tid, "credential": cred}).json()["token"]
            out[kind] = {"Authorization": f"Bearer {token}"}
    return out


@pytest.fixture(scope="module")
def api_schema(center_app):  # type: ignore[no-untyped-def]
    return schemathesis.openapi.from_asgi("/openapi.json", center_app)


schema = schemathesis.pytest.from_fixture("api_schema")


def _fuzz_as(role: str):  # type: ignore[no-untyped-def]
    @schema.parametrize()
    @settings(max_examples=3 if role == "admin" else 2, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    def test(case, role_headers) -> None:  # type: ignore[no-untyped-def]
        response = case.call(headers=role_headers[role])
        case.validate_response(response, checks=CHECKS)
        if response.status_code >= 400:
            body = response.json()
            assert set(body) == {"error", "code", "params", "message"}, body

    test.__name__ = f"test_api_as_{role}"
    return test


for _role in ROLES:  # one test per role (schemathesis does not combine with pytest parametrization)
    globals()[f"test_api_as_{_role}"] = _fuzz_as(_role)
