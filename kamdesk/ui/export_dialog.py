"""Exporting from the desktop: contacts to a vCard file, and the Excel report of a year or a
quarter. Each asks what and where, then writes in the background with progress; the file
appears whole or not at all (kamdesk/interchange/vcard_out.py and excel.py do the work, as for
`kamdesk export-contacts` and `kamdesk report`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from kamdesk.i18n import _
from kamdesk.ui.context import Context
from kamdesk.ui.files import ask_save_path, last_folder, tell
from kamdesk.ui.ops import Op, Progress
from kamdesk.ui.printing import period_boxes

FOLDER_KEY = "export/folder"
"""The folder the last export was saved in."""
# contacts ---------------------------------------------------------------------------------------


class ContactsExportDialog(QDialog):
    """Whose contacts go into the vCard file, and whether sensitive fields go with them."""

    def __init__(self, account: tuple[str, str] | None, parent: QWidget | None = None) -> None:
        """`account`: (id, name) of the account open now, offered as the only one to export."""
        super().__init__(parent)
        self.setWindowTitle(_("Export contacts (vCard)"))
        self.setObjectName("export-contacts")
        self.which = QComboBox()
        self.which.addItem(_("Every account"), None)
        if account is not None:
            self.which.addItem(_("Only {a}").format(a=account[1]), account[0])
            self.which.setCurrentIndex(1)
        self.sensitive = QCheckBox(
            _("Include the fields labelled sensitive (family, children, health, income)")
        )
        note = QLabel(
            _(
                "A vCard 3.0 file (UTF-8) for phones, Outlook and other address books: name, "
                "company and department, title, phones, e-mails, WeChat ID, solar birthday and "
                "note."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(_("Contacts of"), self.which)
        form.addRow(self.sensitive)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def account_ids(self) -> list[str] | None:
        chosen = self.which.currentData()
        return [str(chosen)] if chosen else None


def export_contacts(
    parent: QWidget,
    ctx: Context,
    account_id: str | None = None,
    *,
    ask: Callable[[ContactsExportDialog], bool] | None = None,
) -> Op[int] | None:
    """Ask whose contacts and where, then write the vCard file in the background.

    `account_id`: the account open now, offered as the choice. `ask` shows the dialog and says
    whether it was accepted (tests answer it themselves).
    """
    account = (account_id, ctx.wb.accounts.get(account_id).name) if account_id else None
    dialog = ContactsExportDialog(account, parent)
    accepted = ask(dialog) if ask is not None else dialog.exec() == QDialog.DialogCode.Accepted
    if not accepted:
        return None
    ids, sensitive = dialog.account_ids(), dialog.sensitive.isChecked()
    stem = account[1] if account and ids else _("contacts")
    path = ask_save_path(
        parent,
        _("Export contacts (vCard)"),
        last_folder(ctx.settings, FOLDER_KEY) / f"{stem}.vcf",
        "vcf",
    )
    if path is None:
        return None
    ctx.settings.setValue(FOLDER_KEY, str(path.parent))
    wb = ctx.wb

    def work(progress: Progress) -> int:
        from kamdesk.interchange.vcard_out import export_contacts as write

        return write(wb, path, ids, include_sensitive=sensitive, progress=progress)

    def done(count: int) -> None:
        tell(parent, _("{n} contacts written to {p}").format(n=count, p=path))

    return Op(parent, _("Writing {p}…").format(p=path.name), work).on_success(done).run()


# the Excel report --------------------------------------------------------------------------------


class ReportDialog(QDialog):
    """The period of the Excel report: a year, or one quarter of it."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export Excel report"))
        self.setObjectName("export-report")
        self.year, self.quarter = period_boxes(today)
        note = QLabel(
            _(
                "One workbook for people who do not run kamdesk: accounts, tiers, the visits "
                "of the period, open issues and plan fulfilment. No sensitive field is in it."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(_("Year"), self.year)
        form.addRow(_("Period"), self.quarter)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def period(self) -> tuple[int, int | None]:
        quarter = self.quarter.currentData()
        return self.year.value(), int(quarter) if quarter is not None else None


def export_report(
    parent: QWidget,
    ctx: Context,
    *,
    today: date | None = None,
    ask: Callable[[ReportDialog], bool] | None = None,
) -> Op[object] | None:
    """Ask for the period and where, then build and write the workbook in the background."""
    today = today or date.today()
    dialog = ReportDialog(today, parent)
    accepted = ask(dialog) if ask is not None else dialog.exec() == QDialog.DialogCode.Accepted
    if not accepted:
        return None
    year, quarter = dialog.period()
    period = f"{year}" if quarter is None else f"{year}Q{quarter}"
    suggested = last_folder(ctx.settings, FOLDER_KEY) / f"{_('kamdesk-report')}-{period}.xlsx"
    path = ask_save_path(parent, _("Export Excel report"), suggested, "xlsx")
    if path is None:
        return None
    ctx.settings.setValue(FOLDER_KEY, str(path.parent))
    wb = ctx.wb

    def work(progress: Progress) -> object:
        from kamdesk.interchange.excel import write_report

        return write_report(wb, path, year, quarter, today=today, progress=progress)

    def done(_summary: object) -> None:
        tell(parent, _("Saved {p}").format(p=path))

    label = _("Writing the report for {p}…").format(p=period)
    return Op(parent, label, work).on_success(done).run()
