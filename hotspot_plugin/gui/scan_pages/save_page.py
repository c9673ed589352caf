"""Page 6 of the environment-scan wizard: summary, status, save; the PDF report and the buurtschouw
when available.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from qgis.gui import (
    QgsFileWidget,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from ...core.advice import Advice
from ...core.numbers import format_number
from ...core.scan import suppress
from ...core.verdict import DECISIONS
from ...i18n import decimal_sign, tr
from ...settings import Settings
from .common import (
    date_format,
    qdate,
    show_message,
    when_text,
)


class SavePage(QWizardPage):
    """Summary, status (concept/definitief), save; the PDF report and the buurtschouw when available."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle("6. " + tr("Save"))
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
        # Asked here when empty: the report's title page names them (and a fresh profile has none).
        self.author_label = QLabel(tr("Author"))
        self.author = QLineEdit()
        self.organisation_label = QLabel(tr("Organisation"))
        self.organisation = QLineEdit()
        for edit in (self.author, self.organisation):
            edit.setPlaceholderText(tr("not filled in: fill in for the report's title page"))
        self.author_note = QLabel(tr("Saved in the Hotspot settings for the next reports."))
        self.author_note.setStyleSheet("color: #555555;")
        report_layout.addWidget(self.author_label, 1, 0)
        report_layout.addWidget(self.author, 1, 1, 1, 2)
        report_layout.addWidget(self.organisation_label, 2, 0)
        report_layout.addWidget(self.organisation, 2, 1, 1, 2)
        report_layout.addWidget(self.author_note, 3, 1, 1, 2)
        report_layout.addWidget(self.schouw_button, 4, 0, 1, 3, Qt.AlignmentFlag.AlignLeft)
        report_layout.setColumnStretch(1, 1)
        self.report_box = report_box
        layout.addWidget(report_box)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.report_cancel = QPushButton(tr("Cancel the report"))  # shown while the report is made
        self.report_cancel.setVisible(False)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.report_cancel)
        layout.addLayout(progress_row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.message.setOpenExternalLinks(True)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.save_button.clicked.connect(lambda: self.save())
        self.report_button.clicked.connect(lambda: self.make_report())
        self.author.textEdited.connect(lambda text: self.wizard().data_page.author.setText(text.strip()))
        self.organisation.textEdited.connect(
            lambda text: self.wizard().data_page.organisation.setText(text.strip())
        )
        self.schouw_button.clicked.connect(lambda: self.wizard().prepare_schouw())
        self.report_cancel.clicked.connect(lambda: self.wizard().cancel_report())
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
        self.schouw_button.setEnabled(wizard.can_prepare_schouw())
        self.report_box.setVisible(has_report or has_schouw)
        self._show_author_fields(has_report)
        self.message.setText("")

    def _show_author_fields(self, has_report: bool) -> None:
        """Author and organisation on this page when either is empty (the report needs them)."""
        data = self.wizard().data_page
        author, organisation = data.author.text().strip(), data.organisation.text().strip()
        ask = has_report and not (author and organisation)
        self.author.setText(author)
        self.organisation.setText(organisation)
        for widget in (self.author_label, self.author, self.organisation_label, self.organisation,
                       self.author_note):
            widget.setVisible(ask)

    def make_report(self) -> bool:
        """Keep the author and organisation typed here in the settings, then make the report."""
        settings = Settings.load()
        changed = False
        for name, edit in (("author", self.author), ("organisation", self.organisation)):
            text = edit.text().strip()
            if not edit.isHidden() and text and not getattr(settings, name):
                setattr(settings, name, text)
                changed = True
        if changed:
            settings.save()
        return self.wizard().make_report(self.report_path.filePath())

    def status(self) -> str:
        return "definitief" if self.status_final.isChecked() else "concept"

    def _status_changed(self) -> None:
        wizard = self.wizard()
        if wizard is not None and wizard.record is not None and wizard.record.status != self.status():
            wizard.mark_dirty()
            self.fill_summary()

    def fill_summary(self) -> None:
        wizard = self.wizard()
        record = wizard.record
        if record is None or record.results is None:
            self.summary.setText(tr("There is no scan to save yet: run the analysis first."))
            return
        advice = wizard.advice or Advice()
        result = record.results
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
                    km2=format_number(geo.get("area_km2"), 2, dec, group=True),
                    ring=format_number(params.ring_width, 0, group=True),
                ),
            ),
            (
                tr("Period"),
                tr("{start} up to and including {end}").format(
                    start=qdate(params.period[0]).toString(fmt), end=last(params.period[1])
                ),
            ),
            (
                tr("Comparison period"),
                tr("{start} up to and including {end}").format(
                    start=qdate(params.comparison[0]).toString(fmt), end=last(params.comparison[1])
                ),
            ),
            (tr("Incidents in the area"), suppress(result.n_incidents.get("area_period"), result.threshold)),
            (
                tr("Findings"),
                tr("{n} ({key} key findings)").format(
                    n=len(advice.findings), key=sum(1 for f in advice.findings if getattr(f, "key", False))
                ),
            ),
            (tr("Verdict"), verdict_text(wizard.verdict)),
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


def verdict_text(verdict) -> str:
    """The verdict as the summary shows it: the decision and how many conditions, or that there is none."""
    if verdict is None:
        return tr("none yet: the report will be a concept")
    text = tr(DECISIONS[verdict.decision])
    if verdict.conditions:
        text += ", " + tr("{n} conditions").format(n=len(verdict.conditions))
    return text


def _esc(text: Any) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
