"""Loyalty points (积分) per account: earned from revenue, redeemed, expired first in, first out.

The ledger is the truth; balances are computed from it. Earned points form lots that expire
POINTS_EXPIRE_MONTHS after the day they were earned; a redemption (or a negative adjustment)
uses the oldest lots still valid on its day. `expire` writes an `expired` entry, dated the day
the lot ran out, for what is left of each lot past its date, so the ledger shows it.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.domain.enums import PointKind
from kamdesk.domain.errors import FieldProblem, NotFound, ValidationError
from kamdesk.domain.settings import GOLD_AT, POINTS_EXPIRE_MONTHS, POINTS_PER_10K, SILVER_AT
from kamdesk.i18n import _
from kamdesk.services.records import RecordService, blank, require
from kamdesk.services.settings import SettingsService
from kamdesk.storage.database import Archive
from kamdesk.storage.models import Account, AccountYear, PointEntry

SILVER, GOLD = "silver", "gold"
_SIGN = {PointKind.EARNED: 1, PointKind.REDEEMED: -1, PointKind.EXPIRED: -1}


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day where it is shorter)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass
class _Lot:
    """Points earned together, with what is left of them."""

    entry_on: date
    expires_on: date | None
    left: int

    def valid_on(self, day: date) -> bool:
        return self.left > 0 and (self.expires_on is None or day < self.expires_on)


@dataclass
class _Book:
    """An account's ledger replayed up to a day: the lots and any overdraft."""

    lots: list[_Lot]
    overdraft: int = 0

    def take(self, points: int, day: date, *, expired: bool = False) -> None:
        """Use `points` from the oldest lots valid on `day` (or, for expiry, already past it)."""
        for lot in self.lots:
            if points == 0:
                return
            usable = lot.left > 0 and (
                (lot.expires_on is not None and lot.expires_on <= day)
                if expired
                else lot.valid_on(day)
            )
            if usable:
                used = min(points, lot.left)
                lot.left -= used
                points -= used
        self.overdraft += points

    def available(self, day: date) -> int:
        return sum(lot.left for lot in self.lots if lot.valid_on(day)) - self.overdraft


def _replay(entries: Iterable[PointEntry], today: date) -> _Book:
    """The state of the ledger after every entry dated up to `today`, in date order."""
    book = _Book([])
    for entry in sorted(entries, key=lambda e: (e.entry_on, e.created_hlc)):
        if entry.entry_on > today:
            break
        if entry.points > 0:
            book.lots.append(_Lot(entry.entry_on, entry.expires_on, entry.points))
        elif entry.points < 0:
            book.take(-entry.points, entry.entry_on, expired=entry.kind == PointKind.EXPIRED)
    book.lots.sort(key=lambda lot: (lot.expires_on or date.max, lot.entry_on))
    return book


