"""Registers the shipped CJK font with Qt at start-up, so Chinese renders on a machine without any CJK
font installed (kiosks on minimal Linux images)."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.paths import cjk_font_path

log = logging.getLogger("hall.ui")


def install_fonts(app: QApplication, point_size: int | None = None) -> str:
    """Add the bundled font and make it the application's default; returns its family name."""
    font_id = QFontDatabase.addApplicationFont(str(cjk_font_path()))
    if font_id < 0:
        raise RuntimeError(f"cannot load the bundled font {cjk_font_path()}")
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family)
    if point_size:
        font.setPointSize(point_size)
    app.setFont(font)
    log.info("bundled font registered: %s", family)
    return family
