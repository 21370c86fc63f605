"""The `hall` command: one entry point, one subcommand per job.

Subcommands are discovered, so that no module has to list them all:
- every `app/cli/*_cmd.py` module exposing `register(subparsers)`;
- every entry point in the `hall.commands` group (the Qt layers `ui` and `kiosk` register theirs this
  way, so the Qt-free core never imports them).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import entry_points
from typing import Any

from app import __version__
from app.errors import HallError

Register = Callable[[Any], None]


def _registrars() -> list[Register]:
    found: list[Register] = []
    import app.cli as cli_pkg

    for info in sorted(pkgutil.iter_modules(cli_pkg.__path__), key=lambda i: i.name):
        if info.name.endswith("_cmd"):
            module = importlib.import_module(f"app.cli.{info.name}")
            found.append(module.register)
    for ep in sorted(entry_points(group="hall.commands"), key=lambda e: e.name):
        try:
            found.append(ep.load())
        except ModuleNotFoundError as exc:
            if not _absent_part(exc):
                raise  # a bug, not a lean install
    return found


# What a lean install or bundle leaves out: the Qt terminals (`hall[center]`, the center bundle) or the
# server (`hall[terminal]`, the terminal bundle). Their commands are then missing or say so plainly.
QT_PARTS = ("PySide6", "shiboken6", "ui", "kiosk")
SERVER_PARTS = ("fastapi", "starlette", "uvicorn", "psycopg", "prometheus_client")


def _absent_part(exc: ModuleNotFoundError) -> str | None:
    top = (exc.name or "").split(".")[0]
    if top in QT_PARTS:
        return "the Qt terminals (install hall[terminal], or use the terminal bundle)"
    if top in SERVER_PARTS:
        return "the center server (install hall[center], or use the center bundle)"
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hall",
        description="One-stop government service hall: center server, kiosk, counter, queue screen.",
    )
    parser.add_argument("--version", action="version", version=f"hall {__version__}")
    parser.add_argument(
        "--config", metavar="FILE", help="settings file (TOML); default: HALL_CONFIG or the user config dir"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages to the console")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in _registrars():
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from app.config import load_settings
    from app.i18n.cli import echo, language_from, say, set_language
    from app.logs import setup_logging

    set_language(language_from(None))
    try:
        settings = load_settings(args.config)
    except HallError as exc:  # a bad settings file: one clear line and its exit code, no traceback
        echo("cli.error", message=say(exc), file=sys.stderr)
        return exc.exit_code
    # the output's language: the settings' when they name one, else the shell's (LANG), else Chinese
    set_language(language_from(settings.language if "language" in settings.model_fields_set else None))
    setup_logging(settings, console_debug=args.verbose, component=args.command)
    try:
        result = args.func(args, settings)
    except HallError as exc:
        echo("cli.error", message=say(exc), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except ModuleNotFoundError as exc:
        part = _absent_part(exc)
        if part is None:
            raise
        print(f"error: `hall {args.command}` needs {part}: {exc.name} is not installed here", file=sys.stderr)
        return 3
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
