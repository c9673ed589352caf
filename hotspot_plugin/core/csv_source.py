"""Reading a delimited text export (CSV) as municipalities get it, without losing a character.

Excel on Windows writes cp1252 (é, ë in street names), newer systems UTF-8 with or without a
byte order mark, some UTF-16. :func:`detect_encoding` tells them apart; :func:`read_csv` reads
the columns asked for. A line that cannot be decoded becomes a row with a problem (the import
rejects it with the reason), never a row with replacement characters. A line longer than
:data:`MAX_FIELD` characters (an unclosed quote swallowing the rest of the file) is refused with
its line number.
"""
from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

from .errors import InputError
from .i18n import N_

#: Extensions read by this module rather than by OGR.
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
#: Encodings the ENCODING parameter offers ("auto" detects).
ENCODINGS = ("auto", "utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1")
#: The longest field (characters) read; longer means a broken file.
MAX_FIELD = 1_000_000

R_UNDECODABLE = N_("Row cannot be read as {encoding}: byte {byte} at position {position} is not a character "
                   "in that encoding (choose the file's encoding)")


@dataclass
class CsvColumns:
    """Columns of a delimited file: header, wanted columns per role, problems per row."""

    header: List[str]
    encoding: str
    delimiter: str
    columns: Dict[str, List[Optional[str]]] = field(default_factory=dict)
    #: 1-based data row -> (template, params) for rows that could not be decoded
    problems: Dict[int, Tuple[str, dict]] = field(default_factory=dict)
    rows: int = 0
    #: number of the first row in :attr:`columns` (a chunk of :func:`iter_csv`)
    first_row: int = 1
    #: share of the file read (0..1)
    done: float = 0.0


