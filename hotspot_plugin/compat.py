"""The few differences between QGIS 3.22 and QGIS 4 (Qt5/Qt6) in one place.

* Field types: ``QgsField(name, INT)``. QGIS >= 3.38 takes a ``QMetaType.Type`` (the ``QVariant.Type``
  constructor is deprecated there, and PyQt6 has no ``QVariant.Type`` at all); QGIS 3.22 takes a
  ``QVariant.Type``. INT, LONG, DOUBLE, BOOL, STRING, DATE, DATETIME and TIME are the right one for the
  running QGIS, also for comparing with ``QgsField.type()``.
* Enums: QGIS 3.26-3.42 moved many enums from their classes to ``Qgis`` (``QgsProcessing.SourceType`` became
  ``Qgis.ProcessingSourceType``); QGIS 4 drops the old names. Where QGIS 3.22 already has the ``Qgis`` enum the
  code uses ``Qgis.*`` directly. The others are below under their ``Qgis`` name: on a QGIS that has it they ARE
  the ``Qgis`` enum; on an older one the old enum, answering to the new member names (``VectorPolygon`` for
  ``TypeVectorPolygon``). The old names and renames come from the QGIS 3.44 Python bindings (their aliases such as
  ``QgsProcessing.SourceType.TypeVectorPolygon = Qgis.ProcessingSourceType.VectorPolygon``).
* ``QAction`` moved from QtWidgets to QtGui in Qt 6 (qgis.PyQt.QtGui also offers it on Qt 5
  in QGIS 3.40 and 3.44, not in 3.22).
* ``QDialog.exec_()`` is ``exec()`` on PyQt6 (PyQt5 has both).

scripts/check_qgis4.py keeps the rest of the plugin free of the old names.
"""
from __future__ import annotations

import qgis.core
from qgis.core import Qgis

try:
    from qgis.PyQt.QtGui import QAction  # noqa: F401 - re-exported
except ImportError:  # QGIS 3.22: Qt 5's QAction lives in QtWidgets
    from qgis.PyQt.QtWidgets import QAction  # noqa: F401 - re-exported

QGIS_INT = Qgis.QGIS_VERSION_INT

if QGIS_INT >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    INT, LONG, DOUBLE, BOOL = QMetaType.Type.Int, QMetaType.Type.LongLong, QMetaType.Type.Double, QMetaType.Type.Bool
    STRING, DATE = QMetaType.Type.QString, QMetaType.Type.QDate
    DATETIME, TIME = QMetaType.Type.QDateTime, QMetaType.Type.QTime
else:  # QGIS 3.22 - 3.36, always Qt 5
    from qgis.PyQt.QtCore import QVariant

    INT, LONG, DOUBLE, BOOL = QVariant.Int, QVariant.LongLong, QVariant.Double, QVariant.Bool
    STRING, DATE, DATETIME, TIME = QVariant.String, QVariant.Date, QVariant.DateTime, QVariant.Time


def exec_dialog(dialog) -> int:
    """QDialog.exec_() on Qt5, exec() on Qt6."""
    runner = getattr(dialog, "exec", None) or dialog.exec_
    return runner()


class _OldEnum:
    """An enum of an older QGIS under its new ``Qgis`` name: the new member names give the old values."""

    def __init__(self, old: str, renamed: dict) -> None:
        enum = qgis.core
        for part in old.split("."):
            enum = getattr(enum, part)
        self._enum = enum
        self._renamed = renamed
        self.__name__ = old

    def __getattr__(self, name: str):
        return getattr(self._enum, self._renamed.get(name, name))

    def __call__(self, *args):
        return self._enum(*args)


def _moved(new: str, old: str, **renamed: str):
    """``Qgis.<new>`` where this QGIS has it, else the enum ``old`` (a path in qgis.core) with ``renamed``
    mapping new member names to old ones (members whose name did not change need no entry)."""
    enum = getattr(Qgis, new, None)
    return enum if enum is not None else _OldEnum(old, renamed)


