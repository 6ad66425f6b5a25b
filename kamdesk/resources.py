"""Where the bundled font and translations live, in a checkout, an install or a frozen app.

Used by the desktop (to register the font) and by the printed documents (to embed it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

FONT_FILE = "wqy-microhei.ttc"
FONT_FAMILY = "WenQuanYi Micro Hei"
FONT_FACE = 0
"""The face of the collection that is used (0: the proportional Micro Hei, not Micro Hei Mono)."""


def resources_dir() -> Path:
    """`resources/` beside the package, or inside a frozen bundle; KAMDESK_RESOURCES overrides."""
    override = os.environ.get("KAMDESK_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def font_path() -> Path:
    """The bundled CJK font collection."""
    return resources_dir() / "fonts" / FONT_FILE
