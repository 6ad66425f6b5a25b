"""The agenda: what is coming up (days to remember, festivals, renewals, follow-ups, issues).

Anniversaries are the large source (tens of thousands in a big archive), so they are matched in
SQL: every possible recurring day (366 solar, 720 lunar) is resolved for the window once with
`resolve_many`, and one query fetches only the rows whose day lands in it, as plain tuples.
"""

from __future__ import annotations

import calendar as _solar_calendar
import heapq
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from operator import attrgetter
from string import Formatter

from kamdesk.domain.calendar_days import (
    RULE_FEB29_TO_FEB28,
    RULE_LAST_DAY_OF_MONTH,
    RULE_LEAP_TO_ORDINARY,
    Occurrence,
    Recurring,
    festivals_between,
    resolve_many,
)
from kamdesk.domain.enums import AnniversaryKind, CalendarKind
from kamdesk.domain.errors import FieldProblem, ValidationError
from kamdesk.domain.settings import AGENDA_DAYS
from kamdesk.i18n import _
from kamdesk.services.bulk import collector_paused
from kamdesk.services.settings import SettingsService
from kamdesk.storage.database import Archive

ANNIVERSARY, FESTIVAL, RENEWAL = "anniversary", "festival", "renewal"
FOLLOW_UP, VISIT_DUE, ISSUE_DUE = "follow_up", "visit_due", "issue_due"
KINDS = (ANNIVERSARY, FESTIVAL, RENEWAL, FOLLOW_UP, VISIT_DUE, ISSUE_DUE)
"""Agenda item kinds, in the order items of one day are listed."""
OVERDUE_FOLLOW_UP_DAYS = 90
"""Follow-ups missed longer ago than this are left out: the agenda is not an archive."""
MAX_DAYS = 366


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One thing on the agenda, with the record it comes from."""

    on: date
    kind: str  # one of KINDS
    title: str
    account_id: str | None
    contact_id: str | None
    record_id: str | None  # the anniversary / visit / issue it comes from
    overdue: bool
    detail: str  # the rule applied, the account name, lead days …


VisitsDue = Callable[[date, date], list[AgendaItem]]
"""(first day, last day — both inclusive) -> visits the cadence says are due in that window."""


class AgendaService:
    """Builds the agenda of one archive for a window of days."""

    def __init__(
        self, archive: Archive, settings: SettingsService, visits_due: VisitsDue | None = None
    ) -> None:
        self.archive = archive
        self.settings = settings
        self.visits_due = visits_due

    @collector_paused
    def agenda(self, start: date, days: int | None = None) -> list[AgendaItem]:
        """Items of [start, start + days), overdue ones first, then by date and kind."""
        if days is None:
            days = int(self.settings.get(AGENDA_DAYS))
        if not 1 <= days <= MAX_DAYS:
            message = _("the agenda covers 1 to {n} days").format(n=MAX_DAYS)
            raise ValidationError([FieldProblem("days", message)])
        end = start + timedelta(days=days - 1)  # inclusive from here on
        anniversaries = self.anniversaries(start, end)
        others = [
            AgendaItem(when, FESTIVAL, f.name_zh, None, None, None, False, f.name_en)
            for when, f in festivals_between(start, end)
        ]
        with self.archive.raw_reading() as connection:
            others += _renewals(connection, start, end)
            others += _follow_ups(connection, start, end)
            others += _issues(connection, start, end)
        if self.visits_due is not None:
            others += self.visits_due(start, end)
        order = {kind: n for n, kind in enumerate(KINDS)}
        others.sort(key=lambda i: (not i.overdue, i.on, order.get(i.kind, len(order)), i.title))
        overdue = [i for i in others if i.overdue]
        upcoming = [i for i in others if not i.overdue]
        # Anniversaries come by date and first within a day: merge rather than sort them again.
        return [*overdue, *heapq.merge(anniversaries, upcoming, key=attrgetter("on"))]

    @collector_paused
    def anniversaries(self, start: date, end: date) -> list[AgendaItem]:
        """Anniversaries of live contacts and accounts on start..end (inclusive), by date.

        Within a day they come by the month and day they were entered with, then in the order
        they were entered in. One query reads only the recurring days that occur in the window,
        from the covering index on (calendar, leap month, month, day), with the names of their
        accounts and contacts joined in.
        """
        if end < start:
            return []
        days = _days_in_window(start, end)
        if not days:
            return []
        spans = _day_spans(days.values())
        where_days = " OR ".join([_SPAN_SQL] * len(spans))
        query = f"""
            SELECT a.month * 40 + a.day, a.rowid, a.id, a.account_id, a.contact_id,
                   a.family_member, a.kind, {_KEY_SQL}, a.year, a.lead_days, ac.name,
                   ac.short_name, c.name
            FROM anniversaries AS a
            JOIN accounts AS ac ON ac.id = a.account_id AND ac.deleted_at IS NULL
            LEFT JOIN contacts AS c ON c.id = a.contact_id AND c.deleted_at IS NULL
            WHERE a.deleted_at IS NULL AND ({where_days})
        """  # only "?" placeholders and the constants _SPAN_SQL and _KEY_SQL are put into the text
        with self.archive.raw_reading() as connection:
            params = [value for span in spans for value in span]
            rows = connection.execute(query, params).fetchall()
        # By month and day, then rowid (the order entered): the first two columns, unique
        # together, so the tuples never compare further. Sorting here is cheaper than asking
        # SQLite to copy every row through a sorter.
        rows.sort()
        titles = _Titles(days)
        family_of = _("{contact}'s {member}").format
        ages, remind = _Texts(_SEP + _("{n} years")), _Texts(_SEP + _("remind {n} days ahead"))
        item = AgendaItem
        reveal = self.archive.sealer.open  # family members' names are sealed when protected
        by_date: defaultdict[date, list[AgendaItem]] = defaultdict(list)
        for row in rows:
            rid, account_id, contact_id, member, kind, key, year, lead, name, short, person = row[
                2:
            ]
            if contact_id and person is None:
                continue  # the contact is deleted
            if person is None:
                who = short or name
            elif member:
                who = family_of(contact=person, member=reveal(member))
            else:
                who = person
            day = days[key]
            title = titles.title(who, kind, key)
            for on, rule, in_year in day.places:
                detail = name + rule  # the parts joined by _SEP, as the rule text already is
                if year and in_year > year:
                    detail += ages[in_year - year]
                if lead:
                    detail += remind[lead]
                by_date[on].append(
                    item(on, ANNIVERSARY, title, account_id, contact_id, rid, False, detail)
                )
        return [item for on in sorted(by_date) for item in by_date[on]]


# anniversaries ---------------------------------------------------------------------------------

_KEY_SQL = "((a.calendar = 'lunar') * 10000 + a.leap_month * 1000 + a.month * 40 + a.day)"
"""One integer per distinct recurring day; `_key` computes the same in Python."""

_SPAN_SQL = "(a.calendar = ? AND a.leap_month = ? AND a.month = ? AND a.day BETWEEN ? AND ?)"
"""Days first to last of one month of one calendar: a range of ix_anniversaries_recurring."""

_SEP = " · "
"""Between the parts of an item's detail."""


