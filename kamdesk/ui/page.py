"""What the main window asks of every page: a title, and what the common shortcuts do there."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from kamdesk.ui.context import Context


class Page(QWidget):
    """A screen of the main window. Shortcuts the page has no use for do nothing."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        ctx.notifier.changed.connect(self._archive_changed)

    def _archive_changed(self) -> None:
        """Redraw now if on screen, else when next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Read the archive again (F5, and after every change)."""

    def focus_search(self) -> None:
        """Ctrl+F."""

    def new_record(self) -> None:
        """Ctrl+N."""

    def delete_selected(self) -> None:
        """Del."""

    printable = False
    """Whether the page has something of its own to print (File → Print)."""

    def print_document(self) -> None:
        """Ctrl+P, on a page that is `printable`."""
