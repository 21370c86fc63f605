"""Printer errors: each one a `DeviceError` whose message is a catalogue message (shown in the reader's
language)."""

from __future__ import annotations

from app.errors import DeviceError
from app.i18n.messages import Msg, msg


class PrinterError(DeviceError):
    """Any printer problem the user can act on (bad URL, missing backend, printer unreachable)."""

    def __init__(self, message: str, *, code: str = "printer") -> None:  # a `Msg`, or English for a bug
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
        message: str | None = None,
        *,
        code: str = "printer_offline",
    ) -> None:
        super().__init__(message or msg("printer.offline"), code=code)


class CoverOpen(PrinterOffline):
    def __init__(self) -> None:
        super().__init__(
            msg("printer.cover_open"), code="printer_cover_open"
        )


class PaperOut(PrinterError):
    def __init__(self) -> None:
        super().__init__(
            msg("printer.paper_out"), code="printer_paper_out"
        )


class CutShort(PrinterError):
    """The status read after the job says the paper ran out (or the printer stopped) during it: what came
    out is not a whole ticket, so it counts as not printed."""

    def __init__(self, state: Msg) -> None:
        super().__init__(
            msg("printer.cut_short", state=state),
            code="printer_cut_short",
        )


class PaperNearEnd(PrinterError):
    """Raised only when a caller asks for it; by default near end prints and warns in the result."""

    def __init__(self) -> None:
        super().__init__(PAPER_NEAR_END_MESSAGE, code="printer_paper_near_end")


class PrinterFault(PrinterError):
    """Cutter jam, overheated head or another error the printer reports."""

    def __init__(self, detail: Msg) -> None:
        super().__init__(msg("printer.fault", detail=detail), code="printer_fault")


PAPER_NEAR_END_MESSAGE = msg("printer.near_end")
