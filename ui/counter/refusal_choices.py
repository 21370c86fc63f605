"""The refusal's reason and legal basis at the counter: editable choices of the common grounds
(`app.counter.refusal_presets`). A chosen reason brings its basis; either can still be edited. What is
written in the fields is printed on the 不予受理通知书 (the Chinese legal wording); in English the list
shows a gloss beside each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.counter.refusal_presets import BASES, GROUNDS, basis_of
from ui.i18n import current_language


def _gloss(key: str) -> str:
    words = {
        "incomplete": QCoreApplication.translate("RefusalChoices", "Materials incomplete, cannot be completed now"),
        "not_our_power": QCoreApplication.translate("RefusalChoices", "Not within this authority's powers"),
        "no_licence_needed": QCoreApplication.translate("RefusalChoices", "The item needs no licence"),
        "false_materials": QCoreApplication.translate("RefusalChoices", "Facts concealed or materials false"),
        "art32": QCoreApplication.translate("RefusalChoices", "Administrative Licensing Law, Art. 32"),
        "art32_1": QCoreApplication.translate("RefusalChoices", "Art. 32 §1 (1): no licence needed"),
        "art32_2": QCoreApplication.translate("RefusalChoices", "Art. 32 §1 (2): not this authority's"),
        "art32_4": QCoreApplication.translate("RefusalChoices", "Art. 32 §1 (4): materials incomplete"),
        "art78": QCoreApplication.translate("RefusalChoices", "Art. 78: concealment or false materials"),
    }
    return words.get(key, key)


def _combo(placeholder: str, choices: list[tuple[str, str]]) -> QComboBox:
    """Editable; each choice is (shown, the text put in the field)."""
    box = QComboBox()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItem("", "")
    for shown, text in choices:
        box.addItem(shown, text)
    edit = box.lineEdit()
    assert edit is not None
    edit.setPlaceholderText(placeholder)
    # the field gets the printed wording, not the gloss shown in the list (chosen by mouse or ↑/↓)
    box.currentIndexChanged.connect(lambda i: edit.setText(str(box.itemData(i) or "")) if i >= 0 else None)
    box.setCurrentIndex(0)
    return box


def _shown(text: str, key: str) -> str:
    return text if current_language() != "en" else f"{_gloss(key)} — {text}"


class RefusalChoices:
    """The two fields: `reason` and `basis` are their line edits (`text()`, `setText()`, `clear()`)."""

    def __init__(self, parent: QWidget) -> None:
        self.reason_box = _combo(
            QCoreApplication.translate("RefusalChoices", "Refusal: reason (choose or write)"),
            [(_shown(g.reason, g.key), g.reason) for g in GROUNDS],
        )
        self.basis_box = _combo(
            QCoreApplication.translate("RefusalChoices", "Refusal: legal basis (choose or write)"),
            [(_shown(b.text, b.key), b.text) for b in BASES],
        )
        for box in (self.reason_box, self.basis_box):
            box.setParent(parent)
            box.setMinimumContentsLength(18)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        reason, basis = self.reason_box.lineEdit(), self.basis_box.lineEdit()
        assert reason is not None and basis is not None
        self.reason: QLineEdit = reason
        self.basis: QLineEdit = basis
        self.reason_box.currentIndexChanged.connect(lambda _i: self._bring_basis())

    def _bring_basis(self) -> None:
        """A preset reason brings its basis, unless the clerk wrote a basis of their own."""
        found = basis_of(self.reason.text())
        current = self.basis.text().strip()
        if found is not None and (not current or current in {b.text for b in BASES}):
            self.basis.setText(found.text)

    def clear(self) -> None:
        for box in (self.reason_box, self.basis_box):
            box.setCurrentIndex(0)
            edit = box.lineEdit()
            if edit is not None:
                edit.clear()
