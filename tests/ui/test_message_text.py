"""A center refusal reaches the terminal's screen in the UI's language: the sync client keeps the answer's
code and params, the Qt layer translates them; an unknown code or an old "中文 / English" text falls back."""

from __future__ import annotations

import httpx
import pytest

from app.errors import HallError
from app.sync.client import CenterClient, CenterRefused
from ui.i18n import install_language, message_text, shown
from ui.runtime_bridge import plain_message


def _refused(body: dict[str, object]) -> CenterRefused:
    with pytest.raises(CenterRefused) as got:
        CenterClient._answer(httpx.Response(409, json=body))
    return got.value


def test_a_center_refusal_is_shown_in_the_uis_language(qapp) -> None:  # type: ignore[no-untyped-def]
    exc = _refused({"error": "window_busy", "code": "window_busy", "params": {"number": "A001"},
                    "message": "Finish or mark a no-show for A001 first."})
    assert (exc.code, exc.message_code, exc.params) == ("window_busy", "window_busy", {"number": "A001"})
    try:
        install_language(qapp, "zh_CN")
        assert shown(exc) == "请先办结或过号当前号码 A001。" == plain_message(exc, "zh_CN")
        install_language(qapp, "en")
        assert shown(exc) == "Finish or mark a no-show for A001 first."
    finally:
        install_language(qapp, "zh_CN")


def test_unknown_codes_and_old_answers_fall_back(qapp) -> None:  # type: ignore[no-untyped-def]
    install_language(qapp, "zh_CN")
    newer = _refused({"error": "x", "code": "from_a_newer_center", "params": {}, "message": "as it came"})
    assert shown(newer) == "as it came"
    old = _refused({"error": "window_busy", "message": "请先办结当前号码 / finish the current ticket first"})
    assert old.message_code is None and shown(old) == "请先办结当前号码"
    assert message_text("window_busy", {}, "请先办结 / finish first") == "请先办结"  # params missing
    assert shown(HallError.of("no_ticket")) == "本窗口当前没有正在办理的号码，请按 F1 叫号。"
    assert plain_message(ValueError("a bug")) is None
