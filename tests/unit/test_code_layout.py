"""House rules of the code layout, as tests (see docs/architecture.md).

Who may import whom:
    gui ──> processing (by algorithm id only), adapters, storage, report, core
    processing/alg_* ──> processing/base, adapters, storage, report, core (never another alg_*)
    report ──> adapters, storage, core
    adapters ──> storage, core
    storage ──> core
    core ──> nothing of QGIS (numpy, shapely, pyproj, rasterio, stdlib)
and every SQL statement (``.execute(`` and friends) lives in ``storage/``.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Iterator, List, Tuple

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "hotspot_plugin"
#: A module above this many lines must say in its docstring why its size is earned.
MAX_MODULE_LINES = 1000
#: ... with one of these words.
SIZE_EARNED = re.compile(r"size is earned", re.I)
MAX_PROCESS_LINES = 80
SQL_CALLS = {"execute", "executemany", "executescript"}


def _modules(folder: Path = PKG) -> Iterator[Path]:
    yield from sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _package_of(path: Path) -> str:
    rel = path.relative_to(PKG)
    return rel.parts[0] if len(rel.parts) > 1 else ""


def _imports(path: Path) -> Iterator[Tuple[int, str]]:
    """(line, absolute dotted module) of every import of hotspot_plugin's own modules."""
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = parts[: len(parts) - node.level]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if mod.startswith("hotspot_plugin"):
                yield node.lineno, mod
                for alias in node.names:
                    yield node.lineno, f"{mod}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("hotspot_plugin"):
                    yield node.lineno, alias.name


def _is_alg(mod: str) -> bool:
    return bool(re.match(r"hotspot_plugin\.processing\.alg_\w+", mod))


def test_no_algorithm_imports_another_algorithm():
    bad: List[str] = []
    for path in _modules(PKG / "processing"):
        if not path.name.startswith("alg_"):
            continue
        own = f"hotspot_plugin.processing.{path.stem}"
        for line, mod in _imports(path):
            if _is_alg(mod) and not mod.startswith(own):
                bad.append(f"{path.name}:{line} imports {mod}")
    assert bad == [], "\n".join(bad)


def test_gui_and_report_and_adapters_import_no_algorithm_module():
    bad = [f"{p.relative_to(PKG)}:{line} imports {mod}"
           for folder in ("gui", "report", "adapters", "storage", "core")
           for p in _modules(PKG / folder) for line, mod in _imports(p) if _is_alg(mod)]
    assert bad == [], "\n".join(bad)


def test_layers_import_only_downwards():
    allowed = {
        "core": {"core"},
        "storage": {"core", "storage"},
        "adapters": {"core", "storage", "adapters"},
        "report": {"core", "storage", "adapters", "report"},
    }
    bad = []
    for package, may in allowed.items():
        for path in _modules(PKG / package):
            for line, mod in _imports(path):
                parts = mod.split(".")
                if len(parts) < 2:
                    continue
                target = parts[1]
                # top-level shell modules (i18n, log, paths, settings, compat) are shared by all but core
                if target in ("i18n", "log", "paths", "settings", "compat") and package != "core":
                    continue
                if target not in may:
                    bad.append(f"{path.relative_to(PKG)}:{line} imports {mod}")
    assert bad == [], "\n".join(bad)


def test_sql_lives_in_storage():
    bad = []
    for path in _modules():
        if _package_of(path) == "storage":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in SQL_CALLS):
                bad.append(f"{path.relative_to(PKG)}:{node.lineno} .{node.func.attr}(")
            if isinstance(node, ast.Import) and any(a.name == "sqlite3" for a in node.names):
                bad.append(f"{path.relative_to(PKG)}:{node.lineno} import sqlite3")
    assert bad == [], "\n".join(bad)


def test_modules_are_small_enough_to_read():
    bad = []
    for path in _modules():
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        if lines > MAX_MODULE_LINES:
            doc = ast.get_docstring(ast.parse(text)) or ""
            if not SIZE_EARNED.search(doc):
                bad.append(f"{path.relative_to(PKG)}: {lines} lines")
    assert bad == [], "\n".join(bad)


