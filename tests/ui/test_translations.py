"""Every user-facing string of the Qt layers has its Simplified Chinese translation, and the shipped .qm
is current with the .ts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.paths import resource

ROOT = Path(__file__).resolve().parents[2]


def test_no_string_left_untranslated(tmp_path: Path) -> None:
    ts = tmp_path / "check.ts"
    shutil.copy(resource("translations", "hall_zh_CN.ts"), ts)
    sources = sorted(str(p) for d in ("ui", "kiosk", "app") for p in (ROOT / d).rglob("*.py"))
    subprocess.run(
        ["pyside6-lupdate", *sources, "-ts", str(ts), "-no-obsolete"], check=True, capture_output=True
    )
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, (
        "a tr() string has no Chinese translation: run tools/update_translations.sh"
    )
    qm = tmp_path / "check.qm"
    subprocess.run(
        ["pyside6-lrelease", str(resource("translations", "hall_zh_CN.ts")), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    assert qm.read_bytes() == resource("translations", "hall_zh_CN.qm").read_bytes(), "the .qm is stale"


def test_chinese_is_the_default_and_english_selectable(qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.i18n import install_language

    assert install_language(qapp, "zh_CN")
    assert QCoreApplication.translate("BoardWidget", "Now calling") == "正在呼叫"
    assert install_language(qapp, "en")
    assert QCoreApplication.translate("BoardWidget", "Now calling") == "Now calling"
