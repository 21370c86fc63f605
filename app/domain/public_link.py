"""The citizen's phone pages (issue 18): the unguessable token of a ticket's page and the URL printed in
its QR code. Qt-free, storage-free: the center, the kiosk (offline tickets) and the public pages share it."""

from __future__ import annotations

import re
import secrets

TOKEN_BYTES = 16  # 128 random bits: not guessable, not derived from the ticket's id or number
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{16,32}")
TICKET_PATH = "/t/"


def new_token() -> str:
    """A fresh page token (22 URL-safe characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_token(text: str) -> bool:
    return TOKEN_RE.fullmatch(text) is not None


def ticket_url(public_url: str | None, token: str | None) -> str | None:
    """The ticket page's URL under the public pages' base URL; None when either is not set."""
    if not public_url or not token:
        return None
    return f"{public_url.rstrip('/')}{TICKET_PATH}{token}"


def ticket_qr(public_url: str | None, token: str | None, ticket_id: str) -> str:
    """What the printed ticket's QR code holds: the page's URL, or (no public pages configured) the visit's
    id as before (`HALLVISIT:<uuid>`, read by the kiosk's own scanner)."""
    return ticket_url(public_url, token) or f"HALLVISIT:{ticket_id}"
