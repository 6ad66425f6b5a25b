"""Charts drawn with QPainter (PySide6-Essentials has no QtCharts).

A chart is declared as data (`Chart`: categories, bar and line series, thresholds, labels);
where everything goes is computed by the pure functions below, which the tests check; one
widget (`ChartView`) paints the result and shows the figures of the category under the mouse.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BAR, LINE = "bar", "line"
PAD = 8.0
SWATCH = 12.0
LABEL_GAP_PX = 6.0
"""Room left between two category labels under the x axis."""
NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)


@dataclass(frozen=True)
class Box:
    """A rectangle in widget pixels (y grows downwards)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class Series:
    """One row of values, one per category; None leaves a gap."""

    name: str
    values: tuple[float | None, ...]
    color: str
    kind: str = BAR  # BAR or LINE
    right_axis: bool = False
    colors: tuple[str, ...] = ()  # a colour per bar (e.g. tier bands); empty: all `color`
    in_legend: bool = True


@dataclass(frozen=True)
class Threshold:
    """A dashed horizontal line at a value, with its label."""

    value: float
    label: str
    right_axis: bool = False


def whole(value: float) -> str:
    """A tick label: the number with the locale's grouping."""
    return QLocale().toString(round(value)) if value == round(value) else f"{value:g}"


def percent(value: float) -> str:
    return f"{value:.0%}"


def compact(value: float) -> str:
    """An amount short enough for a tick: 150万 in Chinese, 1.5M in English."""
    if QLocale().language() == QLocale.Language.Chinese:
        units: tuple[tuple[float, str], ...] = ((1e8, "亿"), (1e4, "万"))
    else:
        units = ((1e9, "B"), (1e6, "M"), (1e3, "K"))
    for size, unit in units:
        if abs(value) >= size:
            return f"{value / size:g}{unit}"
    return f"{value:g}"


@dataclass(frozen=True)
class Chart:
    """Everything a chart shows: bars and lines over categories, on a left and a right axis."""

    title: str
    categories: tuple[str, ...]
    x_label: str
    y_label: str
    series: tuple[Series, ...]
    y2_label: str = ""
    y2_top: float | None = None  # a fixed top for the right axis, e.g. 1.0 for shares
    thresholds: tuple[Threshold, ...] = ()
    legend: tuple[tuple[str, str], ...] = ()  # further (colour, text) keys, e.g. tier bands
    hints: tuple[str, ...] = ()  # a fuller name per category, for the tooltip
    y_format: Callable[[float], str] = whole
    y2_format: Callable[[float], str] = percent
    empty_text: str = ""  # said instead of the plot when there are no categories

    def on_right(self) -> list[Series]:
        return [s for s in self.series if s.right_axis]

    def on_left(self) -> list[Series]:
        return [s for s in self.series if not s.right_axis]


# geometry: pure functions ------------------------------------------------------------------------


def nice_scale(maximum: float, ticks: int = 5) -> tuple[float, float]:
    """A round top for an axis from 0 that holds `maximum`, and the step between its ticks.

    Steps are 1, 2, 2.5 or 5 times a power of ten, about `ticks` of them: 87 → (100, 20).
    An axis with nothing positive to show runs 0 to 5 in steps of 1.
    """
    if not maximum > 0 or math.isinf(maximum):
        return 5.0, 1.0
    raw = maximum / ticks
    magnitude = 10.0 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in NICE_STEPS if m * magnitude >= raw * (1 - 1e-9))
    top = math.ceil(maximum / step - 1e-9) * step
    return top, step


def tick_values(top: float, step: float) -> list[float]:
    """0, step, 2·step … top."""
    count = round(top / step) if step > 0 else 0
    return [n * step for n in range(count + 1)]


def plot_box(
    width: float, height: float, left: float, top: float, right: float, bottom: float
) -> Box:
    """The plotting area inside the margins (never negative)."""
    return Box(left, top, max(width - left - right, 1.0), max(height - top - bottom, 1.0))


def bar_height(value: float, top: float, plot_height: float) -> float:
    """Pixels of a bar for `value` on an axis from 0 to `top`; below 0 draws nothing."""
    if top <= 0:
        return 0.0
    return plot_height * min(max(value / top, 0.0), 1.0)


def scale_y(value: float, top: float, plot: Box) -> float:
    """The y pixel of `value` on an axis from 0 (the bottom of the plot) to `top`."""
    return plot.bottom - bar_height(value, top, plot.height)


def slot_centre(index: int, count: int, plot: Box) -> float:
    """The x pixel at the middle of category `index` of `count`."""
    return plot.x + (index + 0.5) * plot.width / max(count, 1)


def category_at(x: float, count: int, plot: Box) -> int | None:
    """The category under pixel `x`, or None outside the plot."""
    if count <= 0 or not plot.x <= x < plot.right:
        return None
    return min(int((x - plot.x) / (plot.width / count)), count - 1)


