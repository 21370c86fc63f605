"""The 256-byte text block of each card type (UCS-2 little endian, space padded), both ways: decoding what a
reader sends, strictly (a field that cannot be what the card holds is a FrameError, never a guess), and
encoding it (the simulator). Field widths are in bytes, as the published layouts give them."""

from __future__ import annotations

import datetime as dt
import re

from app.devices.idcard.card import CardType, IdCard
from app.devices.idcard.errors import FrameError
from app.domain.idnumber import is_valid_id_number

TEXT_BYTES = 256
PHOTO_BYTES = 1024
FINGERPRINT_BYTES = 1024
EXTRA_ADDRESS_BYTES = 70
TYPE_OFFSET = 248  # the type character of J / I / Y cards (char 124); reserved blanks on a resident card

Layout = tuple[tuple[str, int], ...]
# 居民身份证
RESIDENT: Layout = (
    ("name", 30), ("gender", 2), ("nation", 4), ("birth", 16), ("address", 70), ("id_number", 36),
    ("authority", 30), ("valid_from", 16), ("valid_to", 16), ("_reserved", 36),
)  # fmt: skip
# 港澳台居民居住证 (type J)
PERMIT_J: Layout = (
    ("name", 30), ("gender", 2), ("_r1", 4), ("birth", 16), ("address", 70), ("id_number", 36),
    ("authority", 30), ("valid_from", 16), ("valid_to", 16), ("pass_number", 18), ("issue_count", 4),
    ("_r2", 6), ("_type", 2), ("_r3", 6),
)  # fmt: skip
# 外国人永久居留身份证, 2017 (type I): a 15-character number (3 letters of the nationality + 12 digits)
FOREIGN_I: Layout = (
    ("english_name", 120), ("gender", 2), ("id_number", 30), ("nationality", 6), ("name", 30),
    ("valid_from", 16), ("valid_to", 16), ("birth", 16), ("_version", 4), ("authority", 8), ("_type", 2),
    ("_r", 6),
)  # fmt: skip
# 外国人永久居留身份证, 2023 (type Y). What the public rules (新版外国人永久居留身份证机读信息规则, 2023) make
# clear: the type character 'Y' at byte 248 like type I, and an 18-digit number starting with 9 with a
# GB 11643 check digit, which does not fit type I's 30 bytes. What they leave unclear to us: the widths of
# the other fields. We keep type I's fields in type I's order, widen the number to 36 bytes and take those
# bytes from the English name (70 bytes, 35 letters); the 44 bytes before the type character are read as
# reserved (they may hold the rest of a long English name). This is our reading, not a verified one: check
# it against a real card before relying on fields other than the number, names, dates and nationality.
FOREIGN_Y: Layout = (
    ("english_name", 70), ("gender", 2), ("id_number", 36), ("nationality", 6), ("name", 30),
    ("valid_from", 16), ("valid_to", 16), ("birth", 16), ("_version", 4), ("authority", 8), ("_r1", 44),
    ("_type", 2), ("_r2", 6),
)  # fmt: skip
LAYOUTS: dict[CardType, Layout] = {
    "resident": RESIDENT,
    "J": PERMIT_J,
    "I": FOREIGN_I,
    "Y": FOREIGN_Y,
}
for _kind, _layout in LAYOUTS.items():
    assert sum(width for _n, width in _layout) == TEXT_BYTES, _kind
    if _kind != "resident":
        assert sum(width for n, width in _layout[: [n for n, _w in _layout].index("_type")]) == TYPE_OFFSET

