"""Terminal secrets (the enrollment credential, the data encryption key) in the OS keyring.

Kiosks without a desktop session have no keyring service: they must opt in explicitly to a file
(`keyring_file` in the settings), kept with mode 0600. Without either, a clear error says what to do.
"""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors

from app.config import Settings
from app.errors import ConfigError

SERVICE = "hall-terminal"


class SecretStore:
    def __init__(self, backend: keyring.backend.KeyringBackend, where: str) -> None:
        self.backend, self.where = backend, where

    def get(self, name: str) -> str | None:
        try:
            return self.backend.get_password(SERVICE, name)
        except keyring.errors.KeyringError as exc:
            raise ConfigError(f"cannot read the secret {name!r} from {self.where}: {exc}") from exc

    def set(self, name: str, value: str) -> None:
        try:
            self.backend.set_password(SERVICE, name, value)
        except keyring.errors.KeyringError as exc:
            raise ConfigError(f"cannot store the secret {name!r} in {self.where}: {exc}") from exc

    def delete(self, name: str) -> None:
        try:
            self.backend.delete_password(SERVICE, name)
        except keyring.errors.PasswordDeleteError:
            pass


def open_secret_store(settings: Settings) -> SecretStore:
    if settings.keyring_file is not None:
        from keyrings.alt.file import PlaintextKeyring

        path = Path(settings.keyring_file)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.touch(mode=0o600)
        os.chmod(path, 0o600)
        backend = PlaintextKeyring()
        backend.file_path = str(path)
        return SecretStore(backend, f"the key file {path}")
    backend = keyring.get_keyring()
    if backend.priority <= 0 or type(backend).__module__.startswith("keyring.backends.fail"):
        raise ConfigError(
            "no OS keyring is available to keep this terminal's secrets. On a desktop, install or unlock the "
            "keyring (Secret Service / Windows Credential Manager). On a kiosk without a desktop session, opt in "
            "to a protected file: set keyring_file in hall.toml or HALL_KEYRING_FILE=/var/lib/hall/secrets.cfg"
        )
    return SecretStore(backend, f"the OS keyring ({type(backend).__name__})")
