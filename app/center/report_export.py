"""The manager's report as CSV and Excel (for spreadsheets) — the PDF is drawn in `printers/report_pdf.py`.
The case statistics are laid out once as titled tables (`case_tables`) that all three formats print."""

from __future__ import annotations

import csv
import io
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


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.1%}"


def _case_row(b: dict[str, Any]) -> list[Any]:
    return [
        b["received"],
        b["daily_average"] if b["daily_average"] is not None else "—",
        b["completed"],
        b["completed_early"],
        b["completed_on_time"],
        b["completed_overdue"],
        _pct(b["early_rate"]),
        _pct(b["on_time_rate"]),
        _pct(b["completion_rate"]),
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


def report_xlsx(rep: dict[str, Any]) -> bytes:
    """The report as an Excel workbook: one sheet for the queue and ratings, one per case table."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "概况"
    q, r = rep["queue"], rep["ratings"]
    ws.append(["统计区间", f"{rep['from']} 至 {rep['to']}"])
    ws.append([])
    ws.append(["取号", "办结", "过号", "转移", "平均等候(分钟)", "最长等候(分钟)"])
    ws.append([q["issued"], q["served"], q["no_show"], q["transferred"], q["avg_wait_min"], q["max_wait_min"]])
    ws.append([])
    ws.append(["评价数", "满意率", "差评数"])
    ws.append([r["ratings"], _pct(r["satisfaction_rate"]), r["bad_ratings"]])
    for title, header, rows in case_tables(rep):
        sheet = wb.create_sheet(title[:31])
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        sheet.column_dimensions["A"].width = 28
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def report_csv(rep: dict[str, Any]) -> str:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["统计区间", f"{rep['from']} 至 {rep['to']}"])
    q = rep["queue"]
    w.writerow([])
    w.writerow(["排队", "取号", "办结", "过号", "转移", "平均等候(分钟)", "最长等候(分钟)"])
    w.writerow(
        [
            "合计",
            q["issued"],
            q["served"],
            q["no_show"],
            q["transferred"],
            q["avg_wait_min"],
            q["max_wait_min"],
        ]
    )
    for day in rep["days"]:
        w.writerow([day["date"], day["issued"], day["served"], day["no_show"], "", "", ""])
    for title, header, rows in case_tables(rep):
        w.writerow([])
        w.writerow([title])
        w.writerow(header)
        w.writerows(rows)
    r = rep["ratings"]
    w.writerow([])
    w.writerow(["好差评", "评价数", "满意率", "差评数"])
    w.writerow(["合计", r["ratings"], r["satisfaction_rate"], r["bad_ratings"]])
    if rep.get("by_window"):
        w.writerow([])
        w.writerow(["窗口", "办结", "过号", "平均等候(分钟)", "平均办理(分钟)", "服务达标率"])
        for win, b in rep["by_window"].items():
            w.writerow(
                [
                    f"{win}号窗口",
                    b["served"],
                    b["no_show"],
                    b["avg_wait_min"],
                    b["avg_service_min"],
                    b["service_level"],
                ]
            )
    return out.getvalue()
