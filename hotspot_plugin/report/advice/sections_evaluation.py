"""The section 'Evaluatie' of the advice report: the effect of the measures registered at this place.

The section is the step ``("evaluation", self.page_evaluation)`` of ``AdviceReport.build``, after
the results. It uses ``self.gpkg``, ``self.record`` (the scan: its area and uuid), ``self.doc``
and ``self.fmt``; a scan without registered measures at its place gets no page. Its first page,
'Measures at this place' ("Maatregelen op deze plek"), lists them from the register (kind,
status, dates, owner, where they came from); then the text and one chart page per evaluated
measure.

Each measure with a start date that lies in the register at this place (other than the ones
this scan itself registered) is evaluated as hotspot:measureeffect does, with equal before
and after periods around its start (``core.measure_register.evaluation_periods``), the
measure's location as target, the 250 m around it as buffer and the rest of the GeoPackage's
incidents as control.

The counts follow the disclosure rule (:func:`core.disclosure.protect_effect`): the three areas'
counts of a period stand beside the period's total, so a small one is ``"<t"`` and one that would
give it back ``"x"``, in the text and in the chart; a percentage change, odds ratio or WDQ computed
on a count not shown is not printed ("not to be published: small numbers").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import List, Optional

import numpy as np

from ...core import disclosure as dc
from ...core import measure_effect as me
from ...core.measure_register import SOURCES, STATUSES, MeasureRecord, evaluation_periods
from ...core.numbers import format_number
from ...i18n import tr
from ...storage.measures import list_measures
from ...storage.scan_inputs import read_incidents, reading
from ..charts_effect import effect_chart


@dataclass
class MeasureEvaluation:
    """One registered measure, and its effect when it can be evaluated (else ``reason``)."""

    measure: MeasureRecord
    periods: Optional[me.Periods] = None
    effect: Optional[me.Effect] = None
    reason: str = ""


def evaluate_measures(gpkg_path: str, area, exclude_scan: str = "",
                      buffer_distance: float = me.DEFAULT_BUFFER_DISTANCE) -> List[MeasureEvaluation]:
    """The measures registered at *area* (not those of scan *exclude_scan*), each evaluated."""
    measures = [m for m in list_measures(gpkg_path, area=area) if not (exclude_scan and m.scan_uuid == exclude_scan)]
    if not measures:
        return []
    with reading(gpkg_path) as con:
        data = read_incidents(con, [(np.datetime64("1900-01-01"), np.datetime64("2200-01-01"))])
    out: List[MeasureEvaluation] = []
    if data.x.size == 0:
        return [MeasureEvaluation(m, reason=tr("there are no incidents in the GeoPackage")) for m in measures]
    days = (data.t.astype("datetime64[D]") - np.datetime64("1970-01-01", "D")).astype(float)
    first = dt.date(1970, 1, 1) + dt.timedelta(days=int(np.nanmin(days)))
    last = dt.date(1970, 1, 1) + dt.timedelta(days=int(np.nanmax(days)))
    for m in measures:
        if not m.start_date:
            out.append(MeasureEvaluation(m, reason=tr("it has no start date")))
            continue
        start = dt.date.fromisoformat(m.start_date)
        end = dt.date.fromisoformat(m.end_date) if m.end_date else None
        periods = evaluation_periods(start, end, first, last)
        if periods is None:
            out.append(MeasureEvaluation(m, reason=tr("there are too few days of data before or after its start")))
            continue
        zone = me.classify_zones(data.x, data.y, m.location, buffer_distance=buffer_distance)
        effect = me.effect(me.ZoneCounts.count(zone, me.period_of(days, periods)))
        out.append(MeasureEvaluation(m, periods, effect))
    return out


def _part_shown(params: dict, states: dict) -> bool:
    """Whether a part of :func:`core.measure_effect.conclusion_parts` (by its parameters) is computed
    only on counts that are shown: a WDQ on all six, a percentage change or odds ratio on the target's
    and the control area's."""
    keys = dc.EFFECT_KEYS if ("wdq" in params or "buffer" in params) else ("rb", "ra", "cb", "ca")
    return all(states[k] == dc.SHOWN for k in keys)


