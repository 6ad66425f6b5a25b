"""Reports: the Pareto chart of gross profit, accounts and profit per tier, visits against the
cadence plan per month, and how long issues take to resolve — each a chart with the table of
its numbers below it. The figures come from services/reports.py, read in the background."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.enums import Tier
from kamdesk.domain.labels import label
from kamdesk.i18n import _
from kamdesk.services.reports import (
    MonthPlan,
    ParetoReport,
    ResolutionReport,
    TierRow,
    pareto,
    resolution_times,
    tier_distribution,
    visits_vs_plan,
)
from kamdesk.ui.agenda_view import Latest, Today, read_at_once
from kamdesk.ui.charts import BAR, LINE, Chart, ChartView, Series, Threshold, compact, percent
from kamdesk.ui.context import Context
from kamdesk.ui.fmt import amount
from kamdesk.ui.page import Page

TIER_COLOURS = {Tier.A: "#c0392b", Tier.B: "#d68910", Tier.C: "#7f8c8d"}
ACTUAL, PLAN, CUMULATIVE, SECOND = "#1f6fb2", "#d35400", "#2c3e50", "#16a085"
FIRST_REPORT_YEAR = 1990
Index = QModelIndex | QPersistentModelIndex


def month_names() -> tuple[str, ...]:
    locale = QLocale()
    return tuple(locale.monthName(m, QLocale.FormatType.ShortFormat) for m in range(1, 13))


def share(value: float | None) -> str:
    return "" if value is None else f"{value:.1%}"


def days(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def tier_legend() -> tuple[tuple[str, str], ...]:
    return tuple((TIER_COLOURS[t], _("Tier {t}").format(t=t.value)) for t in Tier)


# charts and tables: plain data from the report rows ---------------------------------------------


@dataclass(frozen=True)
class Table:
    """The numbers of a chart, as the user reads them; `numeric` columns align right."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()


def pareto_chart(report: ParetoReport) -> Chart:
    rows = report.rows
    return Chart(
        _("Pareto: gross profit {y} by account").format(y=report.year),
        tuple(str(r.rank) for r in rows),
        _("Accounts by rank"),
        _("Gross profit"),
        (
            Series(
                _("Gross profit"),
                tuple(float(r.gross_profit) for r in rows),
                TIER_COLOURS[Tier.A],
                BAR,
                colors=tuple(TIER_COLOURS[r.tier] for r in rows),
                in_legend=False,
            ),
            Series(
                _("Cumulative share"),
                tuple(r.cumulative for r in rows),
                CUMULATIVE,
                LINE,
                right_axis=True,
            ),
        ),
        y2_label=_("Cumulative share"),
        y2_top=1.0,
        thresholds=(
            Threshold(report.a_share, _("A up to {p}").format(p=percent(report.a_share)), True),
            Threshold(report.b_share, _("B up to {p}").format(p=percent(report.b_share)), True),
        ),
        legend=tier_legend(),
        hints=tuple(f"{r.rank}. {r.name}" for r in rows),
        y_format=compact,
        empty_text=_("No accounts yet."),
    )


def pareto_table(report: ParetoReport) -> Table:
    rows = tuple(
        (
            str(r.rank),
            r.name,
            amount(r.gross_profit),
            share(r.share),
            share(r.cumulative),
            r.tier.value,
            r.tier_in_use.value + (" *" if r.set_by_hand else ""),
        )
        for r in report.rows
    )
    headers = (
        _("Rank"),
        _("Account"),
        _("Gross profit"),
        _("Share"),
        _("Cumulative"),
        _("Pareto tier"),
        _("Tier in use (* by hand)"),
    )
    return Table(headers, rows, frozenset({0, 2, 3, 4}))


def tier_chart(rows: Sequence[TierRow], year: int) -> Chart:
    return Chart(
        _("Tiers: share of accounts and of gross profit {y}").format(y=year),
        tuple(_("Tier {t}").format(t=r.tier.value) for r in rows),
        _("Tier"),
        _("Share"),
        (
            Series(_("Accounts"), tuple(r.account_share for r in rows), ACTUAL),
            Series(_("Gross profit"), tuple(r.profit_share for r in rows), SECOND),
        ),
        y_format=percent,
        empty_text=_("No accounts yet."),
    )