def _key(lunar: bool, month: int, day: int, leap: bool) -> int:
    return lunar * 10000 + leap * 1000 + month * 40 + day


class _Titles(dict[tuple[str, int], "list[str] | None"]):
    """Titles "{who} {kind} ({day})" of anniversaries, by kind and day, whoever's day it is.

    Thousands of rows share a kind and a day, so each such title is formatted once, cut where
    whose day it is goes, and a row only joins its name in. Where that would not give what
    formatting gives (a translation that converts or pads {who}), the title is formatted whole.
    """

    def __init__(self, days: Mapping[int, _DayInWindow]) -> None:
        super().__init__()
        self.days = days
        self.template = _("{who} {kind} ({day})")
        self.labels: dict[str, str] = {kind: kind_label(kind) for kind in AnniversaryKind}
        self.plain_who = all(
            not spec and not conversion
            for _text, field, spec, conversion in Formatter().parse(self.template)
            if field == "who"
        )

    def title(self, who: str, kind: str, key: int) -> str:
        parts = self[kind, key]
        if parts is None:
            return self._format(who, kind, key)
        return who.join(parts)

    def __missing__(self, kind_and_key: tuple[str, int]) -> list[str] | None:
        kind, key = kind_and_key
        parts = None
        if self.plain_who:
            ahead = self._format(_WHO, kind, key)
            if ahead.count(_WHO) == self.template.count("{who}"):
                parts = ahead.split(_WHO)
        self[kind_and_key] = parts
        return parts

    def _format(self, who: str, kind: str, key: int) -> str:
        return self.template.format(
            who=who, kind=self.labels.get(kind, kind), day=self.days[key].label
        )


