"""No chart and no exported table lets a suppressed count be computed back (issue #14, attack 4).

A chart is a table in disguise. The reader of test_disclosure_tables.py looks at what is drawn:

* the report's charts (matplotlib figures, caught as they are saved): a plain bar or heat cell is
  an exact count (its height, its value in the colour scale); a hatched bar is "<5" ("////") or
  "x" ("xxxx") but only when it has the placeholder's height, the threshold; at any other height
  its height is its count;
* the wizard's charts (QPainter calls, recorded by a QPainter that paints as usual): bar heights
  against the printed y scale, cell texts, cell colours, and the day parts' shares;
* the measure-effect and Knox tables saved as CSV.

It knows the totals printed beside a chart (the results table's counts; for CSVs the counts the
conclusion and the log print, taken from the exact layer output), and it solves every series
for each "<5": integer series with the brute-force solver of test_disclosure_tables, aoristic
(fractional) heat tables with intervals (a cell told to within less than one incident is told).
A count from 1 to 4 drawn or written exactly is a leak as well.
"""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import numpy as np
import pytest
from shapely.geometry import box

from tests.qgis.test_advicereport import make_record
from tests.qgis.test_disclosure_tables import (  # noqa: F401 - fixtures
    T,
    area_of,
    canvas,
    demo_copy,
    parse,
    recorded_tables,
    solved_cells,
)
from tests.qgis.test_nearrepeat_algs import burglary_gpkg, incidents_uri  # noqa: F401 - fixture

DAY_PARTS = ((7, 19), (19, 23), (23, 7))


def hours(first: int, end: int) -> List[int]:
    return [h for h in range(24) if (first <= h < end if first < end else (h >= first or h < end))]


def solved_real(total: float, parts: Sequence, floors: Optional[Sequence[float]] = None) -> List[int]:
    """Indices of "<5" parts a reader can tell to within less than one incident (fractions allowed):
    a "<5" lies in (0, 5), an "x" in [floor, total]: 5 beside visible parts, 0 when every part of
    its column is "x" (*floors*, per part; default: the parts are one column)."""
    known = sum(p for p in parts if isinstance(p, (int, float)))
    rest = total - known
    if floors is None:
        floors = [0.0 if all(q == "x" for q in parts if q != 0) else float(T)] * len(parts)
    bounds = []
    for p, floor in zip(parts, floors):
        if p == "small":
            bounds.append((0.0, float(T)))
        elif p == "x":
            bounds.append((floor, float(total)))
        else:
            bounds.append(None)
    lo_sum = sum(b[0] for b in bounds if b)
    hi_sum = sum(b[1] for b in bounds if b)
    assert lo_sum <= rest + 1e-9, "the published table is inconsistent"
    solved = []
    for i, p in enumerate(parts):
        if p != "small":
            continue
        low = max(0.0, rest - (hi_sum - bounds[i][1]))
        high = min(float(T), rest - (lo_sum - bounds[i][0]))
        if high - low < 1.0 - 1e-9:
            solved.append(i)
    return solved


def week_floors(cells) -> List[float]:
    """The least value of each "x" of a weekday x hour table: 0 when its whole day part is "x"."""
    floors = [float(T)] * (7 * 24)
    for a, b in DAY_PARTS:
        part = [(d, h) for d in range(7) for h in hours(a, b)]
        if all(cells[d][h] == "x" for d, h in part if cells[d][h] != 0):
            for d, h in part:
                floors[d * 24 + h] = 0.0
    return floors


