"""The center's HTTP API through a real uvicorn server, on SQLite and on PostgreSQL."""

from __future__ import annotations

import httpx
import pytest

from tests.support.center import CenterServer, seed_minimal


@pytest.fixture
def center(db_url, tmp_path):  # type: ignore[no-untyped-def]
    with CenterServer(db_url, tmp_path) as c:
        seed_minimal(c.db)
        yield c


def login(url: str, user: str, password: str, window: int | None = None) -> str:
    r = httpx.post(
        f"{url}/api/v1/auth/login", json={"username": user, "password": password, "window": window}
    )
    assert r.status_code == 200, r.text
    return str(r.json()["token"])


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_health_says_demo_and_database(center) -> None:  # type: ignore[no-untyped-def]
    body = httpx.get(f"{center.url}/api/v1/health").json()
    assert body["status"] == "ok"
    assert body["demo"] is True
    assert body["database"] in ("sqlite", "postgresql")


def test_login_and_errors_are_json(center) -> None:  # type: ignore[no-untyped-def]
    r = httpx.post(f"{center.url}/api/v1/auth/login", json={"username": "clerk01", "password": "clerk"})
    assert r.status_code == 200
    assert r.json()["role"] == "clerk" and r.json()["window"] == 1
    bad = httpx.post(f"{center.url}/api/v1/auth/login", json={"username": "clerk01", "password": "nope"})
    assert bad.status_code == 401
    assert bad.json() == {
        "error": "bad_credentials", "code": "bad_credentials", "params": {}, "message": "Wrong user name or password."
    }
    missing = httpx.post(f"{center.url}/api/v1/auth/login", json={"username": "clerk01"})
    assert missing.status_code == 422 and missing.json()["error"] == "invalid_request"
    assert httpx.get(f"{center.url}/api/v1/nope").json()["error"] == "not_found"
    unauth = httpx.get(f"{center.url}/api/v1/terminals")
    assert unauth.status_code == 401 and unauth.json()["error"] == "unauthorized"
    forged = httpx.get(f"{center.url}/api/v1/terminals", headers=auth("e30.AAAA"))
    assert forged.status_code == 401


def test_login_rate_limit(center) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        httpx.post(f"{center.url}/api/v1/auth/login", json={"username": "manager", "password": "x"})
    r = httpx.post(f"{center.url}/api/v1/auth/login", json={"username": "manager", "password": "manager"})
    assert r.status_code == 429 and r.json()["error"] == "too_many_attempts"
    assert int(r.headers["Retry-After"]) > 0


def test_roles_are_checked(center) -> None:  # type: ignore[no-untyped-def]
    clerk = login(center.url, "clerk01", "clerk")
    manager = login(center.url, "manager", "manager")
    admin = login(center.url, "admin", "admin")
    assert httpx.get(f"{center.url}/api/v1/terminals", headers=auth(clerk)).status_code == 403
    assert httpx.get(f"{center.url}/api/v1/terminals", headers=auth(manager)).status_code == 200
    code = {"code": "AAAA-AAAA"}
    assert httpx.post(f"{center.url}/api/v1/terminals/x/approve", headers=auth(manager), json=code).status_code == 403
    assert httpx.post(f"{center.url}/api/v1/terminals/x/approve", headers=auth(admin), json=code).status_code == 404
    # a clerk cannot push as a terminal
    r = httpx.post(f"{center.url}/api/v1/sync/push", json={"ops": []}, headers=auth(clerk))
    assert r.status_code == 403 and r.json()["error"] == "forbidden"


def test_request_size_limit(center) -> None:  # type: ignore[no-untyped-def]
    big = b"x" * (9 * 1024 * 1024)
    r = httpx.post(
        f"{center.url}/api/v1/auth/login", content=big, headers={"content-type": "application/json"}
    )
    assert r.status_code == 413 and r.json()["error"] == "too_large"


def test_enrollment_approval_and_revocation(center) -> None:  # type: ignore[no-untyped-def]
    cred = "c" * 40
    r = httpx.post(
        f"{center.url}/api/v1/terminals/enroll", json={"name": "kiosk-1", "kind": "kiosk", "credential": cred}
    )
    assert r.status_code == 202 and r.json()["status"] == "pending"
    tid = r.json()["terminal_id"]
    tlogin = {"terminal_id": tid, "credential": cred}
    pending = httpx.post(f"{center.url}/api/v1/auth/terminal", json=tlogin)
    assert pending.status_code == 403 and pending.json()["error"] == "pending_approval"
    admin = login(center.url, "admin", "admin")
    assert (
        httpx.post(
            f"{center.url}/api/v1/terminals/kiosk-1/approve", headers=auth(admin), json={"code": r.json()["code"]}
        ).json()["status"]
        == "approved"
    )
    ok = httpx.post(f"{center.url}/api/v1/auth/terminal", json=tlogin)
    assert ok.status_code == 200 and ok.json()["role"] == "kiosk"
    wrong = httpx.post(
        f"{center.url}/api/v1/auth/terminal", json={"terminal_id": tid, "credential": "d" * 40}
    )
    assert wrong.status_code == 401
    again = httpx.post(
        f"{center.url}/api/v1/terminals/enroll", json={"name": "kiosk-1", "kind": "kiosk", "credential": cred}
    )
    assert again.status_code == 409
    httpx.post(f"{center.url}/api/v1/terminals/kiosk-1/revoke", headers=auth(admin))
    assert httpx.post(f"{center.url}/api/v1/auth/terminal", json=tlogin).json()["error"] == "revoked"
    # logins, enrollment, approval, revocation are all in the center's audit chain, which verifies
    chains = httpx.get(f"{center.url}/api/v1/audit/verify", headers=auth(admin)).json()
    center_chain = next(c for c in chains if c["terminal"] == "center")
    assert center_chain["ok"], center_chain


def test_role_change_is_audited_and_replicated(center) -> None:  # type: ignore[no-untyped-def]
    admin = login(center.url, "admin", "admin")
    r = httpx.post(f"{center.url}/api/v1/staff/clerk01/role", json={"role": "manager"}, headers=auth(admin))
    assert r.status_code == 200
    from sqlalchemy import select

    from app.store import models as m

    with center.db.read_session() as s:
        actions = s.scalars(select(m.AuditEvent.action)).all()
        assert "staff.role_change" in actions
        staff_changes = s.scalars(select(m.ChangeLog).where(m.ChangeLog.entity == "staff")).all()
        assert staff_changes and staff_changes[-1].data["role"] == "manager"
        assert "password_hash" not in staff_changes[-1].data


def test_openapi_document_lists_routes(center) -> None:  # type: ignore[no-untyped-def]
    doc = httpx.get(f"{center.url}/openapi.json").json()
    assert "/api/v1/sync/push" in doc["paths"] and "/api/v1/auth/login" in doc["paths"]
