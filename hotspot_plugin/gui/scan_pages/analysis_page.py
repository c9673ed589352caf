"""Page 3 of the environment-scan wizard: runs hotspot:environmentscan as a task (progress, Cancel)
and shows the saved results: a table, a month trend, a weekday x hour table and a map preview.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (
    QgsGeometry,
)
from qgis.PyQt.QtCore import QLocale, QSize, Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...core import disclosure as dc
from ...core.numbers import format_number
from ...core.scan import ScanResult, suppress
from ...core.scan_types import DAGDELEN_HOURS
from ...i18n import decimal_sign, tr
from .. import charts
from .common import (
    MESSAGE_HINT,
    date_format,
    field_label,
    qdate,
    show_message,
    ui_locale,
)
from .map_preview import MapPreview


def two_lines(text: str) -> str:
    """A column title of more than one word on two lines (broken at the space nearest the middle)."""
    spaces = [i for i, c in enumerate(text) if c == " "]
    if len(text) < 10 or not spaces:
        return text
    i = min(spaces, key=lambda k: abs(k - len(text) / 2))
    return text[:i] + "\n" + text[i + 1 :]


def _bold(item, columns: int) -> None:
    font = item.font(0)
    font.setBold(True)
    for c in range(columns):
        item.setFont(c, font)


def warning_texts(result: ScanResult) -> List[str]:
    """The scan's warnings, translated."""
    out = []
    for w in result.warnings or []:
        template = str(w.get("message", ""))
        params = w.get("params") or {}
        try:
            out.append(tr(template).format(**params))
        except (KeyError, IndexError, ValueError):
            out.append(template)
    return out


