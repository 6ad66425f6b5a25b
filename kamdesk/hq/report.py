"""The Excel report across managers, from the HQ database.

Four sheets: managers (accounts, key accounts against the range of 5 to 25, tiers, visits of
the period, open issues, the last package received), accounts with their manager, the visits of
the period and the open issues. An account's manager is the owner HQ recorded for it (see
kamdesk.hq.consolidate); tiers are ranked within each manager's accounts by last year's gross
profit, with the default shares, as on the manager's laptop; a tier set by hand counts. The
workbook is written by kamdesk.interchange.excel (text cells never formulas); no column labelled
sensitive is read.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kamdesk.domain.enums import Tier
from kamdesk.domain.settings import KEY_RANGE_HIGH, KEY_RANGE_LOW, TIER_A_SHARE, TIER_B_SHARE
from kamdesk.domain.value import abc_tiers
from kamdesk.hq.database import HqDatabase
from kamdesk.hq.tables import owners
from kamdesk.i18n import _
from kamdesk.interchange.excel import (
    DAY,
    MOMENT,
    MONEY,
    NUMBER,
    Block,
    Column,
    Period,
    Sheet,
    issues_sheet,
    visits_sheet,
    write_workbook,
)
from kamdesk.services.queries import OPEN_STATUSES
from kamdesk.storage.models import Account, AccountYear, CustomerIssue, SyncPackage, SyncPeer, Visit


@dataclass(frozen=True)
class HqReportSummary:
    """What a written HQ report holds."""

    path: Path
    period: Period
    managers: int
    accounts: int
    visits: int
    open_issues: int


@dataclass
class _Account:
    id: str
    name: str
    manager: str  # installation id ("" when no package named one)
    city: str
    owner: str
    key: bool
    override: Tier | None
    profit: int = 0
    tier: Tier = Tier.C
    last_visit: datetime | None = None
    visits: int = 0
    open_issues: int = 0


def write_hq_report(
    database: HqDatabase,
    path: Path | str,
    year: int | None = None,
    quarter: int | None = None,
    *,
    today: date | None = None,
) -> HqReportSummary:
    """Build the report for `year` (default: this year) or one quarter of it and write it to
    `path`, whole or not at all."""
    today = today or date.today()
    period = Period.of(year if year is not None else today.year, quarter)
    with Session(database.engine) as session, session.begin():
        names = _manager_names(session)
        accounts = _accounts(session, period, today)
        manager_of = {a.id: names.get(a.manager, a.manager) for a in accounts}
        visits = visits_sheet(session, period, manager_of)
        issues = issues_sheet(session, today, manager_of)
        received = _last_received(session)
    sheets = [
        _managers_sheet(accounts, names, received, period),
        _accounts_sheet(accounts, names, today, period),
        visits,
        issues,
    ]
    target = Path(path)
    write_workbook(sheets, target, title=_("kamdesk HQ report {p}").format(p=period.label))
    return HqReportSummary(
        target,
        period,
        len(sheets[0].blocks[0].rows),
        len(accounts),
        len(visits.blocks[0].rows),
        len(issues.blocks[0].rows),
    )


def _manager_names(session: Session) -> dict[str, str]:
    """Installation id -> the name on the manager's registered key (or the id)."""
    rows = session.execute(select(SyncPeer.installation_id, SyncPeer.name))
    return {installation: name or installation for installation, name in rows}