def tier_table(rows: Sequence[TierRow]) -> Table:
    headers = (
        _("Tier"),
        _("Accounts"),
        _("Share of accounts"),
        _("Gross profit"),
        _("Share of profit"),
    )
    body = tuple(
        (
            r.tier.value,
            str(r.accounts),
            share(r.account_share),
            amount(r.gross_profit),
            share(r.profit_share),
        )
        for r in rows
    )
    return Table(headers, body, frozenset({1, 2, 3, 4}))


def visits_chart(months: Sequence[MonthPlan], year: int) -> Chart:
    return Chart(
        _("Visits against the cadence plan, {y}").format(y=year),
        month_names(),
        _("Month"),
        _("Visits"),
        (
            Series(_("Visits logged"), tuple(m.visits for m in months), ACTUAL),
            Series(_("Plan by tier cadence"), tuple(m.planned for m in months), PLAN, LINE),
        ),
    )


def visits_table(months: Sequence[MonthPlan]) -> Table:
    names = month_names()
    headers = (
        _("Month"),
        _("Visits"),
        _("Plan"),
        _("Of plan"),
        *(_("Tier {t}: visits / plan").format(t=t.value) for t in Tier),
    )
    body = []
    for m in months:
        month = names[m.month - 1] + ("" if m.complete or m.visits is None else _(" (to date)"))
        by_tier = tuple(
            f"{m.visits_by_tier[t] if m.visits is not None else '–'} / {m.planned_by_tier[t]:.1f}"
            for t in Tier
        )
        visits = "–" if m.visits is None else str(m.visits)
        body.append((month, visits, f"{m.planned:.1f}", share(m.ratio), *by_tier))
    return Table(headers, tuple(body), frozenset(range(1, 4 + len(Tier))))


def resolution_chart(report: ResolutionReport) -> Chart:
    return Chart(
        _("Days from raised to resolved, issues resolved in {y}").format(y=report.year),
        month_names(),
        _("Month resolved"),
        _("Days"),
        (
            Series(_("Median"), tuple(r.median_days for r in report.by_month), ACTUAL),
            Series(_("Mean"), tuple(r.mean_days for r in report.by_month), PLAN, LINE),
        ),
    )


def resolution_tables(report: ResolutionReport) -> tuple[Table, Table]:
    names = month_names()
    by_month = Table(
        (_("Month resolved"), _("Resolved"), _("Median days"), _("Mean days")),
        tuple(
            (names[n], str(r.resolved), days(r.median_days), days(r.mean_days))
            for n, r in enumerate(report.by_month)
        ),
        frozenset({1, 2, 3}),
    )
    by_severity = Table(
        (_("Severity"), _("Resolved"), _("Median days"), _("Mean days"), _("Open now")),
        tuple(
            (
                label(severity),
                str(r.resolved),
                days(r.median_days),
                days(r.mean_days),
                str(report.open_by_severity[severity]),
            )
            for severity, r in reversed(report.by_severity.items())
        ),
        frozenset({1, 2, 3, 4}),
    )
    return by_month, by_severity


# widgets -----------------------------------------------------------------------------------------


class TableModel(QAbstractTableModel):
    """The rows of a `Table`, read-only."""

    def __init__(self) -> None:
        super().__init__()
        self.table = Table((), ())

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self.table.headers
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.table.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.table.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.table.numeric:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class NumbersView(QTableView):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.numbers = TableModel()
        self.setModel(self.numbers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    def show_table(self, table: Table) -> None:
        self.numbers.set_table(table)


class ReportTab(QWidget):
    """A chart above, its tables and a note below."""

    def __init__(self, name: str, tables: int = 1) -> None:
        super().__init__()
        self.chart = ChartView()
        self.chart.setObjectName(f"{name}-chart")
        self.tables = [NumbersView(f"{name}-table{n or ''}") for n in range(tables)]
        self.note = QLabel()
        self.note.setWordWrap(True)
        below = QWidget()
        column = QVBoxLayout(below)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        for table in self.tables:
            row.addWidget(table)
        column.addLayout(row, 1)
        column.addWidget(self.note)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(below)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)


class Tab(IntEnum):
    PARETO = 0
    TIERS = 1
    VISITS = 2
    ISSUES = 3


@dataclass(frozen=True)
class Figures:
    """Everything the page shows, read in one go in the background."""

    profit_year: int
    activity_year: int
    pareto: ParetoReport
    tiers: list[TierRow]
    visits: list[MonthPlan]
    issues: ResolutionReport


