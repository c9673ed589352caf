#!/usr/bin/env bash
# Walk the Hotspot dialogs in the real QGIS desktop on an X screen of 1280 x 800 (Xvfb), with the plugin
# of this tree installed in a throwaway profile and a copy of the demo project open; the screenshots go
# to $HOTSPOT_TOUR (default /tmp/hotspot_look/desktop_real). Usage: scripts/desktop_tour.sh [locale]
set -euo pipefail
cd "$(dirname "$0")/.."
locale=${1:-nl}
export HOTSPOT_TOUR=${HOTSPOT_TOUR:-/tmp/hotspot_look/desktop_real}
work=$(mktemp -d /tmp/hotspot_tour.XXXXXX)
make --no-print-directory install QGIS_PROFILE_DIR="$work/profiles/default" >/dev/null
.venv/bin/python scripts/enable_plugin.py "$work/profiles/default" "$locale" >/dev/null
cp -r resources/demo "$work/demo"
rm -rf "$HOTSPOT_TOUR" && mkdir -p "$HOTSPOT_TOUR"
QT_QPA_PLATFORM=xcb timeout 900 xvfb-run -a -s "-screen 0 1280x800x24" \
  qgis --profiles-path "$work" --noversioncheck --nologo --code "$(realpath scripts/desktop_tour.py)" \
  "$work/demo/zuiderwaarde.qgs" >"$HOTSPOT_TOUR/qgis.log" 2>&1 || echo "qgis exit status $?"
cat "$HOTSPOT_TOUR/tour.txt"
echo "$HOTSPOT_TOUR (work files in $work)"
