"""A counter's document numbers: the next number of the hall's yearly sequence for one notice kind, from a
block leased from the center (`POST /sync/doc-numbers`) and kept in the counter's cache; when the block is
spent and the center is unreachable, a number of the offline pattern (terminal tag + the counter's own
sequence), so the counter never stops and never repeats another counter's number (app/domain/doc_numbers)."""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.config import NoticeSettings
from app.domain.doc_numbers import DocKind, format_number
from app.errors import HallError
from app.protocol.api import DocLeaseOut
from app.store.rows import next_value
from app.sync.terminal import Terminal

log = logging.getLogger("hall.counter.docs")


def _get(s: Session, name: str) -> int | None:
    v = s.execute(text("SELECT value FROM counters WHERE name = :n"), {"n": name}).scalar()
    return None if v is None else int(v)


def _take(s: Session, kind: DocKind, year: int) -> int | None:
    nxt, last = _get(s, f"doc:{kind.value}:{year}:next"), _get(s, f"doc:{kind.value}:{year}:last")
    if nxt is None or last is None or nxt > last:
        return None
    next_value(s, f"doc:{kind.value}:{year}:next")
    return nxt


def _store(s: Session, kind: DocKind, year: int, first: int, last: int) -> None:
    for name, value in ((f"doc:{kind.value}:{year}:next", first), (f"doc:{kind.value}:{year}:last", last)):
        cur = _get(s, name)
        next_value(s, name, step=value - (cur or 0))


def next_doc_number(term: Terminal, cfg: NoticeSettings, org: str, kind: DocKind, year: int) -> str:
    """Runs on the counter's executor (it may ask the center once per `doc_lease_size` notices)."""
    with term.cache.db.write_session() as s:
        seq = _take(s, kind, year)
    if seq is None:
        try:
            got = term.client.call_as(
                DocLeaseOut,
                "POST",
                "/sync/doc-numbers",
                json={"kind": kind.value, "year": year, "size": cfg.doc_lease_size},
            )
        except HallError as exc:  # offline (or refused): the tagged offline sequence never collides
            log.warning("no document-number block from the center (%s): offline number", exc)
            with term.cache.db.write_session() as s:
                off = next_value(s, f"doc:{kind.value}:{year}:offline")
            return format_number(
                cfg.offline_doc_number_pattern, org=org, kind=kind, year=year, seq=off, tag=term.identity.tag
            )
        with term.cache.db.write_session() as s:
            _store(s, kind, year, got.first, got.last)
            seq = _take(s, kind, year)
        assert seq is not None
    return format_number(cfg.doc_number_pattern, org=org, kind=kind, year=year, seq=seq, tag=term.identity.tag)
