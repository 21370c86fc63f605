"""The kiosk's progress lookup by case number + the last 6 characters of the ID number, answered offline
from the replicated case summaries without holding any ID number: a slow salted hash of the pair."""

from __future__ import annotations

import hashlib


def progress_key(case_number: str, id_tail: str) -> str:
    tail = id_tail.strip().upper()[-6:]
    return hashlib.scrypt(tail.encode(), salt=case_number.encode(), n=2**12, r=8, p=1, dklen=16).hex()
