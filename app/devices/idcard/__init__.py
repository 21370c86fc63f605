"""ID-card reader (GA 467 SAM protocol over pyserial), its simulator and its polling thread.

    with open_reader("/dev/ttyUSB0") as reader:      # or COM3, socket://host:port, sim://demo?card=zhangsan
        card = reader.read_card()
    print(card.name, card.masked_id())
"""

from app.devices.idcard.card import CARD_TYPE_ZH, IdCard, set_photo_decoder
from app.devices.idcard.errors import (
    CardRemoved,
    FrameError,
    IdCardError,
    NoCard,
    ReaderTimeout,
    ReaderUnavailable,
    SamError,
)
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
    "ReaderUnavailable",
    "SamError",
    "open_reader",
    "set_photo_decoder",
]
