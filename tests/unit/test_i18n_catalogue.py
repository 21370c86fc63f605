"""The Qt-free reader of the one catalogue gives the same Chinese as the compiled .qm the Qt layers use."""

from app.i18n import catalogue, translate


def test_translate_reads_the_shipped_catalogue():
    table = catalogue("zh_CN")
    assert len(table) > 100
    (context, source), chinese = next(iter(table.items()))
    assert translate(context, source, "zh_CN") == chinese
    assert translate(context, source, "en") == source


def test_unknown_text_falls_back_to_english_with_params():
    assert translate("nowhere", "ticket {number}", "zh_CN", number="A001") == "ticket A001"