def check_series(total, parts: Sequence, where: str, fractional: bool = False, floors=None) -> int:
    """The reader's checks of one series beside its total; returns the number of "<5" in it.
    *fractional*: the cells may be fractions (aoristic), so the interval reader is used (with the
    least values *floors* of the "x")."""
    exact_small = [p for p in parts if isinstance(p, (int, float)) and 0 < p < T]
    assert exact_small == [], f"{where}: a small count drawn exactly: {exact_small}"
    if isinstance(total, (int, float)):
        if not fractional and all(isinstance(p, int) for p in parts if p not in ("small", "x")):
            assert solved_cells(int(total), list(parts)) == [], f"{where}: a '<5' computed back"
        else:
            assert solved_real(float(total), parts, floors) == [], f"{where}: a '<5' computed back"
    elif total in ("small", "x") and any(p for p in parts):
        assert not all(isinstance(p, (int, float)) for p in parts), f"{where}: the bars give the hidden total"
    return sum(1 for p in parts if p == "small")


# ---------------------------------------------------------------------------------------------------
# The report's charts: matplotlib figures as drawn
# ---------------------------------------------------------------------------------------------------


@pytest.fixture()
def saved_figures(monkeypatch):
    from hotspot_plugin.report import charts

    figures = []
    real = charts._save

    def save(fig, path, dpi):
        figures.append(fig)
        return real(fig, path, dpi)

    monkeypatch.setattr(charts, "_save", save)
    return figures


def read_bar(rect, threshold: int = T):
    """What a reader takes from a bar: its count, "small" or "x"."""
    hatch = rect.get_hatch()
    height = rect.get_height()
    if hatch and abs(height - threshold) < 1e-9:
        return "x" if "x" in hatch else "small"
    value = round(height, 6)
    return int(value) if float(value).is_integer() else value


def read_trend(fig) -> Dict[str, List]:
    """The month chart's two series as published, by month (stacked: comparison, then period)."""
    from matplotlib.colors import to_hex

    from hotspot_plugin.report.charts import COMPARISON_COLOUR, SMALL_EDGE

    ax = fig.axes[0]
    n = int(round(ax.get_xlim()[1] + 0.4))  # the axis runs from -0.6 to n - 0.4
    series: Dict[str, List] = {"period": [0] * n, "comparison": [0] * n}
    for rect in ax.patches:
        if abs(rect.get_width() - 0.8) > 1e-9:
            continue
        i = int(round(rect.get_x() + 0.4))
        hatched = bool(rect.get_hatch())
        colour = to_hex(rect.get_edgecolor() if hatched else rect.get_facecolor())
        grey = colour in (to_hex(COMPARISON_COLOUR), to_hex(SMALL_EDGE))
        series["comparison" if grey else "period"][i] = read_bar(rect)
    return series


def read_heat(fig) -> List[List]:
    """The weekday x hour table as published: exact values of coloured cells, "small"/"x" of hatched ones."""
    ax = fig.axes[0]
    data = ax.images[0].get_array()
    hidden = np.ma.getmaskarray(data)
    cells: List[List] = [[0] * 24 for _ in range(7)]
    for r in range(7):
        for h in range(24):
            if not hidden[r, h]:
                v = float(data[r, h])
                cells[r][h] = int(v) if v.is_integer() else v
    for rect in ax.patches:
        h, r = int(round(rect.get_x() + 0.5)), int(round(rect.get_y() + 0.5))
        cells[r][h] = "x" if "x" in (rect.get_hatch() or "") else "small"
    return cells


def check_heat(cells, total, where: str) -> int:
    flat = [v for row in cells for v in row]
    small = check_series(total, flat, where, fractional=True, floors=week_floors(cells))
    if isinstance(total, (int, float)):  # the day parts' sums are printed as a share beside the total
        for a, b in DAY_PARTS:
            part = [cells[d][h] for d in range(7) for h in hours(a, b)]
            if all(isinstance(p, (int, float)) for p in part):
                continue
            others = [v for d in range(7) for h in range(24) if h not in hours(a, b) for v in [cells[d][h]]]
            if all(isinstance(p, (int, float)) for p in others):  # the part's sum follows from the total
                assert solved_real(float(total) - sum(others), part) == [], f"{where}: day part {a}-{b}"
    return small


def fields_table(recorded):
    for headers, rows in recorded:
        if headers[0] == "Safety field" and headers[1] == "Period":
            return {r[0]: (parse(r[1]), parse(r[2])) for r in rows}
    raise AssertionError("no results table")