class AnalysisPage(QWizardPage):
    """Runs the scan as a background task and shows the results of the saved record."""

    COLUMNS = 7

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle("3. " + tr("Analysis"))
        self.setSubTitle(tr("The scan runs in the background; the results are saved in the GeoPackage."))
        self.result: Optional[ScanResult] = None
        self.labels: Dict[str, str] = {}
        layout = QVBoxLayout(self)
        run_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.run_button = QPushButton(tr("Run again"))
        self.cancel_button = QPushButton(tr("Cancel the analysis"))
        self.cancel_button.setEnabled(False)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.cancel_button)
        layout.addLayout(run_row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)

        self.tabs = QTabWidget()
        # numbers
        self.table = QTreeWidget()
        self.table.setColumnCount(self.COLUMNS)
        self.table.setHeaderLabels(
            [tr("Safety field / category")]
            + [
                two_lines(t)
                for t in (
                    tr("Area"),
                    tr("Previous period"),
                    tr("Change"),
                    tr("Ring"),
                    tr("Per 1,000 inhabitants"),
                    tr("Against the municipality"),
                )
            ]
        )
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        for c in range(1, self.COLUMNS):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.table.headerItem().setToolTip(
            3,
            tr(
                "Change against the comparison period; * = significant "
                "(exact test for two Poisson counts, p < 0.05)."
            ),
        )
        self.table.headerItem().setToolTip(
            6,
            tr(
                "Rate ratio against the municipality; * = significant. Point "
                "at a number for its 95% interval."
            ),
        )
        numbers = QWidget()
        numbers_layout = QVBoxLayout(numbers)
        numbers_layout.setContentsMargins(4, 4, 4, 4)
        numbers_layout.addWidget(self.table, 1)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet(MESSAGE_HINT)
        numbers_layout.addWidget(self.legend)
        self.tabs.addTab(numbers, tr("Numbers"))
        # when
        when = QWidget()
        when_layout = QVBoxLayout(when)
        when_layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Show")))
        self.group_combo = QComboBox()
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        top.addWidget(self.group_combo)
        self.dagdeel = QLabel()
        top.addWidget(self.dagdeel, 1)
        when_layout.addLayout(top)
        self.month_chart = QLabel()
        self.heat_chart = QLabel()
        for chart in (self.month_chart, self.heat_chart):
            chart.setAlignment(Qt.AlignmentFlag.AlignCenter)
            chart.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            chart.setMinimumSize(300, 120)
        when_layout.addWidget(self.month_chart, 1)
        when_layout.addWidget(self.heat_chart, 1)
        self.tabs.addTab(when, tr("When"))
        # where
        where = QWidget()
        where_layout = QVBoxLayout(where)
        where_layout.setContentsMargins(4, 4, 4, 4)
        self.map = MapPreview()
        where_layout.addWidget(self.map, 1)
        self.map_legend = QLabel()
        self.map_legend.setWordWrap(True)
        self.map_legend.setStyleSheet(MESSAGE_HINT)
        where_layout.addWidget(self.map_legend)
        self.tabs.addTab(where, tr("Map"))
        layout.addWidget(self.tabs, 1)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #8a5300;")
        layout.addWidget(self.warnings)

        self.run_button.clicked.connect(lambda: self.start())
        self.cancel_button.clicked.connect(lambda: self.cancel())
        self.group_combo.currentIndexChanged.connect(lambda *_: self.draw_charts())
        self.tabs.currentChanged.connect(lambda *_: self._tab_changed())

    # Running -------------------------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 - Qt API
        wizard = self.wizard()
        if wizard.is_running():
            return
        if wizard.record is None or wizard.results_stale():
            self.start()
        else:
            self.show_results()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt API
        """Going back: a running analysis is cancelled."""
        if self.wizard().is_running():
            self.cancel()

    def start(self) -> bool:
        """Start the analysis (via the wizard); False with a message when it cannot start."""
        wizard = self.wizard()
        error = wizard.start_analysis()
        if error:
            show_message(self.status, error, True)
            return False
        self.set_running(True)
        show_message(self.status, tr("Running the scan… The results appear here when it is done."), False)
        return True

    def cancel(self) -> None:
        self.wizard().cancel_analysis()
        show_message(self.status, tr("Cancelling…"), False)

    def set_running(self, running: bool) -> None:
        self.cancel_button.setEnabled(running)
        self.run_button.setEnabled(not running)
        self.tabs.setEnabled(not running)
        if running:
            self.progress.setValue(0)
        self.completeChanged.emit()

    def set_progress(self, value: float) -> None:
        self.progress.setValue(int(value))

    def finished(self, ok: bool, cancelled: bool, error: str) -> None:
        """The wizard reports the end of the task."""
        self.set_running(False)
        if cancelled:
            self.progress.setValue(0)
            show_message(
                self.status,
                tr("Cancelled: nothing was saved. Press 'Run again' to start the scan " "again."),
                True,
            )
        elif not ok:
            self.progress.setValue(0)
            show_message(self.status, error or tr("The scan failed; see the Hotspot log."), True)
        else:
            self.progress.setValue(100)
            self.show_results()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        wizard = self.wizard()
        return (
            wizard is not None
            and not wizard.is_running()
            and wizard.record is not None
            and not wizard.results_stale()
        )

    # Showing -------------------------------------------------------------------------------------
    def show_results(self) -> None:
        wizard = self.wizard()
        record = wizard.record
        self.result = record.results
        if self.result is None:
            show_message(
                self.status,
                tr("The scan {reference} has no results; run the environment scan first.").format(
                    reference=record.reference or record.uuid
                ),
                True,
            )
            return
        info = wizard.area_page.info
        self.labels = {code: label for code, label, _f, _n in (info.categories if info else [])}
        result = self.result
        t = result.threshold
        dec = decimal_sign()
        n = result.n_incidents
        geo = result.geography or {}
        params = result.parameters
        fmt = date_format()
        start = qdate(params.period[0]).toString(fmt)
        end = qdate(str(np.datetime64(params.period[1], "s") - np.timedelta64(1, "s"))[:10]).toString(fmt)
        inhabitants = (geo.get("inhabitants") or {}).get("area")
        status = tr(
            "{reference}: {n} incidents in the area ({km2} km², about {inh} inhabitants) from {start} up to "
            "and including {end}; {ring} in the ring of {width} m."
        ).format(
            reference=record.reference,
            n=suppress(n.get("area_period"), t),
            km2=format_number(geo.get("area_km2"), 2, dec, group=True),
            inh=format_number(round(inhabitants or 0, -1) if inhabitants else 0, 0, dec, group=True),
            start=start,
            end=end,
            ring=suppress(n.get("ring_period"), t),
            width=format_number(params.ring_width, 0, dec, group=True),
        )
        show_message(self.status, status, False)
        self.status.setStyleSheet("")
        self.fill_table()
        self.legend.setText(
            tr(
                "Counts below {t} are shown as '<{t}'; x: hidden so that a small count cannot be computed "
                "back from the total. Change: against {c_start} up to and including "
                "{c_end}; * = significant (p < 0.05). Against the municipality: rate ratio (point at "
                "a number for its 95% interval)."
            ).format(
                t=t,
                c_start=qdate(params.comparison[0]).toString(fmt),
                c_end=qdate(
                    str(np.datetime64(params.comparison[1], "s") - np.timedelta64(1, "s"))[:10]
                ).toString(fmt),
            )
        )
        self.fill_group_combo()
        self.draw_charts()
        warnings = warning_texts(result)
        self.warnings.setText("\n".join("⚠ " + w for w in warnings))
        self.warnings.setVisible(bool(warnings))
        self.render_map()

    def group_label(self, group: Dict[str, Any]) -> str:
        if group["kind"] == "total":
            return tr("All incidents")
        if group["kind"] == "field":
            return field_label(group["code"])
        code = group["code"]
        return f"{code} {self.labels.get(code, '')}".strip()

    #: The counts of a group the disclosure rule protects: (part of the group, key).
    COUNT_COLUMNS = (("area", "n"), ("area", "n_comparison"), ("ring", "n"))

    def count_states(self) -> Dict[str, Tuple[str, ...]]:
        """Group key -> how its period, comparison and ring counts are shown (core/disclosure.py):
        the fields beside all incidents, the categories beside their field, as in the report."""
        result = self.result
        t = result.threshold

        def counts(g: Dict[str, Any]) -> List[Any]:
            return [(g.get(part) or {}).get(key) for part, key in self.COUNT_COLUMNS]

        total = result.group("total") or {}
        fields = result.groups_of("field")
        states: Dict[str, Tuple[str, ...]] = {
            "total": tuple(dc.SMALL if dc.is_small(v, t) else dc.SHOWN for v in counts(total))
        }
        for g, state in zip(fields, dc.protect_parts(counts(total), [counts(g) for g in fields], t)):
            states[g["key"]] = state
            cats = [c for c in result.groups_of("category") if c.get("safety_field") == g["code"]]
            for c, c_state in zip(cats, dc.protect_parts(counts(g), [counts(c) for c in cats], t, state)):
                states[c["key"]] = c_state
        return states

    def chart_states(self) -> Dict[str, Dict[str, Any]]:
        """Group key -> the states of its charts: ``period`` and ``comparison`` (per month), ``week``
        (7 x 24) and ``dagdeel`` (day, evening, night).

        The charts of the fields add up to the chart of all incidents (month by month, cell by cell),
        so a field's month could be read as all incidents minus the other fields: the fields x months
        are protected as one two-way table with its margins (core.disclosure.protect_table), each
        month's fields beside all incidents in that month and each field's months beside its count as
        the numbers tab shows it; the weekday x hour tables and their day parts likewise."""
        cached = getattr(self, "_chart_states", None)
        if cached is not None and cached[0] is self.result:
            return cached[1]
        result = self.result
        t = result.threshold
        groups = (result.when or {}).get("groups") or {}
        states = self.count_states()
        fields = [g["key"] for g in result.groups_of("field") if g["key"] in groups]
        total = groups.get("total")
        out: Dict[str, Dict[str, Any]] = {k: {} for k in fields + ["total"]}
        if total is None:
            return out
        for name, series, column in (("period", "months_period", 0), ("comparison", "months_comparison", 1)):
            table = dc.protect_table(
                [groups[k][series] for k in fields],
                t,
                row_states=[states[k][column] for k in fields],
                total_state=states["total"][column],
                margin=total[series],
            )
            for k, row in zip(fields, table.cells):
                out[k][name] = row
            out["total"][name] = table.margin

        def flat(week: Any) -> List[float]:
            return [float(v or 0) for row in week for v in row]

        parts = [[d * 24 + h for d in range(7) for h in dc.day_part_hours(a, b)] for a, b in DAGDELEN_HOURS.values()]
        table = dc.protect_table(
            [flat(groups[k]["weekday_hour"]) for k in fields],
            t,
            row_states=[states[k][0] for k in fields],
            total_state=states["total"][0],
            margin=flat(total["weekday_hour"]),
            column_groups=parts,
        )
        for k, row, day_parts in zip(fields + ["total"], list(table.cells) + [table.margin], table.groups):
            out[k]["week"] = [tuple(row[d * 24 : (d + 1) * 24]) for d in range(7)]
            out[k]["dagdeel"] = dict(zip(DAGDELEN_HOURS, day_parts))
        self._chart_states = (result, out)
        return out

    def _cells(self, group: Dict[str, Any], basis: str, states: Tuple[str, ...] = (dc.SHOWN,) * 3) -> List[str]:
        t = self.result.threshold
        dec = decimal_sign()
        area = group["area"]
        ring = group["ring"]
        state, state_c, state_ring = states
        shown = dc.derived_shown(state, area["n"], threshold=t)
        change = (group.get("change") or {}).get("area") or {}
        if not (shown and dc.derived_shown(state_c, area["n_comparison"], threshold=t)):
            change_text = "–"  # no change next to a count that is not shown ('5 / <5 / +67%' gave 3)
        elif change.get("change_pct") is None:
            change_text = "–" if not area["n"] else tr("new")
        else:
            pct = round(change["change_pct"])
            change_text = ("+" if pct > 0 else "") + format_number(pct if pct else 0, 0, dec, group=True) + "%"
            if change.get("significant"):
                change_text += " *"
        vs = (group.get("vs_reference") or {}).get(basis) or {}
        if vs.get("ratio") is None or not shown:
            ratio_text = "–"
        else:
            ratio_text = format_number(vs["ratio"], 1, dec, group=True) + "×"
            if vs.get("significant"):
                ratio_text += " *"
        rate = area.get("per_1000") if basis == "per_1000" else area.get("per_km2")

        def count(n: Any, s: str) -> str:
            return dc.publish(n, s, t, lambda v: suppress(v, t))

        return [
            self.group_label(group),
            count(area["n"], state),
            count(area["n_comparison"], state_c),
            change_text,
            count(ring["n"], state_ring),
            format_number(area.get("per_1000"), 1, dec, group=True)
            if area.get("per_1000") is not None and shown
            else "–",
            ratio_text if rate is not None or vs else "–",
        ]

    def basis(self) -> str:
        inhabitants = ((self.result.geography or {}).get("inhabitants") or {}).get("area")
        return "per_1000" if inhabitants and inhabitants >= 100 else "per_km2"

    def fill_table(self) -> None:
        self.table.clear()
        result = self.result
        basis = self.basis()
        self.table.headerItem().setText(
            6,
            two_lines(
                tr("Against the municipality")
                if basis == "per_1000"
                else tr("Against the municipality (per km²)")
            ),
        )
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        states = self.count_states()

        def item(group: Dict[str, Any], parent=None) -> QTreeWidgetItem:
            state = states.get(group["key"], (dc.SHOWN,) * 3)
            cells = self._cells(group, basis, state)
            derived = dc.derived_shown(state[0], group["area"]["n"], threshold=result.threshold)
            node = QTreeWidgetItem(cells)
            node.setData(0, Qt.ItemDataRole.UserRole, group["key"])
            for c in range(1, self.COLUMNS):
                node.setTextAlignment(c, int(right))
            vs = (group.get("vs_reference") or {}).get(basis) or {}
            if vs.get("ratio") is not None and derived:
                node.setToolTip(
                    6,
                    tr("{ratio}× the municipality (95% interval {low}–{high}; p = {p})").format(
                        ratio=format_number(vs["ratio"], 2, decimal_sign(), group=True),
                        low=format_number(vs.get("ci_low"), 2, decimal_sign(), group=True),
                        high=format_number(vs.get("ci_high"), 2, decimal_sign(), group=True),
                        p=format_number(vs.get("p_value"), 3, decimal_sign(), group=True),
                    ),
                )
            change = (group.get("change") or {}).get("area") or {}
            if change.get("p_value") is not None and cells[3] != "–":
                node.setToolTip(
                    3,
                    tr("p = {p}; ratio {ratio} (95% interval {low}–{high})").format(
                        p=format_number(change["p_value"], 3, decimal_sign(), group=True),
                        ratio=format_number(change.get("ratio"), 2, decimal_sign(), group=True),
                        low=format_number(change.get("ci_low"), 2, decimal_sign(), group=True),
                        high=format_number(change.get("ci_high"), 2, decimal_sign(), group=True),
                    ),
                )
            if parent is None:
                self.table.addTopLevelItem(node)
            else:
                parent.addChild(node)
            return node

        total = result.group("total")
        if total is not None:
            _bold(item(total), self.COLUMNS)
        categories = result.groups_of("category")
        for g in result.groups_of("field"):
            node = item(g)
            _bold(node, self.COLUMNS)
            for c in categories:
                if c.get("safety_field") == g["code"] and (
                    c["area"]["n"] or c["area"]["n_comparison"] or c["ring"]["n"]
                ):
                    item(c, node)
            node.setExpanded(bool(g["area"]["n"]))

    def fill_group_combo(self) -> None:
        self.group_combo.blockSignals(True)
        current = self.group_combo.currentData()
        self.group_combo.clear()
        for g in [self.result.group("total")] + self.result.groups_of("field"):
            if g is not None and (g["kind"] == "total" or g["area"]["n"] or g["area"]["n_comparison"]):
                self.group_combo.addItem(self.group_label(g), g["key"])
        index = self.group_combo.findData(current)
        self.group_combo.setCurrentIndex(max(0, index))
        self.group_combo.blockSignals(False)

    def draw_charts(self) -> None:
        if self.result is None:
            return
        key = self.group_combo.currentData() or "total"
        when = (self.result.when or {}).get("groups", {}).get(key)
        if when is None:
            return
        t = self.result.threshold
        # the charts add up to the group's counts and, field by field, to the charts of all incidents:
        # they follow the numbers tab and each other (chart_states)
        state, state_c = self.count_states().get(key, (dc.SHOWN,) * 3)[:2]
        chart = self.chart_states().get(key) or {}
        locale = ui_locale()
        width = max(600, self.tabs.width() - 24)
        self.month_chart.setPixmap(
            charts.month_trend_pixmap(
                self.result.when.get("months", []),
                when["months_period"],
                when["months_comparison"],
                t,
                state,
                state_c,
                width=width,
                height=150,
                period_label=tr("period"),
                comparison_label=tr("comparison period"),
                small_label=tr("fewer than {t}").format(t=t),
                hidden_label=tr("x: hidden beside a small count"),
                locale=locale,
                period_states=chart.get("period"),
                comparison_states=chart.get("comparison"),
            )
        )
        weekdays = [locale.dayName(d, QLocale.FormatType.ShortFormat).rstrip(".") for d in range(1, 8)]
        self.heat_chart.setPixmap(
            charts.weekday_hour_pixmap(
                when["weekday_hour"],
                t,
                state,
                tuple(DAGDELEN_HOURS.values()),
                width=width,
                height=165,
                weekdays=weekdays,
                hour_label=tr("hour of the day (0 = 00:00-00:59)"),
                decimal=decimal_sign(),
                states=chart.get("week"),
            )
        )
        self.dagdeel.setText(self.dagdeel_text(when.get("dagdeel") or {}, t, state, chart.get("dagdeel")))

    @staticmethod
    def dagdeel_text(dd: Dict[str, Any], t: int, state: str, given: Optional[Dict[str, str]] = None) -> str:
        """The day parts' shares; a part that is small, or hidden beside one, shows "<5" or "x"
        instead of a share (with the total beside it, a share is a count: core/disclosure.py).
        *given*: the parts' states as protected with the weekday x hour tables (chart_states)."""
        names = [(tr("day (07-19)"), "dag"), (tr("evening (19-23)"), "avond"), (tr("night (23-07)"), "nacht")]
        values = [float(dd.get(k) or 0) for _name, k in names]
        total = sum(values)
        if total <= 0:
            return ""
        states = dc.protect_series(values, t, state)
        if given:  # hidden in either protection: hidden
            states = tuple(
                s if s != dc.SHOWN else given.get(k, dc.SHOWN) for s, (_name, k) in zip(states, names)
            )
        parts = []
        for (name, _key), v, s in zip(names, values, states):
            text = dc.mark(v, s, t)
            if text is None:
                text = format_number(v / total * 100, 0, decimal_sign(), group=True) + "%"
            parts.append(f"{name}: {text}")
        return "   ".join(parts)

    def _tab_changed(self) -> None:
        if self.tabs.currentIndex() == 1:
            self.draw_charts()

    def render_map(self) -> None:
        wizard = self.wizard()
        record = wizard.record
        info = wizard.area_page.info
        if record is None or info is None or self.result is None:
            return
        area = QgsGeometry.fromWkt(record.area.wkt)
        zones = list(record.parameters.zones or [])
        heatmap = wizard.heatmap_path()
        size = QSize(max(480, self.tabs.width() - 24), max(300, self.tabs.height() - 70))
        self.map.render(
            info.path,
            info.crs,
            area,
            float(self.result.parameters.ring_width or 0),
            zones,
            heatmap,
            self.result.parameters.period,
            size,
        )
        parts = [
            tr("blue line: scan area"),
            tr("dashed: ring of {m} m").format(
                m=format_number(self.result.parameters.ring_width, 0, group=True)
            ),
        ]
        if zones:
            parts.append(tr("red: hotspot zones ({n})").format(n=len(zones)))
        if heatmap and Path(heatmap).exists():
            parts.append(tr("yellow to red: incident density"))
        parts.append(tr("dots: incidents in the period"))
        self.map_legend.setText("; ".join(parts) + ".")
