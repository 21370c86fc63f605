"""The message catalogue: every code has its Chinese, errors carry code and params to the terminals, and
an unknown code falls back to the message it came with."""

from __future__ import annotations

import re

import pytest

from app.center.api_errors import error_body
from app.errors import HallError
from app.i18n import catalogue
from app.i18n.messages import CONTEXT, LABELS, MESSAGES, label, msg, render, status_param

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_message_and_label_has_its_chinese() -> None:
    zh = catalogue("zh_CN")
    sources = list(MESSAGES.values()) + [s for t in LABELS.values() for s in t.values()]
    missing = [s for s in sources if (CONTEXT, s) not in zh]
    assert not missing, f"no Chinese in hall_zh_CN.ts (run tools/update_translations.sh): {missing}"
    for source in MESSAGES.values():  # the translation keeps the source's params
        assert set(re.findall(r"\{(\w+)\}", zh[(CONTEXT, source)])) == set(re.findall(r"\{(\w+)\}", source)), source
        assert not CJK.search(source), f"an English source text holds Chinese: {source}"


def test_a_message_is_its_english_text_and_carries_code_and_params() -> None:
    m = msg("window_busy", number="A001")
    assert m == "Finish or mark a no-show for A001 first."
    assert (m.code, m.params) == ("window_busy", {"number": "A001"})
    assert render(m.code, m.params, "zh_CN") == "请先办结或过号当前号码 A001。"
    with pytest.raises(KeyError):
        msg("no_such_message")


def test_params_that_are_messages_or_labels_render_in_the_readers_language() -> None:
    m = msg("not_called", number="A001", status=status_param("ticket_status", "serving"))
    assert "being served" in m
    zh = render(m.code, m.params, "zh_CN")
    assert zh.startswith("A001正在办理") and not re.search(r"[A-Za-z]{3,}", zh)
    nested = msg("invalid_id_number", reason=msg("id.length", length=15))
    assert render(nested.code, nested.params, "zh_CN") == "身份证号码有误：身份证号码应为18位（旧版外国人永久居留身份证为15位），现为15位。"


def test_unknown_codes_and_unfit_params_fall_back() -> None:
    assert render("from_a_newer_center", {}, "zh_CN", fallback="as it came") == "as it came"
    assert render("window_busy", {}, "zh_CN", fallback="as it came") == "as it came"  # {number} missing
    assert label("case_status", "no_such_status", "en") == "no_such_status"
    assert label("rating_level", 1, "en") == "Very dissatisfied" and label("rating_level", 1, "zh_CN") == "非常不满意"
    assert label("rating_reason", "等候时间长", "en") == "Long wait"
    assert label("weekday", 3, "zh_CN") == "星期四" and label("weekday", 3, "en") == "Thursday"


def test_errors_pass_code_and_params_to_the_api_body() -> None:
    exc = HallError.of("recall_limit", count=2)
    assert (exc.code, exc.message_code, exc.params) == ("recall_limit", "recall_limit", {"count": 2})
    body = error_body("recall_limit", msg("recall_limit", count=2))
    assert body == {
        "error": "recall_limit",
        "code": "recall_limit",
        "params": {"count": 2},
        "message": "Recalled 2 times: mark it a no-show.",
    }
    assert error_body("not_found", "no route") == {
        "error": "not_found", "code": "not_found", "params": {}, "message": "no route"
    }


def test_a_message_survives_copy_and_pickle() -> None:
    import copy
    import pickle

    m = msg("not_called", number="A001", status=status_param("ticket_status", "waiting"))
    for again in (copy.deepcopy(m), pickle.loads(pickle.dumps(m))):
        assert again == m and (again.code, again.params) == (m.code, m.params)
