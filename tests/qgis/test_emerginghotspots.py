"""hotspot:emerginghotspots through processing.run: a planted new hot spot, the fields and the style."""
from __future__ import annotations

import numpy as np
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from hotspot_plugin.core import emerging as em


def incidents_layer(seed=11):
    rng = np.random.default_rng(seed)
    n = 3000
    x = 150_000 + rng.uniform(0, 2000, n)
    y = 440_000 + rng.uniform(0, 2000, n)
    days = rng.integers(0, 3 * 365, n)
    start = np.datetime64("2022-01-01")
    extra = 150  # a new cluster in the last quarter around the centre
    x = np.r_[x, 151_000 + rng.normal(0, 40, extra)]
    y = np.r_[y, 441_000 + rng.normal(0, 40, extra)]
    days = np.r_[days, (np.datetime64("2024-10-01") - start).astype(int) + rng.integers(0, 90, extra)]
    layer = QgsVectorLayer("Point?crs=EPSG:28992", "incidents", "memory")
    layer.dataProvider().addAttributes([QgsField("occurred_at", QVariant.String),
                                        QgsField("category", QVariant.String)])
    layer.updateFields()
    feats = []
    for xx, yy, d in zip(x, y, days):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(xx), float(yy))))
        f.setAttributes([str(start + int(d)) + "T12:00:00", "1.1.1"])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_planted_new_hot_spot_and_output(run_alg, tmp_path):
    layer = incidents_layer()
    out = tmp_path / "emerging.gpkg"
    res = run_alg("hotspot:emerginghotspots", {"INPUT": layer, "CELL_SIZE": 100, "DISTANCE_BAND": 150,
                                               "TIME_STEP_MONTHS": 3, "SEED": 5, "OUTPUT": str(out)})
    assert res["N_STEPS"] == 12
    cells = QgsVectorLayer(str(out), "e", "ogr")
    assert cells.isValid() and cells.featureCount() == res["N_LOCATIONS"]
    centre = [f for f in cells.getFeatures() if f.geometry().contains(QgsGeometry.fromPointXY(
        QgsPointXY(151_000.0 + 1, 441_000.0 + 1)))]
    assert len(centre) == 1
    f = centre[0]
    assert f["pattern"] == em.NEW and f["pattern_label"]
    assert f["count_12"] > 20 and f["p_12"] < 0.01 and f["z_12"] > 3
    assert {"count_mk_s", "count_mk_z", "count_mk_p", "z_mk_s", "z_mk_z", "z_mk_p"} <= set(cells.fields().names())
    # The style with a sentence per class was stored in the GeoPackage.
    styled = QgsVectorLayer(str(out), "e", "ogr")
    styled.loadDefaultStyle()
    assert styled.renderer().type() == "categorizedSymbol"
    assert len(styled.renderer().categories()) == 17
