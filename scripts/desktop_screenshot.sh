#!/usr/bin/env bash
# Start the real QGIS desktop under Xvfb with the plugin installed and the demo project open,
# and save a screenshot (default build/desktop.png). Usage: scripts/desktop_screenshot.sh [png] [locale]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-build/desktop.png}")
locale=${2:-nl}
profiles=$(realpath -m build/shot-profile)
rm -rf "$profiles"
make --no-print-directory install QGIS_PROFILE_DIR="$profiles/profiles/default" >/dev/null
.venv/bin/python scripts/enable_plugin.py "$profiles/profiles/default" "$locale" >/dev/null
HOTSPOT_SHOT="$out" QT_QPA_PLATFORM=xcb timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" \
  qgis --profiles-path "$profiles" --noversioncheck --nologo --code scripts/desktop_grab.py \
  "$(realpath "${PROJECT:-resources/demo/zuiderwaarde.qgs}")" >/dev/null 2>&1 || true
cat "$out.txt"
echo "$out"
