"""Hall-wide salted hashes of ID numbers: what kiosks keep after a visit instead of the number, and what
the center compares for "one open ticket per ID number". The salt is hall-wide reference data."""

from __future__ import annotations

import hashlib
import hmac

from app.domain.idnumber import normalize_id_number

ID_SALT_SETTING = "privacy.id_hash_salt"


def id_hash(id_number: str, salt: str) -> str:
    return hmac.new(salt.encode(), normalize_id_number(id_number).encode(), hashlib.sha256).hexdigest()
