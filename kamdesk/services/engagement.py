"""What the manager learns and does with an account: preferences, days, visits, issues, figures."""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from kamdesk.domain.enums import CalendarKind, IssueStatus, Sensitivity
from kamdesk.domain.errors import FieldProblem, NotFound, ValidationError
from kamdesk.domain.lunar import lunar_date_problem
from kamdesk.i18n import _
from kamdesk.services.records import RecordService, blank, live_account, now, require
from kamdesk.storage.models import (
    Account,
    AccountYear,
    Anniversary,
    Contact,
    CustomerIssue,
    Preference,
    Visit,
    VisitContact,
)


class _OwnedByAccount(RecordService[Any]):
    """Records that belong to an account and optionally to one of its contacts."""

    def _prepare(self, session: Session, values: dict[str, Any], record: Any) -> None:
        contact_id = values.get("contact_id")
        if contact_id:
            contact = session.get(Contact, contact_id)
            if contact is None or contact.is_deleted:
                raise NotFound(_("no contact with id {i}").format(i=contact_id))
            values["contact_id"] = contact.id
            if record is None and not values.get("account_id"):
                values["account_id"] = contact.account_id
        if record is None:
            account_id = values.get("account_id")
            if blank(account_id):
                raise ValidationError(
                    [FieldProblem("account_id", _("say which account or contact this is for"))]
                )
            values["account_id"] = live_account(session, account_id).id

    def _check_restorable(self, session: Session, record: Any) -> None:
        account = session.get(Account, record.account_id)
        if account is None or account.is_deleted:
            raise NotFound(_("restore the account first"))
        if record.contact_id:
            contact = session.get(Contact, record.contact_id)
            if contact is None or contact.is_deleted:
                raise NotFound(_("restore the contact first"))

    def _same_account(self, session: Session, values: Mapping[str, Any]) -> list[FieldProblem]:
        contact_id = values.get("contact_id")
        if not contact_id:
            return []
        contact = session.get(Contact, contact_id)
        if contact is not None and contact.account_id != values.get("account_id"):
            return [
                FieldProblem("contact_id", _("{n} works at another account").format(n=contact.name))
            ]
        return []


class PreferenceService(_OwnedByAccount):
    """Likes, dislikes and taboos of a contact or an account."""

    model = Preference
    noun = "preference"

    def _check(self, session: Session, values: Mapping[str, Any], record: Any) -> None:
        problems = self._same_account(session, values)
        if blank(values.get("value")):
            problems.append(FieldProblem("value", _("say what is liked or disliked")))
        if values.get("category") is None:
            problems.append(FieldProblem("category", _("choose a category")))
        require(problems)


class AnniversaryService(_OwnedByAccount):
    """Birthdays, weddings, founding days: solar or lunar."""

    model = Anniversary
    noun = "anniversary"

    def _prepare(self, session: Session, values: dict[str, Any], record: Any) -> None:
        super()._prepare(session, values, record)
        if record is None and values.get("family_member") and "sensitivity" not in values:
            values["sensitivity"] = Sensitivity.SENSITIVE  # family details are sensitive

    def _check(self, session: Session, values: Mapping[str, Any], record: Any) -> None:
        problems = self._same_account(session, values)
        if values.get("kind") is None:
            problems.append(FieldProblem("kind", _("choose what kind of day this is")))
        if values.get("family_member") and not values.get("contact_id"):
            problems.append(
                FieldProblem("family_member", _("a family member's day belongs to a contact"))
            )
        month, day, year = values.get("month"), values.get("day"), values.get("year")
        if month is None or day is None:
            problems.append(FieldProblem("month", _("month and day are required")))
        elif values.get("calendar") == CalendarKind.LUNAR:
            problem = lunar_date_problem(month, day, bool(values.get("leap_month")), year)
            if problem:
                problems.append(FieldProblem("day", problem))
        else:
            if values.get("leap_month"):
                problems.append(FieldProblem("leap_month", _("only lunar dates have leap months")))
            if problem := solar_day_problem(month, day, year):
                problems.append(FieldProblem("day", problem))
        if year is not None and not 1900 <= year <= date.today().year + 1:
            problems.append(FieldProblem("year", _("the year must be 1900 or later, not future")))
        lead = values.get("lead_days")
        if lead is not None and not 0 <= lead <= 90:
            problems.append(FieldProblem("lead_days", _("remind 0 to 90 days ahead")))
        require(problems)


def solar_day_problem(month: int, day: int, year: int | None) -> str | None:
    """Why a solar month/day (optionally in a given year) does not exist, or None."""
    if not 1 <= month <= 12:
        return _("month must be 1 to 12")
    longest = calendar.monthrange(year if year else 2000, month)[1]  # 2000 has 29 February
    if not 1 <= day <= longest:
        if year and month == 2 and day == 29:
            return _("{y} has no 29 February").format(y=year)
        return _("month {m} has only {n} days").format(m=month, n=longest)
    return None


