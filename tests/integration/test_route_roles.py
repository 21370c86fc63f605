"""Every route called with every role: the answer matches the route's declared roles, never 5xx.
A new route must be added to ROUTES with its roles, or this test fails."""

from __future__ import annotations

import httpx
import pytest

from app.sync.terminal import enrollment_code
from tests.support.center import CenterServer, seed_minimal

ALL = {"anonymous", "clerk", "manager", "admin", "kiosk", "screen", "counter", "backoffice"}
STAFF_AND_TERMINALS = {"clerk", "manager", "admin", "kiosk", "screen", "counter"}
COUNTER_STAFF = {"clerk", "manager", "counter", "admin"}
# (method, path) → roles that get past the role check
ROUTES: dict[tuple[str, str], set[str]] = {
    ("GET", "/api/v1/health"): ALL,
    ("GET", "/api/v1/ready"): ALL,
    ("GET", "/api/v1/metrics"): ALL,
    ("POST", "/api/v1/sync/health"): {"kiosk", "screen", "counter"},
    ("GET", "/api/v1/sync/resume"): {"kiosk", "screen", "counter", "admin"},
    ("GET", "/api/v1/snapshot"): STAFF_AND_TERMINALS,
    ("POST", "/api/v1/notices"): {"manager", "admin"},
    ("POST", "/api/v1/auth/login"): ALL,
    ("POST", "/api/v1/auth/terminal"): ALL,
    ("POST", "/api/v1/terminals/enroll"): ALL,
    ("GET", "/api/v1/terminals"): {"manager", "admin"},
    ("GET", "/api/v1/access-log"): {"admin"},
    ("POST", "/api/v1/terminals/{ref}/approve"): {"admin"},
    ("POST", "/api/v1/terminals/{ref}/revoke"): {"admin"},
    ("POST", "/api/v1/staff/{username}/role"): {"admin"},
    ("POST", "/api/v1/sync/push"): {"kiosk", "screen", "counter", "admin"},
    ("GET", "/api/v1/sync/pull"): {"kiosk", "screen", "counter", "clerk", "manager", "admin"},
    ("POST", "/api/v1/sync/leases"): {"kiosk", "admin"},
    ("POST", "/api/v1/sync/doc-numbers"): {"counter", "admin"},
    ("GET", "/api/v1/conflicts"): {"manager", "admin"},
    ("POST", "/api/v1/conflicts/{conflict_id}/resolve"): {"manager", "admin"},
    ("GET", "/api/v1/audit/verify"): {"manager", "admin"},
    ("GET", "/api/v1/sync/stats"): {"manager", "admin"},
    ("GET", "/api/v1/calendar/{year}"): STAFF_AND_TERMINALS,
    ("PUT", "/api/v1/calendar/{year}"): {"admin"},
    ("POST", "/api/v1/tickets"): {"kiosk", "clerk", "manager", "counter", "admin"},
    ("GET", "/api/v1/queue"): STAFF_AND_TERMINALS,
    ("GET", "/api/v1/tickets/lookup"): COUNTER_STAFF,
    ("POST", "/api/v1/tickets/{ticket_id}/holder"): COUNTER_STAFF,
    ("GET", "/api/v1/supervision"): {"manager", "clerk", "admin"},
    ("GET", "/api/v1/rectifications"): {"manager", "admin"},
    ("GET", "/api/v1/notify/outbox"): {"manager", "admin"},
    ("POST", "/api/v1/notify/outbox/{message_id}/retry"): {"manager", "admin"},
    ("POST", "/api/v1/rectifications/{rect_id}"): {"manager", "admin"},
    ("POST", "/api/v1/rectifications/{rect_id}/phone"): {"manager", "admin"},
    ("GET", "/api/v1/reports"): {"manager", "admin"},
    ("GET", "/api/v1/stats/daily"): {"manager", "clerk", "admin"},
    ("POST", "/api/v1/appointments"): {"manager", "admin"},
    ("POST", "/api/v1/auth/card"): {"counter", "admin"},
    ("POST", "/api/v1/staff/{username}/card"): {"admin"},
    ("POST", "/api/v1/appointments/check-in"): {"kiosk", "clerk", "manager", "counter", "admin"},
    ("GET", "/api/v1/tickets/visit"): {"kiosk", "clerk", "manager", "counter", "admin"},
    # the phone pages (issue 18): token-only reads, the page token is the capability
    ("GET", "/api/v1/public/tickets/{token}"): ALL,
    ("POST", "/api/v1/public/tickets"): ALL,
    ("POST", "/api/v1/public/tickets/{token}/rating"): ALL,
    ("POST", "/api/v1/public/cases/{token}"): ALL,
    # appointments (issue 18): the manager's slot plans and day list; the public booking API (no credential)
    ("GET", "/api/v1/booking/plans"): {"manager", "admin"},
    ("PUT", "/api/v1/booking/plans/{prefix}"): {"manager", "admin"},
    ("GET", "/api/v1/booking/appointments"): {"manager", "admin"},
    ("GET", "/api/v1/public/booking/categories"): ALL,
    ("GET", "/api/v1/public/booking/{prefix}/days"): ALL,
    ("GET", "/api/v1/public/booking/{prefix}/slots"): ALL,
    ("POST", "/api/v1/public/booking/holds"): ALL,
    ("GET", "/api/v1/public/booking/holds/{token}"): ALL,
    ("POST", "/api/v1/public/booking/holds/{token}/confirm"): ALL,
    ("GET", "/api/v1/public/appointments/{token}"): ALL,
    ("POST", "/api/v1/public/appointments/{token}/cancel"): ALL,
    ("POST", "/api/v1/public/appointments/{token}/reschedule"): ALL,
    ("GET", "/api/v1/feedback"): {"manager", "admin"},
    ("POST", "/api/v1/feedback/{feedback_id}/answer"): {"manager", "admin"},
    # administration (issue 16): admin only
    ("GET", "/api/v1/admin/staff"): {"admin"},
    ("POST", "/api/v1/admin/staff"): {"admin"},
    ("POST", "/api/v1/admin/staff/{username}/password"): {"admin"},
    ("POST", "/api/v1/admin/staff/{username}/active"): {"admin"},
    ("GET", "/api/v1/admin/windows"): {"admin"},
    ("GET", "/api/v1/admin/sites"): {"manager", "admin"},
    ("PUT", "/api/v1/admin/windows/{number}"): {"admin"},
    ("GET", "/api/v1/admin/categories"): {"admin"},
    ("PUT", "/api/v1/admin/categories/{prefix}"): {"admin"},
    ("POST", "/api/v1/admin/items/{code}/status"): {"admin"},
    ("POST", "/api/v1/admin/import"): {"admin"},
    ("GET", "/api/v1/admin/export"): {"admin"},
    # cases at the center (issue 17)
    ("GET", "/api/v1/cases/tasks"): {"backoffice", "manager", "admin"},
    ("POST", "/api/v1/agency/projects"): {"clerk", "manager", "admin"},
    ("GET", "/api/v1/agency/projects"): {"clerk", "manager", "backoffice", "admin"},
    ("GET", "/api/v1/agency/projects/{project_id}"): {"clerk", "manager", "backoffice", "admin"},
    ("POST", "/api/v1/agency/projects/{project_id}/stages/{position}/start"): {"clerk", "manager", "admin"},
    ("POST", "/api/v1/agency/projects/{project_id}/stages/{position}/done"): {"clerk", "manager", "admin"},
    ("GET", "/api/v1/cases/lookup"): {"backoffice", "clerk", "manager", "counter", "admin"},
    ("GET", "/api/v1/cases/{case_id}"): {"backoffice", "clerk", "manager", "counter", "admin"},
    ("GET", "/api/v1/cases/{case_id}/papers/{paper}.pdf"): {"backoffice", "clerk", "manager", "counter", "admin"},
    **{
        ("POST", f"/api/v1/cases/{{case_id}}/tasks/{{task_id}}/{a}"): {"backoffice", "admin"}
        for a in ("opinion", "decide", "return", "report", "verify")
    },
    ("POST", "/api/v1/cases/{case_id}/pause"): {"backoffice", "admin"},
    ("POST", "/api/v1/cases/{case_id}/resume"): {"backoffice", "admin"},
    ("POST", "/api/v1/cases/{case_id}/corrected"): {"clerk", "manager", "admin"},
    ("POST", "/api/v1/cases/{case_id}/deliver"): {"clerk", "manager", "admin"},
    ("POST", "/api/v1/cases/deferrals/sweep"): {"manager", "admin"},
    **{
        ("POST", f"/api/v1/windows/{{window_no}}/{a}"): COUNTER_STAFF
        for a in ("call-next", "call", "open", "pause", "resume", "close")
    },
    **{
        ("POST", f"/api/v1/tickets/{{ticket_id}}/{a}"): COUNTER_STAFF
        for a in ("recall", "no-show", "come-back", "start", "finish", "transfer")
    },
}
BODIES: dict[str, object] = {
    "/api/v1/admin/staff": {"username": "probe", "full_name": "探针", "role": "clerk"},
    "/api/v1/public/tickets": {"tokens": ["probe-token-0000000000"]},
    "/api/v1/public/tickets/{token}/rating": {"level": 5},
    "/api/v1/public/cases/{token}": {"id_tail": "000000"},
    "/api/v1/admin/staff/{username}/password": {"password": "Probe1234567"},
    "/api/v1/admin/staff/{username}/active": {"active": True},
    "/api/v1/admin/windows/{number}": {"categories": ["A"]},
    "/api/v1/admin/categories/{prefix}": {"hours": ""},
    "/api/v1/admin/items/{code}/status": {"status": "active"},
    "/api/v1/notices": {"text": "测试"},
    "/api/v1/booking/plans/{prefix}": {"slot_minutes": 30},
    "/api/v1/public/booking/holds": {"category": "A", "start": "2030-01-02T09:00:00+08:00", "name": "张三",
                                     "id_number": "11010519491231002X", "phone": "13812345678", "consent": True},
    "/api/v1/public/booking/holds/{token}/confirm": {"code": "000000"},
    "/api/v1/public/appointments/{token}/reschedule": {"start": "2030-01-02T09:00:00+08:00"},
    "/api/v1/auth/login": {"username": "nobody", "password": "x"},
    "/api/v1/auth/terminal": {"terminal_id": "00000000-0000-0000-0000-000000000000", "credential": "x"},
    "/api/v1/terminals/enroll": {"name": "role-probe", "kind": "screen", "credential": "p" * 40},
    "/api/v1/staff/{username}/role": {"role": "clerk"},
    "/api/v1/sync/push": {"ops": []},
    "/api/v1/sync/health": {"health": {}},
    "/api/v1/sync/leases": {"category": "A", "size": 1},
    "/api/v1/sync/doc-numbers": {"kind": "受", "year": 2030, "size": 1},
    "/api/v1/calendar/{year}": {"days": [{"day": "2030-10-01", "is_workday": False, "name": "国庆节"}]},
    "/api/v1/tickets": {"category": "A"},
    "/api/v1/appointments": {"category": "A", "name": "张三"},
    "/api/v1/appointments/check-in": {"code": "00000000"},
    "/api/v1/auth/card": {"id_number": "11010519491231002X", "window": 1},
    "/api/v1/staff/{username}/card": {"id_number": "11010519491231002X"},
    "/api/v1/windows/{window_no}/call": {"number": "A001"},
    "/api/v1/tickets/{ticket_id}/transfer": {"category": "B"},
    "/api/v1/tickets/{ticket_id}/holder": {"id_number": "11010519491231002X"},
    "/api/v1/cases/{case_id}/pause": {"reason": "现场踏勘"},
    "/api/v1/agency/projects": {"name": "项目", "company": "公司", "agent": "clerk01"},
    "/api/v1/agency/projects/{project_id}/stages/{position}/start": {},
    "/api/v1/agency/projects/{project_id}/stages/{position}/done": {},
}


