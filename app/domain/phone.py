"""Mobile numbers a message can be sent to: mainland China's 11 digits (1[3-9]…), written with blanks,
dashes or the +86 / 0086 prefix by whoever typed them. The one check used by the kiosk, the counter,
the booking page and the notifier."""

from __future__ import annotations

import re

from app.i18n.messages import msg

_MOBILE = re.compile(r"^1[3-9]\d{9}$")


class InvalidPhone(ValueError):
    """Not a mainland mobile number (a landline cannot receive an SMS); `args[0]` is its message."""


def normalize_mobile(raw: str | None) -> str:
    """`+86 138-1234-5678` → `13812345678`; InvalidPhone for anything that is not a mobile number."""
    value = re.sub(r"[\s\-()（）]", "", raw or "")
    for prefix in ("+86", "0086"):
        if value.startswith(prefix):
            value = value[len(prefix):]
            break
    if not _MOBILE.match(value):
        raise InvalidPhone(msg("invalid_phone"))
    return value


def is_mobile(raw: str | None) -> bool:
    try:
        normalize_mobile(raw)
    except InvalidPhone:
        return False
    return True
