"""The account page: who the customer is, what they are worth, and everything about them in
tabs — overview, contacts with the relationship map, preferences, anniversaries, visits and
issues. Every change goes through the undo stack; the engine's view is worked out in the
background so the page opens at once."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.documents import Format
from kamdesk.domain.enums import AccountStatus, Tier
from kamdesk.domain.errors import KamdeskError
from kamdesk.domain.labels import label
from kamdesk.i18n import _
from kamdesk.services.account_view import AccountDossier, account_dossier
from kamdesk.services.engine import Standing
from kamdesk.ui.account_days import AnniversariesTab
from kamdesk.ui.account_overview import OverviewTab
from kamdesk.ui.account_people import ContactsTab
from kamdesk.ui.account_records import IssuesTab, PreferencesTab
from kamdesk.ui.account_tables import RecordsTab, Scope, Snapshot
from kamdesk.ui.account_visits import VisitsTab
from kamdesk.ui.context import Change, Context, edit
from kamdesk.ui.errors import sentence
from kamdesk.ui.forms import Field, FormDialog, Kind
from kamdesk.ui.models import TIER_COLOURS
from kamdesk.ui.ops import Op, Progress
from kamdesk.ui.page import Page
from kamdesk.ui.printing import AccountPrinting, PlanDialog
from kamdesk.ui.record_fields import account_fields

AUTO = "auto"


def tier_fields() -> list[Field]:
    choices = [(_("automatic (computed)"), AUTO), *((t.value, t.value) for t in Tier)]
    return [
        Field("tier", _("Tier"), Kind.CHOICE, choices, required=True),
        Field(
            "tier_override_reason",
            _("Why"),
            Kind.LONG_TEXT,
            hint=_("required when the tier is set by hand"),
        ),
    ]


class BackButton(QPushButton):
    """Back to the previous page, where the window keeps a history (Alt+Left does the same)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("← " + _("Back"), parent)
        self.setFlat(True)
        self.setToolTip(_("Back to the previous page (Alt+Left)"))
        self.clicked.connect(self.go_back)

    def available(self) -> bool:
        return callable(getattr(self.window(), "go_back", None))

    def go_back(self) -> None:
        back = getattr(self.window(), "go_back", None)
        if callable(back):
            back()


