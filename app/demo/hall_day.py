"""The demo hall as real processes: the center (`hall center`, SQLite file or PostgreSQL) and the
terminals (`hall kiosk`, `hall counter`, `hall screen` … or, offscreen, `hall demo-play ROLE`), all with
simulated devices, configured by one settings file in the demo folder. Qt-free: it only starts
processes, talks HTTP to the center and reads the terminals' caches for the replication check."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import logging
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from app.center.embedded import free_port
from app.config import Settings, load_settings
from app.demo.day import StaffSession, publish_next_year
from app.domain.clock import local_today
from app.errors import ConfigError
from app.store import models as m
from app.store.db import Database
from app.sync.cache import TerminalCache
from app.sync.terminal import cache_path, enroll, open_terminal

log = logging.getLogger("hall.demo")

TERMINALS = (
    ("kiosk-1", "kiosk"),
    ("counter-1", "counter"),
    ("counter-3", "counter"),
    ("screen-1", "screen"),
)
LOCAL_RECORDS = (m.Case, m.Rating, m.AuditEvent)


def hall_command() -> list[str]:
    """How to start `hall` again: the frozen executable itself, or this interpreter with the CLI module."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "app.cli.main"]


def center_command() -> list[str]:
    """How to start `hall center`: `hall` itself, or, from a terminal bundle (which has no server), the
    center bundle installed beside it (dist/hall-center, /opt/hall-center) or named by HALL_CENTER_COMMAND."""
    explicit = os.environ.get("HALL_CENTER_COMMAND")
    if explicit:
        return shlex.split(explicit)
    if getattr(sys, "frozen", False) and importlib.util.find_spec("uvicorn") is None:
        name = "hall-center.exe" if os.name == "nt" else "hall-center"
        here = Path(sys.executable).resolve().parent
        for candidate in (here.parent / "hall-center" / name, here / name, Path("/opt/hall-center") / name):
            if candidate.exists():
                return [str(candidate)]
        found = shutil.which("hall-center")
        if found:
            return [found]
        raise ConfigError(
            "the center server is not part of this bundle: install the center bundle (hall-center) beside "
            "it, or set HALL_CENTER_COMMAND"
        )
    return hall_command()


