"""Run every benchmark of the project and write one markdown table, each figure beside its target and
its baseline: `python tests/perf/report.py [--out perf-report.md] [--skip NAME …]`.
Each benchmark is a script in tests/perf that prints `RESULT {…}` lines (tests/perf/result.py)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BENCHMARKS = [
    ("bench_idcard.py", []),
    ("bench_printer.py", []),
    ("bench_catalog_search.py", []),
    ("bench_counter.py", []),
    ("bench_kiosk_startup.py", []),
    ("bench_screen_latency.py", []),
    ("bench_public_pages.py", []),
    ("bench_sync.py", ["--db", "postgresql"]),
    ("bench_runtime.py", ["--db", "postgresql"]),
    ("bench_import.py", []),
    ("bench_access.py", []),
    ("bench_queue.py", ["--db", "postgresql"]),
    ("bench_queue.py", ["--db", "sqlite"]),
]


def machine() -> str:
    return (
        f"{os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"{dt.date.today().isoformat()}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=ROOT / "perf-report.md")
    ap.add_argument("--skip", nargs="*", default=[], help="benchmark script names to leave out")
    args = ap.parse_args()
    rows, failures = [], []
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    for script, extra in BENCHMARKS:
        if script in args.skip or script.removesuffix(".py") in args.skip:
            continue
        print(f"running {script} …", flush=True)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, str(HERE / script), *extra], capture_output=True, text=True, env=env, timeout=1800)
        took = time.perf_counter() - t0
        results = [json.loads(line[7:]) for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
        if proc.returncode != 0 or not results:
            failures.append((script, proc.stderr[-1500:]))
            continue
        for r in results:
            rows.append((script, r, took))
    lines = [
        "# Performance report",
        "",
        f"Machine: {machine()}. Produced by `python tests/perf/report.py`.",
        "",
        "| benchmark | what | figure | target | baseline |",
        "|---|---|---|---|---|",
    ]
    for script, r, _took in rows:
        lines.append(f"| `{script}` | {r['name']} | {r['figure']} | {r['target'] or '—'} | {r['baseline'] or '—'} |")
    for script, err in failures:
        lines.append(f"| `{script}` | FAILED | {err.strip().splitlines()[-1] if err.strip() else 'no RESULT lines'} | | |")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(f"\nwritten to {args.out}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
