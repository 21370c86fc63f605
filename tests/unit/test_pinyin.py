"""The kiosk's pinyin input: the letters typed → phrases and characters (pypinyin's data)."""

from __future__ import annotations

from kiosk.pinyin import INDEX, _plain


def test_readings_without_tones() -> None:
    assert [_plain(r) for r in ("fú", "lǜ", "nǚ", "zhuàng")] == ["fu", "lv", "nv", "zhuang"]


def test_a_whole_phrase_comes_first_then_the_characters_of_its_first_syllable() -> None:
    got = INDEX.candidates("fuwu")
    assert got[0].text == "服务" and got[0].consumed == 4
    assert all(c.consumed == 2 for c in got[1:]) and "服" in [c.text for c in got[1:4]]
    assert [c.text for c in INDEX.candidates("dengdai")][:2] == ["等待", "灯"]
    assert INDEX.candidates("nihao")[0].text == "你好"


def test_common_characters_of_a_syllable_by_their_first_reading() -> None:
    assert "好" == INDEX.candidates("hao")[0].text
    assert "绿" in [c.text for c in INDEX.candidates("lv")][:3]
    assert "我" == INDEX.candidates("wo")[0].text


def test_letters_still_being_typed_and_nothing() -> None:
    partial = INDEX.candidates("zh")
    assert partial and all(c.consumed == 2 for c in partial)  # characters whose reading starts zh…
    assert INDEX.candidates("") == [] and INDEX.candidates("vvvv") == []
    assert len(INDEX.candidates("shi", limit=4)) == 4
