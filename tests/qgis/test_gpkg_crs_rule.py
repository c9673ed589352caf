"""The safety GeoPackage measures metres on the ground (issue #12, item 3, follow-up): one rule for
hotspot:createsafetygpkg, the environment scan and the schouw route.

Oracles written here: pyproj's geodesic on WGS 84 (GEOD.fwd places incidents and route points at
exact ground distances; GEOD.inv measures the scan circle); pyproj's own transformations to read
the saved geometry back in degrees; the US survey foot (1200/3937 m).
"""
from __future__ import annotations

import math
import sqlite3

import pytest
from pyproj import Geod, Transformer
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from shapely.geometry import Point

from hotspot_plugin.storage import gpkg as storage_gpkg
from hotspot_plugin.storage.scans import load_scan
from tests.qgis.conftest import output_layer

GEOD = Geod(ellps="WGS84")
US_FOOT = 1200 / 3937
UTRECHT = (5.1, 52.1)
PHILADELPHIA = (-75.16, 39.95)  # in NAD83 / Pennsylvania South (ftUS), EPSG:2272

# Incidents around the centre: (azimuth in degrees, ground distance in m). With RADIUS 250 and
# RING_WIDTH 100: three in the circle, three in the ring, two outside.
INSIDE = [(0, 240), (90, 200), (200, 245)]
RING = [(45, 256), (135, 330), (300, 344)]
OUTSIDE = [(10, 358), (250, 500)]


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, text):  # noqa: N802 - QGIS API
        self.lines.append(text)

    def pushWarning(self, text):  # noqa: N802 - QGIS API
        self.lines.append(text)

    @property
    def text(self):
        return "\n".join(self.lines)


def srs_of(path) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ids = {r[0] for r in con.execute("SELECT srs_id FROM gpkg_geometry_columns")}
    finally:
        con.close()
    assert len(ids) == 1
    return ids.pop()


def around(centre, placements):
    """(lon, lat) of points at (azimuth, metres) from *centre* on the ellipsoid."""
    out = []
    for azimuth, metres in placements:
        lon, lat, _ = GEOD.fwd(centre[0], centre[1], azimuth, metres)
        out.append((lon, lat))
    return out


def import_lonlat(run_alg, write_csv, gpkg, lonlat, name="incidenten.csv"):
    table = [["registratienummer", "datum", "soort", "x", "y"]]
    table += [[f"I{k}", f"2024-0{1 + k % 9}-10T10:00", "1.2.3", f"{lon:.9f}", f"{lat:.9f}"]
              for k, (lon, lat) in enumerate(lonlat)]
    result = run_alg("hotspot:importincidents", {"INPUT": str(write_csv(table, name)), "GPKG": str(gpkg),
                                                 "SOURCE_CRS": "EPSG:4326", "REJECTED": "TEMPORARY_OUTPUT"})
    assert result["IMPORTED"] == len(lonlat)


def write_lonlat(gpkg, epsg, lonlat):
    """Incidents written with OGR (the import takes only the Netherlands and Belgium)."""
    from osgeo import ogr

    to_gpkg = Transformer.from_crs("EPSG:4326", f"EPSG:{epsg}", always_xy=True)
    ds = ogr.Open(str(gpkg), 1)
    layer = ds.GetLayerByName("incidents")
    for k, (lon, lat) in enumerate(lonlat):
        f = ogr.Feature(layer.GetLayerDefn())
        x, y = to_gpkg.transform(lon, lat)
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x!r} {y!r})"))
        for name, value in (("uuid", f"u{k}"), ("occurred_at", f"2024-0{1 + k % 9}-10T10:00:00.000"),
                            ("category", "1.2.3"), ("safety_field", "woon_leefomgeving"), ("weight", 1.0),
                            ("source", "test"), ("source_id", f"I{k}"), ("dedup_key", f"d{k}"),
                            ("time_known", 1)):
            f.SetField(name, value)
        assert layer.CreateFeature(f) == 0
    ds = None


