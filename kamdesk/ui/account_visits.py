"""The Visits tab: the visit log with who was met, and a quick dialog to log a visit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.errors import KamdeskError, ValidationError
from kamdesk.domain.labels import label
from kamdesk.i18n import _
from kamdesk.services.account_view import VisitLine
from kamdesk.ui.account_records import first_line
from kamdesk.ui.account_tables import Column, RecordsTab, Scope, without_blank_numbers
from kamdesk.ui.context import Change, Context, creation
from kamdesk.ui.fmt import day, moment
from kamdesk.ui.forms import Field, Form, GuardedDialog
from kamdesk.ui.record_fields import visit_fields
from kamdesk.ui.relationship_map import strength_dots

QUICK = ("kind", "purpose", "summary", "follow_up_on", "cost", "satisfaction")
"""The fields of the quick New visit dialog; Edit shows them all."""
PEOPLE_COLUMNS = 3


def quick_fields() -> list[Field]:
    return [f for f in visit_fields() if f.name in QUICK]


class VisitDialog(GuardedDialog):
    """When, the visit's fields and the contacts met (ticked); `submit(values, contact_ids)`."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        scope: Scope,
        fields: Sequence[Field],
        submit: Callable[[dict[str, Any], list[str]], Any],
        values: dict[str, Any],
        met: Sequence[str] = (),
        *,
        only_changes: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.submit = submit
        self.only_changes = only_changes
        self.result_value: Any = None
        self.when = QDateTimeEdit()
        self.when.setObjectName("occurred_at")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        occurred = values.get("occurred_at") or datetime.now().replace(second=0, microsecond=0)
        self.when.setDateTime(
            QDateTime(
                QDate(occurred.year, occurred.month, occurred.day),
                QTime(occurred.hour, occurred.minute),
            )
        )
        self.initial_when = self.occurred_at()
        self.when_problem = _problem_label()
        top = QFormLayout()
        top.addRow(_("When") + " *", self.when)
        top.addRow("", self.when_problem)
        self.form = Form(fields)
        self.form.set_values(values)
        self.people: dict[str, QCheckBox] = {}
        box = QGroupBox(_("Contacts met"))
        grid = QGridLayout(box)
        for number, contact in enumerate(scope.contacts):
            tick = QCheckBox(contact.name)
            tick.setObjectName(f"met-{contact.id}")
            tick.setToolTip(contact.title or "")
            tick.setChecked(contact.id in met)
            self.people[contact.id] = tick
            grid.addWidget(tick, number // PEOPLE_COLUMNS, number % PEOPLE_COLUMNS)
        if not scope.contacts:
            grid.addWidget(QLabel(_("The account has no contacts yet.")), 0, 0)
        self.initial_met = self.contact_ids()
        self.people_problem = _problem_label()
        grid.addWidget(self.people_problem, grid.rowCount(), 0, 1, PEOPLE_COLUMNS)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.addLayout(top)
        column.addWidget(self.form)
        column.addWidget(box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(600, min(260 + 60 * len(fields), 760))

    def occurred_at(self) -> datetime:
        value = self.when.dateTime().toPython()
        assert isinstance(value, datetime)
        return value.replace(second=0, microsecond=0)

    def contact_ids(self) -> list[str]:
        return [cid for cid, tick in self.people.items() if tick.isChecked()]

    def values(self) -> dict[str, Any]:
        return {"occurred_at": self.occurred_at(), **self.form.values()}

    def changed(self) -> dict[str, Any]:
        found = self.form.changed()
        if self.occurred_at() != self.initial_when:
            found["occurred_at"] = self.occurred_at()
        return found

    def _dirty(self) -> bool:
        return bool(self.changed()) or self.contact_ids() != self.initial_met

    def save(self) -> None:
        if self.only_changes and not self._dirty():
            self.accept()
            return
        values = self.changed() if self.only_changes else self.values()
        try:
            self.result_value = self.submit(values, self.contact_ids())
        except KamdeskError as exc:
            self.show_problems(exc)
            return
        self.accept()

    def show_problems(self, error: KamdeskError) -> None:
        problems = error.problems if isinstance(error, ValidationError) else []
        when = [p.message for p in problems if p.field == "occurred_at"]
        people = [p.message for p in problems if p.field == "contacts"]
        rest = [p for p in problems if p.field not in ("occurred_at", "contacts")]
        if rest or not problems:
            self.form.show_problems(ValidationError(rest) if rest else error)
        else:
            self.form.clear_problems()
        for target, lines in ((self.when_problem, when), (self.people_problem, people)):
            target.setText("\n".join(lines))
            target.setVisible(bool(lines))

    def has_changes(self) -> bool:
        return bool(self._dirty())


def _problem_label() -> QLabel:
    found = QLabel()
    found.setStyleSheet("color: #c0392b")
    found.setWordWrap(True)
    found.hide()
    return found


class VisitsTab(RecordsTab[VisitLine]):
    """The visit log, newest first; on a contact page, the visits that person was at."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "visits", _("New visit…"), parent)

    def columns(self) -> list[Column[VisitLine]]:
        return [
            Column(_("When"), lambda v: moment(v.visit.occurred_at)),
            Column(_("Kind"), lambda v: label(v.visit.kind)),
            Column(
                _("Purpose"),
                lambda v: first_line(v.visit.purpose or v.visit.summary),
                tip=lambda v: v.visit.summary,
                stretch=True,
            ),
            Column(_("Contacts met"), lambda v: "、".join(m.name for m in v.met)),
            Column(_("Follow up on"), lambda v: day(v.visit.follow_up_on)),
            Column(
                _("Satisfaction"),
                lambda v: strength_dots(v.visit.satisfaction),
                tip=lambda v: f"{v.visit.satisfaction}/5" if v.visit.satisfaction else "",
            ),
            Column(
                _("Cost"),
                lambda v: QLocale().toString(v.visit.cost) if v.visit.cost else "",
            ),
        ]

    def service(self) -> Any:
        return self.ctx.wb.visits

    def describe(self, record: VisitLine) -> str:
        return _("the visit of {d}").format(d=day(record.visit.occurred_at))

    def new_dialog(self) -> VisitDialog:
        ctx, scope = self.ctx, self.scope
        fields = quick_fields()

        def submit(values: dict[str, Any], contact_ids: list[str]) -> Any:
            given = {
                k: v
                for k, v in without_blank_numbers(values, fields).items()
                if v not in (None, "")
            }

            def make() -> Any:
                return ctx.wb.visits.log(scope.account_id, contact_ids, **given)

            return ctx.commit(creation(ctx, _("New visit"), make, ctx.wb.visits))

        met = [scope.contact_id] if scope.contact_id else []
        return VisitDialog(self, _("New visit"), scope, fields, submit, {}, met)

    def edit_dialog(self, record: VisitLine) -> VisitDialog:
        ctx, visit = self.ctx, record.visit
        fields = visit_fields()
        before = {f.name: getattr(visit, f.name) for f in fields}
        before["occurred_at"] = visit.occurred_at
        old_met = [m.id for m in record.met]

        def submit(changed: dict[str, Any], contact_ids: list[str]) -> Any:
            old = {name: before[name] for name in changed}
            visits = ctx.wb.visits

            def do() -> None:
                if changed:
                    visits.update(visit.id, **changed)
                if contact_ids != old_met:
                    try:
                        visits.set_contacts(visit.id, contact_ids)
                    except Exception:
                        if old:  # nothing half-saved: put the fields back too
                            visits.update(visit.id, **old)
                        raise

            def undo() -> None:
                if old:
                    visits.update(visit.id, **old)
                if contact_ids != old_met:
                    visits.set_contacts(visit.id, old_met)

            return ctx.commit(Change(_("Edit visit"), do, undo, ctx.notifier))

        return VisitDialog(
            self, _("Edit visit"), self.scope, fields, submit, before, old_met, only_changes=True
        )
