"""End to end through real processes: `hall demo --offscreen` starts the center (`hall center`, on
PostgreSQL and on a SQLite file) and plays the day in separate terminal processes (kiosk, two counters,
queue screen, manager console) over real HTTP, with the center stopped and restarted mid-day. The summary
it writes is checked, and so are its files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
def test_a_hall_day_through_real_processes(db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "demo"
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli.main", "demo", "--offscreen", str(out), "--db", db_url],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["center_db"].startswith("postgresql" if "postgresql" in db_url else "sqlite")

    # replication: every record born at a terminal is at the center, once, and nothing waits
    rep = summary["replication"]
    assert rep["all_match"] is True
    assert rep["counter-1"]["center"]["cases"] == 4  # three decisions online, one while the center was down
    assert rep["kiosk-1"]["center"]["offline_tickets"] == 1

    # the day: acceptances of each kind, ratings good and bad, the bad one opened a rectification
    stats = summary["statistics"]
    assert {"deferred", "refused", "notified", "approved", "accepted"} <= set(stats["cases_by_status"])
    assert stats["ratings_by_level"].get("5", 0) >= 1 and stats["ratings_by_level"].get("2", 0) >= 1
    assert stats["rectifications"] >= 1 and stats["feedback"] >= 1
    assert stats["queue"]["total"]["issued"] >= 20 and stats["queue"]["total"]["no_show"] >= 1
    terminals = summary["terminals"]
    assert terminals["kiosk"]["refused"] is True and terminals["kiosk-offline"]["offline_tickets"] == 1
    assert "叫号需要连接中心" in terminals["counter-1-offline"]["call_message"]
    assert "离线" in terminals["counter-1-offline"]["status"]

    # the files: screenshots of every terminal, printed tickets and receipts, the notices
    shots = set(summary["screenshots"])
    for prefix in ("kiosk-", "counter-", "screen-", "console-"):
        assert any(s.startswith(prefix) for s in shots), prefix
    assert all((out / "screenshots" / s).stat().st_size > 10_000 for s in shots)
    assert len(summary["prints"]) >= 10
    docs = summary["documents"]
    for kind in ("受理通知书", "容缺受理承诺书", "不予受理通知书", "一次性告知书"):
        assert any(kind in d for d in docs), kind
    pdf = next((out / "documents").rglob("*一次性告知书.pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "一次性告知" in text and "示范政务服务中心" in text