def bar_boxes(
    values: Sequence[Sequence[float | None]], top: float, plot: Box, gap: float = 0.25
) -> list[list[Box | None]]:
    """Grouped bars: one slot per category, the series' bars side by side in it.

    `gap` is the share of a slot left empty; with slots narrower than 4 pixels (hundreds of
    accounts) bars touch, so each still gets a visible sliver.
    """
    if not values:
        return []
    count = max(len(row) for row in values)
    if count == 0:
        return [[] for _row in values]
    slot = plot.width / count
    group = slot * (1.0 - (gap if slot >= 4 else 0.0))
    width = group / len(values)
    result: list[list[Box | None]] = []
    for number, row in enumerate(values):
        boxes: list[Box | None] = []
        for index, value in enumerate(row):
            if value is None:
                boxes.append(None)
                continue
            height = bar_height(value, top, plot.height)
            x = plot.x + index * slot + (slot - group) / 2 + number * width
            boxes.append(Box(x, plot.bottom - height, width, height))
        result.append(boxes)
    return result


def line_points(
    values: Sequence[float | None], top: float, plot: Box
) -> list[tuple[float, float] | None]:
    """Points of a line series at the middle of each category; None leaves a gap."""
    count = len(values)
    return [
        None if value is None else (slot_centre(i, count, plot), scale_y(value, top, plot))
        for i, value in enumerate(values)
    ]


def label_step(count: int, plot_width: float, label_width: float) -> int:
    """Label every n-th category so that labels `label_width` wide do not overlap."""
    if count <= 0:
        return 1
    per_slot = plot_width / count
    return max(1, math.ceil((label_width + LABEL_GAP_PX) / per_slot)) if per_slot > 0 else count


def axis_top(chart: Chart, right: bool) -> tuple[float, float]:
    """Top and tick step of the left or right axis: fixed, or a round number above the data."""
    if right and chart.y2_top is not None:
        return chart.y2_top, chart.y2_top / 5
    series = chart.on_right() if right else chart.on_left()
    values = [v for s in series for v in s.values if v is not None]
    marks = [t.value for t in chart.thresholds if t.right_axis == right]
    return nice_scale(max([*values, *marks], default=0.0))


# the widget ---------------------------------------------------------------------------------------


