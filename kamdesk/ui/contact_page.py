"""Contact page (being built)."""

from __future__ import annotations

from kamdesk.i18n import _
from kamdesk.ui.page import Page


class ContactPage(Page):
    def title(self) -> str:
        return _("Contact")

    def show_contact(self, contact_id: str) -> None:
        self.record_id = contact_id
