"""One line per figure, for `tests/perf/report.py`: `RESULT {"name", "figure", "target", "baseline"}`."""

from __future__ import annotations

import json


def emit(name: str, figure: str, target: str = "", baseline: str = "") -> None:
    print("RESULT " + json.dumps({"name": name, "figure": figure, "target": target, "baseline": baseline}, ensure_ascii=False), flush=True)
