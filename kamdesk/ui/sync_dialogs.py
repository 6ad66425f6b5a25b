"""Exchange by file on the desktop, the parts the export and the import share: the words for
tables, fields and kinds of package, and this installation's key and the keys it trusts
(register, save). The export dialog is in `sync_export.py`, the import in `sync_import.py`;
each mirrors a command of `kamdesk/cli/sync.py` over the same `SyncService`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, BinaryIO

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from kamdesk.domain.errors import KamdeskError
from kamdesk.i18n import _
from kamdesk.sync.keys import KeyFileError, PublicCard
from kamdesk.sync.service import PeerRow
from kamdesk.ui import errors
from kamdesk.ui.context import Context
from kamdesk.ui.files import ask_open_path, ask_save_path, last_folder, tell

FOLDER_KEY = "sync/folder"
"""The folder a package or key file was last saved to or opened from."""
PACKAGE_SUFFIX = "kamx"
KEY_SUFFIX = "pub"
# words ------------------------------------------------------------------------------------------


def table_title(table: str) -> str:
    """The name of a kind of record, as counts and previews show it."""
    titles = {
        "accounts": _("Accounts"),
        "contacts": _("Contacts"),
        "anniversaries": _("Anniversaries"),
        "visits": _("Visits"),
        "customer_issues": _("Issues"),
        "preferences": _("Preferences"),
        "greetings": _("Greetings"),
        "account_years": _("Yearly figures"),
        "point_entries": _("Points entries"),
    }
    return titles.get(table, table)


def kind_title(kind: str) -> str:
    """A kind of package as the history and the export dialog name it."""
    titles = {
        "hq": _("To headquarters"),
        "handover": _("Handover"),
        "backup": _("Backup"),
        "from-hq": _("From headquarters"),
    }
    return titles.get(kind, kind)


def field_title(table: str, name: str) -> str:
    """A field's label on its form (falls back to the column name)."""
    from kamdesk.ui.record_fields import (
        account_fields,
        contact_fields,
        issue_fields,
        preference_fields,
        visit_fields,
    )

    if name == "deleted_at":
        return _("Deleted")
    if (table, name) == ("anniversaries", "family_member"):
        return _("Family member")
    forms = {
        "accounts": account_fields,
        "contacts": contact_fields,
        "visits": visit_fields,
        "customer_issues": lambda: issue_fields([]),
        "preferences": lambda: preference_fields([]),
    }
    form = forms.get(table)
    labels = {f.name: f.label for f in form()} if form is not None else {}
    return labels.get(name, name)


def value_text(name: str, value: Any) -> str:
    """A stored value of a conflict, in words."""
    if name == "deleted_at":
        return _("deleted") if value else _("not deleted")
    if value is None or value == "" or value == []:
        return _("(empty)")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _fixed(label: QLabel) -> QLabel:
    label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _note(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def _buttons(dialog: QDialog, ok_text: str | None) -> QDialogButtonBox:
    """OK (the default, renamed `ok_text`) and Cancel; with no `ok_text`, only Close."""
    if ok_text is None:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(dialog.reject)
        return box
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setDefault(True)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


# keys -----------------------------------------------------------------------------------------


class KeyDialog(QDialog):
    """Who a key card belongs to, to compare on the phone before trusting it; asks before a
    different key replaces the one registered for the same installation."""

    def __init__(
        self, card: PublicCard, known: PeerRow | None, intro: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Register a key"))
        self.setObjectName("register-key")
        self.card = card
        self.replacing = known is not None and known.fingerprint != card.fingerprint
        self.fingerprint = _fixed(QLabel(card.fingerprint))
        self.fingerprint.setObjectName("key-fingerprint")
        self.hq = QCheckBox(_("This is headquarters' key"))
        self.hq.setChecked(known is not None and known.is_hq)
        form = QFormLayout(self)
        form.addRow(_note(intro))
        form.addRow(_("Name"), QLabel(card.name or _("(no name)")))
        form.addRow(_("Installation id"), _fixed(QLabel(card.installation_id)))
        form.addRow(_("Fingerprint"), self.fingerprint)
        form.addRow(
            _note(
                _(
                    "Compare the fingerprint with its owner by phone: the same 32 characters "
                    "mean the key is really theirs."
                )
            )
        )
        self.warning = _note(name="key-replaces")
        if known is not None and self.replacing:
            self.warning.setText(
                _(
                    "{who} is already registered with a different key (fingerprint {old}). "
                    "Replace it only if they told you they have a new one."
                ).format(who=known.name or known.installation_id, old=known.fingerprint)
            )
            form.addRow(self.warning)
        form.addRow(self.hq)
        form.addRow(_buttons(self, _("Replace the key") if self.replacing else _("Register")))


def register_card(parent: QWidget, ctx: Context, card: PublicCard, intro: str) -> PeerRow | None:
    """Ask to confirm `card`, then register it (None when declined or refused)."""
    known = next(
        (p for p in ctx.wb.sync.peers() if p.installation_id == card.installation_id), None
    )
    dialog = KeyDialog(card, known, intro, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    try:
        return ctx.wb.sync.register(card, hq=dialog.hq.isChecked(), replace=dialog.replacing)
    except KamdeskError as exc:
        errors.show_error(parent, exc)
        return None


def register_key_file(parent: QWidget, ctx: Context) -> PeerRow | None:
    """Pick another installation's key file, confirm who it is, register it."""
    path = ask_open_path(
        parent, _("Register a key file"), last_folder(ctx.settings, FOLDER_KEY), KEY_SUFFIX
    )
    if path is None:
        return None
    try:
        card = PublicCard.from_text(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        errors.show_error(parent, exc)
        return None
    except (UnicodeDecodeError, KeyFileError) as exc:
        reason = str(exc) if isinstance(exc, KeyFileError) else _("it is not text")
        problem = _("{p} is not a kamdesk key file: {e}").format(p=path.name, e=reason)
        errors.show_error(parent, KeyFileError(problem))
        return None
    ctx.settings.setValue(FOLDER_KEY, str(path.parent))
    return register_card(
        parent, ctx, card, _("Trust packages signed by this key, and let exports be sealed to it?")
    )


def save_key_file(parent: QWidget, ctx: Context) -> Path | None:
    """Write this installation's public key card where the user says."""
    from kamdesk.interchange.files import replace_atomically

    card = ctx.wb.sync.public_card()
    suggested = last_folder(ctx.settings, FOLDER_KEY) / f"{card.name or 'kamdesk'}.{KEY_SUFFIX}"
    path = ask_save_path(parent, _("Save my key file"), suggested, KEY_SUFFIX)
    if path is None:
        return None

    def write(out: BinaryIO) -> None:
        out.write(card.to_text().encode("utf-8"))

    try:
        replace_atomically(path, write)
    except KamdeskError as exc:
        errors.show_error(parent, exc)
        return None
    ctx.settings.setValue(FOLDER_KEY, str(path.parent))
    tell(parent, _("Saved {p}; fingerprint {f}").format(p=path, f=card.fingerprint))
    return path
