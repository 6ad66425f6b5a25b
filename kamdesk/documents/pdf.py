"""A `Document` as PDF bytes, laid out by reportlab's platypus.

The bundled WenQuanYi Micro Hei is embedded (as a subset), so Chinese prints on machines without
Chinese fonts. The face has no bold, so headings and "strong" text are drawn heavier by stroking
the glyph outlines as well as filling them. "Page N of M" needs the page count before the last
page exists: `_ChromeCanvas` holds every page back and draws the header and footer on save.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.enums import (  # type: ignore[import-untyped, unused-ignore]
    TA_CENTER,
    TA_LEFT,
    TA_RIGHT,
)
from reportlab.lib.pagesizes import A4, LETTER  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped, unused-ignore]
from reportlab.lib.units import mm  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped, unused-ignore]
from reportlab.platypus import (  # type: ignore[import-untyped, unused-ignore]
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph  # type: ignore[import-untyped, unused-ignore]

from kamdesk.documents import model
from kamdesk.resources import FONT_FACE, font_path

FONT = "WenQuanYiMicroHei"
"""The name the bundled face is registered under (and the base of the embedded subset name)."""

MARGIN = 18 * mm
CHROME_INSET = 12 * mm  # baseline of the header / footer from the top / bottom edge
PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "Letter": LETTER}

TONE_COLOURS: dict[model.Tone, str] = {
    "body": "#17202a",
    "muted": "#7f8c8d",
    "strong": "#17202a",
    "warning": "#c0392b",
    "good": "#1e8449",
}
HEADING_COLOUR = "#1a5276"
HEADER_FILL = "#d6eaf8"
ZEBRA_FILL = "#f4f6f7"
GRID_COLOUR = "#aab7b8"
ALIGNMENTS: dict[model.Align, int] = {"left": TA_LEFT, "right": TA_RIGHT, "centre": TA_CENTER}
CELL_SIZE = 9.0  # table text
CELL_PADDING = 6.0  # left and right of a table cell (reportlab's default)
HEAVY_STROKE = 0.022  # outline width of "bold" text, as a share of the font size

_font_lock = threading.Lock()
_font: Any = None
_build_lock = threading.Lock()  # reportlab keeps module-level state; build one PDF at a time


def render_pdf(document: model.Document) -> bytes:
    """The document as the bytes of a PDF file (fonts embedded, metadata set)."""
    ascent = _register_font()
    page_width, page_height = PAGE_SIZES.get(document.page_size, A4)
    width, height = page_width - 2 * MARGIN, page_height - 2 * MARGIN
    story = list(_story(document, _styles(), width, height, ascent))
    chrome = _Chrome(
        header=_one_line(document.header),
        footer=_one_line(document.footer),
        page_label=document.page_label,
        page_width=page_width,
        page_height=page_height,
    )
    buffer = io.BytesIO()
    with _build_lock:
        template = _template(document, buffer, (page_width, page_height))
        template.build(story, canvasmaker=lambda *a, **k: _ChromeCanvas(*a, chrome=chrome, **k))
    return buffer.getvalue()


# fonts and styles ----------------------------------------------------------------------------


def _register_font() -> float:
    """Register the bundled face once per process; its ascent as a share of the font size."""
    global _font
    with _font_lock:
        if _font is None:
            font = TTFont(FONT, str(font_path()), subfontIndex=FONT_FACE)
            pdfmetrics.registerFont(font)
            # one face for every variant, so markup asking for <b> or <i> never fails
            pdfmetrics.registerFontFamily(
                FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT
            )
            _font = font
        return float(_font.face.ascent) / 1000


def _colour(value: str | None, fallback: str = "#000000") -> Any:
    try:
        return colors.HexColor(value or fallback)
    except (ValueError, TypeError):
        return colors.HexColor(fallback)


def _style(name: str, size: float, colour: str, **extra: Any) -> Any:
    return ParagraphStyle(
        name,
        fontName=FONT,
        fontSize=size,
        leading=round(size * 1.45, 1),
        textColor=_colour(colour),
        wordWrap="CJK",  # CJK line breaking: "。" or "，" never starts a line
        bulletFontName=FONT,
        **extra,
    )


@dataclass(frozen=True)
class _Styles:
    title: Any
    heading: tuple[Any, Any]
    tones: dict[model.Tone, Any]
    bullet: Any
    cells: dict[tuple[model.Align, model.Tone], Any]
    header_cells: dict[model.Align, Any]
    label: Any
    value: Any
    caption: Any
    cover_kicker: Any
    cover_title: Any
    cover_subtitle: Any
    cover_label: Any
    cover_value: Any
    cover_marks: dict[model.Tone, Any]
    cover_note: Any


@cache
def _styles() -> _Styles:
    """The paragraph styles, made once (they hold no per-document state)."""
    tones = {t: _style(f"p-{t}", 10, c, spaceAfter=6) for t, c in TONE_COLOURS.items()}
    body = TONE_COLOURS["body"]
    muted = TONE_COLOURS["muted"]
    return _Styles(
        title=_style("title", 20, HEADING_COLOUR, spaceAfter=12),
        heading=(
            _style("h1", 15, HEADING_COLOUR, spaceBefore=12, spaceAfter=6, keepWithNext=1),
            _style("h2", 12, HEADING_COLOUR, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        ),
        tones=tones,
        bullet=_style("bullet", 10, body, leftIndent=14, bulletIndent=3, spaceAfter=3),
        cells={
            (a, t): _style(f"cell-{a}-{t}", CELL_SIZE, c, alignment=al)
            for a, al in ALIGNMENTS.items()
            for t, c in TONE_COLOURS.items()
        },
        header_cells={
            a: _style(f"th-{a}", CELL_SIZE, body, alignment=al) for a, al in ALIGNMENTS.items()
        },
        label=_style("label", 9.5, muted),
        value=_style("value", 9.5, body),
        caption=_style("caption", 8.5, muted, alignment=TA_CENTER, spaceBefore=4, spaceAfter=8),
        cover_kicker=_style("cover-kicker", 11, muted, spaceAfter=6),
        cover_title=_style("cover-title", 26, HEADING_COLOUR, spaceAfter=10),
        cover_subtitle=_style("cover-subtitle", 14, muted),
        cover_label=_style("cover-label", 11, muted),
        cover_value=_style("cover-value", 11, body),
        cover_marks={t: _style(f"mark-{t}", 14, c) for t, c in TONE_COLOURS.items()},
        cover_note=_style("cover-note", 10, muted, spaceBefore=8),
    )


class _Text(RLParagraph):
    """One line of model text (no markup) as a paragraph that may run across pages.

    reportlab rebuilds the rest of a split CJK paragraph from its wrapped lines joined without
    the spaces it broke them at ("abc def" became "abcdef"); the rest is cut from the original
    text instead.
    """

    def split(self, available_width: float, available_height: float) -> list[Any]:
        parts: list[Any] = super().split(available_width, available_height)
        text = getattr(self.frags[0], "text", None) if len(self.frags) == 1 else None
        if len(parts) != 2 or self.blPara.kind != 0 or not isinstance(text, str):
            return parts
        position = 0
        for _space, words in self.blPara.lines[: len(parts[0].blPara.lines)]:
            line = "".join(words)
            while position < len(text) and text[position].isspace():
                position += 1
            if not text.startswith(line, position):
                return parts  # not the line structure expected: keep reportlab's split
            position += len(line)
        rest = self.__class__(escape(text[position:].lstrip()), self.style)
        rest.spaceBefore = 0
        rest.spaceAfter = self.getSpaceAfter()
        return [parts[0], rest]


class _HeavyText(_Text):
    """Text drawn heavier (the face has no bold): glyphs filled and outlined in their colour."""

    def beginText(self, x: float, y: float) -> Any:  # reportlab's hook
        self.canv.setStrokeColor(self.style.textColor)
        self.canv.setLineWidth(self.style.fontSize * HEAVY_STROKE)
        text = self.canv.beginText(x, y)
        text.setTextRenderMode(2)  # fill, then stroke
        return text


def _paragraphs(text: str, style: Any, heavy: bool = False, bullet: str | None = None) -> list[Any]:
    """`text` printed literally: one paragraph per line, markup characters escaped.

    Lines are separate paragraphs rather than joined with <br/>, so each is a single run of
    text that `_Text.split` can cut exactly; only the first keeps the space above, only the
    last the space below.
    """
    kind = _HeavyText if heavy else _Text
    lines = model.clean(text).split("\n")
    flowables: list[Any] = []
    for index, line in enumerate(lines):
        if line.strip():
            flowable = kind(escape(line), style, bulletText=bullet if index == 0 else None)
        else:
            flowable = Spacer(1, style.leading)
        if index > 0:
            flowable.spaceBefore = 0
        if index < len(lines) - 1:
            flowable.spaceAfter = 0
        flowables.append(flowable)
    return flowables


def _cell(text: str, style: Any, heavy: bool = False) -> Any:
    """A table cell: one paragraph, or a list of them for text of several lines."""
    flowables = _paragraphs(text, style, heavy)
    return flowables[0] if len(flowables) == 1 else flowables


def _one_line(text: str) -> str:
    return " ".join(model.clean(text).split())


def _elide(text: str, size: float, max_width: float | None) -> str:
    """`text` cut to fit `max_width` points, ending in "…" when cut."""
    if max_width is None or pdfmetrics.stringWidth(text, FONT, size) <= max_width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with "…" is text[:low]
    while low < high:
        middle = (low + high + 1) // 2
        if pdfmetrics.stringWidth(text[:middle] + "…", FONT, size) <= max_width:
            low = middle
        else:
            high = middle - 1
    if low == 0 and pdfmetrics.stringWidth("…", FONT, size) > max_width:
        return ""
    return text[:low].rstrip() + "…"


# the story -----------------------------------------------------------------------------------


def _story(
    document: model.Document, styles: _Styles, width: float, height: float, ascent: float
) -> Iterator[Any]:
    if document.cover is not None:
        yield NextPageTemplate("body")  # pages after the first one carry the header
        yield from _cover(document, document.cover, styles, width)
        if document.blocks:
            yield PageBreak()
    elif document.title:
        yield from _paragraphs(document.title, styles.title, heavy=True)
    for block in document.blocks:
        yield from _block(block, styles, width, height, ascent)


def _cover(
    document: model.Document, cover: model.Cover, styles: _Styles, width: float
) -> Iterator[Any]:
    yield Spacer(1, 30 * mm)
    if document.title and document.title != cover.title:
        yield from _paragraphs(document.title, styles.cover_kicker)
    yield from _paragraphs(cover.title, styles.cover_title, heavy=True)
    if cover.subtitle:
        yield from _paragraphs(cover.subtitle, styles.cover_subtitle)
    if cover.facts:
        yield Spacer(1, 12 * mm)
        yield _grid(cover.facts, styles.cover_label, styles.cover_value, width)
    if cover.mark:
        yield Spacer(1, 12 * mm)
        mark = Table(
            [[_cell(cover.mark, styles.cover_marks[cover.mark_tone], heavy=True)]],
            colWidths=[width],
            style=TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 1.5, _colour(TONE_COLOURS[cover.mark_tone])),
                    ("TOPPADDING", (0, 0), (-1, -1), 10),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                    ("LEFTPADDING", (0, 0), (-1, -1), 12),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ]
            ),
        )
        yield mark
    if cover.note:
        yield from _paragraphs(cover.note, styles.cover_note)


def _block(
    block: model.Block, styles: _Styles, width: float, height: float, ascent: float
) -> Iterator[Any]:
    if isinstance(block, model.Heading):
        level = 0 if block.level <= 1 else 1
        yield from _paragraphs(block.text, styles.heading[level], heavy=True)
    elif isinstance(block, model.Paragraph):
        yield from _paragraphs(block.text, styles.tones[block.tone], block.tone == "strong")
    elif isinstance(block, model.Bullets):
        for item in block.items:
            yield from _paragraphs(item, styles.bullet, bullet="•")
        yield Spacer(1, 3)
    elif isinstance(block, model.KeyValues):
        if block.pairs:
            yield _grid(block.pairs, styles.label, styles.value, width)
    elif isinstance(block, model.Table):
        yield from _table(block, styles, width)
    elif isinstance(block, model.Figure):
        yield from _figure(block, styles, width, height, ascent)
    elif isinstance(block, model.PageBreak):
        yield PageBreak()


def _grid(pairs: tuple[tuple[str, str], ...], label: Any, value: Any, width: float) -> Any:
    """Label → value pairs as a two-column grid (labels 30 %, values 70 %)."""
    rows = [[_cell(k, label), _cell(v, value)] for k, v in pairs]
    grid = Table(
        rows,
        colWidths=[width * 0.3, width * 0.7],
        splitInRow=1,
        hAlign="LEFT",
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, _colour(GRID_COLOUR)),
            ]
        ),
    )
    grid.spaceAfter = 8
    return grid


def _table(block: model.Table, styles: _Styles, width: float) -> Iterator[Any]:
    if not block.rows or not block.columns:
        if block.empty:
            yield from _paragraphs(block.empty, styles.tones["muted"])
        return
    weights = [c.weight if c.weight > 0 else 1.0 for c in block.columns]
    widths = [width * w / sum(weights) for w in weights]
    header = [_cell(c.title, styles.header_cells[c.align], heavy=True) for c in block.columns]
    rows = [
        [
            _table_cell(cell, block.tone(i), styles.cells[column.align, block.tone(i)], room)
            for column, cell, room in zip(block.columns, row, widths, strict=True)
        ]
        for i, row in enumerate(block.rows)
    ]
    body = TONE_COLOURS["body"]
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), _colour(HEADER_FILL)),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, _colour(ZEBRA_FILL)]),
        ("GRID", (0, 0), (-1, -1), 0.5, _colour(GRID_COLOUR)),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        # cells given as plain text (see _table_cell) take the cell paragraphs' look
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), styles.cells["left", "body"].leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), _colour(body)),
    ]
    commands += [
        ("ALIGN", (c, 0), (c, -1), column.align.upper().replace("CENTRE", "CENTER"))
        for c, column in enumerate(block.columns)
    ]
    commands += [
        ("TEXTCOLOR", (0, r), (-1, r), _colour(TONE_COLOURS[block.tone(r - 1)]))
        for r in range(1, len(rows) + 1)
        if TONE_COLOURS[block.tone(r - 1)] != body
    ]
    table = Table(
        [header, *rows],
        colWidths=widths,
        repeatRows=1,
        splitInRow=1,  # a row taller than a page is split rather than failing the document
        hAlign="LEFT",
        style=TableStyle(commands),
    )
    table.spaceBefore = 2
    table.spaceAfter = 10
    yield table


def _table_cell(text: str, tone: model.Tone, style: Any, width: float) -> Any:
    """A body cell: plain text when it fits on one line (drawn by the table itself, several
    times faster than a paragraph), otherwise paragraphs that wrap."""
    text = model.clean(text)
    room = width - 2 * CELL_PADDING
    if tone == "strong" or "\n" in text or pdfmetrics.stringWidth(text, FONT, CELL_SIZE) > room:
        return _cell(text, style, heavy=tone == "strong")
    return text


def _figure(
    figure: model.Figure, styles: _Styles, width: float, height: float, ascent: float
) -> Iterator[Any]:
    caption = _paragraphs(figure.caption, styles.caption) if figure.caption else []
    room = height - (40 if caption else 8)  # leave the caption a few lines on the same page
    scale = 1.0
    if figure.width > 0 and figure.height > 0:
        scale = min(1.0, width / figure.width, room / figure.height)
    yield KeepTogether([_Drawing(figure, scale, ascent), *caption])


class _Drawing(Flowable):
    """A `model.Figure`, scaled uniformly by `scale` (origin top left, y down in the model)."""

    def __init__(self, figure: model.Figure, scale: float, ascent: float) -> None:
        super().__init__()
        self.figure = figure
        self.factor = scale
        self.ascent = ascent
        self.width = max(figure.width, 0.0) * scale
        self.height = max(figure.height, 0.0) * scale
        self.hAlign = "CENTER"
        self.spaceBefore = 4

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.scale(self.factor, self.factor)
        for shape in self.figure.shapes:
            canvas.saveState()
            if isinstance(shape, model.Rect):
                self._rect(canvas, shape)
            elif isinstance(shape, model.Polyline):
                self._polyline(canvas, shape)
            else:
                self._label(canvas, shape)
            canvas.restoreState()

    def _y(self, y: float) -> float:
        return self.figure.height - y

    def _rect(self, canvas: Any, rect: model.Rect) -> None:
        if rect.fill is None and rect.stroke is None:
            return
        canvas.setLineWidth(rect.stroke_width)
        canvas.setStrokeColor(_colour(rect.stroke))
        canvas.setFillColor(_colour(rect.fill))
        if rect.dashed:
            canvas.setDash(4, 3)
        bottom = self._y(rect.y + rect.height)
        paint = {"stroke": int(rect.stroke is not None), "fill": int(rect.fill is not None)}
        if rect.radius > 0:
            canvas.roundRect(rect.x, bottom, rect.width, rect.height, rect.radius, **paint)
        else:
            canvas.rect(rect.x, bottom, rect.width, rect.height, **paint)

    def _polyline(self, canvas: Any, line: model.Polyline) -> None:
        if len(line.points) < 2:
            return
        canvas.setLineWidth(line.width)
        canvas.setStrokeColor(_colour(line.colour))
        canvas.setLineJoin(1)
        canvas.setLineCap(1)
        if line.dashed:
            canvas.setDash(4, 3)
        path = canvas.beginPath()
        (x, y), *rest = line.points
        path.moveTo(x, self._y(y))
        for x, y in rest:
            path.lineTo(x, self._y(y))
        canvas.drawPath(path, stroke=1, fill=0)

    def _label(self, canvas: Any, label: model.Label) -> None:
        size = max(label.size, 1.0)
        text = _elide(_one_line(label.text), size, label.max_width)
        if not text:
            return
        colour = _colour(label.colour)
        writer = canvas.beginText(label.x, self._y(label.y + self.ascent * size))
        writer.setFont(FONT, size)
        writer.setFillColor(colour)
        if label.bold:
            canvas.setStrokeColor(colour)
            canvas.setLineWidth(size * HEAVY_STROKE)
            writer.setTextRenderMode(2)
        writer.textOut(text)
        canvas.drawText(writer)


# pages -------------------------------------------------------------------------------------


def _template(document: model.Document, buffer: io.BytesIO, size: tuple[float, float]) -> Any:
    page_width, page_height = size

    def page(name: str, plain: bool) -> Any:
        frame = Frame(
            MARGIN,
            MARGIN,
            page_width - 2 * MARGIN,
            page_height - 2 * MARGIN,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=name,
        )
        return PageTemplate(id=name, frames=[frame], onPage=lambda c, _d: c.mark_plain(plain))

    templates = [page("body", plain=False)]
    if document.cover is not None:
        templates.insert(0, page("cover", plain=True))
    return BaseDocTemplate(
        buffer,
        pagesize=size,
        pageTemplates=templates,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=_one_line(document.title),
        author=_one_line(document.author),
        subject=_one_line(document.subject),
        keywords=[_one_line(k) for k in document.keywords if _one_line(k)],
        creator="kamdesk",
        lang=document.language or None,
        displayDocTitle=1,
        initialFontName=FONT,
    )


@dataclass(frozen=True)
class _Chrome:
    """What every page after the cover carries: header, footer and page label."""

    header: str
    footer: str
    page_label: str
    page_width: float
    page_height: float

    def draw(self, canvas: Any, page: int, pages: int) -> None:
        size = 8
        inner = self.page_width - 2 * MARGIN
        canvas.saveState()
        canvas.setFont(FONT, size)
        canvas.setFillColor(_colour(TONE_COLOURS["muted"]))
        if self.header:
            top = self.page_height - CHROME_INSET
            canvas.drawString(MARGIN, top, _elide(self.header, size, inner))
            canvas.setStrokeColor(_colour(GRID_COLOUR))
            canvas.setLineWidth(0.5)
            canvas.line(MARGIN, top - 4, self.page_width - MARGIN, top - 4)
        label = self.page_label.replace("{page}", str(page)).replace("{pages}", str(pages))
        label = _elide(_one_line(label), size, inner / 2)
        if label:
            canvas.drawRightString(self.page_width - MARGIN, CHROME_INSET, label)
        if self.footer:
            room = inner - pdfmetrics.stringWidth(label, FONT, size) - 12
            canvas.drawString(MARGIN, CHROME_INSET, _elide(self.footer, size, room))
        canvas.restoreState()


class _ChromeCanvas(Canvas):
    """A canvas that keeps finished pages until `save`, when the page count is known."""

    def __init__(self, *args: Any, chrome: _Chrome, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.chrome = chrome
        self.plain = False  # this page is the cover: no header, no footer
        self.held: list[dict[str, Any]] = []

    def mark_plain(self, plain: bool) -> None:
        """Called by the page templates as each page begins."""
        self.plain = plain

    def showPage(self) -> None:  # reportlab's name
        # The page's drawing and resources live in the canvas attributes; keep a copy of them
        # and start a fresh page as reportlab would.
        self.held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        if self._code or not self.held:  # a document with nothing in it is still one page
            self.showPage()
        held, pages = self.held, len(self.held)
        for number, state in enumerate(held, start=1):
            self.__dict__.update(state)
            if not self.plain:
                self.chrome.draw(self, number, pages)
            super().showPage()
        super().save()
