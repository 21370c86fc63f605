"""The citizen's phone pages (issue 18): the unguessable token of a ticket's page and the URL printed in
its QR code. Qt-free, storage-free: the center, the kiosk (offline tickets) and the public pages share it."""

from __future__ import annotations

import hashlib
import re
import secrets

TOKEN_BYTES = 16  # 128 random bits: not guessable, not derived from the ticket's id or number
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{16,32}")
TICKET_PATH = "/t/"
CASE_PATH = "/c/"


def new_token() -> str:
    """A fresh page token (22 URL-safe characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_token(text: str) -> bool:
    return TOKEN_RE.fullmatch(text) is not None


def page_key(token: str | None) -> str | None:
    """What the replicated case summaries hold of a page token: its hash (a kiosk's cache that leaks gives
    no token away), enough for a kiosk to recognise the notice it scans."""
    return hashlib.sha256(token.encode()).hexdigest()[:32] if token else None


def case_url(public_url: str | None, token: str | None) -> str | None:
    """The case page's URL, printed as the notice's QR code; None when either is not set."""
    if not public_url or not token:
        return None
    return f"{public_url.rstrip('/')}{CASE_PATH}{token}"


def token_in_url(text: str, path: str) -> str | None:
    """The token of a page URL of ours (`…/c/<token>` for `path` "/c/"), from a scanned QR text."""
    raw = text.strip()
    if not raw.lower().startswith(("http://", "https://")) or path not in raw:
        return None
    token = raw.split(path, 1)[1].split("?", 1)[0].split("#", 1)[0].strip("/")
    return token if is_token(token) else None


def ticket_url(public_url: str | None, token: str | None) -> str | None:
    """The ticket page's URL under the public pages' base URL; None when either is not set."""
    if not public_url or not token:
        return None
    return f"{public_url.rstrip('/')}{TICKET_PATH}{token}"


def ticket_qr(public_url: str | None, token: str | None, ticket_id: str) -> str:
    """What the printed ticket's QR code holds: the page's URL, or (no public pages configured) the visit's
    id as before (`HALLVISIT:<uuid>`, read by the kiosk's own scanner)."""
    return ticket_url(public_url, token) or f"HALLVISIT:{ticket_id}"
