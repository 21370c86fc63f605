"""The steps of a case the kiosk shows the citizen (收件 → 办理 → 办结 → 出件; or 不予受理 / 终止)."""

from __future__ import annotations

import datetime as dt

from kiosk.backend import Progress

DAY = dt.date(2026, 11, 2)


def _p(status: str, completed: dt.date | None = None, delivered: dt.date | None = None) -> Progress:
    return Progress("H01-20261102-0001", "食品经营许可", status, DAY, None, None, "3号窗口领取", completed, delivered)


def test_the_steps_of_a_case() -> None:
    assert [s for _k, _d, s in _p("accepted").timeline()] == ["done", "current", "pending", "pending"]
    approved = _p("approved", completed=dt.date(2026, 11, 9)).timeline()
    assert [s for _k, _d, s in approved] == ["done", "done", "done", "current"] and approved[2][1] == dt.date(2026, 11, 9)
    delivered = _p("delivered", dt.date(2026, 11, 9), dt.date(2026, 11, 10)).timeline()
    assert all(s == "done" for _k, _d, s in delivered) and delivered[3][1] == dt.date(2026, 11, 10)
    assert [k for k, _d, _s in _p("refused").timeline()] == ["received", "refused"]
    assert [k for k, _d, _s in _p("terminated").timeline()] == ["received", "terminated"]
