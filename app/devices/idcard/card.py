"""The card as read: the fields of the four layouts, masked for display and logs unless asked otherwise."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from app.domain.idnumber import mask_id_number

CardType = Literal["resident", "J", "I", "Y"]
CARD_TYPES: tuple[CardType, ...] = ("resident", "J", "I", "Y")
CARD_TYPE_ZH: dict[CardType, str] = {
    "resident": "居民身份证",
    "J": "港澳台居民居住证",
    "I": "外国人永久居留身份证",
    "Y": "外国人永久居留身份证（2023版）",
}

PhotoDecoder = Callable[[bytes], bytes]
# WLT is the card vendors' compressed photo format: decoding it needs a vendor library, plugged in here
_decoder_lock = threading.Lock()
_photo_decoder: list[PhotoDecoder | None] = [None]


def set_photo_decoder(decoder: PhotoDecoder | None) -> None:
    """Install a WLT → PNG decoder (for instance a wrapper around the reader vendor's library); None removes it."""
    with _decoder_lock:
        _photo_decoder[0] = decoder


@dataclass(frozen=True, kw_only=True)
class IdCard:
    card_type: CardType
    name: str  # Chinese name; on a foreigner's card without one, the English name
    english_name: str = ""
    gender: str  # 未知 / 男 / 女 / 未说明
    nation: str = ""  # resident cards only: 汉, 壮 …
    birth: dt.date
    address: str = ""
    id_number: str
    authority: str = ""  # issuing authority (a code on foreigners' cards)
    valid_from: dt.date
    valid_to: dt.date | None  # None: 长期 (long-term)
    nationality: str = ""  # ISO 3166 alpha-3 on foreigners' cards
    pass_number: str = ""  # J: the Hong Kong / Macau / Taiwan travel permit number
    issue_count: int = 0  # J: how many times the permit was issued
    photo_wlt: bytes = b""
    fingerprint: bytes | None = None

    def masked_id(self) -> str:
        return mask_id_number(self.id_number)

    def photo_png(self) -> bytes | None:
        """The photo as PNG through the installed decoder; None without a decoder (or without a photo)."""
        with _decoder_lock:
            decoder = _photo_decoder[0]
        return decoder(self.photo_wlt) if decoder is not None and self.photo_wlt else None

    def to_dict(self, reveal: bool = False) -> dict[str, Any]:
        """JSON-ready fields; the ID number masked unless `reveal`, the photo and fingerprint as lengths."""
        return {
            "card_type": self.card_type,
            "card_type_zh": CARD_TYPE_ZH[self.card_type],
            "name": self.name,
            "english_name": self.english_name,
            "gender": self.gender,
            "nation": self.nation,
            "birth": self.birth.isoformat(),
            "address": self.address,
            "id_number": self.id_number if reveal else self.masked_id(),
            "authority": self.authority,
            "valid_from": self.valid_from.isoformat(),
            "valid_to": self.valid_to.isoformat() if self.valid_to else "长期",
            "nationality": self.nationality,
            "pass_number": self.pass_number,
            "issue_count": self.issue_count,
            "photo_bytes": len(self.photo_wlt),
            "fingerprint_bytes": len(self.fingerprint) if self.fingerprint is not None else None,
        }

    def __repr__(self) -> str:  # never a full number in a log line or a traceback
        return f"IdCard({self.card_type}, {self.name!r}, {self.masked_id()})"

    __str__ = __repr__