GENDERS = {"0": "未知", "1": "男", "2": "女", "9": "未说明"}
# GB/T 3304 nation codes: the 56 nations, plus 97 其他 and 98 外国血统中国籍人士
NATIONS: dict[int, str] = {
    1: "汉", 2: "蒙古", 3: "回", 4: "藏", 5: "维吾尔", 6: "苗", 7: "彝", 8: "壮", 9: "布依", 10: "朝鲜",
    11: "满", 12: "侗", 13: "瑶", 14: "白", 15: "土家", 16: "哈尼", 17: "哈萨克", 18: "傣", 19: "黎", 20: "傈僳",
    21: "佤", 22: "畲", 23: "高山", 24: "拉祜", 25: "水", 26: "东乡", 27: "纳西", 28: "景颇", 29: "柯尔克孜",
    30: "土", 31: "达斡尔", 32: "仫佬", 33: "羌", 34: "布朗", 35: "撒拉", 36: "毛南", 37: "仡佬", 38: "锡伯",
    39: "阿昌", 40: "普米", 41: "塔吉克", 42: "怒", 43: "乌孜别克", 44: "俄罗斯", 45: "鄂温克", 46: "德昂",
    47: "保安", 48: "裕固", 49: "京", 50: "塔塔尔", 51: "独龙", 52: "鄂伦春", 53: "赫哲", 54: "门巴", 55: "珞巴",
    56: "基诺", 97: "其他", 98: "外国血统中国籍人士",
}  # fmt: skip
NATION_CODES = {name: code for code, name in NATIONS.items()}
assert len(NATIONS) == 58 and len(NATION_CODES) == 58
LONG_TERM = "长期"

_DIGITS = re.compile(r"[0-9]+")
_I_NUMBER = re.compile(r"[A-Z]{3}[0-9]{12}")
_ALPHA3 = re.compile(r"[A-Z]{3}")


def _fields(text: bytes, layout: Layout) -> dict[str, str]:
    out, pos = {}, 0
    for name, width in layout:
        try:
            value = text[pos : pos + width].decode("utf-16-le", errors="strict")
        except UnicodeDecodeError:
            raise FrameError("the card's text is not valid UCS-2") from None
        out[name] = value.rstrip(" \x00")
        pos += width
    return out


def _date(value: str, what: str) -> dt.date:
    if len(value) != 8 or not _DIGITS.fullmatch(value):
        raise FrameError(f"the card's {what} is not a date")
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        raise FrameError(f"the card's {what} is not a date") from None


def card_type_of(text: bytes) -> CardType:
    """J, I or Y by the character at byte 248; anything else is a resident card (reserved bytes there), as
    readers' own SDKs decide. A resident layout decoded from another card fails its field checks."""
    mark = text[TYPE_OFFSET : TYPE_OFFSET + 2]
    if mark in (b"J\x00", b"I\x00", b"Y\x00"):
        return mark[:1].decode("ascii")  # type: ignore[return-value]
    return "resident"


def decode_text(text: bytes, photo: bytes = b"", fingerprint: bytes | None = None) -> IdCard:
    """The card from its text block (and photo / fingerprint blocks). Every field is checked; the ID number
    must pass its check digit and agree with the birth date: the frame's XOR checksum cannot see errors
    that cancel each other out, these checks catch most of them."""
    if len(text) != TEXT_BYTES:
        raise FrameError(f"a text block of {len(text)} bytes (expected {TEXT_BYTES})")
    kind = card_type_of(text)
    f = _fields(text, LAYOUTS[kind])
    if any(not ch.isprintable() for value in f.values() for ch in value):
        raise FrameError("the card's text holds control characters")
    if f["gender"] not in GENDERS:
        raise FrameError("unknown gender code")
    birth = _date(f["birth"], "birth date")
    valid_from = _date(f["valid_from"], "issue date")
    valid_to = None if f["valid_to"] == LONG_TERM else _date(f["valid_to"], "expiry date")
    if valid_to is not None and valid_to < valid_from:
        raise FrameError("the card expires before it was issued")
    number = f["id_number"]
    nation, nationality, issue_count, english = "", "", 0, ""
    if kind == "resident":
        if len(f["nation"]) != 2 or not _DIGITS.fullmatch(f["nation"]) or int(f["nation"]) not in NATIONS:
            raise FrameError("unknown nation code")
        nation = NATIONS[int(f["nation"])]
    if kind == "J":
        if not (
            f["issue_count"] == "" or (len(f["issue_count"]) == 2 and _DIGITS.fullmatch(f["issue_count"]))
        ):
            raise FrameError("the permit's issue count is not a number")
        issue_count = int(f["issue_count"] or 0)
        if number[:2] not in ("81", "82", "83"):
            raise FrameError("a residence permit number must start with 81, 82 or 83")
    if kind in ("resident", "J", "Y"):
        # the frame's checksum misses errors that cancel out; the number's own check digit does not
        if not is_valid_id_number(number) or number[6:14] != f"{birth:%Y%m%d}":
            raise FrameError("the card's ID number fails its check digit or disagrees with the birth date")
        if kind == "Y" and not number.startswith("9"):
            raise FrameError("a 2023 permanent residence card number must start with 9")
    if kind in ("resident", "J") and not f["name"]:
        raise FrameError("the card's text has no name")
    if kind in ("I", "Y"):
        nationality, english = f["nationality"], f["english_name"]
        if not _ALPHA3.fullmatch(nationality):
            raise FrameError("the card's nationality is not an ISO 3166 code")
        if kind == "I" and not _I_NUMBER.fullmatch(number):
            raise FrameError(
                "the card's number is not a 2017 permanent residence number (3 letters, 12 digits)"
            )
        if not english:
            raise FrameError("the card's text has no English name")
    return IdCard(
        card_type=kind,
        name=f["name"] or english,
        english_name=english,
        gender=GENDERS[f["gender"]],
        nation=nation,
        birth=birth,
        address=f.get("address", ""),
        id_number=number,
        authority=f["authority"],
        valid_from=valid_from,
        valid_to=valid_to,
        nationality=nationality,
        pass_number=f.get("pass_number", ""),
        issue_count=issue_count,
        photo_wlt=photo,
        fingerprint=fingerprint,
    )


