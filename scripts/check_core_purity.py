#!/usr/bin/env python3
"""Fail when hotspot_plugin/core imports qgis, PyQt, osgeo or any other package of the QGIS layer."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "hotspot_plugin" / "core"
FORBIDDEN = ("qgis", "PyQt5", "PyQt6", "osgeo", "processing", "sip")


def violations():
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level and node.level > 1:
                    names = ["(relative import leaving core) " + (node.module or "")]
                elif node.level == 0:
                    names = [node.module or ""]
            for name in names:
                if name.split(".")[0] in FORBIDDEN or name.startswith("(relative"):
                    yield f"{path.name}:{node.lineno}: {name}"


if __name__ == "__main__":
    found = list(violations())
    for line in found:
        print(line)
    sys.exit(1 if found else 0)
