"""Every way an ID-card read can fail, as one exception family with a clear message."""

from __future__ import annotations

from app.errors import DeviceError

# SW3 of a GA 467 SAM response: what the reader says, in words a clerk understands
SW3_MESSAGES: dict[int, str] = {
    0x90: "operation succeeded",
    0x9F: "card found",
    0x10: "the reader received a frame with a bad checksum",
    0x11: "the reader received a frame with a bad length",
    0x21: "the reader does not know this command",
    0x23: "operation not authorised (越权操作)",
    0x24: "the reader could not recognise the error",
    0x31: "card authentication failed: the card may be forged or damaged",
    0x32: "information authentication failed: the card's data may be damaged",
    0x33: "certificate authentication failed",
    0x40: "reading the card failed: keep the card still on the reader",
    0x41: "the operation failed: try again",
    0x47: "the SAM module is not ready",
    0x60: "the SAM module failed its self-check: the reader needs service",
    0x66: "the SAM module is not authorised: the reader needs service",
    0x80: "no card on the reader",
    0x81: "selecting the card failed: the card was moved or removed",
    0x91: "the card holds no such content",
}
OK_CODES = frozenset({0x90, 0x9F})


class IdCardError(DeviceError):
    def __init__(self, message: str, *, code: str = "idcard") -> None:
        super().__init__(f"身份证读卡器 / ID-card reader: {message}", code=code)


class FrameError(IdCardError):
    """Bytes that are not a valid GA 467 frame (bad checksum, bad length, truncated)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="idcard_frame")


class ReaderTimeout(IdCardError):
    def __init__(self, message: str = "the reader did not answer in time (unplugged? wrong port or baud rate?)") -> None:
        super().__init__(message, code="idcard_timeout")


class NoCard(IdCardError):
    def __init__(self) -> None:
        super().__init__("no card on the reader: place the ID card flat on the reader", code="idcard_no_card")


class CardRemoved(IdCardError):
    def __init__(self, step: str) -> None:
        super().__init__(f"the card was moved or removed during {step}: place it again and keep it still", code="idcard_removed")


class SamError(IdCardError):
    def __init__(self, sw3: int, step: str) -> None:
        self.sw3 = sw3
        text = SW3_MESSAGES.get(sw3, "unknown status")
        super().__init__(f"{step}: {text} (SW3=0x{sw3:02X})", code="idcard_sam")