class DemoHall:
    def __init__(self, out: Path, *, db_url: str | None = None, port: int | None = None) -> None:
        self.out = out.resolve()
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data = self.out / "data"
        self.db_url = db_url or f"sqlite:///{self.data / 'center.db'}"
        self.config = self.out / "hall.toml"
        self.center: subprocess.Popen[bytes] | None = None
        self.events: list[dict[str, Any]] = []

    # ------------------------------------------------------------------ set-up
    def write_config(self) -> Path:
        for sub in ("data", "prints", "documents", "screenshots", "logs"):
            (self.out / sub).mkdir(parents=True, exist_ok=True)
        self.config.write_text(
            "\n".join(
                [
                    "# The demo hall's settings: every terminal of the demo reads this file (HALL_CONFIG).",
                    'hall_name = "示范政务服务中心"',
                    f'data_dir = "{self.data.as_posix()}"',
                    f'keyring_file = "{(self.data / "secrets.cfg").as_posix()}"',
                    f'center_url = "{self.url}"',
                    "",
                    "[devices]",
                    'idcard_url = "sim://demo?card=zhangsan"',
                    f'ticket_printer_url = "sim://{(self.out / "prints").as_posix()}"',
                    f'receipt_printer_url = "sim://{(self.out / "prints").as_posix()}"',
                    'voice_backend = "chime"',
                    "",
                    "[kiosk]",
                    'admin_pin = "2468"',
                    "sms_reminder = true",
                    "",
                    "# messages to citizens' phones: JSON lines in data/sms instead of a provider's SMS",
                    "[notify]",
                    'channel = "file"',
                    f'file_dir = "{(self.data / "sms").as_posix()}"',
                    "",
                ]
            ),
            encoding="utf-8",
        )
        return self.config

    def env(self) -> dict[str, str]:
        """The demo's processes read the demo's settings file only: HALL_* variables of the caller (which
        would take precedence over the file) are left out."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("HALL_")}
        return dict(env, HALL_CONFIG=str(self.config), HALL_MANAGER_PASSWORD="manager", PYTHONUNBUFFERED="1")

    def settings(self) -> Settings:
        return load_settings(
            self.config, data_dir=self.data, keyring_file=self.data / "secrets.cfg", center_url=self.url
        )

    def start_center(self, seed: bool = True) -> None:
        cmd = [*center_command(), "center", "--db", self.db_url, "--port", str(self.port)]
        if seed:
            cmd.append("--seed-demo")
        log_file = (self.out / "logs" / "center.out").open("ab")
        self.center = subprocess.Popen(cmd, env=self.env(), stdout=log_file, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.center.poll() is not None:
                raise RuntimeError(f"the center exited with {self.center.returncode}; see {log_file.name}")
            try:
                if httpx.get(f"{self.url}/api/v1/health", timeout=1).status_code == 200:
                    self.note("center up", pid=self.center.pid)
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError("the center did not come up within 60 s")

    def stop_center(self) -> None:
        if self.center is not None and self.center.poll() is None:
            self.center.terminate()
            try:
                self.center.wait(15)
            except subprocess.TimeoutExpired:
                self.center.kill()
            self.note("center stopped")
        self.center = None

    def enroll_all(self) -> None:
        settings = self.settings()
        for name, kind in TERMINALS:
            if not cache_path(settings, name).exists():
                enroll(settings, self.url, kind, name, admin_user="admin", admin_password="admin")
            term = open_terminal(settings, name)
            term.engine.sync_once()
            term.close()
        self.note("terminals enrolled", terminals=[n for n, _k in TERMINALS])

    def calendar(self) -> None:
        """Deadlines of late-year cases reach into next year: enter a provisional arrangement for it (demo)."""
        year = publish_next_year(self.url)
        if year is not None:
            self.note("provisional calendar entered for the demo", year=year)

    def note(self, what: str, **detail: Any) -> None:
        self.events.append({"at": dt.datetime.now().isoformat(timespec="seconds"), "what": what, **detail})
        print(f"[demo] {what}", flush=True)

    # ------------------------------------------------------------------ running terminals
    def play(self, role: str, *args: str, timeout: float = 300) -> dict[str, Any]:
        """One terminal's part of the day in its own process (offscreen); returns its JSON report."""
        cmd = [*hall_command(), "demo-play", role, "--out", str(self.out), *args]
        env = dict(self.env(), QT_QPA_PLATFORM="offscreen")
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
        (self.out / "logs" / f"{role}{'-' + '-'.join(args) if args else ''}.out").write_text(
            proc.stdout + proc.stderr, encoding="utf-8"
        )
        if proc.returncode != 0:
            raise RuntimeError(f"demo-play {role} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
        report: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
        self.note(f"played {role}", **{k: v for k, v in report.items() if k != "shots"})
        return report

    def other_windows(self) -> dict[str, int]:
        """Windows without a demo terminal serve through the API, as their own counters would."""
        mgr = StaffSession(self.url, "manager", "manager")
        served = no_shows = 0
        for window, category in ((2, "A"), (5, "B"), (6, "B"), (9, "G")):
            clerk = StaffSession(self.url, f"clerk{window:02d}", "clerk", window)
            clerk.post(f"/windows/{window}/open")
            for i in range(3):
                mgr.post("/tickets", category=category)
                got = clerk.post(f"/windows/{window}/call-next")
                if not got:
                    continue
                tid = got["ticket"]["id"]
                if window == 6 and i == 1:
                    clerk.post(f"/tickets/{tid}/no-show")
                    no_shows += 1
                    continue
                clerk.post(f"/tickets/{tid}/start")
                clerk.post(f"/tickets/{tid}/finish")
                served += 1
        mgr.post("/notices", text="今日11:30-12:00系统升级，不动产登记暂停受理，请合理安排时间。")
        self.note("other windows served", served=served, no_shows=no_shows)
        return {"served": served, "no_shows": no_shows}

    def book_appointments(self) -> list[str]:
        mgr = StaffSession(self.url, "manager", "manager")
        a = mgr.post("/appointments", category="C", name="王芳", code="20261122", id_number="36070219920315002X")
        return [str(a["code"])]

    def sync_all(self, rounds: int = 4) -> None:
        settings = self.settings()
        for name, _kind in TERMINALS:
            term = open_terminal(settings, name)
            for _ in range(rounds):
                status = term.engine.sync_once()
                if status.online and status.pending_ops == 0:
                    break
            term.close()
        self.note("terminals synced")

    # ------------------------------------------------------------------ checks
    def replication_check(self) -> dict[str, Any]:
        """Records born at each terminal, counted in its own cache and at the center."""
        settings = self.settings()
        center = Database(self.db_url)
        report: dict[str, Any] = {}
        try:
            with center.read_session() as cs:
                for name, _kind in TERMINALS:
                    cache = TerminalCache(cache_path(settings, name))
                    ident = cache.get_state("identity")
                    tid = __import__("uuid").UUID(ident["terminal_id"])
                    with cache.db.read_session() as ts:
                        local = {
                            "cases": ts.scalar(select(func.count()).select_from(m.Case).where(m.Case.origin_terminal_id == tid)),
                            "ratings": ts.scalar(select(func.count()).select_from(m.Rating).where(m.Rating.origin_terminal_id == tid)),
                            "audit_events": ts.scalar(select(func.count()).select_from(m.AuditEvent).where(m.AuditEvent.terminal_id == tid)),
                            "offline_tickets": ts.scalar(select(func.count()).select_from(m.Ticket).where(m.Ticket.source == "offline")),
                            "pending_ops": ts.scalar(
                                select(func.count()).select_from(m.OutboxOp).where(m.OutboxOp.status == "pending")
                            ),
                        }
                    cache.close()
                    at_center = {
                        "cases": cs.scalar(select(func.count()).select_from(m.Case).where(m.Case.origin_terminal_id == tid)),
                        "ratings": cs.scalar(select(func.count()).select_from(m.Rating).where(m.Rating.origin_terminal_id == tid)),
                        "audit_events": cs.scalar(select(func.count()).select_from(m.AuditEvent).where(m.AuditEvent.terminal_id == tid)),
                        "offline_tickets": cs.scalar(
                            select(func.count()).select_from(m.Ticket).where(m.Ticket.source == "offline", m.Ticket.issued_by == tid)
                        ),
                    }
                    match = all(local[k] == at_center[k] for k in at_center) and local["pending_ops"] == 0
                    report[name] = {"terminal": local, "center": at_center, "match": match}
        finally:
            center.dispose()
        report["all_match"] = all(v["match"] for v in report.values() if isinstance(v, dict))
        return report

    def statistics(self) -> dict[str, Any]:
        mgr = StaffSession(self.url, "manager", "manager")
        stats = mgr.get("/stats/daily")
        center = Database(self.db_url)
        try:
            with center.read_session() as s:
                cases = {k.value: v for k, v in s.execute(select(m.Case.status, func.count()).group_by(m.Case.status)).all()}
                ratings = {str(k): v for k, v in s.execute(select(m.Rating.level, func.count()).group_by(m.Rating.level)).all()}
                rect = s.scalar(select(func.count()).select_from(m.Rectification))
                feedback = s.scalar(select(func.count()).select_from(m.Feedback))
        finally:
            center.dispose()
        return {"queue": stats, "cases_by_status": cases, "ratings_by_level": ratings, "rectifications": rect, "feedback": feedback}

    # ------------------------------------------------------------------ the scripted day
    def offscreen_day(self) -> dict[str, Any]:
        started = time.monotonic()
        self.write_config()
        self.start_center()
        try:
            self.calendar()
            self.enroll_all()
            codes = self.book_appointments()
            kiosk = self.play("kiosk", "--appointment", codes[0])
            c1 = self.play("counter", "--window", "1", "--name", "counter-1")
            c3 = self.play("counter", "--window", "3", "--name", "counter-3")
            others = self.other_windows()
            self.play("screen")
            self.play("console")
            self.stop_center()
            kiosk_off = self.play("kiosk", "--offline")
            counter_off = self.play("counter", "--window", "1", "--name", "counter-1", "--offline")
            self.start_center(seed=False)
            self.sync_all()
            self.play("screen", "--suffix", "evening")
            self.play("console", "--suffix", "evening")
            summary = {
                "hall": "示范政务服务中心",
                "day": local_today().isoformat(),
                "center_db": self.db_url.split("://")[0],
                "statistics": self.statistics(),
                "replication": self.replication_check(),
                "terminals": {"kiosk": kiosk, "counter-1": c1, "counter-3": c3, "kiosk-offline": kiosk_off, "counter-1-offline": counter_off, "other_windows": others},
                "screenshots": sorted(p.name for p in (self.out / "screenshots").glob("*.png")),
                "prints": sorted(p.name for p in (self.out / "prints").glob("*.png")),
                "documents": sorted(p.name for p in (self.out / "documents").rglob("*.pdf")),
                "events": self.events,
                "seconds": round(time.monotonic() - started, 1),
            }
        finally:
            self.stop_center()
        (self.out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
        return summary
