"""Printer errors: each one a `DeviceError` with a plain Chinese + English message for the user."""

from __future__ import annotations

from app.errors import DeviceError


class PrinterError(DeviceError):
    """Any printer problem the user can act on (bad URL, missing backend, printer unreachable)."""

    def __init__(self, message: str, *, code: str = "printer") -> None:
        super().__init__(message, code=code)


class PrinterUrlError(PrinterError):
    """The printer URL is malformed or names an unknown option."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="printer_url")


class PrinterBackendUnavailable(PrinterError):
    """The URL is fine but this platform or installation cannot drive that kind of printer."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="printer_backend")


class PrinterOffline(PrinterError):
    """The printer is offline, unreachable or does not answer."""

    def __init__(
        self,
        message: str = "打印机离线或无响应 / Printer is offline or not responding",
        *,
        code: str = "printer_offline",
    ) -> None:
        super().__init__(message, code=code)


class CoverOpen(PrinterOffline):
    def __init__(self) -> None:
        super().__init__(
            "打印机上盖未关好，请合上盖子 / Printer cover is open: close it", code="printer_cover_open"
        )


class PaperOut(PrinterError):
    def __init__(self) -> None:
        super().__init__(
            "打印机缺纸，请更换纸卷 / Printer is out of paper: load a new roll", code="printer_paper_out"
        )


class CutShort(PrinterError):
    """The status read after the job says the paper ran out (or the printer stopped) during it: what came
    out is not a whole ticket, so it counts as not printed."""

    def __init__(self, state: str) -> None:
        super().__init__(
            f"打印中途{state}，票据没有打完，视为未打印 / the printer stopped mid-job ({state}): not printed",
            code="printer_cut_short",
        )


class PaperNearEnd(PrinterError):
    """Raised only when a caller asks for it; by default near end prints and warns in the result."""

    def __init__(self) -> None:
        super().__init__(PAPER_NEAR_END_MESSAGE, code="printer_paper_near_end")


class PrinterFault(PrinterError):
    """Cutter jam, overheated head or another error the printer reports."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"打印机故障：{detail}", code="printer_fault")


PAPER_NEAR_END_MESSAGE = "打印纸即将用完，请尽快更换纸卷 / Paper is nearly used up: replace the roll soon"
