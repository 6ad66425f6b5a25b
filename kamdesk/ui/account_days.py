"""The Anniversaries tab: each day as it was written and where it falls this year, and the
dialog that enters a day in the solar or the lunar calendar."""

from __future__ import annotations

import calendar as solar_calendar
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.calendar_days import Recurring, occurrence
from kamdesk.domain.enums import CalendarKind, Sensitivity
from kamdesk.domain.errors import KamdeskError, ValidationError
from kamdesk.domain.labels import label
from kamdesk.domain.lunar import LAST_YEAR
from kamdesk.i18n import _
from kamdesk.services.account_view import this_year
from kamdesk.storage.models import Anniversary
from kamdesk.ui.account_records import first_line
from kamdesk.ui.account_tables import Column, RecordsTab, Scope
from kamdesk.ui.context import Context, creation, edit
from kamdesk.ui.fmt import day as day_text
from kamdesk.ui.forms import SENSITIVE_MARK, Field, Form, GuardedDialog, Kind, choice_field
from kamdesk.ui.lunar_picker import LunarDatePicker, YearBox, rule_note, written
from kamdesk.ui.record_fields import anniversary_kind_field

DATE_FIELDS = ("calendar", "month", "day", "leap_month", "year")
SOLAR_NO_YEAR = 1899
"""The solar year box at this value means the year is not known (1900 is the first allowed)."""


def who_fields(people: list[tuple[str, str]]) -> list[Field]:
    return [
        Field("contact_id", _("Person"), Kind.CHOICE, people, hint=_("blank: the company's day")),
        Field(
            "family_member",
            _("Family member"),
            sensitivity=Sensitivity.SENSITIVE,
            hint=_("e.g. 女儿 小雨; blank when it is the person's own day"),
        ),
        anniversary_kind_field(),
    ]


def more_fields() -> list[Field]:
    return [
        Field("lead_days", _("Remind days ahead"), Kind.NUMBER, hint=_("0 to 90")),
        Field("note", _("Note"), Kind.LONG_TEXT),
        choice_field("sensitivity", _("Sensitivity"), Sensitivity, required=True),
    ]