def detect_encoding(data: bytes, partial: bool = False) -> str:
    """``utf-8-sig``, ``utf-16`` (BOM or NUL bytes), ``utf-8`` when it decodes, else ``cp1252``.

    With *partial* (the first bytes of a file) a character cut off at the end does not count.
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:4096]
    if sample and sample.count(b"\x00") > len(sample) // 4:
        return "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if partial and exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"
        return "cp1252"


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (";", ",", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def is_csv_path(path: object) -> bool:
    p = Path(str(path or "").split("|")[0])
    return p.suffix.lower() in CSV_SUFFIXES and p.is_file()


def _decoded_lines(data: bytes, encoding: str, problems: Dict[int, Tuple[str, dict]]) -> Iterator[str]:
    """The file's physical lines, decoded; an undecodable line is yielded empty-ish and noted
    by its 0-based physical line number in *problems*."""
    if encoding.startswith("utf-16"):
        text = data.decode(encoding, errors="strict")  # UTF-16 is all or nothing
        yield from io.StringIO(text, newline="")
        return
    for k, raw in enumerate(io.BytesIO(data)):
        try:
            yield raw.decode(encoding)
        except UnicodeDecodeError as exc:
            problems[k] = (R_UNDECODABLE, {"encoding": encoding, "byte": f"0x{raw[exc.start]:02X}",
                                           "position": exc.start + 1})
            yield "?\n"  # a placeholder row: rejected with the reason above


def read_header(path: str, encoding: str = "auto") -> Tuple[List[str], str, str]:
    """(column names, encoding, delimiter) of a delimited file, reading only its start."""
    with open(path, "rb") as fh:
        head = fh.read(1 << 16)
    enc = detect_encoding(head, partial=len(head) == 1 << 16) if encoding == "auto" else encoding
    text = head.decode(enc, errors="replace")
    first = text.splitlines()[0] if text else ""
    delim = _delimiter(first)
    header = next(csv.reader([first], delimiter=delim), [])
    return [h.strip() for h in header], enc, delim


def read_csv(path: str, wanted: Dict[str, str], encoding: str = "auto", monitor=None,
             keep_rows: Optional[set] = None) -> CsvColumns:
    """The *wanted* columns (role -> column name) of a delimited file as lists of str/None.

    Blank cells are None; rows are numbered from 1 (the first line after the header), empty
    lines skipped. With *keep_rows* (a set of row numbers) only ``columns["*"]`` is filled: every
    cell of those rows, for the rejected-rows table. :func:`iter_csv` gives the same in chunks.
    """
    out = None
    for chunk in iter_csv(path, wanted, encoding, monitor, keep_rows, chunk_rows=0):
        out = chunk
    assert out is not None
    out.first_row = 1
    return out


def iter_csv(path: str, wanted: Dict[str, str], encoding: str = "auto", monitor=None,
             keep_rows: Optional[set] = None, chunk_rows: int = 100_000) -> Iterator[CsvColumns]:
    """:func:`read_csv` in consecutive chunks of *chunk_rows* rows (0: all in one), so that a large
    file's cells need not all exist at once. Each chunk's ``first_row`` is the number of its first
    row, ``rows`` the number of rows read so far, ``problems`` keyed by row number as in
    :func:`read_csv`, ``done`` the share of the file read (0..1). At least one chunk is given.
    """
    data = Path(path).read_bytes()
    if encoding == "auto":
        enc = detect_encoding(data)
    else:
        enc = {"utf-8": "utf-8-sig", "utf-16": "utf-16"}.get(encoding, encoding)
    if enc.startswith("utf-16"):
        try:
            data.decode(enc)
        except UnicodeDecodeError:
            raise InputError(N_("{path} cannot be read as {encoding}. Choose the file's encoding."),
                             path=path, encoding=enc) from None
    if enc == "utf-8" and data.startswith(codecs.BOM_UTF8):
        enc = "utf-8-sig"
    line_problems: Dict[int, Tuple[str, dict]] = {}
    lines = _decoded_lines(data, enc, line_problems)
    first = next(lines, "")
    if first.startswith("\ufeff"):
        first = first[1:]
    delim = _delimiter(first)
    header = [h.strip() for h in next(csv.reader([first], delimiter=delim), [])]
    missing = [name for name in wanted.values() if name not in header]
    if missing:
        raise InputError(N_("These columns are not in {path}: {missing}. Its columns are: {columns}."),
                         path=path, missing=", ".join(missing), columns=", ".join(header))
    index = {role: header.index(name) for role, name in wanted.items()}
    csv.field_size_limit(MAX_FIELD)
    reader = csv.reader(lines, delimiter=delim)
    total = max(1, data.count(b"\n"))
    row = 0
    last_line = 0
    limit = chunk_rows if chunk_rows > 0 else -1

    def start_chunk():
        out = CsvColumns(header, enc, delim)
        out.first_row = row + 1
        cols = {role: [] for role in wanted} if keep_rows is None else {"*": []}
        out.columns = cols
        appenders = [(cols[role].append, i) for role, i in index.items()] if keep_rows is None else []
        return out, cols, appenders

    out, cols, appenders = start_chunk()
    in_chunk = 0
    try:
        for record in reader:
            if not record:
                continue  # an empty line
            row += 1
            if monitor is not None and row % 65536 == 0:
                monitor.check()
                monitor.set(100.0 * reader.line_num / total)
            if keep_rows is not None:
                if row in keep_rows:
                    cols["*"].append(record)
                continue
            n = len(record)
            for append, i in appenders:
                v = record[i] if i < n else None
                append(v if v and not v.isspace() else None)
            if line_problems:
                for k in range(last_line + 1, reader.line_num + 1):
                    if k in line_problems:
                        out.problems[row] = line_problems[k]
                last_line = reader.line_num
            in_chunk += 1
            if in_chunk == limit:
                out.rows = row
                out.done = reader.line_num / total
                yield out
                out, cols, appenders = start_chunk()
                in_chunk = 0
    except csv.Error as exc:
        raise InputError(N_("Row {row} (line {line}) of {path} cannot be read: {error}. A value this long "
                            "is usually a quote that is not closed, which makes the rest of the file one "
                            "value. Nothing was imported."),
                         row=row + 1, line=reader.line_num + 1, path=path, error=str(exc)) from None
    if in_chunk or row == 0 or limit < 0 or keep_rows is not None:
        out.rows = row
        out.done = 1.0
        yield out
