"""What a printer model can do, from python-escpos's printer database plus our Chinese-mode commands.

python-escpos's profiles (`capabilities.json`) tell whether a model prints QR codes natively and which
cuts it has. They know nothing of Chinese mode, so the FS & / FS . pair (enter and leave GB18030
Chinese character mode, understood by Chinese-market printers) is ours and can be set per profile.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from app.i18n.messages import msg
from printers.escpos.commands import CHINESE_OFF, CHINESE_ON
from printers.escpos.errors import PrinterError


@dataclass(frozen=True)
class PrinterProfile:
    name: str = "default"
    chinese_on: bytes = CHINESE_ON
    chinese_off: bytes = CHINESE_OFF
    encoding: str = "gb18030"
    native_qr: bool = True
    cut: Literal["partial", "full", "none"] = "partial"


@lru_cache(maxsize=1)
def _escpos_profiles() -> dict[str, Any]:
    # read the JSON directly: importing escpos.capabilities configures the root logger as a side effect
    text = resources.files("escpos").joinpath("capabilities.json").read_text(encoding="utf-8")
    profiles: dict[str, Any] = json.loads(text)["profiles"]
    return profiles


def profile_names() -> list[str]:
    return sorted(_escpos_profiles())


def load_profile(name: str = "default") -> PrinterProfile:
    data = _escpos_profiles().get(name)
    if data is None:
        raise PrinterError(
            msg("printer.unknown_profile", name=name, known=", ".join(profile_names())),
            code="printer_profile",
        )
    features: dict[str, bool] = data.get("features", {})
    cut: Literal["partial", "full", "none"] = (
        "partial" if features.get("paperPartCut") else "full" if features.get("paperFullCut") else "none"
    )
    return PrinterProfile(name=name, native_qr=bool(features.get("qrCode")), cut=cut)
