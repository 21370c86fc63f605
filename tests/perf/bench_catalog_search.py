"""Catalog search latency per keystroke over 1,000 items: `python tests/perf/bench_catalog_search.py`."""

from __future__ import annotations

import dataclasses
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.domain.catalog import load_catalog
from app.domain.search import CatalogIndex
from tests.perf.result import emit


def main() -> None:
    cat = load_catalog()
    items = []
    suffixes = [
        "",
        "（变更）",
        "（注销）",
        "（延续）",
        "（补办）",
        "（迁移）",
        "（备案）",
        "（年检）",
        "（新办）",
        "（核准）",
        "（首次）",
        "（换证）",
        "（撤销）",
        "（分立）",
        "（合并）",
    ]
    for n, suffix in enumerate(suffixes):
        for it in cat.items:
            items.append(dataclasses.replace(it, name=it.name + suffix, code=f"{it.code}{n:02d}"))
    items = items[:1000]
    t0 = time.perf_counter()
    index = CatalogIndex(items, {d.code: d.short_name for d in cat.departments})
    build = time.perf_counter() - t0
    lat = []
    for query in ("yyzz", "bdczydj", "营业执照", "不动产转移", "qushuixuke", "gajhk", "1136070266"):
        for k in range(1, len(query) + 1):
            t = time.perf_counter()
            index.search(query[:k])
            lat.append((time.perf_counter() - t) * 1000)
    lat.sort()
    print(
        f"# catalog search, {len(items)} items; machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}"
    )
    print(f"index build: {build * 1000:.0f} ms")
    print(
        f"per keystroke ({len(lat)} keystrokes): p50 {statistics.median(lat):.2f} ms, "
        f"p95 {lat[int(0.95 * (len(lat) - 1))]:.2f} ms, max {lat[-1]:.2f} ms (target < 30 ms)"
    )
    emit(
        f"catalog search per keystroke ({len(items)} items)",
        f"p95 {lat[int(0.95 * (len(lat) - 1))]:.2f} ms, max {lat[-1]:.2f} ms",
        "< 30 ms",
        "a counter's SQL LIKE search: one database round trip per keystroke",
    )


if __name__ == "__main__":
    main()
