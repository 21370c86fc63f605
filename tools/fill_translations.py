"""Fill unfinished entries of resources/translations/hall_zh_CN.ts from tools/translations_zh.json
(source text → Chinese). Run by tools/update_translations.sh between lupdate and lrelease; translators may
also edit the .ts in Qt Linguist — entries already finished are left alone."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "hall_zh_CN.ts"
GLOSSARY = ROOT / "tools" / "translations_zh.json"


def main() -> int:
    glossary: dict[str, str] = json.loads(GLOSSARY.read_text(encoding="utf-8"))
    tree = ET.parse(TS)
    missing: list[str] = []
    for msg in tree.iter("message"):
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        if tr is None:
            tr = ET.SubElement(msg, "translation")
        done = tr.get("type") not in ("unfinished", "vanished", "obsolete")
        if done and ((tr.text or "").strip() or tr.findall("numerusform")):
            continue
        zh = glossary.get(source)
        if zh is None:
            missing.append(source)
            continue
        if msg.get("numerus") == "yes":
            for child in list(tr):
                tr.remove(child)
            ET.SubElement(tr, "numerusform").text = zh
            tr.text = None
        else:
            tr.text = zh
        tr.attrib.pop("type", None)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"no Chinese yet: {source!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
