"""Realistic sample states for screenshots and demos without a running center."""

from __future__ import annotations

from typing import Any

from app.domain.catalog import load_catalog


def sample_snapshot() -> dict[str, Any]:
    cat = load_catalog()
    names = [
        "李晓燕",
        "王建国",
        "刘芳",
        "陈志强",
        "张丽华",
        "杨伟",
        "黄敏",
        "赵磊",
        "周婷",
        "吴海涛",
        "徐静",
        "孙浩",
    ]
    tickets = {
        1: "A031",
        2: "A029",
        3: "C017",
        4: None,
        5: "B012",
        6: "B011",
        7: "E004",
        8: "F006",
        9: "G021",
        10: None,
        11: "J009",
        12: "H003",
    }
    windows = []
    for w in cat.windows:
        t = tickets.get(w.number)
        status = "paused" if w.number == 10 else ("serving" if t else "idle")
        windows.append(
            {
                "number": w.number,
                "name": w.name,
                "status": status,
                "clerk": names[w.number - 1],
                "categories": list(w.categories),
                "status_since": "2026-11-23T02:10:00+00:00",
                "ticket": {"number": t, "status": "serving"} if t else None,
            }
        )
    return {
        "categories": {c.prefix: c.name for c in cat.categories},
        "demo": True,
        "windows": windows,
        "waiting": {"A": 12, "B": 7, "C": 9, "D": 4, "E": 2, "F": 3, "G": 15, "H": 1, "J": 5},
        "recent_calls": [
            {"number": n, "window": w, "called_at": ""}
            for n, w in (("A031", 1), ("G021", 9), ("C017", 3), ("B012", 5), ("A029", 2), ("J009", 11))
        ],
        "notices": [
            {
                "id": "1",
                "text": "今日11:30-12:00系统升级，不动产登记暂停受理，请合理安排时间。",
                "audience": "all",
            },
            {
                "id": "2",
                "text": "60岁以上老年人、残疾人、军人可走绿色通道，请到服务台咨询。",
                "audience": "all",
            },
        ],
    }
