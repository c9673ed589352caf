#!/usr/bin/env python3
"""Translations of Hotspot: extract, update, check and compile (Dutch first, English source).

The source language is English. Every literal in ``tr("...")`` (QGIS layer) and
``N_("...")`` (pure core) is a message of the single context "Hotspot". Dutch lives in
resources/i18n/nl/*.ts (standard Qt Linguist files, one per area of the code), compiled by
lrelease into one hotspot_nl.qm.

  python3 scripts/i18n.py check                 # fail when a message has no Dutch translation
  python3 scripts/i18n.py update AREA TSV       # put the translations of TSV (lines
                                                #   "english<TAB>dutch") into nl/AREA.ts
  python3 scripts/i18n.py compile OUTDIR        # lrelease nl/*.ts -> OUTDIR/hotspot_nl.qm
"""
from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Dict, Iterable, List, Set, Tuple

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "hotspot_plugin"
TS_DIR = ROOT / "resources" / "i18n" / "nl"
CONTEXT = "Hotspot"
MARKERS = {"tr", "N_"}


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def extract(paths: Iterable[Path] = ()) -> Dict[str, List[str]]:
    """message -> list of "file:line" where it is used."""
    files = list(paths) or sorted(SOURCES.rglob("*.py"))
    found: Dict[str, List[str]] = {}
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name not in MARKERS:
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
                found.setdefault(arg.value, []).append(f"{_rel(path)}:{node.lineno}")
    return found


def read_ts(path: Path) -> Dict[str, Tuple[str, bool]]:
    """source -> (translation, finished) of one .ts file."""
    result: Dict[str, Tuple[str, bool]] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            tr_el = message.find("translation")
            text = (tr_el.text or "") if tr_el is not None else ""
            finished = tr_el is not None and tr_el.get("type") not in ("unfinished", "obsolete") and bool(text)
            result[source] = (text, finished)
    return result


def all_translations() -> Dict[str, Tuple[str, bool]]:
    merged: Dict[str, Tuple[str, bool]] = {}
    for path in sorted(TS_DIR.glob("*.ts")):
        for source, value in read_ts(path).items():
            if source not in merged or value[1]:
                merged[source] = value
    return merged


def write_ts(path: Path, messages: Dict[str, Tuple[str, bool]]) -> None:
    ts = ET.Element("TS", version="2.1", language="nl_NL", sourcelanguage="en")
    context = ET.SubElement(ts, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in sorted(messages, key=str.lower):
        text, finished = messages[source]
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        tr_el = ET.SubElement(message, "translation")
        tr_el.text = text
        if not finished:
            tr_el.set("type", "unfinished")
    ET.indent(ts, space="    ")
    body = ET.tostring(ts, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def placeholders(text: str) -> Set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def problems() -> List[str]:
    used = extract()
    known = all_translations()
    out = []
    for source, where in sorted(used.items()):
        if source not in known or not known[source][1]:
            out.append(f"no Dutch translation: {source!r} ({where[0]})")
        else:
            try:
                src_ph, nl_ph = placeholders(source), placeholders(known[source][0])
            except ValueError:
                out.append(f"bad placeholders: {source!r}")
                continue
            if src_ph != nl_ph:
                out.append(f"placeholders differ: {source!r} -> {known[source][0]!r}")
    return out


def cmd_check() -> int:
    found = problems()
    for line in found:
        print(line)
    unused = sorted(set(all_translations()) - set(extract()))
    if unused:
        print(f"note: {len(unused)} translated messages are no longer used", file=sys.stderr)
    print(f"{len(extract())} messages, {len(found)} problems")
    return 1 if found else 0


def cmd_update(area: str, tsv: str = "") -> int:
    path = TS_DIR / f"{area}.ts"
    TS_DIR.mkdir(parents=True, exist_ok=True)
    messages = read_ts(path) if path.exists() else {}
    fills: Dict[str, str] = {}
    if tsv:
        for line in Path(tsv).read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                en, nl = line.split("\t", 1)
                fills[en] = nl
    used = extract()
    for source, text in fills.items():
        if source not in used:
            print(f"not used in the code, skipped: {source!r}", file=sys.stderr)
            continue
        messages[source] = (text, True)
    write_ts(path, messages)
    print(f"{path.relative_to(ROOT)}: {len(messages)} messages")
    return 0


def cmd_compile(outdir: str) -> int:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    files = [str(p) for p in sorted(TS_DIR.glob("*.ts"))]
    cmd = ["lrelease", "-silent", *files, "-qm", str(out / "hotspot_nl.qm")]
    return subprocess.call(cmd)


def main(argv: List[str]) -> int:
    if not argv or argv[0] not in ("check", "update", "compile"):
        print(__doc__)
        return 2
    if argv[0] == "check":
        return cmd_check()
    if argv[0] == "update":
        return cmd_update(argv[1], argv[2] if len(argv) > 2 else "")
    return cmd_compile(argv[1] if len(argv) > 1 else str(ROOT / "build" / "i18n"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
