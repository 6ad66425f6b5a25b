"""Contacts: the people at a customer company, at every level."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.domain.errors import Ambiguous, FieldProblem, NotFound
from kamdesk.domain.validation import email_problem, phone_problem
from kamdesk.i18n import _
from kamdesk.services.records import RecordService, blank, live_account, looks_like_id, require
from kamdesk.storage.models import Account, Anniversary, Contact, Preference, Record


class ContactService(RecordService[Contact]):
    """Create, change, delete and find contacts."""

    model = Contact
    noun = "contact"

    def resolve(self, ref: str) -> Contact:
        """The live contact named exactly `ref`, or with that id; a shared name is ambiguous."""
        name = ref.strip()
        with self.archive.reading() as session:
            found = session.execute(
                select(Contact, Account.name)
                .join(Account, Account.id == Contact.account_id)
                .where(Contact.name == name, Contact.deleted_at.is_(None))
            ).all()
            if len(found) == 1:
                return found[0][0]
            if len(found) > 1:
                who = "; ".join(f"{c.id[:8]} ({account})" for c, account in found[:10])
                raise Ambiguous(
                    _("several contacts are named {n}; use an id: {w}").format(n=name, w=who)
                )
            if looks_like_id(name):
                return self._load(session, name)
        raise NotFound(_("no contact named {n}").format(n=name))

    def _prepare(self, session: Session, values: dict[str, Any], record: Contact | None) -> None:
        if record is None and values.get("account_id"):
            values["account_id"] = live_account(session, values["account_id"]).id

    def _check(self, session: Session, values: Mapping[str, Any], record: Contact | None) -> None:
        problems: list[FieldProblem] = []
        if blank(values.get("name")):
            problems.append(FieldProblem("name", _("a contact needs a name")))
        if blank(values.get("account_id")):
            problems.append(FieldProblem("account_id", _("a contact belongs to an account")))
        strength = values.get("strength")
        if strength is not None and not 1 <= strength <= 5:
            problems.append(FieldProblem("strength", _("relationship strength is 1 to 5")))
        for phone in values.get("phones") or []:
            if problem := phone_problem(phone):
                problems.append(FieldProblem("phones", problem))
        for email in values.get("emails") or []:
            if problem := email_problem(email):
                problems.append(FieldProblem("emails", problem))
        boss = values.get("reports_to_id")
        if boss:
            problems += _reporting_problems(session, boss, values.get("account_id"), record)
        require(problems)

    def _dependents_models(self) -> list[tuple[type[Record], str]]:
        return [(Preference, "contact_id"), (Anniversary, "contact_id")]

    def _check_restorable(self, session: Session, record: Contact) -> None:
        account = session.get(Account, record.account_id)
        if account is None or account.is_deleted:
            raise NotFound(_("restore the account of {n} first").format(n=record.name))


def _reporting_problems(
    session: Session, boss_id: str, account_id: str | None, record: Contact | None
) -> list[FieldProblem]:
    """A manager must be a live colleague at the same account, and no chain may loop."""
    boss = session.get(Contact, boss_id)
    if boss is None or boss.is_deleted:
        return [FieldProblem("reports_to_id", _("no contact with id {i}").format(i=boss_id))]
    if boss.account_id != account_id:
        return [
            FieldProblem("reports_to_id", _("{n} works at another account").format(n=boss.name))
        ]
    seen: set[str] = set()
    current: Contact | None = boss
    while current is not None and current.id not in seen:
        if record is not None and current.id == record.id:
            return [FieldProblem("reports_to_id", _("reporting lines would go round in a circle"))]
        seen.add(current.id)
        current = session.get(Contact, current.reports_to_id) if current.reports_to_id else None
    return []
