"""ID-card reader (GA 467 SAM protocol over pyserial), its simulator and its polling thread.

`open_reader(url)` (COM3, /dev/ttyUSB0, socket://host:port, sim://demo?card=zhangsan) gives an
`IdCardReader`: `read_card()` returns an `IdCard` (show `masked_id()`, never the full number); every
failure is an `IdCardError`. `CardPoller` watches a reader on its own thread for kiosks and counters.
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
