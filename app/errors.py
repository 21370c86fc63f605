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


class DiskFull(HallError):
    """The local disk (or the database's size limit) is full: nothing was written."""

    exit_code = 6

    def __init__(self, where: str = "") -> None:
        super().__init__(
            "本机磁盘已满，刚才的操作没有保存；请联系管理员清理磁盘后重试，已保存的数据不受影响 / "
            f"the disk is full: the last action was not saved; free some space and try again ({where})",
            code="disk_full",
        )
