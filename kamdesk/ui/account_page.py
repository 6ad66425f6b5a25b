"""Account page (being built)."""

from __future__ import annotations

from kamdesk.i18n import _
from kamdesk.ui.page import Page


class AccountPage(Page):
    def title(self) -> str:
        return _("Account")

    def show_account(self, account_id: str) -> None:
        self.record_id = account_id
