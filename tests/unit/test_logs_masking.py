"""Privacy in the logs: ID numbers and phones are masked in tracebacks and `exc_info` too."""

from __future__ import annotations

import io
import logging

from app.logs import FORMAT, RedactingFilter

ID, PHONE = "11010519491231002X", "13812345678"


def _logger() -> tuple[logging.Logger, io.StringIO]:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactingFilter())
    log = logging.getLogger("hall.test.masking")
    log.handlers[:] = [handler]
    log.propagate = False
    return log, out


def test_ids_and_phones_in_a_traceback_are_masked() -> None:
    log, out = _logger()

    def lookup(id_number: str, phone: str) -> None:
        raise ValueError(f"no applicant with ID {id_number} and phone {phone}")

    try:
        lookup(ID, PHONE)
    except ValueError:
        log.exception("lookup failed for %s", ID)
    text = out.getvalue()
    assert "Traceback" in text and "ValueError" in text
    assert ID not in text and PHONE not in text
    assert "110105********002X" in text and "138****5678" in text


def test_exc_info_given_explicitly_and_stack_info_are_masked() -> None:
    log, out = _logger()
    try:
        raise KeyError(PHONE)
    except KeyError as exc:
        log.error("failed", exc_info=(type(exc), exc, exc.__traceback__), stack_info=True)
    log.warning("card %s", ID, stack_info=True)
    assert PHONE not in out.getvalue() and ID not in out.getvalue()
