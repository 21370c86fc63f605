"""The A4 notices of acceptance (reportlab, embedded TrueType CJK font): 受理通知书, 一次性告知书,
不予受理通知书, 容缺受理承诺书 and the 办事指南 of an item. Each carries the hall's name, a document number,
the date, a seal area and page numbers. ID numbers and phones are masked here, whatever the caller passes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus import paragraph as _rl_paragraph

from app.domain.catalog import DELIVERY_ZH, FORM_ZH, ITEM_KIND_ZH, Catalog, ServiceItem
from app.domain.idnumber import mask_id_number, mask_phone
from printers.report_pdf import cjk_font

# 避头 (GB/T 15834 and common typesetting): punctuation that never begins a line. reportlab's CJK wrapping
# knows the Japanese set, which lacks the full-width comma, semicolon, colon, question and exclamation marks
# and the closing book-title marks; add them (its wrapper reads this module-level name).
CANNOT_START = "。，、；：？！…）」』》〉】〕］｝”’·%％"
_rl_paragraph.ALL_CANNOT_START = "".join(dict.fromkeys(_rl_paragraph.ALL_CANNOT_START + CANNOT_START))

LICENSING = "行政许可"  # the item type (事项类型) that is accepted under 《中华人民共和国行政许可法》


@dataclass(frozen=True)
class Header:
    hall_name: str
    doc_number: str
    date: dt.date
    organ: str  # the issuing organ printed above the seal


@dataclass(frozen=True)
class Agent:
    """帮办代办: who applied on the applicant's behalf (app/domain/agency.py)."""

    name: str
    id_number: str
    title: str  # 受托人 / 帮办代办员
    authorisation: str  # the paper received: 授权委托书 …
    until: dt.date | None = None
    phone: str = ""


@dataclass(frozen=True)
class Applicant:
    name: str
    id_number: str
    phone: str = ""
    agent: Agent | None = None


@dataclass(frozen=True)
class MaterialLine:
    name: str
    originals: int = 0
    copies: int = 0
    note: str = ""  # what is missing or wrong and how to fix it; the promised date for 容缺


@dataclass(frozen=True)
class AcceptanceNotice:
    header: Header
    applicant: Applicant
    item: str
    case_number: str
    accepted_on: dt.date
    promised_days: int
    due_date: dt.date | None
    materials: list[MaterialLine]
    collect: str
    qr_payload: str
    item_type: str = LICENSING  # 事项类型: only 行政许可 cites 《行政许可法》
    immediate: bool = False  # 即办件 decided on the spot
    deferred: list[MaterialLine] = field(default_factory=list)  # 容缺: the materials still to come
    supply_by: dt.date | None = None  # 容缺: promised by


@dataclass(frozen=True)
class CorrectionNotice:  # 一次性告知书
    header: Header
    applicant: Applicant
    item: str
    received_on: dt.date
    missing: list[MaterialLine]
    contact: str
    item_type: str = LICENSING


@dataclass(frozen=True)
class RefusalNotice:
    header: Header
    applicant: Applicant
    item: str
    received_on: dt.date
    reason: str
    basis: str
    review_organ: str
    court: str


@dataclass(frozen=True)
class DeferralCommitment:  # 容缺受理承诺书
    header: Header
    applicant: Applicant
    item: str
    case_number: str
    deferred: list[MaterialLine]
    supply_by: dt.date


@dataclass(frozen=True)
class GuideData:
    header: Header
    item: ServiceItem
    catalog: Catalog
    extra: dict[str, Any] = field(default_factory=dict)


def _styles() -> dict[str, ParagraphStyle]:
    f = cjk_font()
    return {
        "title": ParagraphStyle("title", fontName=f, wordWrap="CJK", fontSize=20, leading=28, alignment=1, spaceAfter=4),
        "num": ParagraphStyle("num", fontName=f, wordWrap="CJK", fontSize=10, leading=14, alignment=1),
        "body": ParagraphStyle("body", fontName=f, wordWrap="CJK", fontSize=11.5, leading=20, firstLineIndent=23),
        "plain": ParagraphStyle("plain", fontName=f, wordWrap="CJK", fontSize=11.5, leading=20),
        "small": ParagraphStyle("small", fontName=f, wordWrap="CJK", fontSize=9.5, leading=14),
        "h": ParagraphStyle("h", fontName=f, wordWrap="CJK", fontSize=12.5, leading=20, spaceBefore=6),
    }


def _grid(rows: list[list[Any]], widths: list[float]) -> Table:
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), cjk_font(), 10),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return t