class VisitService(RecordService[Visit]):
    """The visit log: who was met, what was learned, what was promised."""

    model = Visit
    noun = "visit"

    def log(self, account_id: str, contact_ids: Sequence[str] = (), **fields: Any) -> Visit:
        """Record a visit with the contacts met, in one transaction."""
        fields.setdefault("occurred_at", now())
        with self.archive.writing() as session:
            visit: Visit = self.create_in(session, {**fields, "account_id": account_id})
            self._link_contacts(session, visit, contact_ids)
            return visit

    def set_contacts(self, visit_id: str, contact_ids: Sequence[str]) -> None:
        """Replace the list of contacts met on a visit."""
        with self.archive.writing() as session:
            visit = self._load(session, visit_id)
            self._link_contacts(session, visit, contact_ids)
            visit.field_hlc = {**visit.field_hlc, "contact_ids": self.archive.stamp()}
            visit.updated_at = now()

    def _link_contacts(self, session: Session, visit: Visit, contact_ids: Sequence[str]) -> None:
        ids = list(dict.fromkeys(contact_ids))
        problems = []
        for contact_id in ids:
            contact = session.get(Contact, contact_id)
            if contact is None or contact.is_deleted or contact.account_id != visit.account_id:
                message = _("{i} is not a contact of this account").format(i=contact_id)
                problems.append(FieldProblem("contacts", message))
        require(problems)
        session.execute(delete(VisitContact).where(VisitContact.visit_id == visit.id))
        if ids:
            session.execute(
                insert(VisitContact), [{"visit_id": visit.id, "contact_id": c} for c in ids]
            )

    def contacts_met(self, visit_id: str) -> list[str]:
        """Ids of the contacts met on a visit."""
        with self.archive.reading() as session:
            return list(
                session.scalars(
                    select(VisitContact.contact_id).where(VisitContact.visit_id == visit_id)
                )
            )

    def _prepare(self, session: Session, values: dict[str, Any], record: Any) -> None:
        if record is None:
            live_account(session, values.get("account_id"))

    def _check(self, session: Session, values: Mapping[str, Any], record: Any) -> None:
        problems: list[FieldProblem] = []
        if values.get("occurred_at") is None:
            problems.append(FieldProblem("occurred_at", _("say when the visit was")))
        satisfaction = values.get("satisfaction")
        if satisfaction is not None and not 1 <= satisfaction <= 5:
            problems.append(FieldProblem("satisfaction", _("satisfaction is 1 to 5")))
        if (values.get("cost") or 0) < 0:
            problems.append(FieldProblem("cost", _("cannot be negative")))
        require(problems)

    def _check_restorable(self, session: Session, record: Visit) -> None:
        account = session.get(Account, record.account_id)
        if account is None or account.is_deleted:
            raise NotFound(_("restore the account first"))


class IssueService(_OwnedByAccount):
    """Problems and complaints raised by the customer."""

    model = CustomerIssue
    noun = "issue"

    def _prepare(self, session: Session, values: dict[str, Any], record: Any) -> None:
        super()._prepare(session, values, record)
        if record is None:
            values.setdefault("raised_on", date.today())
        status = values.get("status")
        finished = status in (IssueStatus.RESOLVED, IssueStatus.CLOSED)
        if (
            finished
            and "resolved_on" not in values
            and getattr(record, "resolved_on", None) is None
        ):
            values["resolved_on"] = date.today()

    def _check(self, session: Session, values: Mapping[str, Any], record: Any) -> None:
        problems = self._same_account(session, values)
        if blank(values.get("description")):
            problems.append(FieldProblem("description", _("describe the problem")))
        raised, due, resolved = (
            values.get("raised_on"),
            values.get("due_on"),
            values.get("resolved_on"),
        )
        if raised and due and due < raised:
            problems.append(FieldProblem("due_on", _("due before it was raised")))
        if raised and resolved and resolved < raised:
            problems.append(FieldProblem("resolved_on", _("resolved before it was raised")))
        require(problems)


class YearFigureService(RecordService[AccountYear]):
    """Revenue and gross profit per account and year."""

    model = AccountYear
    noun = "yearly figure"

    def set_year(self, account_id: str, year: int, revenue: int, gross_profit: int) -> AccountYear:
        """Record one year's figures, replacing what was there for that year."""
        with self.archive.reading() as session:
            existing = session.scalar(
                select(AccountYear.id).where(
                    AccountYear.account_id == account_id,
                    AccountYear.year == year,
                    AccountYear.deleted_at.is_(None),
                )
            )
        if existing:
            return self.update(existing, revenue=revenue, gross_profit=gross_profit)
        return self.create(
            account_id=account_id, year=year, revenue=revenue, gross_profit=gross_profit
        )

    def _prepare(self, session: Session, values: dict[str, Any], record: Any) -> None:
        if record is None:
            live_account(session, values.get("account_id"))

    def _check(self, session: Session, values: Mapping[str, Any], record: Any) -> None:
        problems: list[FieldProblem] = []
        year = values.get("year")
        if year is None or not 1990 <= year <= date.today().year + 1:
            problems.append(FieldProblem("year", _("a year from 1990 to next year")))
        if (values.get("revenue") or 0) < 0:
            problems.append(FieldProblem("revenue", _("cannot be negative")))
        require(problems)
