"""The map tools of the environment-scan wizard: draw a polygon, pick a point."""

from __future__ import annotations

from typing import List, Optional

from qgis.core import (
    QgsGeometry,
    QgsPointXY,
)
from qgis.gui import (
    QgsMapTool,
    QgsRubberBand,
)
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

from ..compat import GeometryType

#: Colour of the rubber bands (the scan area's colour).
AREA_COLOUR = "#1f4e79"


def _rubber_band(canvas, colour: str = AREA_COLOUR, fill_alpha: int = 50) -> QgsRubberBand:
    band = QgsRubberBand(canvas, GeometryType.Polygon)
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
        self.band.reset(GeometryType.Polygon)
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
        self.band.reset(GeometryType.Polygon)

    def deactivate(self):
        self.band.reset(GeometryType.Polygon)
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
