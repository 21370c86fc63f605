"""The manager's report as CSV (for spreadsheets) — the PDF is drawn in `printers/pdf/report.py`."""

from __future__ import annotations

import csv
import io
from typing import Any


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
    c = rep["cases"]
    w.writerow([])
    w.writerow(["办件", "收件", "办结", "提前办结", "按时办结", "超期办结", "提前办结率"])
    w.writerow(
        [
            "合计",
            c["received"],
            c["completed"],
            c["completed_early"],
            c["completed_on_time"],
            c["completed_overdue"],
            c["early_rate"],
        ]
    )
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