def _accounts(session: Session, period: Period, today: date) -> list[_Account]:
    """Every live account with its manager, figures and tier."""
    owner_of = dict(
        session.execute(
            select(owners.c.record_id, owners.c.installation_id).where(
                owners.c.table_name == "accounts"
            )
        ).all()
    )
    found = {
        row.id: _Account(
            row.id,
            row.name,
            owner_of.get(row.id, ""),
            row.city or "",
            row.owner or "",
            bool(row.is_key_account),
            row.tier_override,
        )
        for row in session.execute(
            select(
                Account.id,
                Account.name,
                Account.city,
                Account.owner,
                Account.is_key_account,
                Account.tier_override,
            ).where(Account.deleted_at.is_(None))
        )
    }
    for account_id, profit in session.execute(
        select(AccountYear.account_id, func.sum(AccountYear.gross_profit))
        .where(AccountYear.deleted_at.is_(None), AccountYear.year == today.year - 1)
        .group_by(AccountYear.account_id)
    ):
        if account_id in found:
            found[account_id].profit = int(profit or 0)
    start = datetime.combine(period.start, datetime.min.time())
    end = datetime.combine(period.end + timedelta(days=1), datetime.min.time())
    in_period = func.count().filter(Visit.occurred_at >= start, Visit.occurred_at < end)
    for account_id, last, count in session.execute(
        select(Visit.account_id, func.max(Visit.occurred_at), in_period)
        .where(
            Visit.deleted_at.is_(None),
            Visit.occurred_at < datetime.combine(today, datetime.max.time()),
        )
        .group_by(Visit.account_id)
    ):
        if account_id in found:
            found[account_id].last_visit = last
            found[account_id].visits = int(count or 0)
    for account_id, count in session.execute(
        select(CustomerIssue.account_id, func.count())
        .where(CustomerIssue.deleted_at.is_(None), CustomerIssue.status.in_(OPEN_STATUSES))
        .group_by(CustomerIssue.account_id)
    ):
        if account_id in found:
            found[account_id].open_issues = int(count)
    by_manager: dict[str, list[_Account]] = defaultdict(list)
    for account in found.values():
        by_manager[account.manager].append(account)
    a_share, b_share = float(TIER_A_SHARE.default), float(TIER_B_SHARE.default)
    for group in by_manager.values():
        ranked = abc_tiers({a.id: a.profit for a in group}, a_share, b_share)
        for account in group:
            account.tier = account.override or ranked[account.id].tier
    return sorted(found.values(), key=lambda a: (a.manager, -a.profit, a.name, a.id))


def _last_received(session: Session) -> dict[str, datetime]:
    rows = session.execute(
        select(SyncPackage.peer, func.max(SyncPackage.handled_at))
        .where(SyncPackage.direction == "in")
        .group_by(SyncPackage.peer)
    )
    return {peer: moment for peer, moment in rows}


def _managers_sheet(
    accounts: list[_Account], names: dict[str, str], received: dict[str, datetime], period: Period
) -> Sheet:
    low, high = int(KEY_RANGE_LOW.default), int(KEY_RANGE_HIGH.default)
    groups: dict[str, list[_Account]] = {manager: [] for manager in names}
    for account in accounts:
        groups.setdefault(account.manager, []).append(account)
    columns = (
        Column(_("Manager")),
        Column(_("Installation")),
        Column(_("Accounts"), NUMBER),
        Column(_("Key accounts"), NUMBER),
        Column(_("Key accounts {low} to {high}").format(low=low, high=high)),
        Column(_("Tier A"), NUMBER),
        Column(_("Tier B"), NUMBER),
        Column(_("Tier C"), NUMBER),
        Column(_("Visits {p}").format(p=period.label), NUMBER),
        Column(_("Open issues"), NUMBER),
        Column(_("Last package received"), MOMENT),
    )
    rows = []
    for manager, group in sorted(groups.items(), key=lambda item: names.get(item[0], item[0])):
        tiers = Counter(a.tier for a in group)
        key = sum(1 for a in group if a.key)
        verdict = (
            _("too few") if key < low else _("too many") if key > high else _("within the range")
        )
        rows.append(
            (
                names.get(manager, manager) or _("(no manager)"),
                manager,
                len(group),
                key,
                verdict,
                tiers[Tier.A],
                tiers[Tier.B],
                tiers[Tier.C],
                sum(a.visits for a in group),
                sum(a.open_issues for a in group),
                received.get(manager),
            )
        )
    return Sheet(_("Managers"), [Block(columns, rows)])


def _accounts_sheet(
    accounts: list[_Account], names: dict[str, str], today: date, period: Period
) -> Sheet:
    columns = (
        Column(_("Manager")),
        Column(_("Account")),
        Column(_("Tier")),
        Column(_("Key account")),
        Column(_("Owner")),
        Column(_("City")),
        Column(_("Gross profit {y}").format(y=today.year - 1), MONEY),
        Column(_("Last visit"), DAY),
        Column(_("Visits {p}").format(p=period.label), NUMBER),
        Column(_("Open issues"), NUMBER),
    )
    rows = [
        (
            names.get(a.manager, a.manager),
            a.name,
            a.tier.value,
            _("yes") if a.key else _("no"),
            a.owner,
            a.city,
            a.profit,
            a.last_visit.date() if a.last_visit else None,
            a.visits,
            a.open_issues,
        )
        for a in accounts
    ]
    return Sheet(_("Accounts"), [Block(columns, rows)])
