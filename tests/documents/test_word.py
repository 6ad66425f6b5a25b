"""The Word rendering of a document, read back with python-docx as a user's Word would see it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from docx import Document as open_docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Inches, Mm
from docx.table import Table as WordTable
from PIL import Image

from kamdesk.documents.model import (
    Bullets,
    Column,
    Cover,
    Document,
    Figure,
    Heading,
    KeyValues,
    Label,
    PageBreak,
    PageSize,
    Paragraph,
    Polyline,
    Rect,
    Table,
    Tone,
)
from kamdesk.documents.word import render_docx
from kamdesk.resources import FONT_FAMILY

LONG = "张三与李建国合作备注012345678。" * 500  # 10,000 characters in one paragraph
MARKUP = "{{客户}} <b>not bold</b> & co &amp;"
THEME_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")

FIGURE = Figure(
    width=300,
    height=120,
    shapes=(
        Rect(10, 10, 120, 40, fill="#d6eaf8", stroke="#1a5276", radius=6),
        Rect(170, 10, 120, 40, fill=None, stroke="#7f8c8d", dashed=True),
        Polyline(((130, 30), (170, 30)), colour="#aab7b8", dashed=True),
        Label(16, 16, "李建国 · 采购总监", size=9, bold=True, max_width=110),
        Label(176, 16, "王五 · 财务", size=9),
    ),
    caption="图 1 决策链",
)
ROWS = tuple(
    (
        f"2024-{m % 12 + 1:02d}-01",
        f"拜访 李建国 第{m}次",
        f"{1_234_567 + m:,}",
        "逾期" if m % 7 else "",
    )
    for m in range(150)
)
TONES: tuple[Tone, ...] = tuple("warning" if m % 7 == 0 else "body" for m in range(150))
VISITS = Table(
    columns=(
        Column("日期", 1.0),
        Column("事项", 3.0),
        Column("金额", 1.0, "right"),
        Column("状态", 1.0, "centre"),
    ),
    rows=ROWS,
    tones=TONES,
)


def dossier(page_size: PageSize = "Letter") -> Document:
    return Document(
        title="客户档案",
        cover=Cover(
            title="苏州恒瑞精密机械",
            subtitle="客户档案 · 2024",
            facts=(("客户经理", "张三"), ("年营收", "1,234,567 万元")),
            mark="机密 CONFIDENTIAL",
            note="仅供内部使用",
        ),
        blocks=(
            Heading("客户概况"),
            Paragraph("年营收 1,234,567 元，联系人 李建国\n第二行"),
            Paragraph(MARKUP),
            Paragraph("响铃\x07转义\x1b结束"),
            Paragraph("生日 🎂 快乐", tone="good"),
            Paragraph(LONG),
            Bullets(("每季度拜访 张三", "关注采购预算")),
            KeyValues((("负责人", "李建国"), ("电话", "138 0000 0000"))),
            Heading("拜访记录", level=2),
            VISITS,
            FIGURE,
            PageBreak(),
            Heading("待办"),
            Table(columns=(Column("事项"),), rows=(), empty="暂无待办"),
            Table(columns=(Column("不打印"),), rows=()),
        ),
        header="客户档案 · 苏州恒瑞精密机械 · 机密",
        footer="kamdesk · 机密",
        page_label="第 {page} 页 / 共 {pages} 页",
        author="张三",
        subject="客户档案",
        keywords=("客户", "档案"),
        page_size=page_size,
    )


@pytest.fixture(scope="module")
def data() -> bytes:
    return render_docx(dossier())


@pytest.fixture(scope="module")
def word(data: bytes) -> WordDocument:
    return open_docx(io.BytesIO(data))


def texts(word: WordDocument) -> list[str]:
    """Every paragraph's text: the body, then every table cell."""
    found = [p.text for p in word.paragraphs]
    for table in word.tables:
        for row in table.rows:
            found += [cell.text for cell in row.cells]
    return found


def visits_table(word: WordDocument) -> WordTable:
    return next(t for t in word.tables if t.rows[0].cells[0].text == "日期")