class AccountPage(Page):
    printable = True

    standing_shown = Signal()
    """The engine's view of the account is on screen (or could not be worked out)."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.record_id: str | None = None
        self.dossier: AccountDossier | None = None
        self.standing: Standing | None = None
        self._asked = 0  # which standing request is the latest

        self.back = BackButton()
        self.name = QLabel()
        self.name.setObjectName("account-name")
        self.name.setStyleSheet("font-size: 17pt; font-weight: bold")
        self.name.setWordWrap(True)
        self.badge = QLabel()
        self.badge.setObjectName("tier-badge")
        self.star = QLabel("★")
        self.star.setObjectName("key-star")
        self.star.setStyleSheet("color: #d4ac0d; font-size: 17pt")
        self.facts = QLabel()
        self.facts.setObjectName("account-facts")
        self.facts.setStyleSheet("color: #566573")
        title = QHBoxLayout()
        title.addWidget(self.back)
        title.addWidget(self.name, 1)
        title.addWidget(self.star)
        title.addWidget(self.badge)
        self.printing = AccountPrinting(self, ctx.wb, ctx.settings)
        self.print_button = QToolButton()
        self.print_button.setObjectName("account-print")
        self.print_button.setText(_("Print"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_menu = QMenu(self.print_button)
        self.print_menu.addAction(_("Print preview…"), self.print_document)
        self.print_menu.addAction(_("Save dossier as PDF…"), lambda: self.save_dossier("pdf"))
        self.print_menu.addAction(_("Save dossier as Word…"), lambda: self.save_dossier("docx"))
        self.shareable_action = self.print_menu.addAction(
            _("Shareable copy (leave out sensitive fields)")
        )
        self.shareable_action.setCheckable(True)
        self.print_menu.addSeparator()
        self.print_menu.addAction(_("Service plan…"), self.print_plan)
        self.print_button.setMenu(self.print_menu)
        title.addWidget(self.print_button)

        self.overview = OverviewTab()
        self.contacts = ContactsTab(ctx)
        self.preferences = PreferencesTab(ctx)
        self.anniversaries = AnniversariesTab(ctx)
        self.visits = VisitsTab(ctx)
        self.issues = IssuesTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("account-tabs")
        self.tabs.addTab(self.overview, _("Overview"))
        for tab in self.record_tabs():
            self.tabs.addTab(tab, "")
        self.overview.edit_button.clicked.connect(self.edit_account)
        self.overview.tier_button.clicked.connect(self.set_tier)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(title)
        column.addWidget(self.facts)
        column.addWidget(self.tabs, 1)
        self.gone = QLabel()
        self.gone.setObjectName("account-gone")
        self.gone.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.gone)
        QVBoxLayout(self).addWidget(self.stack)

    def record_tabs(self) -> list[RecordsTab[Any]]:
        return [self.contacts, self.preferences, self.anniversaries, self.visits, self.issues]

    def title(self) -> str:
        return self.dossier.account.name if self.dossier else _("Account")

    def showEvent(self, event: QShowEvent) -> None:
        self.back.setVisible(self.back.available())
        super().showEvent(event)

    # reading -----------------------------------------------------------------------------------
    def show_account(self, account_id: str) -> None:
        if account_id != self.record_id:
            self.tabs.setCurrentIndex(0)
        self.record_id = account_id
        self.refresh()

    def refresh(self) -> None:
        if not self.record_id:
            return
        wb = self.ctx.wb
        try:
            dossier = account_dossier(wb.archive, self.record_id)
            balance = wb.points.balance(dossier.account.id)
        except KamdeskError as exc:
            self._show_gone(exc)
            return
        self.dossier = dossier
        self.stack.setCurrentIndex(0)
        account = dossier.account
        self.name.setText(account.name)
        self.name.setToolTip(account.short_name)
        self.star.setVisible(account.is_key_account)
        self.star.setToolTip(_("Key account: {r}").format(r=account.key_account_reason))
        self.facts.setText(self._facts(dossier))
        self.overview.show_dossier(dossier, balance, wb.points.level(balance))
        scope = Scope(account.id, tuple(dossier.contacts))
        rows: list[tuple[RecordsTab[Any], list[Any], str]] = [
            (self.contacts, dossier.contacts, _("Contacts")),
            (self.preferences, dossier.preferences, _("Preferences")),
            (self.anniversaries, dossier.anniversaries, _("Anniversaries")),
            (self.visits, dossier.visits, _("Visits")),
            (self.issues, dossier.issues, _("Issues")),
        ]
        for tab, records, name in rows:
            tab.set_rows(scope, records)
            self.tabs.setTabText(self.tabs.indexOf(tab), f"{name} ({len(records)})")
        self._ask_standing(account.id)

    def _facts(self, dossier: AccountDossier) -> str:
        account = dossier.account
        parts = [
            _("Owner: {o}").format(o=account.owner or "—"),
            account.city or account.region,
            label(account.status),
            account.industry,
        ]
        if account.status is not AccountStatus.ACTIVE:
            parts[2] = "⚠ " + parts[2]
        return " · ".join(p for p in parts if p)

    def _show_gone(self, exc: BaseException) -> None:
        self.dossier = None
        self.standing = None
        self._asked += 1
        gone = _("This account is no longer in the archive ({e}).").format(e=sentence(exc))
        self.gone.setText(gone + "\n" + _("Ctrl+Z brings back what was just deleted."))
        self.stack.setCurrentIndex(1)

    def _ask_standing(self, account_id: str) -> None:
        """Tiers and risk are relative to every account: worked out off the GUI thread."""
        self._asked += 1
        asked = self._asked
        engine = self.ctx.wb.engine
        self.overview.show_standing_pending()

        def work(_progress: Progress) -> Standing:
            return engine.standing(account_id)

        def done(standing: Standing) -> None:
            if shiboken6.isValid(self) and asked == self._asked:
                self._show_standing(standing)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self) and asked == self._asked:
                self.standing = None
                self.overview.show_standing_problem(sentence(exc))
                self.standing_shown.emit()

        Op(self, "", work, modal=False).on_success(done).on_failure(failed).run()

    def _show_standing(self, standing: Standing) -> None:
        self.standing = standing
        self.overview.show_standing(standing)
        colour = TIER_COLOURS[standing.tier.value].name()
        self.badge.setText(_("Tier {t}").format(t=standing.tier.value))
        self.badge.setStyleSheet(
            f"background: {colour}; color: white; font-weight: bold; padding: 3px 10px;"
            " border-radius: 4px"
        )
        self.badge.setToolTip(standing.tier_explanation)
        self.standing_shown.emit()

    # printing ----------------------------------------------------------------------------------
    def print_document(self) -> None:
        """Print preview of the dossier (File → Print, Ctrl+P)."""
        if self.dossier is not None:
            job = self.printing.dossier_job(
                self.dossier.account.id, self.shareable_action.isChecked()
            )
            self.printing.show_preview(job)

    def save_dossier(self, fmt: Format) -> None:
        if self.dossier is not None:
            job = self.printing.dossier_job(
                self.dossier.account.id, self.shareable_action.isChecked()
            )
            self.printing.save(job, fmt)

    def print_plan(self) -> None:
        if self.dossier is None:
            return
        dialog = PlanDialog(self.printing.today(), self)
        if dialog.exec() != PlanDialog.DialogCode.Accepted:
            return
        year, quarter, output = dialog.chosen()
        job = self.printing.plan_job(self.dossier.account.id, year, quarter)
        if output == "preview":
            self.printing.show_preview(job)
        else:
            self.printing.save(job, "docx" if output == "docx" else "pdf")

    # changing ----------------------------------------------------------------------------------
    def current_records_tab(self) -> RecordsTab[Any] | None:
        current = self.tabs.currentWidget()
        return current if isinstance(current, RecordsTab) else None

    def new_record(self) -> None:
        tab = self.current_records_tab()
        if tab is not None and self.dossier is not None:
            tab.new_record()

    def new_visit(self) -> None:
        """The Visits tab's quick New visit (Today's "Log visit…" lands here)."""
        if self.dossier is not None:
            self.tabs.setCurrentWidget(self.visits)
            self.visits.new_record()

    def delete_selected(self) -> None:
        tab = self.current_records_tab()
        if tab is not None and self.dossier is not None:
            tab.delete_selected()

    def edit_dialog(self) -> FormDialog | None:
        """Edit the account's fields; only what changed is written, and Ctrl+Z undoes it."""
        if self.dossier is None:
            return None
        account = self.dossier.account
        fields = account_fields()
        before = Snapshot.of(account, fields)
        ctx = self.ctx

        def submit(changed: dict[str, Any]) -> Any:
            text = _("Edit {n}").format(n=account.name)
            return ctx.commit(
                edit(ctx, text, ctx.wb.accounts, account.id, before.old(changed), changed)
            )

        return FormDialog(
            self,
            _("Edit {n}").format(n=account.name),
            fields,
            submit,
            before.values,
            only_changes=True,
        )

    def edit_account(self) -> None:
        dialog = self.edit_dialog()
        if dialog is not None:
            dialog.exec()

    def tier_dialog(self) -> FormDialog | None:
        """Set the tier by hand with a reason, or back to automatic; undo restores the old one."""
        if self.dossier is None:
            return None
        account = self.dossier.account
        ctx = self.ctx
        previous, previous_reason = account.tier_override, account.tier_override_reason

        def submit(values: dict[str, Any]) -> Any:
            chosen = values.get("tier") or AUTO
            reason = values.get("tier_override_reason") or ""

            def do() -> None:
                ctx.wb.engine.set_tier(account.id, chosen, reason)

            def undo() -> None:
                ctx.wb.accounts.update(
                    account.id, tier_override=previous, tier_override_reason=previous_reason
                )

            text = _("Set the tier of {n}").format(n=account.name)
            return ctx.commit(Change(text, do, undo, ctx.notifier))

        values = {
            "tier": previous.value if previous else AUTO,
            "tier_override_reason": previous_reason,
        }
        return FormDialog(
            self, _("Set the tier of {n}").format(n=account.name), tier_fields(), submit, values
        )

    def set_tier(self) -> None:
        dialog = self.tier_dialog()
        if dialog is not None:
            dialog.exec()
