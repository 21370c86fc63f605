"""A kiosk and a counter through a whole day with the center down for most of it; the sync loop; the
terminal commands as a user runs them."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from app.cli.main import main
from app.config import Settings
from app.domain.clock import local_today
from app.domain.idnumber import mask_id_number
from app.errors import ConfigError
from app.runtime import SyncLoop
from app.store import models as m
from app.sync.leases import NoLeasedNumbers, issue_offline_ticket, lease_block
from app.sync.secrets_store import open_secret_store
from tests.integration.test_replication import accept_case, center_counts, make_terminal
from tests.support.center import CenterServer, seed_minimal

ID = "11010519491231002X"


@pytest.fixture
def center(db_url, tmp_path):  # type: ignore[no-untyped-def]
    with CenterServer(db_url, tmp_path / "center") as c:
        seed_minimal(c.db)
        yield c


def test_a_day_of_kiosk_and_counter_work_with_the_center_down(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter = make_terminal(center, tmp_path / "counter")
    kiosk = make_terminal(center, tmp_path / "kiosk", "kiosk-1", "kiosk")
    for t in (counter, kiosk):
        assert t.engine.sync_once().online
    assert lease_block(kiosk, "A", size=20) == (900, 919)
    center.stop()  # the network is cut at 9:00 …
    tickets = [issue_offline_ticket(kiosk, "A", id_number=ID if i == 0 else None) for i in range(20)]
    assert [t.number for t in tickets[:3]] == ["A900", "A901", "A902"]
    with pytest.raises(NoLeasedNumbers, match="No offline numbers of"):
        issue_offline_ticket(kiosk, "A")
    for i in range(10):
        accept_case(counter, f"C1-2{i:03d}")
    assert not kiosk.engine.sync_once().online and not counter.engine.sync_once().online
    # the kiosk keeps no ID number: only the hall-wide salted hash
    raw = (
        kiosk.cache.path.read_bytes()
        + (kiosk.cache.path.parent / (kiosk.cache.path.name + "-wal")).read_bytes()
    )
    assert ID.encode() not in raw and mask_id_number(ID).encode() not in raw
    center.start()  # … and comes back at 16:00
    for t in (kiosk, counter):
        status = t.engine.sync_once()
        assert status.online and status.pending_ops == 0 and status.rejected_ops == 0, status
    with center.db.read_session() as s:
        got = s.scalars(select(m.Ticket).order_by(m.Ticket.queue_at)).all()
        assert [t.number for t in got] == [t.number for t in tickets]  # once each, in issue order
        assert all(t.source == "offline" and t.status.value == "waiting" for t in got)
        assert got[0].id_number_hash and len(got[0].id_number_hash) == 64
    assert center_counts(center)["cases"] == 10 and center_counts(center)["ratings"] == 10
    # every terminal's copy of the reference data equals the center's
    from tests.integration.test_replication import assert_reference_equal

    assert_reference_equal(center, kiosk)
    assert_reference_equal(center, counter)
    kiosk.close()
    counter.close()


def test_a_ticket_outside_the_lease_is_refused(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_terminal(center, tmp_path, "kiosk-2", "kiosk")
    kiosk.engine.sync_once()
    forged = kiosk.client.push(
        [
            {
                "op_id": "01a20000-0000-7000-8000-000000000001",
                "kind": "ticket.offline",
                "payload": {
                    "id": "01a20000-0000-7000-8000-000000000002",
                    "category": "A",
                    "service_day": local_today().isoformat(),
                    "seq": 950,
                    "number": "A950",
                    "issued_at": "2026-01-01T01:00:00+00:00",
                },
            }
        ]
    ).results
    assert forged[0].status == "rejected" and "outside every number block" in (forged[0].reason or "")
    kiosk.close()


def test_sync_loop_backs_off_and_drains(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    counter = make_terminal(center, tmp_path)
    loop = SyncLoop(counter.engine, interval=0.2, max_backoff=0.5)
    seen = []
    loop.listeners.append(seen.append)
    loop.start()
    try:
        deadline = time.monotonic() + 10
        while not (seen and seen[-1].online):
            assert time.monotonic() < deadline
            time.sleep(0.05)
        center.stop()
        accept_case(counter, "C1-3000")
        loop.wake()
        while seen[-1].online or seen[-1].pending_ops == 0:
            assert time.monotonic() < deadline + 10
            time.sleep(0.05)
        assert seen[-1].offline_since is not None
        center.start()
        while not (seen[-1].online and seen[-1].pending_ops == 0):
            assert time.monotonic() < deadline + 20
            time.sleep(0.05)
    finally:
        loop.stop()
    assert center_counts(center)["cases"] == 1
    counter.close()


def test_enroll_and_sync_commands(center, tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HALL_DATA_DIR", str(tmp_path / "t"))
    monkeypatch.setenv("HALL_KEYRING_FILE", str(tmp_path / "t" / "secrets.cfg"))
    monkeypatch.setenv("HALL_ADMIN_PASSWORD", "admin")
    assert main(["enroll", "--center", center.url, "--kind", "screen", "--name", "screen-hall"]) == 0
    out = capsys.readouterr().out
    assert "pending" in out
    code = out.split("enrollment code: ")[1].split()[0]  # what the terminal shows, typed by the admin
    assert main(["sync", "now", "--name", "screen-hall"]) == 5  # not approved yet: a plain refusal
    assert main(["terminals", "approve", "screen-hall", "--code", "WRONG-CODE", "--center", center.url]) != 0
    capsys.readouterr()
    assert main(["terminals", "approve", "screen-hall", "--code", code, "--center", center.url]) == 0
    assert "approved" in capsys.readouterr().out
    assert main(["sync", "now", "--name", "screen-hall"]) == 0
    assert "online" in capsys.readouterr().out
    assert main(["sync", "status", "--name", "screen-hall", "--json"]) == 0
    assert '"online": true' in capsys.readouterr().out
    assert main(["terminals", "list", "--center", center.url]) == 0
    assert "screen-hall" in capsys.readouterr().out
    assert main(["sync", "status", "--name", "nobody"]) == 1
    assert "no terminal named" in capsys.readouterr().err


def test_no_keyring_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import keyring
    from keyring.backends.fail import Keyring as FailKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        with pytest.raises(ConfigError, match=r"no OS keyring.*keyring_file"):
            open_secret_store(Settings(data_dir=tmp_path))
    finally:
        keyring.set_keyring(previous)
    store = open_secret_store(Settings(data_dir=tmp_path, keyring_file=tmp_path / "s.cfg"))
    store.set("x", "y")
    assert store.get("x") == "y" and oct((tmp_path / "s.cfg").stat().st_mode & 0o777) == "0o600"


def test_a_terminal_follows_a_moved_center(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`hall kiosk|counter --center URL`: the enrolled address is overridden, nothing else changes."""
    from app.sync.terminal import open_terminal
    from tests.integration.test_replication import terminal_settings

    make_terminal(center, tmp_path, name="moved", kind="kiosk").close()
    stale = open_terminal(terminal_settings(tmp_path), "moved", center_url="http://127.0.0.1:9")
    assert stale.engine.sync_once().online is False  # nothing listens at the old address
    stale.close()
    moved = open_terminal(terminal_settings(tmp_path), "moved", center_url=center.url + "/")
    assert moved.identity.center_url == center.url and moved.engine.sync_once().online is True
    moved.close()
