"""Keyed hashes of ID numbers at the center: what "one open ticket per ID number", appointments and staff
ID-card login compare. The key is internal to the center (the `auth.` settings prefix is never
replicated), so no terminal holds anything that lets its cache be searched for an ID number."""

from __future__ import annotations

import hashlib
import hmac

from app.domain.idnumber import normalize_id_number

ID_SALT_SETTING = "auth.id_hash_key"  # value {"salt": hex}; the name is kept for the center's callers
LEGACY_REPLICATED_SALT = "privacy.id_hash_salt"  # before 0005: replicated to every terminal, now removed


def id_hash(id_number: str, key: str) -> str:
    return hmac.new(key.encode(), normalize_id_number(id_number).encode(), hashlib.sha256).hexdigest()
