"""The manager's report as CSV and Excel (for spreadsheets) — the PDF is drawn in `printers/report_pdf.py`.
The case statistics are laid out once as titled tables (`case_tables`) that all three formats print."""

from __future__ import annotations

import csv
import io
from typing import Any

from app.domain.report_tables import case_tables, pct


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
    ws.append([r["ratings"], pct(r["satisfaction_rate"]), r["bad_ratings"]])
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