def test_process_methods_delegate():
    bad = []
    for path in _modules(PKG / "processing"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name in ("process", "processAlgorithm"):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_PROCESS_LINES:
                    bad.append(f"{path.name}:{node.lineno} {node.name}() has {length} lines")
    assert bad == [], "\n".join(bad)


def test_demo_town_does_not_ship():
    assert not (PKG / "core" / "demo_town.py").exists()


def test_one_of_each():
    """One number formatter, one language check, one QGIS->shapely converter, one blob decoder."""
    patterns = {
        "number formatter": re.compile(r"^def (format_number|fmt_number|_number|fmt|_fmt_num)\(", re.M),
        "language check": re.compile(r"^def (dutch|speaks_dutch|lang|is_dutch)\(", re.M),
        "QGIS -> shapely": re.compile(r"^def (to_shapely|qgs_to_shapely|shapely_geometry)\(", re.M),
        "blob decoder": re.compile(r"^def (decode|decode_geometry|_geometry|_xy|_point)\(blob", re.M),
    }
    for what, pattern in patterns.items():
        where = [str(p.relative_to(PKG)) for p in _modules() if pattern.search(p.read_text(encoding="utf-8"))]
        assert len(where) == 1, f"{what}: {where}"


CSV_WRITER_MODULE = "storage/csv_out.py"


def _csv_writes(source: str) -> List[Tuple[int, str]]:
    """(line, what) of every CSV writing in *source*: ``csv.writer``, ``csv.DictWriter``, ``from csv import writer``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in ("writer", "DictWriter") and (
            isinstance(node.value, ast.Name) and node.value.id == "csv"
        ):
            found.append((node.lineno, f"csv.{node.attr}"))
        elif isinstance(node, ast.ImportFrom) and node.module == "csv":
            found += [(node.lineno, f"from csv import {a.name}") for a in node.names if "writer" in a.name.lower()]
    return sorted(found)


def test_one_csv_writer():
    """Every CSV Hotspot writes goes through storage/csv_out.py (it neutralises formula cells)."""
    assert _csv_writes("import csv\nw = csv.writer(fh)\nfrom csv import DictWriter\n") == [
        (2, "csv.writer"),
        (3, "from csv import DictWriter"),
    ]
    offenders = {
        str(p.relative_to(PKG)): found
        for p in _modules()
        if str(p.relative_to(PKG)) != CSV_WRITER_MODULE and (found := _csv_writes(p.read_text(encoding="utf-8")))
    }
    assert offenders == {}, f"write CSV with storage.csv_out.write_csv: {offenders}"


def test_layout_text_goes_through_literal_text():
    """In report/, only report/literal.py calls setText: user text on a label prints as typed."""
    offenders = [
        str(p.relative_to(PKG))
        for p in _modules(PKG / "report")
        if p.name != "literal.py" and ".setText(" in p.read_text(encoding="utf-8")
    ]
    assert offenders == [], f"use report.literal.set_label_text: {offenders}"


#: The typed parts of a scan record (core.scan_record) and the names a record (or its results) goes by.
RECORD_PARTS = {"parameters", "results", "advice"}
RECORD_OWNERS = {"record", "saved", "old", "rec", "result", "results"}
#: Where the parts meet their JSON form.
RECORD_JSON_MODULES = {"core/scan_record.py", "core/json_form.py", "storage/scans.py"}
DICT_METHODS = {"get", "setdefault", "items", "keys", "values", "update", "pop"}


def _record_part(node: ast.AST) -> bool:
    """``record.parameters``, ``self.record.results``, ``p.old.advice``, ``result.parameters`` (also inside
    ``(... or {})``)."""
    if isinstance(node, ast.BoolOp):
        return _record_part(node.values[0])
    if not (isinstance(node, ast.Attribute) and node.attr in RECORD_PARTS):
        return False
    owner = node.value
    return (isinstance(owner, ast.Name) and owner.id in RECORD_OWNERS) or (
        isinstance(owner, ast.Attribute) and owner.attr in RECORD_OWNERS
    )


def _dict_access_on_record_parts(source: str) -> List[Tuple[int, str]]:
    """(line, what) of every dict access on a record part: ``record.parameters["x"]``,
    ``record.results.get("x")``, ``dict(record.parameters)``, ``Advice.from_json(record.advice)``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Subscript) and _record_part(node.value):
            found.append((node.lineno, f"{ast.unparse(node.value)}[...]"))
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in DICT_METHODS and _record_part(func.value):
                found.append((node.lineno, f"{ast.unparse(func)}()"))
            elif (isinstance(func, ast.Name) and func.id == "dict") or (
                isinstance(func, ast.Attribute) and func.attr == "from_json"
            ):
                found += [(node.lineno, f"{ast.unparse(func)}({ast.unparse(a)})") for a in node.args
                          if _record_part(a)]
    return sorted(found)


def test_the_dict_access_rule_sees_what_it_should():
    bad = """
x = record.parameters["heatmap"]["path"]
y = (record.parameters or {}).get("zones")
z = self.record.parameters.get("REFERENCE")
a = Advice.from_json(record.advice) if record.advice else Advice()
b = ScanResult.from_json(record.results)
c = dict(p.old.parameters or {})
d = self.result.parameters["period"]
e = record.results.parameters.get("ring_width")
"""
    assert [line for line, _ in _dict_access_on_record_parts(bad)] == [2, 3, 4, 5, 6, 7, 8, 9]
    good = """
x = record.parameters.heatmap.path
y = record.results.groups[0]["key"]
z = self.result.where.get("zones")
a = record.advice or Advice()
"""
    assert _dict_access_on_record_parts(good) == []


def test_record_parts_are_read_as_attributes():
    """The scan record's parameters, results and advice are typed (core.scan_record): outside the
    modules that meet their JSON form, nobody reads them as dicts."""
    bad = []
    for folder in (PKG, ROOT / "tests", ROOT / "scripts"):
        for path in _modules(folder):
            if path.is_relative_to(PKG) and path.relative_to(PKG).as_posix() in RECORD_JSON_MODULES:
                continue
            if path == Path(__file__).resolve():
                continue
            for line, what in _dict_access_on_record_parts(path.read_text(encoding="utf-8")):
                bad.append(f"{path.relative_to(ROOT)}:{line} {what}")
    assert bad == [], "\n".join(bad)
