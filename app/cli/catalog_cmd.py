"""`hall catalog`: search the service items, show one item's full guide, list departments."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.config import Settings
from app.domain.catalog import DELIVERY_ZH, FORM_ZH, ITEM_KIND_ZH, Catalog, ServiceItem, load_catalog
from app.domain.search import CatalogIndex
from app.domain.textwidth import table
from app.domain.workdays import days_text
from app.i18n.cli import echo

STATUS_ZH = {"active": "在用", "suspended": "暂停", "cancelled": "已取消"}


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "catalog",
        help="search and read the service catalog (事项目录)",
        description="The service items. Source: the demo catalog, or --file PATH, or --db URL (a center database).",
    )
    csub = p.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)

    def source(q: argparse.ArgumentParser) -> None:
        g = q.add_mutually_exclusive_group()
        g.add_argument("--file", type=Path, help="a catalog JSON file")
        g.add_argument("--db", metavar="URL", help="read the items of a center database")
        q.set_defaults(func=run)

    q = csub.add_parser("search", help="by name, code, pinyin initials (yyzz) or department")
    q.add_argument("query")
    q.add_argument("--department", metavar="CODE")
    q.add_argument("--limit", type=int, default=20)
    q.add_argument("--json", action="store_true")
    source(q)
    q = csub.add_parser("show", help="the full guide (办事指南) of one item")
    q.add_argument("code")
    q.add_argument("--json", action="store_true")
    source(q)
    source(csub.add_parser("list-departments", help="departments and their item counts"))


def catalog_source(args: argparse.Namespace) -> Catalog:
    """The one place that decides where the catalog comes from."""
    if getattr(args, "db", None):
        from app.store.catalog_export import catalog_from_db

        return catalog_from_db(args.db)
    return load_catalog(args.file)


def run(args: argparse.Namespace, settings: Settings) -> int:
    cat = catalog_source(args)
    depts = {d.code: d.short_name for d in cat.departments}
    if args.catalog_command == "search":
        index = CatalogIndex(cat.items, depts)
        found = index.search(args.query, limit=args.limit, department=args.department)
        if args.json:
            print(
                json.dumps(
                    [
                        {
                            "code": i.code,
                            "name": i.name,
                            "department": i.department,
                            "kind": i.kind.value,
                            "promised_days": i.promised_days,
                            "status": i.status,
                        }
                        for i in found
                    ],
                    ensure_ascii=False,
                    indent=1,
                )
            )
            return 0
        if not found:
            echo("catalog.nothing_matches", query=args.query)
            return 1
        rows = [
            [
                i.code,
                i.name,
                depts.get(i.department, i.department),
                ITEM_KIND_ZH[i.kind],
                days_text(i.promised_half_days) if i.promised_half_days else "当场办结",
                STATUS_ZH.get(i.status, i.status),
            ]
            for i in found
        ]
        print(
            table(["事项编码", "事项名称", "部门", "类型", "承诺时限", "状态"], rows, [32, 40, 8, 6, 10, 6])
        )
        return 0
    if args.catalog_command == "show":
        item = cat.item(args.code)
        if args.json:
            print(json.dumps(asdict(item), ensure_ascii=False, indent=1, default=str))
        else:
            print(render_guide(item, cat))
        return 0
    counts: dict[str, int] = {}
    for it in cat.items:
        counts[it.department] = counts.get(it.department, 0) + 1
    print(
        table(
            ["代码", "部门", "事项数"],
            [[d.code, d.name, str(counts.get(d.code, 0))] for d in cat.departments],
        )
    )
    return 0


def render_guide(item: ServiceItem, cat: Catalog) -> str:
    dept = cat.department(item.department)
    lines = [
        f"{item.name}（{ITEM_KIND_ZH[item.kind]}）",
        f"事项编码：{item.code}",
        f"实施主体：{dept.name}"
        + (
            f"；联办部门：{'、'.join(cat.department(c).short_name for c in item.co_departments)}"
            if item.co_departments
            else ""
        ),
        f"状态：{STATUS_ZH.get(item.status, item.status)}",
        f"设定依据：{item.legal_basis}",
        f"受理条件：{item.conditions}",
        "申请材料：",
    ]
    for n, m in enumerate(item.materials, 1):
        need = "必要" if m.required else f"非必要（{m.required_note or '视情况提供'}）"
        extra = "；可容缺" if m.deferrable else ""
        lines.append(
            f"  {n}. {m.name} — 原件{m.originals}份，复印件{m.copies}份；{need}{extra}；"
            f"{FORM_ZH.get(m.form, m.form)}；来源：{m.source}" + (f"；{m.sample}" if m.sample else "")
        )
    lines += [
        f"办理流程：{' → '.join(item.process)}",
        f"法定办结时限：{days_text(item.legal_half_days)}；承诺办结时限："
        + (days_text(item.promised_half_days) if item.promised_half_days else "当场办结"),
    ]
    if item.special_steps:
        lines.append(
            "特殊环节（不计入办理时限）："
            + "；".join(f"{s.name}（不超过{s.max_days}个工作日）" for s in item.special_steps)
        )
    lines += [
        f"收费标准：{item.fee.standard}" + (f"（依据：{item.fee.basis}）" if item.fee.basis else ""),
        f"办理地点：{item.location}",
        f"办理时间：{item.hours}",
        f"到现场次数：{item.visits}次；{'可网上办理' if item.online else '需现场办理'}",
        f"结果送达：{'、'.join(DELIVERY_ZH.get(d, d) for d in item.delivery)}",
        f"咨询电话：{item.consult_phone}；监督投诉电话：{item.complaint_phone}",
    ]
    for f in item.faq:
        lines.append(f"问：{f.q}\n答：{f.a}")
    return "\n".join(lines)
