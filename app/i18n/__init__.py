"""The one translation catalogue, for the layers without Qt too.

Every text a user may see is written once, in English, and translated in
`resources/translations/hall_zh_CN.ts` (Qt Linguist; filled from tools/translations_zh.json by
tools/update_translations.sh, which runs lupdate over `app/` as well as the Qt layers).

- Qt layers translate with `tr()` / `QCoreApplication.translate(context, source)`: the compiled .qm.
- Code without Qt (the core, the center, the public phone pages) marks its texts with
  `QT_TRANSLATE_NOOP(context, source)` so lupdate finds them, and looks them up with `translate()`,
  which reads the same .ts file (no Qt needed).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache

from app.paths import resource

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate looks for
    """Mark `source` for translation under `context`; returns it unchanged."""
    return source


@lru_cache(maxsize=4)
def catalogue(language: str) -> dict[tuple[str, str], str]:
    """(context, English source) → translation, for a language other than English."""
    if language == "en":
        return {}
    path = resource("translations", f"hall_{language}.ts")
    table: dict[tuple[str, str], str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            text = tr.text or "".join(n.text or "" for n in tr.findall("numerusform")[:1])
            if text:
                table[(name, msg.findtext("source") or "")] = text
    return table


def translate(context: str, source: str, language: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """`source` in `language` (English when no translation is known), with `{name}` params filled."""
    text = catalogue(language).get((context, source), source)
    return text.format(**params) if params else text
