"""Every way an ID-card read can fail: one exception family (`IdCardError`, a `DeviceError`), each with a
message a clerk can act on. `error_for_sw3` is the one place that turns a reader's SW3 into an exception."""

from __future__ import annotations

from app.errors import DeviceError
from app.i18n.messages import msg

# SW3 of a GA 467 SAM response, in words a clerk understands
SW3_MESSAGES: dict[int, str] = {
    0x90: "operation succeeded",
    0x9F: "card found",
    0x10: "the reader received a frame with a bad checksum (noise on the line?)",
    0x11: "the reader received a frame with a bad length (noise on the line?)",
    0x21: "the reader does not know this command (another kind of device on this port?)",
    0x23: "the operation is not authorised (越权操作)",
    0x24: "the reader reports an error it cannot identify",
    0x31: "card authentication failed: the card may be damaged or not genuine",
    0x32: "information authentication failed: the card's data may be damaged",
    0x33: "certificate authentication failed: the card's certificate is not valid",
    0x40: "reading the card failed: keep the card flat and still on the reader",
    0x41: "the operation on the card failed: place the card again and keep it still",
    0x47: "the SAM module is not ready or its resources are insufficient: wait a moment and retry",
    0x60: "the SAM module failed its self-check: the reader needs service",
    0x66: "the SAM module is not authorised: the reader needs service",
    0x80: "no card found on the reader",
    0x81: "selecting the card failed: the card was moved or removed",
    0x91: "the card holds no such content (no fingerprint or no extra address)",
}
OK_SW3 = 0x90
FOUND_SW3 = 0x9F
# a card that was found and then fails to be selected or read has (almost always) been lifted
CARD_GONE_SW3 = frozenset({0x40, 0x41, 0x80, 0x81})


def describe_sw3(sw3: int) -> str:
    return SW3_MESSAGES.get(sw3, "unknown status code")


class IdCardError(DeviceError):
    """Any ID-card reader problem; `sw3` is the reader's status byte when the reader said so."""

    def __init__(self, message: str, *, code: str = "idcard", sw3: int | None = None) -> None:
        super().__init__(msg("idcard.error", message=message), code=code)
        self.sw3 = sw3


class FrameError(IdCardError):
    """Bytes that are not a valid GA 467 frame or card record (bad checksum, bad length, truncated)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="idcard_frame")


class ChecksumError(FrameError):
    """A frame whose XOR checksum does not match: a byte flipped on the line (worth reading once more)."""


class ReaderTimeout(IdCardError):
    """The reader did not answer in time."""

    def __init__(
        self,
        message: str = "the reader did not answer in time (unplugged? wrong port or baud rate?)",
    ) -> None:
        super().__init__(message, code="idcard_timeout")


class ReaderUnavailable(ReaderTimeout):
    """The port cannot be opened, or the connection to the reader was lost (cable pulled, socket closed)."""


class NoCard(IdCardError):
    def __init__(self, sw3: int | None = 0x80) -> None:
        why = f" (SW3=0x{sw3:02X})" if sw3 is not None else ""
        super().__init__(
            f"no card on the reader: place the ID card flat on the reader{why}",
            code="idcard_no_card",
            sw3=sw3,
        )


class CardRemoved(IdCardError):
    """A card was found, then selecting or reading it failed: it was lifted or moved."""

    def __init__(self, step: str, sw3: int | None = None) -> None:
        why = f" ({describe_sw3(sw3)}, SW3=0x{sw3:02X})" if sw3 is not None else ""
        super().__init__(
            f"the card was moved or removed during {step}: place it again and keep it still{why}",
            code="idcard_removed",
            sw3=sw3,
        )


class SamError(IdCardError):
    """The reader (its SAM security module) answered with an error status."""

    def __init__(self, sw3: int, step: str) -> None:
        super().__init__(f"{step}: {describe_sw3(sw3)} (SW3=0x{sw3:02X})", code="idcard_sam", sw3=sw3)
        self.sw3: int = sw3


def error_for_sw3(sw3: int, step: str, *, after_find: bool = False) -> IdCardError:
    """The exception for a failing SW3 of `step` ("find card", "select card", "read card", "SAM id"…).
    `after_find`: the card had been found just before, so a card-communication failure means it left."""
    if sw3 == 0x80 and not after_find:
        return NoCard(sw3)
    if sw3 == 0x81 or (after_find and sw3 in CARD_GONE_SW3):
        return CardRemoved(step, sw3)
    return SamError(sw3, step)