def tokens(center: CenterServer) -> dict[str, str | None]:
    out: dict[str, str | None] = {"anonymous": None}
    for user, pw, role in (
        ("clerk01", "clerk", "clerk"),
        ("manager", "manager", "manager"),
        ("admin", "admin", "admin"),
    ):
        out[role] = httpx.post(
            f"{center.url}/api/v1/auth/login", json={"username": user, "password": pw}
        ).json()["token"]
    admin = {"Authorization": f"Bearer {out['admin']}"}
    httpx.post(
        f"{center.url}/api/v1/admin/staff",
        headers=admin,
        json={"username": "bo_scjg", "full_name": "审批员", "role": "backoffice", "department": "SCJG",
              "password": "Backoffice12345"},
    ).raise_for_status()
    out["backoffice"] = httpx.post(
        f"{center.url}/api/v1/auth/login", json={"username": "bo_scjg", "password": "Backoffice12345"}
    ).json()["token"]
    for kind in ("kiosk", "screen", "counter"):
        cred = kind * 10
        tid = httpx.post(
            f"{center.url}/api/v1/terminals/enroll",
            json={"name": f"t-{kind}", "kind": kind, "credential": cred},
        ).json()["terminal_id"]
        httpx.post(
            f"{center.url}/api/v1/terminals/{tid}/approve", headers=admin, json={"code": enrollment_code(cred)}
        ).raise_for_status()
        out[kind] = httpx.post(
            f"{center.url}/api/v1/auth/terminal", json={"terminal_id": tid, "credential": cred}
        ).json()["token"]
    return out


