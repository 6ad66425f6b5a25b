"""What the account page and the contact page show, each read in one snapshot.

Records come back detached (read their attributes, never their relationships). Visits carry
the people met on them, so a page never asks once per visit.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, Select, case, select
from sqlalchemy.orm import Session

from kamdesk.domain.calendar_days import Occurrence, Recurring, occurrence
from kamdesk.domain.enums import IssueStatus
from kamdesk.domain.errors import NotFound
from kamdesk.domain.lunar import FIRST_YEAR, LAST_YEAR
from kamdesk.i18n import _
from kamdesk.services.queries import (
    LEVEL_RANK,
    OPEN_STATUSES,
    anniversaries_of,
    contacts_of,
    preferences_of,
    years_of,
)
from kamdesk.storage.database import Archive
from kamdesk.storage.models import (
    Account,
    AccountYear,
    Anniversary,
    Contact,
    CustomerIssue,
    Preference,
    Record,
    Visit,
    VisitContact,
)


@dataclass(frozen=True)
class Met:
    """A person met on a visit."""

    id: str
    name: str


@dataclass(frozen=True)
class VisitLine:
    """A visit and the (live) contacts met on it, top of the organisation first."""

    visit: Visit
    met: tuple[Met, ...] = ()

    @property
    def id(self) -> str:
        return self.visit.id


@dataclass
class AccountDossier:
    """Everything the account page shows, besides the engine's standing."""

    account: Account
    years: list[AccountYear] = field(default_factory=list)  # oldest first
    contacts: list[Contact] = field(default_factory=list)  # owner first, then by name
    preferences: list[Preference] = field(default_factory=list)
    anniversaries: list[Anniversary] = field(default_factory=list)  # by month and day
    visits: list[VisitLine] = field(default_factory=list)  # newest first
    issues: list[CustomerIssue] = field(default_factory=list)  # open first, newest first


@dataclass
class ContactDossier:
    """Everything the contact page shows."""

    contact: Contact
    account: Account
    colleagues: list[Contact] = field(default_factory=list)  # the account's other live contacts
    preferences: list[Preference] = field(default_factory=list)
    anniversaries: list[Anniversary] = field(default_factory=list)
    visits: list[VisitLine] = field(default_factory=list)  # visits this person was at, newest first

    @property
    def manager(self) -> Contact | None:
        """The colleague this person reports to, if any (and still live)."""
        boss = self.contact.reports_to_id
        return next((c for c in self.colleagues if c.id == boss), None)


def _live(model: type[Record]) -> ColumnElement[bool]:
    return model.deleted_at.is_(None)


def account_dossier(archive: Archive, account_id: str) -> AccountDossier:
    """The account page's content; NotFound when the account is gone."""
    with archive.reading() as session:
        account = session.get(Account, account_id)
        if account is None or account.is_deleted:
            raise NotFound(_("no account with id {i}").format(i=account_id))
        aid = account.id
        result = AccountDossier(account)
        result.years = years_of(session, aid)
        result.contacts = contacts_of(session, aid)
        result.preferences = preferences_of(session, aid)
        result.anniversaries = anniversaries_of(session, aid)
        visits = list(
            session.scalars(
                select(Visit)
                .where(Visit.account_id == aid, _live(Visit))
                .order_by(Visit.occurred_at.desc(), Visit.created_hlc.desc())
            )
        )
        met = _met(session, select(Visit.id).where(Visit.account_id == aid, _live(Visit)))
        result.visits = [VisitLine(v, met.get(v.id, ())) for v in visits]
        still_open = case((CustomerIssue.status.in_(OPEN_STATUSES), 0), else_=1)
        result.issues = list(
            session.scalars(
                select(CustomerIssue)
                .where(CustomerIssue.account_id == aid, _live(CustomerIssue))
                .order_by(still_open, CustomerIssue.raised_on.desc(), CustomerIssue.created_hlc)
            )
        )
        return result


def contact_dossier(archive: Archive, contact_id: str) -> ContactDossier:
    """The contact page's content; NotFound when the contact (or its account) is gone."""
    with archive.reading() as session:
        contact = session.get(Contact, contact_id)
        if contact is None or contact.is_deleted:
            raise NotFound(_("no contact with id {i}").format(i=contact_id))
        account = session.get(Account, contact.account_id)
        if account is None or account.is_deleted:
            raise NotFound(_("no account with id {i}").format(i=contact.account_id))
        cid = contact.id
        result = ContactDossier(contact, account)
        result.colleagues = [c for c in contacts_of(session, account.id) if c.id != cid]
        result.preferences = list(
            session.scalars(
                select(Preference)
                .where(Preference.contact_id == cid, _live(Preference))
                .order_by(Preference.created_hlc)
            )
        )
        result.anniversaries = list(
            session.scalars(
                select(Anniversary)
                .where(Anniversary.contact_id == cid, _live(Anniversary))
                .order_by(Anniversary.month, Anniversary.day, Anniversary.created_hlc)
            )
        )
        result.visits = _visits_with(session, cid)
        return result


def visits_with(archive: Archive, contact_id: str) -> list[VisitLine]:
    """The visits a contact was met on, newest first, each with everyone met."""
    with archive.reading() as session:
        return _visits_with(session, contact_id)


def _visits_with(session: Session, contact_id: str) -> list[VisitLine]:
    theirs = select(VisitContact.visit_id).where(VisitContact.contact_id == contact_id)
    visits = list(
        session.scalars(
            select(Visit)
            .where(Visit.id.in_(theirs), _live(Visit))
            .order_by(Visit.occurred_at.desc(), Visit.created_hlc.desc())
        )
    )
    met = _met(session, theirs)
    return [VisitLine(v, met.get(v.id, ())) for v in visits]


def _met(session: Session, visit_ids: Select[str]) -> dict[str, tuple[Met, ...]]:
    """The live contacts met on each of the visits `visit_ids` (a subquery) selects."""
    found: dict[str, list[Met]] = defaultdict(list)
    rows = session.execute(
        select(VisitContact.visit_id, Contact.id, Contact.name)
        .join(Contact, Contact.id == VisitContact.contact_id)
        .where(VisitContact.visit_id.in_(visit_ids), _live(Contact))
        .order_by(VisitContact.visit_id, LEVEL_RANK, Contact.name)
    )
    for visit_id, cid, name in rows:
        found[visit_id].append(Met(cid, name))
    return {visit_id: tuple(people) for visit_id, people in found.items()}


def this_year(anniversary: Anniversary, year: int) -> Occurrence | None:
    """Where an anniversary falls in `year` (the lunar year for a lunar day), with the rule
    that moved it if any; None outside the years the lunar table covers."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        day = Recurring(
            anniversary.calendar, anniversary.month, anniversary.day, anniversary.leap_month
        )
    except ValueError:  # a stored day that no calendar has (only possible from old imports)
        return None
    return occurrence(day, year)


def issue_age(issue: CustomerIssue, today: date) -> int:
    """Days an issue has been (or was) open: to today while open, to its resolution after."""
    finished = issue.status in (IssueStatus.RESOLVED, IssueStatus.CLOSED)
    end = issue.resolved_on if finished and issue.resolved_on is not None else today
    return max((end - issue.raised_on).days, 0)
