"""Every main page rendered to a PNG a person can look at (CI keeps `.ci/artifacts/screens/`)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kamdesk.services.demo import fill
from kamdesk.ui.context import Context
from kamdesk.ui.main_window import MainWindow

SCREENS = Path(
    os.environ.get("KAMDESK_SCREENS") or Path(__file__).parents[2] / ".ci" / "artifacts" / "screens"
)


@pytest.fixture
def sample_window(ctx: Context, qtbot: QtBot) -> MainWindow:
    fill(ctx.wb.archive, 40, 11, today=date.today())
    ctx.wb.engine.refresh_cache()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def distinct_colours(image: QImage) -> int:
    """How many colours a sparse grid of pixels shows: a blank or failed render has one or two."""
    seen = set()
    for x in range(0, image.width(), 17):
        for y in range(0, image.height(), 13):
            seen.add(image.pixel(x, y))
    return len(seen)


def test_main_pages_render_to_png(sample_window: MainWindow) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    first = sample_window.ctx.wb.account_page(sample_window.page("accounts").model.query, limit=1)  # type: ignore[attr-defined]
    shots = ["today", "accounts", "contacts", "calendar", "reports", "sync"]
    for key in shots:
        sample_window.show_page(key)
        path = SCREENS / f"{key}.png"
        assert sample_window.grab().save(str(path)), path
        page = sample_window.stack.grab().toImage()
        assert distinct_colours(page) > 4, f"the {key} page shows next to nothing"
    sample_window.open_account(first[0].id)
    assert sample_window.grab().save(str(SCREENS / "account.png"))
    contact = sample_window.ctx.wb.contact_page(sample_window.page("contacts").model.query, limit=1)  # type: ignore[attr-defined]
    sample_window.open_contact(contact[0].id)
    assert sample_window.grab().save(str(SCREENS / "contact.png"))
    for name in [*shots, "account", "contact"]:
        image = QImage(str(SCREENS / f"{name}.png"))
        assert image.width() == 1280, name
