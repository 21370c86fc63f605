"""The citizen's phone page at the center (issue 18): every ticket gets an unguessable page token, online
and offline; `POST /tickets` answers its URL; the token-only public read shows the place in the queue and
the window when called, and nothing personal; the public event stream says which ticket changed."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from app.config import Settings
from app.domain.public_link import is_token
from app.sync.leases import issue_offline_ticket, lease_block
from tests.integration.test_replication import make_terminal
from tests.support.center import CenterServer, seed_minimal

ID = "11010519491231002X"
PUBLIC = "https://hall.example.gov.cn/q"


@pytest.fixture
def center(db_url: str, tmp_path: Any) -> Any:
    c = CenterServer(db_url, tmp_path / "center")
    c.settings = Settings(data_dir=tmp_path / "center", public_url=PUBLIC)
    with c:
        seed_minimal(c.db)
        yield c


def _clerk(center: CenterServer) -> httpx.Client:
    login = httpx.post(
        f"{center.url}/api/v1/auth/login", json={"username": "clerk01", "password": "clerk", "window": 1}
    ).json()
    return httpx.Client(base_url=f"{center.url}/api/v1", headers={"Authorization": f"Bearer {login['token']}"})


def _token(url: str) -> str:
    assert url.startswith(PUBLIC + "/t/"), url
    token = url.rsplit("/", 1)[1]
    assert is_token(token)
    return token


def test_a_ticket_page_follows_the_ticket_from_issue_to_call(center: CenterServer) -> None:
    api = _clerk(center)
    anon = httpx.Client(base_url=f"{center.url}/api/v1/public")  # no credential at all
    api.post("/windows/1/open")
    first = api.post("/tickets", json={"category": "A", "id_number": ID}).json()
    second = api.post("/tickets", json={"category": "A"}).json()
    t1, t2 = _token(first["url"]), _token(second["url"])
    assert t1 != t2
    page = anon.get(f"/tickets/{t2}")
    assert page.status_code == 200, page.text
    got = page.json()
    assert (got["number"], got["status"], got["people_ahead"], got["window"]) == ("A002", "waiting", 1, None)
    assert got["category_name"] == "企业开办" and got["today"] is True
    assert got["estimated_wait_min"] is not None  # window 1 is open and serves A
    # nothing personal, not even the ticket's id as a key: only the fields of the page
    text = page.text
    assert ID not in text and ID[-6:] not in text and "id_number" not in text and "real_name" not in text
    called = api.post("/windows/1/call-next").json()["ticket"]
    assert called["number"] == "A001"
    got = anon.get(f"/tickets/{t1}").json()
    assert (got["status"], got["window"], got["people_ahead"]) == ("called", 1, None)
    assert anon.get(f"/tickets/{t2}").json()["people_ahead"] == 0
    batch = anon.post("/tickets", json={"tokens": [t1, t2, "x" * 22]}).json()["tickets"]
    assert batch[t1]["status"] == "called" and batch[t2]["status"] == "waiting" and batch["x" * 22] is None
    # a transfer: the printed ticket's page follows it to the new number
    api.post(f"/tickets/{called['id']}/start")
    moved = api.post(f"/tickets/{called['id']}/transfer", json={"category": "B"}).json()["ticket"]
    got = anon.get(f"/tickets/{t1}").json()
    assert got["number"] == moved["number"] and got["category"] == "B" and got["status"] == "waiting"
    assert got["ids"] == [called["id"], moved["id"]]
    assert anon.get("/tickets/" + "A" * 22).status_code == 404
    assert anon.get("/tickets/short").status_code == 404


def test_the_public_stream_says_which_ticket_changed(center: CenterServer) -> None:
    from websockets.sync.client import connect

    api = _clerk(center)
    api.post("/windows/1/open")
    with connect(center.url.replace("http", "ws") + "/api/v1/public/events") as ws:
        assert json.loads(ws.recv(timeout=10)) == {"type": "hello"}
        issued = api.post("/tickets", json={"category": "A"}).json()
        seen: list[dict[str, Any]] = []
        api.post("/windows/1/call-next")
        while not any(e["type"] == "ticket.called" for e in seen):
            seen.append(json.loads(ws.recv(timeout=10)))
    called = next(e for e in seen if e["type"] == "ticket.called")
    assert called == {
        "type": "ticket.called", "id": issued["id"], "number": "A001", "category": "A", "status": "called", "window": 1
    }
    assert all("clerk" not in e for e in seen)  # window.status names the clerk: not on the public stream


def test_an_offline_ticket_has_a_page_once_pushed(center: CenterServer, tmp_path: Any) -> None:
    kiosk = make_terminal(center, tmp_path / "kiosk", "kiosk-1", "kiosk")
    try:
        assert kiosk.engine.sync_once().online
        lease_block(kiosk, "A", size=5)
        center.stop()
        off = issue_offline_ticket(kiosk, "A")
        assert off.public_token is not None and is_token(off.public_token)
        center.start()
        status = kiosk.engine.sync_once()
        assert status.online and status.pending_ops == 0 and status.rejected_ops == 0, status
        got = httpx.get(f"{center.url}/api/v1/public/tickets/{off.public_token}").json()
        assert (got["number"], got["status"], got["people_ahead"]) == (off.number, "waiting", 0)
    finally:
        kiosk.close()
