"""Tables of the archive (SQLAlchemy 2 typed ORM).

Every record has a UUID id so it keeps its identity across machines, created/updated times,
a tombstone (`deleted_at`, with the batch of the delete so a restore brings back what went
together) and hybrid-logical-clock change stamps: `created_hlc` for the record and `field_hlc`
for each field changed since, which is what a field-by-field merge needs.
Every column carries a sensitivity label in `Column.info`, which exports honour.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kamdesk.domain.enums import (
    AccountStatus,
    AnniversaryKind,
    Attitude,
    BillingCycle,
    BuyingRole,
    CalendarKind,
    ContactLevel,
    GreetingChannel,
    IssueSeverity,
    IssueStatus,
    PointKind,
    PreferenceCategory,
    Sensitivity,
    Tier,
    VisitKind,
)
from kamdesk.storage.sealing import Sealed, SealedJSON

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

NORMAL, PERSONAL, SENSITIVE = Sensitivity.NORMAL, Sensitivity.PERSONAL, Sensitivity.SENSITIVE


def new_id() -> str:
    """A fresh random record id."""
    return str(uuid.uuid4())


def col(*args: Any, sensitivity: Sensitivity = NORMAL, **kwargs: Any) -> Any:
    """A mapped column that carries its sensitivity label."""
    return mapped_column(*args, info={"sensitivity": sensitivity}, **kwargs)


def is_sensitive(model: type[Any], field: str) -> bool:
    """Whether a column of a model is labelled SENSITIVE (left out of shareable copies)."""
    column = model.__table__.columns.get(field)
    return column is not None and column.info.get("sensitivity") is SENSITIVE


def choice(kind: type[enum.Enum]) -> Enum:
    """Store an enum by its value, without a CHECK constraint, so new values need no rebuild."""
    return Enum(
        kind,
        native_enum=False,
        create_constraint=False,
        length=20,
        values_callable=lambda members: [m.value for m in members],
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Record(Base):
    """Columns every synchronised record shares."""

    __abstract__ = True

    id: Mapped[str] = col(String(36), primary_key=True, default=new_id, sort_order=-10)
    created_at: Mapped[datetime] = col(DateTime)
    updated_at: Mapped[datetime] = col(DateTime)
    deleted_at: Mapped[datetime | None] = col(DateTime, default=None)
    deleted_batch: Mapped[str | None] = col(String(36), default=None)
    created_hlc: Mapped[str] = col(String(64))
    field_hlc: Mapped[dict[str, str]] = col(JSON, default=dict)

    @property
    def is_deleted(self) -> bool:
        """Whether the record is a tombstone."""
        return self.deleted_at is not None


class Account(Record):
    """A customer company."""

    __tablename__ = "accounts"
    # The names by id without reading the wide rows (agenda, lists).
    __table_args__ = (Index("ix_accounts_names", "id", "deleted_at", "name", "short_name"),)

    name: Mapped[str] = col(String(200), index=True)
    short_name: Mapped[str] = col(String(100), default="")
    industry: Mapped[str] = col(String(100), default="")
    region: Mapped[str] = col(String(100), default="")
    city: Mapped[str] = col(String(100), default="")
    address: Mapped[str] = col(Text, default="")
    status: Mapped[AccountStatus] = col(choice(AccountStatus), default=AccountStatus.ACTIVE)
    owner: Mapped[str] = col(String(100), default="")
    executive_sponsor: Mapped[str] = col(String(100), default="")
    cooperation_since: Mapped[date | None] = col(Date, default=None)
    renewal_date: Mapped[date | None] = col(Date, default=None, index=True)
    billing_cycle: Mapped[BillingCycle | None] = col(choice(BillingCycle), default=None)
    billing_cycle_before: Mapped[BillingCycle | None] = col(choice(BillingCycle), default=None)
    billing_cycle_changed_on: Mapped[date | None] = col(Date, default=None)
    cost_to_serve: Mapped[int] = col(Integer, default=0)
    potential: Mapped[int] = col(Integer, default=0)
    development_cost: Mapped[int] = col(Integer, default=0)
    is_key_account: Mapped[bool] = col(Boolean, default=False)
    key_account_reason: Mapped[str] = col(Text, default="")
    business_situation: Mapped[str] = col(Text, default="")
    technical_situation: Mapped[str] = col(Text, default="")
    innovation_goals: Mapped[str] = col(Text, default="")
    products_in_use: Mapped[str] = col(Text, default="")
    decision_process: Mapped[str] = col(Text, default="")
    potential_needs: Mapped[str] = col(Text, default="")
    company_news: Mapped[str] = col(Text, default="")
    notes: Mapped[str] = col(Text, default="")
    tier_override: Mapped[Tier | None] = col(choice(Tier), default=None)
    tier_override_reason: Mapped[str] = col(Text, default="", server_default="")


class AccountYear(Record):
    """Revenue and gross profit of one account in one year (whole yuan)."""

    __tablename__ = "account_years"
    # Covering: the engine sums the figures of recent years per account from the index alone.
    __table_args__ = (
        Index(
            "ix_account_years_account_year",
            "account_id",
            "year",
            "deleted_at",
            "revenue",
            "gross_profit",
        ),
    )

    account_id: Mapped[str] = col(ForeignKey("accounts.id"))
    year: Mapped[int] = col(Integer)
    revenue: Mapped[int] = col(Integer, default=0)
    gross_profit: Mapped[int] = col(Integer, default=0)


class Contact(Record):
    """A person at a customer company, at any level of its organisation."""

    __tablename__ = "contacts"
    __table_args__ = (Index("ix_contacts_names", "id", "deleted_at", "name"),)

    account_id: Mapped[str] = col(ForeignKey("accounts.id"), index=True)
    name: Mapped[str] = col(String(100), index=True)
    title: Mapped[str] = col(String(100), default="")
    department: Mapped[str] = col(String(100), default="")
    level: Mapped[ContactLevel | None] = col(choice(ContactLevel), default=None)
    reports_to_id: Mapped[str | None] = col(ForeignKey("contacts.id"), default=None, index=True)
    buying_role: Mapped[BuyingRole | None] = col(choice(BuyingRole), default=None)
    attitude: Mapped[Attitude | None] = col(choice(Attitude), default=None)
    strength: Mapped[int | None] = col(Integer, default=None)
    our_owner: Mapped[str] = col(String(100), default="")
    phones: Mapped[list[str]] = col(JSON, default=list, sensitivity=PERSONAL)
    emails: Mapped[list[str]] = col(JSON, default=list, sensitivity=PERSONAL)
    wechat_id: Mapped[str] = col(String(100), default="", sensitivity=PERSONAL)
    address: Mapped[str] = col(Text, default="", sensitivity=PERSONAL)
    preferred_channel: Mapped[str] = col(String(50), default="")
    preferred_time: Mapped[str] = col(String(100), default="")
    hometown: Mapped[str] = col(String(100), default="", sensitivity=PERSONAL)
    education: Mapped[str] = col(String(200), default="", sensitivity=PERSONAL)
    family_members: Mapped[str] = col(Sealed(), default="", sensitivity=SENSITIVE)
    children: Mapped[str] = col(Sealed(), default="", sensitivity=SENSITIVE)
    hobbies: Mapped[str] = col(Text, default="", sensitivity=PERSONAL)
    health_notes: Mapped[str] = col(Sealed(), default="", sensitivity=SENSITIVE)
    income_range: Mapped[str] = col(Sealed(100), default="", sensitivity=SENSITIVE)
    notes: Mapped[str] = col(Text, default="")


class Preference(Record):
    """Something a contact (or the account as a whole) likes or must not be offered."""

    __tablename__ = "preferences"

    account_id: Mapped[str] = col(ForeignKey("accounts.id"), index=True)
    contact_id: Mapped[str | None] = col(ForeignKey("contacts.id"), default=None, index=True)
    category: Mapped[PreferenceCategory] = col(choice(PreferenceCategory))
    # Sealed whatever the row's label: any preference may be marked sensitive.
    value: Mapped[str] = col(Sealed(200))
    likes: Mapped[bool] = col(Boolean, default=True)
    note: Mapped[str] = col(Sealed(), default="")
    learned_on: Mapped[date | None] = col(Date, default=None)
    sensitivity: Mapped[Sensitivity] = col(choice(Sensitivity), default=NORMAL)


class Anniversary(Record):
    """A day to remember, solar or lunar, of a contact, their family, or the account."""

    __tablename__ = "anniversaries"
    # Every column the agenda shows, by recurring day: its window is read from the index alone.
    __table_args__ = (
        Index(
            "ix_anniversaries_recurring",
            "calendar",
            "leap_month",
            "month",
            "day",
            "deleted_at",
            "account_id",
            "contact_id",
            "family_member",
            "kind",
            "year",
            "lead_days",
            "id",
        ),
    )

    account_id: Mapped[str] = col(ForeignKey("accounts.id"), index=True)
    contact_id: Mapped[str | None] = col(ForeignKey("contacts.id"), default=None, index=True)
    family_member: Mapped[str] = col(Sealed(100), default="", sensitivity=SENSITIVE)
    kind: Mapped[AnniversaryKind] = col(choice(AnniversaryKind))
    calendar: Mapped[CalendarKind] = col(choice(CalendarKind), default=CalendarKind.SOLAR)
    month: Mapped[int] = col(Integer)
    day: Mapped[int] = col(Integer)
    leap_month: Mapped[bool] = col(Boolean, default=False)
    year: Mapped[int | None] = col(Integer, default=None)
    lead_days: Mapped[int] = col(Integer, default=7)
    note: Mapped[str] = col(Text, default="")
    sensitivity: Mapped[Sensitivity] = col(choice(Sensitivity), default=NORMAL)


class Visit(Record):
    """One contact with the customer: a visit, call, dinner or event."""

    __tablename__ = "visits"
    # Covering: the engine aggregates each account's visits from the index alone.
    __table_args__ = (
        Index(
            "ix_visits_account_when",
            "account_id",
            "occurred_at",
            "deleted_at",
            "kind",
            "satisfaction",
            "cost",
        ),
    )

    account_id: Mapped[str] = col(ForeignKey("accounts.id"))
    occurred_at: Mapped[datetime] = col(DateTime)
    kind: Mapped[VisitKind] = col(choice(VisitKind), default=VisitKind.ON_SITE)
    our_participants: Mapped[list[str]] = col(JSON, default=list)
    purpose: Mapped[str] = col(Text, default="")
    summary: Mapped[str] = col(Text, default="")
    needs_learned: Mapped[str] = col(Text, default="")
    outcome: Mapped[str] = col(Text, default="")
    next_steps: Mapped[str] = col(Text, default="")
    follow_up_on: Mapped[date | None] = col(Date, default=None, index=True)
    cost: Mapped[int] = col(Integer, default=0)
    satisfaction: Mapped[int | None] = col(Integer, default=None)


class VisitContact(Base):
    """Who was met on a visit; owned by the visit (its `contact_ids` field stamp covers it)."""

    __tablename__ = "visit_contacts"

    visit_id: Mapped[str] = col(ForeignKey("visits.id"), primary_key=True)
    contact_id: Mapped[str] = col(ForeignKey("contacts.id"), primary_key=True, index=True)


class CustomerIssue(Record):
    """A problem or complaint the customer raised (客户问题/投诉)."""

    __tablename__ = "customer_issues"
    __table_args__ = (
        Index("ix_customer_issues_account_status", "account_id", "status"),
        Index("ix_customer_issues_due_on", "due_on"),
    )

    account_id: Mapped[str] = col(ForeignKey("accounts.id"))
    contact_id: Mapped[str | None] = col(ForeignKey("contacts.id"), default=None)
    raised_on: Mapped[date] = col(Date)
    category: Mapped[str] = col(String(100), default="")
    severity: Mapped[IssueSeverity] = col(choice(IssueSeverity), default=IssueSeverity.MEDIUM)
    description: Mapped[str] = col(Text)
    responsible: Mapped[str] = col(String(100), default="")
    status: Mapped[IssueStatus] = col(choice(IssueStatus), default=IssueStatus.OPEN)
    due_on: Mapped[date | None] = col(Date, default=None)
    resolved_on: Mapped[date | None] = col(Date, default=None)
    resolution: Mapped[str] = col(Text, default="")
    confirmed_by_customer: Mapped[bool] = col(Boolean, default=False)


class Greeting(Record):
    """A greeting sent to a contact (or the account) on an occasion, by one channel."""

    __tablename__ = "greetings"
    __table_args__ = (Index("ix_greetings_contact_sent", "contact_id", "sent_on"),)

    account_id: Mapped[str] = col(ForeignKey("accounts.id"), index=True)
    contact_id: Mapped[str | None] = col(ForeignKey("contacts.id"), default=None)
    occasion: Mapped[str] = col(String(40))
    channel: Mapped[GreetingChannel] = col(choice(GreetingChannel))
    sent_on: Mapped[date] = col(Date)
    text: Mapped[str] = col(Text, default="")
    note: Mapped[str] = col(Text, default="")


class PointEntry(Record):
    """One movement of an account's loyalty points: earned (+), redeemed or expired (−)."""

    __tablename__ = "point_entries"
    __table_args__ = (Index("ix_point_entries_account_on", "account_id", "entry_on"),)

    account_id: Mapped[str] = col(ForeignKey("accounts.id"))
    entry_on: Mapped[date] = col(Date)
    kind: Mapped[PointKind] = col(choice(PointKind))
    points: Mapped[int] = col(Integer)
    reason: Mapped[str] = col(Text, default="")
    expires_on: Mapped[date | None] = col(Date, default=None)


