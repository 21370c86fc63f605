"""What a public terminal holds, over a real change log: the kiosk and the screen receive only the rows
meant for them (no staff, no ID-hash key, no settings but their own), and the ID numbers behind
real-name offline tickets cannot be searched from a kiosk's cache. Offline, a kiosk keeps one open
ticket per ID number per category among its own tickets; at the center a clash is a conflict the
manager sees."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from app.center.changelog import publish_reference
from app.config import Settings
from app.store import models as m
from app.sync.terminal import enroll, open_terminal
from kiosk.backend import VisitRefused
from tests.support.kiosk import demo_center, kiosk_backend, kiosk_terminal

ZHANG = "11010519491231002X"


@pytest.fixture(scope="module")
def hall(tmp_path_factory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("privacy-hall")
    center = demo_center(tmp)
    with center.db.write_session() as s:
        for key, value in (("kiosk.greeting", {"text": "欢迎"}), ("counter.receipt_footer", {"text": "谢谢"})):
            row = m.Setting(key=key, value=value)
            s.add(row)
            s.flush()
            publish_reference(s, row)
        notice = m.Notice(text="屏幕通知", audience="screens")
        s.add(notice)
        s.flush()
        publish_reference(s, notice)
    _settings, kiosk = kiosk_terminal(center.url, tmp)
    yield center, kiosk, tmp
    kiosk.close()
    center.close()


def _terminal(center_url: str, tmp: Path, kind: str, name: str):  # type: ignore[no-untyped-def]
    settings = Settings(data_dir=tmp / name, keyring_file=tmp / name / "secrets.cfg")
    enroll(settings, center_url, kind, name, admin_user="admin", admin_password="admin")
    term = open_terminal(settings, name)
    term.engine.sync_once()
    return term


def test_public_terminals_receive_only_their_rows(hall) -> None:  # type: ignore[no-untyped-def]
    center, kiosk, tmp = hall
    screen = _terminal(center.url, tmp, "screen", "screen-1")
    counter = _terminal(center.url, tmp, "counter", "counter-1")
    try:
        with center.db.read_session() as s:  # the center's change log does carry staff and every setting
            entities = {(r.entity, r.entity_id) for r in s.scalars(select(m.ChangeLog))}
            assert any(e == "staff" for e, _ in entities)
            assert ("setting", "kiosk.greeting") in entities and ("setting", "counter.receipt_footer") in entities
            assert not any("id_hash" in i or "salt" in i for _, i in entities)
        caches = {"kiosk": kiosk, "screen": screen, "counter": counter}
        held: dict[str, tuple[int, set[str], set[str]]] = {}
        for kind, term in caches.items():
            with term.cache.db.read_session() as s:
                staff = len(s.scalars(select(m.Staff)).all())
                settings = set(s.scalars(select(m.Setting.key)))
                notices = set(s.scalars(select(m.Notice.text)))
            held[kind] = (staff, settings, notices)
        assert held["kiosk"][0] == 0 and held["screen"][0] == 0, "a public terminal holds the staff roster"
        assert held["counter"][0] >= 3
        # hall.info (the hall's name and code, printed on tickets) is for every terminal
        assert held["kiosk"][1] == {"kiosk.greeting", "hall.info"}, held["kiosk"][1]
        assert held["screen"][1] == {"hall.info"}, held["screen"][1]
        assert held["counter"][1] == {"counter.receipt_footer", "hall.info"}, held["counter"][1]
        assert "屏幕通知" in held["screen"][2] and "屏幕通知" not in held["kiosk"][2]
        # the same over the API, as each terminal pulls from the start
        tok = screen.client._token()
        pulled = httpx.get(
            f"{center.url}/api/v1/sync/pull?after=0&limit=5000", headers={"Authorization": f"Bearer {tok}"}
        ).json()
        assert not [
            c
            for c in pulled["changes"]
            if c["entity"] == "staff" or (c["entity"] == "setting" and c["entity_id"] != "hall.info")
        ]
    finally:
        screen.close()
        counter.close()


def test_offline_real_name_tickets_stay_secret_and_clash_at_the_center(hall, tmp_path) -> None:  # type: ignore[no-untyped-def]
    center, kiosk, _tmp = hall
    backend = kiosk_backend(kiosk, tmp_path / "prints")
    online = backend.take_ticket("A", ZHANG)  # the center knows ZHANG holds an open A ticket
    assert not online.offline
    assert backend.ensure_leases() >= 1
    center.stop()
    try:
        first = backend.take_ticket("A", ZHANG)  # the kiosk cannot know of the online one: allowed
        assert first.offline
        with pytest.raises(VisitRefused) as refused:  # but never two of its own
            backend.take_ticket("A", ZHANG.lower())
        assert refused.value.code == "already_has_ticket" and first.number in refused.value.message
        other = backend.take_ticket("B", ZHANG)  # another category is another queue
        assert other.offline
    finally:
        center.start()
    # the kiosk's cache: no key, no salt, and a hash no setting in the cache can reproduce
    with kiosk.cache.db.read_session() as s:
        values = [json.dumps(v) for v in s.scalars(select(m.Setting.value))]
        hashes = [h for h in s.scalars(select(m.Ticket.id_number_hash)) if h]
        outbox = [json.dumps(o) for o in s.scalars(select(m.OutboxOp.payload))]
    assert hashes and not any("salt" in v or "hex" in v for v in values)
    for v in values:
        for candidate in json.loads(v).values() if v.startswith("{") else []:
            guess = hmac.new(str(candidate).encode(), ZHANG.encode(), hashlib.sha256).hexdigest()
            assert guess not in hashes
    assert not any(ZHANG in o for o in outbox), "the ID number sits in clear in the outbox"
    assert backend.sync()
    with center.db.read_session() as s:
        tickets = {t.number: t for t in s.scalars(select(m.Ticket).where(m.Ticket.source == "offline"))}
        assert first.number in tickets and tickets[first.number].id_number_hash
        assert tickets[first.number].id_number_hash not in hashes  # the center's hash is its own
        online_row = s.scalar(select(m.Ticket).where(m.Ticket.number == online.number, m.Ticket.source == "online"))
        assert online_row is not None and online_row.id_number_hash == tickets[first.number].id_number_hash
    admin = httpx.post(f"{center.url}/api/v1/auth/login", json={"username": "manager", "password": "manager"})
    conflicts = httpx.get(
        f"{center.url}/api/v1/conflicts", headers={"Authorization": f"Bearer {admin.json()['token']}"}
    ).json()
    clash = [c for c in conflicts if c["kind"] == "ticket.realname_clash"]
    assert len(clash) == 1 and first.number in clash[0]["reason"] and online.number in clash[0]["reason"]
