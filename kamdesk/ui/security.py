"""The passphrase in the desktop: the lock screen, locking after idle time, protecting an
archive, changing the passphrase, and the banner that says when sensitive fields are unprotected.

While the archive is locked the window shows only the lock screen: no page, no menu action that
reads the archive. Idle time counts from the last key press or mouse click in any kamdesk
window; a dialog left open postpones the lock until it is closed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.settings import LOCK_AFTER_MINUTES
from kamdesk.i18n import _
from kamdesk.ui.context import Context
from kamdesk.ui.errors import sentence, show_error
from kamdesk.ui.ops import Op, Progress

CHECK_EVERY_MS = 20_000
_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def _passphrase_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(260)
    return field


def recovery_words(recovery_for: str) -> str:
    if recovery_for:
        return _("If you forget it, {h} can reset it with headquarters' key.").format(
            h=recovery_for
        )
    return _(
        "No headquarters key is registered: if you forget the passphrase, the protected "
        "details cannot be recovered by anyone."
    )


class IdleWatch(QObject):
    """Says `idle` once no input has come for the archive's idle limit."""

    idle = Signal()

    def __init__(self, minutes: Callable[[], int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.minutes = minutes
        self.last_input = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def start(self) -> None:
        self.last_input = time.monotonic()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.last_input = time.monotonic()
        return False

    def check(self, now: float | None = None) -> None:
        minutes = self.minutes()
        if minutes <= 0 or QApplication.activeModalWidget() is not None:
            return
        if (now if now is not None else time.monotonic()) - self.last_input >= minutes * 60:
            self.idle.emit()


class LockScreen(QWidget):
    """In place of the window's content while the archive is locked."""

    unlocked = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("lock-screen")
        title = QLabel(_("The archive is locked"))
        title.setObjectName("lock-title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        title.setFont(font)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.passphrase = _passphrase_field("unlock-passphrase")
        self.passphrase.returnPressed.connect(self.unlock)
        self.message = QLabel()
        self.message.setObjectName("unlock-message")
        self.message.setStyleSheet("color: #b00020")
        button = QPushButton(_("&Unlock"))
        button.setObjectName("unlock-button")
        button.setDefault(True)
        button.clicked.connect(self.unlock)
        entry = QHBoxLayout()
        entry.addWidget(self.passphrase, 1)
        entry.addWidget(button)
        box = QVBoxLayout()
        box.addWidget(title)
        box.addWidget(self.explain)
        box.addLayout(entry)
        box.addWidget(self.message)
        holder = QWidget()
        holder.setMaximumWidth(520)
        holder.setLayout(box)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(holder, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def prepare(self) -> None:
        status = self.ctx.wb.security.status()
        self.explain.setText(
            _(
                "Family, health and income details and preferences are protected. Type your "
                "passphrase to go on."
            )
            + "\n"
            + recovery_words(status.recovery_for)
        )
        self.passphrase.clear()
        self.message.clear()
        self.passphrase.setFocus()

    def unlock(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.ctx.wb.security.unlock(self.passphrase.text())
        except Exception as exc:
            self.message.setText(sentence(exc))
            self.passphrase.selectAll()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.passphrase.clear()
        self.unlocked.emit()


class PassphraseDialog(QDialog):
    """A new passphrase typed twice (and the current one, when changing)."""

    def __init__(
        self, title: str, intro: str, *, ask_current: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        words = QLabel(intro)
        words.setWordWrap(True)
        self.current = _passphrase_field("current-passphrase") if ask_current else None
        self.first = _passphrase_field("new-passphrase")
        self.second = _passphrase_field("repeat-passphrase")
        self.message = QLabel()
        self.message.setObjectName("passphrase-message")
        self.message.setWordWrap(True)
        form = QFormLayout()
        if self.current is not None:
            form.addRow(_("Current passphrase"), self.current)
        form.addRow(_("New passphrase"), self.first)
        form.addRow(_("Once more"), self.second)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(words)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def problem(self) -> str | None:
        from kamdesk.storage.sealing import passphrase_problem

        new = self.first.text()
        if self.current is not None and not self.current.text():
            return _("type the current passphrase")
        problem = passphrase_problem(new)
        if problem:
            return problem
        if new != self.second.text():
            return _("the two passphrases differ")
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return
        super().accept()


def protect(parent: QWidget, ctx: Context, done: Callable[[], None]) -> None:
    """Ask for a passphrase, then seal the sensitive fields (and the backups) in the background."""
    status = ctx.wb.security.status()
    dialog = PassphraseDialog(
        _("Protect with a passphrase"),
        _(
            "Family, children, health and income details, family members' names and "
            "preferences will be sealed on this computer, in its backups and in the log: "
            "nobody who finds the laptop can read them. kamdesk asks for the passphrase when "
            "it starts and after {n} idle minutes."
        ).format(n=status.lock_after_minutes)
        + "\n\n"
        + recovery_words(_hq_holder(ctx)),
        ask_current=False,
        parent=parent,
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    passphrase = dialog.first.text()

    def work(progress: Progress) -> object:
        return ctx.wb.security.protect(passphrase, progress=progress)

    def finished(_result: object) -> None:
        QMessageBox.information(
            parent, "kamdesk", _("The sensitive details are now protected by your passphrase.")
        )
        done()

    Op(parent, _("Sealing sensitive details…"), work).on_success(finished).on_failure(
        lambda exc: show_error(parent, exc)
    ).run()


def _hq_holder(ctx: Context) -> str:
    found = ctx.wb.sync.hq_card()
    if found is None:
        return ""
    hq, _card = found
    return f"{hq.name or _('headquarters')} ({hq.fingerprint})"


def change_passphrase(parent: QWidget, ctx: Context) -> None:
    dialog = PassphraseDialog(
        _("Change passphrase"),
        _("The protected details stay as they are; only the passphrase that opens them changes."),
        ask_current=True,
        parent=parent,
    )
    while dialog.exec() == QDialog.DialogCode.Accepted:
        assert dialog.current is not None
        try:
            ctx.wb.security.change_passphrase(dialog.current.text(), dialog.first.text())
        except Exception as exc:
            dialog.message.setText(sentence(exc))
            continue
        QMessageBox.information(parent, "kamdesk", _("The passphrase is changed."))
        return


class ProtectionBox(QGroupBox):
    """On the Sync page's Archive tab: whether sensitive fields are protected, and the buttons."""

    lock_requested = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(_("Protection of sensitive details"), parent)
        self.ctx = ctx
        self.state = QLabel()
        self.state.setObjectName("protection-state")
        self.state.setWordWrap(True)
        self.protect_button = QPushButton(_("Protect with a passphrase…"))
        self.protect_button.setObjectName("protect-button")
        self.protect_button.clicked.connect(lambda: protect(self, ctx, self.refresh))
        self.change_button = QPushButton(_("Change passphrase…"))
        self.change_button.clicked.connect(lambda: change_passphrase(self, ctx))
        self.lock_button = QPushButton(_("Lock now"))
        self.lock_button.clicked.connect(self.lock_requested.emit)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("lock-minutes")
        self.minutes.setRange(int(LOCK_AFTER_MINUTES.minimum or 0), 1440)
        self.minutes.setSpecialValueText(_("only when kamdesk closes"))
        self.minutes.setSuffix(_(" min"))
        self.minutes.editingFinished.connect(self._save_minutes)
        buttons = QHBoxLayout()
        for button in (self.protect_button, self.change_button, self.lock_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.state)
        form.addRow(buttons)
        form.addRow(_("Lock after idle"), self.minutes)
        self.refresh()

    def refresh(self) -> None:
        status = self.ctx.wb.security.status()
        if status.protected:
            self.state.setText(
                _("Protected by a passphrase.") + " " + recovery_words(status.recovery_for)
            )
        else:
            self.state.setText(
                _("Not protected: anyone with this file can read the sensitive details.")
            )
        self.protect_button.setVisible(not status.protected)
        self.change_button.setVisible(status.protected)
        self.lock_button.setVisible(status.protected)
        self.minutes.setEnabled(status.protected)
        self.minutes.setValue(status.lock_after_minutes)

    def _save_minutes(self) -> None:
        try:
            self.ctx.wb.settings.set(LOCK_AFTER_MINUTES.key, self.minutes.value())
        except Exception as exc:
            show_error(self, exc)


class UnprotectedBanner(QFrame):
    """A strip above the pages while an archive with data has no passphrase."""

    protect_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unprotected-banner")
        self.setStyleSheet("#unprotected-banner { background: #fff4e5; }")
        words = QLabel(
            _("Sensitive details (family, health, income) are stored unprotected on this computer.")
        )
        words.setWordWrap(True)
        act = QPushButton(_("Protect with a passphrase…"))
        act.setObjectName("banner-protect")
        act.clicked.connect(self.protect_requested.emit)
        later = QPushButton(_("Not now"))
        later.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(words, 1)
        row.addWidget(act)
        row.addWidget(later)