def planted_gpkg(make_gpkg, run_alg, write_csv, centre, **params):
    gpkg = make_gpkg(**params)
    if "CRS" in params:
        write_lonlat(gpkg, int(params["CRS"][5:]), around(centre, INSIDE + RING + OUTSIDE))
    else:
        import_lonlat(run_alg, write_csv, gpkg, around(centre, INSIDE + RING + OUTSIDE))
    return gpkg


def scan(run_alg, gpkg, feedback=None, **params):
    base = {"GPKG": str(gpkg), "PERIOD_START": "2024-01-01", "PERIOD_END": "2024-12-31", "RING_WIDTH": 100}
    base.update(params)
    return run_alg("hotspot:environmentscan", base, feedback=feedback)


def ground_radii(area, epsg, centre):
    """The ground distances (m) from *centre* (lon, lat) to the vertices of the saved area."""
    to_lonlat = Transformer.from_crs(f"EPSG:{epsg}", "EPSG:4326", always_xy=True)
    radii = []
    (polygon,) = area.geoms if area.geom_type == "MultiPolygon" else (area,)
    for x, y in list(polygon.exterior.coords)[:-1]:
        lon, lat = to_lonlat.transform(x, y)
        radii.append(GEOD.inv(centre[0], centre[1], lon, lat)[2])
    return radii


def check_counts(record):
    total = {g["key"]: g for g in record.results.groups}["cat:1.2.3"]
    assert total["area"]["n"] == len(INSIDE)
    assert total["ring"]["n"] == len(RING)


# hotspot:createsafetygpkg ----------------------------------------------------------------------------

@pytest.mark.parametrize("crs, municipality, expected", [
    ("EPSG:4326", "GM0344", 28992),      # degrees, a Dutch municipality code: RD New
    ("EPSG:3857", "GM0344", 28992),      # Web Mercator: 1 map metre is 0.61 m in Utrecht
    ("EPSG:3857", "44021", 3812),        # ... and 0.63 m in Belgium: Lambert 2008
    ("EPSG:4289", "", 28992),            # Amersfoort in degrees: its area of use is the Netherlands
])
def test_create_replaces_a_crs_that_fails_the_rule(make_gpkg, crs, municipality, expected):
    path = make_gpkg(f"g{expected}_{crs[5:]}.gpkg", CRS=crs, MUNICIPALITY=municipality)
    assert srs_of(path) == expected


def test_create_logs_why_and_keeps_a_crs_that_passes(run_alg, tmp_path):
    log = Log()
    path = tmp_path / "web.gpkg"
    run_alg("hotspot:createsafetygpkg", {"OUTPUT": str(path), "CRS": "EPSG:3857", "MUNICIPALITY": "GM0344",
                                         "ADD_LAYERS": False}, feedback=log)
    assert "EPSG:3857 was chosen" in log.text and "EPSG:28992" in log.text and "GM0344" in log.text
    for crs, epsg in (("EPSG:28992", 28992), ("EPSG:3812", 3812), ("EPSG:32631", 32631),
                      ("EPSG:2272", 2272)):  # a state plane in US feet: a unit conversion, kept
        log = Log()
        out = tmp_path / f"k{epsg}.gpkg"
        run_alg("hotspot:createsafetygpkg", {"OUTPUT": str(out), "CRS": crs, "ADD_LAYERS": False}, feedback=log)
        assert srs_of(out) == epsg and "was chosen" not in log.text


@pytest.mark.parametrize("crs, municipality, match", [
    ("EPSG:4326", "", "geographic"),
    ("EPSG:4326", "Utrecht", "geographic"),
    ("EPSG:3857", "Utrecht", "scale factor in its area of use"),
])
def test_create_refuses_when_no_place_is_known(run_alg, tmp_path, crs, municipality, match):
    path = tmp_path / "x.gpkg"
    with pytest.raises(QgsProcessingException, match=match) as info:
        run_alg("hotspot:createsafetygpkg", {"OUTPUT": str(path), "CRS": crs, "MUNICIPALITY": municipality,
                                             "ADD_LAYERS": False})
    assert "EPSG:28992" in str(info.value) and "GM0344" in str(info.value)
    assert not path.exists()


