"""A printed document as plain data: built once, rendered to PDF (pdf.py) and Word (word.py).

Builders (dossier.py, plan.py) say *what* a document holds — a cover, headings, paragraphs,
tables, key–value blocks, drawings — and never how it looks; renderers decide the look and must
not add or drop content, so the PDF and the Word file of one document always agree.

Text is stored as the user wrote it. Renderers escape it for their format and call `clean()` to
drop characters no document format can hold (control characters), so `{{…}}`, `<b>` or `&`
typed into a note print literally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Tone = Literal["body", "muted", "strong", "warning", "good"]
"""How a piece of text stands out: renderers map each tone to a colour / weight."""
Align = Literal["left", "right", "centre"]
PageSize = Literal["A4", "Letter"]
PAGE_SIZES: tuple[PageSize, ...] = ("A4", "Letter")

CELL_LIMIT = 600
"""Longest text of a table cell or key–value value; longer text is cut with "…". A table row
must fit on one page, so long notes belong in paragraphs, which may run across pages."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]|[\ud800-\udfff]")


def clean(text: str) -> str:
    """`text` without the control characters (other than tab and newline) that neither PDF
    text nor Word XML can carry; carriage returns become newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def clip(text: str, limit: int = CELL_LIMIT) -> str:
    """`text` cut to `limit` characters, ending in "…" when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Heading:
    """A section (level 1) or sub-section (level 2) title."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """Running text; newlines inside start new lines. May run across pages."""

    text: str
    tone: Tone = "body"


@dataclass(frozen=True)
class Bullets:
    """A bulleted list."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class KeyValues:
    """Short facts as label → value pairs, laid out as a two-column grid."""

    pairs: tuple[tuple[str, str], ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "pairs", tuple((k, clip(v)) for k, v in self.pairs))


@dataclass(frozen=True)
class Column:
    """A table column: its title, its share of the table width, its alignment."""

    title: str
    weight: float = 1.0
    align: Align = "left"


@dataclass(frozen=True)
class Table:
    """A table with a header row that repeats on every page it runs onto.

    `tones` gives each row a tone (e.g. "warning" for an overdue line); `empty` is printed
    instead of the table when there are no rows.
    """

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    tones: tuple[Tone, ...] = ()
    empty: str = ""

    def __post_init__(self) -> None:
        width = len(self.columns)
        for row in self.rows:
            if len(row) != width:
                raise ValueError(f"a row of {len(row)} cells in a table of {width} columns")
        object.__setattr__(self, "rows", tuple(tuple(clip(c) for c in row) for row in self.rows))
        if self.tones and len(self.tones) != len(self.rows):
            raise ValueError("one tone per row, or none")

    def tone(self, index: int) -> Tone:
        return self.tones[index] if self.tones else "body"


# drawings -----------------------------------------------------------------------------------
# Coordinates are points, origin at the top left, y growing downwards (as on screen); a
# renderer scales the whole figure down to fit the page width when it is wider.


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str | None = None  # "#rrggbb"; None = no fill
    stroke: str | None = "#000000"
    stroke_width: float = 1.0
    radius: float = 0.0
    dashed: bool = False


@dataclass(frozen=True)
class Polyline:
    points: tuple[tuple[float, float], ...]
    colour: str = "#000000"
    width: float = 1.0
    dashed: bool = False


@dataclass(frozen=True)
class Label:
    """One line of text; `y` is its top. Elided with "…" where wider than `max_width`
    (measured with the real font by each renderer)."""

    x: float
    y: float
    text: str
    size: float = 9.0
    colour: str = "#000000"
    bold: bool = False
    max_width: float | None = None


Shape = Rect | Polyline | Label


@dataclass(frozen=True)
class Figure:
    """A drawing: shapes on a canvas of `width` × `height` points, with a caption below."""

    width: float
    height: float
    shapes: tuple[Shape, ...]
    caption: str = ""


@dataclass(frozen=True)
class PageBreak:
    """The next block starts on a new page."""


Block = Heading | Paragraph | Bullets | KeyValues | Table | Figure | PageBreak


@dataclass(frozen=True)
class Cover:
    """The first page: title, subtitle, facts and the confidentiality mark."""

    title: str
    subtitle: str = ""
    facts: tuple[tuple[str, str], ...] = ()
    mark: str = ""  # e.g. "机密 CONFIDENTIAL", or what a shareable copy leaves out
    mark_tone: Tone = "warning"
    note: str = ""  # a sentence under the mark


@dataclass(frozen=True)
class Document:
    """One printable document.

    `header` is printed at the top of every page after the cover; `footer` at the bottom left
    and `page_label` at the bottom right, where "{page}" and "{pages}" are replaced by the page
    number and the page count.
    """

    title: str
    blocks: tuple[Block, ...]
    cover: Cover | None = None
    header: str = ""
    footer: str = ""
    page_label: str = "{page} / {pages}"
    author: str = ""
    subject: str = ""
    language: str = "zh-CN"
    page_size: PageSize = "A4"
    keywords: tuple[str, ...] = field(default_factory=tuple)

    def text(self) -> str:
        """Every word of the document in reading order (what a renderer must print)."""
        parts: list[str] = [self.title]
        if self.cover is not None:
            parts += [self.cover.title, self.cover.subtitle, self.cover.mark, self.cover.note]
            parts += [f"{k} {v}" for k, v in self.cover.facts]
        for block in self.blocks:
            if isinstance(block, Heading | Paragraph):
                parts.append(block.text)
            elif isinstance(block, Bullets):
                parts += block.items
            elif isinstance(block, KeyValues):
                parts += [f"{k} {v}" for k, v in block.pairs]
            elif isinstance(block, Table):
                parts.append(" ".join(c.title for c in block.columns))
                parts += [" ".join(row) for row in block.rows]
            elif isinstance(block, Figure):
                parts += [s.text for s in block.shapes if isinstance(s, Label)]
                parts.append(block.caption)
        return "\n".join(p for p in parts if p)
