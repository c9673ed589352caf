#!/usr/bin/env python3
"""`make demo`: run Hotspot's main job on the demo town with qgis_process and the installed plugin.

The plugin must be installed in the profile QGIS_CUSTOM_CONFIG_PATH points at (the Makefile
does that). All outputs go to one folder (default build/demo), printed at the end.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo"
QGIS_PROCESS = "/usr/bin/qgis_process.bin"


def qgis_process(*args: str) -> dict:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    cmd = [QGIS_PROCESS, "--json", *args]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        raise SystemExit(f"qgis_process failed: {' '.join(cmd)}")
    start = done.stdout.find("{")
    return json.loads(done.stdout[start:]) if start >= 0 else {}


def run(alg: str, **params: object) -> dict:
    t0 = time.perf_counter()
    args = ["run", alg, "--"] + [f"{k}={v}" for k, v in params.items()]
    results = qgis_process(*args).get("results", {})
    print(f"  {alg}: {time.perf_counter() - t0:.1f} s")
    return results


def main(out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    enabled = subprocess.run([QGIS_PROCESS, "plugins", "enable", "hotspot_plugin"], capture_output=True,
                             text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if enabled.returncode != 0 and "already enabled" not in enabled.stdout + enabled.stderr:
        raise SystemExit("could not enable the plugin hotspot_plugin in qgis_process:\n" + enabled.stderr)
    gpkg = out / "zuiderwaarde.gpkg"
    shutil.copy(DEMO / "zuiderwaarde.gpkg", gpkg)
    shutil.copy(DEMO / "zuiderwaarde.qgs", out / "zuiderwaarde.qgs")
    addresses = out / "zuiderwaarde_adressen.gpkg"
    shutil.copy(DEMO / "zuiderwaarde_adressen.gpkg", addresses)
    print(f"Hotspot demo: Zuiderwaarde -> {out}")

    # 1. Import a police export (with some deliberately bad rows) into the safety GeoPackage.
    result = run("hotspot:importincidents", INPUT=DEMO / "politie_export.csv", GPKG=gpkg,
                 REJECTED=out / "afgewezen_rijen.csv")
    print(f"     imported {result['IMPORTED']}, rejected {result['REJECTED_COUNT']} "
          f"(reasons in afgewezen_rijen.csv)")

    # 1b. The town's density heatmap (exact quartic kernel, 200 m radius, 25 m cells on the CBS grid).
    incidents = f"{gpkg}|layername=incidents"
    heat = run("hotspot:densityheatmap", INPUT=incidents, RADIUS=200, PIXEL_SIZE=25, SNAP=True,
               OUTPUT=out / "heatmap_incidenten.tif")
    print(f"     {heat['POINT_COUNT']} incidents, highest density {float(heat['MAX_VALUE']):.0f} "
          f"(heatmap_incidenten.tif)")

    # 1c. Where is a concentration statistically significant: Gi* hot spots (automatic cell size and
    #     distance band; 9999 permutations so the 99 % class is reachable and the result stable), and
    #     hotspot zones from them, with the number of incidents in each.
    gistar = run("hotspot:gistar", INPUT=incidents, PERMUTATIONS=9999, SEED=1, OUTPUT=out / "gistar_hotspots.gpkg")
    print(f"     {gistar['N_HOT']} hot and {gistar['N_COLD']} cold cells of {gistar['CELL_SIZE_USED']} m "
          f"(gistar_hotspots.gpkg)")
    zones = run("hotspot:hotspotzones", INPUT_GISTAR=out / "gistar_hotspots.gpkg", MIN_CLASS=2,
                INCIDENTS=incidents, OUTPUT=out / "hotspotzones.gpkg")
    print(f"     {zones['N_ZONES']} hotspot zones (hotspotzones.gpkg)")

    # 1d. Stad in cijfers: the buurtmonitor of the town (layer, atlas with one page per buurt, offline HTML
    #     dashboard) and the emerging hot spots per quarter on 100 m cells.
    monitor = run("hotspot:areamonitor", GPKG=gpkg, OUTPUT=out / "buurtmonitor.gpkg", REPORT=out / "buurtmonitor.pdf",
                  DASHBOARD=out / "buurtmonitor.html")
    print(f"     buurtmonitor: {monitor['N_AREAS']} buurten, {monitor['N_FLAGGED']} with accumulating problems "
          f"(buurtmonitor.gpkg, buurtmonitor.pdf, buurtmonitor.html)")
    emerging = run("hotspot:emerginghotspots", INPUT=incidents, CELL_SIZE=100, TIME_STEP_MONTHS=3, SEED=1,
                   OUTPUT=out / "opkomende_hotspots.gpkg")
    print(f"     emerging hot spots: {emerging['N_HOT_PATTERNS']} cells with a hot spot pattern, "
          f"{emerging['N_COLD_PATTERNS']} with a cold spot pattern in {emerging['N_STEPS']} quarters "
          f"(opkomende_hotspots.gpkg)")

    # 2. Near-repeat analysis of the burglaries, and the warning letters for the last two weeks.
    burglary = "category = '1.1.1'"
    knox = run("hotspot:nearrepeat", INPUT=incidents, FILTER=burglary, SEED=2024,
               OUTPUT=out / "near_repeat_knox.csv", CHART=out / "near_repeat.png")
    print(f"     {knox['CONCLUSION']}")
    letters = {"INCIDENTS": incidents, "FILTER": burglary, "ADDRESSES": f"{addresses}|layername=adressen",
               "NOW": "2025-12-31T23:59:59", "WINDOW_DAYS": 14, "GPKG": gpkg, "RECORD_SENT": "true",
               "OUTPUT": out / "waarschuwingsbrieven.gpkg", "CSV": out / "waarschuwingsbrieven.csv"}
    if knox.get("DISTANCE") not in (None, ""):
        letters["NEAR_REPEAT_DISTANCE"] = knox["DISTANCE"]
    result = run("hotspot:warningletters", **letters)
    print(f"     {result['ADDRESS_COUNT']} addresses around {result['INCIDENTS_IN_WINDOW']} recent burglaries "
          f"within {result['DISTANCE_USED']} m (waarschuwingsbrieven.csv)")

    # 3. Environment scan of the town centre (buurt Binnenstad, the last 12 months of data), saved in the
    #    GeoPackage as a scan record; the heatmap of the area and its 250 m ring goes to the demo folder.
    binnenstad = f"{gpkg}|layername=areas|subset=\"code\" = 'BU99990101'"
    result = run("hotspot:environmentscan", GPKG=gpkg, AREA=binnenstad, RING_WIDTH=250,
                 HEATMAP=out / "omgevingsscan_binnenstad.tif", AUTHOR="M. de Vries, adviseur veiligheid",
                 ORGANISATION="Gemeente Zuiderwaarde")
    print(f"     scan {result['REFERENCE']}: {result['N_INCIDENTS']} incidents in the Binnenstad in the last "
          f"12 months, {result['FINDINGS']} findings (omgevingsscan_binnenstad.tif)")

    # 4. Buurtschouw for that scan: points and a walking route along the streets, then the folder for the
    #    field (GeoPackage + QGIS project for QField / Mergin Maps, DCIM/, printed field maps).
    scan_uuid = result["SCAN_UUID"]
    route = run("hotspot:schouwroute", GPKG=gpkg, SCAN=scan_uuid, POINTS=out / "schouwpunten.gpkg",
                ROUTE=out / "schouwroute.gpkg")
    package = run("hotspot:schouwpackage", GPKG=gpkg, SCAN=scan_uuid, ROUTE=out / "schouwroute.gpkg",
                  FOLDER=out / "buurtschouw")
    print(f"     buurtschouw: {route['N_POINTS']} points, {float(route['LENGTH']) / 1000:.1f} km along the "
          f"streets, about {float(route['MINUTES']):.0f} min with the stops; field package and "
          f"{Path(package['PDF']).name} in buurtschouw/")

    # 5. Measures and their effect: what the town's cameras see among the buildings, where three more
    #    cameras on lamp posts would see the most incidents (registered as planned measures), and the
    #    effect of the existing cameras with a start date inside the data (1 July 2024).
    buildings = write_buildings(gpkg, out / "gebouwen.gpkg")
    cameras = f"{gpkg}|layername=risk_objects|subset=\"kind\" = 'camera'"
    coverage = run("hotspot:cameracoverage", CAMERAS=cameras, RANGE=50, OBSTACLES=buildings, INCIDENTS=incidents,
                   OUTPUT=out / "camerabereik.gpkg")
    print(f"     cameras see {float(coverage['COVERED_AREA']):.0f} m² and "
          f"{float(coverage['COVERED_SHARE']) * 100:.1f}% of the incidents (camerabereik.gpkg)")
    lamps = f"{gpkg}|layername=risk_objects|subset=\"kind\" = 'lantaarnpaal'"
    placement = run("hotspot:cameraplacement", CAMERAS=lamps, RANGE=40, OBSTACLES=buildings,
                    INCIDENTS=incidents, FILTER="occurred_at >= '2025-01-01'", K=3, GPKG=gpkg,
                    OUTPUT=out / "cameraplaatsing.gpkg")
    print(f"     3 new cameras ({placement['METHOD']} search) would see {placement['COVERED_INCIDENTS']} incidents "
          f"of 2025; {placement['REGISTERED']} planned measures in the register (cameraplaatsing.gpkg)")
    effect = run("hotspot:measureeffect", INPUT=incidents, TARGET=out / "camerabereik.gpkg", BUFFER_DISTANCE=250,
                 BEFORE_START="2023-07-01", BEFORE_END="2024-06-30", AFTER_START="2024-07-01",
                 AFTER_END="2025-06-30", GROUP_FIELD="source", OUTPUT=out / "effect_cameras.csv",
                 CHART=out / "effect_cameras.png")
    print(f"     {effect['CONCLUSION']} (effect_cameras.png)")
    register_cameras(gpkg, out / "camerabereik.gpkg", "2024-07-01")

    # 6. The advice on spatial safety of the Binnenstad scan as a PDF, built from the page templates: with
    #    the development over the years (area monitor, emerging hot spots) and the measures at this place
    #    (the cameras, evaluated from their start; the three planned ones).
    #    It opens with the verdict: the design principles as the advisor scored them in the wizard's
    #    verdict step (saved with the scan), then positive under conditions (VERDICT 2) with two
    #    conditions given here; final (STATUS definitief), as an advisor would sign it.
    score_principles(gpkg, scan_uuid)
    conditions = "\n".join([
        "De doorsteek naar de parkeerplaats gelijkmatig verlichten, ook na middernacht",
        "Beheerafspraken met de horeca over de terrassen vastleggen vóór de zomer",
    ])
    report = run("hotspot:advicereport", GPKG=gpkg, SCAN=scan_uuid, OUTPUT=out / "advies_binnenstad.pdf",
                 STATUS="definitief", VERDICT=2, CONDITIONS=conditions,
                 MOTIVATION="De binnenstad is veilig in te richten als het geweld, de straatroof en de "
                            "drugshandel rond het uitgaansgebied 's avonds en 's nachts worden aangepakt.")
    print(f"     advice report: {int(float(report['PAGES']))} pages (advies_binnenstad.pdf)")

    print("\nOutputs:")
    for path in sorted(out.iterdir()):
        print(f"  {path}")
    print(f"\nOpen {out / 'zuiderwaarde.qgs'} in QGIS to see them.")


def score_principles(gpkg: Path, scan_uuid: str) -> None:
    """The advisor's scores of the design principles, saved with the scan as the wizard's verdict step does."""
    sys.path.insert(0, str(ROOT))
    from hotspot_plugin.core.verdict import POSITIVE_CONDITIONS, Verdict
    from hotspot_plugin.storage.scans import load_scan, save_scan

    record = load_scan(str(gpkg), scan_uuid)
    verdict = Verdict(decision=POSITIVE_CONDITIONS, conditions=["Zie de voorwaarden van het advies"],
                      description="De Markt, de Kerkstraat en de doorsteek naar de parkeerplaats")
    for key, score, remark in [
        ("sight_lines", "partly", "Hoge hagen langs de doorsteek naar de parkeerplaats ontnemen het zicht."),
        ("lighting", "no", "De doorsteek is na middernacht donker; de lantaarns staan te ver uit elkaar."),
        ("natural_surveillance", "yes", "Terrassen en woningen boven de winkels kijken uit op de Markt."),
        ("territoriality", "partly", "Wie de terrassen na sluitingstijd beheert, is niet afgesproken."),
        ("access", "yes", "De routes leiden naar de Markt en het station; geen verborgen achterpaden."),
        ("maintenance", "partly", "Zwerfvuil en graffiti rond de parkeerplaats worden laat opgeruimd."),
    ]:
        verdict.set_score(key, score, remark)
    record.verdict = verdict.validate()
    save_scan(str(gpkg), record)
    print("     the design principles scored and saved with the scan (the wizard's verdict step)")


def register_cameras(gpkg: Path, coverage: Path, start: str) -> None:
    """The town's cameras (their coverage) as one active measure in the register, started on *start*."""
    from osgeo import ogr
    from shapely import wkb
    from shapely.ops import unary_union

    sys.path.insert(0, str(ROOT))
    from hotspot_plugin.core.measure_register import MeasureRecord
    from hotspot_plugin.storage.measures import add_measures

    ds = ogr.Open(str(coverage))
    area = unary_union([wkb.loads(bytes(f.GetGeometryRef().ExportToWkb())) for f in ds.GetLayer(0)
                        if f.GetGeometryRef() is not None])
    ds = None
    add_measures(str(gpkg), [MeasureRecord(location=area, measure_id="cameratoezicht",
                                           title="Cameratoezicht (bestaande camera's)", owner="gemeente",
                                           status="actief", start_date=start, source="hand")])
    print(f"     the cameras as an active measure since {start} in the register")


def write_buildings(gpkg: Path, path: Path) -> str:
    """Building blocks along the demo town's streets (scripts/demo_town.demo_buildings) as a layer."""
    from osgeo import ogr, osr
    from shapely import wkb

    sys.path.insert(0, str(ROOT / "scripts"))
    sys.path.insert(0, str(ROOT))
    from demo_town import demo_buildings

    ds = ogr.Open(str(gpkg))
    streets = [wkb.loads(bytes(f.GetGeometryRef().ExportToWkb())) for f in ds.GetLayerByName("streets")
               if f.GetGeometryRef() is not None and f.GetField("kind") == "straat"]
    ds = None
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(28992)
    out = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = out.CreateLayer("panden", srs, ogr.wkbPolygon, ["FID=fid", "GEOMETRY_NAME=geom"])
    out.StartTransaction()
    for poly in demo_buildings(streets):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkb(poly.wkb))
        layer.CreateFeature(feature)
    out.CommitTransaction()
    out = None
    return f"{path}|layername=panden"


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / "build" / "demo")
