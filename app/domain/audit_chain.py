"""The audit trail (审批留痕) as a hash chain: each event's hash covers its fields and the previous hash,
so a removed, altered or reordered event breaks every hash after it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

GENESIS = "0" * 64
HASHED_FIELDS = ("terminal_id", "seq", "at", "actor", "action", "object_type", "object_id", "detail")


def chain_hash(prev_hash: str, event: Mapping[str, Any]) -> str:
    body = {k: event.get(k) for k in HASHED_FIELDS}
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256((prev_hash + "\n" + canonical).encode()).hexdigest()


def verify_chain(events: Iterable[Mapping[str, Any]]) -> tuple[bool, str]:
    """Check events of one terminal ordered by seq: consecutive, linked, and each hash right."""
    prev, expected_seq = GENESIS, 1
    for ev in events:
        if ev["seq"] != expected_seq:
            return False, f"event {expected_seq} is missing (found {ev['seq']})"
        if ev["prev_hash"] != prev:
            return False, f"event {ev['seq']} does not link to the one before it"
        if chain_hash(prev, ev) != ev["hash"]:
            return False, f"event {ev['seq']} was altered"
        prev, expected_seq = ev["hash"], expected_seq + 1
    return True, f"{expected_seq - 1} events, chain intact"
