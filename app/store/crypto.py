"""Personal data at rest: ID numbers, phones and addresses are encrypted (Fernet: AES-128-CBC + HMAC),
looked up by a salted hash, and shown only masked. The key comes from the OS keyring (terminals) or a
key file readable only by the center's user."""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from app.errors import ConfigError


class FieldCipher:
    def __init__(self, key: bytes) -> None:
        try:
            self._fernet = Fernet(key)
        except (ValueError, TypeError) as exc:
            raise ConfigError("the data encryption key is malformed") from exc
        # a separate lookup salt derived from the key: hashes are useless without the key
        self._salt = hashlib.sha256(b"hall-lookup-salt:" + key).digest()

    @staticmethod
    def new_key() -> bytes:
        return Fernet.generate_key()

    def encrypt(self, value: str | None) -> bytes | None:
        return None if value is None else self._fernet.encrypt(value.encode())

    def decrypt(self, token: bytes | None) -> str | None:
        if token is None:
            return None
        try:
            return self._fernet.decrypt(token).decode()
        except InvalidToken as exc:
            raise ConfigError("stored personal data cannot be decrypted with this key (wrong key?)") from exc

    def lookup_hash(self, value: str) -> str:
        """A salted hash for finding records by ID number without storing it in clear."""
        return hmac.new(self._salt, value.strip().upper().encode(), hashlib.sha256).hexdigest()


def key_from_file(path: Path) -> bytes:
    """Read the key file, creating it (mode 0600) on first use."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(FieldCipher.new_key())
    return path.read_bytes().strip()
