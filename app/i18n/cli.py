"""The language of the `hall` command's output: the configured `language` when the settings name one
(hall.toml or HALL_LANGUAGE), else the locale of the shell (LC_ALL, LC_MESSAGES, LANG: en… → English,
zh… → Chinese), else Chinese, the product's default (a server's C or POSIX locale says no language)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from app.i18n import DEFAULT_LANGUAGE
from app.i18n.messages import Msg, render

_language = [DEFAULT_LANGUAGE]


def language_from(configured: str | None, env: Mapping[str, str] | None = None) -> str:
    """`configured` if given, else the shell's locale, else Chinese."""
    if configured:
        return configured
    env = os.environ if env is None else env
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = (env.get(name) or "").strip()
        if not value:
            continue
        low = value.lower()
        if low.startswith("zh"):
            return "zh_CN"
        if low.startswith("en"):
            return "en"
        if low in ("c", "posix") or low.startswith("c."):
            continue  # no language named: look further (LANG), then the default
        return DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    _language[0] = language


def language() -> str:
    return _language[0]


def say(text: object, language_: str | None = None) -> str:
    """A message (a `Msg`, an error carrying a code, or plain text) in the command's language."""
    lang = language_ or _language[0]
    if isinstance(text, BaseException):
        code, params = getattr(text, "message_code", None), getattr(text, "params", {})
        fallback = str(getattr(text, "message", text))
        return render(code, params, lang, fallback=fallback) or _legacy(fallback, lang)
    if isinstance(text, Msg):
        return render(text.code, text.params, lang, fallback=str(text))
    return _legacy(str(text), lang)


def echo(code: str, /, *, file: Any = None, **params: Any) -> None:
    """Print the catalogue's message `code` in the command's language."""
    from app.i18n.messages import msg

    print(say(msg(code, **params)), file=file)


def _legacy(text: str, lang: str) -> str:
    if " / " in text:
        zh, _, en = text.partition(" / ")
        return en if lang == "en" else zh
    return text
