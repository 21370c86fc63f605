"""Replication faults of issue 13 (part B) between real terminal caches and a real center (SQLite and
PostgreSQL): a poison op, a re-enrolled terminal after a damaged cache, damaged outbox rows, a center
that answers nonsense, a full disk, health as latest state, pruning."""

from __future__ import annotations

import datetime as dt
import http.server
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text

from app.domain.acceptance import case_number
from app.domain.audit_chain import verify_chain
from app.domain.states import CaseStatus
from app.errors import CenterUnavailable, DiskFull
from app.i18n.messages import render
from app.protocol.ops import OpInvalid, OpKind, build_payload, wire_payload
from app.store import models as m
from app.store.rows import next_value
from app.sync import outbox
from app.sync.client import CenterClient, CenterNonsense
from app.sync.local_records import CaseIn, LocalRecorder
from app.sync.terminal import Terminal, enroll, open_terminal
from tests.integration.test_replication import (
    ID,
    accept_case,
    center,
    make_terminal,
    recorder,
    terminal_settings,
)
from tests.support.center import CenterServer
from tests.support.lang import zh

__all__ = ["center"]  # the fixture, on SQLite and PostgreSQL
DAY = dt.date(2025, 9, 30)


def center_cases(c: CenterServer) -> list[str]:
    with c.db.read_session() as s:
        return sorted(s.scalars(select(m.Case.case_number)))


def counter_accept(term: Terminal, n: int = 1) -> list[str]:
    """Accept cases the way the counter numbers them (its gap-free per-day counter and its tag)."""
    rec, numbers = recorder(term), []
    with term.cache.db.write_session() as s:
        item = s.scalars(select(m.ServiceItem)).first()
        assert item is not None
        for _ in range(n):
            seq = next_value(s, f"case:{DAY.isoformat()}")
            number = case_number("H01", DAY, term.identity.tag, seq)
            applicant = rec.add_applicant(s, name="李四", id_number=ID, phone="13812345678")
            rec.add_case(
                s,
                CaseIn(
                    case_number=number,
                    item_id=item.id,
                    applicant_id=applicant,
                    status=CaseStatus.ACCEPTED,
                    decision="accept",
                    received_on=DAY,
                ),
            )
            numbers.append(number)
    return numbers


def chain_ok(c: CenterServer, terminal_id: str) -> tuple[bool, str]:
    from app.center.audit import event_fields

    with c.db.read_session() as s:
        events = s.scalars(
            select(m.AuditEvent).where(m.AuditEvent.terminal_id == uuid.UUID(terminal_id)).order_by(m.AuditEvent.seq)
        )
        return verify_chain(event_fields(e) for e in events)


# ------------------------------------------------------------------ poison op


def test_a_poison_op_is_rejected_alone_and_shown(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path)
    assert term.engine.sync_once().online
    accept_case(term, "P-0001")
    # the terminal refuses what does not fit a column before writing anything
    rec = recorder(term)
    with pytest.raises(OpInvalid, match="phone"), term.cache.db.write_session() as s:
        rec.add_applicant(s, name="王五", id_number=ID, phone="1" * 40)
    # an op that passes the protocol but the center's database refuses (a clerk it does not know)
    with term.cache.db.write_session() as s:
        applicant_id = s.scalars(select(m.Applicant.id)).first()
        item_id = s.scalars(select(m.ServiceItem.id)).first()
        bad = build_payload(
            OpKind.CASE_CREATE,
            id=uuid.uuid4(),
            case_number="P-BAD",
            item_id=item_id,
            applicant_id=applicant_id,
            staff_id=uuid.uuid4(),
            status="accepted",
            decision="accept",
            received_on=DAY,
            created_at=dt.datetime(2025, 9, 30, 2, tzinfo=dt.UTC),
        )
        bad_op = outbox.enqueue(s, OpKind.CASE_CREATE.value, wire_payload(bad))
    accept_case(term, "P-0002")
    status = term.engine.sync_once()
    assert status.online and status.pending_ops == 0
    assert status.rejected_ops == 1 and len(status.rejected) == 1
    assert status.rejected[0].startswith("case.create:") and "rejected" in status.describe()
    assert center_cases(center) == ["P-0001", "P-0002"]  # the ops behind the bad one applied
    with center.db.read_session() as s:
        conflict = s.scalars(select(m.Conflict)).one()
        assert conflict.op_id == bad_op and conflict.reason
    with term.cache.db.read_session() as s:
        row = s.get(m.OutboxOp, bad_op)
        assert row is not None and row.status == "rejected" and row.last_error == conflict.reason
    # a 40-character phone sent by an older terminal: the center says why, and applies the op behind it
    good = build_payload(
        OpKind.FEEDBACK_CREATE, id=uuid.uuid4(), text="很好", created_at=dt.datetime(2025, 9, 30, 3, tzinfo=dt.UTC)
    )
    raw = {
        "id": str(uuid.uuid4()),
        "name": "王五",
        "phone": "1" * 40,
        "created_at": "2025-09-30T03:00:00+00:00",
    }
    answer = term.client.push(
        [
            {"op_id": str(uuid.uuid4()), "kind": "applicant.create", "payload": raw},
            {"op_id": str(uuid.uuid4()), "kind": "feedback.create", "payload": wire_payload(good)},
        ]
    ).results
    assert answer[0].status == "rejected" and "phone" in (answer[0].reason or "")
    assert answer[1].status == "applied"
    term.close()


