"""The settings dialog: organisation, author, house style and the small-count rule."""
from __future__ import annotations

from qgis.gui import QgsColorButton, QgsFileWidget
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox

from ..i18n import tr
from ..settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Hotspot settings"))
        self.settings = Settings.load()
        form = QFormLayout(self)
        self.organisation = QLineEdit(self.settings.organisation)
        self.organisation.setPlaceholderText(tr("e.g. Gemeente Zuiderwaarde"))
        self.author = QLineEdit(self.settings.author)
        self.logo = QgsFileWidget()
        self.logo.setFilter(tr("Images") + " (*.png *.jpg *.jpeg *.svg)")
        self.logo.setFilePath(self.settings.logo_path)
        self.colour = QgsColorButton()
        self.colour.setColor(QColor(self.settings.house_colour))
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 100)
        self.threshold.setValue(self.settings.small_count_threshold)
        self.threshold.setToolTip(tr("Counts below this number are shown as '<n' in published reports."))
        self.debug = QCheckBox(tr("Write debug messages to the Hotspot log"))
        self.debug.setChecked(self.settings.debug)
        form.addRow(tr("Organisation"), self.organisation)
        form.addRow(tr("Author"), self.author)
        form.addRow(tr("Logo"), self.logo)
        form.addRow(tr("House colour"), self.colour)
        form.addRow(tr("Suppress counts below"), self.threshold)
        form.addRow(self.debug)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(480, self.sizeHint().height())

    def accept(self) -> None:
        self.settings.organisation = self.organisation.text().strip()
        self.settings.author = self.author.text().strip()
        self.settings.logo_path = self.logo.filePath()
        self.settings.house_colour = self.colour.color().name()
        self.settings.small_count_threshold = self.threshold.value()
        self.settings.debug = self.debug.isChecked()
        self.settings.save()
        super().accept()
