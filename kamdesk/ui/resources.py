"""The bundled CJK font in Qt: registered at start and put first in the application font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from kamdesk.resources import FONT_FAMILY, font_path

__all__ = ["FONT_FAMILY", "apply_font", "register_font"]


def register_font() -> str | None:
    """Load the bundled CJK font and make it the application font; returns its family."""
    path = font_path()
    font_id = QFontDatabase.addApplicationFont(str(path)) if path.exists() else -1
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    family = FONT_FAMILY if FONT_FAMILY in families else families[0]
    return family


def apply_font(app_font: QFont, family: str) -> QFont:
    """The application font with the bundled family first, keeping the platform's size."""
    font = QFont(app_font)
    font.setFamilies([family, *app_font.families()])
    return font