_WHO = "\x00"
"""Stands in for whose day it is in a title formatted ahead."""


class _Texts(dict[int, str]):
    """A message with a number, formatted once per number."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def __missing__(self, n: int) -> str:
        self[n] = text = self.message.format(n=n)
        return text


@dataclass(frozen=True)
class _DayInWindow:
    """A recurring day that occurs in the window: how it is written and where it falls."""

    lunar: bool
    month: int
    day: int
    leap: bool
    label: str
    # (date, the rule in words after _SEP or "", the year it falls in)
    places: tuple[tuple[date, str, int], ...]


@cache
def _every_day() -> tuple[Recurring, ...]:
    """Every recurring day an anniversary can have: 366 solar, 360 lunar, 360 leap lunar."""
    solar = [
        Recurring(CalendarKind.SOLAR, m, d)
        for m in range(1, 13)
        for d in range(1, _solar_calendar.monthrange(2000, m)[1] + 1)
    ]
    lunar = [
        Recurring(CalendarKind.LUNAR, m, d, leap)
        for m in range(1, 13)
        for d in range(1, 31)
        for leap in (False, True)
    ]
    return (*solar, *lunar)


@lru_cache(maxsize=16)
def _days_in_window(start: date, end: date) -> dict[int, _DayInWindow]:
    """{day key: the day} for every recurring day that occurs in start..end (a pure function)."""
    days = _every_day()
    places: defaultdict[int, list[Occurrence]] = defaultdict(list)
    for index, occurrence in resolve_many(days, start, end):
        d = days[index]
        places[_key(d.calendar is CalendarKind.LUNAR, d.month, d.day, d.leap_month)].append(
            occurrence
        )
    result = {}
    for key, found in places.items():
        lunar, leap = key >= 10000, key % 10000 >= 1000
        month, day_index = divmod(key % 1000 - 1, 40)
        day = day_index + 1
        result[key] = _DayInWindow(
            lunar,
            month,
            day,
            leap,
            day_label(lunar, month, day, leap),
            tuple(
                (
                    o.date,
                    _joined(rule_text(o.rule, lunar, month, day, o.date)),
                    lunar_year_of(o.date, month) if lunar else o.date.year,
                )
                for o in found
            ),
        )
    return result


def _joined(part: str) -> str:
    """A part of an item's detail as it follows the one before ("" stays "")."""
    return _SEP + part if part else ""


def _day_spans(days: Iterable[_DayInWindow]) -> list[tuple[str, bool, int, int, int]]:
    """(calendar, leap month, month, first day, last day) runs covering exactly the given days."""
    by_month: defaultdict[tuple[str, bool, int], set[int]] = defaultdict(set)
    for d in days:
        calendar = CalendarKind.LUNAR.value if d.lunar else CalendarKind.SOLAR.value
        by_month[calendar, d.leap, d.month].add(d.day)
    spans = []
    for (calendar, leap, month), numbers in sorted(by_month.items()):
        run: list[int] = []
        for day in sorted(numbers):
            if run and day != run[-1] + 1:
                spans.append((calendar, leap, month, run[0], run[-1]))
                run = []
            run.append(day)
        spans.append((calendar, leap, month, run[0], run[-1]))
    return spans


def whose(contact_name: str | None, family_member: str, account_name: str) -> str:
    """Whose day it is: the contact, a family member of the contact, or the account."""
    if contact_name is None:
        return account_name
    if family_member:
        return _("{contact}'s {member}").format(contact=contact_name, member=family_member)
    return contact_name


def kind_label(kind: str) -> str:
    """The name of a kind of anniversary, as shown to the user."""
    labels: dict[str, str] = {
        AnniversaryKind.BIRTHDAY: _("birthday"),
        AnniversaryKind.WEDDING: _("wedding anniversary"),
        AnniversaryKind.CHILD_BIRTHDAY: _("child's birthday"),
        AnniversaryKind.COMPANY_FOUNDING: _("founding day"),
        AnniversaryKind.COOPERATION: _("cooperation anniversary"),
        AnniversaryKind.CUSTOM: _("anniversary"),
    }
    return labels.get(kind, kind)


def anniversary_title(who: str, kind: str) -> str:
    """'单田芳 birthday': whose day it is and what kind."""
    return _("{who} {kind}").format(who=who, kind=kind_label(kind))


