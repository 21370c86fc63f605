"""Replication between real terminal caches (SQLite files) and a real center (uvicorn, SQLite or
PostgreSQL), with the faults DESIGN.md names: crashes on either side of the push, an interrupted pull,
duplicate and reordered delivery, the center down for a day, skewed clocks, a tampered audit trail."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from app.config import Settings
from app.domain.states import CaseStatus
from app.store import models as m
from app.sync import outbox
from app.sync.client import CenterClient
from app.sync.engine import SyncEngine
from app.sync.local_records import CaseIn, LocalRecorder, MaterialIn
from app.sync.materialize import reference_fingerprint
from app.sync.terminal import Terminal, enroll, open_terminal
from tests.support.center import CenterServer, seed_minimal

ID = "11010519491231002X"


@pytest.fixture
def center(db_url, tmp_path):  # type: ignore[no-untyped-def]
    with CenterServer(db_url, tmp_path / "center") as c:
        seed_minimal(c.db)
        yield c


def terminal_settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "terminal", keyring_file=tmp_path / "terminal" / "secrets.cfg")


def make_terminal(
    center: CenterServer, tmp_path: Path, name: str = "counter-1", kind: str = "counter"
) -> Terminal:
    settings = terminal_settings(tmp_path)
    _identity, status = enroll(settings, center.url, kind, name, admin_user="admin", admin_password="admin")
    assert status == "approved"
    return open_terminal(settings, name)


def recorder(term: Terminal) -> LocalRecorder:
    return LocalRecorder(term.cipher, uuid.UUID(term.identity.terminal_id), actor="clerk01")


def accept_case(term: Terminal, number: str) -> uuid.UUID:
    rec = recorder(term)
    with term.cache.db.write_session() as s:
        item = s.scalars(select(m.ServiceItem)).first()
        assert item is not None, "reference data was not pulled"
        applicant = rec.add_applicant(s, name="张三", id_number=ID, phone="13812345678", address="某街1号")
        case_id = rec.add_case(
            s,
            CaseIn(
                case_number=number,
                item_id=item.id,
                applicant_id=applicant,
                status=CaseStatus.DEFERRED,
                decision="deferred",
                received_on=dt.date(2025, 9, 30),
                due_date=dt.date(2025, 10, 14),
                deferral_due=dt.date(2025, 10, 9),
                window_number=1,
                materials=[
                    MaterialIn(name="公司登记申请书", originals_received=1),
                    MaterialIn(name="租赁合同", state="deferred", promised_date=dt.date(2025, 10, 9)),
                ],
            ),
        )
        rec.add_rating(s, level=5, case_id=case_id, window_number=1)
    return case_id


def center_counts(center: CenterServer) -> dict[str, int]:
    with center.db.read_session() as s:
        out = {
            cls.__tablename__: int(s.scalar(select(func.count()).select_from(cls)) or 0)
            for cls in (m.Applicant, m.Case, m.CaseMaterial, m.Rating)
        }
        # the terminals' transitions (the center's own steps, such as dispatching a case, have a step)
        out["case_transitions"] = int(
            s.scalar(select(func.count()).select_from(m.CaseTransition).where(m.CaseTransition.step.is_(None))) or 0
        )
        return out


def assert_reference_equal(center: CenterServer, term: Terminal) -> None:
    """The terminal holds the center's reference rows meant for it (public kiosks and screens: no staff)."""
    with center.db.read_session() as cs, term.cache.db.read_session() as ts:
        expected = reference_fingerprint(cs)
        if term.identity.kind in ("kiosk", "screen"):
            expected["staff"] = []
        assert reference_fingerprint(ts) == expected


def test_enroll_pull_push_roundtrip(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path)
    assert term.engine.sync_once().online
    assert_reference_equal(center, term)
    accept_case(term, "C1-0001")
    status = term.engine.sync_once()
    assert status.online and status.pending_ops == 0 and status.rejected_ops == 0
    assert center_counts(center) == {
        "applicants": 1,
        "cases": 1,
        "case_materials": 2,
        "ratings": 1,
        "case_transitions": 1,
    }
    with center.db.read_session() as s:
        applicant = s.scalars(select(m.Applicant)).one()
        assert applicant.id_number_masked == "110105********002X"
        assert ID.encode() not in (applicant.id_number_enc or b"")
        assert center.cipher.decrypt(applicant.id_number_enc) == ID
    # nothing personal stays readable on the terminal: not in its tables, not in its outbox
    raw = Path(term.cache.path).read_bytes() + Path(str(term.cache.path) + "-wal").read_bytes()
    assert ID.encode() not in raw and b"13812345678" not in raw
    with term.cache.db.read_session() as s:
        assert all(op.payload == {} for op in s.scalars(select(m.OutboxOp)))
    # the case's summary comes back through the change log for the kiosk's progress lookup
    summary = term.cache.replica("case_status")
    assert summary and summary[0]["case_number"] == "C1-0001" and "name" not in summary[0]
    term.close()


