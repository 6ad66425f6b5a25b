"""The one object front ends hold: an open archive and the services over it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kamdesk.domain.enums import Tier
from kamdesk.domain.search_keys import account_keys, contact_keys
from kamdesk.i18n import _
from kamdesk.services import lists, queries
from kamdesk.services.accounts import AccountService
from kamdesk.services.agenda import VISIT_DUE, AgendaItem, AgendaService
from kamdesk.services.contacts import ContactService
from kamdesk.services.engagement import (
    AnniversaryService,
    IssueService,
    PreferenceService,
    VisitService,
    YearFigureService,
)
from kamdesk.services.engine import EngineService
from kamdesk.services.greetings import GreetingService
from kamdesk.services.plans import PlanService
from kamdesk.services.points import PointsService
from kamdesk.services.settings import SettingsService
from kamdesk.storage.database import Archive
from kamdesk.storage.search_index import rebuild

if TYPE_CHECKING:
    from kamdesk.services.security import SecurityService
    from kamdesk.sync.service import SyncService


@dataclass(frozen=True)
class CheckReport:
    """What `kamdesk check` found; `ok` when there is nothing to fix."""

    integrity: list[str]
    foreign_keys: list[str]
    search_index: list[str]

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.foreign_keys or self.search_index)


class Workbench:
    """Services over one open archive; close it (or use `with`) to release the file."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.accounts = AccountService(archive)
        self.contacts = ContactService(archive)
        self.preferences = PreferenceService(archive)
        self.anniversaries = AnniversaryService(archive)
        self.visits = VisitService(archive)
        self.issues = IssueService(archive)
        self.years = YearFigureService(archive)
        self.settings = SettingsService(archive)
        self.engine = EngineService(archive, self.settings)
        self.agenda = AgendaService(archive, self.settings, visits_due=self._visits_due)
        self.greetings = GreetingService(archive)
        self.points = PointsService(archive, self.settings)
        self.plans = PlanService(archive, self.settings, tiers=self._tier_of)

    @cached_property
    def sync(self) -> SyncService:
        """Exchange packages (loaded on first use: it brings the cryptography libraries)."""
        from kamdesk.sync.service import SyncService

        return SyncService(self.archive)

    @cached_property
    def security(self) -> SecurityService:
        """The passphrase protecting the sensitive fields (see docs/security.md)."""
        from kamdesk.services.security import SecurityService

        return SecurityService(self.archive, self.settings)

    def _tier_of(self, account_id: str) -> Tier:
        return self.engine.standing(account_id).tier

    @classmethod
    def open(cls, path: Path | str, *, write: bool = True) -> Workbench:
        """Open the archive at `path` (created and upgraded as needed)."""
        return cls(Archive.open(path, write=write))

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> Workbench:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def search(self, text: str, *, limit: int = 20) -> list[queries.SearchHit]:
        """Accounts and contacts by characters, pinyin, initials or phone digits."""
        with self.archive.raw_reading() as connection:
            return queries.search(connection, text, limit=limit)

    def account_page(
        self, query: lists.AccountQuery, *, offset: int = 0, limit: int = 200
    ) -> list[lists.AccountListRow]:
        """One page of the accounts list, filtered and sorted in SQL."""
        with self.archive.raw_reading() as connection:
            return lists.account_page(connection, query, offset=offset, limit=limit)

    def account_first_page(
        self, query: lists.AccountQuery, *, limit: int = 200
    ) -> tuple[list[lists.AccountListRow], int]:
        """The first page of the accounts list and how many rows there are in all."""
        with self.archive.raw_reading() as connection:
            return lists.account_first_page(connection, query, limit=limit)

    def account_ids(self, query: lists.AccountQuery) -> list[str]:
        """Every account of the list for `query`, in its order."""
        with self.archive.raw_reading() as connection:
            return lists.account_ids(connection, query)

    def account_count(self, query: lists.AccountQuery) -> int:
        with self.archive.raw_reading() as connection:
            return lists.account_count(connection, query)

    def account_choices(self) -> tuple[list[str], list[str]]:
        """Owners and regions in use, for filters."""
        with self.archive.raw_reading() as connection:
            return lists.account_choices(connection)

    def contact_page(
        self, query: lists.ContactQuery, *, offset: int = 0, limit: int = 200
    ) -> list[lists.ContactListRow]:
        """One page of the contacts list, filtered and sorted in SQL."""
        with self.archive.raw_reading() as connection:
            return lists.contact_page(connection, query, offset=offset, limit=limit)

    def contact_first_page(
        self, query: lists.ContactQuery, *, limit: int = 200
    ) -> tuple[list[lists.ContactListRow], int]:
        """The first page of the contacts list and how many rows there are in all."""
        with self.archive.raw_reading() as connection:
            return lists.contact_first_page(connection, query, limit=limit)

    def contact_count(self, query: lists.ContactQuery) -> int:
        with self.archive.raw_reading() as connection:
            return lists.contact_count(connection, query)

    def _visits_due(self, first: date, last: date) -> list[AgendaItem]:
        """Visits the cadence of each account's tier calls for by `last` (overdue ones too)."""
        items = []
        for standing in self.engine.standings(today=first):
            for due, label in (
                (standing.next_visit_due, _("visit due")),
                (standing.next_executive_due, _("executive visit due")),
                (standing.next_maintenance_due, _("maintenance visit due")),
            ):
                if due is None or due > last:
                    continue
                overdue = due < first
                detail = _("tier {t}").format(t=standing.tier.value)
                if overdue:
                    detail += " · " + _("{n} days overdue").format(n=(first - due).days)
                items.append(
                    AgendaItem(
                        max(due, first) if overdue else due,
                        VISIT_DUE,
                        f"{standing.name}: {label}",
                        standing.account_id,
                        None,
                        None,
                        overdue,
                        detail,
                    )
                )
        return items

    def check(self) -> CheckReport:
        """Integrity, foreign keys, and whether every live record can be found by its name."""
        with self.archive.raw_reading() as conn:
            integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if integrity == ["ok"]:
                integrity = []
            foreign = [
                f"{table} row {rowid} -> {parent}"
                for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check")
            ]
            missing, expected = [], 0
            probe = 'SELECT 1 FROM search_keys WHERE "inner" = ? AND "key" = ? AND entity_id = ?'
            for kind, sql in (
                ("a", "SELECT id, name, short_name FROM accounts WHERE deleted_at IS NULL"),
                ("c", "SELECT id, name, phones FROM contacts WHERE deleted_at IS NULL"),
            ):
                for entity_id, name, extra in conn.execute(sql).fetchall():
                    if kind == "a":
                        keys = account_keys(name, extra)
                    else:
                        keys = contact_keys(name, _json_list(extra))
                    expected += len(keys)
                    for i, k in keys:
                        if conn.execute(probe, (i, k, entity_id)).fetchone() is None:
                            missing.append(name)
                            break
            stored = conn.execute("SELECT count(*) FROM search_keys").fetchone()[0]
            if stored > expected:
                missing.append(_("{n} stale keys").format(n=stored - expected))
        return CheckReport(integrity, foreign, missing)

    def rebuild_search(self) -> int:
        """Recompute every search key; returns how many were written."""
        with self.archive.writing() as session:
            return rebuild(session.connection())


def _json_list(raw: str | None) -> list[str]:
    import json

    value = json.loads(raw or "[]")
    return [str(v) for v in value] if isinstance(value, list) else []
