"""The hall manager's day or month report as an A4 PDF (reportlab, the shipped CJK TrueType font)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.domain.report_tables import case_tables
from app.paths import cjk_font_path

FONT = "HallCJK"


def cjk_font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(cjk_font_path()), subfontIndex=0))
    return FONT


def _fmt(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value <= 1.0 and value >= 0.0:
        return f"{value:.1%}"
    return str(value)


def _table(rows: list[list[str]], widths: list[float]) -> Table:
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 10),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe8f6")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8a9bb5")),
                ("ALIGN", (1, 1), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return t


def render_report(rep: dict[str, Any], hall_name: str, out: Path) -> Path:
    font = cjk_font()
    title = ParagraphStyle("t", fontName=font, fontSize=18, leading=24, alignment=1)
    h2 = ParagraphStyle("h", fontName=font, fontSize=13, leading=18, spaceBefore=8, spaceAfter=4)
    body = ParagraphStyle("b", fontName=font, fontSize=10, leading=14)
    period = rep["from"] if rep["from"] == rep["to"] else f"{rep['from']} 至 {rep['to']}"
    story: list[Any] = [
        Paragraph(f"{hall_name}运行报表", title),
        Paragraph(f"统计区间：{period}", body),
        Spacer(1, 4 * mm),
    ]
    q = rep["queue"]
    story += [
        Paragraph("一、排队叫号", h2),
        _table(
            [
                ["取号", "办结", "过号", "转移", "平均等候(分钟)", "最长等候(分钟)"],
                [
                    _fmt(q["issued"]),
                    _fmt(q["served"]),
                    _fmt(q["no_show"]),
                    _fmt(q["transferred"]),
                    _fmt(q["avg_wait_min"]),
                    _fmt(q["max_wait_min"]),
                ],
            ],
            [25 * mm] * 4 + [35 * mm] * 2,
        ),
    ]
    hourly = rep.get("hourly_issued") or []
    if any(hourly):
        d = Drawing(170 * mm, 55 * mm)
        chart = VerticalBarChart()
        chart.x, chart.y, chart.width, chart.height = 10 * mm, 8 * mm, 150 * mm, 42 * mm
        chart.data = [hourly[7:19]]
        chart.categoryAxis.categoryNames = [f"{h}时" for h in range(7, 19)]
        chart.categoryAxis.labels.fontName = font
        chart.valueAxis.labels.fontName = font
        chart.bars[0].fillColor = colors.HexColor("#2f6db5")
        d.add(chart)
        story += [Paragraph("分时段取号量", body), d]
    c = rep["cases"]
    c = rep["cases"]
    small = ParagraphStyle("s", fontName=font, fontSize=7.5, leading=9, wordWrap="CJK")
    story.append(Paragraph("二、办件", h2))
    for title, header, rows in case_tables(rep):
        if not rows:
            continue
        story.append(Paragraph(title, body))
        first = 34 * mm if len(header) > 8 else 30 * mm
        rest = (180 * mm - first) / (len(header) - 1)
        cells = [[Paragraph(str(x), small) for x in header]] + [
            [Paragraph(str(row[0]), small), *[str(x) for x in row[1:]]] for row in rows
        ]
        t = _table(cells, [first] + [rest] * (len(header) - 1))
        t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 7.5)]))
        story += [t, Spacer(1, 3 * mm)]
    if not c["completed_overdue"]:
        story.append(Paragraph("本期无超期办结件。", body))
    r = rep["ratings"]
    story += [
        Paragraph("三、好差评", h2),
        _table(
            [
                ["评价数", "满意率", "差评数", "非常满意", "满意", "基本满意", "不满意", "非常不满意"],
                [
                    _fmt(r["ratings"]),
                    _fmt(r["satisfaction_rate"]),
                    _fmt(r["bad_ratings"]),
                    *[str(r["by_level"].get(str(lvl), 0)) for lvl in (5, 4, 3, 2, 1)],
                ],
            ],
            [21 * mm] * 8,
        ),
    ]
    if rep.get("by_window"):
        rows = [["窗口", "办结", "过号", "平均等候(分钟)", "平均办理(分钟)", "服务达标率"]]
        for win, b in rep["by_window"].items():
            rows.append(
                [
                    f"{win}号窗口",
                    _fmt(b["served"]),
                    _fmt(b["no_show"]),
                    _fmt(b["avg_wait_min"]),
                    _fmt(b["avg_service_min"]),
                    _fmt(b["service_level"]),
                ]
            )
        story += [
            Paragraph("四、窗口", h2),
            _table(rows, [25 * mm, 22 * mm, 22 * mm, 32 * mm, 32 * mm, 30 * mm]),
        ]
    out.parent.mkdir(parents=True, exist_ok=True)

    def footer(canvas: Any, doc: Any) -> None:
        canvas.setFont(font, 8)
        canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, f"第 {doc.page} 页")

    SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=f"{hall_name}运行报表 {period}",
    ).build(story, onFirstPage=footer, onLaterPages=footer)
    return out
