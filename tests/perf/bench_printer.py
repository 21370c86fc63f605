"""Ticket bytes: from the ticket's data to the ESC/POS job (layout + rendering), for both paper widths and
both ways of printing Chinese. Target (issue 5): under 20 ms. Run by hand: `python tests/perf/bench_printer.py`."""

from __future__ import annotations

import statistics
import time

from printers.escpos.render_escpos import render_job
from printers.escpos.samples import sample_ticket
from printers.escpos.slips import build_ticket
from tests.perf.result import emit

RUNS = 200


def main() -> int:
    data = sample_ticket("示范政务服务中心")
    print(f"ticket bytes built {RUNS} times each (layout + ESC/POS rendering):")
    for width in (58, 80):
        for chinese in ("gb18030", "raster"):
            render_job(build_ticket(data, width), chinese)  # warm up (fonts, profiles)
            times, size = [], 0
            for _ in range(RUNS):
                t0 = time.perf_counter()
                job = render_job(build_ticket(data, width), chinese)
                times.append(time.perf_counter() - t0)
                size = len(job)
            p95 = sorted(times)[int(0.95 * RUNS) - 1]
            print(f"  {width} mm {chinese:8s} {size:6d} bytes  median {statistics.median(times) * 1000:5.2f} ms  p95 {p95 * 1000:5.2f} ms  (target < 20 ms)")
            emit(f"ticket bytes, {width} mm, {chinese}", f"p95 {p95 * 1000:.2f} ms ({size} bytes)", "< 20 ms", "the printer prints ~150 mm/s: a ticket takes ~1 s on paper")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
