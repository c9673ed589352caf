"""Pure core of Hotspot: maths and rules, no QGIS, PyQt or osgeo imports.

Allowed imports: the standard library, numpy, scipy, shapely, pyproj and rasterio.
Progress and cancellation arrive as plain callables (see :mod:`.progress`).
"""