@pytest.mark.parametrize("where", ["binnenstad", "small box"])
def test_no_chart_of_the_report_gives_a_small_count_back(where, run_alg, tmp_path, recorded_tables,  # noqa: F811
                                                         saved_figures):
    path = demo_copy(tmp_path)
    area = area_of(path, "BU99990101")
    if where == "small box":
        x0, y0, x1, y1 = area.bounds
        area = box(x0, y0, x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3)
    make_record(path, area, "Disclosure charts", reference="HS-C")
    run_alg("hotspot:advicereport", {"GPKG": str(path), "OUTPUT": str(tmp_path / "advies.pdf")})
    totals = fields_table(recorded_tables)
    small = trends = heats = 0
    for fig in saved_figures:
        texts = [t.get_text() for t in fig.texts]
        if not texts:
            continue
        title, subtitle = texts[0], texts[1] if len(texts) > 1 else ""
        if title.startswith("Incidents per month"):
            trends += 1
            n, n_c = totals[subtitle]
            series = read_trend(fig)
            small += check_series(n, series["period"], f"{where}: months of {subtitle}")
            small += check_series(n_c, series["comparison"], f"{where}: months (comparison) of {subtitle}")
        elif title.startswith("Weekday and hour"):
            heats += 1
            # the cells add up to the incidents with a time of day; the reader is given that sum
            # whenever the field's count is printed (the oracle takes it from the drawn array's data)
            n = totals[subtitle][0]
            timed = float(fig.axes[0].images[0].get_array().data.sum())
            total = (int(timed) if timed.is_integer() else timed) if isinstance(n, int) else n
            small += check_heat(read_heat(fig), total, f"{where}: weekday x hour of {subtitle}")
    assert trends and heats, "the report drew no month or weekday chart"
    assert small > 0, "the charts have no small counts: the case tests nothing"


def test_a_chart_beside_its_total_is_read_like_a_table(tmp_path, saved_figures):
    """Crafted: one small month beside a printed total of 46 (10 + 12 + 3 + 9 + 12), and an aoristic
    weekday table with one fractional small cell beside its total (old code: both computed back)."""
    from hotspot_plugin.report import charts

    months = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]
    charts.trend_chart(months, [10, 12, 3, 9, 12], [0] * 5, str(tmp_path / "t.png"), T, title="Incidents per month")
    table = [[0.0] * 24 for _ in range(7)]
    table[0][10], table[1][11], table[2][14], table[4][9] = 7.5, 12.25, 2.25, 8.0
    charts.weekday_hour_chart(table, str(tmp_path / "w.png"), T, title="Weekday and hour")
    trend, heat = saved_figures
    assert check_series(46, read_trend(trend)["period"], "crafted months") == 1
    assert check_heat(read_heat(heat), 30.0, "crafted weekday x hour") == 1


# ---------------------------------------------------------------------------------------------------
# The wizard's charts: what a QPainter is told to draw
# ---------------------------------------------------------------------------------------------------


@pytest.fixture()
def painted(monkeypatch):
    from qgis.PyQt.QtGui import QPainter

    from hotspot_plugin.gui import charts

    calls = []

    class Recorder(QPainter):
        def fillRect(self, *args):  # noqa: N802 - Qt API
            calls.append(("fill", args))
            return super().fillRect(*args)

        def drawText(self, *args):  # noqa: N802 - Qt API
            calls.append(("text", args))
            return super().drawText(*args)

    monkeypatch.setattr(charts, "QPainter", Recorder)
    return calls


def _colour_and_style(fill):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QBrush, QColor

    if isinstance(fill, QBrush):
        return fill.color().name(), fill.style()
    return QColor(fill).name(), Qt.BrushStyle.SolidPattern