class ReportsPage(Page):
    loaded = Signal()

    def __init__(
        self, ctx: Context, parent: QWidget | None = None, today: Today | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.today = today or date.today
        self._requested = False
        self.figures: Figures | None = None
        now = self.today()
        self.profit_year = QSpinBox()
        self.profit_year.setObjectName("profit-year")
        self.profit_year.setRange(FIRST_REPORT_YEAR, now.year + 1)
        self.profit_year.setValue(now.year - 1)  # the latest full year, as the engine ranks
        self.activity_year = QSpinBox()
        self.activity_year.setObjectName("activity-year")
        self.activity_year.setRange(FIRST_REPORT_YEAR, now.year + 1)
        self.activity_year.setValue(now.year)
        self.status = QLabel()
        self.tabs = QTabWidget()
        self.pareto = ReportTab("pareto")
        self.tiers = ReportTab("tiers")
        self.visits = ReportTab("visits")
        self.issues = ReportTab("issues", tables=2)
        self.tabs.addTab(self.pareto, _("Pareto"))
        self.tabs.addTab(self.tiers, _("Tiers"))
        self.tabs.addTab(self.visits, _("Visits vs plan"))
        self.tabs.addTab(self.issues, _("Issue resolution"))
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Gross profit of")))
        top.addWidget(self.profit_year)
        top.addSpacing(16)
        top.addWidget(QLabel(_("Visits and issues in")))
        top.addWidget(self.activity_year)
        top.addStretch(1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.loader = Latest(self)
        self.loader.delivered.connect(self._show)
        self.loader.failed.connect(self._failed)
        self.profit_year.valueChanged.connect(self.refresh)
        self.activity_year.valueChanged.connect(self.refresh)

    def title(self) -> str:
        return _("Reports")

    def showEvent(self, event: QShowEvent) -> None:
        if not self._requested:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        first, self._requested = not self._requested, True
        archive = self.ctx.wb.archive
        profit_year, activity_year, today = (
            self.profit_year.value(),
            self.activity_year.value(),
            self.today(),
        )
        self.status.setText(_("Computing…"))

        def work() -> Figures:
            ranking = pareto(archive, profit_year)
            return Figures(
                profit_year,
                activity_year,
                ranking,
                tier_distribution(ranking),
                visits_vs_plan(archive, activity_year, today),
                resolution_times(archive, activity_year),
            )

        self.loader.run(work, now=first and read_at_once(self.ctx))

    def _show(self, figures: Figures) -> None:
        self.figures = figures
        self.status.clear()
        self.pareto.chart.set_chart(pareto_chart(figures.pareto))
        self.pareto.tables[0].show_table(pareto_table(figures.pareto))
        ranking = figures.pareto
        self.pareto.note.setText(
            _(
                "Accounts ranked by gross profit of {y}; total {t}. An account is A while the "
                "accounts above it make less than {a} of the total, B up to {b}, else C."
            ).format(
                y=ranking.year,
                t=amount(ranking.total),
                a=percent(ranking.a_share),
                b=percent(ranking.b_share),
            )
        )
        self.tiers.chart.set_chart(tier_chart(figures.tiers, figures.profit_year))
        self.tiers.tables[0].show_table(tier_table(figures.tiers))
        self.tiers.note.setText(_("Tiers in use: a tier set by hand counts where it was set."))
        self.visits.chart.set_chart(visits_chart(figures.visits, figures.activity_year))
        self.visits.tables[0].show_table(visits_table(figures.visits))
        self.visits.note.setText(
            _(
                "Plan: each account calls for (days in the month ÷ days between visits of its "
                "tier) visits; tiers by the gross profit of {y}. Every entry of the visit log "
                "counts."
            ).format(y=figures.activity_year - 1)
        )
        self.issues.chart.set_chart(resolution_chart(figures.issues))
        by_month, by_severity = resolution_tables(figures.issues)
        self.issues.tables[0].show_table(by_month)
        self.issues.tables[1].show_table(by_severity)
        self.issues.note.setText(
            _("Issues open or in progress now: {n}").format(n=figures.issues.open_now)
        )
        self.loaded.emit()

    def _failed(self, message: str) -> None:
        self.status.setText(_("The reports could not be computed: {e}").format(e=message))
        self.loaded.emit()
