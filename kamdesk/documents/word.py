"""A model `Document` as a Word (.docx) file, with python-docx.

The look: the bundled CJK font on every style and run (Word otherwise falls back to its theme
font for Chinese), a cover page without a header, a muted header with a rule on every later
page, the footer text on the left and "page / pages" fields on the right of every page (the
cover included, so a confidentiality footer is never missing), tables with a repeating shaded
header row, zebra rows and light grid lines, and figures as PNG pictures drawn by `raster`
(their label text is also the picture's alternative text).

Body content is written as WordprocessingML text and parsed in batches: building hundreds of
table cells through python-docx's object API is several times slower. Every text passes
through `model.clean()` and is XML-escaped, so `<b>`, `&` or `{{…}}` print literally.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from xml.sax.saxutils import escape

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import _Footer, _Header
from docx.shared import Emu, Inches, Mm, Pt, RGBColor

from kamdesk.documents.model import (
    Align,
    Bullets,
    Cover,
    Document,
    Figure,
    Heading,
    KeyValues,
    Label,
    PageBreak,
    PageSize,
    Paragraph,
    Table,
    Tone,
    clean,
)
from kamdesk.documents.raster import figure_png
from kamdesk.resources import FONT_FAMILY

TONE_COLOURS: dict[Tone, str] = {
    "body": "17202A",
    "muted": "7F8C8D",
    "strong": "17202A",
    "warning": "C0392B",
    "good": "1E8449",
}
HEADING_COLOUR = "1A5276"
HEADER_FILL = "D6EAF8"
ZEBRA_FILL = "F4F6F7"
GRID_COLOUR = "AAB7B8"

BODY_PT = 10.5  # 五号, the usual Chinese body size
TABLE_PT = 9.0
SMALL_PT = 8.0  # header, footer
CAPTION_PT = 8.5
MARGIN = Mm(18)
PAGE_SIZES: dict[PageSize, tuple[int, int]] = {  # EMU
    "A4": (Mm(210), Mm(297)),
    "Letter": (Inches(8.5), Inches(11)),
}
FIGURE_PX_PER_PT = 2.0
"""Resolution of an embedded figure: pixels per printed point (144 dpi)."""
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
METADATA_LIMIT = 255  # python-docx refuses longer core properties

_W = nsdecls("w")
_THEME_FONT_ATTRIBUTES = tuple(qn(f"w:{a}") for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme"))
_THEME_FONT_ATTRIBUTES += (qn("w:cstheme"),)
_THEME_COLOUR_ATTRIBUTES = tuple(qn(f"w:{a}") for a in ("themeColor", "themeShade", "themeTint"))
_FONT_ATTRIBUTES = tuple(qn(f"w:{a}") for a in ("ascii", "hAnsi", "eastAsia", "cs"))
_FONT_ATTR = escape(FONT_FAMILY, {'"': "&quot;"})
_FONTS_XML = (
    f'<w:rFonts w:ascii="{_FONT_ATTR}" w:hAnsi="{_FONT_ATTR}" '
    f'w:eastAsia="{_FONT_ATTR}" w:cs="{_FONT_ATTR}"/>'
)
_LINE_BREAKS = re.compile(r"(\n|\t)")
_PAGE_FIELDS = re.compile(r"(\{pages\}|\{page\})")
_FIRST_TAG = re.compile(r"^<[\w:]+")

# styles the renderer uses (by style id) and the ones Word needs; the rest of python-docx's
# 160-style template is dropped, which halves the time to open and save a document
_KEPT_STYLES = frozenset(
    {
        "Normal",
        "DefaultParagraphFont",
        "TableNormal",
        "NoList",
        "Title",
        "TitleChar",
        "Heading1",
        "Heading1Char",
        "Heading2",
        "Heading2Char",
        "ListBullet",
        "TableGrid",
        "Header",
        "HeaderChar",
        "Footer",
        "FooterChar",
    }
)

_template: bytes | None = None
_template_lock = threading.Lock()


def render_docx(document: Document) -> bytes:
    """The document as the bytes of a .docx file."""
    word = docx.Document(io.BytesIO(_template_bytes()))
    width, height = PAGE_SIZES.get(document.page_size, PAGE_SIZES["A4"])
    for section in word.sections:
        section.page_width, section.page_height = Emu(width), Emu(height)
        section.top_margin = section.bottom_margin = MARGIN
        section.left_margin = section.right_margin = MARGIN
        section.header_distance = section.footer_distance = Mm(8)
        section.gutter = Emu(0)
    text_width = Emu(width - 2 * MARGIN)
    text_height = Emu(height - 2 * MARGIN)
    writer = _BodyWriter(word, text_width, text_height)
    if document.cover is not None:
        writer.cover(document.cover, document.title)
    elif clean(document.title).strip():
        writer.title(document.title)
    for block in document.blocks:
        writer.block(block)
    writer.flush()
    _header_and_footer(word, document, text_width)
    _metadata(word, document)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


# runs and paragraphs as WordprocessingML -------------------------------------------------------


def _rpr(colour: str, size: float | None = None, bold: bool = False) -> str:
    parts = [_FONTS_XML]
    if bold:
        parts.append("<w:b/><w:bCs/>")
    parts.append(f'<w:color w:val="{colour}"/>')
    if size is not None:
        half_points = round(size * 2)
        parts.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def _tone_rpr(tone: Tone, size: float | None = None) -> str:
    return _rpr(TONE_COLOURS.get(tone, TONE_COLOURS["body"]), size, bold=tone == "strong")


def _run(text: str, rpr: str) -> str:
    """One run of literal text; newlines become line breaks, tabs tabs."""
    pieces: list[str] = []
    for part in _LINE_BREAKS.split(clean(text)):
        if part == "\n":
            pieces.append("<w:br/>")
        elif part == "\t":
            pieces.append("<w:tab/>")
        elif part:
            pieces.append(f'<w:t xml:space="preserve">{escape(part)}</w:t>')
    return f"<w:r>{rpr}{''.join(pieces)}</w:r>"


def _field(instruction: str, rpr: str) -> str:
    """A field (PAGE, NUMPAGES) Word fills in when it lays out the page."""
    return (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{rpr}<w:t>1</w:t></w:r>"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def _twips(points: float) -> int:
    return round(points * 20)


def _para(
    runs: str,
    *,
    style: str | None = None,
    align: str | None = None,
    before: float | None = None,
    after: float | None = None,
    keep_next: bool = False,
    break_before: bool = False,
    borders: str = "",
    tabs: str = "",
    indent: float | None = None,
) -> str:
    """A paragraph; the pPr children are written in the order the schema requires."""
    ppr: list[str] = []
    if style:
        ppr.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next:
        ppr.append("<w:keepNext/>")
    if break_before:
        ppr.append("<w:pageBreakBefore/>")
    if borders:
        ppr.append(f"<w:pBdr>{borders}</w:pBdr>")
    if tabs:
        ppr.append(f"<w:tabs>{tabs}</w:tabs>")
    if before is not None or after is not None:
        spacing = "".join(
            f' w:{name}="{_twips(value)}"'
            for name, value in (("before", before), ("after", after))
            if value is not None
        )
        ppr.append(f"<w:spacing{spacing}/>")
    if indent is not None:
        ppr.append(f'<w:ind w:left="{_twips(indent)}" w:right="{_twips(indent)}"/>')
    if align:
        ppr.append(f'<w:jc w:val="{align}"/>')
    return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{runs}</w:p>"


def _element(xml: str) -> BaseOxmlElement:
    """One element from WordprocessingML text written without namespace declarations."""
    return parse_xml(_FIRST_TAG.sub(lambda m: f"{m.group(0)} {_W}", xml, count=1))


def _border(side: str, colour: str, eighths: int, space: int = 1) -> str:
    return f'<w:{side} w:val="single" w:sz="{eighths}" w:space="{space}" w:color="{colour}"/>'


_JUSTIFY: dict[Align, str] = {"left": "left", "right": "right", "centre": "center"}


def _widths(weights: Sequence[float], total: int) -> list[int]:
    """`total` twips split in proportion to `weights` (all equal when none is positive)."""
    shares = [w if w > 0 else 0.0 for w in weights]
    whole = sum(shares)
    if whole <= 0:
        shares, whole = [1.0] * len(weights), float(len(weights))
    widths = [int(total * share / whole) for share in shares]
    if widths:
        widths[-1] += total - sum(widths)
    return widths


def _cell(text: str, width: int, rpr: str, align: str, fill: str | None) -> str:
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
        f'<w:p><w:pPr><w:spacing w:before="30" w:after="30" w:line="252" w:lineRule="auto"/>'
        f'<w:jc w:val="{align}"/></w:pPr>{_run(text, rpr)}</w:p></w:tc>'
    )


def _table_xml(widths: Sequence[int], borders: str, rows: Iterable[str]) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(widths)}" '
        f'w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
        f"</w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


_GRID_BORDERS = "".join(
    _border(side, GRID_COLOUR, 4, 0)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_ROW_RULES = "".join(
    [
        _border("top", GRID_COLOUR, 4, 0),
        '<w:left w:val="nil"/>',
        _border("bottom", GRID_COLOUR, 4, 0),
        '<w:right w:val="nil"/>',
        _border("insideH", GRID_COLOUR, 4, 0),
        '<w:insideV w:val="nil"/>',
    ]
)
_SPACER = (  # keeps tables apart (Word merges adjacent ones) and gives them room below
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="160" w:lineRule="exact"/>'
    "</w:pPr></w:p>"
)
_BREAK_BEFORE_TABLE = (
    '<w:p><w:pPr><w:pageBreakBefore/><w:spacing w:before="0" w:after="0" w:line="20" '
    'w:lineRule="exact"/></w:pPr></w:p>'
)


class _BodyWriter:
    """Appends blocks to the body of `word`, in batches of parsed XML."""

    def __init__(self, word: WordDocument, text_width: Emu, text_height: Emu) -> None:
        self.word = word
        body = word.element.body
        sect_pr = body.find(qn("w:sectPr"))
        assert sect_pr is not None
        self._end = sect_pr
        self._pending: list[str] = []
        self._break = False
        self.text_width = text_width
        self.text_width_twips = int(text_width.pt * 20)
        self.text_height = text_height

    # plumbing

    def _add(self, xml: str) -> None:
        self._pending.append(xml)

    def flush(self) -> None:
        if not self._pending:
            return
        holder = parse_xml(f"<w:body {_W}>{''.join(self._pending)}</w:body>")
        self._pending.clear()
        for child in list(holder):
            self._end.addprevious(child)

    def _take_break(self) -> bool:
        """Whether the next paragraph starts a new page (and that this is now done)."""
        pending, self._break = self._break, False
        return pending

    def _break_before_table(self) -> None:
        if self._take_break():
            self._add(_BREAK_BEFORE_TABLE)

    # blocks

    def title(self, text: str) -> None:
        self._add(_para(_run(text, _rpr(HEADING_COLOUR, 22, bold=True)), style="Title"))

    def cover(self, cover: Cover, document_title: str) -> None:
        kicker = clean(document_title).strip()
        if kicker and kicker != clean(cover.title).strip():
            # the document's own title (e.g. "客户档案") above the cover's (the customer)
            self._add(_para(_run(document_title, _rpr(TONE_COLOURS["muted"], 13)), before=130))
            title_before = 4.0
        else:
            title_before = 150.0
        self._add(
            _para(
                _run(cover.title, _rpr(HEADING_COLOUR, 26, bold=True)),
                style="Title",
                before=title_before,
            )
        )
        if clean(cover.subtitle).strip():
            self._add(_para(_run(cover.subtitle, _rpr(TONE_COLOURS["muted"], 14)), after=18))
        if cover.facts:
            self._key_values(cover.facts)
        if clean(cover.mark).strip():
            colour = TONE_COLOURS.get(cover.mark_tone, TONE_COLOURS["warning"])
            frame = "".join(
                _border(side, colour, 12, 6) for side in ("top", "left", "bottom", "right")
            )
            self._add(
                _para(
                    _run(cover.mark, _rpr(colour, 14, bold=True)),
                    align="center",
                    before=30,
                    after=8,
                    borders=frame,
                    indent=self.text_width.pt / 5,  # a centred box, well inside the margins
                )
            )
        if clean(cover.note).strip():
            self._add(_para(_run(cover.note, _tone_rpr("muted", 9)), align="center", before=4))
        self._break = True

    def block(self, block: object) -> None:
        if isinstance(block, Heading):
            style = "Heading1" if block.level <= 1 else "Heading2"
            size = 16 if block.level <= 1 else 13
            run = _run(block.text, _rpr(HEADING_COLOUR, size, bold=True))
            self._add(_para(run, style=style, break_before=self._take_break()))
        elif isinstance(block, Paragraph):
            run = _run(block.text, _tone_rpr(block.tone))
            self._add(_para(run, break_before=self._take_break()))
        elif isinstance(block, Bullets):
            for item in block.items:
                run = _run(item, _tone_rpr("body"))
                self._add(_para(run, style="ListBullet", break_before=self._take_break()))
        elif isinstance(block, KeyValues):
            if block.pairs:
                self._break_before_table()
                self._key_values(block.pairs)
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, Figure):
            self._figure(block)
        elif isinstance(block, PageBreak):
            self._break = True
        else:
            raise TypeError(f"not a document block: {block!r}")

    def _key_values(self, pairs: Sequence[tuple[str, str]]) -> None:
        widths = _widths((3.0, 7.0), self.text_width_twips)
        label_rpr, value_rpr = _tone_rpr("muted", TABLE_PT + 0.5), _tone_rpr("body", TABLE_PT + 0.5)
        rows = (
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            + _cell(label, widths[0], label_rpr, "left", None)
            + _cell(value, widths[1], value_rpr, "left", None)
            + "</w:tr>"
            for label, value in pairs
        )
        self._add(_table_xml(widths, _ROW_RULES, rows))
        self._add(_SPACER)

    def _table(self, table: Table) -> None:
        if not table.columns or not table.rows:
            if clean(table.empty).strip():
                run = _run(table.empty, _tone_rpr("muted"))
                self._add(_para(run, break_before=self._take_break()))
            return
        self._break_before_table()
        widths = _widths([c.weight for c in table.columns], self.text_width_twips)
        aligns = [_JUSTIFY.get(c.align, "left") for c in table.columns]
        head_rpr = _rpr(TONE_COLOURS["strong"], TABLE_PT, bold=True)
        rows = [
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            + "".join(
                _cell(c.title, w, head_rpr, a, HEADER_FILL)
                for c, w, a in zip(table.columns, widths, aligns, strict=True)
            )
            + "</w:tr>"
        ]
        rprs: dict[Tone, str] = {}
        for index, row in enumerate(table.rows):
            tone = table.tone(index)
            rpr = rprs.get(tone) or rprs.setdefault(tone, _tone_rpr(tone, TABLE_PT))
            fill = ZEBRA_FILL if index % 2 == 1 else None
            rows.append(
                "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + "".join(
                    _cell(text, w, rpr, a, fill)
                    for text, w, a in zip(row, widths, aligns, strict=True)
                )
                + "</w:tr>"
            )
        self._add(_table_xml(widths, _GRID_BORDERS, rows))
        self._add(_SPACER)

    def _figure(self, figure: Figure) -> None:
        max_width = self.text_width.pt
        max_height = self.text_height.pt - 60  # room for the header, footer and caption
        fit = 1.0
        if figure.width > max_width:
            fit = max_width / figure.width
        if figure.height * fit > max_height > 0:
            fit = max_height / figure.height
        png = figure_png(figure, scale=FIGURE_PX_PER_PT * fit)
        caption = clean(figure.caption).strip()
        inline = self.word.part.new_pic_inline(
            io.BytesIO(png),
            width=Pt(max(figure.width * fit, 1.0)),
            height=Pt(max(figure.height * fit, 1.0)),
        )
        labels = [clean(s.text) for s in figure.shapes if isinstance(s, Label)]
        alt_text = "\n".join(t for t in [caption, *labels] if t.strip())
        if alt_text:  # the words drawn in the picture, for search and screen readers
            inline.docPr.set("descr", alt_text)
        runs = f"<w:r>{_rpr(TONE_COLOURS['body'])}<w:drawing/></w:r>"
        paragraph = _element(
            _para(
                runs,
                align="center",
                before=6,
                after=2,
                keep_next=bool(caption),
                break_before=self._take_break(),
            )
        )
        drawing = paragraph.find(f"{qn('w:r')}/{qn('w:drawing')}")
        assert drawing is not None
        drawing.append(inline)
        self.flush()
        self._end.addprevious(paragraph)
        if caption:
            run_xml = _run(figure.caption, _tone_rpr("muted", CAPTION_PT))
            self._add(_para(run_xml, align="center", before=0, after=8))


# styles, header and footer, metadata ----------------------------------------------------------


def _template_bytes() -> bytes:
    """python-docx's default template with the styles made ready, built once per process."""
    global _template
    with _template_lock:
        if _template is None:
            word = docx.Document()
            _prune(word)
            _prepare_styles(word)
            out = io.BytesIO()
            word.save(out)
            _template = out.getvalue()
        return _template


