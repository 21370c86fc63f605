"""Generate resources/catalog/sample-hall.xlsx from the demo catalog (resources/catalog/demo_hall.json).

The sample shows a real hall's workbook filled in: opening hours with a Saturday morning, cut-off before
closing, quotas, the lists items are on, on-the-spot items and the A/B posts of each window.
Run: python3 tools/make_sample_workbook.py  (commit the result)
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.domain.catalog import Site, load_catalog  # noqa: E402
from app.domain.states import ItemKind  # noqa: E402
from app.workbook.writer import write_workbook  # noqa: E402

HOURS = "工作日 09:00-12:00,13:30-17:30；周六 09:00-12:00"
QUOTAS = {"B": 120, "G": 150}


def sample() -> object:
    cat = load_catalog()
    categories = tuple(
        dataclasses.replace(k, hours=HOURS, cutoff_minutes=30, daily_quota=QUOTAS.get(k.prefix))
        for k in cat.categories
    )
    items = []
    for it in cat.items:
        lists = []
        if it.visits <= 1:
            lists.append("最多跑一次")
        if it.kind == ItemKind.IMMEDIATE:
            lists.append("马上办")
        if it.online:
            lists.append("网上办")
        if any(m.deferrable for m in it.materials):
            lists.append("容缺受理")
        items.append(
            dataclasses.replace(
                it,
                service_object="法人" if it.category in ("A", "E", "F", "J") else "自然人",
                scope="全市通办",
                lists=tuple(lists),
            )
        )
    by_code = {i.code: i for i in items}
    windows = []
    for w in cat.windows:
        main = w.categories[0] if w.categories else None
        partner = next((o.number for o in cat.windows if o.number != w.number and main in o.categories), None)
        spot = tuple(
            i.code for i in by_code.values() if i.kind == ItemKind.IMMEDIATE and i.category in w.categories
        )
        windows.append(
            dataclasses.replace(
                w,
                spot_items=spot,
                post_a=f"clerk{w.number:02d}",
                post_b=f"clerk{partner:02d}" if partner else None,
            )
        )
    # 就近办: a township takes the social-security and civil-affairs items (B, C), a village point their 即办件
    township = tuple(i.code for i in items if i.category in ("B", "C") and i.kind != ItemKind.JOINT)
    near = tuple(i.code for i in items if i.category in ("B", "C") and i.kind == ItemKind.IMMEDIATE)
    sites = (
        Site(cat.hall.code, cat.hall.name, "county", None, HOURS, cat.hall.address, cat.hall.phone),
        Site("XZ01", "水东镇便民服务中心", "township", cat.hall.code, HOURS, "章贡区水东镇政府一楼", "0797-8123501", township),
        Site("XZ02", "沙石镇便民服务中心", "township", cat.hall.code, HOURS, "章贡区沙石镇政府一楼", "0797-8123502", township),
        Site("XZ01-C01", "七里村便民服务站", "village", "XZ01", "工作日 09:00-12:00", "水东镇七里村村委会", "", near),
        Site("XZ02-C01", "吉埠村便民服务站", "village", "XZ02", "工作日 09:00-12:00", "沙石镇吉埠村村委会", "", near),
    )
    windows = [dataclasses.replace(w, site=cat.hall.code) for w in windows]
    return dataclasses.replace(
        cat, categories=categories, items=tuple(items), windows=tuple(windows), sites=sites
    )


if __name__ == "__main__":
    out = ROOT / "resources" / "catalog" / "sample-hall.xlsx"
    write_workbook(sample(), out)  # type: ignore[arg-type]
    print(f"wrote {out}")