def runs_with_text(element: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    for run in element.iter(qn("w:r")):
        if run.find(qn("w:t")) is not None:
            yield run


def test_names_figures_and_every_text_print(word: WordDocument) -> None:
    document = dossier()
    body = "\n".join(texts(word))
    header = word.sections[0].header.paragraphs[0].text
    alt_text = " ".join(e.get("descr", "") for e in word.element.body.iter(qn("wp:docPr")))
    expected = [document.title]
    assert document.cover is not None
    expected += [document.cover.title, document.cover.subtitle, document.cover.mark]
    expected += [document.cover.note, "客户经理", "张三", "1,234,567 万元"]
    expected += ["客户概况", "年营收 1,234,567 元，联系人 李建国\n第二行", "每季度拜访 张三"]
    expected += ["负责人", "李建国", "138 0000 0000", "拜访记录", "待办", "暂无待办"]
    expected += ["日期", "事项", "金额", "状态", "拜访 李建国 第149次", "1,234,716", "图 1 决策链"]
    missing = [text for text in expected if text not in body]
    assert missing == []
    assert header == "客户档案 · 苏州恒瑞精密机械 · 机密"
    assert "李建国 · 采购总监" in alt_text and "王五 · 财务" in alt_text  # drawn in the picture
    assert "不打印" not in body  # an empty table with no `empty` text prints nothing


def test_markup_prints_literally_and_control_characters_are_gone(
    word: WordDocument, data: bytes
) -> None:
    paragraphs = {p.text: p for p in word.paragraphs}
    assert MARKUP in paragraphs
    assert not any(run.bold for run in paragraphs[MARKUP].runs)
    assert "响铃转义结束" in paragraphs
    assert "生日 🎂 快乐" in paragraphs
    body = word.element.xml
    assert "\x07" not in body and "\x1b" not in body


def test_a_10000_character_paragraph_is_there_in_full(word: WordDocument) -> None:
    assert len(LONG) == 10_000
    assert LONG in [p.text for p in word.paragraphs]


def test_the_cjk_font_is_set_on_the_defaults_the_styles_and_every_run(
    word: WordDocument,
) -> None:
    styles = word.styles.element
    default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert default is not None
    fonts = default.find(qn("w:rFonts"))
    assert fonts is not None and fonts.get(qn("w:eastAsia")) == FONT_FAMILY
    language = default.find(qn("w:lang"))
    assert language is not None and language.get(qn("w:eastAsia")) == "zh-CN"
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet", "Table Grid"):
        fonts = word.styles[name].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts is not None, name
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            assert fonts.get(qn(f"w:{slot}")) == FONT_FAMILY, (name, slot)
    # no theme font anywhere in the styles, or Word would use it instead
    for fonts in styles.iter(qn("w:rFonts")):
        assert not [a for a in THEME_ATTRIBUTES if fonts.get(qn(f"w:{a}")) is not None]
    stories = [word.element.body]
    for section in word.sections:
        stories += [section.header._element, section.footer._element]
        stories += [section.first_page_header._element, section.first_page_footer._element]
    runs = [run for story in stories for run in runs_with_text(story)]
    assert len(runs) > 150
    wrong = [
        run
        for run in runs
        if run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}") is None
        or run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:eastAsia")) != FONT_FAMILY
    ]
    assert wrong == []


def test_the_table_header_repeats_and_rows_carry_shading_widths_and_tones(
    word: WordDocument,
) -> None:
    table = visits_table(word)
    assert len(table.rows) == 151
    first = table.rows[0]._tr
    assert first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert table.rows[1]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None
    assert table.style is not None and table.style.name == "Table Grid"

    def fill(row: int, column: int = 0) -> str | None:
        shading = table.rows[row].cells[column]._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
        return None if shading is None else shading.get(qn("w:fill"))

    assert fill(0) == "D6EAF8"
    assert fill(1) is None and fill(2) == "F4F6F7"  # zebra rows
    widths = [cell.width for cell in table.rows[5].cells]
    assert all(w is not None for w in widths)
    assert widths[1] == pytest.approx(3 * widths[0], rel=0.01)
    assert sum(w for w in widths if w is not None) == pytest.approx(Inches(8.5) - Mm(36), rel=0.01)
    amount, status = table.rows[1].cells[2].paragraphs[0], table.rows[1].cells[3].paragraphs[0]
    assert amount.alignment is not None and amount.alignment == 2  # right
    assert status.alignment is not None and status.alignment == 1  # centre
    warning_run = table.rows[1].cells[1].paragraphs[0].runs[0]  # row 0: a warning row
    body_run = table.rows[2].cells[1].paragraphs[0].runs[0]
    assert str(warning_run.font.color.rgb) == "C0392B"
    assert str(body_run.font.color.rgb) == "17202A"
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None
    assert {b.get(qn("w:color")) for b in borders} == {"AAB7B8"}


def test_empty_table_prints_its_note_muted(word: WordDocument) -> None:
    note = next(p for p in word.paragraphs if p.text == "暂无待办")
    assert str(note.runs[0].font.color.rgb) == "7F8C8D"


