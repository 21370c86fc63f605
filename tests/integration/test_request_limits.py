"""Bounded requests: bodies counted while they stream (chunked or not), numbers range-checked (422)."""

from __future__ import annotations

import select
import socket

import httpx
import pytest

from tests.support.center import CenterServer, seed_minimal

MiB = 1024 * 1024


@pytest.fixture
def center(db_url, tmp_path):  # type: ignore[no-untyped-def]
    with CenterServer(db_url, tmp_path) as c:
        seed_minimal(c.db)
        yield c


def _token(center: CenterServer) -> str:
    from app.sync.terminal import enrollment_code

    base = center.url + "/api/v1"
    admin = httpx.post(f"{base}/auth/login", json={"username": "admin", "password": "admin"}).json()["token"]
    cred = "q" * 40
    tid = httpx.post(f"{base}/terminals/enroll", json={"name": "k", "kind": "kiosk", "credential": cred}).json()[
        "terminal_id"
    ]
    httpx.post(
        f"{base}/terminals/k/approve", headers={"Authorization": f"Bearer {admin}"}, json={"code": enrollment_code(cred)}
    ).raise_for_status()
    return str(httpx.post(f"{base}/auth/terminal", json={"terminal_id": tid, "credential": cred}).json()["token"])


def test_a_chunked_body_is_cut_off_at_the_limit(center) -> None:  # type: ignore[no-untyped-def]
    """64 MiB sent chunked without a Content-Length: the 413 arrives while the client is still sending,
    soon after the limit (the center stops reading; what it holds is the limit, not the body)."""
    host, port = "127.0.0.1", center.port
    sock = socket.create_connection((host, port), timeout=10)
    sock.sendall(
        b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b"%x\r\n" % MiB + b" " * MiB + b"\r\n"
    sent, answer = 0, b""
    sock.setblocking(False)
    try:
        while sent < 64 * MiB and b"\r\n\r\n" not in answer:
            view = memoryview(chunk)
            while view and b"\r\n\r\n" not in answer:
                readable, writable, _ = select.select([sock], [sock], [], 5)
                if readable:
                    got = sock.recv(65536)
                    if not got:
                        break
                    answer += got
                elif writable:
                    try:
                        n = sock.send(view)
                    except (BrokenPipeError, ConnectionResetError):
                        break
                    view = view[n:]
                else:
                    break
            sent += MiB
        sock.setblocking(True)
        sock.settimeout(10)
        while b"\r\n\r\n" not in answer:
            got = sock.recv(65536)
            if not got:
                break
            answer += got
    finally:
        sock.close()
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent <= 20 * MiB, f"the center kept reading: {sent // MiB} MiB sent before its answer"
    assert httpx.get(f"{center.url}/api/v1/health").status_code == 200


def test_a_declared_length_over_the_limit_is_refused(center) -> None:  # type: ignore[no-untyped-def]
    r = httpx.post(
        f"{center.url}/api/v1/auth/login", content=b"x" * (9 * MiB), headers={"content-type": "application/json"}
    )
    assert r.status_code == 413


@pytest.mark.parametrize(
    "query",
    ["after=", "after=-1", f"after={2**63}", f"after={2**70}", "after=abc", "limit=0", f"limit={10**30}"],
)
def test_pull_cursor_is_range_checked(center, query) -> None:  # type: ignore[no-untyped-def]
    token = _token(center)
    r = httpx.get(f"{center.url}/api/v1/sync/pull?{query}", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 422, (query, r.status_code, r.text)
    assert set(r.json()) == {"error", "code", "params", "message"}


def test_pushed_integers_beyond_64_bits_are_422(center) -> None:  # type: ignore[no-untyped-def]
    token = _token(center)
    op = {
        "op_id": "0190a2c4-0000-7000-8000-000000000001",
        "kind": "ticket.issue",
        "payload": {"seq": 2**64, "nested": [{"n": -(2**65)}]},
    }
    r = httpx.post(f"{center.url}/api/v1/sync/push", json={"ops": [op]}, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 422 and r.json()["error"] == "out_of_range", r.text
    r = httpx.post(
        f"{center.url}/api/v1/sync/push",
        content=b'{"ops": [{"op_id": "0190a2c4-0000-7000-8000-000000000001", "kind": "x", "payload": {"a": NaN}}]}',
        headers={"Authorization": f"Bearer {token}", "content-type": "application/json"},
    )
    assert r.status_code == 422
    # a path integer beyond 64 bits
    r = httpx.get(f"{center.url}/api/v1/calendar/{2**64}", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 422


def test_405_carries_allow(center) -> None:  # type: ignore[no-untyped-def]
    r = httpx.delete(f"{center.url}/api/v1/health")
    assert r.status_code == 405 and "GET" in r.headers["allow"] and r.json()["error"] == "method_not_allowed"
