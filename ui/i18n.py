"""UI language: English source strings in the code (through Qt's translate), Simplified Chinese as the
default shipped translation (resources/translations/hall_zh_CN.ts → .qm with pyside6-lrelease)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from app.i18n import messages
from app.paths import resource

log = logging.getLogger("hall.ui")
_installed: list[QTranslator] = []
_language = ["zh_CN"]


def current_language() -> str:
    """The language last installed (`zh_CN` or `en`): plain messages pick their half by it."""
    return _language[0]


def install_language(app: QApplication, language: str = "zh_CN") -> bool:
    """Install the translation for `language` (`zh_CN` default, `en` = the source strings)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _language[0] = language
    if language == "en":
        return True
    translator = QTranslator(app)
    path = resource("translations", f"hall_{language}.qm")
    if not translator.load(str(path)):
        log.error("translation %s not found; the UI stays in English", path)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def message_text(code: str | None, params: Mapping[str, Any] | None, fallback: str = "") -> str:
    """The catalogue's message `code` (app/i18n/messages.py) in the UI's language, its params filled;
    `fallback` (split by language if it is an old "中文 / English" text) for an unknown code."""
    text = messages.render(code, params, current_language(), fallback="")
    return text or split_legacy(fallback)


def shown(text: object) -> str:
    """What to show for a message from the core: a `Msg` or an error in the UI's language, else as is."""
    if isinstance(text, BaseException):
        code, params = getattr(text, "message_code", None), getattr(text, "params", {})
        return message_text(code, params, str(getattr(text, "message", text)))
    if isinstance(text, messages.Msg):
        return message_text(text.code, text.params, str(text))
    return split_legacy(str(text))


def split_legacy(text: str) -> str:
    """An old "中文 / English" message: the half of the UI's language."""
    if " / " in text:
        zh, _, en = text.partition(" / ")
        return en if current_language() == "en" else zh
    return text


def hall_text(zh: str, en: str | None = "", group: str | None = None) -> str:
    """A name from the hall's data in the UI's language: in English the English name the hall gave
    (`name_en`), else the catalogue's label of the Chinese name (`group`, e.g. "category"), else the Chinese."""
    if current_language() == "en":
        return en or (messages.label(group, zh, "en") if group else zh)
    return zh


def stat_label(entry: Mapping[str, Any]) -> str:
    """A statistics row's label: its message (a window, "not recorded") in the UI's language, else its name."""
    said = entry.get("label_msg")
    if isinstance(said, Mapping):
        return message_text(said.get("code"), said.get("params"), str(entry.get("label") or ""))
    return str(entry.get("label") or "")


def label(group: str, key: object) -> str:
    """A hall rule's label (case status, rating level or reason, topic, weekday) in the UI's language."""
    return messages.label(group, key, current_language())
