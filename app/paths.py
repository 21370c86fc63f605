"""Where the product finds its shipped resources and keeps its user data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "hall"


def resources_dir() -> Path:
    """The `resources/` folder: next to the packages in a checkout or wheel, or inside a PyInstaller build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    """Per-user data folder (SQLite files, logs); HALL_DATA_DIR overrides it."""
    override = os.environ.get("HALL_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cjk_font_path() -> Path:
    """The shipped CJK font with Latin letters and digits too (WenQuanYi Micro Hei, Apache-2.0, TrueType
    outlines in a collection: face 0): used by Qt, reportlab and raster printing."""
    return resource("fonts", "wqy-microhei.ttc")