def day_label(lunar: bool, month: int, day: int, leap: bool) -> str:
    """The day as written: 09-17, lunar 08-15, lunar leap 02-10."""
    if not lunar:
        return f"{month:02d}-{day:02d}"
    if leap:
        return _("lunar leap {m:02d}-{d:02d}").format(m=month, d=day)
    return _("lunar {m:02d}-{d:02d}").format(m=month, d=day)


def lunar_year_of(when: date, lunar_month: int) -> int:
    """The lunar year an occurrence of a lunar month belongs to (months 11-12 reach into Feb)."""
    return when.year - 1 if lunar_month >= 11 and when.month <= 2 else when.year


def rule_text(rule: str | None, lunar: bool, month: int, day: int, when: date) -> str:
    """What a date rule did this time, in words; '' when no rule applied."""
    if rule == RULE_LEAP_TO_ORDINARY:
        return _("no leap month {m} in lunar {y}: on ordinary month {m}").format(
            m=month, y=lunar_year_of(when, month)
        )
    if rule == RULE_LAST_DAY_OF_MONTH:
        return _("lunar month {m} has 29 days in {y}: day 30 → 29").format(
            m=month, y=lunar_year_of(when, month)
        )
    if rule == RULE_FEB29_TO_FEB28:
        return _("no 29 February in {y}: on 28 February").format(y=when.year)
    return ""


# the other sources ------------------------------------------------------------------------------


def _renewals(connection: sqlite3.Connection, start: date, end: date) -> list[AgendaItem]:
    rows = connection.execute(
        """SELECT id, name, short_name, renewal_date FROM accounts
           WHERE deleted_at IS NULL AND renewal_date BETWEEN ? AND ?""",
        (start.isoformat(), end.isoformat()),
    ).fetchall()
    return [
        AgendaItem(
            date.fromisoformat(when),
            RENEWAL,
            _("contract renewal: {a}").format(a=short or name),
            rid,
            None,
            rid,
            False,
            name,
        )
        for rid, name, short, when in rows
    ]


def _follow_ups(connection: sqlite3.Connection, start: date, end: date) -> list[AgendaItem]:
    """Follow-ups due in the window, and missed ones of the last 90 days.

    A missed follow-up counts as done once the account has had a later visit on or after it.
    """
    earliest = start - timedelta(days=OVERDUE_FOLLOW_UP_DAYS)
    rows = connection.execute(
        """SELECT v.id, v.account_id, v.follow_up_on, v.purpose, v.next_steps, ac.name,
                  ac.short_name
           FROM visits v JOIN accounts ac ON ac.id = v.account_id
           WHERE v.deleted_at IS NULL AND ac.deleted_at IS NULL
             AND v.follow_up_on BETWEEN ? AND ?
             AND (v.follow_up_on >= ? OR NOT EXISTS (
                   SELECT 1 FROM visits later
                   WHERE later.account_id = v.account_id AND later.deleted_at IS NULL
                     AND later.id <> v.id AND later.occurred_at >= v.follow_up_on))""",
        (earliest.isoformat(), end.isoformat(), start.isoformat()),
    ).fetchall()
    items = []
    for rid, account_id, when, purpose, next_steps, name, short in rows:
        on = date.fromisoformat(when)
        what = " ".join((next_steps or purpose or "").split())
        items.append(
            AgendaItem(
                on,
                FOLLOW_UP,
                _("follow up: {a}").format(a=short or name),
                account_id,
                None,
                rid,
                on < start,
                " · ".join(p for p in (name, what) if p),
            )
        )
    return items


def _issues(connection: sqlite3.Connection, start: date, end: date) -> list[AgendaItem]:
    rows = connection.execute(
        """SELECT i.id, i.account_id, i.contact_id, i.due_on, i.description, i.severity,
                  ac.name, ac.short_name
           FROM customer_issues i JOIN accounts ac ON ac.id = i.account_id
           WHERE i.deleted_at IS NULL AND ac.deleted_at IS NULL
             AND i.status IN ('open', 'in_progress') AND i.due_on <= ?""",
        (end.isoformat(),),
    ).fetchall()
    items = []
    for rid, account_id, contact_id, when, description, severity, name, short in rows:
        on = date.fromisoformat(when)
        items.append(
            AgendaItem(
                on,
                ISSUE_DUE,
                _("issue due: {a}").format(a=short or name),
                account_id,
                contact_id,
                rid,
                on < start,
                " · ".join(p for p in (name, severity, " ".join(description.split())) if p),
            )
        )
    return items
