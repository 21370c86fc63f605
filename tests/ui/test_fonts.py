"""Chinese renders with the shipped font (offscreen, no system CJK font needed): real glyphs, not boxes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel

from ui.fonts import install_fonts


def render(text: str) -> QImage:
    label = QLabel(text)
    label.setStyleSheet("background: white; color: black; font-size: 40px;")
    label.resize(120, 70)
    return label.grab().toImage()


def ink(img: QImage) -> int:
    return sum(
        1
        for x in range(img.width())
        for y in range(img.height())
        if QColor(img.pixel(x, y)).lightness() < 128
    )


def test_chinese_glyphs_are_real(qapp: QApplication, tmp_path) -> None:  # type: ignore[no-untyped-def]
    family = install_fonts(qapp)
    assert family == "WenQuanYi Micro Hei"
    a, b = render("请"), render("窗")
    a.save(str(tmp_path / "qing.png"))
    assert ink(a) > 50 and ink(b) > 50
    assert a != b  # two characters drawn as two different glyphs, not the same missing-glyph box
