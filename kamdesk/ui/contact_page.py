"""The contact page: one person — their details (private ones marked ⚠), what they like,
their days with this year's date, the visits they were at and the greetings they received."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.calendar_days import FESTIVALS
from kamdesk.domain.enums import AnniversaryKind, Choice, Sensitivity
from kamdesk.domain.errors import KamdeskError
from kamdesk.domain.labels import label
from kamdesk.i18n import _
from kamdesk.services.account_view import ContactDossier, contact_dossier
from kamdesk.storage.models import Greeting
from kamdesk.ui.account_days import AnniversariesTab
from kamdesk.ui.account_page import BackButton
from kamdesk.ui.account_people import edit_contact_dialog
from kamdesk.ui.account_records import PreferencesTab, first_line
from kamdesk.ui.account_tables import Column, RecordModel, RecordsTab, RecordTable, Scope
from kamdesk.ui.account_visits import VisitsTab
from kamdesk.ui.context import Context
from kamdesk.ui.errors import sentence
from kamdesk.ui.fmt import day
from kamdesk.ui.forms import SENSITIVE_MARK, Field, FormDialog, Kind
from kamdesk.ui.page import Page
from kamdesk.ui.record_fields import contact_fields
from kamdesk.ui.relationship_map import strength_dots

MUTED = "color: #7f8c8d"


def occasion_words(key: str) -> str:
    """A greeting's occasion as the interface says it."""
    if key in AnniversaryKind.values():
        return label(AnniversaryKind(key))
    if key == "lunar_birthday":
        return _("lunar birthday")
    chinese = QLocale().language() == QLocale.Language.Chinese
    for festival in FESTIVALS:
        if festival.key == key:
            return festival.name_zh if chinese else festival.name_en
    return key


def sensitivity_tip(sensitivity: Sensitivity) -> str:
    if sensitivity is Sensitivity.SENSITIVE:
        return _("Sensitive: left out of shared dossiers and HQ exports")
    return _("Personal detail")


