"""Read-only views for lists, the account page and search: plain rows, computed in SQL."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, case, func, or_, select
from sqlalchemy.orm import Session

from kamdesk.domain.enums import AccountStatus, ContactLevel, IssueStatus
from kamdesk.domain.search_keys import query_text
from kamdesk.storage import search_index
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

OPEN_STATUSES = (IssueStatus.OPEN, IssueStatus.IN_PROGRESS)


@dataclass(frozen=True)
class AccountRow:
    """One line of the accounts list."""

    id: str
    name: str
    city: str
    status: AccountStatus
    owner: str
    is_key_account: bool
    contacts: int
    last_visit: datetime | None
    open_issues: int


@dataclass(frozen=True)
class ContactRow:
    """One line of the contacts list."""

    id: str
    name: str
    account_id: str
    account_name: str
    title: str
    level: ContactLevel | None
    phone: str
    strength: int | None


@dataclass(frozen=True)
class SearchHit:
    """A search result: an account, or a contact with the account it belongs to."""

    kind: str  # "account" or "contact"
    id: str
    name: str
    account_id: str
    account_name: str
    detail: str


@dataclass(frozen=True)
class AccountFilter:
    """What the accounts list shows; empty fields do not filter."""

    status: AccountStatus | None = None
    owner: str = ""
    place: str = ""  # city or region
    key_only: bool = False


@dataclass
class AccountOverview:
    """Everything the account page and `kamdesk show` need, read in one snapshot."""

    account: Account
    years: list[AccountYear] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    preferences: list[Preference] = field(default_factory=list)
    anniversaries: list[Anniversary] = field(default_factory=list)
    recent_visits: list[Visit] = field(default_factory=list)
    open_issues: list[CustomerIssue] = field(default_factory=list)
    visit_count: int = 0
    visit_cost: int = 0


LEVEL_RANK = case(
    {level: rank for rank, level in enumerate(ContactLevel)},
    value=Contact.level,
    else_=len(ContactLevel),
)
"""Sorts contacts from the owner down to staff, people with no level last."""


def _live(model: type[Record]) -> ColumnElement[bool]:
    return model.deleted_at.is_(None)


def account_rows(
    session: Session, where: AccountFilter = AccountFilter(), *, offset: int = 0, limit: int = 200
) -> list[AccountRow]:
    """Accounts ordered by name, with contact count, last visit and open issues."""
    contacts = (
        select(func.count())
        .where(Contact.account_id == Account.id, _live(Contact))
        .scalar_subquery()
    )
    last_visit = (
        select(func.max(Visit.occurred_at))
        .where(Visit.account_id == Account.id, _live(Visit))
        .scalar_subquery()
    )
    issues = (
        select(func.count())
        .where(
            CustomerIssue.account_id == Account.id,
            _live(CustomerIssue),
            CustomerIssue.status.in_(OPEN_STATUSES),
        )
        .scalar_subquery()
    )
    query: Select[tuple[object, ...]] = select(
        Account.id,
        Account.name,
        Account.city,
        Account.status,
        Account.owner,
        Account.is_key_account,
        contacts,
        last_visit,
        issues,
    ).where(_live(Account))
    if where.status is not None:
        query = query.where(Account.status == where.status)
    if where.owner:
        query = query.where(Account.owner == where.owner)
    if where.place:
        query = query.where(or_(Account.city == where.place, Account.region == where.place))
    if where.key_only:
        query = query.where(Account.is_key_account.is_(True))
    query = query.order_by(Account.name).offset(offset).limit(limit)
    return [AccountRow(*cast(tuple[Any, ...], row)) for row in session.execute(query)]


def contact_rows(
    session: Session, account_id: str | None = None, *, offset: int = 0, limit: int = 200
) -> list[ContactRow]:
    """Contacts ordered by account and level, with their first phone number."""
    query = (
        select(
            Contact.id,
            Contact.name,
            Contact.account_id,
            Account.name,
            Contact.title,
            Contact.level,
            Contact.phones,
            Contact.strength,
        )
        .join(Account, Account.id == Contact.account_id)
        .where(_live(Contact))
    )
    if account_id:
        query = query.where(Contact.account_id == account_id)
    query = query.order_by(Account.name, LEVEL_RANK, Contact.name).offset(offset).limit(limit)
    rows = []
    for cid, name, aid, aname, title, level, phones, strength in session.execute(query):
        rows.append(ContactRow(cid, name, aid, aname, title, level, (phones or [""])[0], strength))
    return rows


def years_of(session: Session, account_id: str) -> list[AccountYear]:
    """An account's yearly figures, oldest first."""
    query = select(AccountYear).where(AccountYear.account_id == account_id, _live(AccountYear))
    return list(session.scalars(query.order_by(AccountYear.year)))


