"""The Preferences and Issues tabs of the account page (and the contact page's preferences)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from kamdesk.domain.enums import IssueSeverity, IssueStatus, Sensitivity
from kamdesk.domain.labels import label
from kamdesk.i18n import _
from kamdesk.services.account_view import issue_age
from kamdesk.storage.models import CustomerIssue, Preference
from kamdesk.ui.account_tables import Column, RecordsTab, Snapshot, without_blank_numbers
from kamdesk.ui.context import Context, creation, edit
from kamdesk.ui.fmt import day
from kamdesk.ui.forms import SENSITIVE_MARK, Field, FormDialog
from kamdesk.ui.record_fields import issue_fields, preference_fields

LIKES, DISLIKES = QColor("#1e8449"), QColor("#c0392b")
SEVERE = QColor("#c0392b")
LATE = QColor("#c0392b")


def first_line(text: str, limit: int = 80) -> str:
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def new_record_dialog(
    parent: QWidget | None,
    ctx: Context,
    title: str,
    fields: Sequence[Field],
    service: Any,
    fixed: dict[str, Any],
    defaults: dict[str, Any],
) -> FormDialog:
    """A FormDialog that creates a record (with `fixed` values such as its account), undoably."""

    def submit(values: dict[str, Any]) -> Any:
        given = {k: v for k, v in without_blank_numbers(values, fields).items() if v is not None}

        def make() -> Any:
            return service.create(**fixed, **given)

        return ctx.commit(creation(ctx, title, make, service))

    return FormDialog(parent, title, fields, submit, defaults)


def edit_record_dialog(
    parent: QWidget | None,
    ctx: Context,
    title: str,
    fields: Sequence[Field],
    service: Any,
    record: Any,
) -> FormDialog:
    """A FormDialog that writes only what changed, undoably."""
    before = Snapshot.of(record, fields)

    def submit(changed: dict[str, Any]) -> Any:
        return ctx.commit(edit(ctx, title, service, record.id, before.old(changed), changed))

    return FormDialog(parent, title, fields, submit, before.values, only_changes=True)


class PreferencesTab(RecordsTab[Preference]):
    """Likes, dislikes and taboos, of a person or of the company as a whole."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "preferences", _("New preference…"), parent)

    def columns(self) -> list[Column[Preference]]:
        return [
            Column(_("Person"), lambda p: self.scope.name_of(p.contact_id) or _("the company")),
            Column(_("Category"), lambda p: label(p.category)),
            Column(_("What"), lambda p: p.value, tip=lambda p: p.note, stretch=True),
            Column(
                _("Likes / dislikes"),
                lambda p: _("likes") if p.likes else _("dislikes / avoid"),
                colour=lambda p: LIKES if p.likes else DISLIKES,
            ),
            Column(
                _("Sensitivity"),
                lambda p: (
                    f"{SENSITIVE_MARK} {label(p.sensitivity)}"
                    if p.sensitivity is not Sensitivity.NORMAL
                    else label(p.sensitivity)
                ),
            ),
        ]

    def service(self) -> Any:
        return self.ctx.wb.preferences

    def describe(self, record: Preference) -> str:
        who = self.scope.name_of(record.contact_id)
        return f"{who}: {record.value}" if who else record.value

    def new_dialog(self) -> FormDialog:
        return new_record_dialog(
            self,
            self.ctx,
            _("New preference"),
            preference_fields(self.scope.people()),
            self.ctx.wb.preferences,
            {"account_id": self.scope.account_id},
            {
                "contact_id": self.scope.contact_id,
                "likes": True,
                "sensitivity": Sensitivity.NORMAL,
            },
        )

    def edit_dialog(self, record: Preference) -> FormDialog:
        return edit_record_dialog(
            self,
            self.ctx,
            _("Edit preference {v}").format(v=record.value),
            preference_fields(self.scope.people()),
            self.ctx.wb.preferences,
            record,
        )


def _age_tip(issue: CustomerIssue, today: date) -> str:
    days = issue_age(issue, today)
    if issue.status in (IssueStatus.RESOLVED, IssueStatus.CLOSED):
        return _("resolved {n} days after it was raised").format(n=days)
    return _("open for {n} days").format(n=days)


def _late(issue: CustomerIssue, today: date) -> bool:
    still_open = issue.status in (IssueStatus.OPEN, IssueStatus.IN_PROGRESS)
    return still_open and issue.due_on is not None and issue.due_on < today


class IssuesTab(RecordsTab[CustomerIssue]):
    """Problems and complaints, open ones first, with how long each has been open."""

    def __init__(
        self,
        ctx: Context,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.today = today
        super().__init__(ctx, "issues", _("New issue…"), parent)

    def columns(self) -> list[Column[CustomerIssue]]:
        return [
            Column(_("Raised on"), lambda i: day(i.raised_on)),
            Column(
                _("Description"),
                lambda i: first_line(i.description),
                tip=lambda i: i.description,
                stretch=True,
            ),
            Column(
                _("Severity"),
                lambda i: label(i.severity),
                colour=lambda i: (
                    SEVERE if i.severity in (IssueSeverity.HIGH, IssueSeverity.CRITICAL) else None
                ),
            ),
            Column(_("Status"), lambda i: label(i.status)),
            Column(
                _("Age (days)"),
                lambda i: str(issue_age(i, self.today())),
                tip=lambda i: _age_tip(i, self.today()),
                centred=True,
            ),
            Column(
                _("Due"),
                lambda i: day(i.due_on),
                tip=lambda i: _("past due") if _late(i, self.today()) else "",
                colour=lambda i: LATE if _late(i, self.today()) else None,
            ),
            Column(_("First responsible"), lambda i: i.responsible),
        ]

    def service(self) -> Any:
        return self.ctx.wb.issues

    def describe(self, record: CustomerIssue) -> str:
        return _("the issue “{d}”").format(d=first_line(record.description, 30))

    def new_dialog(self) -> FormDialog:
        return new_record_dialog(
            self,
            self.ctx,
            _("New issue"),
            issue_fields(self.scope.people()),
            self.ctx.wb.issues,
            {"account_id": self.scope.account_id},
            {
                "raised_on": self.today(),
                "contact_id": self.scope.contact_id,
                "severity": IssueSeverity.MEDIUM,
                "status": IssueStatus.OPEN,
            },
        )

    def edit_dialog(self, record: CustomerIssue) -> FormDialog:
        return edit_record_dialog(
            self,
            self.ctx,
            _("Edit issue"),
            issue_fields(self.scope.people()),
            self.ctx.wb.issues,
            record,
        )
