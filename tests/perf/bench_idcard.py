"""A full card read (find → select → read text + photo) against the simulated reader at 115200 baud,
beside the wire time of its bytes (10 bits a byte). Target (issue 5): within 1.3× the wire time.
Run by hand: `python tests/perf/bench_idcard.py`."""

from __future__ import annotations

import statistics
import time

from app.devices.idcard import frames as f
from app.devices.idcard import open_reader
from app.devices.idcard.peer import IdCardPeer
from app.devices.idcard.sim import DEMO_CARDS, SimReader

BAUD = 115200
RUNS = 30


def wire_seconds() -> float:
    commands = [f.command(c) for c in (f.FIND_CARD, f.SELECT_CARD, f.READ_TEXT_PHOTO)]
    answers = [15, 19, 1295]  # find OK, select OK, text + photo
    return (sum(map(len, commands)) + sum(answers)) * 10 / BAUD


def measure(url: str) -> list[float]:
    times = []
    with open_reader(url) as r:
        r.read_card()  # warm up
        for _ in range(RUNS):
            t0 = time.perf_counter()
            r.read_card()
            times.append(time.perf_counter() - t0)
    return times


def main() -> int:
    wire = wire_seconds()
    sim = measure(f"sim://bench?card=zhangsan&baud={BAUD}")
    peer = IdCardPeer(SimReader(DEMO_CARDS["zhangsan"]), baud=BAUD).start()
    try:
        sock = measure(peer.url)
    finally:
        peer.stop()
    print(f"full card read at {BAUD} baud, {RUNS} reads; wire time of the bytes {wire * 1000:.1f} ms")
    for name, t in (("sim:// (in-process line)", sim), ("socket:// (pyserial over TCP)", sock)):
        med = statistics.median(t)
        print(f"  {name:32s} median {med * 1000:6.1f} ms  p95 {sorted(t)[int(0.95 * len(t)) - 1] * 1000:6.1f} ms  ratio {med / wire:.2f}× (target ≤ 1.3×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
