"""A terminal's numbering continues where the center has it: after its cache was rebuilt (a damaged file
set aside) or it was enrolled again, it never reuses a case number or an audit chain position.

Asked once per cache (before its first push, and right after enrollment): the center's highest audit
position and hash for this terminal and its highest case number per day; the local gap-free counters
are raised to at least those."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.store import models as m
from app.sync.cache import TerminalCache
from app.sync.client import CenterClient

log = logging.getLogger("hall.sync")
RESUMED = "numbering_resumed"
AUDIT_TAIL = "audit_tail"  # {"seq", "hash"}: the chain's last event at the center, if not in this cache
AUDIT_COUNTER = "audit:local"


def case_counter(day_iso: str) -> str:
    return f"case:{day_iso}"


def raise_counter(session: Session, name: str, at_least: int) -> None:
    session.execute(text("INSERT OR IGNORE INTO counters (name, value) VALUES (:n, 0)"), {"n": name})
    session.execute(
        text("UPDATE counters SET value = :v WHERE name = :n AND value < :v"), {"n": name, "v": at_least}
    )


def resume_numbering(cache: TerminalCache, client: CenterClient, *, force: bool = False) -> bool:
    """Raise the local counters to the center's; once per cache. Returns whether it asked the center."""
    if not force and cache.get_state(RESUMED):
        return False
    answer = client.resume()
    with cache.db.write_session() as s:
        raise_counter(s, AUDIT_COUNTER, answer.audit_seq)
        for day, seq in answer.case_seqs.items():
            raise_counter(s, case_counter(day), seq)
        if answer.audit_seq and answer.audit_hash:
            cache.set_state(AUDIT_TAIL, {"seq": answer.audit_seq, "hash": answer.audit_hash}, session=s)
        cache.set_state(RESUMED, True, session=s)
    if answer.audit_seq or answer.case_seqs:
        log.info(
            "numbering resumed from the center: audit position %s, case numbers of %d day(s)",
            answer.audit_seq,
            len(answer.case_seqs),
        )
    return True


def audit_tail(session: Session) -> tuple[int, str] | None:
    row = session.get(m.SyncState, AUDIT_TAIL)
    value: Any = row.value if row is not None else None
    if isinstance(value, dict) and "seq" in value and "hash" in value:
        return int(value["seq"]), str(value["hash"])
    return None
