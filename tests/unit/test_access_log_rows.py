"""The access log as the admin reads it: the hall's clock, not UTC; no "window=None"."""

from __future__ import annotations

import datetime as dt

from app.domain.clock import local_text
from app.views.access_log import access_rows


def test_times_are_the_halls_and_empty_details_are_left_out() -> None:
    rows = access_rows([{"at": "2026-12-01T19:03:04+00:00", "actor": "admin", "action": "login",
                         "detail": {"client": "127.0.0.1", "window": None}}])
    cells, refused = rows[0]
    assert cells[0] == "2026-12-02 03:03:04"  # Beijing time: already the next day
    assert cells[2] == "登录 · login" and cells[4] == "client=127.0.0.1" and not refused
    assert local_text(dt.datetime(2026, 12, 1, 19, 3), seconds=False) == "2026-12-02 03:03"  # naive = UTC
    assert local_text(None) == "" and local_text("") == ""
