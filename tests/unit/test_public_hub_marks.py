"""Which open pages the phone pages' hub reads again after a window's status event: all of them (their wait
estimates depend on the open windows) only when a window opens, pauses, resumes or logs out — not on every
call, start and finish, which at a hall's load re-read 2,000 pages each time."""

from __future__ import annotations

from app.public.hub import Hub


def _after(hub: Hub, **ev: object) -> set[str]:
    hub._dirty.clear()
    hub.handle({"type": "window.status", **ev})
    return set(hub._dirty)


def test_only_a_change_of_open_windows_marks_every_page() -> None:
    hub = Hub("http://127.0.0.1:1")
    assert _after(hub, window=3, status="idle") == {"*"}  # not seen since the stream began: read all
    assert _after(hub, window=3, status="called") == set()
    assert _after(hub, window=3, status="serving") == set()
    assert _after(hub, window=3, status="idle") == set()
    assert _after(hub, window=3, status="paused") == {"*"}  # one open window fewer
    assert _after(hub, window=3, status="idle") == {"*"}  # resumed
    assert _after(hub, window=4, status="logged_out") == {"*"}
    assert _after(hub, window=4, status="logged_out") == set()
    hub._dirty.clear()
    hub.handle({"type": "hello"})  # events may have been lost: every window is unknown again
    assert hub._dirty == {"*"}
    assert _after(hub, window=3, status="serving") == {"*"}
    # a ticket's own event still marks its category
    hub._dirty.clear()
    hub.handle({"type": "ticket.called", "id": "x", "category": "A", "window": 3})
    assert hub._dirty == {"A"}
