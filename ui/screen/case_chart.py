"""The console's case chart: one stacked bar per department (or window) — completed early, on time and
overdue, and still in progress — drawn with QPainter (no chart library needed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ui.i18n import stat_label

SEGMENTS = (
    ("completed_early", "#2e8b57"),
    ("completed_on_time", "#2f6db5"),
    ("completed_overdue", "#c0392b"),
    ("in_progress", "#b0b7c3"),
)


class CaseChart(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.entries: list[dict[str, Any]] = []
        self.legend = [self.tr("Early"), self.tr("On time"), self.tr("Overdue"), self.tr("In progress")]
        self.setMinimumHeight(200)

    def set_entries(self, entries: list[dict[str, Any]]) -> None:
        self.entries = entries[:12]
        self.update()

    def paintEvent(self, _event: Any) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#ffffff"))
        w, h = self.width(), self.height()
        p.setPen(QPen(QColor("#333333")))
        x = 10.0
        for (_, color), label in zip(SEGMENTS, self.legend, strict=True):  # the legend, top left
            p.fillRect(QRectF(x, 6, 12, 12), QColor(color))
            p.drawText(QRectF(x + 16, 2, 90, 20), Qt.AlignmentFlag.AlignVCenter, label)
            x += 110
        if not self.entries:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No cases in this period"))
            p.end()
            return
        totals = [sum(e[k] for k, _ in SEGMENTS) for e in self.entries]
        top = max(max(totals), 1)
        slot = min((w - 20) / len(self.entries), 140.0)  # a few departments: bars of a readable width
        chart_h = h - 80  # below the legend and the bar's figure
        for i, e in enumerate(self.entries):
            x0, y = 10 + i * slot, h - 36.0
            for key, color in SEGMENTS:
                seg = chart_h * e[key] / top
                p.fillRect(QRectF(x0 + 6, y - seg, slot - 12, seg), QColor(color))
                y -= seg
            p.drawText(QRectF(x0, y - 18, slot, 16), Qt.AlignmentFlag.AlignCenter, str(totals[i]))
            p.drawText(QRectF(x0, h - 34, slot, 32), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, stat_label(e))
        p.end()
