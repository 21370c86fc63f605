"""UI language: English source strings in the code (through Qt's translate), Simplified Chinese as the
default shipped translation (resources/translations/hall_zh_CN.ts → .qm with pyside6-lrelease)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

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