# The scan and the schouw route refuse a GeoPackage that fails the rule ---------------------------------

@pytest.fixture()
def mercator_gpkg(tmp_path, run_alg, write_csv):
    """A safety GeoPackage in Web Mercator (made as an older version could), incidents in Utrecht."""
    path = tmp_path / "mercator.gpkg"
    storage_gpkg.create_safety_gpkg(str(path), 3857)
    import_lonlat(run_alg, write_csv, path, around(UTRECHT, INSIDE))
    return path


def test_scan_and_route_refuse_a_web_mercator_gpkg(mercator_gpkg, run_alg):
    with pytest.raises(QgsProcessingException, match=r"EPSG:3857.*0\.61\d+ metres.*EPSG:28992"):
        scan(run_alg, mercator_gpkg, POINT=f"{UTRECHT[0]},{UTRECHT[1]} [EPSG:4326]", RADIUS=250)
    with pytest.raises(QgsProcessingException, match=r"EPSG:3857.*schouw route.*EPSG:28992"):
        run_alg("hotspot:schouwroute", {"GPKG": str(mercator_gpkg), "STRAIGHT": True, "SAVE": False,
                                        "POINTS": "TEMPORARY_OUTPUT", "ROUTE": "TEMPORARY_OUTPUT"})


def test_scan_refuses_a_gpkg_in_degrees(make_gpkg, run_alg, tmp_path):
    path = make_gpkg("graden.gpkg")
    con = sqlite3.connect(str(path))
    con.execute("UPDATE gpkg_geometry_columns SET srs_id = 4326")
    con.commit()
    con.close()
    with pytest.raises(QgsProcessingException, match=r"EPSG:4326, and it is in degrees.*EPSG:28992"):
        scan(run_alg, path, POINT="150000,440000 [EPSG:28992]")


# A point in another CRS, a radius in metres on the ground -----------------------------------------------

@pytest.mark.parametrize("given", ["wgs84", "mercator"])
def test_point_in_another_crs_gives_a_circle_of_metres_on_the_ground(make_gpkg, run_alg, write_csv, given):
    gpkg = planted_gpkg(make_gpkg, run_alg, write_csv, UTRECHT)
    if given == "wgs84":
        point = f"{UTRECHT[0]},{UTRECHT[1]} [EPSG:4326]"
    else:
        x, y = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True).transform(*UTRECHT)
        point = f"{x!r},{y!r} [EPSG:3857]"
    log = Log()
    out = scan(run_alg, gpkg, feedback=log, POINT=point, RADIUS=250)
    assert "converted from" in log.text
    record = load_scan(str(gpkg), out["SCAN_UUID"])
    rd = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True).transform(*UTRECHT)
    assert record.area.centroid.distance(Point(rd)) < 0.05
    radii = ground_radii(record.area, 28992, UTRECHT)
    # RD New's scale near Utrecht is 0.99991..0.99993; the polygon's vertices lie on the circle
    assert min(radii) == pytest.approx(250, rel=1e-3) and max(radii) == pytest.approx(250, rel=1e-3)
    check_counts(record)
    assert out["N_INCIDENTS"] == len(INSIDE)


def test_lat_lon_swapped_is_outside_the_data(make_gpkg, run_alg, write_csv):
    """'52.1,5.1 [EPSG:4326]' is x = 52.1 (longitude), y = 5.1: a point in the Indian Ocean."""
    gpkg = planted_gpkg(make_gpkg, run_alg, write_csv, UTRECHT)
    with pytest.raises(QgsProcessingException, match=r"longitude first. Did you mean .5.1,52.1 \[EPSG:4326\]"):
        scan(run_alg, gpkg, POINT="52.1,5.1 [EPSG:4326]", RADIUS=250)


# A GeoPackage in feet: distances given in metres are converted ---------------------------------------------

