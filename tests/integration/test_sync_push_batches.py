"""The terminal's push in several batches against a real center (SQLite and PostgreSQL): the next batch
read while the center applies one (ops that need an op of the batch before never wait for a second
round), at most about so many bytes per request, and a center that takes fewer ops per push (an older
one) met by pushing fewer."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select, text

from app.store import models as m
from app.sync import engine as engine_module
from app.sync import outbox
from app.sync.client import CenterRefused
from tests.integration.test_replication import accept_case, center, center_counts, make_terminal

__all__ = ["center"]  # the fixture, on SQLite and PostgreSQL


def _pending(term: Any) -> int:
    with term.cache.db.read_session() as s:
        return int(s.scalar(select(func.count()).where(m.OutboxOp.status == "pending")) or 0)


def test_a_push_in_many_batches_reads_ahead_and_settles_in_one_round(center, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    term = make_terminal(center, tmp_path)
    assert term.engine.sync_once().online
    for n in range(5):
        accept_case(term, f"R-{n:04d}")  # applicant, case, rating and their audit events: 30 ops
    n_ops = _pending(term)
    term.engine.batch = 4  # a case's ops fall into different batches: each must find the one before it
    sent: list[int] = []
    send = term.client.send_push

    def counting(body: bytes) -> Any:
        sent.append(body.count(b'"op_id"'))
        return send(body)

    monkeypatch.setattr(term.client, "send_push", counting)
    report = term.engine.push_once()
    assert report.applied == n_ops and report.retry == 0 and report.rejected == 0
    assert sent == [4] * (n_ops // 4) + ([n_ops % 4] if n_ops % 4 else [])
    assert _pending(term) == 0
    assert center_counts(center) == {
        "applicants": 5,
        "cases": 5,
        "case_materials": 10,
        "ratings": 5,
        "case_transitions": 5,
    }
    term.close()


def test_a_center_that_takes_fewer_ops_per_push_is_met_with_fewer(center, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An older center answers 422 to more ops than it takes: the terminal says so in its log, pushes
    that many at a time from then on, and loses nothing."""
    term = make_terminal(center, tmp_path)
    assert term.engine.sync_once().online
    for n in range(2):
        accept_case(term, f"L-{n:04d}")
    n_ops = _pending(term)
    monkeypatch.setattr(engine_module, "LEGACY_MAX_OPS", 3)
    term.engine.batch = 5
    send = term.client.send_push
    sizes: list[int] = []

    def older_center(body: bytes) -> Any:
        n = body.count(b'"op_id"')
        sizes.append(n)
        if n > 3:
            raise CenterRefused(422, "invalid", "ops: List should have at most 3 items after validation")
        return send(body)

    monkeypatch.setattr(term.client, "send_push", older_center)
    report = term.engine.push_once()
    assert report.applied == n_ops and report.rejected == 0
    assert term.engine.batch == 3 and sizes[0] == 5 and max(sizes[1:]) == 3
    assert center_counts(center)["cases"] == 2 and _pending(term) == 0
    # a refusal that fewer ops do not cure is the center's answer, as before
    accept_case(term, "L-0002")

    def refuses(body: bytes) -> Any:
        raise CenterRefused(422, "invalid", "ops.0.kind: String should have at most 40 characters")

    monkeypatch.setattr(term.client, "send_push", refuses)
    with pytest.raises(CenterRefused):
        term.engine.push_once()
    term.close()


def test_a_push_request_holds_about_so_many_bytes(center, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The outbox is read in requests of at most `max_bytes` of payload (at least one op each, however
    large), so big ops never make a request the center refuses for its size."""
    term = make_terminal(center, tmp_path)
    term.engine.pull_once()
    accept_case(term, "S-0001")
    with term.cache.db.read_session() as s:
        every, _, more = outbox.ready(s, 100, term.cipher)
        assert not more and len(every) > 3
        sizes = [len(p) for (p,) in s.execute(text("SELECT payload FROM outbox ORDER BY op_id"))]
        some, _, more = outbox.ready(s, 100, term.cipher, max_bytes=sizes[0] + sizes[1])
        assert more and [op.op_id for op in some] == [op.op_id for op in every[:2]]
        one, _, more = outbox.ready(s, 100, term.cipher, max_bytes=1)
        assert more and [op.op_id for op in one] == [every[0].op_id]
        rest, _, more = outbox.ready(s, 100, term.cipher, after=some[-1].stored_id)
        assert not more and [op.op_id for op in rest] == [op.op_id for op in every[2:]]
    term.close()