def _cell(text: str) -> Paragraph:
    return Paragraph(text, _styles()["small"])


def _seal(header: Header, story: list[Any]) -> None:
    st = _styles()
    seal = Table([[Paragraph("（印章）", st["small"])]], colWidths=[38 * mm], rowHeights=[38 * mm])
    seal.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#c0392b"), None, (2, 2)),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TEXTCOLOR", (0, 0), (-1, -1), colors.HexColor("#c0392b")),
            ]
        )
    )
    sign = Table(
        [[seal, Paragraph(f"{header.organ}<br/>{header.date:%Y年%m月%d日}", st["plain"])]],
        colWidths=[45 * mm, 70 * mm],
        hAlign="RIGHT",
    )
    story += [Spacer(1, 8 * mm), KeepTogether([sign])]


def _qr(payload: str) -> Drawing:
    widget = QrCodeWidget(payload)
    x0, y0, x1, y1 = widget.getBounds()
    size = 28 * mm
    d = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    d.add(widget)
    return d


def _build(out: Path, header: Header, title: str, story: list[Any]) -> Path:
    st = _styles()
    head = [
        Paragraph(header.hall_name, st["num"]),
        Paragraph(title, st["title"]),
        Paragraph(header.doc_number, st["num"]),
        Spacer(1, 5 * mm),
    ]

    def page(canvas: Any, doc: Any) -> None:
        canvas.setFont(cjk_font(), 8.5)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"{header.hall_name}　第 {doc.page} 页")

    out.parent.mkdir(parents=True, exist_ok=True)
    SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=title,
    ).build(head + story, onFirstPage=page, onLaterPages=page)
    return out


def _who(a: Applicant) -> str:
    phone = f"，联系电话：{mask_phone(a.phone)}" if a.phone else ""
    who = f"申请人：{a.name}（证件号码：{mask_id_number(a.id_number)}{phone}）"
    if a.agent is None:
        return who
    return f"{who}<br/>{_agent_line(a.agent)}"


def _agent_line(g: Agent) -> str:
    until = f"，授权期限至{g.until:%Y年%m月%d日}" if g.until else ""
    return f"代办人（{g.title}）：{g.name}（证件号码：{mask_id_number(g.id_number)}；授权材料：{g.authorisation}{until}）"


@dataclass(frozen=True)
class AgencyRecord:
    """帮办代办登记表: the authorisation as the window recorded it, signed by both at the window."""

    header: Header
    applicant: Applicant  # with its agent
    item: str
    case_number: str
    hall_agent: bool  # a hall's or village point's own 代办员 (free of charge) rather than an entrusted person


def render_agency(d: AgencyRecord, out: Path) -> Path:
    st = _styles()
    a, g = d.applicant, d.applicant.agent
    assert g is not None, "an agency record needs its agent"
    rows = [
        ["委托人（申请人）", _cell(a.name), "证件号码", mask_id_number(a.id_number)],
        ["代办人", _cell(f"{g.name}（{g.title}）"), "证件号码", mask_id_number(g.id_number)],
        ["委托人电话", mask_phone(a.phone) if a.phone else "", "代办人电话", mask_phone(g.phone) if g.phone else ""],
        ["代办事项", _cell(d.item), "办件编号", d.case_number],
        ["授权材料", _cell(g.authorisation), "授权期限", f"至{g.until:%Y年%m月%d日}" if g.until else "本次办理"],
    ]
    grid = Table(rows, colWidths=[32 * mm, 58 * mm, 24 * mm, 56 * mm])
    grid.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), cjk_font(), 10),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f0f0f0")),
                ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#f0f0f0")),
            ]
        )
    )
    story: list[Any] = [
        grid,
        Spacer(1, 5 * mm),
        Paragraph(
            "委托人自愿委托上述代办人代为办理以上事项。代办人在授权范围内提交的申请材料、签署的文书及作出的确认，"
            "委托人均予以认可，并承担相应的法律责任。",
            st["body"],
        ),
        Paragraph(
            "代办人承诺：如实提交委托人提供的申请材料，不超越授权范围办理，不泄露委托人的个人信息和商业秘密"
            + ("；帮办代办服务不收取任何费用。" if d.hall_agent else "。"),
            st["body"],
        ),
        Spacer(1, 10 * mm),
        Paragraph("委托人（签字/按手印）：________________　　　　日期：______年____月____日", st["plain"]),
        Spacer(1, 6 * mm),
        Paragraph("代办人（签字）：________________　　　　日期：______年____月____日", st["plain"]),
        Spacer(1, 6 * mm),
        Paragraph("受理人（签字）：________________", st["plain"]),
    ]
    _seal(d.header, story)
    return _build(out, d.header, "帮办代办登记表", story)


