"""Named loggers (`hall.sync`, `hall.device.idcard`, `hall.printer` …), a rotating log file, a redaction
filter that masks ID and phone numbers in every record, and a crash handler that keeps the last lines."""

from __future__ import annotations

import collections
import datetime as dt
import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from app.domain.idnumber import redact_text

if TYPE_CHECKING:
    from app.config import Settings

FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"


class RedactingFilter(logging.Filter):
    """Privacy: no full ID number or mobile number reaches any log handler, in the message, in the
    traceback of `exc_info` (an exception's text, a local shown by a frame) or in `stack_info`."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_text(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and record.exc_info[0] is not None:
            text = record.exc_text or self._formatter.formatException(record.exc_info)
            record.exc_text = redact_text(text)
            record.exc_info = None  # handlers print exc_text; the live traceback is not formatted again
        elif record.exc_text:
            record.exc_text = redact_text(record.exc_text)
        if record.stack_info:
            record.stack_info = redact_text(record.stack_info)
        return True


class RingBufferHandler(logging.Handler):
    """Keeps the last N formatted lines in memory for the crash report."""

    def __init__(self, capacity: int = 200) -> None:
        super().__init__()
        self.lines: collections.deque[str] = collections.deque(maxlen=capacity)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception:  # never let logging break the program
            self.handleError(record)


_ring = RingBufferHandler()
_state: dict[str, Path | None] = {"log_dir": None}


def setup_logging(settings: Settings, *, console_debug: bool = False, component: str | None = None) -> Path:
    """Configure the `hall` logger tree once per process; returns the log file path."""
    log_dir = settings.resolved_data_dir() / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / f"hall-{component or 'main'}.log"
    root = logging.getLogger("hall")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.DEBUG)
    root.propagate = False
    formatter = logging.Formatter(FORMAT)
    redactor = RedactingFilter()
    file_handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=settings.log_max_bytes, backupCount=settings.log_backups, encoding="utf-8"
    )
    file_handler.setLevel(settings.log_level.upper())
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if console_debug else logging.WARNING)
    _ring.setLevel(logging.DEBUG)
    for handler in (file_handler, console, _ring):
        handler.setFormatter(formatter)
        handler.addFilter(redactor)
        root.addHandler(handler)
    _state["log_dir"] = log_dir
    install_crash_handler()
    return log_file


def write_crash_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> Path | None:
    log_dir = _state["log_dir"]
    if log_dir is None:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = log_dir / f"crash-{stamp}.txt"
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    body = "Last log lines:\n" + "\n".join(_ring.lines) + "\n\nTraceback:\n" + text
    path.write_text(redact_text(body), encoding="utf-8")
    return path


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    logging.getLogger("hall.crash").critical("unhandled error: %s", exc, exc_info=(exc_type, exc, tb))
    path = write_crash_report(exc_type, exc, tb)
    if path is not None:
        print(f"hall crashed; a report with the last log lines is in {path}", file=sys.stderr)
    print(redact_text("".join(traceback.format_exception(exc_type, exc, tb))), file=sys.stderr, end="")


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        _excepthook(args.exc_type, args.exc_value, args.exc_traceback)


def install_crash_handler() -> None:
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
