"""Pages of the accounts and contacts lists: filtered, sorted and cut in SQL, so 100,000 rows
scroll as fast as 100. The desktop's table models fetch one page at a time from here."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from kamdesk.domain.enums import AccountStatus, Attitude, ContactLevel, Tier
from kamdesk.domain.search_keys import query_text
from kamdesk.storage import search_index

SEARCH_LIMIT = 1000
"""A search narrows a list to at most this many records, the best-ranked ones (exact, then
prefix, then inside): enough to scan by eye, and it keeps each keystroke fast."""


class AccountSort(StrEnum):
    """Columns the accounts list can be sorted by."""

    NAME = "name"
    TIER = "tier"
    OWNER = "owner"
    CITY = "city"
    LAST_VISIT = "last_visit"
    NEXT_DUE = "next_due"
    OPEN_ISSUES = "open_issues"


@dataclass(frozen=True)
class AccountQuery:
    """What the accounts list shows; empty fields do not filter."""

    text: str = ""
    tier: Tier | None = None
    status: AccountStatus | None = None
    region: str = ""
    owner: str = ""
    overdue_only: bool = False
    key_only: bool = False
    sort: AccountSort = AccountSort.NAME
    descending: bool = False


@dataclass(frozen=True)
class AccountListRow:
    """One line of the accounts list."""

    id: str
    name: str
    tier: Tier | None  # None until the engine has ranked the account
    is_key_account: bool
    owner: str
    city: str
    region: str
    status: AccountStatus
    last_visit: date | None
    next_visit_due: date | None
    overdue_days: int
    open_issues: int


_ACCOUNT_ORDER = {
    AccountSort.NAME: "a.name",
    AccountSort.TIER: "COALESCE(s.tier, 'Z')",
    AccountSort.OWNER: "a.owner",
    AccountSort.CITY: "a.city",
    AccountSort.LAST_VISIT: "last_visit",
    AccountSort.NEXT_DUE: "COALESCE(s.next_visit_due, '9999')",
    AccountSort.OPEN_ISSUES: "open_issues",
}

_LAST_VISIT = """(SELECT MAX(v.occurred_at) FROM visits v
      WHERE v.account_id = a.id AND v.deleted_at IS NULL)"""
_OPEN_ISSUES = """(SELECT COUNT(*) FROM customer_issues i
      WHERE i.account_id = a.id AND i.deleted_at IS NULL
        AND i.status IN ('open', 'in_progress'))"""
_ACCOUNT_COLUMNS = f"""
    a.id, a.name, s.tier, a.is_key_account, a.owner, a.city, a.region, a.status,
    {_LAST_VISIT} AS last_visit, s.next_visit_due, COALESCE(s.visit_overdue_days, 0),
    {_OPEN_ISSUES} AS open_issues
