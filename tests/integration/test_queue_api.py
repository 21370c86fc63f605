"""The queue through the real API, on SQLite and on PostgreSQL: issue rules, calling, every counter action,
events on the stream, and the day's statistics."""

from __future__ import annotations

import json

import httpx
import pytest
from sqlalchemy import select

from app.store import models as m
from tests.support.center import CenterServer, seed_minimal

ID = "11010519491231002X"


@pytest.fixture
def center(db_url, tmp_path):  # type: ignore[no-untyped-def]
    with CenterServer(db_url, tmp_path) as c:
        seed_minimal(c.db)
        with c.db.write_session() as s:  # a second clerk for window 2
            from app.center.security import hash_password
            from app.domain.states import Role

            s.add(
                m.Staff(
                    username="clerk02",
                    full_name="李四",
                    role=Role.CLERK,
                    password_hash=hash_password("clerk"),
                    window_number=2,
                )
            )
        yield c


class Api:
    def __init__(self, base: str, user: str, password: str, window: int | None = None) -> None:
        r = httpx.post(
            f"{base}/api/v1/auth/login", json={"username": user, "password": password, "window": window}
        )
        r.raise_for_status()
        self.base, self.token = base, r.json()["token"]
        self.http = httpx.Client(base_url=f"{base}/api/v1", headers={"Authorization": f"Bearer {self.token}"})

    def post(self, path: str, **body: object) -> httpx.Response:
        return self.http.post(path, json=body or None)

    def get(self, path: str, **params: object) -> httpx.Response:
        return self.http.get(path, params=params)  # type: ignore[arg-type]


def test_a_morning_at_two_windows(center) -> None:  # type: ignore[no-untyped-def]
    mgr = Api(center.url, "manager", "manager")
    c1 = Api(center.url, "clerk01", "clerk", 1)
    c2 = Api(center.url, "clerk02", "clerk", 2)
    assert c1.post("/windows/1/open").json()["status"] == "idle"
    assert c2.post("/windows/2/open").json()["status"] == "idle"
    t1 = mgr.post("/tickets", category="A")
    assert t1.status_code == 201
    assert t1.json()["number"] == "A001" and t1.json()["waiting_ahead"] == 0
    t2 = mgr.post("/tickets", category="A", id_number=ID).json()
    assert (
        t2["number"] == "A002" and t2["waiting_ahead"] == 1 and t2["estimated_wait_min"] == 4
    )  # 1 × 8 min ÷ 2
    dup = mgr.post("/tickets", category="A", id_number=ID.lower())
    assert dup.status_code == 409 and dup.json()["code"] == "already_has_ticket"
    assert dup.json()["params"] == {"number": "A002"} and "A002" in dup.json()["message"]
    assert mgr.post("/tickets", category="B", id_number=ID).status_code == 201  # another category is fine
    bad = mgr.post("/tickets", category="A", id_number="110105194912310021")
    assert bad.status_code == 422 and bad.json()["error"] == "invalid_id_number"
    assert mgr.post("/tickets", category="Z").status_code == 404
    vip = mgr.post("/tickets", category="A", priority=True).json()
    assert vip["waiting_ahead"] == 0  # 绿色通道 goes first

    assert c1.post("/windows/2/call-next").status_code == 403  # not my window
    first = c1.post("/windows/1/call-next").json()["ticket"]
    assert first["number"] == vip["number"] and first["window"] == 1
    assert c1.post("/windows/1/call-next").json()["error"] == "window_busy"
    for _ in range(3):
        assert c1.post(f"/tickets/{first['id']}/recall").status_code == 200
    assert c1.post(f"/tickets/{first['id']}/recall").json()["error"] == "recall_limit"
    assert c1.post(f"/tickets/{first['id']}/no-show").json()["ticket"]["status"] == "no_show"

    second = c2.post("/windows/2/call-next").json()["ticket"]
    assert second["number"] == "A001"
    assert (
        c1.post(f"/tickets/{second['id']}/start").status_code == 403
    )  # window 1 cannot touch window 2's ticket
    assert c2.post(f"/tickets/{second['id']}/start").json()["ticket"]["status"] == "serving"
    moved = c2.post(f"/tickets/{second['id']}/transfer", category="B").json()["ticket"]
    assert moved["category"] == "B" and moved["status"] == "waiting" and moved["number"] == "A001"

    back = c1.post(f"/tickets/{first['id']}/come-back").json()["ticket"]
    assert back["status"] == "waiting"
    nxt = c1.post("/windows/1/call-next").json()["ticket"]
    assert nxt["number"] == "A002"  # the returning no-show waits behind the others
    c1.post(f"/tickets/{nxt['id']}/finish")
    assert c1.post("/windows/1/pause").json()["status"] == "paused"
    assert c1.post("/windows/1/call-next").json()["error"] == "window_paused"
    c1.post("/windows/1/resume")
    called = c1.post("/windows/1/call", number="B001").json()["ticket"]
    assert called["number"] == "B001"
    c1.post(f"/tickets/{called['id']}/finish")

    snap = mgr.get("/queue").json()
    assert snap["waiting"]["A"] == 1 and snap["waiting"]["B"] == 1
    stats = mgr.get("/stats/daily").json()
    assert stats["total"]["issued"] == 4 and stats["total"]["served"] == 2
    assert stats["categories"]["A"]["issued"] == 3 and stats["total"]["transferred"] == 1
    assert sum(stats["hourly_issued"]) == 4 and stats["windows"]["1"]["served"] == 2
    assert stats["total"]["service_level"] == 1.0
    with center.db.read_session() as s:
        kinds = s.scalars(select(m.TicketEvent.kind)).all()
    assert {
        "issued",
        "called",
        "recalled",
        "no_show",
        "requeued",
        "started",
        "finished",
        "transferred",
    } <= set(kinds)


