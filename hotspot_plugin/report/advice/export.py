"""PDF export of the advice report's layout."""

from __future__ import annotations

from qgis.core import Qgis, QgsLayoutExporter, QgsPrintLayout

from ...core.errors import InputError
from ...core.i18n import N_


def export_pdf(layout: QgsPrintLayout, path: str) -> None:
    """Export *layout* to a PDF at *path* (text as text, so it can be searched and copied)."""
    exporter = QgsLayoutExporter(layout)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 200
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.exportMetadata = True
    settings.appendGeoreference = False
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    result = exporter.exportToPdf(str(path), settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise InputError(
            N_(
                "The PDF {path} could not be written (error {code}: {error}). Check that the folder "
                "exists and that the file is not open in another program."
            ),
            path=str(path),
            code=int(result),
            error=exporter.errorMessage(),
        )
