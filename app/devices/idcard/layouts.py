"""The 256-byte text block of each card type (UCS-2 little endian, space padded), both ways: decoding
what a reader sends and encoding it (the simulator). Field widths are in bytes, as GA 467 gives them."""

from __future__ import annotations

import datetime as dt

from app.devices.idcard.card import CardType, IdCard
from app.devices.idcard.errors import FrameError
from app.domain.idnumber import is_valid_id_number

TEXT_BYTES = 256
PHOTO_BYTES = 1024
FINGERPRINT_BYTES = 1024
TYPE_OFFSET = 248  # bytes: the type character of J / I / Y cards (reserved spaces on a resident card)

RESIDENT = (
    ("name", 30), ("gender", 2), ("nation", 4), ("birth", 16), ("address", 70), ("id_number", 36),
    ("authority", 30), ("valid_from", 16), ("valid_to", 16), ("_reserved", 36),
)  # fmt: skip
PERMIT_J = (
    ("name", 30), ("gender", 2), ("_r1", 4), ("birth", 16), ("address", 70), ("id_number", 36),
    ("authority", 30), ("valid_from", 16), ("valid_to", 16), ("pass_number", 18), ("issue_count", 4),
    ("_r2", 6), ("_type", 2), ("_r3", 6),
)  # fmt: skip
# 外国人永久居留身份证 (2017, type I): a 15-character card number
FOREIGN_I = (
    ("english_name", 120), ("gender", 2), ("id_number", 30), ("nationality", 6), ("name", 30),
    ("valid_from", 16), ("valid_to", 16), ("birth", 16), ("_version", 4), ("authority", 8), ("_type", 2),
    ("_r", 6),
)  # fmt: skip
# The 2023 card (type Y) carries an 18-digit number starting with 9. Our reading of its block: the same
# fields as type I with a shorter English name and a 36-byte number; the type byte stays at 248. Check it
# against a real card before relying on fields other than name, number, dates and nationality.
FOREIGN_Y = (
    ("english_name", 70), ("gender", 2), ("id_number", 36), ("nationality", 6), ("name", 30),
    ("valid_from", 16), ("valid_to", 16), ("birth", 16), ("_version", 4), ("authority", 8), ("_r1", 44),
    ("_type", 2), ("_r2", 6),
)  # fmt: skip
LAYOUTS: dict[CardType, tuple[tuple[str, int], ...]] = {
    "resident": RESIDENT,
    "J": PERMIT_J,
    "I": FOREIGN_I,
    "Y": FOREIGN_Y,
}
assert all(sum(w for _n, w in layout) == 256 for layout in LAYOUTS.values())
GENDERS = {"0": "未知", "1": "男", "2": "女", "9": "未说明"}
NATIONS = dict(
    enumerate(
        "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 "
        "景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 "
        "保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺".split(),
        start=1,
    )
)
NATIONS.update({97: "其他", 98: "外国血统中国籍人士"})
assert len(NATIONS) == 58


def _fields(text: bytes, layout: tuple[tuple[str, int], ...]) -> dict[str, str]:
    out, pos = {}, 0
    for name, width in layout:
        out[name] = text[pos : pos + width].decode("utf-16-le", errors="strict").rstrip(" \x00")
        pos += width
    return out


def _date(value: str, what: str) -> dt.date:
    try:
        return dt.datetime.strptime(value, "%Y%m%d").date()
    except ValueError:
        raise FrameError(f"the card's {what} is not a date: {value!r}") from None


def card_type_of(text: bytes) -> CardType:
    mark = text[TYPE_OFFSET : TYPE_OFFSET + 2].decode("utf-16-le", errors="replace")
    return mark if mark in ("J", "I", "Y") else "resident"  # type: ignore[return-value]


def decode_text(text: bytes, photo: bytes = b"", fingerprint: bytes | None = None) -> IdCard:
    if len(text) != TEXT_BYTES:
        raise FrameError(f"text block of {len(text)} bytes (expected {TEXT_BYTES})")
    kind = card_type_of(text)
    try:
        f = _fields(text, LAYOUTS[kind])
    except UnicodeDecodeError:
        raise FrameError("the card's text is not valid UCS-2") from None
    nation = ""
    if kind == "resident":
        try:
            nation = NATIONS[int(f["nation"])]
        except (KeyError, ValueError):
            raise FrameError(f"unknown nation code {f['nation']!r}") from None
    if f["gender"] not in GENDERS:
        raise FrameError(f"unknown gender code {f['gender']!r}")
    if not f["id_number"] or (not f["name"] and not f.get("english_name")):
        raise FrameError("the card's text has no name or number")
    if any(not ch.isprintable() for value in f.values() for ch in value):
        raise FrameError("the card's text holds control characters")
    if kind in ("resident", "J", "Y") and not is_valid_id_number(f["id_number"]):
        # the frame's XOR checksum misses errors that cancel out; the number's own check digit does not
        raise FrameError("the card's ID number fails its check digit")
    valid_to = None if f["valid_to"] in ("长期", "") else _date(f["valid_to"], "expiry date")
    return IdCard(
        card_type=kind,
        name=f["name"] or f.get("english_name", ""),
        english_name=f.get("english_name", ""),
        gender=GENDERS[f["gender"]],
        nation=nation,
        birth=_date(f["birth"], "birth date"),
        address=f.get("address", ""),
        id_number=f["id_number"],
        authority=f.get("authority", ""),
        valid_from=_date(f["valid_from"], "issue date"),
        valid_to=valid_to,
        nationality=f.get("nationality", ""),
        pass_number=f.get("pass_number", ""),
        issue_count=int(f["issue_count"]) if f.get("issue_count", "").isdigit() else 0,
        photo_wlt=photo,
        fingerprint=fingerprint,
    )


def encode_text(card: IdCard) -> bytes:
    """The inverse of decode_text (what a card holds), for the simulator and tests."""
    nation_code = next((f"{k:02d}" for k, v in NATIONS.items() if v == card.nation), "01")
    gender_code = next((k for k, v in GENDERS.items() if v == card.gender), "0")
    values = {
        "name": card.name,
        "english_name": card.english_name,
        "gender": gender_code,
        "nation": nation_code,
        "birth": f"{card.birth:%Y%m%d}",
        "address": card.address,
        "id_number": card.id_number,
        "authority": card.authority,
        "valid_from": f"{card.valid_from:%Y%m%d}",
        "valid_to": f"{card.valid_to:%Y%m%d}" if card.valid_to else "长期",
        "nationality": card.nationality,
        "pass_number": card.pass_number,
        "issue_count": f"{card.issue_count:02d}" if card.card_type == "J" else "",
        "_type": card.card_type if card.card_type != "resident" else "",
        "_version": "01" if card.card_type in ("I", "Y") else "",
    }
    out = b""
    for name, width in LAYOUTS[card.card_type]:
        raw = values.get(name, "").encode("utf-16-le")
        if len(raw) > width:
            raise ValueError(f"{name} too long for its {width} bytes")
        out += raw + " ".encode("utf-16-le") * ((width - len(raw)) // 2)
    assert len(out) == TEXT_BYTES
    return out
