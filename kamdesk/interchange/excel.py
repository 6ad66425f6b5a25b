"""The Excel report (.xlsx) for people who do not run kamdesk: accounts, tiers, the visits of a
period, open issues and how the service plans went.

The figures come from the services the desktop shows: the engine's standings (tier, last visit,
next visit due), `services.reports.pareto` (the tier summary), `services.plans` (plan against
actual). `build_report` turns them into neutral sheets; `write_workbook` writes those with
openpyxl: a bold frozen header row, column widths, a CJK font in every cell, dates as Excel
dates. Every text cell is stored as text, never as a formula, and one that Excel would take for
a formula (it begins with = + - @, a tab or a line break, perhaps after spaces) also carries
Excel's quote prefix, so even editing the cell keeps it text. No column labelled sensitive is
read. The file appears whole or not at all.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from kamdesk.domain.enums import IssueSeverity
from kamdesk.domain.labels import label
from kamdesk.i18n import _
from kamdesk.interchange.files import replace_atomically
from kamdesk.services.account_view import issue_age
from kamdesk.services.plans import DONE, DUE, KINDS, MISSED, PLANNED, kind_label, period_of
from kamdesk.services.queries import LEVEL_RANK, OPEN_STATUSES
from kamdesk.services.reports import pareto, tier_distribution
from kamdesk.storage.models import Account, Contact, CustomerIssue, Visit, VisitContact

if TYPE_CHECKING:
    from kamdesk.services.engine import Standing
    from kamdesk.services.workbench import Workbench

FONT_NAME = "Microsoft YaHei"
"""Every cell's font: it has the Chinese characters; Excel substitutes where it is missing."""
HEADER_FILL = "DDE4EE"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
MAX_CELL = 32767
"""Excel's limit on the characters of one cell."""
WIDTH_SAMPLE = 2000
"""Column widths are measured on this many rows of each block."""
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_UNSAFE = re.compile(r"[\[\]:*?/\\]")

Progress = Callable[[int, int], None]

# column kinds
TEXT, NUMBER, MONEY, SHARE, DAY, MOMENT = "text", "number", "money", "share", "day", "moment"
_FORMATS = {
    NUMBER: "0",
    MONEY: "#,##0",
    SHARE: "0.0%",
    DAY: "yyyy-mm-dd",
    MOMENT: "yyyy-mm-dd hh:mm",
}
_FIXED_WIDTHS = {DAY: 12.0, MOMENT: 17.0}


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT


@dataclass
class Block:
    """One table of a sheet: a bold header row and rows of values (str, int, float, date)."""

    columns: tuple[Column, ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)


@dataclass
class Sheet:
    """A worksheet: its blocks one under the other, a blank row apart; the first block's
    header row is frozen and filterable."""

    title: str
    blocks: list[Block]


@dataclass(frozen=True)
class Period:
    """A year, or one quarter of it."""

    year: int
    quarter: int | None
    start: date
    end: date

    @classmethod
    def of(cls, year: int, quarter: int | None = None) -> Period:
        """The period; ValidationError for a year out of range or a quarter not 1 to 4."""
        start, end = period_of(year, quarter)
        return cls(year, quarter, start, end)

    @property
    def label(self) -> str:
        if self.quarter is None:
            return str(self.year)
        return _("{y} Q{q}").format(y=self.year, q=self.quarter)


@dataclass(frozen=True)
class ReportSummary:
    """What a written report holds."""

    path: Path
    period: Period
    accounts: int
    visits: int
    open_issues: int
    plan_rows: int


def write_report(
    wb: Workbench,
    path: Path | str,
    year: int | None = None,
    quarter: int | None = None,
    *,
    today: date | None = None,
    progress: Progress | None = None,
) -> ReportSummary:
    """Build the report for `year` (default: this year) or one quarter of it and write it to
    `path`, whole or not at all. `progress(done, total)` may raise to stop; then nothing is
    written."""
    today = today or date.today()
    period = Period.of(year if year is not None else today.year, quarter)
    sheets = build_report(wb, period, today, progress)
    target = Path(path)
    write_workbook(sheets, target, title=_("kamdesk report {p}").format(p=period.label))
    counts = [len(sheet.blocks[0].rows) for sheet in sheets]
    return ReportSummary(target, period, counts[0], counts[2], counts[3], counts[4])


# the sheets ------------------------------------------------------------------------------------


def build_report(
    wb: Workbench, period: Period, today: date, progress: Progress | None = None
) -> list[Sheet]:
    """The five sheets: accounts, tiers, visits in the period, open issues, plan fulfilment."""
    report = progress or (lambda _done, _total: None)
    report(0, 1)
    standings = wb.engine.standings(today)
    total = len(standings) + 4
    report(1, total)
    with wb.archive.reading() as session:
        accounts = accounts_sheet(session, standings, today)
        report(2, total)
        visits = visits_sheet(session, period)
        report(3, total)
        issues = issues_sheet(session, today)
    tiers = tiers_sheet(wb, today)
    report(4, total)
    plans = plans_sheet(wb, standings, period, today, lambda done: report(4 + done, total))
    return [accounts, tiers, visits, issues, plans]


