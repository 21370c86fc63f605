"""帮办代办 at the counter (issue 21), pytest-qt against a real center, in Chinese and English: the applicant
typed, the agent's own card read with Shift+F9 from the simulated reader, the authorisation chosen, the
case accepted from the keyboard; the customer window names the agent masked; the agent who is the
applicant is refused with the catalogue's words; the case reaches the center with both."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.store import models as m
from tests.ui import test_counter_keys as keys
from tests.ui.test_counter_keys import CTRL, ZHANG, Counter, _replicated, ime
from ui.counter.script import settle

LI = "440524188001010014"  # the simulated reader's card: 李四, the agent
SHIFT = Qt.KeyboardModifier.ShiftModifier
center, language = keys.center, keys.language  # the fixtures of the keyboard tests


def test_an_agent_applies_for_the_applicant(center, language, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    zh = language == "zh_CN"
    c = Counter(center, tmp_path, qtbot, card="lisi")
    win, box = c.win, c.win.agent_box
    try:
        assert not box.isChecked() and box.fields.isHidden()  # unticked, the box takes one line
        ime(win.name_edit, "张三")
        qtbot.keyClicks(win.id_edit, ZHANG)
        said = c.key(Qt.Key.Key_F9, SHIFT)  # the agent's own card: the box opens with it
        assert box.isChecked() and box.name_edit.text() == "李四" and box.id_number() == LI
        assert win.minimumSizeHint().width() <= 1440  # the open box fits the counter's screen in either language
        assert ("已读取代办人身份证" if zh else "Agent's ID card read") in said and LI not in said
        assert box.id_edit.text() == "440524********0014"
        assert box.paper.currentText() == ("授权委托书" if zh else "Letter of entrustment")
        assert ("代办人：李*" if zh else "Agent: 李*") in c.customer.confirm.text()

        c.key(Qt.Key.Key_F, CTRL, at=win.name_edit)
        qtbot.keyClicks(win.search, "qybg")
        c.key(Qt.Key.Key_Return)
        assert win.item is not None and win.item.name == "企业变更登记"
        c.key(Qt.Key.Key_F10, at=win.checklist)
        c.shot(f"agent-form-{language}")
        c.shot(f"agent-customer-{language}", c.customer)

        # the agent who is the applicant: refused in the clerk's language, nothing written
        box.clear()
        box.setChecked(True)
        box.name_edit.setText("张三")
        qtbot.keyClicks(box.id_edit, ZHANG)
        said = c.key(Qt.Key.Key_Return, CTRL, at=win.checklist)
        assert win.last is None
        assert ("代办人与申请人为同一人" if zh else "The agent is the applicant") in said, said

        box.clear()
        c.key(Qt.Key.Key_F9, SHIFT)
        c.key(Qt.Key.Key_Return, CTRL, at=win.checklist)
        got = win.last
        assert got is not None and got.outcome.status.value == "accepted", win.message.text()
        assert got.documents[0].name.endswith("帮办代办登记表.pdf")
        assert not box.isChecked() and box.name_edit.text() == ""  # the next visit starts without an agent
        _replicated(c, lambda s: s.scalar(select(m.Case.agent_id).where(m.Case.agent_id.is_not(None))) is not None)
        with center.db.read_session() as s:
            case = s.scalar(select(m.Case).where(m.Case.case_number == got.case_number))
            assert case is not None and case.agent is not None and case.agent.name == "李四"
            assert case.applicant.name == "张三" and case.agent_kind == "entrusted" and case.authorisation == "授权委托书"
        settle(win)
        win.refresh_cases()
        settle(win)
        row = next(r for r in range(win.case_table.rowCount()) if win.case_table.item(r, 0).text() == got.case_number)
        assert ("代办人 李**" if zh else "agent 李**") in win.case_table.item(row, 2).text()
    finally:
        c.close()