"""
_ACCOUNT_FIGURES = f", {_LAST_VISIT} AS last_visit, {_OPEN_ISSUES} AS open_issues"
"""What sorting by last visit or open issues needs computed for every matching row."""
_FIGURE_SORTS = {AccountSort.LAST_VISIT, AccountSort.OPEN_ISSUES}


def _account_where(conn: sqlite3.Connection, query: AccountQuery) -> tuple[str, list[object]]:
    clauses = ["a.deleted_at IS NULL"]
    params: list[object] = []
    if query.text.strip():
        ids = matching_account_ids(conn, query.text)
        if not ids:
            return "0", []
        clauses.append("a.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(ids))
    if query.tier is not None:
        clauses.append("s.tier = ?")
        params.append(str(query.tier))
    if query.status is not None:
        clauses.append("a.status = ?")
        params.append(str(query.status))
    if query.region:
        clauses.append("(a.region = ? OR a.city = ?)")
        params += [query.region, query.region]
    if query.owner:
        clauses.append("a.owner = ?")
        params.append(query.owner)
    if query.overdue_only:
        clauses.append("s.visit_overdue_days > 0")
    if query.key_only:
        clauses.append("a.is_key_account = 1")
    return " AND ".join(clauses), params


def matching_account_ids(conn: sqlite3.Connection, text: str) -> list[str]:
    """Accounts found by `text` themselves or through one of their contacts, best match first."""
    found = list(search_index.matches(conn, query_text(text), SEARCH_LIMIT))
    contact_ids = [i for kind, i in found if kind == search_index.CONTACT]
    owners: dict[str, str] = {}
    if contact_ids:
        owners = dict(
            conn.execute(
                "SELECT id, account_id FROM contacts WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(contact_ids),),
            ).fetchall()
        )
    ids: dict[str, None] = {}
    for kind, i in found:
        account_id = i if kind == search_index.ACCOUNT else owners.get(i)
        if account_id:
            ids.setdefault(account_id)
    return list(ids)


def account_page(
    conn: sqlite3.Connection, query: AccountQuery, *, offset: int = 0, limit: int = 200
) -> list[AccountListRow]:
    """One page of the accounts list."""
    return _account_page(conn, query, _account_where(conn, query), offset, limit)


def account_first_page(
    conn: sqlite3.Connection, query: AccountQuery, *, limit: int = 200
) -> tuple[list[AccountListRow], int]:
    """The first page and the total, searching only once (what each keystroke needs)."""
    where = _account_where(conn, query)
    return _account_page(conn, query, where, 0, limit), _account_total(conn, where)


def account_ids(conn: sqlite3.Connection, query: AccountQuery) -> list[str]:
    """The id of every account the list shows for `query`, in its order (for printing them)."""
    return _account_ids(conn, query, _account_where(conn, query), 0, -1)


def _account_ids(
    conn: sqlite3.Connection,
    query: AccountQuery,
    where: tuple[str, list[object]],
    offset: int,
    limit: int,
) -> list[str]:
    """Ids of one page in the list's order (limit -1: all of them)."""
    clause, params = where
    direction = "DESC" if query.descending else "ASC"
    order = f"{_ACCOUNT_ORDER[query.sort]} {direction}, a.name {direction}, a.id"
    sort_needs = _ACCOUNT_FIGURES if query.sort in _FIGURE_SORTS else ""
    return [
        row[0]
        for row in conn.execute(
            f"SELECT a.id{sort_needs} FROM accounts a"
            " LEFT JOIN standing_cache s ON s.account_id = a.id"
            f" WHERE {clause} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    ]


def _account_page(
    conn: sqlite3.Connection,
    query: AccountQuery,
    where: tuple[str, list[object]],
    offset: int,
    limit: int,
) -> list[AccountListRow]:
    # Pick the page's ids first, then compute the per-row figures for those rows only:
    # SQLite would otherwise work them out for every matching row before sorting.
    ids = _account_ids(conn, query, where, offset, limit)
    if not ids:
        return []
    sql = (
        f"SELECT {_ACCOUNT_COLUMNS} FROM accounts a"
        " LEFT JOIN standing_cache s ON s.account_id = a.id"
        " WHERE a.id IN (SELECT value FROM json_each(?))"
    )
    found = {}
    for (
        aid,
        name,
        tier,
        key,
        owner,
        city,
        region,
        status,
        last,
        due,
        overdue,
        issues,
    ) in conn.execute(sql, (json.dumps(ids),)):
        found[aid] = AccountListRow(
            id=aid,
            name=name,
            tier=Tier(tier) if tier else None,
            is_key_account=bool(key),
            owner=owner or "",
            city=city or "",
            region=region or "",
            status=AccountStatus(status),
            last_visit=_day(last),
            next_visit_due=_day(due),
            overdue_days=int(overdue or 0),
            open_issues=int(issues),
        )
    return [found[i] for i in ids if i in found]


def account_count(conn: sqlite3.Connection, query: AccountQuery) -> int:
    """How many accounts the list shows in all."""
    return _account_total(conn, _account_where(conn, query))


def _account_total(conn: sqlite3.Connection, where: tuple[str, list[object]]) -> int:
    clause, params = where
    sql = (
        "SELECT COUNT(*) FROM accounts a LEFT JOIN standing_cache s ON s.account_id = a.id"
        f" WHERE {clause}"
    )
    return int(conn.execute(sql, params).fetchone()[0])


def account_choices(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """The owners and regions in use, for the list's filters."""
    owners = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT owner FROM accounts WHERE deleted_at IS NULL AND owner != ''"
            " ORDER BY owner"
        )
    ]
    regions = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT region FROM accounts WHERE deleted_at IS NULL AND region != ''"
            " ORDER BY region"
        )
    ]
    return owners, regions


