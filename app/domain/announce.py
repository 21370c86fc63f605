"""What the hall says when a ticket is called: 「请A零二三号到3号窗口办理」, the ticket read digit by digit."""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"


def spoken_ticket(number: str) -> str:
    """`A023` → `A零二三`: letters stay (read as letters), each digit by itself, never 二十三."""
    return "".join(DIGITS[int(ch)] if ch.isdigit() else ch.upper() for ch in number)


def call_text(number: str, window: int | str, template: str = "请{number}号到{window}号窗口办理") -> str:
    return template.format(number=spoken_ticket(number), window=window)


def display_text(number: str, window: int | str) -> str:
    """The same call as the screen shows it: `A023 → 3号窗口`."""
    return f"{number} → {window}号窗口"
