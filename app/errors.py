"""Known operational errors: each carries a plain message for the user and an exit code for the CLI.

A message built with `app.i18n.messages.msg(code, **params)` also carries its message code and params:
the terminals show it in their language (`message_code`, `params`); `message` is its English text."""

from __future__ import annotations

from typing import Any

from app.i18n.messages import Msg, code_and_params, msg


class HallError(Exception):
    """An error the user can understand and act on (paper out, reader unplugged, center down, bad input)."""

    exit_code = 1

    def __init__(
        self, message: str, *, code: str = "error", message_code: str | None = None, params: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.message = str(message)
        self.code = code
        own_code, own_params = code_and_params(message)
        self.message_code: str | None = message_code or own_code
        self.params: dict[str, Any] = params if params is not None else own_params

    @classmethod
    def of(cls, code: str, /, **params: Any) -> HallError:
        """The error whose message is the catalogue's `code` (its error code too)."""
        return cls(msg(code, **params), code=code)

    @property
    def as_msg(self) -> Msg | str:
        """The message as a `Msg` when it has a code (to pass on), else the plain text."""
        return Msg(self.message_code, self.params) if self.message_code else self.message


class ConfigError(HallError):
    exit_code = 3


class DeviceError(HallError):
    exit_code = 4


class CenterUnavailable(HallError):
    exit_code = 5


class DiskFull(HallError):
    """The local disk (or the database's size limit) is full: nothing was written."""

    exit_code = 6

    def __init__(self, where: str = "") -> None:
        super().__init__(msg("disk_full", where=where), code="disk_full")
        self.where = where
