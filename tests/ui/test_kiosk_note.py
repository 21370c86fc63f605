"""投诉建议 with the citizen's own words (issue 19): typed on the kiosk's on-screen keyboard — pinyin letters,
a tap on the candidate row, the space key for the first candidate, punctuation, ABC mode for digits —
limited in length, any mobile or ID number masked before it is stored, and received by the center with
the topics. Screenshots of the keyboard in both languages, both modes and both orientations."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QPushButton

from app.config import KioskSettings
from app.demo.day import StaffSession
from kiosk.shell import KioskShell
from kiosk.tour import settle
from tests.support.kiosk import demo_center, kiosk_backend, kiosk_terminal
from tests.ui.language_check import shown_texts, untranslated
from ui.fonts import install_fonts
from ui.i18n import install_language


@pytest.fixture(scope="module")
def hall(tmp_path_factory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("kiosk-note")
    center = demo_center(tmp)
    _settings, term = kiosk_terminal(center.url, tmp, "kiosk-note")
    yield center, term, tmp
    term.close()
    center.close()


def _shell(qtbot, term, tmp_path):  # type: ignore[no-untyped-def]
    backend = kiosk_backend(term, tmp_path / "prints")
    shell = KioskShell(backend, KioskSettings(admin_pin="2468", idle_timeout_s=600, idle_warning_s=15),
                       hall_name="示范政务服务中心", clock=lambda: 1000.0)
    qtbot.addWidget(shell)
    shell.resize(1080, 1920)
    shell.show()
    return shell, backend


def _tap(shell, text: str) -> None:  # type: ignore[no-untyped-def]
    found = [b for b in shell.findChildren(QAbstractButton) if b.isVisibleTo(shell) and b.text() == text]
    assert found, (text, [b.text() for b in shell.findChildren(QAbstractButton) if b.isVisibleTo(shell)])
    found[0].click()
    settle(shell)


def test_a_complaint_typed_on_the_screen_reaches_the_center_masked(qtbot, qapp, hall, tmp_path) -> None:  # type: ignore[no-untyped-def]
    center, term, _tmp = hall
    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    shell, backend = _shell(qtbot, term, tmp_path)
    try:
        shell.open("complaint")
        settle(shell)
        _tap(shell, "服务态度")
        _tap(shell, "下一步")
        kb = shell.page.keyboard  # type: ignore[attr-defined]
        for ch in "fuwu":
            kb.keys[ch].click()
        assert kb.pinyin_label.text() == "fuwu"
        candidates = [b.text() for b in kb.findChildren(QPushButton, "candidate") if b.isVisibleTo(shell)]
        assert candidates[0] == "服务", candidates
        _tap(shell, "服务")  # a tap on the candidate row
        for ch in "taidu":
            kb.keys[ch].click()
        kb.keys["space"].click()  # the space key takes the first candidate
        kb.punct[0].click()  # ，
        kb.mode_key.click()  # ABC: letters and digits as typed
        for ch in "13912345678":
            kb.keys[ch].click()
        note = shell.page.note  # type: ignore[attr-defined]
        assert note.toPlainText() == "服务态度，13912345678"
        assert shell.page.count.text() == "已输入 16/200 个字"  # type: ignore[attr-defined]
        shell.grab().save(str(tmp_path / "note-typed.png"))
        kb.keys["⌫"].click()
        assert note.toPlainText() == "服务态度，1391234567"
        kb.keys["8"].click()
        _tap(shell, "下一步")
        assert shell.page.flow.state == "phone"  # type: ignore[attr-defined]
        _tap(shell, "提交")
        assert shell.page.flow.state == "done" and shell.page.flow.note == ""  # type: ignore[attr-defined]
        assert backend.sync()
        got = [f for f in StaffSession(center.url, "manager", "manager").get("/feedback") if f["text"].startswith("服务态度\n")]
        assert got and got[0]["text"] == "服务态度\n服务态度，139****5678", got
    finally:
        shell.allow_close = True
        shell.shutdown()


def test_the_keyboard_stops_at_the_limit(qtbot, qapp, hall, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _center, term, _tmp = hall
    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    shell, _backend = _shell(qtbot, term, tmp_path)
    try:
        shell.open("complaint")
        settle(shell)
        shell.page.flow.toggle("意见建议")  # type: ignore[attr-defined]
        shell.page.flow.next()  # type: ignore[attr-defined]
        shell.page.render()
        kb = shell.page.keyboard  # type: ignore[attr-defined]
        kb.mode_key.click()
        for _ in range(shell.page.flow.note_max + 20):  # type: ignore[attr-defined]
            kb.keys["a"].click()
        assert len(shell.page.note.toPlainText()) == shell.page.flow.note_max  # type: ignore[attr-defined]
        assert shell.page.flow.note == "a" * shell.page.flow.note_max  # type: ignore[attr-defined]
        kb.keys["clear"].click()
        assert shell.page.flow.note == "" and shell.page.note.toPlainText() == ""  # type: ignore[attr-defined]
    finally:
        shell.allow_close = True
        shell.shutdown()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_keyboard_fits_and_speaks_one_language(qtbot, qapp, hall, tmp_path, language) -> None:  # type: ignore[no-untyped-def]
    _center, term, _tmp = hall
    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    shell, _backend = _shell(qtbot, term, tmp_path)
    try:
        shell.set_language(language)
        for elderly in (False, True):
            if elderly:
                shell.toggle_elderly()
            for size in ((1080, 1920), (1920, 1080)):
                shell.resize(*size)
                shell.open("complaint")
                settle(shell)
                shell.page.flow.toggle("意见建议")  # type: ignore[attr-defined]
                shell.page.flow.next()  # type: ignore[attr-defined]
                shell.page.render()
                settle(shell)
                kb = shell.page.keyboard  # type: ignore[attr-defined]
                assert kb.chinese == (language == "zh_CN")  # pinyin in the Chinese UI, letters in the English one
                if language == "en":
                    kb.mode_key.click()  # 中文: pinyin in the English UI too
                for ch in "dengdai":
                    kb.keys[ch].click()
                settle(shell)
                assert [c.text for c in kb.candidates][:2] == ["等待", "灯"]
                name = f"note-{language}-{'elderly' if elderly else 'normal'}-{size[0]}x{size[1]}"
                shell.grab().save(str(tmp_path / f"{name}.png"))
                # every key and the Next button on the screen, none squeezed below its size
                for b in [*kb.keys.values(), kb.mode_key, *kb.findChildren(QPushButton, "candidate")]:
                    if not b.isVisibleTo(shell):
                        continue
                    box = b.geometry().translated(b.parentWidget().mapTo(shell, b.parentWidget().rect().topLeft()))
                    assert shell.rect().contains(box), (name, b.text(), box)
                    assert b.height() >= b.minimumSizeHint().height() - 1, (name, b.text(), b.height())
                # Next is on the screen without scrolling: inside the page's visible body, above the back / home bar
                nxt = [b for b in shell.page.findChildren(QAbstractButton) if b.isVisibleTo(shell) and b.text() in ("下一步", "Next")]
                assert nxt, name
                bottom = nxt[-1].mapTo(shell, nxt[-1].rect().bottomRight())
                home = next(b for b in shell.findChildren(QAbstractButton) if b.isVisibleTo(shell) and b.text() in ("首页", "Home"))
                assert bottom.y() < home.mapTo(shell, home.rect().topLeft()).y(), (name, bottom)
                # the letters typed and what they may mean are the citizen's own words
                typed = {"dengdai", *(c.text for c in kb.candidates)}
                texts = [t for t in shown_texts(shell) if t not in typed]
                data = {"示范政务服务中心", "等待", "灯", "等", "登", "瞪", "凳", "蹬", "邓", "澄", "橙", *"等待灯登瞪凳蹬邓澄橙"}
                assert untranslated(texts, language, data) == [], (name, untranslated(texts, language, data))
                shell.go_home()
                settle(shell)
    finally:
        shell.allow_close = True
        shell.shutdown()
        install_language(qapp, "zh_CN")
