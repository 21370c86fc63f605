"""The center's CPU time per queue request, a figure the machine's load barely moves (unlike latency):
`python tests/perf/profile_queue_cpu.py [--db postgresql|sqlite] [--what issue|call] [--per-client 40]`.

The center runs in this process (uvicorn in a thread) and 8 clients in a child process post tickets (or
call-next + finish); the server's user + system CPU time over the run divided by the requests it answered
is printed beside the same run's request rate and latency. Run it from another checkout to compare."""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import uvicorn

from app.center.app import create_app
from app.center.embedded import free_port
from app.config import Settings
from app.store.db import Database
from tests.perf import bench_queue as b

CLIENTS = """
import sys, time, uuid
sys.path.insert(0, {root!r})
from tests.perf import bench_queue as b
base, what, n = {base!r}, {what!r}, {n}
tok = b.token(base)
lat = []
def client(i):
    h = b.client(base, tok)
    for j in range(n):
        t0 = time.perf_counter()
        if what == "issue":
            h.post("/tickets", json={{"category": "AB"[(i + j) % 2], "request_id": str(uuid.uuid4())}}).raise_for_status()
        else:
            r = h.post(f"/windows/{{i + 1}}/call-next")
            r.raise_for_status()
            h.post(f"/tickets/{{r.json()['ticket']['id']}}/finish").raise_for_status()
        lat.append(time.perf_counter() - t0)
elapsed = b.threads(8, client)
print(f"{{len(lat) / elapsed:.0f}} {{what}}s/s, p50 {{b.ms(b.pct(lat, 50))}}, p95 {{b.ms(b.pct(lat, 95))}}")
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", choices=["sqlite", "postgresql"], default="postgresql")
    ap.add_argument("--what", choices=["issue", "call"], default="issue")
    ap.add_argument("--per-client", type=int, default=40)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="hall-cpu-"))
    url = b.make_db(args.db, tmp)
    try:
        b.seed(url, 60)
        b.reset_queue(url)
        if args.what == "call":
            b.prefill(url, args.per_client * 8)
        db = Database(url)
        server = uvicorn.Server(
            uvicorn.Config(create_app(db, Settings(data_dir=tmp)), port=free_port(), log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{server.config.port}/api/v1"
        code = CLIENTS.format(root=str(Path(__file__).resolve().parents[2]), base=base, what=args.what, n=args.per_client)
        before = resource.getrusage(resource.RUSAGE_SELF)
        subprocess.run([sys.executable, "-c", code], check=True)
        after = resource.getrusage(resource.RUSAGE_SELF)
        requests = 8 * args.per_client * (2 if args.what == "call" else 1) + 1  # + the login
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        print(f"center CPU per request ({args.db}, {args.what}): {cpu / requests * 1000:.1f} ms")
        server.should_exit = True
        thread.join(10)
        db.dispose()
    finally:
        b.drop_db(url)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
