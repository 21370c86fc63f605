"""The SMS providers' access keys, kept in the OS keyring of the center's user (service `hall-center`),
never in hall.toml or the database. A center without a desktop session opts in to a protected file with
`keyring_file` in hall.toml, like a kiosk. Set them with `hall notify keys aliyun` (or tencent)."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors

from app.config import Settings
from app.errors import ConfigError

SERVICE = "hall-center"
PROVIDERS = ("aliyun", "tencent")


def _names(provider: str) -> tuple[str, str]:
    if provider not in PROVIDERS:
        raise ConfigError(f"unknown SMS provider {provider!r}: aliyun or tencent")
    return f"sms.{provider}.key_id", f"sms.{provider}.key_secret"


def _backend(settings: Settings) -> keyring.backend.KeyringBackend:
    if settings.keyring_file is not None:
        from keyrings.alt.file import PlaintextKeyring

        path = Path(settings.keyring_file)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.touch(mode=0o600)
        os.chmod(path, 0o600)
        plain = PlaintextKeyring()
        plain.file_path = str(path)
        chosen: keyring.backend.KeyringBackend = plain
        return chosen
    backend = keyring.get_keyring()
    if backend.priority <= 0 or type(backend).__module__.startswith("keyring.backends.fail"):
        raise ConfigError(
            "no OS keyring is available for the SMS provider's keys: unlock the keyring of the center's user, "
            "or set keyring_file in hall.toml (a file of mode 0600)"
        )
    return backend


def provider_keys(settings: Settings, provider: str) -> tuple[str, str]:
    """(key id, key secret) of `provider`; a ConfigError that says how to set them when missing."""
    id_name, secret_name = _names(provider)
    try:
        backend = _backend(settings)
        key_id, secret = backend.get_password(SERVICE, id_name), backend.get_password(SERVICE, secret_name)
    except keyring.errors.KeyringError as exc:
        raise ConfigError(f"cannot read the {provider} SMS keys from the keyring: {exc}") from exc
    if not key_id or not secret:
        raise ConfigError(
            f"notify.channel is {provider} but its access keys are not in the keyring: run `hall notify keys {provider}`"
        )
    return key_id, secret


def store_provider_keys(settings: Settings, provider: str, key_id: str, secret: str) -> None:
    id_name, secret_name = _names(provider)
    try:
        backend = _backend(settings)
        backend.set_password(SERVICE, id_name, key_id)
        backend.set_password(SERVICE, secret_name, secret)
    except keyring.errors.KeyringError as exc:
        raise ConfigError(f"cannot store the {provider} SMS keys in the keyring: {exc}") from exc
