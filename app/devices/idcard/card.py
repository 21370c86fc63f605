"""The card as read: the fields of the four layouts, masked for display unless asked otherwise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from app.domain.idnumber import mask_id_number

CardType = Literal["resident", "J", "I", "Y"]
CARD_TYPE_ZH = {"resident": "居民身份证", "J": "港澳台居民居住证", "I": "外国人永久居留身份证", "Y": "外国人永久居留身份证（2023版）"}

# WLT is the vendor's compressed photo format: decoding needs the vendor's library, plugged in here
_photo_decoder: list[Callable[[bytes], bytes] | None] = [None]


def set_photo_decoder(decoder: Callable[[bytes], bytes] | None) -> None:
    """Install a WLT → PNG decoder (for instance a wrapper around the reader vendor's library)."""
    _photo_decoder[0] = decoder


@dataclass(frozen=True)
class IdCard:
    card_type: CardType
    name: str
    gender: str
    birth: dt.date
    id_number: str
    valid_from: dt.date
    valid_to: dt.date | None  # None: 长期 (long-term)
    english_name: str = ""
    nation: str = ""
    address: str = ""
    authority: str = ""
    nationality: str = ""
    pass_number: str = ""
    issue_count: int = 0
    photo_wlt: bytes = b""
    fingerprint: bytes | None = None

    def masked_id(self) -> str:
        return mask_id_number(self.id_number)

    def photo_png(self) -> bytes | None:
        decoder = _photo_decoder[0]
        return decoder(self.photo_wlt) if decoder is not None and self.photo_wlt else None

    def to_dict(self, reveal: bool = False) -> dict[str, Any]:
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
            "fingerprint_bytes": len(self.fingerprint) if self.fingerprint else 0,
        }

    def __repr__(self) -> str:  # never an unmasked number in a log line or a traceback
        return f"IdCard({self.card_type}, {self.name!r}, {self.masked_id()})"
