"""What a screen shows, read from its widgets, and the language rule it must keep: in English no Chinese
character (except hall data named explicitly), in Chinese no English word (except codes such as A001,
F1, ID, QR and the name of the other language on its switch)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from app.i18n.messages import LABELS

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z]{2,}(?![A-Za-z0-9_])")
TAG = re.compile(r"<[^>]+>")
# codes and names that are not English prose: allowed in Chinese mode
ALLOWED_WORDS = frozenset(
    {"ID", "QR", "PIN", "English", "EMS", "PDF", "USB", "GB", "APP", "OK", "CSV", "Excel"}
    | {"Ctrl", "Shift", "Alt", "Return", "Enter", "Esc", "Tab", "Del"}  # key names, as printed on the keys
    | {"ABC"}  # the on-screen keyboard's key to letters
)
# the language switch names the other language in its own script: allowed in English mode
ALLOWED_CJK = frozenset({"中文"})


def shown_texts(root: QWidget) -> list[str]:
    """Every text a user can see under `root` (visible widgets only; typed input is the user's own)."""
    out: list[str] = [root.windowTitle()] if root.isWindow() else []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        if isinstance(w, QLabel):
            out.append(html.unescape(TAG.sub(" ", w.text())))
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            out.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTabWidget):
            out.extend(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QListWidget):
            out.extend(w.item(i).text() for i in range(w.count()))
        elif isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                h = w.horizontalHeaderItem(c)
                out.append(h.text() if h else "")
            for r in range(w.rowCount()):
                for c in range(w.columnCount()):
                    item = w.item(r, c)
                    out.append(item.text() if item else "")
    return [t for t in out if t and t.strip()]


def _without(text: str, data: Iterable[str]) -> str:
    for d in sorted((d for d in data if len(d.strip()) >= 2), key=len, reverse=True):
        text = text.replace(d, " ")
    return text


KNOWN = frozenset(k for table in LABELS.values() for k in table)


def untranslated(
    texts: Iterable[str], language: str, hall_data: Iterable[str] = (), also_data: Iterable[str] = ()
) -> list[str]:
    """The texts that break the rule of `language` (hall data removed first). Hall data the catalogue
    translates (category names, topics stored in Chinese) is no excuse in English, unless it is named in
    `also_data` too (a department whose name is also a category's)."""
    exempt = set(also_data)
    data = [d for d in hall_data if language != "en" or d not in KNOWN or d in exempt] + list(exempt)
    bad = []
    for t in texts:
        rest = _without(t, data)
        if language == "en":
            if CJK.search(rest) and t.strip() not in ALLOWED_CJK:
                bad.append(t)
        elif any(w not in ALLOWED_WORDS for w in WORD.findall(rest)):
            bad.append(t)
    return bad
