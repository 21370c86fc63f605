"""Ticket issue is idempotent: a kiosk whose answers are lost by a proxy (after the center handled the
request) retries with the same request id and, when that fails too, falls back to an offline number that
names the lost request; the center cancels the online ticket nobody holds. Exactly one live ticket per
citizen at the center, 0 phantoms."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx
from sqlalchemy import select

from app.domain.states import TicketStatus
from app.store import models as m
from tests.support.center import CenterServer, seed_minimal
from tests.support.drop_proxy import DropProxy
from tests.support.kiosk import kiosk_backend, kiosk_terminal


def test_lost_answers_leave_exactly_one_live_ticket_per_citizen(db_url: str, tmp_path: Path) -> None:
    with CenterServer(db_url, tmp_path / "center") as center:
        seed_minimal(center.db)
        proxy = DropProxy(center.port)
        try:
            _, term = kiosk_terminal(proxy.url, tmp_path)
            backend = kiosk_backend(term, tmp_path / "prints")
            assert backend.ensure_leases() >= 1
            held: list[str] = []
            offline = 0
            for citizen in range(12):
                proxy.drop_next = citizen % 3  # 0: answered; 1: answer lost, the retry gets it; 2: offline
                ticket = backend.take_ticket("A")
                held.append(ticket.number)
                offline += ticket.offline
                assert ticket.offline == (citizen % 3 == 2)
            assert proxy.dropped == 12 and offline == 4
            assert backend.sync()  # the offline tickets reach the center
            term.engine.sync_once()
        finally:
            proxy.close()
        with center.db.read_session() as s:
            tickets = s.scalars(select(m.Ticket)).all()
        live = sorted(t.number for t in tickets if t.status == TicketStatus.WAITING)
        cancelled = [t for t in tickets if t.status == TicketStatus.CANCELLED]
        assert live == sorted(held), "the queue holds exactly the numbers the citizens hold"
        assert len(cancelled) == 4 and all(t.source == "online" for t in cancelled)
        assert len(tickets) == 12 + 4  # every online ticket a lost answer made, each cancelled once


def test_a_retry_with_the_same_request_id_returns_the_same_ticket(db_url: str, tmp_path: Path) -> None:
    with CenterServer(db_url, tmp_path) as center:
        seed_minimal(center.db)
        token = httpx.post(
            f"{center.url}/api/v1/auth/login", json={"username": "manager", "password": "manager"}
        ).json()["token"]
        api = httpx.Client(base_url=f"{center.url}/api/v1", headers={"Authorization": f"Bearer {token}"})
        body = {"category": "A", "id_number": "11010519491231002X", "request_id": str(uuid.uuid4())}
        first, again = api.post("/tickets", json=body), api.post("/tickets", json=body)
        assert first.status_code == again.status_code == 201
        assert first.json()["id"] == again.json()["id"] and first.json()["number"] == again.json()["number"]
        other = api.post("/tickets", json={**body, "request_id": str(uuid.uuid4())})
        assert other.status_code == 409 and other.json()["error"] == "already_has_ticket"
        with center.db.read_session() as s:
            assert len(s.scalars(select(m.Ticket)).all()) == 1
