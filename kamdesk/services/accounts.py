"""Accounts: the customer companies of the archive."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kamdesk.domain.errors import Ambiguous, FieldProblem, NotFound, ValidationError
from kamdesk.i18n import _
from kamdesk.services.records import RecordService, blank, looks_like_id, require
from kamdesk.storage.models import (
    Account,
    AccountYear,
    Anniversary,
    Contact,
    CustomerIssue,
    Preference,
    Record,
    Visit,
)

_NON_NEGATIVE = ("cost_to_serve", "potential", "development_cost")


class AccountService(RecordService[Account]):
    """Create, change, delete and find accounts."""

    model = Account
    noun = "account"

    def resolve(self, ref: str) -> Account:
        """The live account named exactly `ref` (name or short name), or with that id."""
        with self.archive.reading() as session:
            return self.resolve_in(session, ref)

    def resolve_in(self, session: Session, ref: str) -> Account:
        """`resolve` inside an open session."""
        name = ref.strip()
        if not name:
            raise NotFound(_("an account name or id is required"))
        found = session.scalars(
            select(Account).where(Account.name == name, Account.deleted_at.is_(None))
        ).all()
        if not found:
            found = session.scalars(
                select(Account).where(Account.short_name == name, Account.deleted_at.is_(None))
            ).all()
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            ids = ", ".join(a.id[:8] for a in found)
            raise Ambiguous(_("several accounts are named {n} (ids {i})").format(n=name, i=ids))
        if looks_like_id(name):
            return self._load(session, name)
        raise NotFound(_("no account named {n}").format(n=name))

    def count(self) -> int:
        """How many live accounts the archive holds."""
        with self.archive.reading() as session:
            total = session.scalar(
                select(func.count()).select_from(Account).where(Account.deleted_at.is_(None))
            )
            return int(total or 0)

    def _prepare(self, session: Session, values: dict[str, Any], record: Account | None) -> None:
        new_cycle = values.get("billing_cycle")
        if record is not None and "billing_cycle" in values and new_cycle != record.billing_cycle:
            values.setdefault("billing_cycle_before", record.billing_cycle)
            values.setdefault("billing_cycle_changed_on", date.today())

    def _check(self, session: Session, values: Mapping[str, Any], record: Account | None) -> None:
        problems: list[FieldProblem] = []
        name = values.get("name")
        if blank(name):
            problems.append(FieldProblem("name", _("an account needs a name")))
        else:
            clash = select(Account.id).where(Account.name == name, Account.deleted_at.is_(None))
            if record is not None:
                clash = clash.where(Account.id != record.id)
            if session.scalar(clash.limit(1)) is not None:
                problems.append(
                    FieldProblem("name", _("an account named {n} already exists").format(n=name))
                )
        for field in _NON_NEGATIVE:
            if (values.get(field) or 0) < 0:
                problems.append(FieldProblem(field, _("cannot be negative")))
        if values.get("is_key_account") and blank(values.get("key_account_reason")):
            problems.append(FieldProblem("key_account_reason", _("say why this is a key account")))
        require(problems)

    def _check_restorable(self, session: Session, record: Account) -> None:
        clash = session.scalar(
            select(Account.id).where(
                Account.name == record.name, Account.deleted_at.is_(None), Account.id != record.id
            )
        )
        if clash is not None:
            raise ValidationError(
                [FieldProblem("name", _("another account is now named {n}").format(n=record.name))]
            )

    def _dependents_models(self) -> list[tuple[type[Record], str]]:
        return [
            (Contact, "account_id"),
            (AccountYear, "account_id"),
            (Preference, "account_id"),
            (Anniversary, "account_id"),
            (Visit, "account_id"),
            (CustomerIssue, "account_id"),
        ]
