"""ID-card reader (GA 467 SAM protocol over pyserial), its simulator and its polling thread."""

from app.devices.idcard.card import CARD_TYPE_ZH, IdCard, set_photo_decoder
from app.devices.idcard.errors import CardRemoved, FrameError, IdCardError, NoCard, ReaderTimeout, SamError
from app.devices.idcard.poller import CardPoller
from app.devices.idcard.reader import IdCardReader, open_reader

__all__ = [
    "CARD_TYPE_ZH",
    "CardPoller",
    "CardRemoved",
    "FrameError",
    "IdCard",
    "IdCardError",
    "IdCardReader",
    "NoCard",
    "ReaderTimeout",
    "SamError",
    "open_reader",
    "set_photo_decoder",
]
