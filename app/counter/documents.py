"""The papers of a counter decision: the PDF notice (受理通知书, 容缺受理承诺书 with the acceptance notice,
一次性告知书, 不予受理通知书), the receipt slip (收件回执) on the receipt printer, the correction notice
(补正告知) and the delivery slip (出件回执). Every one masks the ID number and the phone."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from app.counter.doc_numbers import next_doc_number
from app.domain.acceptance import MaterialCheck, Outcome
from app.domain.agency import AGENT_TITLE_ZH, AgentKind
from app.domain.clock import local_now, local_today
from app.domain.doc_numbers import DocKind
from app.store import models as m
from app.views.guides import GuideItem
from printers import notices as n

if TYPE_CHECKING:
    from app.counter.service import AgentIn, ApplicantIn, CounterService

RESULT_ZH = {
    "accept": "已受理",
    "defer": "容缺受理（请按承诺日期补交材料）",
    "notify": "一次性告知：材料不全，补齐后受理，详见一次性告知书",
    "refuse": "不予受理，理由与救济途径详见不予受理通知书",
}
COLLECT_ZH = {"window": "到受理窗口领取", "express": "快递送达（邮寄费用由政府承担）"}


def _header(svc: CounterService, kind: DocKind, department: str) -> n.Header:
    """The notice's header with the next document number of its kind in the hall's yearly sequence."""
    hall, cfg, today = svc.settings.hall_name, svc.settings.notices, local_today()
    number = next_doc_number(svc.term, cfg, cfg.doc_org or svc.settings.hall_code, kind, today.year)
    return n.Header(hall, number, today, f"{hall}（{department}）")


def _agent(agent: AgentIn | None) -> n.Agent | None:
    if agent is None:
        return None
    g, p = agent.agency, agent.person
    return n.Agent(p.name, p.id_number, AGENT_TITLE_ZH[g.kind], g.authorisation, g.until, p.phone)


def _lines(checks: list[MaterialCheck]) -> list[n.MaterialLine]:
    return [
        n.MaterialLine(c.name, c.originals_received, c.copies_received, "告知承诺" if c.promise else "")
        for c in checks
        if c.originals_received or c.copies_received or c.promise
    ]


def paper_path(svc: CounterService, number: str, name: str) -> Path:
    return _out(svc, number, name)


def _out(svc: CounterService, number: str, name: str) -> Path:
    folder = svc.documents_dir / local_today().isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{number}-{name}.pdf"


def render_documents(
    svc: CounterService,
    number: str,
    a: ApplicantIn,
    item: GuideItem,
    checks: list[MaterialCheck],
    outcome: Outcome,
    reason: str,
    basis: str,
    delivery: str,
    agent: AgentIn | None = None,
) -> list[Path]:
    who = n.Applicant(a.name, a.id_number, a.phone, agent=_agent(agent))
    today = local_today()
    docs: list[Path] = []
    if agent is not None:  # 帮办代办登记表 first: both sign it before the rest is handed over
        docs.append(
            n.render_agency(
                n.AgencyRecord(
                    header=_header(svc, DocKind.AGENCY, item.department_name),
                    applicant=who,
                    item=item.name,
                    case_number=number,
                    hall_agent=agent.agency.kind == AgentKind.HALL_AGENT,
                ),
                _out(svc, number, "帮办代办登记表"),
            )
        )
    if outcome.notice in ("acceptance", "deferral"):
        docs.append(
            n.render_acceptance(
                n.AcceptanceNotice(
                    header=_header(svc, DocKind.ACCEPTANCE, item.department_name),
                    applicant=who,
                    item=item.name,
                    case_number=number,
                    accepted_on=today,
                    promised_days=item.promised_days,
                    due_date=outcome.due_date if item.promised_days > 0 and item.kind != "immediate" else None,
                    materials=_lines(checks),
                    collect=COLLECT_ZH.get(delivery, delivery),
                    qr_payload=svc.qr_for(number, a.id_number),
                    item_type=item.item_type,
                    immediate=item.kind == "immediate" or item.promised_days <= 0,
                    deferred=[n.MaterialLine(c.name, c.originals_needed, c.copies_needed) for c in outcome.missing],
                    supply_by=outcome.deferral_due,
                ),
                _out(svc, number, "受理通知书"),
            )
        )
    if outcome.notice == "deferral":
        docs.append(
            n.render_deferral(
                n.DeferralCommitment(
                    header=_header(svc, DocKind.DEFERRAL, item.department_name),
                    applicant=who,
                    item=item.name,
                    case_number=number,
                    deferred=[
                        n.MaterialLine(c.name, c.originals_needed, c.copies_needed, f"承诺于{c.deferred_until:%Y年%m月%d日}前补交")
                        for c in outcome.missing
                        if c.deferred_until
                    ],
                    supply_by=outcome.deferral_due or today,
                ),
                _out(svc, number, "容缺受理承诺书"),
            )
        )
    promised = [c.name for c in checks if c.promise]
    if promised and outcome.notice in ("acceptance", "deferral"):
        docs.append(commitment_letter(svc, number, who, item, promised))
    if outcome.notice == "correction":
        docs.append(
            n.render_correction(
                n.CorrectionNotice(
                    header=_header(svc, DocKind.NOTIFY, item.department_name),
                    applicant=who,
                    item=item.name,
                    received_on=today,
                    missing=[
                        n.MaterialLine(c.name, c.originals_needed, c.copies_needed, c.note or c.shortfall())
                        for c in outcome.missing
                    ],
                    contact=f"{svc.window}号窗口" + (f"，咨询电话 {item.consult_phone}" if item.consult_phone else ""),
                    item_type=item.item_type,
                ),
                _out(svc, number, "一次性告知书"),
            )
        )
    if outcome.notice == "refusal":
        docs.append(
            n.render_refusal(
                n.RefusalNotice(
                    header=_header(svc, DocKind.REFUSAL, item.department_name),
                    applicant=who,
                    item=item.name,
                    received_on=today,
                    reason=reason,
                    basis=basis,
                    review_organ=f"{svc.settings.hall_name}所在地人民政府",
                    court="有管辖权的人民法院",
                ),
                _out(svc, number, "不予受理通知书"),
            )
        )
    return docs


def print_receipt(
    svc: CounterService,
    number: str,
    a: ApplicantIn,
    item: GuideItem,
    checks: list[MaterialCheck],
    outcome: Outcome,
    agent: AgentIn | None = None,
) -> Path | None:
    """收件回执 on the receipt printer; raises DeviceError (paper out …) for the window to show."""
    from printers.escpos.slips import ReceiptData, ReceivedMaterial

    if svc.printer is None:
        return None
    data = ReceiptData(
        hall_name=svc.settings.hall_name,
        case_number=number,
        item_name=item.name,
        applicant_name=a.name,
        applicant_id_number=a.id_number,
        due_date=outcome.due_date,
        result=RESULT_ZH.get(outcome.decision.value, ""),
        window=f"{svc.window}号窗口",
        clerk=svc.clerk.name if svc.clerk else "",
        accepted_at=local_now(),
        qr_payload=svc.qr_for(number, a.id_number),
        materials=[
            ReceivedMaterial(c.name, c.originals_received, c.copies_received, c.deferred_until)
            for c in checks
            if c.originals_received or c.copies_received or c.deferred_until
        ],
        applicant_phone=a.phone or None,
        agent_name=agent.person.name if agent else "",
    )
    return svc.on_printer(lambda p: p.print_receipt(data)).preview


def commitment_letter(svc: CounterService, number: str, who: n.Applicant, item: GuideItem, promised: list[str]) -> Path:
    """告知承诺书: the applicant signs it at the window; the department checks the commitment later (核查)."""
    from printers import case_notices as cn

    return cn.render_commitment_letter(
        cn.CommitmentLetter(_header(svc, DocKind.COMMITMENT, item.department_name), who, item.name, number, promised),
        _out(svc, number, "告知承诺书"),
    )


def correction_notice(svc: CounterService, case_id: uuid.UUID, what: list[str]) -> Path:
    with svc.term.cache.db.read_session() as s:
        case = s.get(m.Case, case_id)
        assert case is not None
        item_name, dept, item_type = case.item.name, case.item.department.name, case.item.item_type
        number = case.case_number
        name = case.applicant.name
        id_number = svc.term.cipher.decrypt(case.applicant.id_number_enc) or ""
    return n.render_correction(
        n.CorrectionNotice(
            header=_header(svc, DocKind.CORRECTION, dept),
            applicant=n.Applicant(name, id_number),
            item=f"{item_name}（办件编号 {number}，补正期间暂停计时）",
            received_on=local_today(),
            missing=[n.MaterialLine(w, 0, 0, "请按要求补正后提交") for w in what],
            contact=f"{svc.window}号窗口",
            item_type=item_type,
        ),
        _out(svc, number, "补正告知书"),
    )


def delivery_slip(svc: CounterService, case_id: uuid.UUID) -> Path | None:
    """出件回执 on the receipt printer (the citizen's proof of collection or of the express dispatch)."""

    if svc.printer is None:
        return None
    with svc.term.cache.db.read_session() as s:
        case = s.get(m.Case, case_id)
        assert case is not None
        number, item_name, method, tracking = case.case_number, case.item.name, case.delivery_method, case.tracking_number
        name = case.applicant.name
    return delivery_slip_of(svc, number, item_name, name, method, tracking)


def delivery_slip_of(
    svc: CounterService, number: str, item_name: str, name: str, method: str | None, tracking: str | None
) -> Path | None:
    """出件回执 of any case, also one this counter never held (出件 at any window)."""
    from printers.escpos.layout import LayoutBuilder, paper_for

    if svc.printer is None:
        return None
    b = LayoutBuilder(paper_for(svc.printer.paper.mm), "delivery")  # the paper width: a setting, no I/O
    b.text(svc.settings.hall_name, "center", bold=True)
    b.text("出件回执", "center", size=2, bold=True)
    b.rule()
    b.field("办件编号", number)
    b.field("事项名称", item_name)
    b.field("申 请 人", name[:1] + "*" * (len(name) - 1))
    b.field("送达方式", "快递送达" if method == "express" else "窗口领取")
    if tracking:
        b.field("快递单号", tracking)
    b.field("出件时间", dt.datetime.now(dt.UTC).astimezone(local_now().tzinfo).strftime("%Y-%m-%d %H:%M"))
    b.field("出件窗口", f"{svc.window}号窗口")
    b.rule()
    b.text("请核对办理结果，如有疑问请联系出件窗口。")
    b.feed(2)
    b.cut()
    layout = b.build()
    return svc.on_printer(lambda p: p.print_layout(layout)).preview