def test_nothing_waiting_is_204_and_calls_reach_the_stream(center) -> None:  # type: ignore[no-untyped-def]
    from websockets.sync.client import connect

    c1 = Api(center.url, "clerk01", "clerk", 1)
    c1.post("/windows/1/open")
    assert c1.post("/windows/1/call-next").status_code == 204
    with connect(center.url.replace("http", "ws") + f"/api/v1/events?token={c1.token}") as ws:
        assert json.loads(ws.recv(timeout=10))["type"] == "snapshot"
        c1.post("/tickets", category="A")
        assert json.loads(ws.recv(timeout=10))["type"] == "ticket.issued"
        c1.post("/windows/1/call-next")
        ev = json.loads(ws.recv(timeout=10))
        assert ev["type"] == "ticket.called" and ev["data"]["number"] == "A001" and ev["data"]["window"] == 1


def test_no_shows_block_real_name_tickets(center) -> None:  # type: ignore[no-untyped-def]
    c1 = Api(center.url, "clerk01", "clerk", 1)
    c1.post("/windows/1/open")
    for _ in range(3):
        assert c1.post("/tickets", category="A", id_number=ID).status_code == 201
        t = c1.post("/windows/1/call-next").json()["ticket"]
        c1.post(f"/tickets/{t['id']}/no-show")
    r = c1.post("/tickets", category="A", id_number=ID)
    assert (
        r.status_code == 403
        and r.json()["error"] == "blocked_no_shows"
        and r.json()["code"] == "blocked_no_shows" and "paused until" in r.json()["message"]
    )
    assert c1.post("/tickets", category="A").status_code == 201  # an anonymous ticket is still possible


def test_appointment_check_in_goes_before_walk_ins(center) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from app.domain.clock import local_today, utcnow

    with center.db.write_session() as s:
        cat = s.scalars(select(m.Category).where(m.Category.prefix == "A")).one()
        now = utcnow()
        s.add(
            m.Appointment(
                code="Y0001",
                category_id=cat.id,
                day=local_today(),
                slot_start=now,
                slot_end=now + dt.timedelta(minutes=30),
            )
        )
    kiosk_like = Api(center.url, "manager", "manager")
    kiosk_like.post("/tickets", category="A")
    kiosk_like.post("/tickets", category="A")
    checked = kiosk_like.post("/tickets", category="A", appointment_code="Y0001")
    assert checked.status_code == 201 and checked.json()["waiting_ahead"] == 0
    again = kiosk_like.post("/tickets", category="A", appointment_code="Y0001")
    assert again.status_code == 404 and again.json()["error"] == "no_appointment"
    assert kiosk_like.post("/tickets", category="B", appointment_code="NOPE").status_code == 404
    c1 = Api(center.url, "clerk01", "clerk", 1)
    c1.post("/windows/1/open")
    assert c1.post("/windows/1/call-next").json()["ticket"]["number"] == checked.json()["number"]
    with center.db.read_session() as s:
        appt = s.scalars(select(m.Appointment)).one()
        assert appt.status == "checked_in" and appt.checked_in_at is not None


def test_the_counter_checks_a_card_against_a_real_name_tickets_holder(center) -> None:  # type: ignore[no-untyped-def]
    """The call says the ticket is real-name, never whose; the center compares a card read at the counter
    with the one the ticket was taken with; only at the ticket's own window."""
    mgr = Api(center.url, "manager", "manager")
    c1 = Api(center.url, "clerk01", "clerk", 1)
    c2 = Api(center.url, "clerk02", "clerk", 2)
    c1.post("/windows/1/open")
    mgr.post("/tickets", category="A", id_number=ID)
    called = c1.post("/windows/1/call-next")
    ticket = called.json()["ticket"]
    assert ticket["real_name"] is True and ID not in called.text and ID[-4:] not in called.text
    holder = f"/tickets/{ticket['id']}/holder"
    same = c1.post(holder, id_number=ID.lower())  # the check digit typed in lower case: the same number
    assert same.status_code == 200 and same.json() == {"real_name": True, "same_holder": True}
    other = c1.post(holder, id_number="440524188001010014")
    assert other.json() == {"real_name": True, "same_holder": False}
    assert c1.post(holder, id_number="110105194912310021").status_code == 422  # a wrong check digit
    assert c2.post(holder, id_number=ID).json()["error"] == "other_window"
    c1.post(f"/tickets/{ticket['id']}/finish")
    mgr.post("/tickets", category="A")
    anonymous = c1.post("/windows/1/call-next").json()["ticket"]
    assert anonymous["real_name"] is False
    assert c1.post(f"/tickets/{anonymous['id']}/holder", id_number=ID).json() == {
        "real_name": False,
        "same_holder": None,
    }
    assert c1.post("/tickets/00000000-0000-0000-0000-000000000000/holder", id_number=ID).status_code == 404
