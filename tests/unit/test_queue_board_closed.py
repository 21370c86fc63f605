"""The queue board's closed categories: a message from the center rendered in either language, and an old
center's snapshot (the reason as Chinese text) still read."""

from __future__ import annotations

from app.i18n.messages import msg
from app.views.queue_board import QueueBoard, closed_text


def test_reasons_arrive_as_messages_and_render_in_both_languages() -> None:
    board = QueueBoard()
    why = msg("closed.quota", detail=msg("closed.quota_detail", count=40)).as_param()
    board.apply({"type": "snapshot", "data": {"closed": {"B": why, "C": msg("closed.inactive").as_param()}}})
    assert closed_text(board.closed["B"], "en") == "Today's tickets are all given out (40 a day)"
    assert closed_text(board.closed["B"], "zh_CN") == "今日号源已取完（每日40个）"
    assert closed_text(board.closed["C"], "zh_CN") == "这类业务暂停取号"
    board.apply({"type": "categories.opening", "data": {"closed": {"A": msg("closed.outside_hours").as_param()}}})
    assert list(board.closed) == ["A"] and closed_text(board.closed["A"], "en") == "Outside ticket hours"


def test_an_old_snapshot_with_chinese_text_is_still_read() -> None:
    board = QueueBoard()
    board.apply({"type": "snapshot", "data": {"closed": {"B": "今日号源已取完（每日40个）", "C": None}}})
    assert closed_text(board.closed["B"], "en") == "今日号源已取完（每日40个）"  # shown as it came
    assert "C" in board.closed and closed_text(board.closed["C"], "en") == ""
    board.apply({"type": "snapshot", "data": {"closed": {"B": {"code": "no.such.code", "params": {}}}}})
    assert closed_text(board.closed["B"], "en") == ""  # an unknown code with no text: nothing rather than a code
    board.apply({"type": "snapshot", "data": {"closed": ["B"]}})  # not a map at all
    assert board.closed == {}
