"""What a damaged terminal cache still holds, saved into the fresh one: SQLite's `.recover` (the sqlite3
command-line tool) reads every page it still can into a clean database; without the tool, each table is
read row by row in Python as far as it goes. The records, the outbox's unsent ops and the numbering
counters are copied over, so committed cases are not left behind in the damaged file: their ops are
pushed again (the center applies each op once, by its id). The pull cursor is not kept: the reference
data is pulled again from the start."""

from __future__ import annotations

import logging
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("hall.sync.cache")
FORGET_STATE = ("pull_cursor", "center_seq", "sync_status", "numbering_resumed")
SKIP_TABLES = ("alembic_version", "sqlite_sequence")


@dataclass
class Salvage:
    method: str = ""
    rows: dict[str, int] = field(default_factory=dict)  # table → rows copied
    pending_ops: int = 0
    error: str = ""

    def describe(self) -> str:
        if self.error:
            return f"nothing salvaged ({self.error})"
        copied = ", ".join(f"{t}: {n}" for t, n in sorted(self.rows.items()) if n)
        return f"salvaged with {self.method}: {self.pending_ops} unsent op(s); {copied or 'no rows'}"


def recover_copy(damaged: Path, out: Path) -> str:
    """A clean database at `out` with what `damaged` still holds; returns how it was read."""
    out.unlink(missing_ok=True)
    tool = shutil.which("sqlite3")
    if tool:
        try:
            done = subprocess.run(
                [tool, str(damaged), ".recover"], capture_output=True, timeout=300, check=False
            )
            sql = done.stdout.decode("utf-8", "replace")
            if done.returncode != 0:
                log.warning("sqlite3 .recover failed: %s", done.stderr.decode("utf-8", "replace").strip()[:200])
            elif sql.strip():
                conn = sqlite3.connect(out)
                try:
                    conn.executescript(sql)
                    conn.commit()
                finally:
                    conn.close()
                return "sqlite3 .recover"
        except (OSError, subprocess.SubprocessError, sqlite3.Error) as exc:
            log.warning("sqlite3 .recover failed (%s): reading the tables in Python", exc)
            out.unlink(missing_ok=True)
    _python_recover(damaged, out)
    return "row-by-row read"


def _python_recover(damaged: Path, out: Path) -> None:
    src = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
    dst = sqlite3.connect(out)
    try:
        tables = src.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL").fetchall()
        for name, ddl in tables:
            if name.startswith("sqlite_"):
                continue
            dst.execute(ddl)
            try:
                cur = src.execute(f'SELECT * FROM "{name}"')
                while True:
                    try:
                        row = cur.fetchone()
                    except sqlite3.DatabaseError:
                        break  # the rest of this table is unreadable
                    if row is None:
                        break
                    marks = ",".join("?" * len(row))
                    dst.execute(f'INSERT OR IGNORE INTO "{name}" VALUES ({marks})', row)
            except sqlite3.DatabaseError as exc:
                log.warning("table %s of the damaged cache is unreadable: %s", name, exc)
        dst.commit()
    finally:
        src.close()
        dst.close()


def salvage_into(damaged: Path, fresh: Path) -> Salvage:
    """Copy what `damaged` still holds into the (migrated, empty) cache at `fresh`."""
    report = Salvage()
    recovered = damaged.with_name(damaged.name + ".recovered")
    try:
        report.method = recover_copy(damaged, recovered)
        conn = sqlite3.connect(fresh, isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys = OFF")
            conn.execute("ATTACH DATABASE ? AS old", (str(recovered),))
            old_tables = {r[0] for r in conn.execute("SELECT name FROM old.sqlite_master WHERE type = 'table'")}
            conn.execute("BEGIN IMMEDIATE")
            for (table,) in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'").fetchall():
                if table in SKIP_TABLES or table.startswith("sqlite_") or table not in old_tables:
                    continue
                new_cols = [r[1] for r in conn.execute(f'PRAGMA main.table_info("{table}")')]
                old_cols = {r[1] for r in conn.execute(f'PRAGMA old.table_info("{table}")')}
                cols = ", ".join(f'"{c}"' for c in new_cols if c in old_cols)
                where = " WHERE status != 'applied'" if table == "outbox" else ""
                cur = conn.execute(
                    f'INSERT OR IGNORE INTO main."{table}" ({cols}) SELECT {cols} FROM old."{table}"{where}'
                )
                report.rows[table] = cur.rowcount
            marks = ",".join("?" * len(FORGET_STATE))
            conn.execute(f"DELETE FROM main.sync_state WHERE key IN ({marks})", FORGET_STATE)
            conn.execute("COMMIT")
            report.pending_ops = conn.execute("SELECT count(*) FROM main.outbox WHERE status = 'pending'").fetchone()[0]
            conn.execute("DETACH DATABASE old")
        finally:
            conn.close()
    except (OSError, sqlite3.Error) as exc:
        report.error = f"{type(exc).__name__}: {exc}"
        log.error("salvage of %s failed: %s", damaged, exc)
    finally:
        recovered.unlink(missing_ok=True)
    return report
