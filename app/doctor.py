"""`hall doctor`'s checks: settings, the center (reachable, TLS, clock skew), the keyring, each device and
next year's working-day calendar. Each check says what is wrong and how to fix it. Qt-free."""

from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass
from urllib.parse import urlsplit

from app.config import DEVICE_EXAMPLES, Settings
from app.domain.clock import local_today, utcnow
from app.errors import HallError
from app.i18n.cli import say
from app.i18n.messages import msg
from app.paths import resource

MAX_SKEW_S = 60.0


@dataclass(frozen=True)
class Check:
    area: str
    level: str  # ok / warn / fail
    what: str
    fix: str = ""

    def line(self) -> str:
        mark = {"ok": "OK  ", "warn": "WARN", "fail": "FAIL"}[self.level]
        return f"[{mark}] {self.area}: {self.what}" + (f"\n       fix: {self.fix}" if self.fix else "")


def check_settings(settings: Settings, config_path: str | None) -> list[Check]:
    out = [Check("settings", "ok", f"read from {config_path or 'defaults and HALL_* variables (no hall.toml)'}")]
    if settings.language != "en" and not resource("translations", f"hall_{settings.language}.qm").is_file():
        out.append(Check("settings", "fail", f"the {settings.language} translation is not installed: the terminals would show English",
                         f"reinstall the package (resources/translations/hall_{settings.language}.qm)"))
    if settings.hall_code == "H01" and settings.hall_name == "政务服务中心":
        out.append(Check("settings", "warn", "hall_name and hall_code are the defaults", "set hall_name and hall_code in hall.toml"))
    return out


def check_tls(url: str) -> list[Check]:
    parts = urlsplit(url)
    if parts.scheme == "https" or parts.hostname in ("127.0.0.1", "localhost", "::1"):
        return []
    return [Check("center", "warn", f"{url} is not TLS: passwords and ID numbers cross the network in clear",
                  "serve the center with --cert/--key and use https:// in center_url (center_ca_file pins it)")]


def check_center(settings: Settings) -> list[Check]:
    import httpx

    url = settings.center_url.rstrip("/")
    out = check_tls(url)
    verify: bool | str = str(settings.center_ca_file) if settings.center_ca_file else True
    try:
        before = utcnow()
        r = httpx.get(f"{url}/api/v1/health", timeout=5, verify=verify)
        after = utcnow()
    except httpx.HTTPError as exc:
        return [*out, Check("center", "fail", f"{url} not reachable: {exc}", "start `hall center`, or set center_url to where it runs")]
    if r.status_code != 200:
        return [*out, Check("center", "fail", f"{url} answered {r.status_code}", "is center_url the hall center?")]
    body = r.json()
    out.append(Check("center", "ok", f"{url} reachable (hall {body.get('hall')!s}, database {body.get('database')!s})"))
    if body.get("demo"):
        out.append(Check("center", "warn", "the center has the demo accounts (admin/admin)", "a real hall starts with `hall init` on an empty database"))
    date = r.headers.get("date")
    if date:
        server = email.utils.parsedate_to_datetime(date)
        mid = before + (after - before) / 2
        skew = abs((server - mid).total_seconds())
        if skew > MAX_SKEW_S:
            out.append(Check("center", "fail", f"clock differs from the center's by {skew:.0f} s",
                             "synchronise this machine's clock (NTP): tickets and time limits use it"))
        else:
            out.append(Check("center", "ok", f"clock within {max(skew, 1):.0f} s of the center's"))
    return out


def check_keyring(settings: Settings) -> list[Check]:
    from app.sync.secrets_store import open_secret_store

    try:
        store = open_secret_store(settings)
    except HallError as exc:
        return [Check("keyring", "fail", "no place for this terminal's secrets", str(exc))]
    return [Check("keyring", "ok", f"secrets kept in {store.where}")]


def check_devices(settings: Settings) -> list[Check]:
    out = []
    d = settings.devices
    for key in DEVICE_EXAMPLES:
        name = str(msg(f"device.{key}"))
        url = getattr(d, key)
        if not url:
            out.append(Check("devices", "fail", f"no {name} configured", say(d.missing(key))))
            continue
        if str(url).startswith("sim://"):
            out.append(Check("devices", "warn", f"{name} is a simulator ({url})", f"set devices.{key} to the real device"))
            continue
        try:
            if key == "idcard_url":
                from app.devices.idcard import open_reader

                with open_reader(str(url), timeout_s=2):
                    pass
                out.append(Check("devices", "ok", f"{name} at {url} opens"))
            else:
                from printers.escpos.printer import EscposPrinter

                status = EscposPrinter(str(url)).status()
                if status is None:
                    out.append(Check("devices", "ok", f"{name} at {url} (this connection cannot report status)"))
                elif status.online and not status.paper_out and not status.cover_open:
                    out.append(Check("devices", "ok", f"{name} at {url} online"))
                else:
                    out.append(Check("devices", "fail", f"{name} at {url}: {status}", "check paper, cover and power"))
        except Exception as exc:  # a device check reports, whatever the device does
            out.append(Check("devices", "fail", f"{name} at {url}: {exc}", f"check the cable and devices.{key}"))
    return out


def check_papers() -> list[Check]:
    """The PDF papers (notices, decisions, reports) can be drawn here: reportlab, its barcode (QR) module,
    the shipped CJK font and the notice layouts are all present. A sample 受理通知书 is drawn to a temporary
    file, so a frozen bundle that left a part out fails here, not at a counter."""
    import tempfile
    from pathlib import Path

    try:
        import printers.case_notices  # noqa: F401  (the center's decision and 补正 papers)
        from printers.notices import AcceptanceNotice, Applicant, Header, MaterialLine, render_acceptance

        today = local_today()
        header = Header("政务服务中心", "H01〔样〕0001号", today, "政务服务中心")
        notice = AcceptanceNotice(
            header, Applicant("样例", "11010519491231002X"), "样例事项", "SAMPLE-0001", today, 5, today,
            [MaterialLine("身份证", originals=1)], "窗口领取", "sample",
        )
        with tempfile.TemporaryDirectory() as tmp:
            size = render_acceptance(notice, Path(tmp) / "sample.pdf").stat().st_size
    except Exception as e:
        return [Check("papers", "fail", f"PDF papers cannot be drawn: {type(e).__name__}: {e}",
                      "reinstall the package (reportlab, Pillow and resources/fonts must be present)")]
    return [Check("papers", "ok", f"PDF papers can be drawn (a sample 受理通知书 of {size} bytes)")]


def check_calendar(known_years: set[int], today: dt.date | None = None) -> list[Check]:
    today = today or local_today()
    nxt = today.year + 1
    if today.year not in known_years:
        return [Check("calendar", "fail", f"the working-day calendar of {today.year} is not entered",
                      f"hall calendar enter-year {today.year} --db URL … (or in the console)")]
    if nxt not in known_years:
        level = "fail" if today.month == 12 else "warn"
        return [Check("calendar", level, f"next year's ({nxt}) working-day calendar is not entered",
                      f"when the State Council publishes it (November): hall calendar enter-year {nxt} --db URL …")]
    return [Check("calendar", "ok", f"working days known for {today.year} and {nxt}")]
