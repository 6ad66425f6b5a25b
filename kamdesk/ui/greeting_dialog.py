"""Logging a greeting from the agenda: to whom, how, and the text — suggested by the greeting
service, editable, and with the service's repeat warnings shown before anything is saved."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.calendar_days import FESTIVALS
from kamdesk.domain.enums import AnniversaryKind, CalendarKind, GreetingChannel
from kamdesk.domain.errors import KamdeskError, ValidationError
from kamdesk.domain.greeting_templates import occasion_key
from kamdesk.domain.labels import label
from kamdesk.i18n import _
from kamdesk.services.agenda import FESTIVAL, AgendaItem
from kamdesk.services.greetings import REPEAT_OCCASION_DAYS, same_text
from kamdesk.services.workbench import Workbench
from kamdesk.storage.models import Greeting
from kamdesk.ui.context import Change, Context
from kamdesk.ui.errors import sentence
from kamdesk.ui.fmt import qdate


def plain_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def occasion_of(wb: Workbench, item: AgendaItem) -> str:
    """The greeting occasion of an anniversary or festival item: birthday, lunar_birthday,
    mid_autumn … (the keys of the built-in texts)."""
    if item.kind == FESTIVAL:
        found = next((f.key for f in FESTIVALS if f.name_zh == item.title), None)
        return found or occasion_key(item.detail)
    if item.record_id is None:
        return "custom"
    day_ = wb.anniversaries.get(item.record_id)
    lunar = day_.calendar == CalendarKind.LUNAR
    if day_.kind == AnniversaryKind.BIRTHDAY and lunar and not day_.family_member:
        return "lunar_birthday"
    return str(day_.kind.value)


class GreetingDialog(QDialog):
    """Log a greeting: to whom, how, and the text — suggested, editable, with a warning when
    this person already had the same text, or a greeting for the occasion lately."""

    def __init__(self, ctx: Context, parent: QWidget | None, item: AgendaItem, today: date) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(_("Log greeting"))
        self.ctx = ctx
        self.item = item
        self.today = today
        self.occasion = occasion_of(ctx.wb, item)
        self.names: dict[str, str] = {}
        self.history: list[Greeting] = []
        self.suggested = ""
        self.result_value: Greeting | None = None

        self.who = QComboBox()
        self.who.setObjectName("greeting-contact")
        self.finder = QLineEdit()
        self.finder.setPlaceholderText(_("Find a contact: name, pinyin, initials or phone"))
        self.channel = QComboBox()
        for channel in GreetingChannel:
            self.channel.addItem(label(channel), channel)
        self.sent_on = QDateEdit(qdate(today))
        self.sent_on.setCalendarPopup(True)
        self.sent_on.setDisplayFormat("yyyy-MM-dd")
        self.text = QPlainTextEdit()
        self.text.setObjectName("greeting-text")
        self.text.setTabChangesFocus(True)
        self.warning = QLabel()
        self.warning.setObjectName("greeting-warning")
        self.warning.setStyleSheet("color: #b9770e")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c0392b")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(_("Occasion"), QLabel(item.title))
        if item.contact_id is None and item.account_id is None:
            form.addRow(_("Find"), self.finder)
        form.addRow(_("To"), self.who)
        form.addRow(_("Channel"), self.channel)
        form.addRow(_("Sent on"), self.sent_on)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(_("Text")))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(520, 380)

        self._fill_people()
        self.who.currentIndexChanged.connect(self._person_changed)
        self.finder.textChanged.connect(self._search)
        self.text.textChanged.connect(self.check)
        self.sent_on.dateChanged.connect(self.check)
        self._person_changed()

    def _fill_people(self) -> None:
        """The item's contact; for a day of the account, its people; for a festival, a search."""
        wb, item = self.ctx.wb, self.item
        if item.contact_id is not None:
            name = wb.contacts.get(item.contact_id).name
            self._set_people([(item.contact_id, name, name)])
            self.who.setEnabled(False)
        elif item.account_id is not None:
            people = wb.contacts.list(account_id=item.account_id)
            self._set_people([(p.id, p.name, f"{p.name} {p.title}".strip()) for p in people])

    def _set_people(self, people: Sequence[tuple[str, str, str]]) -> None:
        """(contact id, name, how the list shows them)."""
        self.who.blockSignals(True)
        self.who.clear()
        for contact_id, name, shown in people:
            self.names[contact_id] = name
            self.who.addItem(shown, contact_id)
        self.who.blockSignals(False)

    def _search(self, text: str) -> None:
        hits = self.ctx.wb.search(text, limit=30) if text.strip() else []
        self._set_people(
            [(h.id, h.name, f"{h.name} — {h.account_name}") for h in hits if h.kind == "contact"]
        )
        self._person_changed()

    def contact_id(self) -> str | None:
        value = self.who.currentData()
        return str(value) if value else None

    def _person_changed(self) -> None:
        contact_id = self.contact_id()
        wb = self.ctx.wb
        self.history = wb.greetings.history(contact_id) if contact_id else []
        suggestion, note = "", ""
        if contact_id:
            try:
                suggestion = wb.greetings.suggest(contact_id, self.occasion, today=self.today)
            except ValidationError:
                note = _("There is no suggested text for this occasion: write your own.")
            preferred = wb.contacts.get(contact_id).preferred_channel
            found = self.channel.findData(preferred.strip().lower()) if preferred else -1
            if found >= 0:
                self.channel.setCurrentIndex(found)
        typed = self.text.toPlainText()
        if not typed.strip() or typed == self.suggested:  # nothing of the user's to keep
            self.text.setPlainText(suggestion)
        self.suggested = suggestion
        self._say(self.problem, note)
        self.check()

    def warnings(self) -> list[str]:
        """What the log will warn about, said before saving (the same rules as the service)."""
        contact_id = self.contact_id()
        if not contact_id:
            return []
        name = self.names.get(contact_id, "")
        found = []
        wanted = same_text(self.text.toPlainText())
        same = [g.sent_on for g in self.history if wanted and same_text(g.text) == wanted]
        if same:
            found.append(_("the same text was sent to {n} on {d}").format(n=name, d=same[0]))
        on = plain_date(self.sent_on.date())
        key = occasion_key(self.occasion)
        window = timedelta(days=REPEAT_OCCASION_DAYS)
        recent = [
            g.sent_on for g in self.history if g.occasion == key and abs(g.sent_on - on) <= window
        ]
        if recent:
            found.append(
                _("{n} already had a {o} greeting on {d}").format(n=name, o=key, d=recent[0])
            )
        return found

    def check(self) -> None:
        self._say(self.warning, "\n".join(self.warnings()))

    @staticmethod
    def _say(where: QLabel, text: str) -> None:
        where.setText(text)
        where.setVisible(bool(text))

    def save(self) -> None:
        contact_id = self.contact_id()
        text = self.text.toPlainText().strip()
        if not contact_id:
            self._say(self.problem, _("Choose who the greeting went to."))
            return
        if not text:
            self._say(self.problem, _("Write the text that was sent."))
            return
        wb = self.ctx.wb
        channel = self.channel.currentData()
        on = plain_date(self.sent_on.date())
        made: dict[str, str] = {}

        def do() -> Greeting:
            if "id" in made:
                return wb.greetings.restore(made["id"])
            greeting, _warnings = wb.greetings.log(contact_id, self.occasion, channel, text, on)
            made["id"] = greeting.id
            return greeting

        def undo() -> object:
            return wb.greetings.delete(made["id"])

        what = _("Greeting to {n}").format(n=self.names.get(contact_id, ""))
        try:
            self.result_value = self.ctx.commit(Change(what, do, undo, self.ctx.notifier))
        except KamdeskError as exc:
            self._say(self.problem, sentence(exc))
            return
        self.accept()