# --- enums moved to Qgis that QGIS 3.22 lacks (this block is kept by the qt6 sweep; do not edit by hand) ---
AttributeFormLayout = _moved("AttributeFormLayout", "QgsEditFormConfig.EditorLayout", DragAndDrop="TabLayout")
CrsWktVariant = _moved("CrsWktVariant", "QgsCoordinateReferenceSystem.WktVariant", PreferredGdal="WKT_PREFERRED_GDAL")
DistanceUnit = _moved(
    "DistanceUnit",
    "QgsUnitTypes.DistanceUnit",
    Kilometers="DistanceKilometers",
    Meters="DistanceMeters",
)
FeatureRequestFlag = _moved("FeatureRequestFlag", "QgsFeatureRequest.Flag")
GeometryType = _moved(
    "GeometryType",
    "QgsWkbTypes.GeometryType",
    Line="LineGeometry",
    Point="PointGeometry",
    Polygon="PolygonGeometry",
)
LabelPlacement = _moved("LabelPlacement", "QgsPalLayerSettings.Placement")
LabelQuadrantPosition = _moved("LabelQuadrantPosition", "QgsPalLayerSettings.QuadrantPosition", Over="QuadrantOver")
LayerFilter = _moved("LayerFilter", "QgsMapLayerProxyModel.Filter")
LegendComponent = _moved("LegendComponent", "QgsLegendStyle.Style")
MarkerLinePlacement = _moved("MarkerLinePlacement", "QgsMarkerLineSymbolLayer.Placement")
MarkerShape = _moved("MarkerShape", "QgsSimpleMarkerSymbolLayerBase.Shape")
ProcessingAlgorithmFlag = _moved(
    "ProcessingAlgorithmFlag",
    "QgsProcessingAlgorithm.Flag",
    NoThreading="FlagNoThreading",
)
ProcessingDateTimeParameterDataType = _moved(
    "ProcessingDateTimeParameterDataType",
    "QgsProcessingParameterDateTime.Type",
)
ProcessingFieldParameterDataType = _moved("ProcessingFieldParameterDataType", "QgsProcessingParameterField.DataType")
ProcessingFileParameterBehavior = _moved("ProcessingFileParameterBehavior", "QgsProcessingParameterFile.Behavior")
ProcessingNumberParameterType = _moved("ProcessingNumberParameterType", "QgsProcessingParameterNumber.Type")
ProcessingParameterFlag = _moved(
    "ProcessingParameterFlag",
    "QgsProcessingParameterDefinition.Flag",
    Advanced="FlagAdvanced",
)
ProcessingSourceType = _moved(
    "ProcessingSourceType",
    "QgsProcessing.SourceType",
    Vector="TypeVector",
    VectorLine="TypeVectorLine",
    VectorPoint="TypeVectorPoint",
    VectorPolygon="TypeVectorPolygon",
)
RasterBandStatistic = _moved("RasterBandStatistic", "QgsRasterBandStats.Stats")
RenderUnit = _moved("RenderUnit", "QgsUnitTypes.RenderUnit", Points="RenderPoints")
ScaleBarSegmentSizeMode = _moved(
    "ScaleBarSegmentSizeMode",
    "QgsScaleBarSettings.SegmentSizeMode",
    Fixed="SegmentSizeFixed",
)
ShaderClassificationMethod = _moved("ShaderClassificationMethod", "QgsColorRampShader.ClassificationMode")
ShaderInterpolationMethod = _moved("ShaderInterpolationMethod", "QgsColorRampShader.Type", Linear="Interpolated")
SpatialIndexPresence = _moved(
    "SpatialIndexPresence",
    "QgsFeatureSource.SpatialIndexPresence",
    NotPresent="SpatialIndexNotPresent",
)
WkbType = _moved("WkbType", "QgsWkbTypes.Type")
# --- end of the moved enums ---

#: The data-defined fill colour of a symbol layer (renamed from PropertyFillColor in QGIS 3.36).
SYMBOL_FILL_COLOR = getattr(qgis.core.QgsSymbolLayer.Property, "FillColor", None)
if SYMBOL_FILL_COLOR is None:
    SYMBOL_FILL_COLOR = qgis.core.QgsSymbolLayer.Property.PropertyFillColor


# --- deprecated calls (issue #11): the modern call where this QGIS has it, else the 3.22 one ---


def legend_font(legend, component):
    """The QFont of a legend component: its style's text format (QGIS >= 3.30; the size in points)
    instead of ``QgsLayoutItemLegend.styleFont()``, deprecated there."""
    style = legend.style(component)
    if hasattr(style, "textFormat"):
        return style.textFormat().toQFont()
    from qgis.PyQt.QtGui import QFont

    return QFont(legend.styleFont(component))


def save_style_to_database(layer, name: str, description: str, use_as_default: bool = True) -> str:
    """Save the layer's style in its database; the error message ("" on success).
    ``saveStyleToDatabaseV2`` on QGIS >= 3.44, where ``saveStyleToDatabase`` is deprecated."""
    if hasattr(layer, "saveStyleToDatabaseV2"):
        return layer.saveStyleToDatabaseV2(name, description, use_as_default, "")[1]
    return layer.saveStyleToDatabase(name, description, use_as_default, "")


def parameter_as_fields(algorithm, parameters, name: str, context):
    """The field names of a field parameter: ``parameterAsStrings`` on QGIS >= 3.32 (where
    ``parameterAsFields`` is deprecated)."""
    if hasattr(algorithm, "parameterAsStrings"):
        return algorithm.parameterAsStrings(parameters, name, context)
    return algorithm.parameterAsFields(parameters, name, context)


def band_statistics(provider, band: int, statistic):
    """``provider.bandStatistics`` with (at least) *statistic*, a RasterBandStatistic.

    Where QGIS has the ``Qgis.RasterBandStatistics`` overload (3.36 and later) the deprecated
    ``int`` overload comes first and takes any enum or flags given as the second argument (seen on
    3.44), so there the band alone is passed: its default, all statistics, includes *statistic*.
    """
    if getattr(Qgis, "RasterBandStatistics", None) is not None:
        return provider.bandStatistics(band)
    return provider.bandStatistics(band, statistic)


def set_marker_placement(layer, placement) -> None:
    """A marker line's placement: ``setPlacements`` on QGIS >= 3.24 (``setPlacement`` is deprecated)."""
    if hasattr(layer, "setPlacements"):
        layer.setPlacements(placement)
    else:
        layer.setPlacement(placement)


def set_group_box(container) -> None:
    """Show a form container as a group box: ``setType(GroupBox)`` on QGIS >= 3.32 (``setIsGroupBox``
    is deprecated there)."""
    kind = getattr(Qgis, "AttributeEditorContainerType", None)
    if kind is not None:
        container.setType(kind.GroupBox)
    else:
        container.setIsGroupBox(True)
