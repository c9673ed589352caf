"""Page 1 of the environment-scan wizard: the safety GeoPackage and the scan area (a feature of a
map layer, a polygon drawn on the map, or a point with a radius), the context ring; or a saved
scan to open again.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import (
    QgsFeaturePickerWidget,
    QgsFileWidget,
    QgsMapLayerComboBox,
    QgsMapTool,
    QgsRubberBand,
)
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from ...compat import GeometryType, LayerFilter
from ...core.errors import HotspotError
from ...core.numbers import format_number
from ...i18n import decimal_sign, tr
from ...settings import Settings
from ..map_tools import AREA_COLOUR, PointMapTool, PolygonMapTool, _rubber_band
from .common import (
    GpkgInfo,
    read_gpkg_info,
    show_message,
    when_text,
)


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
        self.layer_combo.setFilters(LayerFilter.PolygonLayer)
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
        # The chosen point on a line of its own: "X 152848, Y 442962 (Amersfoort / RD New)" beside the
        # radius would be clipped in a wizard 900 px wide.
        self.point_info = QLabel()
        self.point_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.point_info.setVisible(False)
        point_row = QHBoxLayout()
        point_row.addWidget(self.radius)
        point_row.addStretch(1)
        grid.addWidget(self.mode_point, 3, 0)
        grid.addWidget(self.point_button, 3, 1)
        grid.addLayout(point_row, 3, 2)
        grid.addWidget(self.point_info, 4, 1, 1, 2)
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
        grid.addLayout(ring_row, 5, 0, 1, 3)
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
        from ...storage.scans import list_scans

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
            if record.damaged:  # listed, but it cannot be opened: say why
                item.setText(2, tr("damaged"))
                for column in range(4):
                    item.setToolTip(column, record.damaged)
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
        if geometry.type() != GeometryType.Polygon:
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
                km2=format_number(km2, 2, decimal_sign(), group=True),
                ring=format_number(self.ring.value(), 0, group=True),
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
                    km2=format_number(self.drawn.area() / 1e6, 2, decimal_sign(), group=True)
                )
            )
        else:
            self.draw_info.setText("")
        if self.point is not None:
            self.point_info.setText(point_text(self.point, self.info.crs if self.info is not None else None))
        else:
            self.point_info.setText("")
        self.point_info.setVisible(bool(self.point_info.text()))
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
            self.area_band.reset(GeometryType.Polygon)
        else:
            self.area_band.setToGeometry(self.area, self.info.crs)

    def cleanup_canvas(self) -> None:
        """Remove the map tool and the area from the canvas (the wizard closes)."""
        self.stop_tool()
        canvas = self._canvas()
        if self.area_band is not None and canvas is not None:
            self.area_band.reset(GeometryType.Polygon)
            if canvas.scene() is not None:
                canvas.scene().removeItem(self.area_band)
        self.area_band = None


def point_text(point: QgsPointXY, crs: Optional[QgsCoordinateReferenceSystem]) -> str:
    """"X 152848, Y 442962 (Amersfoort / RD New)": whole metres without group separators, which
    would read as decimals in Dutch ("152.848"), and the CRS they are in."""
    text = tr("X {x}, Y {y}").format(x=format_number(point.x(), 0), y=format_number(point.y(), 0))
    name = (crs.description() or crs.authid()) if crs is not None and crs.isValid() else ""
    return f"{text} ({name})" if name else text