class Setting(Base):
    """A value of a declared setting (domain/settings.py); absent keys use the default."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class SearchKey(Base):
    """One searchable key of an account or contact; derived data, rebuilt from the records.

    `inner` is 0 where the key starts at the beginning of what it was cut from (a name, its
    pinyin, its initials, a phone number) and 1 for later suffixes, so a B-tree range on
    (inner, key) answers exact, prefix and substring queries in rank order.
    """

    __tablename__ = "search_keys"
    __table_args__ = ({"sqlite_with_rowid": False},)

    inner: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String, primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(1))


class StandingCache(Base):
    """The engine's last verdict per account, so lists can sort and filter by it in SQL.

    Derived data: recomputed from the records (`EngineService.refresh_cache`), never synced.
    """

    __tablename__ = "standing_cache"
    __table_args__ = (
        Index("ix_standing_cache_tier", "tier"),
        Index("ix_standing_cache_next_due", "next_visit_due"),
    )

    account_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tier: Mapped[str] = mapped_column(String(1))
    rank: Mapped[int] = mapped_column(Integer)
    next_visit_due: Mapped[date | None] = mapped_column(Date)
    visit_overdue_days: Mapped[int] = mapped_column(Integer)
    risk_score: Mapped[int] = mapped_column(Integer)
    computed_on: Mapped[date] = mapped_column(Date)


class Meta(Base):
    """Facts about this archive: installation id, last clock stamp."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncPeer(Base):
    """Another installation this archive exchanges packages with: a manager or headquarters."""

    __tablename__ = "sync_peers"

    installation_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    card: Mapped[str] = mapped_column(Text)  # its public key card, as registered
    is_hq: Mapped[bool] = mapped_column(Boolean, default=False)
    sent: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)  # vector sent to it so far
    registered_at: Mapped[datetime] = mapped_column(DateTime)