def _encode_field(value: str, width: int, name: str) -> bytes:
    raw = value.encode("utf-16-le")
    if len(raw) > width:
        raise ValueError(f"{name} is too long for its {width} bytes")
    return raw + " ".encode("utf-16-le") * ((width - len(raw)) // 2)


def encode_text(card: IdCard) -> bytes:
    """The inverse of decode_text: the 256 bytes a card holds (for the simulator and the tests)."""
    gender = next((code for code, text in GENDERS.items() if text == card.gender), None)
    if gender is None:
        raise ValueError(f"unknown gender {card.gender!r}")
    values = {
        # a foreigner's card without a Chinese name: decode_text puts the English name in `name`
        "name": "" if card.card_type in ("I", "Y") and card.name == card.english_name else card.name,
        "english_name": card.english_name,
        "gender": gender,
        "birth": f"{card.birth:%Y%m%d}",
        "address": card.address,
        "id_number": card.id_number,
        "authority": card.authority,
        "valid_from": f"{card.valid_from:%Y%m%d}",
        "valid_to": f"{card.valid_to:%Y%m%d}" if card.valid_to else LONG_TERM,
        "nationality": card.nationality,
        "pass_number": card.pass_number,
        "issue_count": f"{card.issue_count:02d}" if card.card_type == "J" else "",
        "_type": card.card_type if card.card_type != "resident" else "",
        "_version": "01" if card.card_type in ("I", "Y") else "",
    }
    if card.card_type == "resident":
        if card.nation not in NATION_CODES:
            raise ValueError(f"unknown nation {card.nation!r}")
        values["nation"] = f"{NATION_CODES[card.nation]:02d}"
    out = b"".join(
        _encode_field(values.get(name, ""), width, name) for name, width in LAYOUTS[card.card_type]
    )
    assert len(out) == TEXT_BYTES
    return out


def decode_extra_address(data: bytes) -> str:
    """The 追加住址 block (UCS-2LE, blank padded)."""
    if len(data) % 2:
        raise FrameError("an extra address of an odd number of bytes")
    try:
        value = data.decode("utf-16-le", errors="strict").rstrip(" \x00")
    except UnicodeDecodeError:
        raise FrameError("the extra address is not valid UCS-2") from None
    if not value or not value.isprintable():
        raise FrameError("the extra address is blank or holds control characters")
    return value


def encode_extra_address(address: str) -> bytes:
    return _encode_field(address, EXTRA_ADDRESS_BYTES, "extra address")
