"""Buurtschouw data on disk: schouw points in the safety GeoPackage, the field package, and the way back.

One concern per module; this package re-exports them, so ``from ..storage import fieldpackage as fp``
keeps working:

* :mod:`.points`: :func:`save_points` / :func:`read_points`, the schouw points of a scan in the
  safety GeoPackage; :func:`read_streets` and :func:`crs_epsg` of that GeoPackage.
* :mod:`.write`: :func:`write_field_gpkg`, the GeoPackage that goes to the field (schouw points,
  an empty findings layer with the schema's fields, the route, the area, the streets around it).
* :mod:`.forms` and :mod:`.project`: :func:`write_field_project`, a QGIS project with relative
  paths whose findings form works in QField and Mergin Maps (value maps, default values, photo
  widget under ``DCIM/``), and the layer styles of maps and prints.
* :mod:`.read` and :mod:`.merge`: :func:`read_package` and :func:`merge_findings`, the returned
  findings (and photos) into the safety GeoPackage; the merge rule is in :mod:`.merge`'s docstring.
"""

from __future__ import annotations

from .common import (
    AREA_LAYER,
    CONTENT_FIELDS,
    DAGDEEL_EXPRESSION,
    FINDING_FIELDS,
    META_TABLE,
    OFFICE_PHOTO_FOLDER,
    PHOTO_FOLDER,
    QFIELD_PHOTO_NAME,
    ROUTE_LAYER,
    SAME_POINT_DISTANCE,
    STATUSES,
    STREETS_LAYER,
    SYNC_TABLE,
)
from .forms import findings_layer_setup
from .merge import Conflict, MergeResult, merge_findings
from .points import PointRow, crs_epsg, linked_scan_uuids, read_points, read_streets, save_points
from .project import open_package_layers, style_layers, write_field_project
from .read import FieldFinding, FieldPackage, find_package_gpkg, read_package
from .safe_files import MAX_PHOTO_MB, PackageFile, package_file
from .write import PackageInfo, RouteLeg, package_findings_count, write_field_gpkg

__all__ = [
    "AREA_LAYER",
    "CONTENT_FIELDS",
    "DAGDEEL_EXPRESSION",
    "FINDING_FIELDS",
    "MAX_PHOTO_MB",
    "META_TABLE",
    "OFFICE_PHOTO_FOLDER",
    "PHOTO_FOLDER",
    "QFIELD_PHOTO_NAME",
    "ROUTE_LAYER",
    "SAME_POINT_DISTANCE",
    "STATUSES",
    "STREETS_LAYER",
    "SYNC_TABLE",
    "Conflict",
    "FieldFinding",
    "FieldPackage",
    "MergeResult",
    "PackageFile",
    "PackageInfo",
    "PointRow",
    "RouteLeg",
    "crs_epsg",
    "find_package_gpkg",
    "findings_layer_setup",
    "linked_scan_uuids",
    "merge_findings",
    "open_package_layers",
    "package_file",
    "package_findings_count",
    "read_package",
    "read_points",
    "read_streets",
    "save_points",
    "style_layers",
    "write_field_gpkg",
    "write_field_project",
]
