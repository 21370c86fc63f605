"""The A4 papers of a case's life after acceptance (issue 17): 准予行政许可决定书 / 不予行政许可决定书
(a 公共服务 item gets 办理结果通知书 wording), 补正材料通知书 (the back office's 退回补正, printed at the
window), 终止办理通知书 (容缺 materials not supplied by their date) and the 告知承诺书 the applicant signs.
Kept apart from `printers.notices` (acceptance papers); the same header, seal and page layout."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from printers.notices import Applicant, Header, _build, _cell, _grid, _seal, _styles, _who


@dataclass(frozen=True)
class DecisionNotice:
    header: Header
    applicant: Applicant
    item: str
    case_number: str
    received_on: dt.date
    approved: bool
    licensing: bool  # 行政许可 (行政许可法) or 公共服务
    opinions: list[tuple[str, str]] = field(default_factory=list)  # (department, opinion)
    review_organ: str = "本级人民政府"
    court: str = "有管辖权的人民法院"


@dataclass(frozen=True)
class CaseCorrectionNotice:
    header: Header
    applicant: Applicant
    item: str
    case_number: str
    missing: list[str]
    contact: str = ""


@dataclass(frozen=True)
class TerminationNotice:
    header: Header
    applicant: Applicant
    item: str
    case_number: str
    received_on: dt.date
    promised: dt.date
    materials: list[str]


@dataclass(frozen=True)
class CommitmentLetter:  # 告知承诺书
    header: Header
    applicant: Applicant
    item: str
    case_number: str
    promised: list[str]  # the proofs the commitment replaces


def _opinions(d: DecisionNotice) -> list[Any]:
    if not d.opinions:
        return []
    return [
        Paragraph("审批意见：", _styles()["h"]),
        _grid([["部门", "意见"]] + [[_cell(a), _cell(b or "同意")] for a, b in d.opinions], [40 * mm, 130 * mm]),
    ]


def render_decision(d: DecisionNotice, out: Path) -> Path:
    st = _styles()
    what = f"你（单位）于{d.received_on:%Y年%m月%d日}提出的“{d.item}”申请（办件编号：{d.case_number}）"
    if d.licensing:
        title = "准予行政许可决定书" if d.approved else "不予行政许可决定书"
        body = (
            f"{what}，经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，"
            "本机关决定准予行政许可。请凭本决定书及受理通知书到综合窗口领取办理结果。"
            if d.approved
            else f"{what}，经审查，不符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第二款的规定，"
            "本机关决定不予行政许可，理由见审批意见。"
        )
    else:
        title = "办理结果通知书"
        body = (
            f"{what}，经审核，符合办理条件，已办理完毕。请凭本通知书及受理通知书到综合窗口领取办理结果。"
            if d.approved
            else f"{what}，经审核，不符合办理条件，不予办理，理由见审核意见。"
        )
    story: list[Any] = [Paragraph(_who(d.applicant), st["plain"]), Paragraph(body, st["body"]), *_opinions(d)]
    if not d.approved:
        story.append(
            Paragraph(
                f"如不服本决定，可以自收到本决定书之日起六十日内向{d.review_organ}申请行政复议，"
                f"或者自收到本决定书之日起六个月内向{d.court}提起行政诉讼。",
                st["body"],
            )
        )
    _seal(d.header, story)
    return _build(out, d.header, title, story)


def render_case_correction(d: CaseCorrectionNotice, out: Path) -> Path:
    st = _styles()
    story: list[Any] = [
        Paragraph(_who(d.applicant), st["plain"]),
        Paragraph(
            f"你（单位）申请的“{d.item}”（办件编号：{d.case_number}），经承办部门审查，需补正以下材料：",
            st["body"],
        ),
        _grid([["序号", "需补正的材料"]] + [[str(i), _cell(x)] for i, x in enumerate(d.missing, 1)],
              [14 * mm, 156 * mm]),
        Spacer(1, 3 * mm),
        Paragraph(
            "请将补正材料提交至任一综合受理窗口。办理时限自收到全部补正材料的次日起重新计算。", st["body"]
        ),
    ]
    if d.contact:
        story.append(Paragraph(f"咨询电话：{d.contact}", st["plain"]))
    _seal(d.header, story)
    return _build(out, d.header, "补正材料通知书", story)


def render_termination(d: TerminationNotice, out: Path) -> Path:
    st = _styles()
    story: list[Any] = [
        Paragraph(_who(d.applicant), st["plain"]),
        Paragraph(
            f"你（单位）于{d.received_on:%Y年%m月%d日}申请的“{d.item}”（办件编号：{d.case_number}）为容缺受理，"
            f"你（单位）承诺于{d.promised:%Y年%m月%d日}前补交{'、'.join(d.materials) or '容缺材料'}。"
            "截至承诺期限届满，上述材料仍未补交。根据你（单位）签署的容缺受理承诺书，本机关决定终止办理该申请。",
            st["body"],
        ),
        Paragraph("如需继续办理，请备齐全部材料后重新提出申请。", st["body"]),
    ]
    _seal(d.header, story)
    return _build(out, d.header, "终止办理通知书", story)


def render_commitment_letter(d: CommitmentLetter, out: Path) -> Path:
    st = _styles()
    story: list[Any] = [
        Paragraph(_who(d.applicant), st["plain"]),
        Paragraph(
            f"本人（单位）申请办理“{d.item}”（办件编号：{d.case_number}）。行政机关已告知本人（单位）"
            "该事项的办理条件、须提交的材料及不实承诺的法律责任。本人（单位）以书面承诺代替下列证明材料：",
            st["body"],
        ),
        _grid([["序号", "以承诺代替的证明材料"]] + [[str(i), _cell(x)] for i, x in enumerate(d.promised, 1)],
              [14 * mm, 156 * mm]),
        Spacer(1, 3 * mm),
        Paragraph("一、所填写的信息真实、准确，已经符合告知的条件、标准和要求。", st["plain"]),
        Paragraph("二、愿意接受行政机关的核查；经核查承诺不实的，愿意承担相应的法律责任，"
                  "行政机关可依法撤销办理结果。", st["plain"]),
        Paragraph("三、承诺不实的，同意记入信用记录。", st["plain"]),
        Spacer(1, 12 * mm),
        Paragraph("承诺人（签字/盖章）：____________________　　　　日期：______年____月____日", st["plain"]),
    ]
    _seal(d.header, story)
    return _build(out, d.header, "告知承诺书", story)
