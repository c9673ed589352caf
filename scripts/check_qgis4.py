#!/usr/bin/env python3
"""Fail when hotspot_plugin/ (except compat.py) uses what QGIS 4 / Qt 6 no longer has.

* QVariant type constants (``QVariant.Int``; QgsField takes ``compat.INT``, a QMetaType.Type from QGIS 3.38 on);
* QAction, QActionGroup or QShortcut from QtWidgets (QtGui in Qt 6; ``from ..compat import QAction``);
* ``exec_(`` (``exec(``); imports of PyQt5 or PyQt6 (``qgis.PyQt``);
* the enum names that QGIS deprecated when it moved them to ``Qgis`` or scoped them
  (``QgsProcessing.SourceType.TypeVectorPolygon``, ``QgsWkbTypes.PointGeometry``, ...; use ``Qgis.*`` or the
  name from compat). Their list, scripts/qgis4_deprecated_names.txt, is every alias that marks a deprecated
  name in the QGIS 3.44 Python bindings; ``check_qgis4.py --regenerate ROOTFS`` rebuilds it from a root file
  system with QGIS installed (e.g. build/rootfs/sid).

Only code counts, not strings or comments. Run by `make lint` and tests/unit/test_project_rules.py.
"""
from __future__ import annotations

import ast
import io
import re
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "hotspot_plugin"
EXEMPT = {PACKAGE / "compat.py"}
NAMES_FILE = Path(__file__).resolve().parent / "qgis4_deprecated_names.txt"
QT6_GUI_MOVED = {"QAction", "QActionGroup", "QShortcut"}
ALIAS = re.compile(r"^(Qgs\w+(?:\.\w+){1,2}) = ((?:Qgis|Qgs\w+)(?:\.\w+){1,2})$")
DOTTED = re.compile(r"(?<![.\w])(Qgs\w+)\.(\w+)(?:\.(\w+))?")
TAIL = re.compile(r"\.(\w+)\.(\w+)\b")


def load_names(path: Path = NAMES_FILE):
    """(dotted names 'QgsProcessing.SourceType' / 'QgsWkbTypes.PointGeometry' / 'QgsX.Enum.OldMember',
    tails 'SourceType.TypeVectorPolygon' of renamed members, for access through an instance)."""
    names, tails = set(), set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cls, *rest = line.split()
        for name in rest:
            names.add(f"{cls}.{name}")
            if name.count(".") == 1:
                tails.add(name)
    return names, tails


def code_mask(text: str):
    """A function telling whether a character offset lies in code (not in a string or a comment)."""
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    kinds = {tokenize.STRING, tokenize.COMMENT}
    fstring = ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END")  # Python >= 3.12
    kinds.update(getattr(tokenize, k) for k in fstring if hasattr(tokenize, k))
    spans = [(starts[t.start[0] - 1] + t.start[1], starts[t.end[0] - 1] + t.end[1])
             for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type in kinds]
    return lambda pos: not any(a <= pos < b for a, b in spans)


def file_violations(path: Path, text: str, names: set, tails: set, root: Path = ROOT):
    rel = path.relative_to(root)

    def where(pos: int) -> str:
        return f"{rel}:{text.count(chr(10), 0, pos) + 1}"

    in_code = code_mask(text)
    for m in re.finditer(r"(?<![.\w])QVariant\.[A-Z]\w*", text):
        if in_code(m.start()):
            yield f"{where(m.start())}: {m.group(0)} (a QVariant type: use compat.INT/DOUBLE/STRING/...)"
    for m in re.finditer(r"\bexec_\s*\(", text):
        if in_code(m.start()):
            yield f"{where(m.start())}: exec_( (use exec()"
    for m in re.finditer(r"\bQtWidgets\.(QAction|QActionGroup|QShortcut)\b", text):
        if in_code(m.start()):
            yield f"{where(m.start())}: {m.group(0)} (QtGui in Qt 6: import it from compat)"
    for m in DOTTED.finditer(text):
        if not in_code(m.start()):
            continue
        two = f"{m.group(1)}.{m.group(2)}"
        three = f"{two}.{m.group(3)}" if m.group(3) else None
        # Cls.Enum.Member also when the enum is inherited (QgsMarkerLineSymbolLayer.Placement.Interval):
        # then only the unscoped Cls.Member is listed
        inherited = f"{m.group(1)}.{m.group(3)}" if m.group(3) else None
        if two in names or three in names or inherited in names:
            yield f"{where(m.start())}: {three or two} is deprecated (Qgis.* or compat)"
    for m in TAIL.finditer(text):
        if in_code(m.start()) and f"{m.group(1)}.{m.group(2)}" in tails:
            before = text[max(0, m.start() - 60):m.start()]
            if not re.search(r"(?<![.\w])Qgs\w+$", before):  # Qgs... was reported above
                yield f"{where(m.start())}: .{m.group(1)}.{m.group(2)} is deprecated (Qgis.* or compat)"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom) and not node.level:
            module = node.module or ""
            if module.split(".")[0] in ("PyQt5", "PyQt6"):
                yield f"{rel}:{node.lineno}: from {module} import (use qgis.PyQt)"
            if module.endswith("QtWidgets") and QT6_GUI_MOVED & {a.name for a in node.names}:
                yield f"{rel}:{node.lineno}: QAction & co. from QtWidgets (import it from compat)"
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] in ("PyQt5", "PyQt6"):
                    yield f"{rel}:{node.lineno}: import {a.name} (use qgis.PyQt)"


def violations(package: Path = PACKAGE):
    names, tails = load_names()
    for path in sorted(package.rglob("*.py")):
        if path in EXEMPT or "__pycache__" in path.parts:
            continue
        yield from file_violations(path, path.read_text(encoding="utf-8"), names, tails)


def regenerate(rootfs: str) -> None:
    """Write NAMES_FILE from the deprecation aliases of the QGIS Python bindings in ``rootfs``."""
    aliases = {}
    base = Path(rootfs) / "usr/lib/python3/dist-packages/qgis"
    version = "?"
    for module in ("core", "gui", "analysis"):
        for line in (base / module / "__init__.py").read_text(encoding="utf-8").splitlines():
            m = ALIAS.match(line.strip())
            if m and m.group(1) != m.group(2) and not m.group(2).endswith((".baseClass", ".__doc__")):
                aliases[m.group(1)] = m.group(2)
    changelog = Path(rootfs) / "usr/share/doc/python3-qgis/changelog.Debian.gz"
    if changelog.exists():
        import gzip

        version = gzip.open(changelog, "rt").readline().split("(")[1].split(")")[0]
    by_class: dict = {}
    for old in sorted(aliases):
        cls, rest = old.split(".", 1)
        by_class.setdefault(cls, []).append(rest)
    lines = [f"# Deprecated QGIS enum names (class, then names), from the aliases in the bindings of QGIS {version}.",
             "# Generated by scripts/check_qgis4.py --regenerate ROOTFS; do not edit by hand."]
    lines += [" ".join([cls, *names]) for cls, names in sorted(by_class.items())]
    NAMES_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{NAMES_FILE}: {len(aliases)} names in {len(by_class)} classes")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--regenerate"]:
        regenerate(sys.argv[2])
        sys.exit(0)
    found = list(violations())
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} Qt5-only or deprecated names (see scripts/check_qgis4.py)")
    sys.exit(1 if found else 0)