class SyncPackage(Base):
    """A package written or read: the history the Sync page lists, and replay detection."""

    __tablename__ = "sync_packages"

    package_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))  # "in" or "out"
    kind: Mapped[str] = mapped_column(String(20))
    peer: Mapped[str] = mapped_column(String(200), default="")  # sender, or the recipients
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)  # as the package says (UTC)
    handled_at: Mapped[datetime] = mapped_column(DateTime)  # written or imported here
    file_name: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class SyncConflict(Base):
    """A field changed on both sides without either seeing the other: the value that lost."""

    __tablename__ = "sync_conflicts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(60))
    kept_value: Mapped[Any] = mapped_column(SealedJSON, nullable=True)
    kept_stamp: Mapped[str] = mapped_column(String(64))
    other_value: Mapped[Any] = mapped_column(SealedJSON, nullable=True)
    other_stamp: Mapped[str] = mapped_column(String(64))
    package_id: Mapped[str] = mapped_column(String(64))
    found_at: Mapped[datetime] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    resolution: Mapped[str] = mapped_column(String(10), default="")  # "kept" or "other"


SYNCED_MODELS: tuple[type[Record], ...] = (
    Account,
    AccountYear,
    Contact,
    Preference,
    Anniversary,
    Visit,
    CustomerIssue,
    Greeting,
    PointEntry,
)


def sensitivity_of(model: type[Base], field: str) -> Sensitivity:
    """The sensitivity label of a field of a model."""
    column = model.__table__.columns[field]
    label = column.info.get("sensitivity", NORMAL)
    return Sensitivity(label)