def acceptance_text(d: AcceptanceNotice) -> str:
    """The notice's decision paragraph: the item type decides the legal basis, 容缺 does not claim the
    materials complete, a 即办件 is 当场办结."""
    when = f"你（单位）于{d.accepted_on:%Y年%m月%d日}提出的“{d.item}”申请，"
    if d.deferred:
        by = f"{d.supply_by:%Y年%m月%d日}" if d.supply_by else "承诺日期"
        head = (
            when + f"主要申请材料齐全，{len(d.deferred)}项非主要材料暂缺，你（单位）已书面承诺于{by}前补交，"
            "本机关决定予以容缺受理。逾期未补交的，终止办理。"
        )
    elif d.item_type == LICENSING:
        head = when + "申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，本机关决定予以受理。"
    else:
        head = when + "申请材料齐全，符合受理条件，本机关决定予以受理。"
    head += f"办件编号：{d.case_number}。"
    if d.immediate or d.due_date is None or d.promised_days <= 0:
        if d.deferred:
            return head + "本事项为即办件，补齐容缺材料后当场办结。"
        return head + "本事项为即办件，已当场办结。"
    return head + (
        f"承诺办结时限为{d.promised_days}个工作日（自受理次日起计算，特殊环节所需时间不计入），"
        f"预计于{d.due_date:%Y年%m月%d日}前办结。"
    )


def render_acceptance(d: AcceptanceNotice, out: Path) -> Path:
    st = _styles()
    story: list[Any] = [
        Paragraph(_who(d.applicant), st["plain"]),
        Paragraph(acceptance_text(d), st["body"]),
        Paragraph("收取材料：", st["h"]),
        _grid(
            [["序号", "材料名称", "原件", "复印件"]]
            + [
                [str(i), _cell(m.name), str(m.originals), str(m.copies)] for i, m in enumerate(d.materials, 1)
            ],
            [14 * mm, 110 * mm, 22 * mm, 22 * mm],
        ),
        Spacer(1, 4 * mm),
        *(
            [
                Paragraph(
                    "容缺材料："
                    + "、".join(m.name for m in d.deferred)
                    + (f"（承诺于{d.supply_by:%Y年%m月%d日}前补交）" if d.supply_by else ""),
                    st["plain"],
                )
            ]
            if d.deferred
            else []
        ),
        Paragraph(f"结果领取：{d.collect}", st["plain"]),
        Table(
            [
                [
                    _qr(d.qr_payload),
                    Paragraph("扫码查询办理进度，或在自助终端输入办件编号及证件号码后6位查询。", st["small"]),
                ]
            ],
            colWidths=[32 * mm, 120 * mm],
        ),
    ]
    _seal(d.header, story)
    return _build(out, d.header, "受理通知书", story)


def render_correction(d: CorrectionNotice, out: Path) -> Path:
    st = _styles()
    story: list[Any] = [
        Paragraph(_who(d.applicant), st["plain"]),
        Paragraph(
            f"你（单位）于{d.received_on:%Y年%m月%d日}提交的“{d.item}”申请材料不齐全或者不符合法定形式。"
            + (
                "根据《中华人民共和国行政许可法》第三十二条的规定，现将需要补正的全部内容一次性告知如下："
                if d.item_type == LICENSING
                else "现将需要补正的全部内容一次性告知如下："
            ),
            st["body"],
        ),
        _grid(
            [["序号", "材料名称", "问题及补正要求"]]
            + [
                [str(i), _cell(m.name), _cell(m.note or "未提交，请补齐")] for i, m in enumerate(d.missing, 1)
            ],
            [14 * mm, 70 * mm, 86 * mm],
        ),
        Spacer(1, 3 * mm),
        Paragraph(
            "以上为需补正的全部材料，本机关不再另行要求补正其他材料。请补齐后重新提交，"
            "本机关自收到全部补正材料之日起受理。",
            st["body"],
        ),
        Paragraph(f"咨询电话：{d.contact}", st["plain"]),
    ]
    _seal(d.header, story)
    return _build(out, d.header, "一次性告知书", story)


