"""The kiosk's progress lookup by case number + the last 6 characters of the ID number, answered offline
from the replicated case summaries without holding any ID number: a slow salted hash of the pair."""

from __future__ import annotations

import base64
import binascii
import hashlib


def progress_key(case_number: str, id_tail: str) -> str:
    tail = id_tail.strip().upper()[-6:]
    return hashlib.scrypt(tail.encode(), salt=case_number.encode(), n=2**12, r=8, p=1, dklen=16).hex()


QR_PREFIX = "HALLCASE:"


def case_qr_payload(case_number: str, id_number: str) -> str:
    """What the QR code of a notice or receipt carries: the case number and the lookup key of the ID tail
    (never the ID number). Holding the paper is what lets a kiosk show the case's progress."""
    key = base64.b32encode(bytes.fromhex(progress_key(case_number, id_number))).decode().rstrip("=")
    return f"{QR_PREFIX}{case_number}:{key}"  # base32: no digit runs that could look like a phone number


def parse_case_qr(text: str) -> tuple[str, str] | None:
    """(case number, lookup key) from a scanned QR text, or None when it is not one of ours.
    Barcode scanners type like keyboards: stray whitespace and lower case are tolerated."""
    raw = text.strip()
    if not raw.upper().startswith(QR_PREFIX):
        return None
    body = raw[len(QR_PREFIX) :]
    case_number, sep, key = body.rpartition(":")
    if not sep or not case_number or len(key) != 26:
        return None
    try:
        raw_key = base64.b32decode(key.upper() + "======")
    except (ValueError, binascii.Error):
        return None
    return case_number.upper(), raw_key.hex()
