"""`hall docs sample --out DIR`: one of each PDF notice with realistic sample data."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from app.config import Settings


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "docs",
        help="PDF notices (受理通知书, 一次性告知书 …)",
        description="The A4 notices the counter prints.",
    )
    dsub = p.add_subparsers(dest="docs_command", metavar="ACTION", required=True)
    q = dsub.add_parser("sample", help="write one of each notice and a service guide with sample data")
    q.add_argument("--out", type=Path, required=True, metavar="DIR")
    q.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.domain.catalog import load_catalog
    from app.store.calendar_store import calendar_from_replica

    printers_notices = __import__("printers.notices", fromlist=["*"])  # printers sits beside app: no cycle
    n = printers_notices
    cat = load_catalog()
    item = next(i for i in cat.items if i.name == "食品经营许可")
    today = dt.date.today()
    cal = calendar_from_replica([], [])
    try:
        due = cal.add_half_working_days(today, item.promised_half_days)
    except Exception:  # an unpublished year: the sample shows no date rather than a guess
        due = None
    hall = settings.hall_name if settings.hall_name != "政务服务中心" else cat.hall.name
    organ = f"{hall}（{cat.department(item.department).name}）"
    applicant = n.Applicant("张三丰", "11010519491231002X", "13812345678")
    mats = [n.MaterialLine(m.name, m.originals, m.copies) for m in item.materials]
    out: Path = args.out
    files = [
        n.render_acceptance(
            n.AcceptanceNotice(
                n.Header(hall, "章政服受〔2026〕第0007号", today, organ),
                applicant,
                item.name,
                "H01-20261122-0007",
                today,
                item.promised_days,
                due,
                mats,
                "到综合出件窗口领取，或选择免费邮寄送达",
                "https://hall.example/progress?case=H01-20261122-0007",
            ),
            out / "acceptance-notice.pdf",
        ),
        n.render_correction(
            n.CorrectionNotice(
                n.Header(hall, "章政服告〔2026〕第0012号", today, organ),
                applicant,
                item.name,
                today,
                [
                    n.MaterialLine(item.materials[2].name, note="未提交，请补交原件1份"),
                    n.MaterialLine(item.materials[3].name, note="制度文本未加盖公章，请盖章后重新提交"),
                ],
                cat.hall.phone,
            ),
            out / "one-time-notice.pdf",
        ),
        n.render_refusal(
            n.RefusalNotice(
                n.Header(hall, "章政服不受〔2026〕第0003号", today, organ),
                applicant,
                item.name,
                today,
                "申请事项依法不属于本机关职权范围",
                "《中华人民共和国行政许可法》第三十二条第一款第（二）项",
                "赣州市章贡区人民政府",
                "赣州市章贡区人民法院",
            ),
            out / "refusal-notice.pdf",
        ),
        n.render_deferral(
            n.DeferralCommitment(
                n.Header(hall, "章政服容〔2026〕第0005号", today, organ),
                applicant,
                item.name,
                "H01-20261122-0007",
                [n.MaterialLine(m.name) for m in item.materials if m.deferrable],
                today + dt.timedelta(days=10),
            ),
            out / "deferral-commitment.pdf",
        ),
        n.render_guide(
            n.GuideData(n.Header(hall, f"办事指南 {item.code}", today, organ), item, cat),
            out / "service-guide.pdf",
        ),
    ]
    for f in files:
        print(f)
    return 0