class ContactPage(Page):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.record_id: str | None = None
        self.dossier: ContactDossier | None = None

        self.back = BackButton()
        self.name = QLabel()
        self.name.setObjectName("contact-name")
        self.name.setStyleSheet("font-size: 17pt; font-weight: bold")
        self.role = QLabel()
        self.role.setObjectName("contact-title")
        self.role.setStyleSheet("color: #566573; font-size: 12pt")
        self.account = QPushButton()
        self.account.setObjectName("contact-account")
        self.account.setFlat(True)
        self.account.setCursor(Qt.CursorShape.PointingHandCursor)
        self.account.setStyleSheet("color: #1a5276; text-decoration: underline; text-align: left")
        self.account.setToolTip(_("Open the account"))
        self.account.clicked.connect(self.open_account)
        self.edit_button = QPushButton(_("Edit…"))
        self.edit_button.setObjectName("edit-contact")
        self.edit_button.clicked.connect(self.edit_contact)
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.name)
        top.addWidget(self.role)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        second = QHBoxLayout()
        second.addWidget(QLabel(_("Works at")))
        second.addWidget(self.account)
        second.addStretch(1)

        self.details: dict[str, QLabel] = {}
        self.details_form = QFormLayout()
        self.details_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        holder = QWidget()
        holder.setLayout(self.details_form)
        for spec in contact_fields():
            self._add_detail(spec)
        details = QScrollArea()
        details.setObjectName("contact-details")
        details.setWidgetResizable(True)
        details.setWidget(holder)

        self.preferences = PreferencesTab(ctx)
        self.anniversaries = AnniversariesTab(ctx)
        self.visits = VisitsTab(ctx)
        self.greetings: RecordModel[Greeting] = RecordModel(self._greeting_columns())
        self.greetings_table = RecordTable(self.greetings, "greetings")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("contact-tabs")
        for tab in (self.preferences, self.anniversaries, self.visits):
            self.tabs.addTab(tab, "")
        self.tabs.addTab(self.greetings_table, "")

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(details)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([440, 660])
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addLayout(second)
        column.addWidget(split, 1)
        self.gone = QLabel()
        self.gone.setObjectName("contact-gone")
        self.gone.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.gone)
        QVBoxLayout(self).addWidget(self.stack)

    def _add_detail(self, spec: Field) -> None:
        text = spec.label
        shown = QLabel()
        shown.setObjectName(f"detail-{spec.name}")
        shown.setWordWrap(True)
        shown.setTextFormat(Qt.TextFormat.PlainText)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heading = QLabel(text)
        if spec.sensitivity is not Sensitivity.NORMAL:
            heading.setText(f"{SENSITIVE_MARK} {text}")
            for widget in (heading, shown):
                widget.setToolTip(sensitivity_tip(spec.sensitivity))
        self.details[spec.name] = shown
        self.details_form.addRow(heading, shown)

    def _greeting_columns(self) -> list[Column[Greeting]]:
        return [
            Column(_("Sent on"), lambda g: day(g.sent_on)),
            Column(_("Occasion"), lambda g: occasion_words(g.occasion)),
            Column(_("Channel"), lambda g: label(g.channel)),
            Column(_("Text"), lambda g: first_line(g.text, 60), tip=lambda g: g.text, stretch=True),
        ]

    def title(self) -> str:
        return self.dossier.contact.name if self.dossier else _("Contact")

    def showEvent(self, event: QShowEvent) -> None:
        self.back.setVisible(self.back.available())
        super().showEvent(event)

    # reading -----------------------------------------------------------------------------------
    def show_contact(self, contact_id: str) -> None:
        if contact_id != self.record_id:
            self.tabs.setCurrentIndex(0)
        self.record_id = contact_id
        self.refresh()

    def refresh(self) -> None:
        if not self.record_id:
            return
        try:
            dossier = contact_dossier(self.ctx.wb.archive, self.record_id)
            greetings = self.ctx.wb.greetings.history(dossier.contact.id)
        except KamdeskError as exc:
            self.dossier = None
            gone = _("This contact is no longer in the archive ({e}).").format(e=sentence(exc))
            self.gone.setText(gone + "\n" + _("Ctrl+Z brings back what was just deleted."))
            self.stack.setCurrentIndex(1)
            return
        self.dossier = dossier
        self.stack.setCurrentIndex(0)
        person = dossier.contact
        self.name.setText(person.name)
        self.role.setText(" · ".join(p for p in (person.title, person.department) if p))
        self.account.setText(dossier.account.name)
        for spec in contact_fields():
            self._show_detail(spec, dossier)
        scope = Scope(dossier.account.id, (person, *dossier.colleagues), person.id)
        rows: list[tuple[RecordsTab[Any], list[Any], str]] = [
            (self.preferences, dossier.preferences, _("Preferences")),
            (self.anniversaries, dossier.anniversaries, _("Anniversaries")),
            (self.visits, dossier.visits, _("Visits")),
        ]
        for tab, records, name in rows:
            tab.set_rows(scope, records)
            self.tabs.setTabText(self.tabs.indexOf(tab), f"{name} ({len(records)})")
        self.greetings.set_rows(greetings)
        self.tabs.setTabText(
            self.tabs.indexOf(self.greetings_table), _("Greetings ({n})").format(n=len(greetings))
        )

    def _show_detail(self, spec: Field, dossier: ContactDossier) -> None:
        value = getattr(dossier.contact, spec.name)
        if spec.name == "reports_to_id":
            boss = dossier.manager
            text = boss.name + (f" ({boss.title})" if boss.title else "") if boss else ""
        elif spec.name == "strength":
            text = f"{strength_dots(value)} ({value}/5)" if value else ""
        elif isinstance(value, Choice):
            text = label(value)
        elif spec.kind is Kind.LIST:
            text = ", ".join(value or [])
        else:
            text = "" if value is None else str(value)
        shown = self.details[spec.name]
        shown.setText(text or "—")
        shown.setStyleSheet("" if text else MUTED)

    def detail_text(self, name: str) -> str:
        return self.details[name].text()

    # acting ------------------------------------------------------------------------------------
    def open_account(self) -> None:
        if self.dossier is not None:
            self.ctx.notifier.open_account.emit(self.dossier.account.id)

    def current_records_tab(self) -> RecordsTab[Any] | None:
        current = self.tabs.currentWidget()
        return current if isinstance(current, RecordsTab) else None

    def new_record(self) -> None:
        tab = self.current_records_tab()
        if tab is not None and self.dossier is not None:
            tab.new_record()

    def delete_selected(self) -> None:
        tab = self.current_records_tab()
        if tab is not None and self.dossier is not None:
            tab.delete_selected()

    def edit_dialog(self) -> FormDialog | None:
        if self.dossier is None:
            return None
        scope = Scope(self.dossier.account.id, tuple(self.dossier.colleagues))
        return edit_contact_dialog(self, self.ctx, scope, self.dossier.contact)

    def edit_contact(self) -> None:
        dialog = self.edit_dialog()
        if dialog is not None:
            dialog.exec()
