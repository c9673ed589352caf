"""The area monitor's dashboard: one self-contained HTML file (``hotspot:areamonitor`` DASHBOARD).

It works offline when mailed or put on an intranet: the map is inline SVG drawn from the areas'
geometries (no tiles), the script and styles are inline, and nothing refers to a URL, a font
or a file. It holds a map of the areas coloured by their ratio to the municipality in the last
year (per safety field, chosen above the map), a table per safety field that sorts on a click
on its header, charts of each area's rate over the years against the municipality's, and the
area's profile when an area is clicked (on the map or in a table). Dutch or English text;
printable (the controls are hidden, every table printed).

All text from the data goes through :func:`html.escape` (server side) or ``textContent``
(script side); the data travel as JSON in a ``<script type="application/json">`` element with
``<`` written as ``\\u003c``. Published numbers come from :func:`core.monitor_profile.area_profile`
(the disclosure rule applied).
"""
from __future__ import annotations

import html
import json
import math
from typing import List, Sequence

from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from ..core.area_monitor import FIELDS, MonitorResult
from ..core.monitor_profile import area_profile, field_label

#: SVG map size (user units).
MAP_W, MAP_H = 640.0, 480.0

STATUS_COLOURS = {"above": "#d7301f", "below": "#4a90c2", "same": "#e8e3d3", "hidden": "#ffffff"}

TEXT = {
    True: {"title": "Stad in cijfers: buurtmonitor", "field": "Veiligheidsveld", "map": "Kaart",
           "legend_above": "significant hoger dan de gemeente", "legend_below": "significant lager dan de gemeente",
           "legend_same": "niet significant afwijkend", "legend_hidden": "te weinig incidenten om te tonen",
           "flagged": "stapeling van problemen", "table": "Tabel", "area": "Gebied", "count": "Aantal",
           "rate": "Per eenheid", "ratio": "Verhouding tot gemeente", "interval": "95%-interval", "rank": "Rang",
           "trend": "Trend", "profile": "Profiel", "click": "Klik op een gebied op de kaart of in een tabel.",
           "municipality": "gemeente", "year": "jaar", "sort": "Klik op een kolomkop om te sorteren.",
           "disclosure": "Aantallen onder {t} worden getoond als '<{t}'; bij zo'n aantal staan geen cijfers "
                         "die ervan zijn afgeleid.",
           "inhabitants": "inwoners", "unit": "eenheid", "trend_p": "p (trend)", "print": "Afdrukken"},
    False: {"title": "City in figures: area monitor", "field": "Safety field", "map": "Map",
            "legend_above": "significantly above the municipality", "legend_below": "significantly below the "
            "municipality", "legend_same": "not significantly different", "legend_hidden": "too few incidents "
            "to show", "flagged": "accumulating problems", "table": "Table", "area": "Area", "count": "Count",
            "rate": "Per unit", "ratio": "Ratio to municipality", "interval": "95% interval", "rank": "Rank",
            "trend": "Trend", "profile": "Profile", "click": "Click an area on the map or in a table.",
            "municipality": "municipality", "year": "year", "sort": "Click a column header to sort.",
            "disclosure": "Counts below {t} are shown as '<{t}'; figures derived from such a count are not "
                          "shown.",
            "inhabitants": "inhabitants", "unit": "unit", "trend_p": "p (trend)", "print": "Print"},
}


def _rings(geom: BaseGeometry) -> List[Sequence]:
    polys = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom] if isinstance(geom, Polygon) else []
    rings = []
    for p in polys:
        rings.append(list(p.exterior.coords))
        rings.extend(list(r.coords) for r in p.interiors)
    return rings


