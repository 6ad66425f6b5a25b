"""The relationship map of an account on screen: `RelationshipMap` paints the geometry of
domain/orgchart.py and opens the person clicked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kamdesk.domain import orgchart
from kamdesk.domain.enums import Attitude
from kamdesk.domain.labels import label
from kamdesk.domain.orgchart import (
    MARGIN,
    NO_LEVEL_ROW,
    SIDE_W,
    Box,
    Chart,
    Person,
    chart,
    strength_dots,
)
from kamdesk.i18n import _

__all__ = ["Box", "Chart", "Person", "RelationshipMap", "chart", "strength_dots"]


FILL = {k: QColor(v) for k, v in orgchart.FILL.items()}
EDGE = {k: QColor(v) for k, v in orgchart.EDGE.items()}
LINE = QColor(orgchart.LINE)
FLAG = QColor(orgchart.FLAG)
MUTED = QColor(orgchart.MUTED)
BAND_SHADE = QColor(0, 0, 0, 10)


class RelationshipMap(QWidget):
    """The org chart of one account; click a person to open them."""

    contact_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relationship-map")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
        self.chart = chart([])
        self._resize()

    def set_people(self, people: Sequence[Person]) -> None:
        self.chart = chart(people)
        self._resize()
        self.update()

    def _resize(self) -> None:
        self.setMinimumSize(self.sizeHint())
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(int(self.chart.width) + 1, int(self.chart.height) + 1)

    # interaction ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            spot = event.position()
            box = self.chart.box_at(spot.x(), spot.y())
            if box is not None:
                self.contact_clicked.emit(box.person.id)
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        spot = event.position()
        over = self.chart.box_at(spot.x(), spot.y()) is not None
        if over:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()
        super().mouseMoveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            box = self.chart.box_at(event.pos().x(), event.pos().y())
            if box is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self._describe(box.person), self)
            return True
        return super().event(event)

    @staticmethod
    def _describe(person: Person) -> str:
        lines = [person.name]
        if person.title:
            lines.append(person.title)
        if person.level is not None:
            lines.append(_("Level: {v}").format(v=label(person.level)))
        lines.append(
            _("Attitude: {v}").format(v=label(person.attitude) if person.attitude else _("unknown"))
        )
        lines.append(
            _("Relationship strength: {v}").format(
                v=f"{person.strength}/5" if person.strength else _("unknown")
            )
        )
        if person.our_owner:
            lines.append(_("Our person: {v}").format(v=person.our_owner))
        lines.append(_("Click to open"))
        return "\n".join(lines)

    # painting --------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        self._paint_bands(painter)
        for link in self.chart.links:
            pen = QPen(LINE, link.width)
            if link.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawPolyline([QPointF(x, y) for x, y in link.points])
        for box in self.chart.boxes:
            self._paint_box(painter, box)
        self._paint_legend(painter)
        painter.end()

    def _paint_bands(self, painter: QPainter) -> None:
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        for band in self.chart.bands:
            area = QRectF(0, band.top, max(self.chart.width, self.width()), band.height)
            if band.row % 2 == 0:
                painter.fillRect(area, BAND_SHADE)
            side = QRectF(MARGIN, band.top + 6, SIDE_W - MARGIN, band.height - 12)
            if band.level is None:
                if band.row == NO_LEVEL_ROW:
                    painter.setFont(base)
                    painter.setPen(MUTED)
                    painter.drawText(side, Qt.AlignmentFlag.AlignLeft, _("level not set"))
                continue
            painter.setFont(bold)
            painter.setPen(self.palette().text().color())
            painter.drawText(side, Qt.AlignmentFlag.AlignLeft, label(band.level))
            if not band.covered:
                painter.setFont(base)
                painter.setPen(FLAG)
                below = side.adjusted(0, QFontMetrics(bold).height() + 2, 0, 0)
                text = (
                    _("no relationship at this level")
                    if band.people
                    else _("no relationship at this level (nobody known)")
                )
                painter.drawText(below, int(Qt.TextFlag.TextWordWrap), text)

    def _paint_box(self, painter: QPainter, box: Box) -> None:
        person = box.person
        area = QRectF(box.left, box.top, box.width, box.height)
        painter.setPen(QPen(EDGE[person.attitude], 1.5))
        painter.setBrush(QBrush(FILL[person.attitude]))
        painter.drawRoundedRect(area, 6, 6)
        inner = area.adjusted(8, 5, -8, -5)
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        lines: list[tuple[QFont, QColor, str]] = [(bold, QColor("#17202a"), person.name)]
        lines.append((base, QColor("#34495e"), person.title or label(person.level)))
        if person.our_owner:
            lines.append((base, QColor("#1a5276"), _("ours: {n}").format(n=person.our_owner)))
        if person.strength:
            lines.append((base, QColor("#566573"), strength_dots(person.strength)))
        top = inner.top()
        for font, colour, text in lines:
            metrics = QFontMetrics(font)
            if top + metrics.height() > inner.bottom() + 1:
                break
            painter.setFont(font)
            painter.setPen(colour)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(inner.width()))
            painter.drawText(QRectF(inner.left(), top, inner.width(), metrics.height()), shown)
            top += metrics.height()

    def _paint_legend(self, painter: QPainter) -> None:
        painter.setFont(QFont(self.font()))
        x = MARGIN
        y = self.chart.legend_top + 8
        entries: list[tuple[Any, str]] = [
            (Attitude.SUPPORTER, label(Attitude.SUPPORTER)),
            (Attitude.NEUTRAL, label(Attitude.NEUTRAL)),
            (Attitude.OPPONENT, label(Attitude.OPPONENT)),
            (None, _("attitude unknown")),
        ]
        metrics = QFontMetrics(painter.font())
        for attitude, text in entries:
            painter.setPen(QPen(EDGE[attitude], 1))
            painter.setBrush(QBrush(FILL[attitude]))
            painter.drawRoundedRect(QRectF(x, y, 16, 14), 3, 3)
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x + 22, y + 12), text)
            x += 22 + metrics.horizontalAdvance(text) + 18
        painter.setPen(MUTED)
        painter.drawText(
            QPointF(MARGIN, y + 34), _("Line width: relationship strength (dashed: unknown)")
        )
