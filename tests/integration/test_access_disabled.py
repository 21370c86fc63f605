"""A staff member an admin disables loses access with the token already held, within the stated time
(README: 2 s at most), and gets it back when enabled again — on SQLite and PostgreSQL."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.support.center import CenterServer, seed_minimal

PROPAGATION_S = 2.0


@pytest.fixture
def center(db_url, tmp_path):  # type: ignore[no-untyped-def]
    with CenterServer(db_url, tmp_path) as c:
        seed_minimal(c.db)
        yield c


def login(base: str, user: str, password: str, window: int | None = None) -> httpx.Response:
    return httpx.post(f"{base}/api/v1/auth/login", json={"username": user, "password": password, "window": window})


def refused_within(client: httpx.Client, seconds: float) -> int:
    deadline = time.monotonic() + seconds + 0.5
    while True:
        status = client.get("/queue").status_code
        if status in (401, 403) or time.monotonic() > deadline:
            return status
        time.sleep(0.1)


def test_a_disabled_clerk_is_refused_and_enabled_again(center) -> None:  # type: ignore[no-untyped-def]
    admin = httpx.Client(
        base_url=f"{center.url}/api/v1",
        headers={"Authorization": f"Bearer {login(center.url, 'admin', 'admin').json()['token']}"},
    )
    token = login(center.url, "clerk01", "clerk", 1).json()["token"]
    clerk = httpx.Client(base_url=f"{center.url}/api/v1", headers={"Authorization": f"Bearer {token}"})
    assert clerk.get("/queue").status_code == 200
    assert admin.post("/admin/staff/clerk01/active", json={"active": False}).status_code == 200
    assert refused_within(clerk, PROPAGATION_S) in (401, 403)
    assert login(center.url, "clerk01", "clerk", 1).status_code in (401, 403)
    assert admin.post("/admin/staff/clerk01/active", json={"active": True}).status_code == 200
    again = login(center.url, "clerk01", "clerk", 1)
    assert again.status_code == 200
    fresh = httpx.Client(
        base_url=f"{center.url}/api/v1", headers={"Authorization": f"Bearer {again.json()['token']}"}
    )
    assert fresh.get("/queue").status_code == 200