# ------------------------------------------------------------------ re-enrollment after a damaged cache


def damage(path: Path) -> None:
    """Overwrite the pages of one index with garbage (the tables stay readable, the file fails its check)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ix_outbox_status'").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def revoke(c: CenterServer, name: str) -> None:
    admin = CenterClient(c.url)
    admin.token = admin.login_staff("admin", "admin").token
    admin.call("POST", f"/terminals/{name}/revoke")
    admin.close()


def test_reenrolled_after_a_damaged_cache_salvages_and_never_reuses_numbers(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path, "counter-r")
    term.engine.sync_once()
    synced = counter_accept(term, 2)
    assert term.engine.sync_once().pending_ops == 0
    pending = counter_accept(term, 3)  # committed, never pushed
    path = term.cache.path
    term.close()
    damage(path)
    revoke(center, "counter-r")
    settings = terminal_settings(tmp_path)
    _identity, status = enroll(settings, center.url, "counter", "counter-r", admin_user="admin", admin_password="admin")
    assert status == "approved"
    assert list(path.parent.glob("counter-r.db.corrupt-*")), "the damaged file is kept"
    term = open_terminal(settings, "counter-r")
    assert term.engine.sync_once().rejected_ops == 0
    assert center_cases(center) == sorted(synced + pending)  # 3 of 3 pending cases salvaged
    later = counter_accept(term, 2)
    status = term.engine.sync_once()
    assert status.online and status.pending_ops == 0 and status.rejected_ops == 0, status.describe()
    assert later[0].endswith("-0006") and center_cases(center) == sorted(synced + pending + later)
    assert chain_ok(center, term.identity.terminal_id)[0]
    term.close()


def test_a_lost_cache_resumes_numbering_from_the_center(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path, "counter-l")
    term.engine.sync_once()
    first = counter_accept(term, 2)
    term.engine.sync_once()
    path = term.cache.path
    term.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    revoke(center, "counter-l")
    settings = terminal_settings(tmp_path)
    enroll(settings, center.url, "counter", "counter-l", admin_user="admin", admin_password="admin")
    term = open_terminal(settings, "counter-l")
    term.engine.sync_once()
    later = counter_accept(term, 1)
    status = term.engine.sync_once()
    assert later[0].endswith("-0003") and status.rejected_ops == 0, status.describe()
    assert center_cases(center) == sorted(first + later)
    assert chain_ok(center, term.identity.terminal_id)[0]
    term.close()


# ------------------------------------------------------------------ damaged outbox rows


def test_damaged_outbox_rows_are_set_aside_and_the_rest_goes_on(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path)
    term.engine.sync_once()
    accept_case(term, "D-0001")
    rec = recorder(term)
    with term.cache.db.write_session() as s:
        rec.add_feedback(s, text="窗口很好", phone="13812345678")
        rec.add_rating(s, level=4, ticket_id=uuid.uuid4())
    accept_case(term, "D-0002")
    with term.cache.db.write_session() as s:
        fb = s.scalars(select(m.OutboxOp).where(m.OutboxOp.kind == "feedback.create")).one()
        sealed = dict(fb.payload["_sealed"])
        token = sealed["phone"]
        sealed["phone"] = token[:20] + ("A" if token[20] != "A" else "B") + token[21:]  # one flipped byte
        fb.payload = dict(fb.payload, _sealed=sealed)
        rating = s.scalars(select(m.OutboxOp).where(m.OutboxOp.kind == "rating.create")).first()
        assert rating is not None
        s.execute(  # the JSON itself damaged on disk
            text("UPDATE outbox SET payload = substr(payload, 1, 15) WHERE op_id = :i"), {"i": rating.op_id.hex}
        )
    status = term.engine.sync_once()
    assert status.online and status.pending_ops == 0 and status.rejected_ops == 2, status.describe()
    assert all(r.split(":")[0] in ("feedback.create", "rating.create") for r in status.rejected)
    assert all("damaged outbox row" in r for r in status.rejected)
    assert center_cases(center) == ["D-0001", "D-0002"]
    with term.cache.db.read_session() as s:
        assert s.scalar(select(func.count()).where(m.OutboxOp.status == "damaged")) == 2
    term.close()


# ------------------------------------------------------------------ a center that answers nonsense


class _Nonsense(http.server.BaseHTTPRequestHandler):
    body = b"<html><body>Welcome to the hotel wifi</body></html>"
    content_type = "text/html"

    def _answer(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", self.content_type)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    do_GET = do_POST = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(params=["html", "empty"])
def nonsense_url(request) -> Iterator[str]:  # type: ignore[no-untyped-def]
    handler = type(
        "H",
        (_Nonsense,),
        {"body": b"{}", "content_type": "application/json"} if request.param == "empty" else {},
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("center_db", ["sqlite"])
def test_answers_that_are_not_the_protocols_are_refused_as_such(
    center_db, sqlite_url, tmp_path, nonsense_url
) -> None:  # type: ignore[no-untyped-def]
    from tests.support.center import seed_minimal

    with CenterServer(sqlite_url, tmp_path / "center") as c:
        seed_minimal(c.db)
        term = make_terminal(c, tmp_path)
        term.engine.sync_once()
        accept_case(term, "N-0001")
        term.close()
        term = open_terminal(terminal_settings(tmp_path), "counter-1", center_url=nonsense_url)
        term.client.token = "x"  # skip the terminal login: every call meets the nonsense
        status = term.engine.sync_once()
        assert not status.online and status.pending_ops > 0
        assert status.last_error and "not the center's protocol" in status.last_error
        with pytest.raises(CenterNonsense) as err:
            term.client.login_staff("clerk01", "clerk01")
        assert isinstance(err.value, CenterUnavailable) and "无法识别" in zh(err.value)
        term.close()
        term = open_terminal(terminal_settings(tmp_path), "counter-1")  # the real center again
        assert term.engine.sync_once().pending_ops == 0 and center_cases(c) == ["N-0001"]
        term.close()


# ------------------------------------------------------------------ a full disk


def test_a_full_disk_says_so_and_keeps_what_was_saved(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path)
    term.engine.sync_once()
    accept_case(term, "F-0001")
    engine = term.cache.db.engine
    engine.dispose()

    def cap(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(engine, "connect", cap)
    saved, error = 0, None
    try:
        for i in range(300):
            accept_case(term, f"F-{i + 2:04d}")
            saved += 1
    except DiskFull as exc:
        error = exc
    assert error is not None, "the capped cache never filled up"
    assert error.message_code == "disk_full" and "disk is full" in error.message
    assert "磁盘已满" in render(error.message_code, error.params, "zh_CN")
    assert "OperationalError" not in error.message
    status = term.engine.sync_once()  # replication goes on: it only marks rows (and may say the disk is full)
    event.remove(engine, "connect", cap)
    engine.dispose()
    status = term.engine.sync_once()
    assert status.online and status.pending_ops == 0 and status.rejected_ops == 0, status.describe()
    assert len(center_cases(center)) == saved + 1
    term.close()


# ------------------------------------------------------------------ health, pruning


def test_health_is_a_latest_state_not_an_outbox_op(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path, "kiosk-h", "kiosk")
    for n in range(5):
        term.client.report_health({"printer": {"ok": n % 2 == 0}, "n": n})
    with term.cache.db.read_session() as s:
        assert s.scalar(select(func.count()).select_from(m.OutboxOp)) == 0
    with center.db.read_session() as s:
        row = s.scalar(select(m.Terminal).where(m.Terminal.name == "kiosk-h"))
        assert row is not None and row.health == {"printer": {"ok": True}, "n": 4}
    term.close()


def test_applied_ops_are_pruned_after_the_configured_days(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path)
    term.engine.sync_once()
    accept_case(term, "R-0001")
    term.engine.sync_once()
    with term.cache.db.write_session() as s:
        n_applied = s.scalar(select(func.count()).where(m.OutboxOp.status == "applied"))
        assert n_applied
        old = dt.datetime.now(dt.UTC) - dt.timedelta(days=term.engine.prune_days + 1)
        s.execute(m.OutboxOp.__table__.update().values(applied_at=old))
    accept_case(term, "R-0002")
    report = term.engine.push_once()
    assert report.pruned == n_applied
    with term.cache.db.read_session() as s:
        assert s.scalar(select(func.count()).select_from(m.OutboxOp)) == report.applied  # only the new ones
    term.close()


def test_recorder_is_the_one_writer_of_rows(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The rows the terminal wrote and the rows the center applied from the same op are the same."""
    term = make_terminal(center, tmp_path)
    term.engine.sync_once()
    case_id = accept_case(term, "S-0001")
    term.engine.sync_once()
    cols = ("case_number", "status", "decision", "received_on", "due_date", "deferral_due", "window_number")
    with term.cache.db.read_session() as ts, center.db.read_session() as cs:
        here, there = ts.get(m.Case, case_id), cs.get(m.Case, case_id)
        assert here is not None and there is not None
        assert [getattr(here, c) for c in cols] == [getattr(there, c) for c in cols]
        assert [(x.id, x.name, x.state) for x in here.materials] == [(x.id, x.name, x.state) for x in there.materials]
        t_here = ts.scalars(select(m.CaseTransition.id).where(m.CaseTransition.case_id == case_id)).all()
        t_there = cs.scalars(
            select(m.CaseTransition.id).where(m.CaseTransition.case_id == case_id, m.CaseTransition.step.is_(None))
        ).all()  # the center's own steps (dispatch …) are its own
        assert t_here == t_there
    term.close()


__all__ += ["LocalRecorder"]
