"""A message from the core or an error carrying one, as a reader sees it in either language."""

from __future__ import annotations

from app.i18n.cli import say


def zh(text: object) -> str:
    return say(text, "zh_CN")


def en(text: object) -> str:
    return say(text, "en")
