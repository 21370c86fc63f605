"""Terminal text tables that stay aligned with Chinese text (East-Asian wide characters take 2 columns)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def fit(text: str, cols: int) -> str:
    """Cut to `cols` display columns (with … when cut) and pad with spaces to exactly `cols`."""
    if width(text) > cols:
        out, used = "", 0
        for ch in text:
            w = width(ch)
            if used + w > cols - 1:
                break
            out, used = out + ch, used + w
        text = out + "…"
    return text + " " * (cols - width(text))


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], max_cols: Sequence[int] | None = None
) -> str:
    cols = [width(h) for h in headers]
    for row in rows:
        cols = [max(c, width(v)) for c, v in zip(cols, row, strict=True)]
    if max_cols:
        cols = [min(c, m) for c, m in zip(cols, max_cols, strict=True)]
    lines = ["  ".join(fit(h, c) for h, c in zip(headers, cols, strict=True)).rstrip()]
    lines.append("  ".join("-" * c for c in cols))
    lines += ["  ".join(fit(v, c) for v, c in zip(row, cols, strict=True)).rstrip() for row in rows]
    return "\n".join(lines)
