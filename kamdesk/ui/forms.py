"""Record forms: fields declared once, Save / Cancel, problems shown beside the field they are
about, and a question before unsaved changes are thrown away."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.enums import Choice, Sensitivity
from kamdesk.domain.errors import KamdeskError, ValidationError
from kamdesk.domain.labels import label
from kamdesk.i18n import _
from kamdesk.ui.errors import sentence

UNSET_DATE = QDate(1900, 1, 1)
"""A date field at this value shows blank and means 'not set'."""

SENSITIVE_MARK = "⚠"
"""Marks private fields; a character the bundled font has, so it never shows as a box."""


class Kind(Enum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    NUMBER = "number"
    DATE = "date"
    CHOICE = "choice"
    FLAG = "flag"
    LIST = "list"  # comma-separated in the form, a list in the record


@dataclass(frozen=True)
class Field:
    """One field of a form: the record attribute, its label and how it is edited."""

    name: str
    label: str
    kind: Kind = Kind.TEXT
    choices: Sequence[tuple[str, Any]] = ()  # (label, value); None is offered when not required
    required: bool = False
    sensitivity: Sensitivity = Sensitivity.NORMAL
    hint: str = ""


def choice_field(
    name: str, text: str, kind: type[Choice], *, required: bool = False, **extra: Any
) -> Field:
    """A pick list of every member of an enum, labelled in the interface language."""
    options = [(label(member), member) for member in kind]
    return Field(name, text, Kind.CHOICE, options, required=required, **extra)


class DateField(QDateEdit):
    """A date that may be left blank (shown empty)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(UNSET_DATE)
        self.setSpecialValueText(" ")
        self.setDate(UNSET_DATE)

    def value(self) -> date | None:
        chosen = self.date()
        return None if chosen == UNSET_DATE else date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else UNSET_DATE)


@dataclass
class _Row:
    spec: Field
    editor: QWidget
    message: QLabel
    initial: Any = field(default=None)


class Form(QWidget):
    """Editors for a list of fields, each with a line for its problem."""

    def __init__(self, fields: Sequence[Field], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[str, _Row] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general = QLabel()
        self.general.setStyleSheet("color: #c0392b")
        self.general.setWordWrap(True)
        self.general.hide()
        layout.addRow(self.general)
        for spec in fields:
            editor = self._editor(spec)
            editor.setObjectName(spec.name)
            if spec.hint:
                editor.setToolTip(spec.hint)
            message = QLabel()
            message.setStyleSheet("color: #c0392b")
            message.setWordWrap(True)
            message.hide()
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(editor)
            column.addWidget(message)
            text = spec.label + (" *" if spec.required else "")
            if spec.sensitivity is not Sensitivity.NORMAL:
                text = f"{SENSITIVE_MARK} {text}"
                editor.setToolTip(
                    _("Sensitive: left out of shared dossiers and HQ exports")
                    if spec.sensitivity is Sensitivity.SENSITIVE
                    else _("Personal detail")
                )
            layout.addRow(text, holder)
            self.rows[spec.name] = _Row(spec, editor, message)

    @staticmethod
    def _editor(spec: Field) -> QWidget:
        match spec.kind:
            case Kind.LONG_TEXT:
                box = QPlainTextEdit()
                box.setTabChangesFocus(True)
                box.setMinimumHeight(60)
                return box
            case Kind.DATE:
                return DateField()
            case Kind.CHOICE:
                combo = QComboBox()
                if not spec.required:
                    combo.addItem("", None)
                for text, value in spec.choices:
                    combo.addItem(text, value)
                return combo
            case Kind.FLAG:
                return QCheckBox()
            case _:
                line = QLineEdit()
                if spec.kind is Kind.NUMBER:
                    line.setAlignment(Qt.AlignmentFlag.AlignRight)
                    line.setPlaceholderText("0")
                return line

    def editor(self, name: str) -> QWidget:
        return self.rows[name].editor

    def set_values(self, values: dict[str, Any]) -> None:
        for name, row in self.rows.items():
            self._put(row, values.get(name))
        for row in self.rows.values():
            row.initial = self._get(row)

    def values(self) -> dict[str, Any]:
        return {name: self._get(row) for name, row in self.rows.items()}

    def changed(self) -> dict[str, Any]:
        """Only the fields whose value differs from what was loaded."""
        return {n: v for n, r in self.rows.items() if (v := self._get(r)) != r.initial}

    def _put(self, row: _Row, value: Any) -> None:
        editor = row.editor
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText("" if value is None else str(value))
        elif isinstance(editor, DateField):
            editor.set_value(value)
        elif isinstance(editor, QComboBox):
            found = editor.findData(value)
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QLineEdit):
            if isinstance(value, list | tuple):
                editor.setText(", ".join(str(v) for v in value))
            else:
                editor.setText("" if value is None else str(value))

    def _get(self, row: _Row) -> Any:
        editor = row.editor
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if isinstance(editor, DateField):
            return editor.value()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QLineEdit):
            text = editor.text()
            if row.spec.kind is Kind.LIST:
                return [part.strip() for part in text.replace("，", ",").split(",") if part.strip()]
            if row.spec.kind is Kind.NUMBER and not text.strip():
                return 0  # amounts left blank count as none
            return text
        return None

    def show_problems(self, error: KamdeskError) -> None:
        """Each problem beside its field; the rest above the form."""
        self.clear_problems()
        loose: list[str] = []
        problems = error.problems if isinstance(error, ValidationError) else []
        for problem in problems:
            row = self.rows.get(problem.field)
            if row is None:
                loose.append(problem.message)
            else:
                row.message.setText(problem.message)
                row.message.show()
        if not problems:
            loose.append(sentence(error))
        if loose:
            self.general.setText("\n".join(loose))
            self.general.show()
        first = next((r for r in self.rows.values() if r.message.isVisible()), None)
        if first is not None:
            first.editor.setFocus()

    def clear_problems(self) -> None:
        self.general.hide()
        for row in self.rows.values():
            row.message.hide()


class GuardedDialog(QDialog):
    """A dialog that asks before Cancel, Escape or closing throw away what was typed."""

    def has_changes(self) -> bool:
        raise NotImplementedError

    def reject(self) -> None:
        if self.has_changes() and not self._discard_ok():
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.has_changes() and not self._discard_ok():
            event.ignore()
            return
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape goes through reject() and its question (QDialog would skip it when hidden).
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)

    def _discard_ok(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            _("Discard the changes you made?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard


class FormDialog(GuardedDialog):
    """A form with Save / Cancel. `submit(values)` saves; a domain error keeps the dialog open
    with the problems shown, so nothing typed is lost."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        fields: Sequence[Field],
        submit: Callable[[dict[str, Any]], Any],
        values: dict[str, Any] | None = None,
        *,
        only_changes: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.submit = submit
        self.only_changes = only_changes
        self.result_value: Any = None
        self.form = Form(fields)
        self.form.set_values(values or {})
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setShortcut(
            QKeySequence.StandardKey.Save
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(560, min(120 + 56 * len(fields), 720))

    def save(self) -> None:
        values = self.form.changed() if self.only_changes else self.form.values()
        if self.only_changes and not values:
            self.accept()
            return
        try:
            self.result_value = self.submit(values)
        except KamdeskError as exc:
            self.form.show_problems(exc)
            return
        self.accept()

    def has_changes(self) -> bool:
        return bool(self.form.changed())