class SolarDayPicker(QWidget):
    """Year (optional), month and day; 29 February only where the year allows it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self.year = YearBox(self.today, SOLAR_NO_YEAR)
        self.year.setObjectName("solar-year")
        self.month = QComboBox()
        self.month.setObjectName("solar-month")
        for number in range(1, 13):
            self.month.addItem(QLocale().standaloneMonthName(number), number)
        self.day = QComboBox()
        self.day.setObjectName("solar-day")
        self.resolved = QLabel()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.year, 2)
        row.addWidget(self.month, 2)
        row.addWidget(self.day, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.resolved)
        self._fill_days(1)
        self.year.valueChanged.connect(self._refill)
        self.month.currentIndexChanged.connect(self._refill)
        self.day.currentIndexChanged.connect(self._changed)
        self._show_resolved()

    def value(self) -> tuple[int, int, int | None]:
        return int(self.month.currentData()), int(self.day.currentData()), self.year.year()

    def set_value(self, month: int, day: int, year: int | None = None) -> None:
        for widget in (self.year, self.month):
            widget.blockSignals(True)
        self.year.set_year(year)
        self.month.setCurrentIndex(month - 1)
        for widget in (self.year, self.month):
            widget.blockSignals(False)
        self._fill_days(day)
        self._changed()

    def _fill_days(self, day: int) -> None:
        year = self.year.year()
        longest = solar_calendar.monthrange(year or 2000, int(self.month.currentData()))[1]
        self.day.blockSignals(True)
        self.day.clear()
        for number in range(1, longest + 1):
            self.day.addItem(str(number), number)
        self.day.setCurrentIndex(min(max(day, 1), longest) - 1)
        self.day.blockSignals(False)

    def _refill(self) -> None:
        self._fill_days(int(self.day.currentData() or 1))
        self._changed()

    def _changed(self) -> None:
        self._show_resolved()
        self.changed.emit()

    def _show_resolved(self) -> None:
        month, day, _year = self.value()
        if self.today.year > LAST_YEAR:
            self.resolved.setText("")
            return
        found = occurrence(Recurring(CalendarKind.SOLAR, month, day), self.today.year)
        text = _("This year: {d}").format(d=day_text(found.date))
        note = rule_note(found.rule)
        self.resolved.setText(f"{text} — {note}" if note else text)


class AnniversaryDialog(GuardedDialog):
    """Who, what occasion, and the day in the solar or lunar calendar; Save keeps the dialog
    open with the problems shown beside their fields when the day cannot be stored."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        scope: Scope,
        submit: Callable[[dict[str, Any]], Any],
        values: dict[str, Any],
        *,
        only_changes: bool = False,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.submit = submit
        self.only_changes = only_changes
        self.result_value: Any = None
        self.who = Form(who_fields(scope.people()))
        self.solar_button = QRadioButton(_("Solar calendar (公历)"))
        self.lunar_button = QRadioButton(_("Lunar calendar (农历)"))
        kinds = QButtonGroup(self)
        kinds.addButton(self.solar_button)
        kinds.addButton(self.lunar_button)
        self.solar = SolarDayPicker(today=today)
        self.lunar = LunarDatePicker(today=today)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.solar)
        self.pages.addWidget(self.lunar)
        self.pages.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.date_problem = QLabel()
        self.date_problem.setObjectName("date-problem")
        self.date_problem.setStyleSheet("color: #c0392b")
        self.date_problem.setWordWrap(True)
        self.date_problem.hide()
        box = QGroupBox(_("Day"))
        switch = QHBoxLayout()
        switch.addWidget(self.solar_button)
        switch.addWidget(self.lunar_button)
        switch.addStretch(1)
        inside = QVBoxLayout(box)
        inside.addLayout(switch)
        inside.addWidget(self.pages)
        inside.addWidget(self.date_problem)
        self.more = Form(more_fields())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(box)
        layout.addWidget(self.more)
        layout.addWidget(buttons)
        self.solar_button.toggled.connect(self._calendar_switched)
        self.who.set_values(values)
        self.more.set_values(values)
        self._set_day(values)
        self.initial_day = self.day_values()
        self._sensitivity_touched = False
        family = self.who.editor("family_member")
        assert isinstance(family, QLineEdit)
        family.textChanged.connect(self._family_typed)
        sensitivity = self.more.editor("sensitivity")
        assert isinstance(sensitivity, QComboBox)
        sensitivity.activated.connect(self._sensitivity_chosen)
        self.resize(540, 560)

    # the day -------------------------------------------------------------------------------
    def _set_day(self, values: dict[str, Any]) -> None:
        lunar = values.get("calendar") == CalendarKind.LUNAR
        month, day = values.get("month") or 1, values.get("day") or 1
        if lunar:
            self.lunar.set_value(month, day, bool(values.get("leap_month")), values.get("year"))
        else:
            self.solar.set_value(month, day, values.get("year"))
        (self.lunar_button if lunar else self.solar_button).setChecked(True)
        self._calendar_switched()

    def set_lunar(self, lunar: bool) -> None:
        (self.lunar_button if lunar else self.solar_button).setChecked(True)

    def _calendar_switched(self) -> None:
        self.pages.setCurrentWidget(self.lunar if self.lunar_button.isChecked() else self.solar)

    def day_values(self) -> dict[str, Any]:
        if self.lunar_button.isChecked():
            chosen = self.lunar.value()
            return {
                "calendar": CalendarKind.LUNAR,
                "month": chosen.month,
                "day": chosen.day,
                "leap_month": chosen.leap,
                "year": chosen.year,
            }
        month, day, year = self.solar.value()
        return {
            "calendar": CalendarKind.SOLAR,
            "month": month,
            "day": day,
            "leap_month": False,
            "year": year,
        }

    # family days are sensitive unless the user says otherwise -----------------------------------
    def _sensitivity_chosen(self) -> None:
        self._sensitivity_touched = True

    def _family_typed(self, text: str) -> None:
        if text.strip() and not self._sensitivity_touched:
            combo = self.more.editor("sensitivity")
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(max(combo.findData(Sensitivity.SENSITIVE), 0))

    # saving ----------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {**self.who.values(), **self.day_values(), **self.more.values()}

    def changed(self) -> dict[str, Any]:
        now = self.day_values()
        day = {k: v for k, v in now.items() if v != self.initial_day.get(k)}
        return {**self.who.changed(), **day, **self.more.changed()}

    def save(self) -> None:
        values = self.changed() if self.only_changes else self.values()
        if self.only_changes and not values:
            self.accept()
            return
        try:
            self.result_value = self.submit(values)
        except KamdeskError as exc:
            self.show_problems(exc)
            return
        self.accept()

    def show_problems(self, error: KamdeskError) -> None:
        problems = error.problems if isinstance(error, ValidationError) else []
        on_day = [p for p in problems if p.field in DATE_FIELDS]
        more = [p for p in problems if p.field in self.more.rows]
        rest = [p for p in problems if p not in on_day and p not in more]
        if problems:
            for form, mine in ((self.who, rest), (self.more, more)):
                if mine:
                    form.show_problems(ValidationError(mine))
                else:
                    form.clear_problems()
        else:
            self.who.show_problems(error)
        self.date_problem.setText("\n".join(p.message for p in on_day))
        self.date_problem.setVisible(bool(on_day))

    def has_changes(self) -> bool:
        return bool(self.changed())


