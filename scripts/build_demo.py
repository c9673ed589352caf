#!/usr/bin/env python3
"""Build the bundled demo data of the fictional town Zuiderwaarde (deterministic).

Writes into the given folder (default resources/demo):
  zuiderwaarde.gpkg      a safety GeoPackage with buurten, streets, risk objects, 3 years of incidents
  zuiderwaarde.qgs       a QGIS project with its layers, styled (relative paths)
  politie_export.csv     a police-style export of new incidents, some rows deliberately bad
  zuiderwaarde_adressen.gpkg   fictional BAG-like address points (layer "adressen")
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from osgeo import ogr
from qgis_app import ROOT, start

SEED = 2024


def write_layers(path: Path, layers: dict) -> None:
    ds = ogr.Open(str(path), 1)
    try:
        ds.StartTransaction()
        for name, records in layers.items():
            layer = ds.GetLayerByName(name)
            defn = layer.GetLayerDefn()
            names = {defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())}
            for record in records:
                feature = ogr.Feature(defn)
                for key, value in record.items():
                    if key == "geometry" or value is None:
                        continue
                    if key not in names:
                        raise KeyError(f"{name}.{key} is not in the schema")
                    feature.SetField(key, value)
                feature.SetGeometry(ogr.CreateGeometryFromWkb(record["geometry"].wkb))
                if layer.CreateFeature(feature) != 0:
                    raise RuntimeError(f"could not write a feature to {name}")
        ds.CommitTransaction()
    finally:
        ds = None  # noqa: F841


def write_addresses(path: Path, records: list) -> None:
    from demo_town import ADDRESS_FIELDS
    from osgeo import osr

    if path.exists():
        path.unlink()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(28992)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("adressen", srs, ogr.wkbPoint, ["FID=fid", "GEOMETRY_NAME=geom"])
    for name in ADDRESS_FIELDS:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTInteger if name == "huisnummer" else ogr.OFTString))
    ds.StartTransaction()
    for record in records:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name in ADDRESS_FIELDS:
            if record[name] is not None:
                feature.SetField(name, record[name])
        feature.SetGeometry(ogr.CreateGeometryFromWkb(record["geometry"].wkb))
        layer.CreateFeature(feature)
    ds.CommitTransaction()
    ds = None  # noqa: F841


def build(out: Path) -> None:
    start()
    from qgis.core import QgsProject, QgsRectangle

    from hotspot_plugin.i18n import install_translator

    install_translator("nl")  # the demo town is Dutch: layer names, legends and styles in Dutch

    from demo_town import (
        ADDRESS_LAYER_TITLE,
        build_demo_town,
        demo_addresses,
        demo_import_rows,
    )

    from hotspot_plugin.storage import gpkg
    from hotspot_plugin.storage.layers import add_safety_layers
    from hotspot_plugin.storage.styles import build_styles

    out.mkdir(parents=True, exist_ok=True)
    town = build_demo_town(SEED)
    path = out / "zuiderwaarde.gpkg"
    gpkg.create_safety_gpkg(str(path), municipality=f"{town.town_name} ({town.municipality_code})",
                            styles=build_styles(), overwrite=True)
    write_layers(path, town.layers)
    con = gpkg.connect(str(path), write=True)
    try:
        with gpkg.transaction(con, str(path)):
            for name in town.layers:
                gpkg.refresh_contents(con, name)
        con.execute("VACUUM")
    finally:
        con.close()

    header, rows = demo_import_rows(town)[:2]
    with open(out / "politie_export.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)

    addresses = out / "zuiderwaarde_adressen.gpkg"
    write_addresses(addresses, demo_addresses(town))

    project = QgsProject.instance()
    project.clear()
    project.setTitle(f"Hotspot demo - {town.town_name}")
    project.setCrs(gpkg_crs())
    group = add_safety_layers(str(path), project, f"{town.town_name}")
    from qgis.core import QgsMarkerSymbol, QgsSingleSymbolRenderer, QgsVectorLayer

    from hotspot_plugin.i18n import tr

    address_layer = QgsVectorLayer(f"{addresses}|layername=adressen", tr(ADDRESS_LAYER_TITLE), "ogr")
    address_layer.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
        {"name": "square", "color": "#bdbdbd", "size": "0.8", "outline_style": "no"})))
    project.addMapLayer(address_layer, False)
    group.addLayer(address_layer).setItemVisibilityChecked(False)
    xmin, ymin, xmax, ymax = town.extent
    project.viewSettings().setDefaultViewExtent(_ref_extent(QgsRectangle(xmin, ymin, xmax, ymax), project))
    project.write(str(out / "zuiderwaarde.qgs"))
    counts = {name: len(records) for name, records in town.layers.items()}
    counts["adressen"] = address_layer.featureCount()
    print(f"Demo data in {out}: {counts}")


def gpkg_crs():
    from qgis.core import QgsCoordinateReferenceSystem

    return QgsCoordinateReferenceSystem("EPSG:28992")


def _ref_extent(rect, project):
    from qgis.core import QgsReferencedRectangle

    return QgsReferencedRectangle(rect, project.crs())


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "demo")
