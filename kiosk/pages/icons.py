"""The kiosk's pictograms: line drawings shipped as SVG (`resources/icons/kiosk/`), drawn in the colour of
the tile they sit on (the SVGs stroke with `currentColor`)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from app.paths import resource


@lru_cache(maxsize=64)
def pictogram(name: str, color: str, size: int) -> QPixmap:
    """The pictogram `name` as a `size`×`size` pixmap stroked in `color`."""
    svg = resource("icons", "kiosk", f"{name}.svg").read_text(encoding="utf-8").replace("currentColor", color)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise ValueError(f"the pictogram {name}.svg is not a valid SVG")
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pm


def pictogram_icon(name: str, color: str, size: int) -> QIcon:
    return QIcon(pictogram(name, color, size))
