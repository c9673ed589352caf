#!/usr/bin/env python3
"""Build the plugin zip the QGIS plugin repository accepts.

One top folder ``hotspot_plugin`` with the Python package, metadata.txt, LICENSE and the
resources the plugin uses (icons, styles, help, catalogues, templates, compiled
translations); no demo data, no .pyc/__pycache__/.git, no compiled binaries besides .qm.
"""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP = "hotspot_plugin"
SKIP_DIRS = {"__pycache__", ".git", "demo", "docs"}
SKIP_SUFFIXES = {".pyc", ".pyo", ".so", ".pyd", ".dll", ".exe", ".ts"}


def _files(base: Path):
    for path in sorted(base.rglob("*")):
        rel = path.relative_to(base)
        if path.is_dir() or any(part in SKIP_DIRS for part in rel.parts) or path.suffix in SKIP_SUFFIXES:
            continue
        yield path, rel


def build(zip_path: Path) -> Path:
    qm = ROOT / "build" / "i18n" / "hotspot_nl.qm"
    if not qm.exists():
        raise SystemExit("compile the translations first (make i18n)")
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, rel in _files(ROOT / "hotspot_plugin"):
            zf.write(path, f"{TOP}/{rel.as_posix()}")
        for path, rel in _files(ROOT / "resources"):
            zf.write(path, f"{TOP}/resources/{rel.as_posix()}")
        zf.write(qm, f"{TOP}/resources/i18n/hotspot_nl.qm")
        for name in ("metadata.txt", "LICENSE", "README.md"):
            if (ROOT / name).exists():
                zf.write(ROOT / name, f"{TOP}/{name}")
    return zip_path


if __name__ == "__main__":
    out = build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "hotspot_plugin.zip")
    print(out)