def test_duplicate_delivery_applies_once(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path)
    term.engine.sync_once()
    accept_case(term, "C1-0002")
    with term.cache.db.read_session() as s:
        wire = [
            {"op_id": str(op.op_id), "kind": op.kind, "payload": outbox.unseal(op.payload, term.cipher)}
            for op in outbox.pending(s, 100)
        ]
    first = term.client.push(wire).results
    second = term.client.push(wire).results
    assert {r.status for r in first} == {"applied"}
    assert {r.status for r in second} == {"duplicate"}
    assert center_counts(center)["cases"] == 1 and center_counts(center)["ratings"] == 1
    term.close()


def test_reordered_delivery_settles(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path)
    term.engine.sync_once()
    accept_case(term, "C1-0003")
    with term.cache.db.read_session() as s:
        wire = [
            {"op_id": str(op.op_id), "kind": op.kind, "payload": outbox.unseal(op.payload, term.cipher)}
            for op in outbox.pending(s, 100)
        ]
    results = term.client.push(list(reversed(wire))).results
    assert "retry" in {r.status for r in results}  # the case came before its applicant
    status = term.engine.sync_once()  # the engine sends what is still pending
    for _ in range(5):
        if status.pending_ops == 0:
            break
        status = term.engine.sync_once()
    assert status.pending_ops == 0 and status.rejected_ops == 0
    assert center_counts(center) == {
        "applicants": 1,
        "cases": 1,
        "case_materials": 2,
        "ratings": 1,
        "case_transitions": 1,
    }
    term.close()


class DropAnswers(httpx.BaseTransport):
    """The request reaches the center (which commits) but the answer is lost on the way back."""

    def __init__(self, path_part: str, times: int = 1) -> None:
        self.inner, self.path_part, self.left = httpx.HTTPTransport(), path_part, times

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if self.path_part in request.url.path and self.left > 0:
            response.read()
            self.left -= 1
            raise httpx.ReadError("connection reset by peer", request=request)
        return response


def test_crash_after_center_commit_before_answer(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path)
    term.engine.sync_once()
    accept_case(term, "C1-0004")
    lossy = CenterClient(
        center.url,
        terminal_id=term.identity.terminal_id,
        credential=term.client.credential,
        transport=DropAnswers("/sync/push"),
    )
    status = SyncEngine(term.cache, lossy, term.cipher).sync_once()
    assert not status.online and status.pending_ops > 0  # the terminal does not know it landed
    assert center_counts(center)["cases"] == 1  # but it did
    status = term.engine.sync_once()  # sent again: the center answers duplicate
    assert status.online and status.pending_ops == 0
    assert center_counts(center) == {
        "applicants": 1,
        "cases": 1,
        "case_materials": 2,
        "ratings": 1,
        "case_transitions": 1,
    }
    term.close()


def test_killed_after_local_commit_before_push(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path)
    term.engine.sync_once()
    accept_case(term, "C1-0005")
    term.close()  # the process dies here: nothing was pushed
    again = open_terminal(terminal_settings(tmp_path), "counter-1")
    assert again.engine.status().pending_ops > 0
    assert again.engine.sync_once().pending_ops == 0
    assert center_counts(center)["cases"] == 1
    again.close()


class FailPullPage(httpx.BaseTransport):
    def __init__(self, fail_on: int) -> None:
        self.inner, self.fail_on, self.pulls = httpx.HTTPTransport(), fail_on, 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if "/sync/pull" in request.url.path:
            self.pulls += 1
            if self.pulls == self.fail_on:
                raise httpx.ConnectError("network cut", request=request)
        return self.inner.handle_request(request)


def test_interrupted_pull_resumes_without_gaps(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path)
    flaky = CenterClient(
        center.url,
        terminal_id=term.identity.terminal_id,
        credential=term.client.credential,
        transport=FailPullPage(fail_on=3),
    )
    engine = SyncEngine(term.cache, flaky, term.cipher)
    with pytest.raises(Exception, match="cannot be reached"):
        engine.pull_once(limit=2)
    cursor = int(term.cache.get_state("pull_cursor"))
    assert cursor == 4  # two whole pages landed with their cursor; the third never did
    engine.pull_once(limit=2)
    assert_reference_equal(center, term)
    term.close()


def test_center_down_for_a_day(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path)
    term.engine.sync_once()
    center.stop()
    for i in range(20):
        accept_case(term, f"C1-1{i:03d}")
    status = term.engine.sync_once()
    assert not status.online and status.offline_since is not None
    assert status.pending_ops == 20 * 6  # applicant, case, rating and an audit event for each
    assert "cannot be reached" in (status.last_error or "")
    center.start()
    status = term.engine.sync_once()
    assert status.online and status.pending_ops == 0 and status.rejected_ops == 0
    assert center_counts(center) == {
        "applicants": 20,
        "cases": 20,
        "case_materials": 40,
        "ratings": 20,
        "case_transitions": 20,
    }
    term.close()


