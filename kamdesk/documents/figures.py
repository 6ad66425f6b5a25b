"""Drawings for printed documents, built from the same geometry the desktop paints."""

from __future__ import annotations

from collections.abc import Sequence

from kamdesk.documents.model import Figure, Label, Polyline, Rect, Shape
from kamdesk.domain.enums import Attitude
from kamdesk.domain.labels import label
from kamdesk.domain.orgchart import (
    EDGE,
    FILL,
    FLAG,
    LINE,
    MARGIN,
    MUTED,
    NO_LEVEL_ROW,
    SIDE_W,
    Chart,
    Person,
    chart,
    strength_dots,
)
from kamdesk.i18n import _

INK = "#17202a"
TITLE_INK = "#34495e"
OURS_INK = "#1a5276"
BAND_SHADE = "#f4f6f7"


def relationship_map(people: Sequence[Person], caption: str = "") -> Figure:
    """The account's org chart: boxes coloured by attitude, lines as wide as the relationship,
    each level where nobody is close to us flagged at the left, and a legend."""
    return figure_of(chart(people), caption)


def figure_of(drawn: Chart, caption: str = "") -> Figure:
    shapes: list[Shape] = []
    for band in drawn.bands:
        if band.row % 2 == 0:
            shapes.append(Rect(0, band.top, drawn.width, band.height, BAND_SHADE, None))
        side_x, side_y, side_w = MARGIN, band.top + 6, SIDE_W - MARGIN - 6
        if band.level is None:
            if band.row == NO_LEVEL_ROW:
                shapes.append(Label(side_x, side_y, _("level not set"), 9, MUTED, False, side_w))
            continue
        shapes.append(Label(side_x, side_y, label(band.level), 10, INK, True, side_w))
        if not band.covered:
            flag = (
                _("no relationship at this level")
                if band.people
                else _("no relationship at this level (nobody known)")
            )
            shapes.append(Label(side_x, side_y + 16, flag, 8, FLAG, False, side_w))
    for link in drawn.links:
        shapes.append(Polyline(link.points, LINE, float(link.width), link.dashed))
    for box in drawn.boxes:
        person = box.person
        shapes.append(
            Rect(
                box.left,
                box.top,
                box.width,
                box.height,
                FILL[person.attitude],
                EDGE[person.attitude],
                1.5,
                6,
            )
        )
        inner_x, inner_w = box.left + 8, box.width - 16
        lines: list[tuple[str, float, str, bool]] = [(person.name, 11, INK, True)]
        lines.append((person.title or label(person.level), 9, TITLE_INK, False))
        if person.our_owner:
            lines.append((_("ours: {n}").format(n=person.our_owner), 9, OURS_INK, False))
        if person.strength:
            lines.append((strength_dots(person.strength), 9, LINE, False))
        y = box.top + 6
        for text, size, colour, bold in lines:
            if y + size * 1.3 > box.bottom:
                break
            shapes.append(Label(inner_x, y, text, size, colour, bold, inner_w))
            y += size * 1.45
    shapes += _legend(drawn)
    return Figure(drawn.width, drawn.height, tuple(shapes), caption)


def _legend(drawn: Chart) -> list[Shape]:
    shapes: list[Shape] = []
    x, y = MARGIN, drawn.legend_top + 8
    entries: list[tuple[Attitude | None, str]] = [
        (Attitude.SUPPORTER, label(Attitude.SUPPORTER)),
        (Attitude.NEUTRAL, label(Attitude.NEUTRAL)),
        (Attitude.OPPONENT, label(Attitude.OPPONENT)),
        (None, _("attitude unknown")),
    ]
    for attitude, text in entries:
        shapes.append(Rect(x, y, 16, 12, FILL[attitude], EDGE[attitude], 1, 3))
        shapes.append(Label(x + 22, y, text, 9, INK))
        x += 22 + _estimate(text, 9) + 18
    shapes.append(
        Label(MARGIN, y + 22, _("Line width: relationship strength (dashed: unknown)"), 9, MUTED)
    )
    return shapes


def _estimate(text: str, size: float) -> float:
    """Rough width of `text` (CJK characters are square, others about half as wide)."""
    return sum(size if ord(c) > 0x2E80 else size * 0.56 for c in text)