def _prune(word: WordDocument) -> None:
    """Drop what the template carries but a rendered document does not use: unused styles,
    the 2010 styles-with-effects copy and the thumbnail of an empty page."""
    styles = word.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in _KEPT_STYLES:
            styles.remove(style)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    document_rels = word.part.rels
    for rid, rel in list(document_rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:
            del document_rels[rid]
    package_rels = word.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rid]


def _set_fonts(rpr: BaseOxmlElement) -> None:
    """The bundled font for every script on this rPr, and no theme font to override it."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _element(_FONTS_XML)
        rpr.insert(1 if rpr.find(qn("w:rStyle")) is not None else 0, fonts)
    _fix_fonts(fonts)


def _fix_fonts(fonts: BaseOxmlElement) -> None:
    for attribute in _THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(attribute, None)
    for attribute in _FONT_ATTRIBUTES:
        fonts.set(attribute, FONT_FAMILY)


def _prepare_styles(word: WordDocument) -> None:
    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    assert defaults is not None
    default_rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert default_rpr is not None
    _set_fonts(default_rpr)
    for element in default_rpr.findall(qn("w:lang")):
        default_rpr.remove(element)
    default_rpr.append(_element('<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'))
    size = default_rpr.find(qn("w:sz"))
    if size is not None:
        size.set(qn("w:val"), str(round(BODY_PT * 2)))
    size_cs = default_rpr.find(qn("w:szCs"))
    if size_cs is not None:
        size_cs.set(qn("w:val"), str(round(BODY_PT * 2)))
    # every style: no theme fonts or theme colours left to win over the explicit ones
    for fonts in styles.iter(qn("w:rFonts")):
        _fix_fonts(fonts)
    for element in styles.iter(qn("w:color")):
        for attribute in _THEME_COLOUR_ATTRIBUTES:
            element.attrib.pop(attribute, None)
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet", "Table Grid"):
        _set_fonts(word.styles[name].element.get_or_add_rPr())
    for name in ("Header", "Footer"):
        style = word.styles[name]
        _set_fonts(style.element.get_or_add_rPr())
        tabs = style.element.find(f"{qn('w:pPr')}/{qn('w:tabs')}")
        if tabs is not None:  # tab stops for a 6.5-inch line; each footer sets its own
            tabs.getparent().remove(tabs)
    normal = word.styles["Normal"]
    normal.font.color.rgb = _rgb(TONE_COLOURS["body"])
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.25
    for name, points, before, after in (
        ("Title", 26.0, 0.0, 10.0),
        ("Heading 1", 16.0, 18.0, 6.0),
        ("Heading 2", 13.0, 12.0, 4.0),
    ):
        style = word.styles[name]
        style.font.color.rgb = _rgb(HEADING_COLOUR)
        style.font.size = Pt(points)
        style.font.bold = True
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
    rule = word.styles["Title"].element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    if rule is not None:  # the rule under the title, in the heading colour
        rule.set(qn("w:color"), HEADING_COLOUR)
        for attribute in _THEME_COLOUR_ATTRIBUTES:
            rule.attrib.pop(attribute, None)


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour)


def _header_and_footer(word: WordDocument, document: Document, text_width: Emu) -> None:
    header_text = clean(document.header).strip()
    footer_text = clean(document.footer)
    label = clean(document.page_label)
    small = _tone_rpr("muted", SMALL_PT)
    header_xml = ""
    if header_text:
        rule = _border("bottom", GRID_COLOUR, 4, 3)
        header_xml = _para(_run(document.header, small), style="Header", borders=rule)
    footer_xml = ""
    if footer_text.strip() or label.strip():
        runs = [_run(footer_text, small)] if footer_text else []
        runs.append(f"<w:r>{small}<w:tab/></w:r>")
        for part in _PAGE_FIELDS.split(label):
            if part == "{page}":
                runs.append(_field("PAGE", small))
            elif part == "{pages}":
                runs.append(_field("NUMPAGES", small))
            elif part:
                runs.append(_run(part, small))
        tab = f'<w:tab w:val="right" w:pos="{int(text_width.pt * 20)}"/>'
        footer_xml = _para("".join(runs), style="Footer", tabs=tab)
    has_cover = document.cover is not None
    for section in word.sections:
        section.different_first_page_header_footer = has_cover
        if header_xml:
            _fill(section.header, header_xml)
        if footer_xml:
            _fill(section.footer, footer_xml)
        if has_cover:  # the cover: no header, the same footer
            _fill(section.first_page_header, _para(""))
            if footer_xml:
                _fill(section.first_page_footer, footer_xml)


def _fill(part: _Header | _Footer, paragraph_xml: str) -> None:
    part.is_linked_to_previous = False
    element = part._element
    for child in list(element):
        element.remove(child)
    element.append(_element(paragraph_xml))


def _metadata(word: WordDocument, document: Document) -> None:
    def short(text: str) -> str:
        text = " ".join(clean(text).split())
        return text if len(text) <= METADATA_LIMIT else text[: METADATA_LIMIT - 1] + "…"

    properties = word.core_properties
    properties.title = short(document.title)
    properties.author = short(document.author)
    properties.last_modified_by = short(document.author)
    properties.subject = short(document.subject)
    properties.keywords = short(", ".join(k for k in document.keywords if clean(k).strip()))
    properties.language = short(document.language)
    properties.comments = ""
    properties.revision = 1
    now = datetime.now(UTC).replace(microsecond=0)
    properties.created = now
    properties.modified = now
