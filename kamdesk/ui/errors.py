"""Errors as sentences: a user's mistake is explained, a bug gets a short message with details
to copy, and never a traceback dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kamdesk.domain.errors import KamdeskError, ValidationError
from kamdesk.i18n import _

log = logging.getLogger("kamdesk.ui")


def sentence(exc: BaseException) -> str:
    """What to tell the user about `exc`."""
    if isinstance(exc, ValidationError):
        return "\n".join(problem.message for problem in exc.problems) or str(exc)
    if isinstance(exc, KamdeskError):
        return str(exc)
    if isinstance(exc, OSError):
        return _("The file could not be used: {e}").format(e=exc.strerror or exc)
    return _("Something went wrong inside kamdesk; nothing was half-saved. ({e})").format(
        e=type(exc).__name__
    )


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A message box with the sentence; unexpected errors also offer the details to copy."""
    box = QMessageBox(parent)
    box.setWindowTitle("kamdesk")
    box.setText(sentence(exc))
    if isinstance(exc, KamdeskError):
        box.setIcon(QMessageBox.Icon.Warning)
    else:
        log.error("unexpected error", exc_info=exc)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setDetailedText("".join(traceback.format_exception(exc)))
    box.exec()


def install_excepthook() -> None:
    """Route uncaught exceptions in slots to `show_error` instead of stderr or an abort."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        exc.__traceback__ = tb
        show_error(QApplication.activeWindow(), exc)

    sys.excepthook = hook