class ContactSort(StrEnum):
    """Columns the contacts list can be sorted by."""

    NAME = "name"
    ACCOUNT = "account"
    TITLE = "title"
    LEVEL = "level"
    STRENGTH = "strength"


@dataclass(frozen=True)
class ContactQuery:
    """What the contacts list shows."""

    text: str = ""
    account_id: str = ""
    level: ContactLevel | None = None
    sort: ContactSort = ContactSort.NAME
    descending: bool = False


@dataclass(frozen=True)
class ContactListRow:
    """One line of the contacts list."""

    id: str
    name: str
    account_id: str
    account_name: str
    title: str
    level: ContactLevel | None
    attitude: Attitude | None
    strength: int | None
    phone: str


_LEVEL_RANK = (
    "CASE c.level "
    + " ".join(f"WHEN '{level.value}' THEN {rank}" for rank, level in enumerate(ContactLevel))
    + f" ELSE {len(ContactLevel)} END"
)

_CONTACT_ORDER = {
    ContactSort.NAME: "c.name",
    ContactSort.ACCOUNT: f"a.name {{d}}, {_LEVEL_RANK}",
    ContactSort.TITLE: "c.title",
    ContactSort.LEVEL: _LEVEL_RANK,
    ContactSort.STRENGTH: "COALESCE(c.strength, 0)",
}


def _contact_where(conn: sqlite3.Connection, query: ContactQuery) -> tuple[str, list[object]]:
    clauses = ["c.deleted_at IS NULL"]
    params: list[object] = []
    if query.text.strip():
        found = search_index.matches(conn, query_text(query.text), SEARCH_LIMIT)
        ids = [i for kind, i in found if kind == search_index.CONTACT]
        if not ids:
            return "0", []
        clauses.append("c.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(ids))
    if query.account_id:
        clauses.append("c.account_id = ?")
        params.append(query.account_id)
    if query.level is not None:
        clauses.append("c.level = ?")
        params.append(str(query.level))
    return " AND ".join(clauses), params


def contact_page(
    conn: sqlite3.Connection, query: ContactQuery, *, offset: int = 0, limit: int = 200
) -> list[ContactListRow]:
    """One page of the contacts list."""
    return _contact_page(conn, query, _contact_where(conn, query), offset, limit)


def contact_first_page(
    conn: sqlite3.Connection, query: ContactQuery, *, limit: int = 200
) -> tuple[list[ContactListRow], int]:
    """The first page and the total, searching only once."""
    where = _contact_where(conn, query)
    return _contact_page(conn, query, where, 0, limit), _contact_total(conn, where)


def _contact_page(
    conn: sqlite3.Connection,
    query: ContactQuery,
    where: tuple[str, list[object]],
    offset: int,
    limit: int,
) -> list[ContactListRow]:
    clause, params = where
    direction = "DESC" if query.descending else "ASC"
    order = _CONTACT_ORDER[query.sort].replace("{d}", direction)
    sql = (
        "SELECT c.id, c.name, c.account_id, a.name, c.title, c.level, c.attitude, c.strength,"
        " c.phones FROM contacts c JOIN accounts a ON a.id = c.account_id"
        f" WHERE {clause} ORDER BY {order} {direction}, c.name, c.id LIMIT ? OFFSET ?"
    )
    rows = []
    for cid, name, aid, aname, title, level, attitude, strength, phones in conn.execute(
        sql, [*params, limit, offset]
    ):
        numbers = json.loads(phones) if phones else []
        rows.append(
            ContactListRow(
                id=cid,
                name=name,
                account_id=aid,
                account_name=aname,
                title=title or "",
                level=ContactLevel(level) if level else None,
                attitude=Attitude(attitude) if attitude else None,
                strength=strength,
                phone=numbers[0] if numbers else "",
            )
        )
    return rows


def contact_count(conn: sqlite3.Connection, query: ContactQuery) -> int:
    """How many contacts the list shows in all."""
    return _contact_total(conn, _contact_where(conn, query))


def _contact_total(conn: sqlite3.Connection, where: tuple[str, list[object]]) -> int:
    clause, params = where
    return int(
        conn.execute(f"SELECT COUNT(*) FROM contacts c WHERE {clause}", params).fetchone()[0]
    )


def _day(value: str | None) -> date | None:
    if not value:
        return None
    return datetime.fromisoformat(value).date() if len(value) > 10 else date.fromisoformat(value)
