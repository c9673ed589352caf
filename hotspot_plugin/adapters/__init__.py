"""The QGIS-aware, widget-free layer between QGIS and the pure core.

Reading QGIS features into numpy/shapely, the QGIS side of CRS handling and street routing live
here; algorithms (``processing/``), the GUI and the report import them. Adapters never import
``processing``, ``gui`` or ``report``; all SQL lives in ``storage/``. See docs/architecture.md.
"""
