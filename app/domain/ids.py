"""Record identities: UUIDv7, made where the record is born (DESIGN.md, "Data")."""

from __future__ import annotations

import uuid

import uuid6


def new_id() -> uuid.UUID:
    """A time-ordered UUIDv7, safe to make offline on any terminal."""
    return uuid.UUID(bytes=uuid6.uuid7().bytes)
