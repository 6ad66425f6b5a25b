"""Reports: chart geometry as pure functions, and the page showing hand-checked figures both as
charts and as tables of numbers."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from kamdesk.domain.enums import Tier
from kamdesk.services.reports import ParetoReport, ParetoRow
from kamdesk.ui.charts import (
    BAR,
    LINE,
    Box,
    Chart,
    ChartView,
    Series,
    axis_top,
    bar_boxes,
    bar_height,
    category_at,
    label_step,
    line_points,
    nice_scale,
    tick_values,
)
from kamdesk.ui.context import Context
from kamdesk.ui.reports_page import TIER_COLOURS, ReportsPage, Tab, pareto_chart
from tests.conftest import Customer
from tests.ui.waiting import arrives

PLOT = Box(40, 10, 300, 200)  # bottom at y = 210


@pytest.mark.parametrize(
    ("maximum", "expected"),
    [(87, (100, 20)), (100, (100, 20)), (3, (3, 1)), (1.2, (1.25, 0.25)), (0, (5, 1))],
)
def test_axes_end_on_a_round_number(maximum: float, expected: tuple[float, float]) -> None:
    assert nice_scale(maximum) == pytest.approx(expected)


def test_ticks_run_from_zero_to_the_top() -> None:
    assert tick_values(100, 20) == [0, 20, 40, 60, 80, 100]


def test_bar_heights_are_proportional_to_the_value() -> None:
    assert [bar_height(v, 50, 200) for v in (50, 30, 20, 0)] == [200, 120, 80, 0]
    assert bar_height(-10, 50, 200) == 0  # a loss draws no bar
    assert bar_height(80, 50, 200) == 200  # never above the plot


def test_one_series_fills_three_quarters_of_each_slot() -> None:
    [boxes] = bar_boxes([[50, 30, None]], 50, PLOT)
    first, second, gap = boxes
    assert first == Box(52.5, 10, 75, 200)  # slot 100 px wide, 12.5 px either side
    assert second == Box(152.5, 90, 75, 120)
    assert gap is None


def test_two_series_stand_side_by_side_in_a_slot() -> None:
    left, right = bar_boxes([[10, 20], [20, 5]], 20, PLOT)
    assert [b.width for b in left + right if b] == [56.25] * 4
    assert left[0].x + 56.25 == right[0].x
    assert [b.height for b in left + right if b] == [100, 200, 200, 50]


def test_hundreds_of_bars_touch_so_each_stays_visible() -> None:
    [boxes] = bar_boxes([[1.0] * 600], 1, PLOT)
    assert boxes[0] and boxes[0].width == pytest.approx(0.5) and boxes[0].x == 40


def test_line_points_sit_in_the_middle_of_each_slot() -> None:
    assert line_points([0.5, 1.0, None], 1.0, Box(40, 10, 300, 200)) == [
        (90, 110),
        (190, 10),
        None,
    ]


def test_labels_are_thinned_when_they_would_overlap() -> None:
    assert label_step(12, 600, 30) == 1
    assert label_step(100, 500, 40) == 10
    assert category_at(45, 3, PLOT) == 0 and category_at(339, 3, PLOT) == 2
    assert category_at(20, 3, PLOT) is None


def test_the_pareto_chart_colours_bars_by_tier_and_marks_the_thresholds() -> None:
    rows = tuple(
        ParetoRow(n, f"id{n}", name, profit, share, cumulative, tier, tier, False)
        for n, name, profit, share, cumulative, tier in (
            (1, "恒瑞精密", 600, 0.6, 0.6, Tier.A),
            (2, "丰源陶瓷", 300, 0.3, 0.9, Tier.B),
            (3, "南方食品", 100, 0.1, 1.0, Tier.C),
        )
    )
    chart = pareto_chart(ParetoReport(2025, 0.8, 0.95, 1000, rows))
    bars, line = chart.series
    assert (bars.kind, line.kind, line.right_axis) == (BAR, LINE, True)
    assert bars.colors == (TIER_COLOURS[Tier.A], TIER_COLOURS[Tier.B], TIER_COLOURS[Tier.C])
    assert line.values == (0.6, 0.9, 1.0)
    assert [(t.value, t.right_axis) for t in chart.thresholds] == [(0.8, True), (0.95, True)]
    assert axis_top(chart, right=False) == (600, 200) and axis_top(chart, right=True)[0] == 1.0
    assert chart.hints[0] == "1. 恒瑞精密"


def test_a_chart_paints_and_tells_the_figures_under_the_mouse(qtbot: QtBot) -> None:
    view = ChartView()
    qtbot.addWidget(view)
    view.resize(600, 320)
    visits = Series("Visits", (3.0, None), "#1f6fb2")
    plan = Series("Plan", (2.5, 2.0), "#d35400", LINE)
    view.set_chart(Chart("走访", ("1月", "2月"), "Month", "Visits", (visits, plan)))
    assert not view.grab().isNull()
    assert view.hint(0) == "1月\nVisits: 3\nPlan: 2.5"
    assert view.hint(1) == "2月\nPlan: 2"
    plot = view.plot()
    assert plot.width > 400 and plot.height > 150


def figures(ctx: Context, customer: Customer) -> None:
    wb = ctx.wb
    small = wb.accounts.create(name="南方食品有限公司")
    wb.years.create(
        account_id=customer.account.id, year=2024, revenue=4_000_000, gross_profit=900_000
    )
    wb.years.create(account_id=small.id, year=2024, revenue=500_000, gross_profit=100_000)
    for when in ("2025-01-08 10:00", "2025-01-22 15:00", "2025-02-12 09:00"):
        wb.visits.log(customer.account.id, [customer.owner.id], occurred_at=when)
    wb.issues.create(
        account_id=customer.account.id, raised_on="2025-01-03", resolved_on="2025-01-13",
        status="resolved", severity="high", description="交货延期两周",
    )  # fmt: skip
    wb.issues.create(
        account_id=small.id, raised_on="2025-02-20", severity="critical",
        description="批次质量投诉",
    )  # fmt: skip


def cell(view: object, row: int, column: int) -> str:
    model = view.model()  # type: ignore[attr-defined]
    return str(model.data(model.index(row, column, QModelIndex())))


def test_the_page_shows_each_report_as_a_chart_and_a_table(
    ctx: Context, customer: Customer, qtbot: QtBot
) -> None:
    figures(ctx, customer)
    page = ReportsPage(ctx, today=lambda: date(2025, 3, 10))
    qtbot.addWidget(page)
    page.resize(1100, 760)
    with arrives(qtbot, page.loaded):
        page.show()
    assert (page.profit_year.value(), page.activity_year.value()) == (2024, 2025)

    pareto = page.pareto.tables[0]
    assert [cell(pareto, 0, c) for c in (0, 1, 3, 4, 5)] == [
        "1", "苏州恒瑞精密机械有限公司", "90.0%", "90.0%", "A",
    ]  # fmt: skip
    assert [cell(pareto, 1, c) for c in (0, 1, 3, 4, 5)] == [
        "2", "南方食品有限公司", "10.0%", "100.0%", "B",
    ]  # fmt: skip
    assert page.pareto.chart.chart is not None
    assert "80%" in page.pareto.note.text()

    tiers = page.tiers.tables[0]
    assert [cell(tiers, 0, c) for c in (0, 1, 2, 4)] == ["A", "1", "50.0%", "90.0%"]

    visits = page.visits.tables[0]
    plan_jan = 31 / 30 + 31 / 91  # one tier-A and one tier-B account
    assert [cell(visits, 0, c) for c in (0, 1, 2)] == ["Jan", "2", f"{plan_jan:.1f}"]
    assert cell(visits, 2, 0) == "Mar (to date)" and cell(visits, 3, 1) == "–"
    assert cell(visits, 0, 4) == "2 / 1.0"

    by_month, by_severity = page.issues.tables
    assert [cell(by_month, 0, c) for c in range(4)] == ["Jan", "1", "10.0", "10.0"]
    assert [cell(by_severity, 0, c) for c in range(5)] == ["critical", "0", "", "", "1"]
    assert page.issues.note.text() == "Issues open or in progress now: 1"
    for tab in Tab:
        page.tabs.setCurrentIndex(tab)
        assert not page.tabs.currentWidget().grab().isNull()


def test_changing_the_year_reads_that_year(ctx: Context, customer: Customer, qtbot: QtBot) -> None:
    figures(ctx, customer)
    page = ReportsPage(ctx, today=lambda: date(2025, 3, 10))
    qtbot.addWidget(page)
    with arrives(qtbot, page.loaded):
        page.show()
    with arrives(qtbot, page.loaded):
        page.profit_year.setValue(2023)  # no figures that year: every account has 0
    assert page.figures is not None and page.figures.pareto.total == 0
    assert cell(page.pareto.tables[0], 0, 5) == "C"


def test_an_empty_archive_has_empty_charts_not_errors(ctx: Context, qtbot: QtBot) -> None:
    page = ReportsPage(ctx, today=lambda: date(2025, 3, 10))
    qtbot.addWidget(page)
    with arrives(qtbot, page.loaded):
        page.show()
    assert page.pareto.tables[0].model().rowCount() == 0
    assert page.pareto.chart.chart is not None
    assert page.pareto.chart.chart.empty_text == "No accounts yet."
    assert not page.pareto.chart.grab().isNull()