def test_scan_in_feet_converts_radius_ring_and_areas(make_gpkg, run_alg, write_csv):
    gpkg = planted_gpkg(make_gpkg, run_alg, write_csv, PHILADELPHIA, CRS="EPSG:2272")
    assert srs_of(gpkg) == 2272
    log = Log()
    out = scan(run_alg, gpkg, feedback=log, POINT=f"{PHILADELPHIA[0]},{PHILADELPHIA[1]} [EPSG:4326]",
               RADIUS=250)
    assert "map unit is 0.3048" in log.text
    record = load_scan(str(gpkg), out["SCAN_UUID"])
    radii = ground_radii(record.area, 2272, PHILADELPHIA)
    assert min(radii) == pytest.approx(250, rel=1e-3) and max(radii) == pytest.approx(250, rel=1e-3)
    assert record.area.area * US_FOOT ** 2 == pytest.approx(math.pi * 250 ** 2, rel=2e-3)
    check_counts(record)
    # the area in km2: the polygon's area in square feet, in square metres (QGIS 3.22 takes the
    # survey foot as the international foot, 0.3048 m: 2 ppm)
    assert record.results.geography["area_km2"] == pytest.approx(record.area.area * US_FOOT ** 2 / 1e6, rel=1e-5)
    assert record.parameters.radius == 250 and record.parameters.ring_width == 100  # metres, as given


def route_points(lonlat):
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=naam:string", "extra", "memory")
    feats = []
    for k, (lon, lat) in enumerate(lonlat):
        f = QgsFeature(layer.fields())
        f.setAttributes([f"P{k}"])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def area_around(lonlat, metres=200):
    lons, lats = [p[0] for p in lonlat], [p[1] for p in lonlat]
    d = metres / 80_000  # degrees, generous
    wkt = (f"POLYGON(({min(lons) - d} {min(lats) - d}, {max(lons) + d} {min(lats) - d}, {max(lons) + d} "
           f"{max(lats) + d}, {min(lons) - d} {max(lats) + d}, {min(lons) - d} {min(lats) - d}))")
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "area", "memory")
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromWkt(wkt))
    layer.dataProvider().addFeatures([f])
    return layer


def test_route_in_feet_measures_metres(make_gpkg, run_alg):
    gpkg = make_gpkg("feet.gpkg", CRS="EPSG:2272")
    p0 = PHILADELPHIA
    p1 = GEOD.fwd(*p0, 90, 300)[:2]
    p2 = GEOD.fwd(*p1, 90, 300)[:2]
    p3 = GEOD.fwd(*p2, 0, 30)[:2]  # 30 m from p2: one stop with the default MIN_DISTANCE of 50 m
    params = {"GPKG": str(gpkg), "STRAIGHT": True, "SAVE": False, "RISK_KINDS": [], "INCLUDE_FINDINGS": False,
              "START": f"{p0[0]!r},{p0[1]!r} [EPSG:4326]", "POINTS": "TEMPORARY_OUTPUT",
              "ROUTE": "TEMPORARY_OUTPUT"}
    log = Log()
    res = run_alg("hotspot:schouwroute", {**params, "EXTRA_POINTS": route_points([p0, p1, p2]),
                                          "AREA": area_around([p0, p2])}, feedback=log)
    assert "map unit is 0.3048" in log.text
    ground = GEOD.inv(*p0, *p1)[2] + GEOD.inv(*p1, *p2)[2]
    assert res["N_POINTS"] == 3
    assert res["LENGTH"] == pytest.approx(ground, rel=1e-3)
    legs = list(output_layer(res["ROUTE"]).getFeatures())
    assert sum(f["length_m"] for f in legs) == pytest.approx(ground, rel=1e-3)
    four = [p0, p1, p2, p3]
    merged = run_alg("hotspot:schouwroute", {**params, "EXTRA_POINTS": route_points(four),
                                             "AREA": area_around(four)})
    assert merged["N_POINTS"] == 3  # 30 m < 50 m (unconverted, 50 ft = 15 m, they would be two stops)
    apart = run_alg("hotspot:schouwroute", {**params, "EXTRA_POINTS": route_points(four),
                                            "AREA": area_around(four), "MIN_DISTANCE": 20})
    assert apart["N_POINTS"] == 4