def read_month_pixmap(calls, height: int, months: int = 0, width: int = 0) -> Dict[str, List]:
    """Bars (by their left edge) read against the y labels; hatched bars as "small" / "x" when they
    have the placeholder's height, else at their height."""
    from qgis.PyQt.QtCore import Qt

    from hotspot_plugin.gui.charts import COMPARISON_COLOUR, PERIOD_COLOUR

    labels = [(float(a[2]), a[0].center().y()) for kind, a in calls
              if kind == "text" and len(a) == 3 and hasattr(a[0], "x") and a[0].x() == 0
              and re.fullmatch(r"\d+(\.\d+)?", str(a[2]))]
    (v0, y0), (v1, y1) = min(labels), max(labels)
    per_unit = (y0 - y1) / (v1 - v0)
    bars: Dict[float, Dict[str, object]] = {}
    for kind, a in calls:
        if kind != "fill" or len(a) != 2 or not hasattr(a[0], "height") or a[0].bottom() > height - 39:
            continue
        rect, fill = a
        colour, style = _colour_and_style(fill)
        series = {PERIOD_COLOUR.name(): "period", COMPARISON_COLOUR.name(): "comparison"}.get(colour)
        if series is None or rect.width() < 1:
            continue
        units = rect.height() / per_unit
        if style == Qt.BrushStyle.SolidPattern:
            value = int(round(units))
        elif abs(units - T) < 1e-6:
            value = "x" if style == Qt.BrushStyle.DiagCrossPattern else "small"
        else:
            value = int(round(units))  # hatched, but at its own height
        bars.setdefault(round(rect.x(), 3), {})[series] = value
    if months and width:  # each bar in its month's slot (the plot runs from x 34 to width - 8)
        slot = (width - 42) / months
        by_month = [bars.get(next((x for x in bars if int((x - 34) // slot) == i), None), {}) for i in range(months)]
        return {s: [b.get(s, 0) for b in by_month] for s in ("period", "comparison")}
    ordered = [bars[x] for x in sorted(bars)]
    return {s: [b.get(s, 0) for b in ordered] for s in ("period", "comparison")}


def read_heat_pixmap(calls, decimal: str):
    """The 7 x 24 cells as drawn (exact values from their texts, "<5", "x", 0 without a text) and
    the colours of the cells that are not shown."""
    from qgis.PyQt.QtCore import Qt

    texts = {}
    fills = {}
    for kind, a in calls:
        if len(a) < 2 or not hasattr(a[0], "width"):
            continue
        key = (round(a[0].x(), 2), round(a[0].y(), 2))
        if kind == "text" and len(a) == 3 and a[0].y() >= 16 and a[0].x() >= 30:
            texts[key] = str(a[2])
        elif kind == "fill" and len(a) == 2 and _colour_and_style(a[1])[1] == Qt.BrushStyle.SolidPattern:
            fills[key] = _colour_and_style(a[1])[0]  # the last solid fill is the cell's colour
    xs = sorted({x for x, _y in fills})
    ys = sorted({y for _x, y in fills})
    assert (len(xs), len(ys)) == (24, 7), (len(xs), len(ys))
    cells: List[List] = [[0] * 24 for _ in range(7)]
    hidden_colours = set()
    for (x, y), text in texts.items():
        if (x, y) not in fills:
            continue
        d, h = ys.index(y), xs.index(x)
        if text in (f"<{T}", "x"):
            cells[d][h] = "small" if text != "x" else "x"
            hidden_colours.add(fills[(x, y)])
        elif re.fullmatch(r"\d+([.,]\d+)?", text):
            v = float(text.replace(decimal, "."))
            cells[d][h] = int(v) if v.is_integer() else v
    return cells, hidden_colours


def read_day_parts(text: str, total: int) -> List:
    """The day parts' shares as counts: a share whose rounding leaves one whole count is that count."""
    parts = []
    for value in re.findall(r":\s*(\S+)", text):
        if value in (f"<{T}", "x"):
            parts.append("small" if value != "x" else "x")
            continue
        pct = float(value.rstrip("%").replace(",", "."))
        low, high = (pct - 0.5) / 100 * total, (pct + 0.5) / 100 * total
        fits = [k for k in range(math.ceil(low), math.floor(high) + 1)]
        parts.append(fits[0] if len(fits) == 1 else "unknown")
    return parts


def test_wizard_charts_give_no_small_count_back(qgis_iface, hotspot_provider, canvas, tmp_path, painted):  # noqa: F811
    from tests.qgis import test_scan_wizard as tw
    from tests.qgis.test_disclosure_tables import wizard_rows

    demo = demo_copy(tmp_path)
    made = []
    try:
        from qgis.core import QgsSettings

        from hotspot_plugin.gui import scan_wizard as sw
        from hotspot_plugin.i18n import decimal_sign

        QgsSettings().setValue("hotspot/last_gpkg", str(demo))
        wizard = sw.ScanWizard(qgis_iface)
        wizard.confirm_discard = lambda: True
        wizard.resize(*tw.SIZE)
        wizard.show()
        made.append(wizard)
        tw.process()
        analysis = tw.run_to_results(wizard, demo)
        published = {}
        for _where, head, parts in wizard_rows(analysis.table):
            for r in [head] + parts:
                published[r[0]] = (parse(r[1]), parse(r[2]))
        analysis.tabs.setCurrentIndex(1)
        small = 0
        drawn: Dict[str, Dict[str, List]] = {}
        weeks: Dict[str, List[List]] = {}
        for i in range(analysis.group_combo.count()):
            label = analysis.group_combo.itemText(i)
            n, n_c = published[label]
            analysis.group_combo.setCurrentIndex(i)
            painted.clear()  # one drawing: the month chart, then the weekday x hour table
            analysis.draw_charts()
            month_calls = [c for c in painted]
            cut = next(k for k, (kind, a) in enumerate(month_calls)
                       if kind == "text" and len(a) == 3 and str(a[2]) == "0" and a[0].x() > 0)
            series = read_month_pixmap(month_calls[:cut], 150, len(analysis.result.when["months"]),
                                       analysis.month_chart.pixmap().width())
            drawn[label] = series
            small += check_series(n, series["period"], f"wizard months of {label}")
            small += check_series(n_c, series["comparison"], f"wizard months (comparison) of {label}")
            # the reader is given the number of incidents with a time of day (the cells' sum) when the
            # group's count is printed; the oracle takes it from the scan result
            when = analysis.result.when["groups"][analysis.group_combo.itemData(i)]
            timed = float(sum(sum(row) for row in when["weekday_hour"]))
            whole = abs(timed - round(timed)) < 1e-6
            timed_total = (int(round(timed)) if whole else timed) if isinstance(n, int) else n
            cells, colours = read_heat_pixmap(month_calls[cut:], decimal_sign())
            weeks[label] = cells
            small += check_heat(cells, timed_total, f"wizard weekday x hour of {label}")
            assert len(colours) <= 1, f"{label}: the colour of a hidden cell gives its count"
            if isinstance(timed_total, int) and analysis.dagdeel.text():
                parts = read_day_parts(analysis.dagdeel.text(), timed_total)
                assert not [p for p in parts if isinstance(p, int) and 0 < p < T], (label, analysis.dagdeel.text())
                if "unknown" not in parts:
                    assert solved_cells(timed_total, parts) == [], (label, analysis.dagdeel.text())
        assert small > 0
        totals = {label: published[label] for label in drawn}
        small_2d = check_fields_beside_all(drawn, totals, weeks, "wizard")
        assert small_2d > 0
        grab = Path("/tmp/hotspot_look/sec")
        grab.mkdir(parents=True, exist_ok=True)
        analysis.group_combo.setCurrentIndex(0)
        tw.process()
        wizard.grab().save(str(grab / "wizard_charts.png"))
    finally:
        from qgis.PyQt.QtWidgets import QDialog

        for wizard in made:
            wizard.done(QDialog.DialogCode.Rejected)
            tw.wait_for(lambda w=wizard: not w.is_running() and not w.report_runner.is_running())
        tw.process()


# ---------------------------------------------------------------------------------------------------
# The wizard's charts together: fields x months beside the chart of all incidents
# ---------------------------------------------------------------------------------------------------

ALL = "All incidents"


def line_values(total, parts: List) -> List[Optional[set]]:
    """For each part that is not a number: the whole numbers it can take, by brute force over the other
    unknown parts ("<5" in 1..4, "x" from 5, from 0 when every part is "x"; the parts add up to the total)."""
    if not isinstance(total, int):
        return [None] * len(parts)
    all_x = all(p == "x" for p in parts)
    known = sum(p for p in parts if isinstance(p, int))
    ranges = [None if isinstance(p, int) else range(1, T) if p == "small" else range(0 if all_x else T, total + 1)
              for p in parts]
    out: List[Optional[set]] = []
    for i, r in enumerate(ranges):
        if r is None:
            out.append(None)
            continue
        from tests.qgis.test_disclosure_tables import reachable

        others = reachable([q for j, q in enumerate(ranges) if q is not None and j != i], total)
        out.append({v for v in r if total - known - v in others})
    return out


def solve_grid(rows: Dict[str, List], row_totals: Dict[str, object], margin: List, grand) -> List:
    """A reader of a fields x months table with its margins: every row beside its total, every month's
    fields beside the month of all incidents, the months of all incidents beside their total, each
    solved by brute force; a cell told exactly is put in, and again, until nothing changes. Returns
    the "<5" cells told: (row, month)."""
    grid = {k: list(v) for k, v in rows.items()}
    grid[ALL] = list(margin)
    totals = dict(row_totals, **{ALL: grand})
    told = []
    changed = True
    while changed:
        changed = False
        lines = [(totals[k], [(k, c) for c in range(len(grid[k]))]) for k in grid]
        fields = [k for k in grid if k != ALL]
        for c in range(len(margin)):
            lines.append((grid[ALL][c], [(k, c) for k in fields]))
        for total, cells in lines:
            parts = [grid[k][c] for k, c in cells]
            for (k, c), fits in zip(cells, line_values(total, parts)):
                if fits is not None and len(fits) == 1:
                    if grid[k][c] == "small":
                        told.append((k, c))
                    grid[k][c] = next(iter(fits))
                    changed = True
    return told


def check_fields_beside_all(drawn: Dict[str, Dict[str, List]], totals: Dict[str, tuple], weeks, where: str) -> int:
    """The month charts of the fields read together with the chart of all incidents (and the numbers
    tab's counts); the weekday x hour tables cell by cell beside the table of all incidents."""
    small = 0
    fields = [k for k in drawn if k != ALL]
    for s, series in ((0, "period"), (1, "comparison")):
        rows = {k: drawn[k][series] for k in fields}
        told = solve_grid(rows, {k: totals[k][s] for k in fields}, drawn[ALL][series], totals[ALL][s])
        assert told == [], f"{where}: {series} months told from the chart of all incidents: {told}"
        small += sum(row.count("small") for row in rows.values())
    week_floor = {k: week_floors(weeks[k]) for k in fields}  # an "x" of a day part that is all "x": from 0
    for d in range(7):
        for h in range(24):
            total = weeks[ALL][d][h]
            parts = [weeks[k][d][h] for k in fields]
            if isinstance(total, (int, float)) and total > 0 and any(p in ("small", "x") for p in parts):
                column = 0.0 if all(q == "x" for q in parts if q != 0) else float(T)
                floors = [min(column, week_floor[k][d * 24 + h]) for k in fields]
                assert solved_real(float(total), parts, floors) == [], f"{where}: weekday x hour {d} {h}: {parts}"
    return small


def test_the_grid_reader_sees_a_field_month_as_all_minus_the_others():
    """Crafted, as the old wizard drew it: A 12, 10, 7 and B 8, 9, "<5" (each beside its own count)
    beside all incidents 20, 19, 9: March of B is 9 - 7 = 2."""
    rows = {"A": [12, 10, 7], "B": [8, 9, "small"]}
    assert solve_grid(rows, {"A": 29, "B": 19}, [20, 19, 9], 48) == [("B", 2)]
    from hotspot_plugin.core import disclosure as dc

    states = dc.protect_table([[12, 10, 7], [8, 9, 2]], T)
    protected = {k: ["x" if s == dc.HIDDEN else "small" if s == dc.SMALL else v for v, s in zip(vals, st)]
                 for k, vals, st in zip(("A", "B"), ([12, 10, 7], [8, 9, 2]), states.cells)}
    margin = ["x" if s == dc.HIDDEN else "small" if s == dc.SMALL else v for v, s in zip([20, 19, 9], states.margin)]
    assert solve_grid(protected, {"A": 29, "B": 19}, margin, 48) == []


# ---------------------------------------------------------------------------------------------------
# Exported tables: measure effect and Knox table as CSV
# ---------------------------------------------------------------------------------------------------


def read_csv(path: Path) -> List[Dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def published(row: Dict[str, str], column: str):
    """A count as the CSV publishes it: its text column when there is one, else the number."""
    text = row.get(f"{column}_text")
    value = parse(text) if text not in (None, "") else None
    if value is None:
        value = parse(row[column]) if row[column] not in ("", None) else None
    return value


def test_measure_effect_csv_gives_no_small_count_back(run_alg, tmp_path):
    from tests.qgis.test_measure_algs import PERIODS, _box, _layer, _pt

    target = _layer("Polygon", "", [(_box(0, 0, 100, 100), [])])
    plan = {  # source: (target before, target after, control before, control after)
        "politie": (12, 3, 30, 28),
        "meldingen": (10, 9, 22, 2),
        "handhaving": (1, 7, 6, 6),
    }
    rows = []
    for source, (tb, ta, cb, ca) in plan.items():
        for count, x, date in ((tb, 50, "2024-03-15"), (ta, 50, "2024-09-15"), (cb, 1000, "2024-03-15"),
                               (ca, 1000, "2024-09-15")):
            rows += [(_pt(x, 50), [date, source])] * count
    incidents = _layer("Point", "&field=occurred_at:date&field=source:string", rows)
    params = {"INPUT": incidents, "TARGET": target, **PERIODS, "GROUP_FIELD": "source", "CHART": ""}
    out = tmp_path / "effect.csv"
    run_alg("hotspot:measureeffect", {**params, "OUTPUT": str(out)})
    exact = run_alg("hotspot:measureeffect", {**params, "GROUP_FIELD": "", "OUTPUT": "memory:"})["OUTPUT"]
    totals = {(f["zone"], c): f[c] for f in exact.getFeatures() for c in ("before", "after")}  # the conclusion's
    table = read_csv(out)
    small = 0
    for zone in {r["zone"] for r in table}:
        for column in ("before", "after"):
            parts = [published(r, column) for r in table if r["zone"] == zone]
            small += check_series(totals[(zone, column)], parts, f"measure effect CSV, {zone} {column}")
    for r in table:
        if not all(isinstance(published(r, c), int) for c in ("before", "after")):
            assert r["change_pct"] == "", r
    assert small > 0


def test_knox_csv_gives_no_small_count_back(burglary_gpkg, run_alg, tmp_path):  # noqa: F811
    params = {"INPUT": incidents_uri(burglary_gpkg), "FILTER": "category = '1.1.1'", "PERMUTATIONS": 19, "SEED": 5,
              "CHART": ""}
    out = tmp_path / "knox.csv"
    run_alg("hotspot:nearrepeat", {**params, "OUTPUT": str(out)})
    exact = run_alg("hotspot:nearrepeat", {**params, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    total = sum(f["observed"] for f in exact.getFeatures())  # the log prints the number of pairs
    table = read_csv(out)
    parts = [published(r, "observed") for r in table]
    assert check_series(total, parts, "Knox CSV") > 0
    for r, p in zip(table, parts):
        if not isinstance(p, int):
            assert r["knox_ratio"] == r["p_value"] == r["significant"] == "", r
