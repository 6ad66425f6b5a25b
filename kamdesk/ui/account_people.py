"""The Contacts tab of the account page: the people as a table and as a relationship map."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget

from kamdesk.domain.enums import Attitude
from kamdesk.domain.labels import label
from kamdesk.i18n import _
from kamdesk.storage.models import Contact
from kamdesk.ui.account_tables import Column, RecordsTab, Scope, Snapshot
from kamdesk.ui.context import Context, creation, edit
from kamdesk.ui.forms import FormDialog
from kamdesk.ui.record_fields import contact_fields
from kamdesk.ui.relationship_map import Person, RelationshipMap, strength_dots

ATTITUDE_COLOURS = {
    Attitude.SUPPORTER: QColor("#1e8449"),
    Attitude.NEUTRAL: QColor("#b9770e"),
    Attitude.OPPONENT: QColor("#c0392b"),
}


def managers_for(scope: Scope, contact_id: str | None) -> list[tuple[str, str]]:
    """Who someone can report to: the account's other contacts."""
    return [(c.name, c.id) for c in scope.contacts if c.id != contact_id]


def new_contact_dialog(parent: QWidget | None, ctx: Context, scope: Scope) -> FormDialog:
    """The New contact dialog for an account; saving is undoable."""
    wb = ctx.wb

    def submit(values: dict[str, Any]) -> Any:
        def make() -> Contact:
            return wb.contacts.create(account_id=scope.account_id, **values)

        text = _("New contact {n}").format(n=values["name"])
        return ctx.commit(creation(ctx, text, make, wb.contacts))

    return FormDialog(parent, _("New contact"), contact_fields(managers_for(scope, None)), submit)


def edit_contact_dialog(
    parent: QWidget | None, ctx: Context, scope: Scope, contact: Contact
) -> FormDialog:
    """Edit a contact: only what was changed is written, and Ctrl+Z writes the old values back."""
    fields = contact_fields(managers_for(scope, contact.id))
    before = Snapshot.of(contact, fields)

    def submit(changed: dict[str, Any]) -> Any:
        text = _("Edit {n}").format(n=contact.name)
        return ctx.commit(
            edit(ctx, text, ctx.wb.contacts, contact.id, before.old(changed), changed)
        )

    return FormDialog(
        parent,
        _("Edit {n}").format(n=contact.name),
        fields,
        submit,
        before.values,
        only_changes=True,
    )


class ContactsTab(RecordsTab[Contact]):
    """The account's people; double-click (or click on the map) opens a person's page."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "account-contacts", _("New contact…"), parent)
        self.table.opened.disconnect()
        self.table.opened.connect(ctx.notifier.open_contact.emit)
        self.map.contact_clicked.connect(ctx.notifier.open_contact.emit)

    def arrange(self, table_part: QWidget) -> None:
        self.map = RelationshipMap()
        scroll = QScrollArea()
        scroll.setObjectName("relationship-map-area")
        scroll.setWidgetResizable(True)  # the map fills the view, and scrolls when larger
        scroll.setWidget(self.map)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(table_part)
        split.addWidget(scroll)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([560, 640])  # room for the table's columns; the map scrolls
        QVBoxLayout(self).addWidget(split)

    def columns(self) -> list[Column[Contact]]:
        return [
            Column(_("Name"), lambda c: c.name),
            Column(_("Title"), lambda c: c.title, stretch=True),
            Column(_("Level"), lambda c: label(c.level)),
            Column(
                _("Attitude"),
                lambda c: label(c.attitude),
                colour=lambda c: ATTITUDE_COLOURS.get(c.attitude) if c.attitude else None,
            ),
            Column(
                _("Strength"),
                lambda c: strength_dots(c.strength),
                tip=lambda c: f"{c.strength}/5" if c.strength else _("unknown"),
            ),
            Column(_("Phone"), lambda c: c.phones[0] if c.phones else ""),
        ]

    def service(self) -> Any:
        return self.ctx.wb.contacts

    def describe(self, record: Contact) -> str:
        return record.name

    def set_rows(self, scope: Scope, rows: Any) -> None:
        super().set_rows(scope, rows)
        self.map.set_people([Person.of(c) for c in rows])

    def new_dialog(self) -> FormDialog:
        return new_contact_dialog(self, self.ctx, self.scope)

    def edit_dialog(self, record: Contact) -> FormDialog:
        return edit_contact_dialog(self, self.ctx, self.scope, record)
