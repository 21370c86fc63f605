"""The console's queue rows: which categories need the manager (nobody can call them, too long a wait,
too many per open window), and the supervision list's due states."""

from __future__ import annotations

from app.views.manager import due_state, queue_rows


def _snap(waiting: dict[str, int], windows: list[tuple[str, list[str]]], longest: dict[str, int] | None = None) -> dict:  # type: ignore[type-arg]
    return {
        "categories": {p: p for p in waiting},
        "waiting": waiting,
        "longest_wait_s": longest or {},
        "windows": [{"number": i, "name": f"{i}号窗口", "status": st, "categories": cats} for i, (st, cats) in enumerate(windows, 1)],
    }


def test_queue_rows_name_what_needs_the_manager() -> None:
    snap = _snap(
        {"A": 3, "B": 25, "C": 4, "D": 0, "E": 2},
        [("idle", ["B", "C"]), ("paused", ["A"]), ("serving", ["C", "E"]), ("logged_out", ["A", "D"])],
        {"C": 45 * 60, "E": 60},
    )
    rows = {r.prefix: r for r in queue_rows(snap, warn_after_min=30)}
    assert rows["A"].state == "no_window" and rows["A"].open_windows == 0 and rows["A"].level == "red"  # paused, closed
    assert rows["B"].state == "busy" and rows["B"].open_windows == 1 and rows["B"].level == "yellow"  # 25 for 1 window
    assert rows["C"].state == "long_wait" and rows["C"].warning and rows["C"].open_windows == 2
    assert rows["D"].state == "ok" and rows["D"].level == ""  # nobody waits: no window needed
    assert rows["E"].state == "ok" and not rows["E"].warning


def test_due_states() -> None:
    assert [due_state(d) for d in (-3, 0, 1, 2, 3)] == ["overdue", "due_today", "due_soon", "due_soon", ""]
