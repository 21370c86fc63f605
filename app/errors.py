"""Known operational errors: each carries a plain message for the user and an exit code for the CLI."""

from __future__ import annotations


class HallError(Exception):
    """An error the user can understand and act on (paper out, reader unplugged, center down, bad input)."""

    exit_code = 1

    def __init__(self, message: str, *, code: str = "error") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class ConfigError(HallError):
    exit_code = 3


class DeviceError(HallError):
    exit_code = 4


class CenterUnavailable(HallError):
    exit_code = 5