def evaluation_paragraph(ev: MeasureEvaluation, decimal: str, buffer_distance: float = me.DEFAULT_BUFFER_DISTANCE,
                         threshold: int = dc.DEFAULT_THRESHOLD) -> str:
    """The text of one measure's evaluation, its counts under the disclosure rule (module doc)."""
    m = ev.measure
    head = tr("{title} (since {start}, {status})").format(
        title=m.title or m.measure_id, start=m.start_date or "-", status=tr({"gepland": "planned", "actief": "active",
                                                                               "beeindigd": "ended"}.get(m.status,
                                                                                                         m.status)))
    if ev.effect is None:
        return head + ": " + tr("not evaluated, because {reason}.").format(reason=ev.reason)
    p, c = ev.periods, ev.effect.counts
    states = dc.protect_effect(c, threshold)
    published = {k: dc.publish(getattr(c, k), states[k], threshold,
                               lambda v: format_number(v, 0, decimal, group=True)) for k in dc.EFFECT_KEYS}
    parts = []
    withheld = False
    for template, params in me.conclusion_parts(ev.effect, tr("the {distance} m around it").format(
            distance=format_number(buffer_distance, None, decimal))):
        if "rb" in params:  # counts only: printed as published
            parts.append(tr(template).format(**{k: published[k] for k in params}))
            continue
        if not _part_shown(params, states):
            withheld = True
            continue
        shown = {k: (v if isinstance(v, str) else format_number(v, 0 if k.endswith("pct") else 2, decimal))
                 for k, v in params.items()}
        parts.append(tr(template).format(**shown))
    if withheld:
        parts.append(tr("the percentage changes, the odds ratio and the WDQ computed on a count that is not "
                        "shown: not to be published, small numbers"))
    text = "; ".join(parts)
    return (head + ". " + tr("Compared: {b0} to {b1} against {a0} to {a1} ({n} days each); target area {rb} → {ra}, "
                             "buffer {db} → {da}, control {cb} → {ca} incidents.").format(
        b0=p.before_start.isoformat(), b1=p.before_end.isoformat(), a0=p.after_start.isoformat(),
        a1=p.after_end.isoformat(), n=p.days()[0], **published)
        + " " + (text[0].upper() + text[1:] + "." if text else ""))


class EvaluationSection:
    """Mixin of :class:`~.report.AdviceReport`: the section 'Evaluatie' (see the module docstring)."""

    #: At most this many measures get a page with a chart; the rest are listed in the text.
    MAX_EVALUATION_PAGES = 4

    def page_evaluation(self) -> None:
        evaluations = evaluate_measures(self.gpkg, self.record.area, exclude_scan=self.record.uuid)
        if not evaluations:
            return
        decimal = "," if self.fmt.dutch else "."
        self.register_page(evaluations)
        heading = tr("Evaluation of earlier measures")
        charted = [ev for ev in evaluations if ev.effect is not None][:self.MAX_EVALUATION_PAGES]
        rest = [ev for ev in evaluations if ev not in charted]
        blocks = [("p", tr("Measures registered at this place earlier, and what happened to the incidents since "
                           "they started. Each is compared with the same number of days before its start; the "
                           "buffer is the 250 m around the measure, the control area the rest of the "
                           "municipality. A fall relative to the control area is not proof that the measure "
                           "caused it."))]
        threshold = self.fmt.threshold
        blocks += [("p", evaluation_paragraph(ev, decimal, threshold=threshold)) for ev in rest]
        self.doc.flow_text(heading, blocks)
        for ev in charted:
            items = self.doc.add_page("chart", tr("Evaluation: {title}").format(
                title=ev.measure.title or ev.measure.measure_id))
            self.doc.set_text(items, "intro", evaluation_paragraph(ev, decimal, threshold=threshold), shrink=True)
            self.doc.set_picture(items, "chart_1", lambda path, w, h, ev=ev: effect_chart(
                ev.effect.counts, path, decimal, title=tr("Incidents before and after the measure"),
                buffer_label=tr("Buffer (250 m)"), width_in=w / 25.4, height_in=h / 25.4, dpi=200,
                states=dc.protect_effect(ev.effect.counts, threshold), threshold=threshold))
            self.doc.remove(items, "chart_2", "table", "note")

    def register_rows(self, evaluations: List[MeasureEvaluation]) -> List[List[str]]:
        """One row per registered measure: title, status, start, end, owner, origin, evaluated."""
        rows = []
        for ev in evaluations:
            m = ev.measure
            rows.append([m.title or m.measure_id, tr(STATUSES.get(m.status, m.status)),
                         self.fmt.date(m.start_date) or "–", self.fmt.date(m.end_date) or "–",
                         self.owner_label(m.owner) if m.owner else "–", tr(SOURCES.get(m.source, m.source or "–")),
                         tr("yes") if ev.effect is not None else tr("no")])
        return rows

    def register_page(self, evaluations: List[MeasureEvaluation]) -> None:
        """The page 'Measures at this place': the register's measures whose location meets the area."""
        heading = tr("Measures at this place")
        items = self.doc.add_page("table", heading)
        self.doc.set_text(items, "intro", tr(
            "Measures in the register of the safety GeoPackage whose location meets the scan area: {n} (registered "
            "by earlier scans, by the camera placement or by hand; this scan's own measures are in chapter 6). "
            "Those with a start date inside the data are evaluated on the next pages.").format(
                n=len(evaluations)), shrink=True)
        self.doc.fill_table(items, "table", [tr("Measure"), tr("Status"), tr("Start"), tr("End"), tr("Owner"),
                                             tr("Registered from"), tr("Evaluated")],
                            self.register_rows(evaluations), [0.25, 0.09, 0.14, 0.14, 0.14, 0.14, 0.1],
                            [False, False, True, True, False, False, False], continuation=heading)
        self.doc.set_text(items, "note", tr("Edit the register in QGIS: the layer 'measures' of the safety "
                                            "GeoPackage, with its form."), shrink=True)