def svg_paths(geometries: Sequence[BaseGeometry]) -> List[str]:
    """One SVG path ``d`` per geometry, fitted into MAP_W x MAP_H (north up)."""
    bounds = [g.bounds for g in geometries if g is not None and not g.is_empty]
    if not bounds:
        return ["" for _ in geometries]
    minx = min(b[0] for b in bounds)
    miny = min(b[1] for b in bounds)
    maxx = max(b[2] for b in bounds)
    maxy = max(b[3] for b in bounds)
    scale = min(MAP_W / max(maxx - minx, 1e-9), MAP_H / max(maxy - miny, 1e-9)) * 0.98
    ox = (MAP_W - (maxx - minx) * scale) / 2
    oy = (MAP_H - (maxy - miny) * scale) / 2
    tol = 0.5 / scale  # half an SVG unit
    out = []
    for g in geometries:
        if g is None or g.is_empty:
            out.append("")
            continue
        simple = g.simplify(tol, preserve_topology=True)
        parts = []
        for ring in _rings(simple):
            pts = " L".join(f"{ox + (x - minx) * scale:.1f},{oy + (maxy - y) * scale:.1f}" for x, y, *_ in ring)
            parts.append(f"M{pts}Z")
        out.append(" ".join(parts))
    return out


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, allow_nan=False).replace("<", "\\u003c").replace(
        "\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _clean(values):
    return [None if v is None or (isinstance(v, float) and not math.isfinite(v)) else v for v in values]


def dashboard_html(result: MonitorResult, geometries: Sequence[BaseGeometry], municipality: str = "",
                   dutch: bool = True) -> str:
    """The dashboard as one HTML document (text)."""
    t = TEXT[bool(dutch)]
    esc = html.escape
    profiles = [area_profile(result, a, dutch) for a in range(len(result.areas.codes))]
    for p in profiles:
        for s in p["series"].values():
            s["rates"] = _clean(s["rates"])
            s["municipality"] = _clean(s["municipality"])
    paths = svg_paths(geometries)
    year = result.years[-1]
    title = t["title"] + (f" {municipality}" if municipality else "")
    period = f"{result.years[0]}–{year}"
    options = "".join(f'<option value="{i}"{" selected" if code == "totaal" else ""}>{esc(field_label(code, dutch))}'
                      f"</option>" for i, code in enumerate(FIELDS))
    areas_svg = "".join(
        f'<path class="area{" flagged" if p["flagged"] else ""}" data-i="{i}" d="{esc(d)}">'
        f'<title>{esc(p["name"])}</title></path>' for i, (p, d) in enumerate(zip(profiles, paths)))
    tables = []
    for f, code in enumerate(FIELDS):
        head = "".join(f'<th data-col="{c}" data-type="{k}">{esc(t[name])}</th>' for c, (name, k) in enumerate(
            [("area", "text"), ("count", "num"), ("rate", "num"), ("ratio", "num"), ("interval", "text"),
             ("rank", "num"), ("trend", "text")]))
        rows = []
        for i, p in enumerate(profiles):
            r = p["rows"][f]
            cells = [p["name"], r["count"], r["rate"], r["ratio"], r["interval"], r["rank"], r["trend"]]
            tds = "".join(f"<td>{esc(str(c))}</td>" for c in cells)
            rows.append(f'<tr data-i="{i}" class="{esc(r["status"])}{" flagged" if p["flagged"] else ""}">{tds}</tr>')
        tables.append(f'<section class="table" data-f="{f}"><h3>{esc(field_label(code, dutch))} ({year})</h3>'
                      f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></section>')
    legend = "".join(f'<span class="key"><i style="background:{STATUS_COLOURS[k]}"></i>{esc(t["legend_" + k])}'
                     f"</span>" for k in ("above", "same", "below", "hidden"))
    legend += f'<span class="key"><i class="flagkey"></i>{esc(t["flagged"])}</span>'
    rule = result.summary.get("flag_rule", "")
    data = {"profiles": profiles, "colours": STATUS_COLOURS, "fields": [field_label(c, dutch) for c in FIELDS],
            "text": t}
    return f"""<!DOCTYPE html>
<html lang="{'nl' if dutch else 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} {esc(period)}</title>
<style>
body {{ font-family: sans-serif; margin: 1em 2em; color: #222; }}
h1 {{ font-size: 1.5em; margin-bottom: 0.2em; }}
.note {{ color: #555; font-size: 0.9em; max-width: 60em; }}
#layout {{ display: flex; flex-wrap: wrap; gap: 2em; align-items: flex-start; }}
#map svg {{ width: {MAP_W:.0f}px; max-width: 100%; height: auto; border: 1px solid #ccc; background: #fafafa; }}
path.area {{ stroke: #555; stroke-width: 0.6; cursor: pointer; }}
path.area.flagged {{ stroke: #000; stroke-width: 2.2; }}
path.area.selected {{ stroke: #f0a000; stroke-width: 3; }}
.key {{ display: inline-block; margin-right: 1em; font-size: 0.85em; }}
.key i {{ display: inline-block; width: 1em; height: 1em; border: 1px solid #777; vertical-align: middle;
  margin-right: 0.3em; }}
.key i.flagkey {{ border: 2.5px solid #000; background: #fff; }}
#profile {{ min-width: 24em; max-width: 44em; }}
table {{ border-collapse: collapse; font-size: 0.85em; margin-bottom: 1em; }}
th, td {{ border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: right; }}
th:first-child, td:first-child {{ text-align: left; }}
th {{ background: #eee; cursor: pointer; }}
tr.above td:nth-child(4) {{ background: #f6c3b9; }}
tr.below td:nth-child(4) {{ background: #c9def0; }}
tr.flagged td:first-child {{ font-weight: bold; }}
tbody tr:hover {{ background: #fff7d6; cursor: pointer; }}
.chart {{ display: inline-block; margin: 0 1em 1em 0; }}
.chart h4 {{ margin: 0; font-size: 0.85em; }}
@media print {{ .noprint {{ display: none; }} section.table {{ display: block !important; break-inside: avoid; }}
  body {{ margin: 0; }} }}
</style>
</head>
<body>
<h1>{esc(title)}</h1>
<p class="note">{esc(period)} · {esc(t["disclosure"].format(t=result.threshold))} {esc(rule)}</p>
<div class="noprint"><label>{esc(t["field"])}: <select id="field">{options}</select></label>
<button type="button" onclick="window.print()">{esc(t["print"])}</button></div>
<div id="layout">
<div id="map"><h2>{esc(t["map"])} {year}</h2>
<svg viewBox="0 0 {MAP_W:.0f} {MAP_H:.0f}" role="img">{areas_svg}</svg>
<div>{legend}</div></div>
<div id="profile"><h2>{esc(t["profile"])}</h2><p>{esc(t["click"])}</p></div>
</div>
<h2>{esc(t["table"])}</h2><p class="note noprint">{esc(t["sort"])}</p>
{"".join(tables)}
<script type="application/json" id="monitor-data">{_json(data)}</script>
<script>
{_SCRIPT}
</script>
</body>
</html>
"""


_SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("monitor-data").textContent);
  var T = data.text, P = data.profiles;
  var SVGNS = document.querySelector("#map svg").namespaceURI;
  var select = document.getElementById("field");
  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls; return e; }
  function colour() {
    var f = +select.value;
    document.querySelectorAll("path.area").forEach(function (p) {
      var st = P[+p.getAttribute("data-i")].rows[f].status;
      p.setAttribute("fill", data.colours[st]);
    });
    document.querySelectorAll("section.table").forEach(function (s) {
      s.style.display = (+s.getAttribute("data-f") === f) ? "" : "none";
    });
  }
  function number(text) {
    var s = String(text).replace(/\./g, "").replace(",", ".").replace("<", "");
    var v = parseFloat(s); return isNaN(v) ? -Infinity : v;
  }
  function sortable(table) {
    var dir = {};
    table.querySelectorAll("th").forEach(function (th) {
      th.addEventListener("click", function () {
        var c = +th.getAttribute("data-col"), num = th.getAttribute("data-type") === "num";
        dir[c] = -(dir[c] || -1);
        var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[c].textContent, y = b.cells[c].textContent;
          var r = num ? number(x) - number(y) : x.localeCompare(y);
          return dir[c] * r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  function chart(series, label) {
    var w = 260, h = 130, l = 36, b = 20, top = 8;
    var years = series.years, vals = series.rates.concat(series.municipality).filter(function (v) { return v !== null;
      });
    var max = Math.max.apply(null, vals.concat([0])) || 1;
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("viewBox", "0 0 " + w + " " + h); svg.setAttribute("width", w); svg.setAttribute("height", h);
    function x(i) { return l + (years.length > 1 ? i * (w - l - 18) / (years.length - 1) : (w - l) / 2); }
    function y(v) { return top + (h - top - b) * (1 - v / max); }
    function line(values, colour, dash) {
      var d = "", pen = false;
      values.forEach(function (v, i) { if (v === null) { pen = false; return; }
        d += (pen ? " L" : " M") + x(i).toFixed(1) + "," + y(v).toFixed(1); pen = true; });
      var p = document.createElementNS(SVGNS, "path"); p.setAttribute("d", d); p.setAttribute("fill", "none");
      p.setAttribute("stroke", colour); p.setAttribute("stroke-width", "2");
      if (dash) p.setAttribute("stroke-dasharray", "4 3"); svg.appendChild(p);
      values.forEach(function (v, i) { if (v === null) return; var c = document.createElementNS(SVGNS, "circle");
        c.setAttribute("cx", x(i)); c.setAttribute("cy", y(v)); c.setAttribute("r", 2.5);
        c.setAttribute("fill", colour);
        svg.appendChild(c); });
    }
    var axis = document.createElementNS(SVGNS, "path");
    axis.setAttribute("d", "M" + l + "," + top + " L" + l + "," + (h - b) + " L" + (w - 4) + "," + (h - b));
    axis.setAttribute("stroke", "#888"); axis.setAttribute("fill", "none"); svg.appendChild(axis);
    [0, max].forEach(function (v) { var tx = document.createElementNS(SVGNS, "text"); tx.setAttribute("x", l - 3);
      tx.setAttribute("y", y(v) + 3); tx.setAttribute("text-anchor", "end"); tx.setAttribute("font-size", "9");
      tx.textContent = v.toLocaleString(document.documentElement.lang, {maximumFractionDigits: 1});
        svg.appendChild(tx); });
    years.forEach(function (yr, i) { if (years.length > 6 && i % 2) return;
      var tx = document.createElementNS(SVGNS, "text");
      tx.setAttribute("x", x(i)); tx.setAttribute("y", h - 6); tx.setAttribute("text-anchor", "middle");
      tx.setAttribute("font-size", "9"); tx.textContent = yr; svg.appendChild(tx); });
    line(series.municipality, "#999", true);
    line(series.rates, "#c0392b", false);
    var box = el("div", undefined, "chart"); box.appendChild(el("h4", label)); box.appendChild(svg); return box;
  }
  function show(i) {
    var p = P[i], box = document.getElementById("profile");
    while (box.firstChild) box.removeChild(box.firstChild);
    box.appendChild(el("h2", T.profile + ": " + p.name));
    box.appendChild(el("p", p.code + " · " + p.inhabitants + " " + T.inhabitants + " · " + T.unit + ": " + p.unit));
    box.appendChild(el("p", (p.flagged ? "⚑ " : "") + p.flag_text, p.flagged ? "flag" : ""));
    var table = el("table"), head = el("tr");
    [T.field, T.count, T.rate, T.ratio, T.interval, T.rank, T.trend, T.trend_p].forEach(function (h) {
      head.appendChild(el("th", h)); });
    var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
    var body = el("tbody");
    p.rows.forEach(function (r) { var tr = el("tr", undefined, r.status);
      [r.label, r.count, r.rate, r.ratio, r.interval, r.rank, r.trend, r.trend_p].forEach(function (c) {
        tr.appendChild(el("td", c)); }); body.appendChild(tr); });
    table.appendChild(body); box.appendChild(table);
    var charts = el("div", undefined, "charts");
    Object.keys(p.series).forEach(function (k, f) { charts.appendChild(chart(p.series[k], data.fields[f] +
      " (" + p.unit + "; - - " + T.municipality + ")")); });
    box.appendChild(charts);
    document.querySelectorAll("path.area").forEach(function (a) {
      a.classList.toggle("selected", +a.getAttribute("data-i") === i); });
    box.setAttribute("data-shown", String(i));
  }
  document.querySelectorAll("path.area").forEach(function (p) {
    p.addEventListener("click", function () { show(+p.getAttribute("data-i")); }); });
  document.querySelectorAll("tbody tr[data-i]").forEach(function (r) {
    r.addEventListener("click", function () { show(+r.getAttribute("data-i")); }); });
  document.querySelectorAll("section.table table").forEach(sortable);
  select.addEventListener("change", colour);
  colour();
  window.hotspotMonitor = {show: show, count: P.length};
})();
"""


def write_dashboard(path: str, result: MonitorResult, geometries: Sequence[BaseGeometry], municipality: str = "",
                    dutch: bool = True) -> str:
    """Write the dashboard to *path* (UTF-8); returns the path."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(dashboard_html(result, geometries, municipality, dutch))
    return path


__all__ = ["dashboard_html", "write_dashboard", "svg_paths", "TEXT", "STATUS_COLOURS"]