def contacts_of(session: Session, account_id: str) -> list[Contact]:
    """An account's live contacts, from the owner down, then by name."""
    query = select(Contact).where(Contact.account_id == account_id, _live(Contact))
    return list(session.scalars(query.order_by(LEVEL_RANK, Contact.name)))


def preferences_of(session: Session, account_id: str) -> list[Preference]:
    """An account's live preferences in the order they were learned."""
    query = select(Preference).where(Preference.account_id == account_id, _live(Preference))
    return list(session.scalars(query.order_by(Preference.created_hlc)))


def anniversaries_of(session: Session, account_id: str) -> list[Anniversary]:
    """An account's live anniversaries by month and day (as entered within a day)."""
    query = select(Anniversary).where(Anniversary.account_id == account_id, _live(Anniversary))
    order = (Anniversary.month, Anniversary.day, Anniversary.created_hlc)
    return list(session.scalars(query.order_by(*order)))


def overview(session: Session, account: Account, *, recent: int = 10) -> AccountOverview:
    """The account page's content."""
    aid = account.id
    result = AccountOverview(account)
    result.years = years_of(session, aid)
    result.contacts = contacts_of(session, aid)
    result.preferences = preferences_of(session, aid)
    result.anniversaries = anniversaries_of(session, aid)
    result.recent_visits = list(
        session.scalars(
            select(Visit)
            .where(Visit.account_id == aid, _live(Visit))
            .order_by(Visit.occurred_at.desc())
            .limit(recent)
        )
    )
    result.open_issues = list(
        session.scalars(
            select(CustomerIssue)
            .where(
                CustomerIssue.account_id == aid,
                _live(CustomerIssue),
                CustomerIssue.status.in_(OPEN_STATUSES),
            )
            .order_by(CustomerIssue.raised_on)
        )
    )
    count, cost = session.execute(
        select(func.count(), func.coalesce(func.sum(Visit.cost), 0)).where(
            Visit.account_id == aid, _live(Visit)
        )
    ).one()
    result.visit_count, result.visit_cost = int(count), int(cost)
    return result


def search(connection: sqlite3.Connection, text: str, *, limit: int = 20) -> list[SearchHit]:
    """Accounts and contacts matching `text`: exact first, then prefix, then substring."""
    found = list(search_index.matches(connection, query_text(text), limit))
    if not found:
        return []
    hits: dict[str, SearchHit] = {}
    accounts = [i for kind, i in found if kind == search_index.ACCOUNT]
    if accounts:
        marks = ",".join("?" * len(accounts))
        for aid, name, city, industry in connection.execute(
            f"SELECT id, name, city, industry FROM accounts WHERE id IN ({marks})", accounts
        ):
            detail = " · ".join(part for part in (city, industry) if part)
            hits[aid] = SearchHit("account", aid, name, aid, name, detail)
    contacts = [i for kind, i in found if kind == search_index.CONTACT]
    if contacts:
        marks = ",".join("?" * len(contacts))
        for cid, name, aid, aname, title, phones in connection.execute(
            "SELECT c.id, c.name, c.account_id, a.name, c.title, c.phones FROM contacts c"
            f" JOIN accounts a ON a.id = c.account_id WHERE c.id IN ({marks})",
            contacts,
        ):
            phone = (json.loads(phones) or [""])[0] if phones else ""
            detail = " · ".join(part for part in (title, phone) if part)
            hits[cid] = SearchHit("contact", cid, name, aid, aname, detail)
    return [hits[i] for _kind, i in found if i in hits]
