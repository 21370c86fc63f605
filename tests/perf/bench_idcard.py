"""A full card read (find → select → read text + photo) against the simulated reader at 115200 baud, beside
the wire time of its bytes (10 bits a byte, both directions). Target: within 1.3× the wire time.
The simulator paces every byte at the line speed, so the ratio measures what the driver adds.
Run by hand: `python tests/perf/bench_idcard.py`."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.devices.idcard import frames as f
from app.devices.idcard import open_reader
from app.devices.idcard.peer import IdCardPeer
from app.devices.idcard.sim import SimReader
from tests.perf.result import emit

BAUD = 115200
RUNS = 30
TARGET = 1.3


def wire_bytes() -> int:
    """Bytes on the line for one read: three commands and their answers (find OK 15, select OK 19, the
    text + photo answer 1,295: 7 header + 3 SW + 4 lengths + 256 + 1024 + 1 checksum)."""
    commands = [f.command(c) for c in (f.FIND_CARD, f.SELECT_CARD, f.READ_TEXT_PHOTO)]
    answers = [
        f.response(0x9F, bytes(4)),
        f.response(0x90, bytes(8)),
        f.response(0x90, bytes(4 + 256 + 1024)),
    ]
    assert [len(a) for a in answers] == [15, 19, 1295]
    return sum(map(len, commands)) + sum(map(len, answers))


def measure(url: str) -> list[float]:
    times = []
    with open_reader(url) as r:
        r.read_card()  # warm up
        for _ in range(RUNS):
            t0 = time.perf_counter()
            card = r.read_card()
            times.append(time.perf_counter() - t0)
            assert card.name == "张三"
    return times


def main() -> int:
    wire = wire_bytes() * 10 / BAUD
    sim = measure(f"sim://bench?card=zhangsan&baud={BAUD}")
    with IdCardPeer("127.0.0.1", 0, SimReader("zhangsan"), baud=BAUD) as peer:
        sock = measure(peer.url)
    print(
        f"full card read at {BAUD} baud, {RUNS} reads; {wire_bytes()} bytes on the line = wire time {wire * 1000:.1f} ms"
    )
    worst = 0.0
    for name, t in (
        ("sim:// (in-process line)", sim),
        ("socket:// (pyserial over TCP)", sock),
    ):
        med, p95 = statistics.median(t), sorted(t)[int(0.95 * len(t)) - 1]
        worst = max(worst, med / wire)
        print(
            f"  {name:32s} median {med * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms  ratio {med / wire:.2f}× (target ≤ {TARGET}×)"
        )
        emit(
            f"ID-card full read at {BAUD} baud, {name}",
            f"median {med * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms = {med / wire:.2f}× the wire time",
            f"≤ {TARGET}× wire time",
            f"wire time of the {wire_bytes()} bytes: {wire * 1000:.1f} ms",
        )
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