def accounts_sheet(session: Session, standings: Sequence[Standing], today: date) -> Sheet:
    """Every live account by rank: tier, key account, owner, city, last year's gross profit,
    last visit, next visit due and the issues still open."""
    facts = {
        aid: (city, key)
        for aid, city, key in session.execute(
            select(Account.id, Account.city, Account.is_key_account).where(
                Account.deleted_at.is_(None)
            )
        )
    }
    still_open = dict(
        session.execute(
            select(CustomerIssue.account_id, func.count())
            .where(CustomerIssue.deleted_at.is_(None), CustomerIssue.status.in_(OPEN_STATUSES))
            .group_by(CustomerIssue.account_id)
        ).all()
    )
    columns = (
        Column(_("Rank"), NUMBER),
        Column(_("Account")),
        Column(_("Tier")),
        Column(_("Key account")),
        Column(_("Owner")),
        Column(_("City")),
        Column(_("Gross profit {y}").format(y=today.year - 1), MONEY),
        Column(_("Last visit"), DAY),
        Column(_("Next visit due"), DAY),
        Column(_("Days overdue"), NUMBER),
        Column(_("Open issues"), NUMBER),
    )
    rows = []
    for s in standings:
        city, key = facts.get(s.account_id, ("", False))
        rows.append(
            (
                s.rank,
                s.name,
                s.tier.value,
                _("yes") if key else _("no"),
                s.owner,
                city or "",
                s.gross_profit,
                s.last_visit,
                s.next_visit_due,
                s.visit_overdue_days or None,
                int(still_open.get(s.account_id, 0)),
            )
        )
    return Sheet(_("Accounts"), [Block(columns, rows)])


def tiers_sheet(wb: Workbench, today: date) -> Sheet:
    """The Pareto summary of last year's gross profit: accounts and profit per tier, then
    every account in rank order with its share and the cumulative share."""
    ranking = pareto(wb.archive, today.year - 1)
    year = ranking.year
    summary = Block(
        (
            Column(_("Tier")),
            Column(_("Accounts"), NUMBER),
            Column(_("Share of accounts"), SHARE),
            Column(_("Gross profit {y}").format(y=year), MONEY),
            Column(_("Share of profit"), SHARE),
        )
    )
    for row in tier_distribution(ranking):
        summary.rows.append(
            (row.tier.value, row.accounts, row.account_share, row.gross_profit, row.profit_share)
        )
    summary.rows.append(
        (
            _("Total"),
            len(ranking.rows),
            1.0 if ranking.rows else 0.0,
            sum(r.gross_profit for r in ranking.rows),
            1.0 if ranking.total > 0 else 0.0,
        )
    )
    rule = Block(
        (Column(_("Rule")),),
        [
            (
                _(
                    "Tier A: the accounts that make the first {a:.0%} of the positive gross "
                    "profit of {y}; tier B: up to {b:.0%}; tier C: the rest. A tier set by hand "
                    "counts where it was set."
                ).format(a=ranking.a_share, b=ranking.b_share, y=year),
            )
        ],
    )
    accounts = Block(
        (
            Column(_("Rank"), NUMBER),
            Column(_("Account")),
            Column(_("Gross profit {y}").format(y=year), MONEY),
            Column(_("Share of profit"), SHARE),
            Column(_("Cumulative share"), SHARE),
            Column(_("Tier by the rule")),
            Column(_("Tier in use")),
        ),
        [
            (
                r.rank,
                r.name,
                r.gross_profit,
                r.share,
                r.cumulative,
                r.tier.value,
                r.tier_in_use.value + (" " + _("(set by hand)") if r.set_by_hand else ""),
            )
            for r in ranking.rows
        ],
    )
    return Sheet(_("Tiers"), [summary, rule, accounts])