def test_page_size_and_margins() -> None:
    letter = open_docx(io.BytesIO(render_docx(dossier("Letter"))))
    a4 = open_docx(io.BytesIO(render_docx(dossier("A4"))))
    for section in letter.sections:
        assert (section.page_width, section.page_height) == (Inches(8.5), Inches(11))
    for section in a4.sections:
        assert section.page_width is not None and section.page_height is not None
        assert abs(section.page_width - Mm(210)) < Mm(0.1)
        assert abs(section.page_height - Mm(297)) < Mm(0.1)
        for margin in (section.left_margin, section.right_margin, section.top_margin):
            assert margin is not None and abs(margin - Mm(18)) < Mm(0.1)


def test_cover_has_no_header_and_every_page_has_the_footer_with_page_fields(
    word: WordDocument,
) -> None:
    section = word.sections[0]
    assert section.different_first_page_header_footer
    assert "".join(p.text for p in section.first_page_header.paragraphs) == ""
    for footer in (section.footer, section.first_page_footer):
        instructions = " ".join(e.text or "" for e in footer._element.iter(qn("w:instrText")))
        assert "NUMPAGES" in instructions.split() and "PAGE" in instructions.split()
        assert footer.paragraphs[0].text.startswith("kamdesk · 机密\t第 ")
    header = section.header.paragraphs[0]
    assert header._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
    # the first block after the cover starts a new page
    first_heading = next(p for p in word.paragraphs if p.text == "客户概况")
    assert first_heading.paragraph_format.page_break_before
    after_break = next(p for p in word.paragraphs if p.text == "待办")
    assert after_break.paragraph_format.page_break_before


def test_a_document_without_cover_starts_with_its_title_and_has_a_header_on_page_one() -> None:
    document = Document(title="服务计划 张三", blocks=(Paragraph("内容"),), header="页眉")
    word = open_docx(io.BytesIO(render_docx(document)))
    assert word.paragraphs[0].text == "服务计划 张三"
    assert not word.sections[0].different_first_page_header_footer
    assert word.sections[0].header.paragraphs[0].text == "页眉"


def test_bullets_use_the_list_bullet_style(word: WordDocument) -> None:
    bullets = [p for p in word.paragraphs if p.text in ("每季度拜访 张三", "关注采购预算")]
    assert [p.style.name for p in bullets if p.style is not None] == ["List Bullet"] * 2


def test_the_figure_is_an_embedded_png_sized_in_points(word: WordDocument) -> None:
    images = [p for p in word.part.package.iter_parts() if p.content_type == "image/png"]
    assert len(images) == 1
    picture = Image.open(io.BytesIO(images[0].blob))
    assert picture.format == "PNG"
    assert picture.size == (600, 240)  # the figure fits the page: 2 pixels a point
    shape = word.inline_shapes[0]
    assert abs(shape.width - 300 * 12700) < 12700 and abs(shape.height - 120 * 12700) < 12700


def test_a_wide_figure_is_scaled_down_to_the_text_width() -> None:
    wide = Figure(2000, 400, (Rect(0, 0, 2000, 400, fill="#d6eaf8"),))
    word = open_docx(io.BytesIO(render_docx(Document(title="宽图", blocks=(wide,)))))
    shape = word.inline_shapes[0]
    text_width = Mm(210) - Mm(36)
    assert abs(shape.width - text_width) < Mm(0.5)
    assert shape.height == pytest.approx(shape.width / 5, rel=0.01)


def test_metadata(word: WordDocument) -> None:
    properties = word.core_properties
    assert properties.title == "客户档案"
    assert properties.author == "张三"
    assert properties.subject == "客户档案"
    assert "客户" in properties.keywords and "档案" in properties.keywords
    assert properties.language == "zh-CN"
    assert "python-docx" not in (properties.comments or "")


def test_renders_again_and_again_the_same_content(data: bytes) -> None:
    again = open_docx(io.BytesIO(render_docx(dossier())))
    assert texts(again) == texts(open_docx(io.BytesIO(data)))


def test_renders_from_several_threads_at_once() -> None:
    blocks = (FIGURE, VISITS)
    documents = [Document(f"档案 {n}", (Paragraph(f"张三 {n}"), *blocks)) for n in range(6)]
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(render_docx, documents))
    for n, data in enumerate(results):
        word = open_docx(io.BytesIO(data))
        assert word.paragraphs[1].text == f"张三 {n}"
        assert len(word.tables[0].rows) == 151
