"""ID numbers: resident ID cards, residence permits and the 2023 foreigner's permanent residence card
(18 characters, GB 11643), the older foreigner's permanent residence card (15 characters: 3 letters of
the nationality and 12 digits), and the one masking function for everything shown, printed or logged."""

from __future__ import annotations

import datetime as dt
import re

from app.i18n.messages import msg

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
_SHAPE = re.compile(r"^\d{17}[\dX]$")
# 外国人永久居留身份证 before the 2023 card (2004 and 2017 versions, still valid until they expire): the
# nationality's three ISO 3166 letters and 12 digits; it has no GB 11643 check digit to verify.
_FOREIGN_15 = re.compile(r"^[A-Z]{3}\d{12}$")
# Region codes of the Hong Kong, Macau and Taiwan residents' residence permits (港澳台居民居住证).
PERMIT_PREFIXES = {"81": "Hong Kong", "82": "Macau", "83": "Taiwan"}


class InvalidIdNumber(ValueError):
    """A clear, user-presentable reason why an ID number was refused (never contains the full number):
    `args[0]` is its message (app.i18n.messages.msg), `str()` its English text."""


def check_digit(first17: str) -> str:
    if len(first17) != 17 or not first17.isdigit():
        raise InvalidIdNumber(msg("id.first17"))
    total = sum(int(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def normalize_id_number(raw: str) -> str:
    """Strip blanks, upper-case letters, and validate; returns the canonical number: 18 characters, or the
    15 of an older foreigner's permanent residence card."""
    value = re.sub(r"\s+", "", raw or "").upper()
    if len(value) == 15 and value[:1].isalpha():
        if not _FOREIGN_15.match(value):
            raise InvalidIdNumber(msg("id.foreign15"))
        return value
    if len(value) != 18:
        raise InvalidIdNumber(
            msg("id.length", length=len(value))
        )
    if not _SHAPE.match(value):
        raise InvalidIdNumber(msg("id.shape"))
    try:
        dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise InvalidIdNumber(msg("id.birth_date")) from None
    if value[:2] == "00" or value[:6] == "000000":
        raise InvalidIdNumber(msg("id.region"))
    expected = check_digit(value[:17])
    if value[17] != expected:
        raise InvalidIdNumber(msg("id.check_digit"))
    return value


def is_valid_id_number(raw: str) -> bool:
    try:
        normalize_id_number(raw)
    except InvalidIdNumber:
        return False
    return True


def is_old_foreign_card(id_number: str) -> bool:
    """The 15-character number of a foreigner's permanent residence card issued before 2023."""
    return bool(_FOREIGN_15.match(id_number))


def birth_date(id_number: str) -> dt.date:
    """The birth date an 18-character number carries (the older 15-character card's is read from the chip)."""
    v = normalize_id_number(id_number)
    if is_old_foreign_card(v):
        raise InvalidIdNumber(msg("id.no_birth_date"))
    return dt.date(int(v[6:10]), int(v[10:12]), int(v[12:14]))


def is_residence_permit(id_number: str) -> bool:
    return id_number[:2] in PERMIT_PREFIXES


def mask_id_number(value: str | None) -> str:
    """`110101199003071234` → `110101********1234`. Anything else keeps at most its first and last 2 characters."""
    if not value:
        return ""
    v = re.sub(r"\s+", "", value)
    if len(v) >= 15:
        return v[:6] + "*" * (len(v) - 10) + v[-4:]
    if len(v) <= 4:
        return "*" * len(v)
    return v[:2] + "*" * (len(v) - 4) + v[-2:]


def mask_phone(value: str | None) -> str:
    """`13812345678` → `138****5678`; landlines keep their last 4 digits."""
    if not value:
        return ""
    v = re.sub(r"[\s-]", "", value)
    if len(v) == 11 and v.isdigit() and v.startswith("1"):
        return v[:3] + "****" + v[-4:]
    if len(v) <= 4:
        return "*" * len(v)
    return "*" * (len(v) - 4) + v[-4:]


def mask_name(value: str | None) -> str:
    """`张三丰` → `张*丰`, `张三` → `张*`: for screens facing the public."""
    if not value:
        return ""
    if len(value) == 1:
        return value
    if len(value) == 2:
        return value[0] + "*"
    return value[0] + "*" * (len(value) - 2) + value[-1]


_ID_IN_TEXT = re.compile(r"(?<![\dA-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![\dA-Za-z])")
_FOREIGN_IN_TEXT = re.compile(r"(?<![\dA-Za-z])([A-Z]{3}\d{3})(\d{5})(\d{4})(?![\dA-Za-z])")
_PHONE_IN_TEXT = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")


def redact_text(text: str) -> str:
    """Mask every ID number and mobile number inside free text (used by the logging filter)."""
    text = _ID_IN_TEXT.sub(lambda m: m.group(1) + "********" + m.group(3)[-4:], text)
    text = _FOREIGN_IN_TEXT.sub(lambda m: m.group(1) + "*****" + m.group(3), text)
    return _PHONE_IN_TEXT.sub(lambda m: m.group(1) + "****" + m.group(3), text)