def visits_sheet(
    session: Session, period: Period, manager_of: Mapping[str, str] | None = None
) -> Sheet:
    """The visits of the period, oldest first, with the people met (top of the organisation
    first), purpose, outcome and the follow-up agreed. `manager_of` (account id -> manager)
    adds a first column, Manager, and groups the rows by it."""
    start = datetime.combine(period.start, datetime.min.time())
    end = datetime.combine(period.end + timedelta(days=1), datetime.min.time())
    in_period = (
        Visit.deleted_at.is_(None),
        Account.deleted_at.is_(None),
        Visit.occurred_at >= start,
        Visit.occurred_at < end,
    )
    met: dict[str, list[str]] = defaultdict(list)
    for visit_id, name in session.execute(
        select(VisitContact.visit_id, Contact.name)
        .join(Contact, Contact.id == VisitContact.contact_id)
        .join(Visit, Visit.id == VisitContact.visit_id)
        .join(Account, Account.id == Visit.account_id)
        .where(*in_period, Contact.deleted_at.is_(None))
        .order_by(VisitContact.visit_id, LEVEL_RANK, Contact.name)
    ):
        met[visit_id].append(name)
    columns = (
        Column(_("Date"), MOMENT),
        Column(_("Account")),
        Column(_("Kind")),
        Column(_("Contacts met")),
        Column(_("Purpose")),
        Column(_("Outcome")),
        Column(_("Next steps")),
        Column(_("Follow-up on"), DAY),
    )
    found = session.execute(
        select(Visit, Account.name)
        .join(Account, Account.id == Visit.account_id)
        .where(*in_period)
        .order_by(Visit.occurred_at, Account.name, Visit.id)
    )
    rows = [
        (
            visit.account_id,
            visit.occurred_at,
            account,
            label(visit.kind),
            "、".join(met.get(visit.id, [])),
            visit.purpose,
            visit.outcome,
            visit.next_steps,
            visit.follow_up_on,
        )
        for visit, account in found
    ]
    block = _by_manager(columns, rows, manager_of)
    return Sheet(_("Visits {p}").format(p=period.label), [block])


def issues_sheet(
    session: Session, today: date, manager_of: Mapping[str, str] | None = None
) -> Sheet:
    """The issues open today, the most severe and then the oldest first. `manager_of` as for
    `visits_sheet`."""
    person = aliased(Contact)
    found = list(
        session.execute(
            select(CustomerIssue, Account.name, person.name)
            .join(Account, Account.id == CustomerIssue.account_id)
            .outerjoin(
                person, (person.id == CustomerIssue.contact_id) & person.deleted_at.is_(None)
            )
            .where(
                CustomerIssue.deleted_at.is_(None),
                Account.deleted_at.is_(None),
                CustomerIssue.status.in_(OPEN_STATUSES),
            )
        )
    )
    severity_rank = {s: i for i, s in enumerate(reversed(IssueSeverity))}
    found.sort(key=lambda r: (severity_rank[r[0].severity], r[0].raised_on, r[1]))
    columns = (
        Column(_("Account")),
        Column(_("Raised on"), DAY),
        Column(_("Age (days)"), NUMBER),
        Column(_("Severity")),
        Column(_("Status")),
        Column(_("Category")),
        Column(_("Description")),
        Column(_("Contact")),
        Column(_("First responsible")),
        Column(_("Due on"), DAY),
    )
    rows = [
        (
            issue.account_id,
            account,
            issue.raised_on,
            issue_age(issue, today),
            label(issue.severity),
            label(issue.status),
            issue.category,
            issue.description,
            contact or "",
            issue.responsible,
            issue.due_on,
        )
        for issue, account, contact in found
    ]
    return Sheet(_("Open issues"), [_by_manager(columns, rows, manager_of)])


def _by_manager(
    columns: tuple[Column, ...],
    rows: Sequence[tuple[Any, ...]],
    manager_of: Mapping[str, str] | None,
) -> Block:
    """A block of `rows` that start with their account id: without `manager_of` the id is
    dropped; with it the manager takes its place, and the rows are grouped by manager (in
    their order within each)."""
    if manager_of is None:
        return Block(columns, [row[1:] for row in rows])
    named = [(manager_of.get(row[0], ""), *row[1:]) for row in rows]
    named.sort(key=lambda row: row[0])
    return Block((Column(_("Manager")), *columns), named)


def plans_sheet(
    wb: Workbench,
    standings: Sequence[Standing],
    period: Period,
    today: date,
    advanced: Callable[[int], None],
) -> Sheet:
    """Each account's service plan for the period, per kind: items planned, done, missed, due
    now and still to come (the rules of services/plans.py)."""
    columns = (
        Column(_("Account")),
        Column(_("Owner")),
        Column(_("Tier")),
        Column(_("Kind")),
        Column(_("Planned"), NUMBER),
        Column(_("Done"), NUMBER),
        Column(_("Missed"), NUMBER),
        Column(_("Due now"), NUMBER),
        Column(_("Still to come"), NUMBER),
    )
    rows = []
    for done, standing in enumerate(standings, 1):
        plan = wb.plans.plan(
            standing.account_id, period.year, period.quarter, today=today, tier=standing.tier
        )
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for item in plan.items:
            counts[item.kind][item.status] += 1
        for kind in KINDS:
            if kind not in counts:
                continue
            seen = counts[kind]
            rows.append(
                (
                    plan.account_name,
                    plan.owner,
                    plan.tier.value,
                    kind_label(kind),
                    sum(seen.values()),
                    seen[DONE],
                    seen[MISSED],
                    seen[DUE],
                    seen[PLANNED],
                )
            )
        advanced(done)
    return Sheet(_("Plan fulfilment {p}").format(p=period.label), [Block(columns, rows)])


