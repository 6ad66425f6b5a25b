"""Choosing files and folders, and saying where something was written: one set of helpers for
printing, exports and packages. Tests replace `ask_*` in the module that calls them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from kamdesk.i18n import _


def file_filter(suffix: str) -> str:
    """The file dialog's filter for files ending in `suffix`."""
    named = {
        "pdf": "PDF (*.pdf)",
        "docx": "Word (*.docx)",
        "vcf": "vCard (*.vcf)",
        "xlsx": "Excel (*.xlsx)",
        "kamx": _("Exchange packages (*.kamx)"),
        "pub": _("Key files (*.pub *.txt);;All files (*)"),
    }
    return named.get(suffix, f"*.{suffix}")


def ask_save_path(parent: QWidget | None, title: str, suggested: Path, suffix: str) -> Path | None:
    """The file the user picks to write (None when cancelled), with `suffix` added when it was
    left off."""
    chosen, _selected = QFileDialog.getSaveFileName(
        parent, title, str(suggested), file_filter(suffix)
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == f".{suffix}" else path.with_name(f"{path.name}.{suffix}")


def ask_open_path(parent: QWidget | None, title: str, start: Path, suffix: str) -> Path | None:
    """The file the user picks to read (None when cancelled)."""
    chosen, _selected = QFileDialog.getOpenFileName(parent, title, str(start), file_filter(suffix))
    return Path(chosen) if chosen else None


def ask_folder(parent: QWidget | None, title: str, start: Path) -> Path | None:
    """The folder the user picks (None when cancelled)."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(chosen) if chosen else None


def last_folder(settings: QSettings, key: str) -> Path:
    """The folder last used for this kind of file (`key` in the settings), else home."""
    return Path(str(settings.value(key, str(Path.home())) or Path.home()))


def tell(widget: QWidget | None, message: str) -> None:
    """Show a short result in the main window's status bar, when there is one."""
    window = widget.window() if widget is not None else None
    bar = getattr(window, "statusBar", None)
    if callable(bar):
        bar().showMessage(message, 10000)
