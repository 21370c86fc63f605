"""The open rules, decided and enforced (configurable in `queue.*`): calling a number of a category the
window does not serve, taking a waiting ticket sent to another window, a counter bound to its window."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.center import queue as q
from app.config import QueueSettings, Settings
from app.errors import HallError
from app.store import migrate
from app.store import models as m
from app.store.db import Database
from app.sync.terminal import enroll, open_terminal
from tests.support.center import CenterServer, seed_minimal

STRICT, LENIENT = QueueSettings(), QueueSettings(call_other_category=True, take_other_windows_ticket=True)


def _db(url: str) -> Database:
    db = Database(url)
    migrate.upgrade(db.engine)
    seed_minimal(db)
    with db.write_session() as s:  # window 2 serves only B
        w2 = s.query(m.Window).filter_by(number=2).one()
        for wc in list(w2.categories):
            if wc.position == 0:
                w2.categories.remove(wc)
    return db


def test_calling_another_category_and_another_windows_ticket(db_url: str) -> None:
    db = _db(db_url)
    with db.write_session() as s:
        a1 = q.issue_ticket(s, STRICT, "A").ticket.number
        b1 = q.issue_ticket(s, STRICT, "B").ticket
        b1.target_window, b1_no, b1_id = 1, b1.number, b1.id  # sent to window 1
    with db.write_session() as s, pytest.raises(q.QueueError) as refused:
        q.call_specific(s, 2, a1, None, STRICT)
    assert refused.value.code == "window_does_not_serve"
    with db.write_session() as s, pytest.raises(q.QueueError) as refused:
        q.call_specific(s, 2, b1_no, None, STRICT)
    assert refused.value.code == "other_window"
    with db.write_session() as s, pytest.raises(q.QueueError) as refused:
        q.transfer(s, STRICT, b1_id, 2, window=2)
    assert refused.value.code == "other_window"
    with db.write_session() as s:  # a hall that allows both
        assert q.call_specific(s, 2, a1, None, LENIENT).window_number == 2
    with db.write_session() as s:
        q.finish(s, s.query(m.Ticket).filter_by(number=a1).one().id, 2)
    with db.write_session() as s:
        assert q.call_specific(s, 2, b1_no, None, LENIENT).window_number == 2
    db.dispose()


def test_a_counter_terminal_acts_at_its_own_window_only(sqlite_url: str, tmp_path: Path) -> None:
    server = CenterServer(sqlite_url, tmp_path / "center")
    server.settings.queue.counter_windows = {"counter-1": 1}
    with server as center:
        seed_minimal(center.db)
        settings = Settings(data_dir=tmp_path / "c1", keyring_file=tmp_path / "c1" / "secrets.cfg")
        enroll(settings, center.url, "counter", "counter-1", admin_user="admin", admin_password="admin")
        term = open_terminal(settings, "counter-1")
        assert term.client.call("POST", "/windows/1/open")["status"] == "idle"
        with pytest.raises(HallError) as refused:
            term.client.call("POST", "/windows/2/open")
        assert getattr(refused.value, "code", "") == "other_window"
