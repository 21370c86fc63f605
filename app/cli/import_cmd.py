"""`hall import`, `hall export`: the hall's reference data as an Excel workbook (departments, items with
their 办事指南, materials, queue categories, windows, staff)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.config import Settings
from app.errors import HallError
from app.i18n.cli import echo, say


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "import",
        help="load the hall's workbook (.xlsx) into the center database",
        description="Checks every cell first and lists each bad one (sheet, row, column, reason); writes "
        "nothing unless all is valid. A second import updates by code; items no longer listed are suspended, "
        "never deleted. --template FILE writes an empty workbook with a sheet documenting every column.",
    )
    p.add_argument("file", type=Path, nargs="?", help="the workbook to import")
    p.add_argument("--db", metavar="URL", help="the center database (default: settings db_url, else SQLite)")
    p.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    p.add_argument("--template", type=Path, metavar="FILE", help="write an empty workbook and stop")
    p.add_argument("--keep-missing", action="store_true", help="do not suspend items the workbook omits")
    p.set_defaults(func=run_import)

    e: argparse.ArgumentParser = sub.add_parser(
        "export", help="write the center's reference data as a hall workbook (.xlsx)"
    )
    e.add_argument("file", type=Path)
    e.add_argument("--db", metavar="URL")
    e.set_defaults(func=run_export)


def run_import(args: argparse.Namespace, settings: Settings) -> int:
    from app.workbook.reader import read_workbook

    if args.template:
        from app.workbook.writer import write_template

        print(f"wrote the empty workbook {write_template(args.template)}")
        return 0
    if args.file is None:
        raise HallError("give the workbook to import (or --template FILE)")
    parsed = read_workbook(args.file)
    for warning in parsed.warnings:
        echo("cli.warning", message=say(warning))
    cat = parsed.catalog
    print(
        f"{args.file}: valid — {len(cat.departments)} departments, {len(cat.categories)} categories, "
        f"{len(cat.items)} items, {sum(len(i.materials) for i in cat.items)} materials, "
        f"{len(cat.windows)} windows, {len(cat.staff)} staff"
    )
    if args.dry_run:
        print("dry run: nothing written")
        return 0
    from rich.progress import Progress

    from app.center.catalog_import import import_catalog
    from app.cli.db_cmd import default_center_url
    from app.store import migrate
    from app.store.db import Database

    db = Database(args.db or default_center_url(settings))
    try:
        migrate.upgrade(db.engine)
        with Progress(transient=True) as bar, db.write_session() as s:
            task = bar.add_task("importing items", total=max(len(cat.items), 1))

            def progress(stage: str, done: int, total: int) -> None:
                bar.update(task, completed=done, total=max(total, 1))

            report = import_catalog(
                s, cat, actor="hall import", progress=progress, suspend_missing=not args.keep_missing
            )
    finally:
        db.dispose()
    print(report.summary())
    return 0


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    from app.cli.db_cmd import default_center_url
    from app.store.catalog_export import catalog_from_db
    from app.workbook.writer import write_workbook

    cat = catalog_from_db(args.db or default_center_url(settings))
    write_workbook(cat, args.file)
    print(f"wrote {args.file}: {len(cat.items)} items, {len(cat.windows)} windows, {len(cat.staff)} staff")
    return 0