def render_refusal(d: RefusalNotice, out: Path) -> Path:
    st = _styles()
    story: list[Any] = [
        Paragraph(_who(d.applicant), st["plain"]),
        Paragraph(
            f"你（单位）于{d.received_on:%Y年%m月%d日}提出的“{d.item}”申请，经审查，{d.reason}。"
            f"根据{d.basis}的规定，本机关决定不予受理。",
            st["body"],
        ),
        Paragraph(
            f"如不服本决定，可以自收到本通知书之日起六十日内向{d.review_organ}申请行政复议，"
            f"或者自收到本通知书之日起六个月内向{d.court}提起行政诉讼。",
            st["body"],
        ),
    ]
    _seal(d.header, story)
    return _build(out, d.header, "不予受理通知书", story)


def render_deferral(d: DeferralCommitment, out: Path) -> Path:
    st = _styles()
    story: list[Any] = [
        Paragraph(_who(d.applicant), st["plain"]),
        Paragraph(
            f"本人（单位）申请办理“{d.item}”（办件编号：{d.case_number}），主要申请材料齐全，"
            "以下非主要材料暂缺，申请容缺受理，并郑重承诺：",
            st["body"],
        ),
        _grid(
            [["序号", "容缺材料", "补交期限"]]
            + [[str(i), _cell(m.name), f"{d.supply_by:%Y年%m月%d日}前"] for i, m in enumerate(d.deferred, 1)],
            [14 * mm, 110 * mm, 46 * mm],
        ),
        Spacer(1, 3 * mm),
        Paragraph(
            f"一、于{d.supply_by:%Y年%m月%d日}前补交上述材料，并对所提交材料的真实性负责。", st["plain"]
        ),
        Paragraph(
            "二、逾期未补交或补交材料不符合要求的，同意终止办理，由此产生的后果由本人（单位）承担。",
            st["plain"],
        ),
        Paragraph("三、如有失信行为，同意记入信用记录。", st["plain"]),
        Spacer(1, 12 * mm),
        Paragraph("承诺人（签字/盖章）：____________________　　　　日期：______年____月____日", st["plain"]),
        Spacer(1, 6 * mm),
        Paragraph("（按手印处）", st["small"]),
    ]
    _seal(d.header, story)
    return _build(out, d.header, "容缺受理承诺书", story)


def render_guide(d: GuideData, out: Path) -> Path:
    st = _styles()
    it, cat = d.item, d.catalog
    dept = cat.department(it.department)
    rows = [
        ["事项名称", it.name],
        ["事项编码", it.code],
        ["事项类型", ITEM_KIND_ZH[it.kind]],
        ["实施主体", dept.name],
        ["设定依据", it.legal_basis],
        ["受理条件", it.conditions],
        ["法定办结时限", f"{it.legal_days}个工作日"],
        ["承诺办结时限", f"{it.promised_days}个工作日" if it.promised_days else "当场办结"],
        [
            "特殊环节",
            "；".join(f"{s.name}（不超过{s.max_days}个工作日，不计入时限）" for s in it.special_steps)
            or "无",
        ],
        ["收费标准", it.fee.standard + (f"（依据：{it.fee.basis}）" if it.fee.basis else "")],
        ["办理流程", " → ".join(it.process)],
        ["办理地点", it.location],
        ["办理时间", it.hours],
        ["到现场次数", f"{it.visits}次"],
        ["结果送达", "、".join(DELIVERY_ZH.get(x, x) for x in it.delivery)],
        ["咨询电话", it.consult_phone],
        ["监督投诉", it.complaint_phone],
    ]
    if it.co_departments:
        rows.insert(4, ["联办部门", "、".join(cat.department(c).name for c in it.co_departments)])
    story: list[Any] = [
        _grid([["项目", "内容"]] + [[k, _cell(v)] for k, v in rows], [32 * mm, 138 * mm]),
        Paragraph("申请材料", st["h"]),
    ]
    story.append(
        _grid(
            [["序号", "材料名称", "原件", "复印件", "必要性", "容缺", "形式", "来源"]]
            + [
                [
                    str(i),
                    _cell(m.name + (f"（{m.required_note}）" if m.required_note else "")),
                    str(m.originals),
                    str(m.copies),
                    "必要" if m.required else "非必要",
                    "可容缺" if m.deferrable else "—",
                    FORM_ZH.get(m.form, m.form),
                    _cell(m.source),
                ]
                for i, m in enumerate(it.materials, 1)
            ],
            [10 * mm, 60 * mm, 12 * mm, 14 * mm, 16 * mm, 16 * mm, 20 * mm, 22 * mm],
        )
    )
    if it.faq:
        story.append(Paragraph("常见问题", st["h"]))
        for f in it.faq:
            story += [Paragraph(f"问：{f.q}", st["plain"]), Paragraph(f"答：{f.a}", st["plain"])]
    _seal(d.header, story)
    return _build(out, d.header, "办事指南", story)
