"""The kiosk's pictograms: line drawings shipped as SVG (`resources/icons/kiosk/`), drawn in the colour of
the tile they sit on (the SVGs stroke with `currentColor`)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt, QTimer
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel

from app.paths import resource


@lru_cache(maxsize=64)
def pictogram(name: str, color: str, size: int, lower: int = 0) -> QPixmap:
    """The pictogram `name` as a `size`×`size` pixmap stroked in `color`; `lower` moves its part marked
    `id="card"` down by that many units of the drawing (the frames of the card-placing animation)."""
    svg = resource("icons", "kiosk", f"{name}.svg").read_text(encoding="utf-8").replace("currentColor", color)
    if lower:
        svg = svg.replace('<g id="card">', f'<g id="card" transform="translate(0 {lower})">')
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


class PlaceCardAnimation(QLabel):
    """An ID card lowered onto the reader and lifted again, over and over: where to put the card."""

    FRAMES = (0, 6, 12, 18, 12, 6)

    def __init__(self, color: str, size: int) -> None:
        super().__init__()
        self.setObjectName("place_card")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._frames = [pictogram("idcard", color, size, lower) for lower in self.FRAMES]
        self.frame = 0
        self.setPixmap(self._frames[0])
        self._timer = QTimer(self)  # owned by the label: it stops when the page is rebuilt
        self._timer.timeout.connect(self._next)
        self._timer.start(180)

    def _next(self) -> None:
        self.frame = (self.frame + 1) % len(self._frames)
        self.setPixmap(self._frames[self.frame])
