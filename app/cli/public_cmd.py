"""`hall public`: the citizens' phone pages (issue 18), reading only the center's public API."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.config import Settings
from app.errors import ConfigError


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "public",
        help="serve the citizens' phone pages (ticket page with live updates)",
        description="The pages a citizen opens from the QR code of a ticket. The process holds no database "
        "and no credential: it reads the center's /api/v1/public/* (token-only) and its public event stream, "
        "so it can stand in the hall's DMZ while the center stays on the internal network. Set public_url "
        "(HALL_PUBLIC_URL) on the center and the kiosks to the address citizens reach this process at.",
    )
    p.add_argument("--center", metavar="URL", help="the center's base URL (default: settings center_url)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (0.0.0.0 behind the DMZ proxy)")
    p.add_argument("--port", type=int, default=8480)
    p.add_argument("--cert", type=Path, help="TLS certificate (PEM): serve HTTPS")
    p.add_argument("--key", type=Path, help="TLS private key (PEM)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from app.public.server import create_public_app

    if bool(args.cert) != bool(args.key):
        raise ConfigError("--cert and --key go together")
    center = (args.center or settings.center_url).rstrip("/")
    if not center.startswith(("http://", "https://")):
        raise ConfigError(f"--center must be an http(s) URL, not {center!r}")
    verify: bool | str = str(settings.center_ca_file) if settings.center_ca_file else True
    app = create_public_app(center, verify=verify)
    ssl = {"ssl_certfile": str(args.cert), "ssl_keyfile": str(args.key)} if args.cert else {}
    print(f"hall public: http{'s' if args.cert else ''}://{args.host}:{args.port}/t/<token>, /b to book (center {center})", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", **ssl)  # type: ignore[arg-type]
    return 0
