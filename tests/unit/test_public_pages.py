"""The phone pages' pieces without a server: page tokens and URLs, and the rendered HTML (escaped, both
languages, what each ticket status says)."""

from __future__ import annotations

from app.domain.public_link import (
    case_url,
    is_token,
    new_token,
    page_key,
    ticket_qr,
    ticket_url,
    token_in_url,
)
from app.public import pages


def _state(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "number": "A023", "category": "A", "category_name": "企业开办", "status": "waiting", "window": None,
        "people_ahead": 3, "estimated_wait_min": 24, "issued_at": "2026-12-03T01:00:00+00:00", "today": True,
        "service_day": "2026-12-03", "hall": "示范中心", "recalls": 0, "rateable": False, "ids": [],
    }
    base.update(kw)
    return base


def test_tokens_and_urls() -> None:
    a, b = new_token(), new_token()
    assert a != b and is_token(a) and len(a) == 22
    assert not is_token("short") and not is_token("../../etc/passwd-000000")
    assert ticket_url("https://h.example/", a) == f"https://h.example/t/{a}"
    assert ticket_url(None, a) is None and ticket_url("https://h.example", None) is None
    assert ticket_qr(None, a, "0199-id") == "HALLVISIT:0199-id"
    assert token_in_url(f" {case_url('https://h.example', a)}?lang=en\n", "/c/") == a
    assert token_in_url(f"https://h.example/t/{a}", "/c/") is None
    assert token_in_url("HALLCASE:H01-1:ABC", "/c/") is None
    assert page_key(a) != a and page_key(a) == page_key(a) and page_key(None) is None


def test_the_live_part_says_each_status_in_both_languages() -> None:
    assert "您前面还有 3 人" in pages.live(_state(), "zh_CN") and "预计等候约 24 分钟" in pages.live(_state(), "zh_CN")
    assert "People ahead of you: 3" in pages.live(_state(), "en")
    next_ = pages.live(_state(people_ahead=0, estimated_wait_min=0), "zh_CN")
    assert "您是下一位" in next_ and "分钟" not in next_
    assert "暂无窗口办理此类业务" in pages.live(_state(estimated_wait_min=None), "zh_CN")
    called = _state(status="called", window=3)
    assert "请到3号窗口" in pages.live(called, "zh_CN") and pages.alert(called)
    assert pages.title(called, "zh_CN") == "请到3号窗口"
    assert pages.state_key(called) != pages.state_key({**called, "recalls": 1})  # a recall rings again
    assert "正在3号窗口办理" in pages.live(_state(status="serving", window=3), "zh_CN")
    done = pages.live(_state(status="done", rateable=True), "en", token="T" * 22)
    assert "Finished" in done and f"/t/{'T' * 22}/rate" in done
    assert "/rate" not in pages.live(_state(status="done", rateable=False), "en", token="T" * 22)
    assert "已过号" in pages.live(_state(status="no_show"), "zh_CN")
    assert "2026-11-30" in pages.live(_state(today=False, service_day="2026-11-30"), "zh_CN")
    assert "没有找到这个号" in pages.live(None, "zh_CN")


def test_data_is_escaped() -> None:
    html = pages.page(_state(category_name="<script>x</script>", hall='"><img>'), "zh_CN", token="t" * 22, nonce="n")
    assert "<script>x</script>" not in html and "&lt;script&gt;" in html and '"><img>' not in html
    assert 'content="width=device-width,initial-scale=1"' in html and 'lang="zh-CN"' in html