def test_every_route_checks_its_roles(sqlite_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with CenterServer(sqlite_url, tmp_path) as center:
        seed_minimal(center.db)
        from app.center.app import create_app

        app = create_app(center.db, center.settings, cipher=center.cipher)
        declared = {(meth.upper(), path) for path, ops in app.openapi()["paths"].items() for meth in ops}
        assert declared == set(ROUTES), f"routes without a role expectation: {declared ^ set(ROUTES)}"
        toks = tokens(center)
        for (method, path), allowed in ROUTES.items():
            url = center.url + path.replace("{ref}", "t-screen").replace("{username}", "clerk01").replace(
                "{year}", "2030"
            )
            for role, token in toks.items():
                headers = {"Authorization": f"Bearer {token}"} if token else {}
                r = httpx.request(method, url, headers=headers, json=BODIES.get(path))
                assert r.status_code < 500, (method, path, role, r.text)
                if role in allowed:
                    assert r.status_code not in (401, 403) or path.startswith("/api/v1/auth/"), (
                        method,
                        path,
                        role,
                        r.text,
                    )
                elif role == "anonymous":
                    assert r.status_code == 401, (method, path, role, r.status_code)
                else:
                    assert r.status_code == 403, (method, path, role, r.status_code)
                if path.endswith("/revoke") and r.status_code == 200:  # keep the probe terminal usable
                    httpx.post(
                        center.url + "/api/v1/terminals/t-screen/approve",
                        headers={"Authorization": f"Bearer {toks['admin']}"},
                        json={"code": enrollment_code("screen" * 10)},
                    ).raise_for_status()


@pytest.mark.parametrize("path", ["/api/v1/terminals", "/api/v1/conflicts"])
def test_expired_token_is_refused(sqlite_url, tmp_path, path) -> None:  # type: ignore[no-untyped-def]
    from app.center.security import Principal, sign_token

    with CenterServer(sqlite_url, tmp_path) as center:
        from app.center.context import load_token_secret

        expired = Principal(subject="admin", role="admin", name="x", expires=1.0)
        token = sign_token(expired, load_token_secret(center.db))  # the secret lives in the database
        r = httpx.get(center.url + path, headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 401 and "expired" in r.json()["message"]
