"""The pages of the environment-scan wizard ("Omgevingsscan") and the map tools they use.

1. :class:`AreaPage`: the safety GeoPackage and the scan area (a feature of a map layer, a polygon
   drawn on the map, or a point with a radius), the context ring; or a saved scan to open again.
2. :class:`DataPage`: period and comparison period, safety fields, categories, reference area,
   small-count threshold, title and author.
3. :class:`AnalysisPage`: runs hotspot:environmentscan as a task (progress, Cancel) and shows the
   saved results: a table, a month trend, a weekday x hour table and a map preview.
4. :class:`AdvicePage`: the drafted findings and their measures, editable.
5. :class:`SavePage`: summary, status, save; the PDF report and the buurtschouw when available.

The pages hold widgets and check input; the wizard (:mod:`.scan_wizard`) holds the scan record,
the advice and the running task. No analysis happens here.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (
    Qgis,
    QgsColorRampShader,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsLineSymbol,
    QgsMapLayerProxyModel,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsMarkerSymbol,
    QgsPointXY,
    QgsProject,
    QgsRasterBandStats,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRectangle,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import (
    QgsDateEdit,
    QgsFeaturePickerWidget,
    QgsFileWidget,
    QgsMapLayerComboBox,
    QgsMapTool,
    QgsRubberBand,
)
from qgis.PyQt.QtCore import QDate, QLocale, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QPixmap
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)
from shapely import wkt as shapely_wkt

from ..core import schema
from ..core.advice import Advice, Catalogue, ChosenMeasure, Finding, format_number, render
from ..core.categories import SAFETY_FIELDS
from ..core.errors import HotspotError
from ..core.scan import ScanResult, default_periods, suppress
from ..i18n import dutch, tr
from ..settings import Settings
from ..storage import gpkg, scan_inputs
from . import charts

#: Colours of the map preview and the rubber bands.
AREA_COLOUR = "#1f4e79"
ZONE_COLOUR = "#b2182b"
MESSAGE_ERROR = "color: #b00020;"
MESSAGE_HINT = "color: #555555;"
FIELD_CODES: Tuple[str, ...] = tuple(SAFETY_FIELDS)


def field_label(code: Optional[str]) -> str:
    """The label of a safety field in the user's language."""
    if code in SAFETY_FIELDS:
        return tr(SAFETY_FIELDS[code][1])
    return str(code or "")


def decimal_sign() -> str:
    return "," if dutch() else "."


def date_format() -> str:
    return "dd-MM-yyyy" if dutch() else "yyyy-MM-dd"


def ui_locale() -> QLocale:
    return (
        QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
        if dutch()
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )


def show_message(label: QLabel, text: str, error: bool) -> None:
    """A message on the page: red for an error, grey for a hint."""
    label.setStyleSheet(MESSAGE_ERROR if error else MESSAGE_HINT)
    label.setText(text)


def qdate(value: Any) -> QDate:
    """A QDate from a date, a datetime or an ISO text."""
    if isinstance(value, QDate):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return QDate(value.year, value.month, value.day)
    return QDate.fromString(str(value)[:10], "yyyy-MM-dd")


def when_text(value: Any) -> str:
    """A stored time ('2025-03-01T14:05:00...') as the user reads it: '01-03-2025 14:05' in Dutch."""
    parsed = _parse_time(value)
    if parsed is None:
        return str(value or "")
    return qdate(parsed).toString(date_format()) + parsed.strftime(" %H:%M")


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


# ------------------------------------------------------------------------------------------------
# What the GeoPackage holds
# ------------------------------------------------------------------------------------------------


@dataclass
class GpkgInfo:
    """What the wizard needs to know about a safety GeoPackage."""

    path: str
    crs: QgsCoordinateReferenceSystem
    n_incidents: int
    first: Optional[dt.datetime]
    last: Optional[dt.datetime]
    #: The extent of the incidents and the areas (buurten, municipality) together.
    extent: Optional[QgsRectangle]
    #: (code, label, safety field, number of incidents), in code order.
    categories: List[Tuple[str, str, str, int]]
    municipality: str


_INFO_CACHE: Dict[Tuple[str, int, int], GpkgInfo] = {}


def _parse_time(text: Any) -> Optional[dt.datetime]:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(str(text)[:19])
    except ValueError:
        return None


def _code_key(code: str) -> list:
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in str(code).split(".")]