class ChartView(QWidget):
    """Paints one `Chart`; hovering shows the figures of a category."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        self.setMinimumSize(QSize(420, 260))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_chart(self, chart: Chart) -> None:
        self.chart = chart
        self.setAccessibleName(chart.title)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(720, 340)

    # layout -------------------------------------------------------------------------------------
    def plot(self) -> Box:
        """Where the bars go at the current size, leaving room for title, legend and axes."""
        chart = self.chart
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        if chart is None:
            return plot_box(self.width(), self.height(), PAD, PAD, PAD, PAD)
        left_top, left_step = axis_top(chart, right=False)
        left_labels = [chart.y_format(v) for v in tick_values(left_top, left_step)]
        left = PAD + line + PAD + max(metrics.horizontalAdvance(t) for t in left_labels) + PAD
        right = PAD * 2
        if chart.on_right() or chart.y2_label:
            top2, step2 = axis_top(chart, right=True)
            labels = [chart.y2_format(v) for v in tick_values(top2, step2)]
            right += max(metrics.horizontalAdvance(t) for t in labels) + PAD + line
        top = PAD + line * 1.3 + PAD + line + PAD  # title, legend
        bottom = PAD + line + PAD + line + PAD  # tick labels, axis label
        return plot_box(self.width(), self.height(), left, top, right, bottom)

    # painting -----------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), self.palette().base())
            if self.chart is not None:
                self._paint(painter, self.chart)
        finally:
            painter.end()

    def _paint(self, painter: QPainter, chart: Chart) -> None:
        text = self.palette().text().color()
        faint = QColor(text)
        faint.setAlpha(40)
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        plot = self.plot()
        width = float(self.width())

        title_font = self.font()
        title_font.setBold(True)
        if title_font.pointSizeF() > 0:
            title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        painter.setFont(title_font)
        painter.setPen(text)
        painter.drawText(
            QRectF(0, PAD, width, line * 1.3), Qt.AlignmentFlag.AlignCenter, chart.title
        )
        painter.setFont(self.font())
        self._legend(painter, chart, PAD + line * 1.3 + PAD, metrics)

        if not chart.categories:
            painter.setPen(text)
            painter.drawText(_qrect(plot), Qt.AlignmentFlag.AlignCenter, chart.empty_text)
            return

        left_top, left_step = axis_top(chart, right=False)
        for value in tick_values(left_top, left_step):
            y = scale_y(value, left_top, plot)
            painter.setPen(QPen(faint, 1))
            painter.drawLine(QPointF(plot.x, y), QPointF(plot.right, y))
            painter.setPen(text)
            label = chart.y_format(value)
            painter.drawText(
                QRectF(plot.x - PAD - 200, y - line / 2, 200, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        right_top, right_step = axis_top(chart, right=True)
        has_right = bool(chart.on_right() or chart.y2_label)
        if has_right:
            for value in tick_values(right_top, right_step):
                y = scale_y(value, right_top, plot)
                painter.drawText(
                    QRectF(plot.right + PAD, y - line / 2, 200, line),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    chart.y2_format(value),
                )

        bars = [s for s in chart.series if s.kind == BAR]
        for axis_right in (False, True):
            group = [s for s in bars if s.right_axis == axis_right]
            if not group:
                continue
            top = right_top if axis_right else left_top
            for series, boxes in zip(
                group, bar_boxes([s.values for s in group], top, plot), strict=True
            ):
                for index, box in enumerate(boxes):
                    if box is None or box.height <= 0:
                        continue
                    colour = series.colors[index] if index < len(series.colors) else series.color
                    painter.fillRect(_qrect(box), QColor(colour))

        for series in chart.series:
            if series.kind != LINE:
                continue
            top = right_top if series.right_axis else left_top
            points = line_points(series.values, top, plot)
            painter.setPen(QPen(QColor(series.color), 2))
            previous: tuple[float, float] | None = None
            for point in points:
                if point is not None and previous is not None:
                    painter.drawLine(QPointF(*previous), QPointF(*point))
                previous = point
            if len(points) <= 40:
                painter.setBrush(QColor(series.color))
                for point in points:
                    if point is not None:
                        painter.drawEllipse(QPointF(*point), 3, 3)
                painter.setBrush(Qt.BrushStyle.NoBrush)

        for mark in chart.thresholds:
            top = right_top if mark.right_axis else left_top
            y = scale_y(mark.value, top, plot)
            painter.setPen(QPen(text, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(plot.x, y), QPointF(plot.right, y))
            painter.drawText(
                QRectF(plot.x + PAD, y - line - 1, plot.width - 2 * PAD, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                mark.label,
            )

        painter.setPen(QPen(text, 1))
        painter.drawLine(QPointF(plot.x, plot.bottom), QPointF(plot.right, plot.bottom))
        painter.drawLine(QPointF(plot.x, plot.y), QPointF(plot.x, plot.bottom))
        if has_right:
            painter.drawLine(QPointF(plot.right, plot.y), QPointF(plot.right, plot.bottom))

        count = len(chart.categories)
        widest = max(metrics.horizontalAdvance(c) for c in chart.categories)
        step = label_step(count, plot.width, min(widest, 120.0))
        room = plot.width / count * step - LABEL_GAP_PX
        for index in range(0, count, step):
            x = slot_centre(index, count, plot)
            label = metrics.elidedText(chart.categories[index], Qt.TextElideMode.ElideRight, room)
            painter.drawText(
                QRectF(x - room / 2, plot.bottom + PAD / 2, room, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )
        painter.drawText(
            QRectF(plot.x, plot.bottom + PAD + line, plot.width, line + PAD),
            Qt.AlignmentFlag.AlignCenter,
            chart.x_label,
        )
        self._vertical(painter, chart.y_label, PAD, plot, line)
        if has_right and chart.y2_label:
            self._vertical(painter, chart.y2_label, width - PAD - line, plot, line)

    def _legend(self, painter: QPainter, chart: Chart, y: float, metrics: QFontMetricsF) -> None:
        keys = [(s.color, s.name, s.kind) for s in chart.series if s.in_legend]
        keys += [(colour, name, BAR) for colour, name in chart.legend]
        widths = [SWATCH + 4 + metrics.horizontalAdvance(name) + 2 * PAD for _c, name, _k in keys]
        x = max((self.width() - sum(widths)) / 2, PAD)
        line = metrics.height()
        for (colour, name, kind), room in zip(keys, widths, strict=True):
            middle = y + line / 2
            if kind == LINE:
                painter.setPen(QPen(QColor(colour), 2))
                painter.drawLine(QPointF(x, middle), QPointF(x + SWATCH, middle))
            else:
                painter.fillRect(QRectF(x, middle - SWATCH / 2, SWATCH, SWATCH), QColor(colour))
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(x + SWATCH + 4, y, room, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            x += room

    @staticmethod
    def _vertical(painter: QPainter, text: str, x: float, plot: Box, line: float) -> None:
        """An axis label written upwards beside the plot."""
        painter.save()
        painter.translate(x, plot.bottom)
        painter.rotate(-90)
        painter.drawText(QRectF(0, 0, plot.height, line), Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    # hovering -----------------------------------------------------------------------------------
    def hint(self, index: int) -> str:
        """The figures of category `index`, one line per series."""
        chart = self.chart
        if chart is None or not 0 <= index < len(chart.categories):
            return ""
        head = chart.hints[index] if index < len(chart.hints) else chart.categories[index]
        lines = [head]
        for series in chart.series:
            value = series.values[index] if index < len(series.values) else None
            if value is not None:
                shown = chart.y2_format(value) if series.right_axis else chart.y_format(value)
                lines.append(f"{series.name}: {shown}")
        return "\n".join(lines)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.chart is not None:
            index = category_at(event.position().x(), len(self.chart.categories), self.plot())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPosition().toPoint(), self.hint(index), self)
        super().mouseMoveEvent(event)


def _qrect(box: Box) -> QRectF:
    return QRectF(box.x, box.y, box.width, box.height)
