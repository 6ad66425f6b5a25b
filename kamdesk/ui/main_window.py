"""The main window: navigation on the left, one page at a time, menus and shortcuts."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kamdesk import __version__
from kamdesk.i18n import _
from kamdesk.ui.context import Context
from kamdesk.ui.i18n import LANGUAGE_KEY
from kamdesk.ui.ops import Op, Progress
from kamdesk.ui.page import Page
from kamdesk.ui.security import IdleWatch, LockScreen, UnprotectedBanner

if TYPE_CHECKING:
    from kamdesk.ui.account_page import AccountPage
    from kamdesk.ui.contact_page import ContactPage

SAMPLE_ACCOUNTS = 60
STANDINGS_PAUSE_MS = 800
"""After a change, tiers and due dates are recomputed once edits pause this long."""

PAGES = {
    "today": "kamdesk.ui.today_page:TodayPage",
    "accounts": "kamdesk.ui.accounts_page:AccountsPage",
    "contacts": "kamdesk.ui.contacts_page:ContactsPage",
    "calendar": "kamdesk.ui.calendar_page:CalendarPage",
    "reports": "kamdesk.ui.reports_page:ReportsPage",
    "sync": "kamdesk.ui.sync_page:SyncPage",
    "account": "kamdesk.ui.account_page:AccountPage",
    "contact": "kamdesk.ui.contact_page:ContactPage",
}
"""Each page's class, imported and built the first time the page is shown: start-up pays for
one page only, and the window is on screen before the database code is even imported."""


def page_class(key: str) -> Callable[[Context], Page]:
    module, name = PAGES[key].split(":")
    factory: Callable[[Context], Page] = getattr(importlib.import_module(module), name)
    return factory


class MainWindow(QMainWindow):
    standings_refreshed = Signal()
    opened = Signal()
    """The archive is open and the last page shown (at once when built on an open archive)."""

    def __init__(self, ctx: Context, path: Path | None = None) -> None:
        """The window on `ctx`'s archive; when it is not open yet, a window saying so, which
        `open_archive(path)` completes."""
        super().__init__()
        self.ctx = ctx
        self.path = path if path is not None else ctx.wb.archive.path
        self.setWindowTitle(_("kamdesk — {path}").format(path=self.path.name))
        self.setMinimumSize(QSize(760, 520))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        self.history: list[str] = []
        for key, text in self.page_titles().items():
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.opening = QLabel(_("Opening {path}…").format(path=self.path))
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening.setWordWrap(True)
        self.stack.addWidget(self.opening)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.banner = UnprotectedBanner()
        self.banner.hide()
        self.banner.protect_requested.connect(self.protect_archive)
        column.addWidget(self.banner)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        column.addLayout(row, 1)
        self.frame = QStackedWidget()  # the content, or the lock screen while locked
        self.frame.addWidget(content)
        self.lock_screen: LockScreen | None = None
        self._after_unlock: Callable[[], None] | None = None
        self.idle = IdleWatch(self._idle_minutes, self)
        self.idle.idle.connect(self.lock_now)
        self.setCentralWidget(self.frame)
        self.nav.currentRowChanged.connect(self._nav_changed)
        ctx.notifier.open_account.connect(self.open_account)
        ctx.notifier.open_contact.connect(self.open_contact)
        ctx.notifier.changed.connect(self._changed)
        ctx.notifier.lock_requested.connect(self.lock_now)
        self.standings_pause = QTimer(self)
        self.standings_pause.setSingleShot(True)
        self.standings_pause.setInterval(STANDINGS_PAUSE_MS)
        self.standings_pause.timeout.connect(self.refresh_standings)
        self._standings_op: Op[object] | None = None
        self.archive_actions: list[QAction] = []  # enabled once the archive is open
        self.open_failed = False
        self._build_menus()
        self._restore_geometry()
        if ctx.is_open:
            self._ready()
        else:
            self._enable_archive(False)

    # opening ----------------------------------------------------------------------------------
    def open_archive(self, *, sample_data: bool = False) -> None:
        """Open the archive at `self.path` off the GUI thread while the window is already up;
        then show the last page. A failure is said in a sentence and closes the window."""
        path = self.path

        first = self._last_page()

        def work(_progress: Progress) -> object:
            from kamdesk.services.workbench import Workbench

            wb = Workbench.open(path)
            try:
                wb.security.recall()  # unlocked a moment ago (the keyring): no passphrase
            except BaseException:
                wb.close()
                raise
            page_class(first)  # its code loads here too, so the GUI thread only builds it
            return wb

        def done(wb: object) -> None:
            from kamdesk.services.workbench import Workbench

            assert isinstance(wb, Workbench)
            self.ctx.attach(wb)

            def go_on() -> None:
                self._ready()
                if sample_data:
                    self.load_sample_data()
                elif wb.accounts.count() == 0:
                    self.offer_first_steps()
                else:
                    self.refresh_standings()

            if wb.security.needs_unlock:
                self._show_lock(go_on)
            else:
                go_on()

        def failed(exc: BaseException) -> None:
            from kamdesk.ui.errors import sentence

            self.open_failed = True
            self.opening.setText(sentence(exc))
            QMessageBox.warning(self, "kamdesk", sentence(exc))
            self.close()

        Op(self, "", work, modal=False).on_success(done).on_failure(failed).run()

    def _ready(self) -> None:
        self._enable_archive(True)
        self._protection_changed()
        self.statusBar().showMessage(_("Archive {path}").format(path=self.path), 5000)
        self.show_page(self._last_page())
        self.history.clear()
        self.opened.emit()

    # the passphrase -----------------------------------------------------------------------------
    def _idle_minutes(self) -> int:
        if not self.ctx.is_open:
            return 0
        status = self.ctx.wb.security.status()
        return status.lock_after_minutes if status.protected and status.unlocked else 0

    def lock_now(self) -> None:
        """Forget the key (here and in the keyring) and show the lock screen."""
        if not self.ctx.is_open or not self.ctx.wb.security.status().protected:
            return
        if self.lock_screen is not None and self.frame.currentWidget() is self.lock_screen:
            return
        self.standings_pause.stop()
        self.ctx.wb.security.lock()
        self._show_lock(lambda: None)

    def _show_lock(self, then: Callable[[], None]) -> None:
        if self.lock_screen is None:
            self.lock_screen = LockScreen(self.ctx)
            self.lock_screen.unlocked.connect(self._unlocked)
            self.frame.addWidget(self.lock_screen)
        self._after_unlock = then
        self.idle.stop()
        self._enable_archive(False)
        self.lock_screen.prepare()
        self.frame.setCurrentWidget(self.lock_screen)
        self.lock_screen.passphrase.setFocus()

    def _unlocked(self) -> None:
        self.frame.setCurrentIndex(0)
        self._enable_archive(True)
        then, self._after_unlock = self._after_unlock, None
        if then is not None:
            then()
        self.idle.start()

    def protect_archive(self) -> None:
        from kamdesk.ui.security import protect

        protect(self, self.ctx, self._protection_changed)

    def _protection_changed(self) -> None:
        status = self.ctx.wb.security.status()
        self.banner.setVisible(not status.protected and self.ctx.wb.accounts.count() > 0)
        self.protect_action.setVisible(not status.protected)
        self.lock_action.setVisible(status.protected)
        if status.protected:
            self.idle.start()
        sync = self.pages.get("sync")
        if sync is not None:
            sync.refresh()

    def _last_page(self) -> str:
        last = str(self.ctx.settings.value("window/page", "today") or "today")
        return last if last in self.page_titles() else "today"

    def _enable_archive(self, enabled: bool) -> None:
        self.nav.setEnabled(enabled)
        for action in self.archive_actions:
            action.setEnabled(enabled)

    # navigation -----------------------------------------------------------------------------
    def current_page(self) -> Page:
        page = self.stack.currentWidget()
        assert isinstance(page, Page)
        return page

    @staticmethod
    def page_titles() -> dict[str, str]:
        return {
            "today": _("Today"),
            "accounts": _("Accounts"),
            "contacts": _("Contacts"),
            "calendar": _("Calendar"),
            "reports": _("Reports"),
            "sync": _("Sync"),
        }

    def page(self, key: str) -> Page:
        """The page called `key`, built on first use."""
        if key not in self.pages:
            page = page_class(key)(self.ctx)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def current_key(self) -> str:
        current = self.stack.currentWidget()
        return next((k for k, p in self.pages.items() if p is current), "")

    @property
    def account_page(self) -> AccountPage:
        return cast("AccountPage", self.page("account"))

    @property
    def contact_page(self) -> ContactPage:
        return cast("ContactPage", self.page("contact"))

    def show_page(self, key: str) -> None:
        page = self.page(key)
        if self.stack.currentWidget() is not page and self.current_key():
            self.history.append(self.current_key())
        fresh = self.stack.currentWidget() is not page
        self.stack.setCurrentWidget(page)
        for number in range(self.nav.count()):
            if self.nav.item(number).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(number)
                self.nav.blockSignals(False)
        if not fresh:
            page.refresh()

    def _nav_changed(self, row: int) -> None:
        if row >= 0:
            self.show_page(str(self.nav.item(row).data(Qt.ItemDataRole.UserRole)))

    def open_account(self, account_id: str) -> None:
        self.account_page.show_account(account_id)
        self.show_page("account")

    def open_contact(self, contact_id: str) -> None:
        self.contact_page.show_contact(contact_id)
        self.show_page("contact")

    def go_back(self) -> None:
        while self.history:
            key = self.history.pop()
            if key in self.pages:
                self.stack.setCurrentWidget(self.pages[key])
                return

    # menus and shortcuts ----------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        *,
        needs_archive: bool = True,
    ) -> QAction:
        action = QAction(text, self)
        if needs_archive:
            self.archive_actions.append(action)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def print_document(self) -> None:
        """Ctrl+P: the account page previews its dossier; elsewhere, print many accounts."""
        if not self.current_page().printable:
            self.show_page("accounts")
        self.current_page().print_document()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(_("&File"))
        file.addAction(
            self._action(
                _("&New…"), lambda: self.current_page().new_record(), QKeySequence.StandardKey.New
            )
        )
        file.addAction(self._action(_("&Import contacts (vCard, CSV)…"), self.import_contacts))
        file.addAction(self._action(_("&Export contacts (vCard)…"), self.export_contacts))
        file.addAction(self._action(_("Export &Excel report…"), self.export_report))
        self.sample_action = self._action(_("Load &sample data"), self.load_sample_data)
        file.addAction(self.sample_action)
        file.addSeparator()
        file.addAction(
            self._action(_("&Print…"), self.print_document, QKeySequence.StandardKey.Print)
        )
        file.addSeparator()
        file.addAction(self._action(_("Back &up now"), self.back_up_now))
        file.addAction(self._action(_("&Restore…"), self.restore_backup))
        file.addSeparator()
        self.protect_action = self._action(_("&Protect with a passphrase…"), self.protect_archive)
        file.addAction(self.protect_action)
        self.lock_action = self._action(_("&Lock"), self.lock_now, "Ctrl+L")
        self.lock_action.setVisible(False)
        file.addAction(self.lock_action)
        file.addSeparator()
        file.addAction(
            self._action(_("&Quit"), self.close, QKeySequence.StandardKey.Quit, needs_archive=False)
        )

        edit = bar.addMenu(_("&Edit"))
        undo = self.ctx.undo.createUndoAction(self, _("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.ctx.undo.createRedoAction(self, _("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        edit.addAction(
            self._action(
                _("&Find"),
                lambda: self.current_page().focus_search(),
                QKeySequence.StandardKey.Find,
            )
        )
        edit.addAction(
            self._action(
                _("&Delete"),
                lambda: self.current_page().delete_selected(),
                QKeySequence.StandardKey.Delete,
            )
        )

        view = bar.addMenu(_("&View"))
        view.addAction(
            self._action(_("&Refresh"), self.refresh_all, QKeySequence.StandardKey.Refresh)
        )
        view.addAction(self._action(_("&Back"), self.go_back, QKeySequence.StandardKey.Back))
        view.addSeparator()
        for number in range(self.nav.count()):
            key = str(self.nav.item(number).data(Qt.ItemDataRole.UserRole))
            view.addAction(
                self._action(
                    self.nav.item(number).text(),
                    partial(self.show_page, key),
                    f"Ctrl+{number + 1}",
                )
            )

        settings = bar.addMenu(_("&Settings"))
        language = settings.addMenu(_("&Language"))
        group = QActionGroup(self)
        chosen = str(self.ctx.settings.value(LANGUAGE_KEY, "") or "")
        for code, text in (("", _("Follow the system")), ("zh_CN", "中文"), ("en", "English")):
            action = QAction(text, self, checkable=True)
            action.setChecked(code == chosen)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, code=code: self.set_language(code))
            group.addAction(action)
            language.addAction(action)

        help_menu = bar.addMenu(_("&Help"))
        help_menu.addAction(self._action(_("&About kamdesk"), self.about, needs_archive=False))

    # actions ------------------------------------------------------------------------------------
    def refresh_all(self) -> None:
        self.current_page().refresh()
        self.refresh_standings()

    def _changed(self) -> None:
        self.standings_pause.start()  # each page redraws itself (Page._archive_changed)

    def refresh_standings(self) -> None:
        """Recompute tiers, due dates and risk in the background, then redraw the lists."""
        if self._standings_op is not None:
            self.standings_pause.start()  # one at a time: try again after this one
            return
        wb = self.ctx.wb

        def work(_progress: Progress) -> object:
            return wb.engine.refresh_cache()

        def done(_result: object) -> None:
            self._standings_op = None
            self.current_page().refresh()
            self.standings_refreshed.emit()

        def failed(exc: BaseException) -> None:
            self._standings_op = None
            self.statusBar().showMessage(_("Tiers could not be recomputed: {e}").format(e=exc))

        self._standings_op = Op(self, "", work, modal=False).on_success(done).on_failure(failed)
        self._standings_op.run()

    def load_sample_data(self) -> None:
        from kamdesk.services.demo import fill

        wb = self.ctx.wb
        if wb.accounts.count():
            QMessageBox.information(
                self, _("Sample data"), _("Sample data goes into an empty archive only.")
            )
            return

        def work(progress: Progress) -> object:
            summary = fill(wb.archive, SAMPLE_ACCOUNTS, progress=progress)
            wb.engine.refresh_cache()
            return summary

        def done(_summary: object) -> None:
            self.ctx.notifier.changed.emit()
            self.show_page("today")

        Op(self, _("Loading sample data…"), work).on_success(done).run()

    def offer_first_steps(self) -> None:
        """An empty archive: offer sample data to look around with, or start empty."""
        box = QMessageBox(self)
        box.setWindowTitle(_("An empty archive"))
        box.setText(
            _(
                "This archive has no accounts yet. Load sample data to look around, import the "
                "contacts of your phone (a vCard file), or start with your own customers "
                "(File → New, Ctrl+N)."
            )
        )
        sample = box.addButton(_("Load sample data"), QMessageBox.ButtonRole.AcceptRole)
        contacts = box.addButton(_("Import contacts…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(_("Start empty"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(sample)
        box.exec()
        if box.clickedButton() is sample:
            self.load_sample_data()
        elif box.clickedButton() is contacts:
            self.import_contacts()

    def import_contacts(self) -> None:
        """Contacts from a phone's or mail program's vCard export, or a CSV file saved by
        Excel, Outlook or Google Contacts, previewed before anything is written."""
        from kamdesk.ui.import_dialog import import_contacts

        import_contacts(self, self.ctx)

    def export_contacts(self) -> None:
        """Contacts to a vCard file: of every account, or of the account open now."""
        from kamdesk.ui.export_dialog import export_contacts

        page = self.pages.get("account")
        current = getattr(page, "record_id", None) if self.current_key() == "account" else None
        export_contacts(self, self.ctx, current or None)

    def export_report(self) -> None:
        """The Excel report of a year or a quarter, for people who do not run kamdesk."""
        from kamdesk.ui.export_dialog import export_report

        export_report(self, self.ctx)

    def back_up_now(self) -> None:
        """A checked copy of the archive into its backups folder."""
        from kamdesk.ui.backup_dialog import back_up_now

        back_up_now(self, self.ctx)

    def restore_backup(self) -> None:
        """Choose a backup and put it in place of the archive, which is closed, replaced and
        opened again; then every page is built anew on it."""
        from kamdesk.ui.backup_dialog import restore_backup

        self.standings_pause.stop()
        restore_backup(self, self.ctx, self._start_over)

    def _start_over(self) -> None:
        """After a restore: the pages, the history and the undo steps were of the old file."""
        self.ctx.undo.clear()
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.history.clear()
        self.show_page("today")
        if self.ctx.wb.security.needs_unlock and not self.ctx.wb.security.recall():
            self._show_lock(self._protection_changed)
            return
        self._protection_changed()
        self.refresh_standings()

    def set_language(self, code: str) -> None:
        self.ctx.settings.setValue(LANGUAGE_KEY, code)
        QMessageBox.information(
            self,
            _("Language"),
            _("The new language is used from the next start of kamdesk."),
        )

    def about(self) -> None:
        from kamdesk.services.paths import log_folder
        from kamdesk.storage.migrations import HEAD

        QMessageBox.about(
            self,
            _("About kamdesk"),
            _("kamdesk {v}\nArchive: {p}\nSchema version: {s}\nLog: {log}").format(
                v=__version__, p=self.path, s=HEAD, log=log_folder() / "kamdesk.log"
            ),
        )

    # window state -------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.ctx.settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1200, 760)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.settings.setValue("window/geometry", self.saveGeometry())
        key = self.current_key()
        if key:  # "" when closed before the archive was open
            self.ctx.settings.setValue(
                "window/page", key if key not in ("account", "contact") else "accounts"
            )
        self.ctx.settings.sync()
        event.accept()