# the workbook ----------------------------------------------------------------------------------


def looks_like_formula(text: str) -> bool:
    """Whether Excel would take the text for a formula: it begins with = + - @, a tab or a
    line break, also after leading spaces."""
    return text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS)


def write_workbook(sheets: Sequence[Sheet], path: Path, *, title: str = "") -> None:
    """Write `sheets` as an .xlsx file at `path`, whole or not at all."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    book.properties.title = title
    book.properties.creator = "kamdesk"
    titles: set[str] = set()
    for sheet in sheets:
        _write_sheet(book.create_sheet(_sheet_title(sheet.title, titles)), sheet)

    def save(out: BinaryIO) -> None:
        book.save(out)

    try:
        replace_atomically(path, save)
    except BaseException:
        _discard(book)
        raise


def _discard(book: Any) -> None:
    """After a failed save: finish and remove the temporary files openpyxl keeps for each
    write-only sheet, rather than leave them until kamdesk exits."""
    for ws in book.worksheets:
        with suppress(Exception):
            if not ws.closed:
                ws.close()
        writer = getattr(ws, "_writer", None)  # openpyxl's per-sheet temporary file
        if writer is not None:
            with suppress(Exception):
                writer.cleanup()


def _write_sheet(ws: Any, sheet: Sheet) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    plain = Font(name=FONT_NAME)
    bold = Font(name=FONT_NAME, bold=True)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    for number, width in enumerate(_widths(sheet.blocks), 1):
        ws.column_dimensions[get_column_letter(number)].width = width
    ws.freeze_panes = "A2"
    first = sheet.blocks[0]
    ws.auto_filter.ref = f"A1:{get_column_letter(len(first.columns))}{len(first.rows) + 1}"
    for index, block in enumerate(sheet.blocks):
        if index:
            ws.append([])
        header = []
        for column in block.columns:
            made = _cell(ws, column.header, TEXT, bold)
            made.fill = fill
            header.append(made)
        ws.append(header)
        for row in block.rows:
            ws.append(
                [
                    _cell(ws, value, column.kind, plain)
                    for value, column in zip(row, block.columns, strict=True)
                ]
            )


def _cell(ws: Any, value: Any, kind: str, font: Any) -> Any:
    """One cell: text stored as text (never a formula, never an error value), with Excel's
    quote prefix where it looks like a formula; numbers and dates in the column's format."""
    from openpyxl.cell import WriteOnlyCell

    made = WriteOnlyCell(ws, value=_cell_value(value))
    made.font = font
    if isinstance(made.value, str):
        made.data_type = "s"
        if looks_like_formula(made.value):
            made.quotePrefix = True
    elif kind in _FORMATS and made.value is not None:
        made.number_format = _FORMATS[kind]
    return made


def _cell_value(value: Any) -> Any:
    """Text without the control characters a workbook cannot hold, cut at Excel's limit; an
    empty text is an empty cell."""
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)[:MAX_CELL] or None
    return value


def _sheet_title(title: str, taken: set[str]) -> str:
    """A worksheet name Excel accepts: no []:*?/\\, at most 31 characters, unique."""
    base = _SHEET_UNSAFE.sub(" ", title).strip("' ")[:31] or "Sheet"
    name, number = base, 2
    while name.casefold() in taken:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name.casefold())
    return name


def _widths(blocks: Sequence[Block]) -> list[float]:
    """Column widths in characters: the widest header or value of the first rows, a Chinese
    character counting twice, between 6 and 60."""
    widths: dict[int, float] = {}
    for block in blocks:
        for number, column in enumerate(block.columns):
            widest = float(_display_width(column.header) + 2)
            if column.kind in _FIXED_WIDTHS:
                widest = max(widest, _FIXED_WIDTHS[column.kind])
            else:
                for row in block.rows[:WIDTH_SAMPLE]:
                    widest = max(widest, _display_width(_shown(row[number], column.kind)) + 2)
            if len(block.columns) > 1 or len(blocks) == 1:  # a one-cell note may run over
                widths[number] = max(widths.get(number, 0.0), widest)
    return [min(max(widths.get(n, 8.0), 6.0), 60.0) for n in range(max(widths, default=-1) + 1)]


def _shown(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == MONEY and isinstance(value, int):
        return f"{value:,}"
    if kind == SHARE and isinstance(value, float):
        return f"{value:.1%}"
    return str(value).split("\n", 1)[0]


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
