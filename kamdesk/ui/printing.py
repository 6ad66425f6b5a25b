"""Printing from the desktop: preview and save one account's dossier or plan, and print a batch
of accounts into one PDF or a folder, with progress and Cancel.

Documents are built and rendered off the GUI thread by services/printing.py (the same code as
`kamdesk dossier` / `kamdesk plan`); the preview shows the very PDF that would be saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRectF, QSettings
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kamdesk.documents import Format
from kamdesk.documents.model import PageSize
from kamdesk.domain.lunar import FIRST_YEAR, LAST_YEAR
from kamdesk.i18n import _
from kamdesk.services.printing import (
    PrintJob,
    accounts_due,
    check_format,
    next_week,
    write,
)
from kamdesk.services.workbench import Workbench
from kamdesk.ui.files import ask_folder, ask_save_path, last_folder, tell
from kamdesk.ui.ops import Op, Progress

FOLDER_KEY = "print/folder"
PAGE_SIZE_KEY = "print/page_size"
PREVIEW_DPI = 200


# what to print ------------------------------------------------------------------------------


def page_size_setting(settings: QSettings) -> PageSize:
    value = str(settings.value(PAGE_SIZE_KEY, "A4"))
    return "Letter" if value == "Letter" else "A4"


# preview ------------------------------------------------------------------------------------


def pdf_pages(data: bytes, dpi: int = PREVIEW_DPI) -> list[QImage]:
    """Each page of a PDF as an image (rendered with pdfium)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    images = []
    try:
        for page in document:
            picture = page.render(scale=dpi / 72).to_pil().convert("RGB")
            width, height = picture.size
            image = QImage(picture.tobytes(), width, height, 3 * width, QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels: the buffer above is temporary
            page.close()
    finally:
        document.close()
    return images


def paint_pages(printer: QPrinter, pages: Sequence[QImage]) -> int:
    """Draw page images onto a printer (or the preview), one sheet each; returns pages drawn."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for number, image in enumerate(pages):
            if number:
                printer.newPage()
            sheet = printer.pageLayout().fullRectPixels(printer.resolution())
            target = QRectF(0, 0, sheet.width(), sheet.height())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(pages)


class PdfPreview(QPrintPreviewDialog):
    """Qt's print preview of a rendered PDF; its Print button prints the same pages."""

    def __init__(
        self, data: bytes, page_size: PageSize, title: str, parent: QWidget | None
    ) -> None:
        self.sheet = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.sheet.setFullPage(True)
        size = QPageSize.PageSizeId.Letter if page_size == "Letter" else QPageSize.PageSizeId.A4
        self.sheet.setPageSize(QPageSize(size))
        self.sheet.setPageOrientation(QPageLayout.Orientation.Portrait)
        self.sheet.setDocName(title)
        super().__init__(self.sheet, parent)
        self.setWindowTitle(_("Print preview: {t}").format(t=title))
        self.pages = pdf_pages(data)
        self.paintRequested.connect(lambda printer: paint_pages(printer, self.pages))


# one account --------------------------------------------------------------------------------


class AccountPrinting:
    """The account page's Print menu: preview, save as PDF or Word, and the service plan."""

    def __init__(self, parent: QWidget, wb: Workbench, settings: QSettings) -> None:
        self.parent = parent
        self.wb = wb
        self.settings = settings
        self.today: Callable[[], date] = date.today
        self.preview: PdfPreview | None = None
        self.last_written: list[Path] = []

    def dossier_job(self, account_id: str, shareable: bool) -> PrintJob:
        return PrintJob(
            (account_id,), shareable=shareable, page_size=page_size_setting(self.settings)
        )

    def plan_job(self, account_id: str, year: int, quarter: int | None) -> PrintJob:
        return PrintJob(
            (account_id,), year=year, quarter=quarter, page_size=page_size_setting(self.settings)
        )

    def show_preview(self, job: PrintJob, *, exec_dialog: bool = True) -> None:
        wb, today = self.wb, self.today()

        def work(progress: Progress) -> tuple[bytes, str]:
            printable = job.build(wb, today)[0]
            from kamdesk.documents import render

            return render(printable.document, "pdf"), printable.document.title

        def done(result: tuple[bytes, str]) -> None:
            data, title = result
            self.preview = PdfPreview(data, job.page_size, title, self.parent)
            if exec_dialog:
                self.preview.exec()

        Op(self.parent, _("Preparing the preview…"), work).on_success(done).run()

    def save(self, job: PrintJob, fmt: Format) -> None:
        """Ask where, then build and write the file in the background."""
        wb, today = self.wb, self.today()
        name = wb.accounts.get(job.account_ids[0]).name
        kind = _("plan") if job.is_plan else (_("shareable") if job.shareable else _("dossier"))
        suggested = last_folder(self.settings, FOLDER_KEY) / f"{name}-{kind}.{fmt}"
        title = _("Save as Word") if fmt == "docx" else _("Save as PDF")
        path = ask_save_path(self.parent, title, suggested, fmt)
        if path is None:
            return
        self.settings.setValue(FOLDER_KEY, str(path.parent))

        def work(progress: Progress) -> list[Path]:
            return write(job.build(wb, today), fmt, path, progress=progress)

        def done(written: list[Path]) -> None:
            self.last_written = written
            tell(self.parent, _("Saved {p}").format(p=written[0]))

        Op(self.parent, _("Writing {p}…").format(p=path.name), work).on_success(done).run()


def period_boxes(today: date) -> tuple[QSpinBox, QComboBox]:
    """The year (this year first) and the period (whole year or a quarter) of a plan."""
    year = QSpinBox()
    year.setRange(FIRST_YEAR, LAST_YEAR - 1)
    year.setValue(today.year)
    quarter = QComboBox()
    quarter.addItem(_("Whole year"), None)
    for number in range(1, 5):
        quarter.addItem(_("Quarter {q}").format(q=number), number)
    return year, quarter


class PlanDialog(QDialog):
    """Which period a service plan covers."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Service plan"))
        self.year, self.quarter = period_boxes(today)
        self.format = QComboBox()
        self.format.addItem(_("Print preview"), "preview")
        self.format.addItem("PDF", "pdf")
        self.format.addItem("Word", "docx")
        form = QFormLayout(self)
        form.addRow(_("Year"), self.year)
        form.addRow(_("Period"), self.quarter)
        form.addRow(_("Output"), self.format)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> tuple[int, int | None, str]:
        return self.year.value(), self.quarter.currentData(), str(self.format.currentData())


# a batch ------------------------------------------------------------------------------------


class BatchPrintDialog(QDialog):
    """Dossiers or plans for many accounts: the selected one, the whole list as filtered, or
    those with a visit planned next week; into one combined PDF or a folder of files."""

    def __init__(
        self,
        wb: Workbench,
        settings: QSettings,
        listed: Callable[[], list[str]],
        selected: str | None,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Print accounts"))
        self.setObjectName("batch-print")
        self.wb = wb
        self.settings = settings
        self.listed = listed
        self.selected = selected
        self.today = today
        self.written: list[Path] = []
        first, last = next_week(today)
        self.due_ids = accounts_due(wb, first, last)

        self.dossier = QRadioButton(_("Customer dossiers"))
        self.plan = QRadioButton(_("Service plans"))
        self.dossier.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.dossier)
        kinds.addButton(self.plan)
        self.year, self.quarter = period_boxes(today)
        self.shareable = QCheckBox(_("Shareable copy (leave out sensitive fields)"))

        self.which = QComboBox()
        self.which.setObjectName("batch-which")
        if selected:
            self.which.addItem(_("The selected account"), "selected")
        self.which.addItem(_("Every account in the list as filtered"), "listed")
        self.which.addItem(
            _("Accounts with a visit planned next week, {a} – {b} ({n})").format(
                a=first.isoformat(), b=last.isoformat(), n=len(self.due_ids)
            ),
            "due",
        )
        self.format = QComboBox()
        self.format.addItem(_("One combined PDF"), "pdf:combined")
        self.format.addItem(_("A folder of PDF files"), "pdf:folder")
        self.format.addItem(_("A folder of Word files"), "docx:folder")
        self.page = QComboBox()
        self.page.addItems(["A4", "Letter"])
        self.page.setCurrentText(page_size_setting(settings))
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.dossier)
        form.addRow("", self.shareable)
        form.addRow(self.plan)
        form.addRow(_("Year"), self.year)
        form.addRow(_("Period"), self.quarter)
        form.addRow(_("Accounts"), self.which)
        form.addRow(_("Output"), self.format)
        form.addRow(_("Paper"), self.page)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Print…"))
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.plan.toggled.connect(self._kind_changed)
        self._kind_changed(False)

    def _kind_changed(self, plan: bool) -> None:
        self.year.setEnabled(plan)
        self.quarter.setEnabled(plan)
        self.shareable.setEnabled(not plan)

    def account_ids(self) -> list[str]:
        which = self.which.currentData()
        if which == "selected" and self.selected:
            return [self.selected]
        if which == "due":
            return list(self.due_ids)
        return self.listed()

    def job(self) -> PrintJob:
        page: PageSize = "Letter" if self.page.currentText() == "Letter" else "A4"
        ids = tuple(self.account_ids())
        if self.plan.isChecked():
            return PrintJob(ids, self.year.value(), self.quarter.currentData(), page_size=page)
        return PrintJob(ids, shareable=self.shareable.isChecked(), page_size=page)

    def start(self) -> None:
        job = self.job()
        if not job.account_ids:
            self.summary.setText(_("No accounts to print: choose other accounts."))
            return
        chosen, shape = str(self.format.currentData()).split(":")
        fmt = check_format(chosen)
        self.settings.setValue(PAGE_SIZE_KEY, job.page_size)
        start = last_folder(self.settings, FOLDER_KEY)
        if shape == "combined":
            name = _("plans") if job.is_plan else _("dossiers")
            target = ask_save_path(
                self, _("Save as PDF"), start / f"{name}-{self.today.isoformat()}.pdf", "pdf"
            )
        else:
            target = ask_folder(self, _("Choose a folder for the files"), start)
        if target is None:
            return
        self.settings.setValue(FOLDER_KEY, str(target.parent if shape == "combined" else target))
        wb, today, total = self.wb, self.today, len(job.account_ids)

        def work(progress: Progress) -> list[Path]:
            printables = job.build(wb, today, lambda done, _n: progress(done, 2 * total))
            return write(
                printables,
                fmt,
                target,
                progress=lambda done, _n: progress(total + done, 2 * total),
                folder=shape == "folder",
            )

        def done(written: list[Path]) -> None:
            self.written = written
            where = written[0] if shape == "combined" else target
            message = _("{n} documents written to {p}").format(n=total, p=where)
            self.summary.setText(message)
            tell(self.parentWidget(), message)
            self.accept()

        label = _("Printing {n} accounts…").format(n=total)
        Op(self, label, work).on_success(done).run()