class PointsService(RecordService[PointEntry]):
    """The points ledger of each account."""

    model = PointEntry
    noun = "point entry"

    def __init__(self, archive: Archive, settings: SettingsService) -> None:
        super().__init__(archive)
        self.settings = settings

    def earn_for_year(self, account_id: str, year: int) -> PointEntry | None:
        """Points for a finished year's revenue, dated 31 December of that year.

        Running it again adds only what is missing (after a revenue correction upwards), so
        nothing is counted twice; None when there is nothing to add.
        """
        if year >= date.today().year:
            message = _("{y} is not over yet; its points can be earned from 1 January {n}")
            raise ValidationError([FieldProblem("year", message.format(y=year, n=year + 1))])
        values = self.settings.values()
        per_10k, months = values[POINTS_PER_10K.key], values[POINTS_EXPIRE_MONTHS.key]
        year_end = date(year, 12, 31)
        with self.archive.writing() as session:
            account = _live_account(session, account_id)
            revenue = session.scalar(
                select(AccountYear.revenue).where(
                    AccountYear.account_id == account.id,
                    AccountYear.year == year,
                    AccountYear.deleted_at.is_(None),
                )
            )
            if revenue is None:
                message = _("{a} has no revenue recorded for {y}").format(a=account.name, y=year)
                raise NotFound(message)
            due = revenue // 10_000 * per_10k
            already = sum(
                session.scalars(
                    select(PointEntry.points).where(
                        PointEntry.account_id == account.id,
                        PointEntry.kind == PointKind.EARNED,
                        PointEntry.entry_on == year_end,
                        PointEntry.deleted_at.is_(None),
                    )
                )
            )
            if due <= already:
                return None
            entry: PointEntry = self.create_in(
                session,
                {
                    "account_id": account.id,
                    "entry_on": year_end,
                    "kind": PointKind.EARNED,
                    "points": due - already,
                    "reason": _("revenue {y}: {r:,} yuan").format(y=year, r=revenue),
                    "expires_on": add_months(year_end, months) if months else None,
                },
            )
            return entry

    def redeem(
        self, account_id: str, points: int, reason: str, on: date | None = None
    ) -> PointEntry:
        """Use points (a gift, an event); refused if the balance on that day is lower."""
        on = on or date.today()
        if points <= 0:
            raise ValidationError([FieldProblem("points", _("redeem at least 1 point"))])
        if blank(reason):
            raise ValidationError([FieldProblem("reason", _("say what the points were used for"))])
        with self.archive.writing() as session:
            account = _live_account(session, account_id)
            balance = _replay(_entries(session, account.id), on).available(on)
            if points > balance:
                message = _("{a} has only {b} points").format(a=account.name, b=balance)
                raise ValidationError([FieldProblem("points", message)])
            entry: PointEntry = self.create_in(
                session,
                {
                    "account_id": account.id,
                    "entry_on": on,
                    "kind": PointKind.REDEEMED,
                    "points": -points,
                    "reason": reason,
                },
            )
            return entry

    def expire(self, today: date) -> int:
        """Write off points past their date that were not used; returns how many points."""
        with self.archive.writing() as session:
            entries = session.scalars(
                select(PointEntry)
                .join(Account, Account.id == PointEntry.account_id)
                .where(PointEntry.deleted_at.is_(None), Account.deleted_at.is_(None))
                .order_by(PointEntry.account_id)
            ).all()
            by_account: dict[str, list[PointEntry]] = {}
            for entry in entries:
                by_account.setdefault(entry.account_id, []).append(entry)
            total = 0
            for account_id, own in by_account.items():
                for lot in _replay(own, today).lots:
                    if lot.left > 0 and lot.expires_on is not None and lot.expires_on <= today:
                        reason = _("points earned {d} expired").format(d=lot.entry_on)
                        self.create_in(
                            session,
                            {
                                "account_id": account_id,
                                "entry_on": lot.expires_on,
                                "kind": PointKind.EXPIRED,
                                "points": -lot.left,
                                "reason": reason,
                            },
                        )
                        total += lot.left
            return total

    def balance(self, account_id: str, today: date | None = None) -> int:
        """Points that can be used on `today`: expired lots count as gone even before `expire`."""
        today = today or date.today()
        with self.archive.reading() as session:
            account = _live_account(session, account_id)
            return _replay(_entries(session, account.id), today).available(today)

    def level(self, balance: int) -> str:
        """ "", "silver" or "gold" for a balance, by the SILVER_AT and GOLD_AT settings."""
        values = self.settings.values()
        if balance >= values[GOLD_AT.key]:
            return GOLD
        if balance >= values[SILVER_AT.key]:
            return SILVER
        return ""

    def ledger(self, account_id: str) -> list[PointEntry]:
        """Every entry of an account, oldest first."""
        with self.archive.reading() as session:
            account = _live_account(session, account_id)
            return sorted(_entries(session, account.id), key=lambda e: (e.entry_on, e.created_hlc))

    def _prepare(self, session: Session, values: dict[str, Any], record: Any) -> None:
        if record is None:
            values["account_id"] = _live_account(session, values.get("account_id") or "").id

    def _check(self, session: Session, values: Mapping[str, Any], record: Any) -> None:
        problems = []
        points, kind = values.get("points"), values.get("kind")
        if values.get("entry_on") is None:
            problems.append(FieldProblem("entry_on", _("say on which day")))
        if kind is None:
            problems.append(FieldProblem("kind", _("choose earned, redeemed, expired or adjusted")))
        if not points:
            problems.append(FieldProblem("points", _("a number of points other than 0")))
        elif kind in _SIGN and (points > 0) != (_SIGN[kind] > 0):
            sign = _("positive") if _SIGN[kind] > 0 else _("negative")
            message = _("{k} points are {s}").format(k=kind, s=sign)
            problems.append(FieldProblem("points", message))
        require(problems)


def _live_account(session: Session, account_id: str) -> Account:
    account = session.get(Account, account_id)
    if account is None or account.is_deleted:
        raise NotFound(_("no account with id {i}").format(i=account_id))
    return account


def _entries(session: Session, account_id: str) -> list[PointEntry]:
    return list(
        session.scalars(
            select(PointEntry).where(
                PointEntry.account_id == account_id, PointEntry.deleted_at.is_(None)
            )
        )
    )
