"""The case statistics of a report laid out once as titled tables, which the CSV, Excel and PDF exports
all print (Qt-free, storage-free: it reads the report's JSON)."""

from __future__ import annotations

from typing import Any

CASE_HEADER = [
    "受理",
    "日均收件",
    "办结",
    "提前办结",
    "按时办结",
    "超期办结",
    "提前办结率",
    "按时办结率",
    "办结率",
    "在办",
    "退办",
    "一次性告知",
    "终止",
]
DIM_ZH = {"department": "部门", "item": "事项", "window": "窗口", "clerk": "工作人员"}


def pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.1%}"


def _case_row(b: dict[str, Any]) -> list[Any]:
    return [
        b["received"],
        b["daily_average"] if b["daily_average"] is not None else "—",
        b["completed"],
        b["completed_early"],
        b["completed_on_time"],
        b["completed_overdue"],
        pct(b["early_rate"]),
        pct(b["on_time_rate"]),
        pct(b["completion_rate"]),
        b["in_progress"],
        b["returned"],
        b["notified"],
        b["terminated"],
    ]


def case_tables(rep: dict[str, Any]) -> list[tuple[str, list[str], list[list[Any]]]]:
    """(title, header, rows) of the case statistics: the total, by day or month, and each breakdown."""
    cs = rep["case_stats"]
    out: list[tuple[str, list[str], list[list[Any]]]] = [("办件合计", ["", *CASE_HEADER], [["合计", *_case_row(cs["total"])]])]
    series_header = ["受理", "办结", "提前办结", "按时办结", "超期办结", "退办"]
    keys = ["received", "completed", "completed_early", "completed_on_time", "completed_overdue", "returned"]
    if cs["by_month"]:
        out.append(("办件（按月）", ["月份", *series_header], [[mo["month"], *[mo[k] for k in keys]] for mo in cs["by_month"]]))
    elif len(cs["by_day"]) > 1:
        out.append(("办件（按日）", ["日期", *series_header], [[d["date"], *[d[k] for k in keys]] for d in cs["by_day"]]))
    for dim, zh in DIM_ZH.items():
        rows = [[e["label"], *_case_row(e)] for e in cs["by"][dim]]
        out.append((f"办件（按{zh}）", [zh, *CASE_HEADER], rows))
    return out
