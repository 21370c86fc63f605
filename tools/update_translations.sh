#!/usr/bin/env bash
# Refresh the Chinese translation from the tr() strings of the Qt layers, then compile it.
# Translators edit resources/translations/hall_zh_CN.ts (Qt Linguist); the .qm is what ships.
set -euo pipefail
cd "$(dirname "$0")/.."
pyside6-lupdate $(find ui kiosk app -name "*.py" | sort) -ts resources/translations/hall_zh_CN.ts -target-language zh_CN -no-obsolete
python3 tools/fill_translations.py
pyside6-lrelease resources/translations/hall_zh_CN.ts -qm resources/translations/hall_zh_CN.qm
