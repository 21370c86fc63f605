"""A terminal's identity on this machine: enrollment at the center, its secrets in the keyring, its cache."""

from __future__ import annotations

import dataclasses
import logging
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from app.config import Settings
from app.errors import HallError
from app.store.crypto import FieldCipher
from app.sync.cache import TerminalCache
from app.sync.client import CenterClient, CenterRefused
from app.sync.engine import SyncEngine
from app.sync.numbering import RESUMED, resume_numbering
from app.sync.secrets_store import SecretStore, open_secret_store

log = logging.getLogger("hall.sync.terminal")
IDENTITY = "identity"


def enrollment_code(credential: str) -> str:
    """The code this terminal shows while it waits: the admin types it to approve exactly this credential
    (the center derives the same code from the credential's hash)."""
    import base64
    import hashlib

    text = base64.b32encode(hashlib.sha256(credential.encode()).digest()[:5]).decode()
    return f"{text[:4]}-{text[4:8]}"


@dataclass(frozen=True)
class TerminalIdentity:
    name: str
    kind: str
    terminal_id: str
    center_url: str
    tag: int = 0  # the center's short number for this terminal (case numbers)


def cache_path(settings: Settings, name: str) -> Path:
    return settings.resolved_data_dir() / "terminals" / f"{name}.db"


def data_cipher(store: SecretStore, name: str) -> FieldCipher:
    """The key that encrypts personal data in this terminal's cache (made on first use, kept in the keyring)."""
    key = store.get(f"{name}:data_key")
    if key is None:
        key = FieldCipher.new_key().decode()
        store.set(f"{name}:data_key", key)
    return FieldCipher(key.encode())


def enroll(
    settings: Settings,
    center_url: str,
    kind: str,
    name: str,
    *,
    admin_user: str | None = None,
    admin_password: str | None = None,
    wait_s: float = 0.0,
) -> tuple[TerminalIdentity, str]:
    """Ask the center to enroll this terminal; approve at once when admin credentials are given.
    Returns the identity and its status (approved / pending)."""
    store = open_secret_store(settings)
    credential = secrets.token_urlsafe(32)
    client = CenterClient(center_url, ca_file=settings.center_ca_file)
    try:
        answer = client.enroll(name, kind, credential)
        identity = TerminalIdentity(
            name=name, kind=kind, terminal_id=str(answer.terminal_id), center_url=center_url, tag=answer.tag
        )
        store.set(f"{name}:credential", credential)
        data_cipher(store, name)
        cache = TerminalCache(cache_path(settings, name))
        cache.set_state(IDENTITY, identity.__dict__)
        cache.set_state(RESUMED, False)  # ask the center where this terminal's numbering stands
        status = "pending"
        if admin_user:
            admin = client.login_staff(admin_user, admin_password or "")
            client.token = admin.token
            client.call(
                "POST", f"/terminals/{identity.terminal_id}/approve", json={"code": enrollment_code(credential)}
            )
            status = "approved"
        elif wait_s > 0:
            status = _wait_for_approval(identity, credential, settings, wait_s)
        if status == "approved":
            own = CenterClient(
                center_url, terminal_id=identity.terminal_id, credential=credential, ca_file=settings.center_ca_file
            )
            try:
                resume_numbering(cache, own, force=True)
            finally:
                own.close()
        cache.close()
        return identity, status
    finally:
        client.close()


def _wait_for_approval(identity: TerminalIdentity, credential: str, settings: Settings, wait_s: float) -> str:
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        probe = CenterClient(
            identity.center_url,
            terminal_id=identity.terminal_id,
            credential=credential,
            ca_file=settings.center_ca_file,
        )
        try:
            probe.call("GET", "/snapshot")
            return "approved"
        except CenterRefused as exc:
            if exc.code != "pending_approval":
                raise
        finally:
            probe.close()
        time.sleep(2)
    return "pending"


@dataclass
class Terminal:
    identity: TerminalIdentity
    cache: TerminalCache
    client: CenterClient
    cipher: FieldCipher
    engine: SyncEngine

    def close(self) -> None:
        self.client.close()
        self.cache.close()


def open_terminal(
    settings: Settings, name: str, *, timeout: float = 5.0, center_url: str | None = None
) -> Terminal:
    """The enrolled terminal `name`; `center_url` overrides the address it enrolled with (a moved center)."""
    path = cache_path(settings, name)
    if not path.exists():
        raise HallError(f"no terminal named {name!r} is enrolled on this machine: run `hall enroll` first")
    cache = TerminalCache(path)
    raw = cache.get_state(IDENTITY)
    if raw is None:
        cache.close()
        raise HallError(f"the cache of {name!r} has no identity (it was rebuilt?): run `hall enroll` again")
    identity = TerminalIdentity(**raw)
    if center_url:
        identity = dataclasses.replace(identity, center_url=center_url.rstrip("/"))
    store = open_secret_store(settings)
    credential = store.get(f"{name}:credential")
    if credential is None:
        cache.close()
        raise HallError(f"the credential of {name!r} is missing from {store.where}: run `hall enroll` again")
    cipher = data_cipher(store, name)
    client = CenterClient(
        identity.center_url,
        terminal_id=identity.terminal_id,
        credential=credential,
        ca_file=settings.center_ca_file,
        timeout=timeout,
    )
    engine = SyncEngine(
        cache, client, cipher, batch=settings.sync.push_batch, prune_days=settings.sync.prune_applied_days
    )
    return Terminal(identity, cache, client, cipher, engine)
