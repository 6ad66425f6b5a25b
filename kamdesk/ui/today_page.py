"""Today page (being built)."""

from __future__ import annotations

from kamdesk.i18n import _
from kamdesk.ui.page import Page


class TodayPage(Page):
    def title(self) -> str:
        return _("Today")
