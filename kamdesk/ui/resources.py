"""Where the bundled font and translations live, in a checkout, an install or a frozen app."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

FONT_FILE = "wqy-microhei.ttc"
FONT_FAMILY = "WenQuanYi Micro Hei"


def resources_dir() -> Path:
    """`resources/` beside the package, or inside a frozen bundle; KAMDESK_RESOURCES overrides."""
    override = os.environ.get("KAMDESK_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def register_font() -> str | None:
    """Load the bundled CJK font and make it the application font; returns its family."""
    path = resources_dir() / "fonts" / FONT_FILE
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