def read_gpkg_info(path: str) -> GpkgInfo:
    """CRS, number and dates of the incidents, their extent and categories (HotspotError if unusable)."""
    gpkg.check_safety_gpkg(path)
    stat = os.stat(path)
    key = (str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size)
    if key in _INFO_CACHE:
        return _INFO_CACHE[key]
    in_dutch = dutch()
    con = gpkg.connect(path)
    try:
        crs = QgsCoordinateReferenceSystem(gpkg.crs_wkt(con, schema.INCIDENTS))
        n, first, last = con.execute(
            f"SELECT count(*), min(occurred_at), max(occurred_at) " f'FROM "{schema.INCIDENTS}"'
        ).fetchone()
        boxes = [
            b
            for b in (
                scan_inputs.layer_extent(con, schema.INCIDENTS),
                scan_inputs.layer_extent(con, schema.AREAS),
            )
            if b
        ]
        extent = None
        if boxes:
            extent = QgsRectangle(
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
        rows = con.execute(
            f"SELECT i.category, c.safety_field, c.label_nl, c.label_en, count(*) "
            f'FROM "{schema.INCIDENTS}" i LEFT JOIN "{schema.CATEGORIES}" c ON c.code = i.category '
            f"GROUP BY i.category"
        ).fetchall()
        mun = con.execute(
            f"SELECT name FROM \"{schema.AREAS}\" WHERE level = 'gemeente' " f"ORDER BY fid LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    categories = sorted(
        (
            (str(code), str((nl if in_dutch else en) or nl or en or code), str(fld or ""), int(cnt))
            for code, fld, nl, en, cnt in rows
        ),
        key=lambda r: _code_key(r[0]),
    )
    info = GpkgInfo(
        path=str(path),
        crs=crs,
        n_incidents=int(n or 0),
        first=_parse_time(first),
        last=_parse_time(last),
        extent=extent,
        categories=categories,
        municipality=str(mun[0]) if mun and mun[0] else "",
    )
    _INFO_CACHE.clear()
    _INFO_CACHE[key] = info
    return info


def buurt_name(path: str, area: QgsGeometry) -> str:
    """The name of the buurt (else wijk) holding the largest part of *area* (GeoPackage CRS), or ''."""
    try:
        with scan_inputs.reading(path) as con:
            _level, buurten = scan_inputs.buurten_of(scan_inputs.read_areas(con))
    except HotspotError:
        return ""
    try:
        shape = shapely_wkt.loads(area.asWkt())
    except Exception:  # noqa: BLE001 - an unreadable area simply has no name
        return ""
    best, best_share = "", 0.0
    for b in buurten:
        if b.name and b.geometry.intersects(shape):
            share = b.geometry.intersection(shape).area
            if share > best_share:
                best, best_share = b.name, share
    return best


def incidents_between(path: str, start: dt.date, end_exclusive: dt.date) -> int:
    """Whether (1) or not (0) the GeoPackage has an incident in [start, end)."""
    con = gpkg.connect(path)
    try:
        row = con.execute(
            f'SELECT 1 FROM "{schema.INCIDENTS}" WHERE occurred_at >= ? AND occurred_at < ? LIMIT 1',
            (start.isoformat(), end_exclusive.isoformat()),
        ).fetchone()
    finally:
        con.close()
    return 1 if row else 0


# ------------------------------------------------------------------------------------------------
# Map tools
# ------------------------------------------------------------------------------------------------


def _rubber_band(canvas, colour: str = AREA_COLOUR, fill_alpha: int = 50) -> QgsRubberBand:
    band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
    fill = QColor(colour)
    fill.setAlpha(fill_alpha)
    band.setColor(fill)
    band.setFillColor(fill)
    band.setStrokeColor(QColor(colour))
    band.setWidth(2)
    return band


class PolygonMapTool(QgsMapTool):
    """Collects left clicks into a polygon (shown as a rubber band); a right click or a double click
    finishes it, Backspace removes the last corner, Esc cancels. Emits ``finished`` with the polygon
    (QgsGeometry in the canvas CRS) or None when cancelled or fewer than three corners were given."""

    finished = pyqtSignal(object)

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self.points: List[QgsPointXY] = []
        self.band = _rubber_band(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def add_point(self, point: QgsPointXY) -> None:
        """Add a corner (map coordinates of the canvas); a repeated click on the same spot is ignored."""
        p = QgsPointXY(point)
        if self.points and self.points[-1].compare(p, 1e-9):
            return
        self.points.append(p)
        self._show()

    def _show(self, moving: Optional[QgsPointXY] = None) -> None:
        points = self.points + ([moving] if moving is not None else [])
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        for i, p in enumerate(points):
            self.band.addPoint(p, i == len(points) - 1)

    def geometry(self) -> Optional[QgsGeometry]:
        """The polygon of the corners so far (canvas CRS), or None with fewer than three."""
        if len(self.points) < 3:
            return None
        return QgsGeometry.fromPolygonXY([self.points + [self.points[0]]])

    def canvasMoveEvent(self, event):  # noqa: N802 - QGIS API
        if self.points:
            self._show(event.mapPoint())

    def canvasReleaseEvent(self, event):  # noqa: N802 - QGIS API
        if event.button() == Qt.MouseButton.RightButton:
            self.finish()
        elif event.button() == Qt.MouseButton.LeftButton:
            self.add_point(event.mapPoint())

    def canvasDoubleClickEvent(self, event):  # noqa: N802 - QGIS API
        self.add_point(event.mapPoint())
        self.finish()

    def keyPressEvent(self, event):  # noqa: N802 - QGIS API
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
        elif event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and self.points:
            self.points.pop()
            self._show()

    def finish(self) -> None:
        geometry = self.geometry()
        self.reset()
        self.finished.emit(geometry)

    def cancel(self) -> None:
        self.reset()
        self.finished.emit(None)

    def reset(self) -> None:
        self.points = []
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)

    def deactivate(self):
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        super().deactivate()

    def remove(self) -> None:
        """Take the rubber band off the canvas (the tool is not used any more)."""
        self.reset()
        scene = self.canvas().scene()
        if scene is not None:
            scene.removeItem(self.band)


class PointMapTool(QgsMapTool):
    """A left click emits ``picked`` with the point (canvas CRS); a right click or Esc emits None."""

    picked = pyqtSignal(object)

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def canvasReleaseEvent(self, event):  # noqa: N802 - QGIS API
        if event.button() == Qt.MouseButton.LeftButton:
            self.picked.emit(QgsPointXY(event.mapPoint()))
        elif event.button() == Qt.MouseButton.RightButton:
            self.picked.emit(None)

    def keyPressEvent(self, event):  # noqa: N802 - QGIS API
        if event.key() == Qt.Key.Key_Escape:
            self.picked.emit(None)


# ------------------------------------------------------------------------------------------------
# Page 1: area
# ------------------------------------------------------------------------------------------------


class AreaPage(QWizardPage):
    """The safety GeoPackage, the scan area and the context ring; or a saved scan to open again."""

    MODE_LAYER, MODE_DRAW, MODE_POINT = "layer", "draw", "point"
    open_requested = pyqtSignal(str, str)  # GeoPackage, scan uuid

    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.setTitle("1. " + tr("Area"))
        self.setSubTitle(tr("Choose the safety GeoPackage and the location to scan, or open a saved scan."))
        self.info: Optional[GpkgInfo] = None
        self.info_error = ""
        self.drawn: Optional[QgsGeometry] = None  # in the GeoPackage CRS
        self.drawn_label = ""
        self.point: Optional[QgsPointXY] = None  # in the GeoPackage CRS
        self.area: Optional[QgsGeometry] = None  # the valid area, in the GeoPackage CRS
        self.message_text = ""
        self.message_is_error = False
        self.tool: Optional[QgsMapTool] = None
        self.previous_tool = None
        self.area_band: Optional[QgsRubberBand] = None
        self._loading = False
        self._watched: Optional[QgsVectorLayer] = None  # the layer whose selection the page follows

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.gpkg_widget = QgsFileWidget()
        self.gpkg_widget.setFilter(tr("GeoPackage") + " (*.gpkg)")
        self.gpkg_widget.setDialogTitle(tr("Choose a safety GeoPackage"))
        form.addRow(tr("Safety GeoPackage"), self.gpkg_widget)
        layout.addLayout(form)

        box = QGroupBox(tr("Scan area"))
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.modes = QButtonGroup(self)
        self.mode_layer = QRadioButton(tr("A feature of a map layer"))
        self.layer_combo = QgsMapLayerComboBox()
        self.layer_combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.layer_combo.setAllowEmptyLayer(True)
        self.layer_combo.setLayer(None)
        self.feature_picker = QgsFeaturePickerWidget()
        self.feature_picker.setAllowNull(True)
        self.feature_picker.setToolTip(tr("Type to search the features of the layer."))
        self.selected_only = QCheckBox(tr("Use the selected features"))
        grid.addWidget(self.mode_layer, 0, 0)
        grid.addWidget(self.layer_combo, 0, 1)
        grid.addWidget(self.feature_picker, 0, 2)
        grid.addWidget(self.selected_only, 1, 1, 1, 2)
        self.mode_draw = QRadioButton(tr("A polygon drawn on the map"))
        self.draw_button = QPushButton(tr("Draw on the map…"))
        self.draw_button.setToolTip(
            tr(
                "Click the corners of the area on the map; finish with a right click or a "
                "double click. Backspace removes the last corner, Esc cancels."
            )
        )
        self.draw_info = QLabel()
        self.draw_info.setWordWrap(True)
        grid.addWidget(self.mode_draw, 2, 0)
        grid.addWidget(self.draw_button, 2, 1)
        grid.addWidget(self.draw_info, 2, 2)
        self.mode_point = QRadioButton(tr("A point with a radius"))
        self.point_button = QPushButton(tr("Click the point on the map…"))
        self.radius = QDoubleSpinBox()
        self.radius.setRange(10, 5000)
        self.radius.setDecimals(0)
        self.radius.setSingleStep(50)
        self.radius.setValue(250)
        self.radius.setSuffix(" m")
        self.radius.setPrefix(tr("radius") + " ")
        self.point_info = QLabel()
        point_row = QHBoxLayout()
        point_row.addWidget(self.radius)
        point_row.addWidget(self.point_info, 1)
        grid.addWidget(self.mode_point, 3, 0)
        grid.addWidget(self.point_button, 3, 1)
        grid.addLayout(point_row, 3, 2)
        for i, button in enumerate((self.mode_layer, self.mode_draw, self.mode_point)):
            self.modes.addButton(button, i)
        self.ring = QDoubleSpinBox()
        self.ring.setRange(0, 5000)
        self.ring.setDecimals(0)
        self.ring.setSingleStep(50)
        self.ring.setValue(250)
        self.ring.setSuffix(" m")
        self.ring.setToolTip(
            tr(
                "The incidents in a ring of this width around the area are counted separately, "
                "to see what happens just outside it."
            )
        )
        ring_row = QHBoxLayout()
        ring_row.addWidget(QLabel(tr("Context ring around the area")))
        ring_row.addWidget(self.ring)
        ring_row.addStretch(1)
        grid.addLayout(ring_row, 4, 0, 1, 3)
        layout.addWidget(box)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(36)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)

        saved = QGroupBox(tr("Open a saved scan again"))
        saved_layout = QHBoxLayout(saved)
        self.saved_list = QTreeWidget()
        self.saved_list.setHeaderLabels([tr("Reference"), tr("Title"), tr("Status"), tr("Last saved")])
        self.saved_list.setRootIsDecorated(False)
        self.saved_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.saved_list.setMinimumHeight(90)
        header = self.saved_list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.open_button = QPushButton(tr("Open"))
        self.open_button.setEnabled(False)
        buttons = QVBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        saved_layout.addWidget(self.saved_list, 1)
        saved_layout.addLayout(buttons)
        layout.addWidget(saved, 1)

        self.gpkg_widget.fileChanged.connect(self._gpkg_changed)
        self.modes.buttonToggled.connect(lambda *_: self.refresh())
        self.layer_combo.layerChanged.connect(self._layer_changed)
        self.feature_picker.featureChanged.connect(lambda *_: self._feature_changed())
        self.selected_only.toggled.connect(lambda *_: self._feature_changed())
        self.draw_button.clicked.connect(self.start_drawing)
        self.point_button.clicked.connect(self.start_point)
        self.radius.valueChanged.connect(lambda *_: self._point_mode_touched())
        self.ring.valueChanged.connect(lambda *_: self.refresh())
        self.saved_list.itemSelectionChanged.connect(
            lambda: self.open_button.setEnabled(bool(self.saved_list.selectedItems()))
        )
        self.saved_list.itemDoubleClicked.connect(lambda *_: self.open_selected())
        self.open_button.clicked.connect(self.open_selected)

    # The GeoPackage ------------------------------------------------------------------------------
    def gpkg_path(self) -> str:
        return self.gpkg_widget.filePath().strip()

    def set_gpkg(self, path: str) -> None:
        self.gpkg_widget.setFilePath(path)
        if self.info is None or self.info.path != path:
            self._gpkg_changed(path)

    def _gpkg_changed(self, path: str) -> None:
        self.info = None
        self.info_error = ""
        path = (path or "").strip()
        if path:
            try:
                self.info = read_gpkg_info(path)
            except HotspotError as exc:
                self.info_error = exc.render(tr)
        self.refresh_saved_scans()
        self.refresh()

    def refresh_saved_scans(self) -> None:
        from ..storage.scans import list_scans

        self.saved_list.clear()
        if self.info is None:
            return
        try:
            records = list_scans(self.info.path)
        except HotspotError:
            return
        if not records:
            item = QTreeWidgetItem([tr("No saved scans in this GeoPackage yet.")])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.saved_list.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)
        for record in records:
            item = QTreeWidgetItem(
                [
                    record.reference,
                    record.title,
                    self.status_label(record.status),
                    when_text(record.updated_at),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, record.uuid)
            item.setToolTip(1, record.title)
            self.saved_list.addTopLevelItem(item)

    @staticmethod
    def status_label(status: str) -> str:
        return tr("final") if status == "definitief" else tr("draft")

    def open_selected(self) -> None:
        items = self.saved_list.selectedItems()
        if items and self.info is not None:
            self.open_requested.emit(self.info.path, str(items[0].data(0, Qt.ItemDataRole.UserRole)))

    # The area ------------------------------------------------------------------------------------
    def mode(self) -> Optional[str]:
        checked = self.modes.checkedId()
        return {0: self.MODE_LAYER, 1: self.MODE_DRAW, 2: self.MODE_POINT}.get(checked)

    def set_mode(self, mode: str) -> None:
        {self.MODE_LAYER: self.mode_layer, self.MODE_DRAW: self.mode_draw, self.MODE_POINT: self.mode_point}[
            mode
        ].setChecked(True)

    def _layer_changed(self, layer) -> None:
        self.feature_picker.setLayer(layer)
        if self._watched is not None:
            try:
                self._watched.selectionChanged.disconnect(self._selection_changed)
            except (TypeError, RuntimeError):  # already disconnected, or the layer is gone
                pass
        self._watched = layer if isinstance(layer, QgsVectorLayer) else None
        if self._watched is not None:
            self._watched.selectionChanged.connect(self._selection_changed)
        n = layer.selectedFeatureCount() if isinstance(layer, QgsVectorLayer) else 0
        if not self._loading and layer is not None:
            self.mode_layer.setChecked(True)
            if n:
                self.selected_only.setChecked(True)
        self.refresh()

    def _selection_changed(self, *_args) -> None:
        """Features were selected on the map: follow when the page uses the selection."""
        if self.mode() == self.MODE_LAYER and self.selected_only.isChecked():
            self.refresh()
        else:
            layer = self.layer_combo.currentLayer()
            n = layer.selectedFeatureCount() if isinstance(layer, QgsVectorLayer) else 0
            self.selected_only.setText(tr("Use the selected features ({n})").format(n=n))

    def _feature_changed(self) -> None:
        if not self._loading and self.layer_combo.currentLayer() is not None:
            self.mode_layer.setChecked(True)
        self.refresh()

    def _point_mode_touched(self) -> None:
        if self.point is not None and not self._loading:
            self.mode_point.setChecked(True)
        self.refresh()

    def _to_gpkg_crs(self, geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem) -> QgsGeometry:
        geometry = QgsGeometry(geometry)
        if self.info is not None and crs.isValid() and crs != self.info.crs:
            geometry.transform(QgsCoordinateTransform(crs, self.info.crs, QgsProject.instance()))
        return geometry

    def _canvas(self):
        return self.iface.mapCanvas() if self.iface is not None else None

    def _canvas_crs(self) -> QgsCoordinateReferenceSystem:
        canvas = self._canvas()
        return canvas.mapSettings().destinationCrs() if canvas is not None else QgsCoordinateReferenceSystem()

    def layer_area(self) -> Tuple[Optional[QgsGeometry], str]:
        """The union of the chosen (or selected) features in the GeoPackage CRS, or (None, message)."""
        layer = self.layer_combo.currentLayer()
        if not isinstance(layer, QgsVectorLayer):
            return None, tr("Choose a polygon layer of the project, then the feature that is the scan area.")
        if self.selected_only.isChecked():
            features = list(layer.getSelectedFeatures())
            if not features:
                return None, tr(
                    "No features of the layer '{layer}' are selected. Select the area on the map, "
                    "or untick 'use the selected features' and choose one feature."
                ).format(layer=layer.name())
        else:
            feature = self.feature_picker.feature()
            if feature is None or not feature.isValid() or not feature.hasGeometry():
                return None, tr(
                    "Choose the feature of '{layer}' that is the scan area (type to search), or "
                    "tick 'use the selected features'."
                ).format(layer=layer.name())
            features = [feature]
        geometries = [QgsGeometry(f.geometry()) for f in features if f.hasGeometry()]
        geometry = geometries[0] if len(geometries) == 1 else QgsGeometry.unaryUnion(geometries)
        return self._to_gpkg_crs(geometry, layer.crs()), ""

    def area_label(self) -> str:
        """A short name of the area for the default title (a feature's display name), or ''."""
        mode = self.mode()
        if mode == self.MODE_DRAW:
            return self.drawn_label
        if mode != self.MODE_LAYER:
            return ""
        layer = self.layer_combo.currentLayer()
        if not isinstance(layer, QgsVectorLayer):
            return ""
        features = (
            list(layer.getSelectedFeatures())
            if self.selected_only.isChecked()
            else [self.feature_picker.feature()]
        )
        if len(features) != 1 or features[0] is None or not features[0].isValid():
            return ""
        context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
        context.setFeature(features[0])
        value = QgsExpression(layer.displayExpression()).evaluate(context)
        return "" if value is None else str(value)

    def evaluate(self) -> Tuple[Optional[QgsGeometry], str, bool]:
        """(the area in the GeoPackage CRS, message, whether the message is an error)."""
        path = self.gpkg_path()
        if not path:
            return None, tr("Choose the safety GeoPackage with the incidents."), False
        if self.info is None:
            return None, self.info_error or tr("The GeoPackage could not be read."), True
        if not self.info.crs.isValid() or self.info.crs.isGeographic():
            return (
                None,
                tr(
                    "The GeoPackage uses a geographic coordinate system (degrees); a scan measures in "
                    "metres. Create the safety GeoPackage in a projected system such as RD New "
                    "(EPSG:28992) or Belgian Lambert 72 (EPSG:31370) and import the incidents again."
                ),
                True,
            )
        if self.info.n_incidents == 0 or self.info.extent is None:
            return (
                None,
                tr(
                    "The GeoPackage has no incidents yet. Import the incidents first "
                    "(Hotspot ‣ Import incidents)."
                ),
                True,
            )
        mode = self.mode()
        if mode is None:
            return (
                None,
                tr(
                    "Choose how to give the scan area: a feature of a map layer, a polygon drawn on "
                    "the map, or a point with a radius."
                ),
                False,
            )
        if mode == self.MODE_LAYER:
            geometry, message = self.layer_area()
            if geometry is None:
                return None, message, False
            what = tr("The chosen feature")
        elif mode == self.MODE_DRAW:
            if self.drawn is None:
                return (
                    None,
                    tr(
                        "Press 'Draw on the map' and click the corners of the area; finish with a right "
                        "click or a double click."
                    ),
                    False,
                )
            geometry, what = self.drawn, tr("The drawn polygon")
        else:
            if self.point is None:
                return None, tr("Press 'Click the point on the map' and click the centre of the area."), False
            geometry = QgsGeometry.fromPointXY(self.point).buffer(self.radius.value(), 16)
            what = tr("The circle")
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return None, tr("{what} has no shape; choose or draw the area again.").format(what=what), True
        if geometry.type() != QgsWkbTypes.GeometryType.PolygonGeometry:
            return None, tr("{what} is not a polygon; choose a polygon layer.").format(what=what), True
        if not geometry.isGeosValid():
            return (
                None,
                tr(
                    "{what} is not a valid polygon: its edges cross or touch themselves. Draw it again "
                    "(or repair the layer with Vector ‣ Geometry Tools ‣ Fix Geometries)."
                ).format(what=what),
                True,
            )
        if geometry.area() <= 0:
            return None, tr("{what} has no surface; choose or draw the area again.").format(what=what), True
        if not geometry.intersects(QgsGeometry.fromRect(self.info.extent)):
            return (
                None,
                tr(
                    "The scan area lies outside the data: there are no incidents anywhere near it in "
                    "this GeoPackage. Check that you chose the right GeoPackage and the right place "
                    "(a layer in another coordinate system may lie elsewhere)."
                ),
                True,
            )
        km2 = geometry.area() / 1e6
        return (
            geometry,
            tr("Scan area of {km2} km² with a ring of {ring} m.").format(
                km2=format_number(km2, 2, decimal_sign()), ring=format_number(self.ring.value(), 0)
            ),
            False,
        )

    def refresh(self) -> None:
        """Check the input, show the message and the area on the map; tell the wizard."""
        layer = self.layer_combo.currentLayer()
        n = layer.selectedFeatureCount() if isinstance(layer, QgsVectorLayer) else 0
        self.selected_only.setText(tr("Use the selected features ({n})").format(n=n))
        self.feature_picker.setEnabled(not self.selected_only.isChecked())
        self.area, self.message_text, self.message_is_error = self.evaluate()
        show_message(self.message, self.message_text, self.message_is_error)
        if self.drawn is not None:
            self.draw_info.setText(
                self.drawn_label
                or tr("Polygon of {km2} km²").format(
                    km2=format_number(self.drawn.area() / 1e6, 2, decimal_sign())
                )
            )
        else:
            self.draw_info.setText("")
        if self.point is not None:
            self.point_info.setText(
                tr("around {x}, {y}").format(
                    x=format_number(self.point.x(), 0), y=format_number(self.point.y(), 0)
                )
            )
        else:
            self.point_info.setText("")
        self._show_area_on_canvas()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.area is not None

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        self.refresh()
        if self.area is None:
            return False
        settings = Settings.load()
        settings.last_gpkg = self.gpkg_path()
        settings.save()
        return True

    def area_parameters(self) -> Dict[str, Any]:
        """AREA_WKT, or POINT and RADIUS, for hotspot:environmentscan (the area must be valid)."""
        if self.mode() == self.MODE_POINT and self.point is not None:
            authid = self.info.crs.authid() if self.info is not None else ""
            return {
                "POINT": f"{self.point.x()!r},{self.point.y()!r} [{authid}]",
                "RADIUS": self.radius.value(),
            }
        return {"AREA_WKT": self.area.asWkt() if self.area is not None else ""}

    # Drawing on the map --------------------------------------------------------------------------
    def _activate(self, tool: QgsMapTool) -> None:
        canvas = self._canvas()
        if canvas is None:
            return
        self.stop_tool()
        self.previous_tool = canvas.mapTool()
        self.tool = tool
        canvas.setMapTool(tool)
        window = self.window()
        if window is not None and window.isVisible():
            window.hide()
        if self.iface is not None:
            self.iface.messageBar().pushMessage(
                tr("Environment scan"), tool.property("hint") or "", Qgis.MessageLevel.Info, 10
            )

    def start_drawing(self) -> Optional[PolygonMapTool]:
        """Put the polygon tool on the map canvas (the wizard hides until the polygon is finished)."""
        canvas = self._canvas()
        if canvas is None:
            return None
        self.mode_draw.setChecked(True)
        tool = PolygonMapTool(canvas)
        tool.setProperty(
            "hint",
            tr(
                "Click the corners of the scan area; finish with a right click or a double "
                "click. Backspace removes the last corner, Esc cancels."
            ),
        )
        tool.finished.connect(self._drawn)
        self._activate(tool)
        return tool

    def start_point(self) -> Optional[PointMapTool]:
        """Put the point tool on the map canvas (the wizard hides until the point is clicked)."""
        canvas = self._canvas()
        if canvas is None:
            return None
        self.mode_point.setChecked(True)
        tool = PointMapTool(canvas)
        tool.setProperty("hint", tr("Click the centre of the scan area on the map; Esc cancels."))
        tool.picked.connect(self._picked)
        self._activate(tool)
        return tool

    def _drawn(self, geometry: Optional[QgsGeometry]) -> None:
        if geometry is not None:
            self.set_drawn(self._to_gpkg_crs(geometry, self._canvas_crs()))
        self.stop_tool()
        self.refresh()

    def _picked(self, point: Optional[QgsPointXY]) -> None:
        if point is not None:
            geometry = self._to_gpkg_crs(QgsGeometry.fromPointXY(point), self._canvas_crs())
            self.point = geometry.asPoint()
        self.stop_tool()
        self.refresh()

    def set_drawn(self, geometry: QgsGeometry, label: str = "") -> None:
        """Use *geometry* (GeoPackage CRS) as the drawn polygon."""
        self.drawn = QgsGeometry(geometry)
        self.drawn_label = label
        self.mode_draw.setChecked(True)

    def set_point(self, point: QgsPointXY, radius: float) -> None:
        """Use a point (GeoPackage CRS) and radius."""
        self.point = QgsPointXY(point)
        self.radius.setValue(radius)
        self.mode_point.setChecked(True)

    def stop_tool(self) -> None:
        """Take the map tool off the canvas, restore the previous one and show the wizard again."""
        canvas = self._canvas()
        tool, self.tool = self.tool, None
        if tool is not None and canvas is not None:
            if canvas.mapTool() is tool:
                if self.previous_tool is not None and self.previous_tool is not tool:
                    canvas.setMapTool(self.previous_tool)
                else:
                    canvas.unsetMapTool(tool)
            if isinstance(tool, PolygonMapTool):
                tool.remove()
        self.previous_tool = None
        window = self.window()
        if tool is not None and window is not None and not window.isVisible():
            window.show()
            window.raise_()

    def _show_area_on_canvas(self) -> None:
        canvas = self._canvas()
        if canvas is None:
            return
        if self.area_band is None:
            self.area_band = _rubber_band(canvas, AREA_COLOUR, 30)
        if self.area is None or self.info is None:
            self.area_band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        else:
            self.area_band.setToGeometry(self.area, self.info.crs)

    def cleanup_canvas(self) -> None:
        """Remove the map tool and the area from the canvas (the wizard closes)."""
        self.stop_tool()
        canvas = self._canvas()
        if self.area_band is not None and canvas is not None:
            self.area_band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
            if canvas.scene() is not None:
                canvas.scene().removeItem(self.area_band)
        self.area_band = None


# ------------------------------------------------------------------------------------------------
# Page 2: data and period
# ------------------------------------------------------------------------------------------------


class DataPage(QWizardPage):
    """Period, comparison period, safety fields, categories, reference area, threshold, title, author."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle("2. " + tr("Data and period"))
        self.setSubTitle(
            tr("Which incidents to count, over which period, and what to compare the area with.")
        )
        self.settings = Settings.load()
        self.filled_for = ""  # the GeoPackage the defaults were filled in for
        self.info: Optional[GpkgInfo] = None
        self.message_text = ""
        self.message_is_error = False
        self._ok = False
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        def date_edit() -> QgsDateEdit:
            edit = QgsDateEdit()
            edit.setAllowNull(False)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
            edit.setMinimumWidth(130)
            return edit

        def period_row(a: QgsDateEdit, b: QgsDateEdit) -> QHBoxLayout:
            row = QHBoxLayout()
            row.addWidget(a)
            row.addWidget(QLabel(tr("up to and including")))
            row.addWidget(b)
            row.addStretch(1)
            return row

        self.period_from, self.period_to = date_edit(), date_edit()
        self.comparison_from, self.comparison_to = date_edit(), date_edit()
        left.addRow(tr("Period"), period_row(self.period_from, self.period_to))
        left.addRow(tr("Comparison period"), period_row(self.comparison_from, self.comparison_to))
        self.data_note = QLabel()
        self.data_note.setStyleSheet(MESSAGE_HINT)
        self.data_note.setWordWrap(True)
        left.addRow("", self.data_note)
        fields_box = QWidget()
        fields_grid = QGridLayout(fields_box)
        fields_grid.setContentsMargins(0, 0, 0, 0)
        self.field_boxes: Dict[str, QCheckBox] = {}
        for i, code in enumerate(FIELD_CODES):
            check = QCheckBox(field_label(code))
            check.setChecked(True)
            self.field_boxes[code] = check
            fields_grid.addWidget(check, i, 0)
        left.addRow(tr("Safety fields"), fields_box)
        self.reference = QComboBox()
        self.reference.setToolTip(
            tr(
                "The area the scan area is compared with: by default the municipality in the "
                "GeoPackage; or all features of a polygon layer of the project."
            )
        )
        left.addRow(tr("Compare with"), self.reference)
        self.small_count = QSpinBox()
        self.small_count.setRange(1, 100)
        self.small_count.setValue(max(1, self.settings.small_count_threshold))
        self.small_count.setToolTip(
            tr(
                "Counts from 1 up to this number minus one are shown as '<n' in the results "
                "and the report, so that no one can be recognised."
            )
        )
        self.small_count.setMaximumWidth(90)
        left.addRow(tr("Small-count threshold"), self.small_count)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(tr("e.g. Marktplein, herinrichting 2026"))
        self.author = QLineEdit(self.settings.author)
        self.organisation = QLineEdit(self.settings.organisation)
        left.addRow(tr("Title"), self.title_edit)
        left.addRow(tr("Author"), self.author)
        left.addRow(tr("Organisation"), self.organisation)
        columns.addLayout(left, 2)

        right = QVBoxLayout()
        right.addWidget(QLabel(tr("Categories")))
        self.categories = QListWidget()
        self.categories.setMinimumWidth(180)
        self.categories.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.categories.setTextElideMode(Qt.TextElideMode.ElideRight)
        right.addWidget(self.categories, 1)
        buttons = QHBoxLayout()
        self.all_button = QPushButton(tr("All"))
        self.none_button = QPushButton(tr("None"))
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch(1)
        right.addLayout(buttons)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(32)
        layout.addWidget(self.message)

        for edit in (self.period_from, self.period_to, self.comparison_from, self.comparison_to):
            edit.dateChanged.connect(lambda *_: self.refresh())
        for check in self.field_boxes.values():
            check.toggled.connect(lambda *_: self._fields_changed())
        self.categories.itemChanged.connect(lambda *_: self.refresh())
        self.all_button.clicked.connect(lambda: self.check_all_categories(True))
        self.none_button.clicked.connect(lambda: self.check_all_categories(False))
        self.title_edit.textChanged.connect(lambda *_: self.refresh())

    # Filling -------------------------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 - Qt API
        wizard = self.wizard()
        info = wizard.area_page.info if wizard is not None else None
        self.info = info
        self._fill_references()
        if info is not None and self.filled_for != info.path:
            self.fill_defaults(info)
        if not self.title_edit.text().strip() and wizard is not None:
            page = wizard.area_page
            name = page.area_label()
            if not name and page.area is not None and info is not None:
                name = buurt_name(info.path, page.area)
            self.title_edit.setText(tr("Environment scan {name}").format(name=name).strip() if name else "")
        self.refresh()

    def _fill_references(self) -> None:
        current = self.reference.currentData()
        self.reference.blockSignals(True)
        self.reference.clear()
        wizard = self.wizard()
        record = wizard.record if wizard is not None else None
        if record is not None and (record.parameters or {}).get("REFERENCE"):
            # A re-run without REFERENCE uses the saved reference area.
            name = (record.parameters or {}).get("reference_name") or ""
            self.reference.addItem(
                tr("The reference area of the saved scan {name}").format(name=name).strip(), ""
            )
        else:
            name = self.info.municipality if self.info is not None else ""
            self.reference.addItem(
                " ".join(tr("The municipality {name} (from the GeoPackage)").format(name=name).split()), ""
            )
        for layer in QgsProject.instance().mapLayers().values():
            if (
                isinstance(layer, QgsVectorLayer)
                and layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry
            ):
                self.reference.addItem(tr("All features of '{layer}'").format(layer=layer.name()), layer.id())
        index = self.reference.findData(current) if current else 0
        self.reference.setCurrentIndex(max(0, index))
        self.reference.blockSignals(False)

    def fill_defaults(self, info: GpkgInfo) -> None:
        """The last 12 months of data, the 12 months before, all fields and categories."""
        self.filled_for = info.path
        if info.last is not None:
            (start, end), (c_start, c_end) = default_periods(np.datetime64(info.last, "s"))
            self.set_periods(start, end, c_start, c_end)
        self.fill_categories(info, None)
        for check in self.field_boxes.values():
            check.setChecked(True)
        first = info.first.date() if info.first else None
        last = info.last.date() if info.last else None
        if first and last:
            self.data_note.setText(
                tr("The GeoPackage holds {n} incidents from {first} up to and including " "{last}.").format(
                    n=format_number(info.n_incidents, 0, decimal_sign()),
                    first=qdate(first).toString(date_format()),
                    last=qdate(last).toString(date_format()),
                )
            )

    def set_periods(self, start: Any, end: Any, c_start: Any, c_end: Any) -> None:
        """Set the periods from half-open bounds [start, end) (datetime64, date or ISO text)."""

        def first_day(value: Any) -> QDate:
            return qdate(str(np.datetime64(value, "D")))

        def last_day(value: Any) -> QDate:
            t = np.datetime64(value, "s")
            day = np.datetime64(t, "D")
            if t == day.astype("datetime64[s]"):
                day = day - np.timedelta64(1, "D")
            return qdate(str(day))

        for edit, value in (
            (self.period_from, first_day(start)),
            (self.period_to, last_day(end)),
            (self.comparison_from, first_day(c_start)),
            (self.comparison_to, last_day(c_end)),
        ):
            edit.blockSignals(True)
            edit.setDate(value)
            edit.blockSignals(False)

    def fill_categories(self, info: Optional[GpkgInfo], checked: Optional[List[str]]) -> None:
        """The categories with incidents, ticked (all, or those in *checked*)."""
        self.categories.blockSignals(True)
        self.categories.clear()
        for code, label, fld, n in info.categories if info is not None else []:
            item = QListWidgetItem(
                tr("{code} {label} ({n})").format(
                    code=code, label=label, n=format_number(n, 0, decimal_sign())
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setData(Qt.ItemDataRole.UserRole + 1, fld)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if checked is None or code in checked else Qt.CheckState.Unchecked
            )
            item.setToolTip(f"{item.text()} – {field_label(fld)}")
            self.categories.addItem(item)
        self.categories.blockSignals(False)
        self._fields_changed()

    def load_record(self, record, info: GpkgInfo) -> None:
        """Fill the page from a saved scan (its results' parameters)."""
        self.info = info
        self.filled_for = info.path
        params = (record.results or {}).get("parameters") or {}
        self.fill_defaults(info)
        if params.get("period") and params.get("comparison"):
            self.set_periods(
                params["period"][0], params["period"][1], params["comparison"][0], params["comparison"][1]
            )
        fields = params.get("fields")
        for code, check in self.field_boxes.items():
            check.blockSignals(True)
            check.setChecked(fields is None or code in fields)
            check.blockSignals(False)
        self.fill_categories(info, params.get("categories"))
        if params.get("small_count_threshold"):
            self.small_count.setValue(int(params["small_count_threshold"]))
        self.title_edit.setText(record.title or "")
        self.author.setText(record.author or "")
        self.organisation.setText(record.organisation or "")
        self._fill_references()
        self.refresh()

    def check_all_categories(self, checked: bool) -> None:
        self.categories.blockSignals(True)
        for i in range(self.categories.count()):
            item = self.categories.item(i)
            if not item.isHidden():
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.categories.blockSignals(False)
        self.refresh()

    def _fields_changed(self) -> None:
        fields = set(self.checked_fields())
        for i in range(self.categories.count()):
            item = self.categories.item(i)
            fld = item.data(Qt.ItemDataRole.UserRole + 1)
            item.setHidden(bool(fld) and fld in SAFETY_FIELDS and fld not in fields)
        self.refresh()

    # Reading -------------------------------------------------------------------------------------
    def checked_fields(self) -> List[str]:
        return [code for code, check in self.field_boxes.items() if check.isChecked()]

    def checked_categories(self) -> Tuple[List[str], bool]:
        """(ticked visible categories, whether all visible ones are ticked)."""
        ticked, visible = [], 0
        for i in range(self.categories.count()):
            item = self.categories.item(i)
            if item.isHidden():
                continue
            visible += 1
            if item.checkState() == Qt.CheckState.Checked:
                ticked.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return ticked, len(ticked) == visible

    def periods(self) -> Tuple[dt.date, dt.date, dt.date, dt.date]:
        """Period and comparison period as inclusive dates (from, to, comparison from, comparison to)."""
        return (
            pydate(self.period_from.date()),
            pydate(self.period_to.date()),
            pydate(self.comparison_from.date()),
            pydate(self.comparison_to.date()),
        )

    def evaluate(self) -> Tuple[str, bool]:
        """(message, is error); '' when the page is complete."""
        p_from, p_to, c_from, c_to = self.periods()
        fmt = date_format()
        if p_to < p_from:
            return tr("The period ends before it starts: choose an end date on or after {date}.").format(
                date=qdate(p_from).toString(fmt)
            ), True
        if c_to < c_from:
            return tr(
                "The comparison period ends before it starts: choose an end date on or after {date}."
            ).format(date=qdate(c_from).toString(fmt)), True
        if c_from <= p_to and p_from <= c_to:
            return tr(
                "The comparison period overlaps the period. Choose a comparison period that ends before "
                "{date} (usually the same months one year earlier)."
            ).format(date=qdate(p_from).toString(fmt)), True
        if not self.checked_fields():
            return tr("Tick at least one safety field."), True
        ticked, _all = self.checked_categories()
        if self.categories.count() and not ticked:
            return tr("Tick at least one category (or press 'All')."), True
        if self.info is not None:
            try:
                found = incidents_between(self.info.path, p_from, p_to + dt.timedelta(days=1))
            except HotspotError as exc:
                return exc.render(tr), True
            if not found:
                first = qdate(self.info.first).toString(fmt) if self.info.first else "?"
                last = qdate(self.info.last).toString(fmt) if self.info.last else "?"
                return tr(
                    "There are no incidents in the period {start} up to and including {end}; the data run "
                    "from {first} to {last}. Choose another period."
                ).format(
                    start=qdate(p_from).toString(fmt), end=qdate(p_to).toString(fmt), first=first, last=last
                ), True
        if not self.title_edit.text().strip():
            return tr("Give the scan a title, for example the name of the location."), True
        return "", False

    def refresh(self) -> None:
        self.message_text, self.message_is_error = self.evaluate()
        self._ok = not self.message_text
        show_message(self.message, self.message_text, self.message_is_error)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self._ok

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        self.refresh()
        if self._ok:
            settings = Settings.load()
            if self.author.text().strip() and not settings.author:
                settings.author = self.author.text().strip()
                settings.save()
        return self._ok

    def parameters(self) -> Dict[str, Any]:
        """Periods, fields, categories, reference, threshold, title, author for the algorithm."""
        p_from, p_to, c_from, c_to = self.periods()
        ticked, all_ticked = self.checked_categories()
        fields = self.checked_fields()
        params: Dict[str, Any] = {
            "PERIOD_START": qdate(p_from),
            "PERIOD_END": qdate(p_to),
            "COMPARISON_START": qdate(c_from),
            "COMPARISON_END": qdate(c_to),
            "FIELDS": [FIELD_CODES.index(f) for f in fields],
            "CATEGORIES": "" if all_ticked else ",".join(ticked),
            "SMALL_COUNT": self.small_count.value(),
            "TITLE": self.title_edit.text().strip(),
            "AUTHOR": self.author.text().strip(),
            "ORGANISATION": self.organisation.text().strip(),
        }
        if self.reference.currentData():
            params["REFERENCE"] = self.reference.currentData()
        return params


# ------------------------------------------------------------------------------------------------
# Page 3: analysis and results
# ------------------------------------------------------------------------------------------------


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


class MapPreview(QLabel):
    """A rendered map of the scan: heatmap, hotspot zones, area and ring, incidents of the period."""

    rendered = pyqtSignal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(200, 160)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setStyleSheet("background: white; border: 1px solid #cccccc;")
        self.job: Optional[QgsMapRendererParallelJob] = None
        self.layers: list = []
        self.layer_names: List[str] = []

    @staticmethod
    def _memory(
        name: str, crs: QgsCoordinateReferenceSystem, geometries: List[QgsGeometry]
    ) -> QgsVectorLayer:
        layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid() or 'EPSG:28992'}", name, "memory")
        if not crs.authid():
            layer.setCrs(crs)
        features = []
        for g in geometries:
            f = QgsFeature()
            f.setGeometry(g)
            features.append(f)
        layer.dataProvider().addFeatures(features)
        layer.updateExtents()
        return layer

    def render(
        self,
        path: str,
        crs: QgsCoordinateReferenceSystem,
        area: QgsGeometry,
        ring_width: float,
        zones: List[Dict[str, Any]],
        heatmap: str,
        period: Optional[List[str]],
        size: QSize,
    ) -> None:
        """Start rendering (asynchronous); ``rendered`` is emitted when the image is shown."""
        self.cancel()
        outer = area.buffer(ring_width, 16) if ring_width > 0 else QgsGeometry(area)
        ring = outer.difference(area) if ring_width > 0 else None
        layers = []
        names = []
        area_layer = self._memory("area", crs, [area])
        area_layer.setRenderer(
            QgsSingleSymbolRenderer(
                QgsFillSymbol.createSimple(
                    {"color": "0,0,0,0", "outline_color": AREA_COLOUR, "outline_width": "0.9"}
                )
            )
        )
        layers.append(area_layer)
        names.append("area")
        if ring is not None and not ring.isEmpty():
            ring_layer = self._memory("ring", crs, [outer])
            ring_layer.setRenderer(
                QgsSingleSymbolRenderer(
                    QgsFillSymbol.createSimple(
                        {
                            "color": "0,0,0,0",
                            "outline_color": AREA_COLOUR,
                            "outline_width": "0.5",
                            "outline_style": "dash",
                        }
                    )
                )
            )
            layers.append(ring_layer)
            names.append("ring")
        zone_geoms = [QgsGeometry.fromWkt(z.get("wkt", "")) for z in zones or [] if z.get("wkt")]
        zone_geoms = [g for g in zone_geoms if g is not None and not g.isNull()]
        if zone_geoms:
            zone_layer = self._memory("zones", crs, zone_geoms)
            zone_layer.setRenderer(
                QgsSingleSymbolRenderer(
                    QgsFillSymbol.createSimple(
                        {"color": "178,24,43,40", "outline_color": ZONE_COLOUR, "outline_width": "0.6"}
                    )
                )
            )
            layers.append(zone_layer)
            names.append("zones")
        incidents = QgsVectorLayer(gpkg.layer_uri(path, schema.INCIDENTS), "incidents", "ogr")
        if incidents.isValid():
            if period:
                incidents.setSubsetString(
                    f"\"occurred_at\" >= '{str(period[0])[:10]}' AND "
                    f"\"occurred_at\" < '{str(period[1])[:10]}'"
                )
            incidents.setRenderer(
                QgsSingleSymbolRenderer(
                    QgsMarkerSymbol.createSimple(
                        {"name": "circle", "size": "1.0", "color": "40,40,40,200", "outline_style": "no"}
                    )
                )
            )
            layers.append(incidents)
            names.append("incidents")
        if heatmap and Path(heatmap).exists():
            raster = QgsRasterLayer(heatmap, "heatmap")
            if raster.isValid():
                self._style_heatmap(raster)
                layers.append(raster)
                names.append("heatmap")
        streets = QgsVectorLayer(gpkg.layer_uri(path, schema.STREETS), "streets", "ogr")
        if streets.isValid() and streets.featureCount():
            streets.setRenderer(
                QgsSingleSymbolRenderer(
                    QgsLineSymbol.createSimple({"color": "175,175,175,255", "width": "0.25"})
                )
            )
            layers.append(streets)
            names.append("streets")
        buurten = QgsVectorLayer(gpkg.layer_uri(path, schema.AREAS), "buurten", "ogr")
        if buurten.isValid():
            buurten.setSubsetString("\"level\" = 'buurt'")
            buurten.setRenderer(
                QgsSingleSymbolRenderer(
                    QgsFillSymbol.createSimple(
                        {
                            "color": "245,245,240,255",
                            "outline_color": "150,150,150,255",
                            "outline_width": "0.3",
                        }
                    )
                )
            )
            layers.append(buurten)
            names.append("buurten")
        settings = QgsMapSettings()
        settings.setDestinationCrs(crs)
        settings.setLayers(layers)
        settings.setBackgroundColor(QColor("white"))
        settings.setOutputSize(size)
        settings.setOutputDpi(96)
        extent = outer.boundingBox()
        extent.grow(max(extent.width(), extent.height()) * 0.08 + 1)
        settings.setExtent(extent)
        self.layers = layers
        self.layer_names = names
        self.job = QgsMapRendererParallelJob(settings)
        self.job.finished.connect(self._finished)
        self.job.start()

    @staticmethod
    def _style_heatmap(raster: QgsRasterLayer) -> None:
        stats = raster.dataProvider().bandStatistics(1, QgsRasterBandStats.Stats.Max)
        top = stats.maximumValue if stats.maximumValue and math.isfinite(stats.maximumValue) else 1.0
        ramp = QgsColorRampShader(0.0, top)
        ramp.setColorRampType(QgsColorRampShader.Type.Interpolated)
        ramp.setColorRampItemList(
            [
                QgsColorRampShader.ColorRampItem(0.0, QColor(255, 255, 178, 0), ""),
                QgsColorRampShader.ColorRampItem(top * 0.05, QColor(255, 255, 178, 0), ""),
                QgsColorRampShader.ColorRampItem(top * 0.25, QColor(254, 204, 92, 150), ""),
                QgsColorRampShader.ColorRampItem(top * 0.6, QColor(253, 141, 60, 190), ""),
                QgsColorRampShader.ColorRampItem(top, QColor(227, 26, 28, 220), ""),
            ]
        )
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(ramp)
        renderer = QgsSingleBandPseudoColorRenderer(raster.dataProvider(), 1, shader)
        raster.setRenderer(renderer)

    def _finished(self) -> None:
        job, self.job = self.job, None
        if job is None:
            return
        self.setPixmap(QPixmap.fromImage(job.renderedImage()))
        self.layers = []  # the image is made: let go of the layers (and their GeoPackage connections)
        self.rendered.emit()

    def is_rendering(self) -> bool:
        return self.job is not None

    def cancel(self) -> None:
        if self.job is not None:
            job, self.job = self.job, None
            job.finished.disconnect(self._finished)
            job.cancelWithoutBlocking()
        self.layers = []


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
        try:
            self.result = ScanResult.from_json(record.results)
        except HotspotError as exc:
            self.result = None
            show_message(self.status, exc.render(tr), True)
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
        start = qdate(params["period"][0]).toString(fmt)
        end = qdate(str(np.datetime64(params["period"][1], "s") - np.timedelta64(1, "s"))[:10]).toString(fmt)
        inhabitants = (geo.get("inhabitants") or {}).get("area")
        status = tr(
            "{reference}: {n} incidents in the area ({km2} km², about {inh} inhabitants) from {start} up to "
            "and including {end}; {ring} in the ring of {width} m."
        ).format(
            reference=record.reference,
            n=suppress(n.get("area_period"), t),
            km2=format_number(geo.get("area_km2"), 2, dec),
            inh=format_number(round(inhabitants or 0, -1) if inhabitants else 0, 0, dec),
            start=start,
            end=end,
            ring=suppress(n.get("ring_period"), t),
            width=format_number(params.get("ring_width"), 0, dec),
        )
        show_message(self.status, status, False)
        self.status.setStyleSheet("")
        self.fill_table()
        self.legend.setText(
            tr(
                "Counts below {t} are shown as '<{t}'. Change: against {c_start} up to and including "
                "{c_end}; * = significant (p < 0.05). Against the municipality: rate ratio (point at "
                "a number for its 95% interval)."
            ).format(
                t=t,
                c_start=qdate(params["comparison"][0]).toString(fmt),
                c_end=qdate(
                    str(np.datetime64(params["comparison"][1], "s") - np.timedelta64(1, "s"))[:10]
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

    def _cells(self, group: Dict[str, Any], basis: str) -> List[str]:
        t = self.result.threshold
        dec = decimal_sign()
        area = group["area"]
        ring = group["ring"]
        change = (group.get("change") or {}).get("area") or {}
        if change.get("change_pct") is None:
            change_text = "–" if not area["n"] else tr("new")
        else:
            pct = round(change["change_pct"])
            change_text = ("+" if pct > 0 else "") + format_number(pct if pct else 0, 0, dec) + "%"
            if change.get("significant"):
                change_text += " *"
        vs = (group.get("vs_reference") or {}).get(basis) or {}
        if vs.get("ratio") is None:
            ratio_text = "–"
        else:
            ratio_text = format_number(vs["ratio"], 1, dec) + "×"
            if vs.get("significant"):
                ratio_text += " *"
        rate = area.get("per_1000") if basis == "per_1000" else area.get("per_km2")
        return [
            self.group_label(group),
            suppress(area["n"], t),
            suppress(area["n_comparison"], t),
            change_text,
            suppress(ring["n"], t),
            format_number(area.get("per_1000"), 1, dec) if area.get("per_1000") is not None else "–",
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

        def item(group: Dict[str, Any], parent=None) -> QTreeWidgetItem:
            cells = self._cells(group, basis)
            node = QTreeWidgetItem(cells)
            node.setData(0, Qt.ItemDataRole.UserRole, group["key"])
            for c in range(1, self.COLUMNS):
                node.setTextAlignment(c, int(right))
            vs = (group.get("vs_reference") or {}).get(basis) or {}
            if vs.get("ratio") is not None:
                node.setToolTip(
                    6,
                    tr("{ratio}× the municipality (95% interval {low}–{high}; p = {p})").format(
                        ratio=format_number(vs["ratio"], 2, decimal_sign()),
                        low=format_number(vs.get("ci_low"), 2, decimal_sign()),
                        high=format_number(vs.get("ci_high"), 2, decimal_sign()),
                        p=format_number(vs.get("p_value"), 3, decimal_sign()),
                    ),
                )
            change = (group.get("change") or {}).get("area") or {}
            if change.get("p_value") is not None:
                node.setToolTip(
                    3,
                    tr("p = {p}; ratio {ratio} (95% interval {low}–{high})").format(
                        p=format_number(change["p_value"], 3, decimal_sign()),
                        ratio=format_number(change.get("ratio"), 2, decimal_sign()),
                        low=format_number(change.get("ci_low"), 2, decimal_sign()),
                        high=format_number(change.get("ci_high"), 2, decimal_sign()),
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
        locale = ui_locale()
        width = max(600, self.tabs.width() - 24)
        self.month_chart.setPixmap(
            charts.month_trend_pixmap(
                self.result.when.get("months", []),
                when["months_period"],
                when["months_comparison"],
                when.get("months_period_small", ()),
                when.get("months_comparison_small", ()),
                width=width,
                height=150,
                period_label=tr("period"),
                comparison_label=tr("comparison period"),
                small_label=tr("fewer than {t}").format(t=t),
                locale=locale,
            )
        )
        weekdays = [locale.dayName(d, QLocale.FormatType.ShortFormat).rstrip(".") for d in range(1, 8)]
        self.heat_chart.setPixmap(
            charts.weekday_hour_pixmap(
                when["weekday_hour"],
                when.get("weekday_hour_small", ()),
                t,
                width=width,
                height=165,
                weekdays=weekdays,
                hour_label=tr("hour of the day (0 = 00:00-00:59)"),
            )
        )
        shares = when.get("dagdeel_share") or {}
        parts = [
            (tr("day (07-19)"), shares.get("dag")),
            (tr("evening (19-23)"), shares.get("avond")),
            (tr("night (23-07)"), shares.get("nacht")),
        ]
        self.dagdeel.setText(
            "   ".join(
                f"{name}: {format_number(v * 100, 0, decimal_sign())}%" for name, v in parts if v is not None
            )
        )

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
        zones = list((record.parameters or {}).get("zones") or [])
        heatmap = wizard.heatmap_path()
        size = QSize(max(480, self.tabs.width() - 24), max(300, self.tabs.height() - 70))
        self.map.render(
            info.path,
            info.crs,
            area,
            float(self.result.parameters.get("ring_width") or 0),
            zones,
            heatmap,
            self.result.parameters.get("period"),
            size,
        )
        parts = [
            tr("blue line: scan area"),
            tr("dashed: ring of {m} m").format(m=format_number(self.result.parameters.get("ring_width"), 0)),
        ]
        if zones:
            parts.append(tr("red: hotspot zones ({n})").format(n=len(zones)))
        if heatmap and Path(heatmap).exists():
            parts.append(tr("yellow to red: incident density"))
        parts.append(tr("dots: incidents in the period"))
        self.map_legend.setText("; ".join(parts) + ".")


# ------------------------------------------------------------------------------------------------
# Page 4: findings and measures
# ------------------------------------------------------------------------------------------------


def priority_labels() -> Dict[int, str]:
    return {1: tr("1 – high"), 2: tr("2 – medium"), 3: tr("3 – low")}


class AdvicePage(QWizardPage):
    """The findings (editable, own ones added, removed) and per finding its measures: from the
    catalogue or free text, with priority, owner and due date, in the user's order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle("4. " + tr("Findings and measures"))
        self.setSubTitle(tr("Check the drafted findings, add your own, and choose the measures per finding."))
        self._building = False
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        # findings
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.findings = QTableWidget(0, 2)
        self.findings.setHorizontalHeaderLabels([tr("Priority"), tr("Finding (double-click to edit)")])
        self.findings.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.findings.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.findings.verticalHeader().setVisible(False)
        self.findings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.findings.setWordWrap(True)
        top_layout.addWidget(self.findings, 1)
        row = QHBoxLayout()
        self.new_finding = QLineEdit()
        self.new_finding.setPlaceholderText(
            tr("Your own finding, e.g. 'Residents avoid the tunnel after dark'")
        )
        self.add_finding_button = QPushButton(tr("Add finding"))
        self.remove_finding_button = QPushButton(tr("Remove finding"))
        row.addWidget(self.new_finding, 1)
        row.addWidget(self.add_finding_button)
        row.addWidget(self.remove_finding_button)
        top_layout.addLayout(row)
        splitter.addWidget(top)
        # measures
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.measures_title = QLabel()
        font = self.measures_title.font()
        font.setBold(True)
        self.measures_title.setFont(font)
        self.measures_title.setWordWrap(True)
        bottom_layout.addWidget(self.measures_title)
        self.measures = QTableWidget(0, 4)
        self.measures.setHorizontalHeaderLabels([tr("Priority"), tr("Measure"), tr("Owner"), tr("Ready by")])
        header = self.measures.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.measures.setColumnWidth(2, 140)
        self.measures.setColumnWidth(3, 160)
        self.measures.verticalHeader().setVisible(False)
        self.measures.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.measures.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        bottom_layout.addWidget(self.measures, 1)
        add_row = QHBoxLayout()
        self.catalogue_combo = QComboBox()
        self.catalogue_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.catalogue_combo.setMinimumContentsLength(18)
        self.add_measure_button = QPushButton(tr("Add"))
        self.own_measure = QLineEdit()
        self.own_measure.setPlaceholderText(tr("or describe your own measure"))
        self.add_own_button = QPushButton(tr("Add own"))
        add_row.addWidget(self.catalogue_combo, 2)
        add_row.addWidget(self.add_measure_button)
        add_row.addWidget(self.own_measure, 2)
        add_row.addWidget(self.add_own_button)
        bottom_layout.addLayout(add_row)
        order_row = QHBoxLayout()
        self.up_button = QPushButton(tr("Move up"))
        self.down_button = QPushButton(tr("Move down"))
        self.remove_measure_button = QPushButton(tr("Remove measure"))
        order_row.addWidget(self.up_button)
        order_row.addWidget(self.down_button)
        order_row.addStretch(1)
        order_row.addWidget(self.remove_measure_button)
        bottom_layout.addLayout(order_row)
        splitter.addWidget(bottom)
        splitter.setSizes([220, 280])
        layout.addWidget(splitter, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.findings.itemSelectionChanged.connect(self.fill_measures)
        self.findings.itemChanged.connect(self._finding_edited)
        self.add_finding_button.clicked.connect(lambda: self.add_finding(self.new_finding.text()))
        self.new_finding.returnPressed.connect(lambda: self.add_finding(self.new_finding.text()))
        self.remove_finding_button.clicked.connect(lambda: self.remove_finding())
        self.add_measure_button.clicked.connect(
            lambda: self.add_catalogue_measure(self.catalogue_combo.currentData())
        )
        self.add_own_button.clicked.connect(lambda: self.add_own_measure(self.own_measure.text()))
        self.own_measure.returnPressed.connect(lambda: self.add_own_measure(self.own_measure.text()))
        self.remove_measure_button.clicked.connect(lambda: self.remove_measure())
        self.up_button.clicked.connect(lambda: self.move_measure(-1))
        self.down_button.clicked.connect(lambda: self.move_measure(1))
        self.measures.itemChanged.connect(self._measure_edited)

    # Helpers -------------------------------------------------------------------------------------
    @property
    def advice(self) -> Advice:
        return self.wizard().advice

    @property
    def catalogue(self) -> Catalogue:
        return self.wizard().catalogue()

    def threshold(self) -> Optional[int]:
        record = self.wizard().record
        try:
            return int(((record.results or {}).get("parameters") or {}).get("small_count_threshold"))
        except (TypeError, ValueError, AttributeError):
            return None

    def finding_text(self, finding: Finding) -> str:
        return render(finding, tr, decimal=decimal_sign(), threshold=self.threshold())

    def measure_title(self, measure: ChosenMeasure) -> str:
        return measure.title(self.catalogue, "nl" if dutch() else "en")

    def _changed(self) -> None:
        self.wizard().mark_dirty()

    def show_error(self, text: str) -> None:
        show_message(self.message, text, True)

    def clear_message(self) -> None:
        self.message.setText("")

    # Findings ------------------------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.fill_findings()

    def current_finding(self) -> Optional[Finding]:
        rows = self.findings.selectionModel().selectedRows() if self.findings.selectionModel() else []
        if not rows:
            return None
        index = rows[0].row()
        return self.advice.findings[index] if 0 <= index < len(self.advice.findings) else None

    def select_finding(self, index: int) -> None:
        if 0 <= index < self.findings.rowCount():
            self.findings.selectRow(index)
        self.fill_measures()

    def fill_findings(self, select: int = 0) -> None:
        self._building = True
        advice = self.advice
        self.findings.setRowCount(0)
        self.findings.setRowCount(len(advice.findings))
        labels = priority_labels()
        for row, finding in enumerate(advice.findings):
            combo = QComboBox()
            for p in (1, 2, 3):
                combo.addItem(labels[p], p)
            combo.setCurrentIndex(combo.findData(int(finding.priority or 2)))
            combo.currentIndexChanged.connect(
                lambda _i, f=finding, c=combo: self._finding_priority(f, c.currentData())
            )
            self.findings.setCellWidget(row, 0, combo)
            item = QTableWidgetItem(self.finding_text(finding))
            item.setToolTip(self.finding_text(finding))
            self.findings.setItem(row, 1, item)
        self.findings.resizeRowsToContents()
        self._building = False
        self.remove_finding_button.setEnabled(bool(advice.findings))
        if advice.findings:
            self.select_finding(min(max(0, select), len(advice.findings) - 1))
        else:
            self.fill_measures()

    def _finding_priority(self, finding: Finding, priority: int) -> None:
        if priority in (1, 2, 3) and finding.priority != priority:
            finding.priority = int(priority)
            self._changed()

    def _finding_edited(self, item: QTableWidgetItem) -> None:
        if self._building or item.column() != 1:
            return
        row = item.row()
        if not 0 <= row < len(self.advice.findings):
            return
        self.edit_finding(row, item.text())

    def edit_finding(self, index: int, text: str) -> bool:
        """Replace the text of finding *index*; an edited drafted finding keeps its id, field and
        evidence, and becomes the user's text (its rule and text are kept in the evidence)."""
        finding = self.advice.findings[index]
        text = str(text).strip()
        if not text:
            self.show_error(tr("A finding needs a text; remove it if it does not apply."))
            self.fill_findings(index)
            return False
        if text == self.finding_text(finding):
            return True
        if finding.rule != "user":
            finding.evidence = dict(finding.evidence or {})
            finding.evidence.setdefault("drafted_rule", finding.rule)
            finding.evidence.setdefault("drafted_text", self.finding_text(finding))
            finding.rule = "user"
            finding.params = {}
        finding.template = text
        self.clear_message()
        self._changed()
        self._building = True
        item = self.findings.item(index, 1)
        if item is not None and item.text() != text:
            item.setText(text)
        self._building = False
        return True

    def add_finding(self, text: str) -> Optional[Finding]:
        try:
            finding = self.advice.add_finding(text, priority=2)
        except HotspotError as exc:
            self.show_error(exc.render(tr))
            return None
        self.new_finding.clear()
        self.clear_message()
        self._changed()
        self.fill_findings(len(self.advice.findings) - 1)
        return finding

    def remove_finding(self, index: Optional[int] = None) -> None:
        """Remove a finding (default: the selected one) and the measures that were only for it."""
        if index is None:
            rows = self.findings.selectionModel().selectedRows()
            if not rows:
                return
            index = rows[0].row()
        finding = self.advice.findings[index]
        orphans = [m for m in self.advice.measures if m.finding_ids == [finding.id]]
        self.advice.remove_finding(finding.id)
        self.advice.measures = [m for m in self.advice.measures if not any(m is o for o in orphans)]
        self._changed()
        self.fill_findings(index)

    # Measures ------------------------------------------------------------------------------------
    def visible_measures(self) -> List[ChosenMeasure]:
        finding = self.current_finding()
        if finding is None:
            return []
        return self.advice.measures_for(finding.id)

    def fill_measures(self) -> None:
        finding = self.current_finding()
        self._building = True
        measures = self.visible_measures()
        self.measures.setRowCount(0)
        self.measures.setRowCount(len(measures))
        owners = self.catalogue.owners
        lang = "nl" if dutch() else "en"
        labels = priority_labels()
        for row, m in enumerate(measures):
            combo = QComboBox()
            for p in (1, 2, 3):
                combo.addItem(labels[p], p)
            combo.setCurrentIndex(combo.findData(int(m.priority)))
            combo.currentIndexChanged.connect(
                lambda _i, mm=m, c=combo: self.set_priority(mm, c.currentData())
            )
            self.measures.setCellWidget(row, 0, combo)
            item = QTableWidgetItem(self.measure_title(m))
            if m.measure_id and not m.text and m.measure_id in self.catalogue.measures:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(self.catalogue.measures[m.measure_id].description(lang))
            else:
                item.setToolTip(tr("Your own measure: double-click to edit."))
            self.measures.setItem(row, 1, item)
            owner = QComboBox()
            owner.setEditable(True)
            for code, label in owners.items():
                owner.addItem(label.get(lang) or label.get("nl") or code, code)
            index = owner.findData(m.owner)
            if index >= 0:
                owner.setCurrentIndex(index)
            else:
                owner.setEditText(m.owner)
            owner.setMinimumWidth(130)
            owner.currentTextChanged.connect(lambda text, mm=m, c=owner: self.set_owner(mm, c, text))
            self.measures.setCellWidget(row, 2, owner)
            due = QgsDateEdit()
            due.setAllowNull(True)
            due.setCalendarPopup(True)
            due.setDisplayFormat(date_format())
            due.setMinimumWidth(125)
            due.setNullRepresentation("–")
            if m.due_date:
                due.setDate(qdate(m.due_date))
            else:
                due.clear()
            due.dateValueChanged.connect(lambda value, mm=m, d=due: self.set_due(mm, d))
            self.measures.setCellWidget(row, 3, due)
        self._building = False
        if finding is None:
            self.measures_title.setText(tr("Measures: choose a finding above."))
        else:
            self.measures_title.setText(tr("Measures for: {finding}").format(finding=self._short(finding)))
        self.fill_catalogue_combo(finding)
        for widget in (self.catalogue_combo, self.add_measure_button, self.own_measure, self.add_own_button):
            widget.setEnabled(finding is not None)
        has = bool(measures)
        for widget in (self.up_button, self.down_button, self.remove_measure_button):
            widget.setEnabled(has)
        if has and not self.measures.selectionModel().selectedRows():
            self.measures.selectRow(0)

    def _short(self, finding: Finding, length: int = 110) -> str:
        text = self.finding_text(finding)
        return text if len(text) <= length else text[: length - 1] + "…"

    def fill_catalogue_combo(self, finding: Optional[Finding]) -> None:
        """The catalogue measures: the ones proposed for the finding first, then the rest."""
        self.catalogue_combo.clear()
        if finding is None:
            return
        lang = "nl" if dutch() else "en"
        chosen = {m.measure_id for m in self.advice.measures_for(finding.id)}
        proposed = [mid for mid in finding.measures if mid in self.catalogue.measures and mid not in chosen]
        for mid in proposed:
            self.catalogue_combo.addItem("★ " + self.catalogue.measures[mid].title(lang), mid)
        rest = [mid for mid in self.catalogue.measures if mid not in chosen and mid not in proposed]
        if proposed and rest:
            self.catalogue_combo.insertSeparator(self.catalogue_combo.count())
        for mid in rest:
            self.catalogue_combo.addItem(self.catalogue.measures[mid].title(lang), mid)
        self.catalogue_combo.setToolTip(tr("★ = proposed for this finding"))

    def current_measure(self) -> Optional[ChosenMeasure]:
        rows = self.measures.selectionModel().selectedRows() if self.measures.selectionModel() else []
        measures = self.visible_measures()
        if not rows or not 0 <= rows[0].row() < len(measures):
            return None
        return measures[rows[0].row()]

    def add_catalogue_measure(self, measure_id: Optional[str]) -> Optional[ChosenMeasure]:
        finding = self.current_finding()
        if finding is None or not measure_id:
            return None
        existing = next((m for m in self.advice.measures if m.measure_id == measure_id and not m.text), None)
        if existing is not None:
            if finding.id not in existing.finding_ids:
                existing.finding_ids.append(finding.id)
            measure = existing
        else:
            owners = (
                self.catalogue.measures[measure_id].owners if measure_id in self.catalogue.measures else ()
            )
            try:
                measure = self.advice.add_measure(
                    measure_id=measure_id,
                    priority=int(finding.priority or 2),
                    owner=owners[0] if owners else "",
                    finding_ids=[finding.id],
                    catalogue=self.catalogue,
                )
            except HotspotError as exc:
                self.show_error(exc.render(tr))
                return None
        self.clear_message()
        self._changed()
        self.fill_measures()
        self._select_measure(measure)
        return measure

    def add_own_measure(self, text: str) -> Optional[ChosenMeasure]:
        finding = self.current_finding()
        if finding is None:
            self.show_error(tr("Choose the finding the measure is for."))
            return None
        try:
            measure = self.advice.add_measure(
                text=text, priority=int(finding.priority or 2), finding_ids=[finding.id]
            )
        except HotspotError as exc:
            self.show_error(exc.render(tr))
            return None
        self.own_measure.clear()
        self.clear_message()
        self._changed()
        self.fill_measures()
        self._select_measure(measure)
        return measure

    def _select_measure(self, measure: ChosenMeasure) -> None:
        for row, m in enumerate(self.visible_measures()):
            if m is measure:
                self.measures.selectRow(row)

    def remove_measure(self, measure: Optional[ChosenMeasure] = None) -> None:
        """Take the measure away from the current finding (removed when it serves no other finding)."""
        measure = measure or self.current_measure()
        finding = self.current_finding()
        if measure is None or finding is None:
            return
        if len(measure.finding_ids) > 1:
            measure.finding_ids = [i for i in measure.finding_ids if i != finding.id]
        else:
            self.advice.measures = [m for m in self.advice.measures if m is not measure]
        self._changed()
        self.fill_measures()

    def move_measure(self, step: int, measure: Optional[ChosenMeasure] = None) -> None:
        """Move a measure up (-1) or down (1) among the measures of the current finding."""
        measure = measure or self.current_measure()
        visible = self.visible_measures()
        if measure is None or measure not in visible:
            return
        pos = next(i for i, m in enumerate(visible) if m is measure)
        other_pos = pos + step
        if not 0 <= other_pos < len(visible):
            return
        items = self.advice.measures
        a = next(i for i, m in enumerate(items) if m is measure)
        b = next(i for i, m in enumerate(items) if m is visible[other_pos])
        items[a], items[b] = items[b], items[a]
        self._changed()
        self.fill_measures()
        self._select_measure(measure)

    def set_priority(self, measure: ChosenMeasure, priority: int) -> None:
        if priority in (1, 2, 3) and measure.priority != priority:
            measure.priority = int(priority)
            self._changed()

    def set_owner(self, measure: ChosenMeasure, combo: QComboBox, text: str) -> None:
        if self._building:
            return
        index = combo.findText(text)
        value = combo.itemData(index) if index >= 0 else text.strip()
        if measure.owner != value:
            measure.owner = value or ""
            self._changed()

    def set_due(self, measure: ChosenMeasure, edit: QgsDateEdit) -> None:
        if self._building:
            return
        value = None if edit.isNull() else pydate(edit.date()).isoformat()
        if measure.due_date != value:
            measure.due_date = value
            self._changed()

    def _measure_edited(self, item: QTableWidgetItem) -> None:
        if self._building or item.column() != 1:
            return
        measures = self.visible_measures()
        if not 0 <= item.row() < len(measures):
            return
        measure = measures[item.row()]
        text = item.text().strip()
        if not text:
            self.show_error(tr("A measure needs a text; remove it if it does not apply."))
            self.fill_measures()
            return
        if text != self.measure_title(measure):
            measure.text = text
            self._changed()


# ------------------------------------------------------------------------------------------------
# Page 5: save
# ------------------------------------------------------------------------------------------------


class SavePage(QWizardPage):
    """Summary, status (concept/definitief), save; the PDF report and the buurtschouw when available."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle("5. " + tr("Save"))
        self.setSubTitle(tr("Save the scan and its advice in the GeoPackage; then make the report."))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary)
        status_box = QGroupBox(tr("Status"))
        status_layout = QHBoxLayout(status_box)
        self.status_draft = QRadioButton(tr("Draft (concept)"))
        self.status_final = QRadioButton(tr("Final (definitief)"))
        self.status_draft.setChecked(True)
        status_layout.addWidget(self.status_draft)
        status_layout.addWidget(self.status_final)
        status_layout.addStretch(1)
        self.save_button = QPushButton(tr("Save"))
        status_layout.addWidget(self.save_button)
        layout.addWidget(status_box)
        report_box = QGroupBox(tr("Next steps"))
        report_layout = QGridLayout(report_box)
        self.report_path = QgsFileWidget()
        self.report_path.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.report_path.setFilter(tr("PDF files") + " (*.pdf)")
        self.report_path.setDialogTitle(tr("Save the report as"))
        self.report_button = QPushButton(tr("Make the report (PDF)"))
        self.report_label = QLabel(tr("Report"))
        self.schouw_button = QPushButton(tr("Prepare a neighbourhood inspection (buurtschouw)"))
        report_layout.addWidget(self.report_label, 0, 0)
        report_layout.addWidget(self.report_path, 0, 1)
        report_layout.addWidget(self.report_button, 0, 2)
        report_layout.addWidget(self.schouw_button, 1, 0, 1, 3, Qt.AlignmentFlag.AlignLeft)
        report_layout.setColumnStretch(1, 1)
        self.report_box = report_box
        layout.addWidget(report_box)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.message.setOpenExternalLinks(True)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.save_button.clicked.connect(lambda: self.save())
        self.report_button.clicked.connect(lambda: self.wizard().make_report(self.report_path.filePath()))
        self.schouw_button.clicked.connect(lambda: self.wizard().prepare_schouw())
        self.status_draft.toggled.connect(lambda *_: self._status_changed())

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        wizard = self.wizard()
        record = wizard.record
        self.status_final.setChecked(record is not None and record.status == "definitief")
        self.status_draft.setChecked(record is None or record.status != "definitief")
        self.fill_summary()
        has_report = wizard.has_algorithm("hotspot:advicereport")
        for widget in (self.report_label, self.report_path, self.report_button):
            widget.setVisible(has_report)
        if has_report and record is not None and not self.report_path.filePath():
            folder = Path(wizard.area_page.gpkg_path()).parent
            self.report_path.setFilePath(str(folder / f"{record.reference}_{tr('advice')}.pdf"))
        has_schouw = wizard.schouw_hook() is not None
        self.schouw_button.setVisible(has_schouw)
        self.schouw_button.setEnabled(has_schouw and wizard.has_algorithm("hotspot:schouwroute"))
        self.report_box.setVisible(has_report or has_schouw)
        self.message.setText("")

    def status(self) -> str:
        return "definitief" if self.status_final.isChecked() else "concept"

    def _status_changed(self) -> None:
        wizard = self.wizard()
        if wizard is not None and wizard.record is not None and wizard.record.status != self.status():
            wizard.mark_dirty()

    def fill_summary(self) -> None:
        wizard = self.wizard()
        record = wizard.record
        if record is None:
            self.summary.setText(tr("There is no scan to save yet: run the analysis first."))
            return
        advice = wizard.advice or Advice()
        result = ScanResult.from_json(record.results)
        params = result.parameters
        dec = decimal_sign()
        fmt = date_format()

        def last(value: str) -> str:
            return qdate(str(np.datetime64(value, "s") - np.timedelta64(1, "s"))[:10]).toString(fmt)

        geo = result.geography or {}
        prio = {p: sum(1 for m in advice.measures if m.priority == p) for p in (1, 2, 3)}
        rows = [
            (tr("Reference"), record.reference),
            (tr("Title"), wizard.data_page.title_edit.text().strip() or record.title),
            (tr("Author"), wizard.data_page.author.text().strip() or record.author),
            (
                tr("Area"),
                tr("{km2} km², ring {ring} m").format(
                    km2=format_number(geo.get("area_km2"), 2, dec),
                    ring=format_number(params.get("ring_width"), 0),
                ),
            ),
            (
                tr("Period"),
                tr("{start} up to and including {end}").format(
                    start=qdate(params["period"][0]).toString(fmt), end=last(params["period"][1])
                ),
            ),
            (
                tr("Comparison period"),
                tr("{start} up to and including {end}").format(
                    start=qdate(params["comparison"][0]).toString(fmt), end=last(params["comparison"][1])
                ),
            ),
            (tr("Incidents in the area"), suppress(result.n_incidents.get("area_period"), result.threshold)),
            (tr("Findings"), str(len(advice.findings))),
            (
                tr("Measures"),
                tr("{n} (priority 1: {p1}, 2: {p2}, 3: {p3})").format(
                    n=len(advice.measures), p1=prio[1], p2=prio[2], p3=prio[3]
                ),
            ),
            (
                tr("Saved"),
                tr("version {version}, {when}").format(
                    version=record.version, when=when_text(record.updated_at)
                ),
            ),
        ]
        html_rows = "".join(
            f"<tr><td style='padding-right:16px;color:#555555'>{_esc(k)}</td><td>{_esc(v)}</td></tr>"
            for k, v in rows
        )
        unsaved = (
            f"<p style='color:#8a5300'>{_esc(tr('There are unsaved changes.'))}</p>"
            if wizard.has_unsaved_changes()
            else ""
        )
        self.summary.setText(f"<table>{html_rows}</table>{unsaved}")

    def save(self) -> bool:
        ok, message = self.wizard().save(self.status())
        show_message(self.message, message, not ok)
        self.fill_summary()
        return ok

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        wizard = self.wizard()
        if wizard.record is None:
            return True
        if wizard.has_unsaved_changes() or wizard.record.status != self.status():
            return self.save()
        return True


def _esc(text: Any) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = [
    "AreaPage",
    "DataPage",
    "AnalysisPage",
    "AdvicePage",
    "SavePage",
    "PolygonMapTool",
    "PointMapTool",
    "MapPreview",
    "GpkgInfo",
    "read_gpkg_info",
    "FIELD_CODES",
]