def test_stale_transition_is_rejected_and_logged(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path)
    term.engine.sync_once()
    case_id = accept_case(term, "C1-0006")
    term.engine.sync_once()
    rec = recorder(term)
    with term.cache.db.write_session() as s:
        rec.transition_case(s, case_id, CaseStatus.APPROVED, reason="准予许可")
    # meanwhile the back office terminated the case at the center
    with center.db.write_session() as s:
        case = s.get(m.Case, case_id)
        assert case is not None
        case.status = CaseStatus.TERMINATED
    status = term.engine.sync_once()
    assert status.rejected_ops == 1
    with center.db.read_session() as s:
        assert s.get(m.Case, case_id).status == CaseStatus.TERMINATED  # type: ignore[union-attr]
    token = httpx.post(
        f"{center.url}/api/v1/auth/login", json={"username": "manager", "password": "manager"}
    ).json()["token"]
    conflicts = httpx.get(
        f"{center.url}/api/v1/conflicts", headers={"Authorization": f"Bearer {token}"}
    ).json()
    assert len(conflicts) == 1 and conflicts[0]["terminal"] == "counter-1"
    assert "terminated" in conflicts[0]["reason"]
    term.close()


def test_skewed_clock_changes_nothing(center, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path)
    term.engine.sync_once()
    import app.sync.local_records as local_records

    real = local_records.utcnow
    monkeypatch.setattr(local_records, "utcnow", lambda: real() - dt.timedelta(hours=9))
    accept_case(term, "C1-0007")
    monkeypatch.setattr(local_records, "utcnow", lambda: real() + dt.timedelta(hours=7))
    accept_case(term, "C1-0008")
    assert term.engine.sync_once().pending_ops == 0
    assert center_counts(center)["cases"] == 2
    term.close()


def test_tampered_audit_trail_is_refused(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path)
    term.engine.sync_once()
    accept_case(term, "C1-0009")
    with term.cache.db.write_session() as s:  # someone edits an audit event in the outbox
        op = next(o for o in outbox.pending(s, 100) if o.kind == "audit.append" and o.payload["seq"] == 2)
        op.payload = dict(op.payload, actor="someone-else")
    status = term.engine.sync_once()
    assert status.rejected_ops >= 1
    token = httpx.post(
        f"{center.url}/api/v1/auth/login", json={"username": "admin", "password": "admin"}
    ).json()["token"]
    conflicts = httpx.get(
        f"{center.url}/api/v1/conflicts", headers={"Authorization": f"Bearer {token}"}
    ).json()
    assert any("altered" in c["reason"] for c in conflicts)
    term.close()


def test_number_leases_do_not_overlap(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_terminal(center, tmp_path, "kiosk-1", "kiosk")
    a = kiosk.client.call("POST", "/sync/leases", json={"category": "A", "size": 10})
    b = kiosk.client.call("POST", "/sync/leases", json={"category": "A", "size": 10})
    assert (a["first"], a["last"], b["first"], b["last"]) == (900, 909, 910, 919)
    kiosk.close()


def test_event_stream_snapshot_then_events(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from websockets.sync.client import connect

    token = httpx.post(
        f"{center.url}/api/v1/auth/login", json={"username": "manager", "password": "manager"}
    ).json()["token"]
    ws_url = center.url.replace("http://", "ws://") + f"/api/v1/events?token={token}"
    with connect(ws_url) as ws:
        first = json.loads(ws.recv(timeout=10))
        assert first["type"] == "snapshot" and [w["number"] for w in first["data"]["windows"]] == [1, 2]
        httpx.post(
            f"{center.url}/api/v1/notices",
            json={"text": "系统将于18:00维护"},
            headers={"Authorization": f"Bearer {token}"},
        ).raise_for_status()
        ev = json.loads(ws.recv(timeout=10))
        assert ev["type"] == "notice" and ev["data"]["text"] == "系统将于18:00维护"
    with pytest.raises(Exception):  # no token, no stream  # noqa: B017
        with connect(center.url.replace("http://", "ws://") + "/api/v1/events") as ws:
            ws.recv(timeout=5)


def test_two_center_processes_share_events_on_postgresql(pg_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from websockets.sync.client import connect

    with CenterServer(pg_url, tmp_path / "a") as a, CenterServer(pg_url, tmp_path / "b") as b:
        seed_minimal(a.db)
        token = httpx.post(
            f"{a.url}/api/v1/auth/login", json={"username": "manager", "password": "manager"}
        ).json()["token"]
        received: list[dict[str, object]] = []
        with connect(b.url.replace("http://", "ws://") + f"/api/v1/events?token={token}") as ws:
            assert json.loads(ws.recv(timeout=10))["type"] == "snapshot"

            def read() -> None:
                received.append(json.loads(ws.recv(timeout=10)))

            reader = threading.Thread(target=read)
            reader.start()
            time.sleep(0.2)
            httpx.post(
                f"{a.url}/api/v1/notices",
                json={"text": "经由A发布"},  # published on center A …
                headers={"Authorization": f"Bearer {token}"},
            ).raise_for_status()
            reader.join(10)
        assert received and received[0]["data"]["text"] == "经由A发布"  # type: ignore[index]  # … seen on B