def _sort_key(row: Anniversary, year: int) -> tuple[int, date]:
    found = this_year(row, year)
    return (0, found.date) if found else (1, date.max)


class AnniversariesTab(RecordsTab[Anniversary]):
    """Birthdays, weddings and company days, in the order they come this year."""

    def __init__(
        self,
        ctx: Context,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.today = today
        super().__init__(ctx, "anniversaries", _("New anniversary…"), parent)

    def columns(self) -> list[Column[Anniversary]]:
        return [
            Column(_("Person"), self._whose),
            Column(_("Occasion"), lambda a: label(a.kind)),
            Column(
                _("Date as written"),
                lambda a: written(a.calendar, a.month, a.day, a.leap_month, a.year),
            ),
            Column(
                _("This year"),
                self._this_year,
                tip=lambda a: rule_note(found.rule) if (found := self._found(a)) else "",
            ),
            Column(_("Remind days ahead"), lambda a: str(a.lead_days), centred=True),
            Column(_("Note"), lambda a: first_line(a.note), tip=lambda a: a.note, stretch=True),
        ]

    def _found(self, row: Anniversary) -> Any:
        return this_year(row, self.today().year)

    def _this_year(self, row: Anniversary) -> str:
        found = self._found(row)
        if found is None:
            return ""
        return day_text(found.date) + (" *" if found.rule else "")

    def _whose(self, row: Anniversary) -> str:
        name = self.scope.name_of(row.contact_id)
        if row.family_member:
            whose = _("{m} (family of {n})").format(m=row.family_member, n=name)
            return f"{SENSITIVE_MARK} {whose}"
        return name or _("the company")

    def set_rows(self, scope: Scope, rows: Any) -> None:
        year = self.today().year
        super().set_rows(scope, sorted(rows, key=lambda row: _sort_key(row, year)))

    def service(self) -> Any:
        return self.ctx.wb.anniversaries

    def describe(self, record: Anniversary) -> str:
        return f"{self._whose(record)}: {label(record.kind)}"

    def new_dialog(self) -> AnniversaryDialog:
        wb, scope, ctx = self.ctx.wb, self.scope, self.ctx

        def submit(values: dict[str, Any]) -> Any:
            given = {k: v for k, v in values.items() if v is not None and v != ""}

            def make() -> Anniversary:
                return wb.anniversaries.create(account_id=scope.account_id, **given)

            return ctx.commit(creation(ctx, _("New anniversary"), make, wb.anniversaries))

        defaults = {
            "contact_id": scope.contact_id,
            "lead_days": 7,
            "sensitivity": Sensitivity.NORMAL,
        }
        return AnniversaryDialog(
            self, _("New anniversary"), scope, submit, defaults, today=self.today()
        )

    def edit_dialog(self, record: Anniversary) -> AnniversaryDialog:
        fields = [*DATE_FIELDS, *(f.name for f in who_fields([])), *(f.name for f in more_fields())]
        before = {name: getattr(record, name) for name in fields}
        ctx = self.ctx

        def submit(changed: dict[str, Any]) -> Any:
            old = {name: before[name] for name in changed}
            return ctx.commit(
                edit(ctx, _("Edit anniversary"), ctx.wb.anniversaries, record.id, old, changed)
            )

        return AnniversaryDialog(
            self,
            _("Edit anniversary"),
            self.scope,
            submit,
            before,
            only_changes=True,
            today=self.today(),
        )
