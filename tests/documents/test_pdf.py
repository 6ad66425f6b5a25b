"""The PDF as a reader gets it: read back with pdfium (text, pages, sizes, pixels)."""

from __future__ import annotations

import re
import threading

import pypdfium2  # type: ignore[import-untyped]
import pytest

from kamdesk.documents import model as m
from kamdesk.documents.pdf import render_pdf

HISTORY_ROWS = 150
LONG_NOTE = (
    "李建国：the buyer at Acme Corp asks for a new quote on spindle bearings, delivered by "
    "March. 预计金额 1,234,567 元。" * 200
)[:10_000]


def relationship_map() -> m.Figure:
    shapes: list[m.Shape] = []
    people = ["张三 总经理", "李建国 副总裁", "王芳 采购经理", "赵敏 财务总监", "陈晓东 工程师"]
    for i, name in enumerate(people):
        x = 20 + i * 130  # 660 points wide: wider than any page, so it is scaled down
        shapes.append(m.Rect(x, 40, 120, 50, fill="#eaf2f8", stroke="#1a5276", radius=6))
        shapes.append(m.Label(x + 8, 48, name, size=10, bold=i == 0))
    shapes.append(m.Polyline(((80, 90), (80, 120), (210, 120), (210, 90)), colour="#c0392b"))
    shapes.append(m.Rect(20, 130, 250, 30, stroke="#7f8c8d", dashed=True))
    shapes.append(m.Label(28, 138, "决策链：张三 → 李建国 → 王芳 → 赵敏 → 陈晓东", max_width=120))
    return m.Figure(660, 170, tuple(shapes), caption="图 1 苏州恒瑞 决策关系图")


def dossier(page_size: m.PageSize = "A4") -> m.Document:
    history = m.Table(
        (
            m.Column("日期", 1.0),
            m.Column("联系人", 1.0),
            m.Column("事项", 3.0),
            m.Column("金额（元）", 1.2, "right"),
        ),
        tuple(
            (f"2024-{i % 12 + 1:02d}-15", f"王{i}号", f"第{i}次拜访：讨论续约", f"{i * 1234:,}")
            for i in range(HISTORY_ROWS)
        ),
        tones=tuple("warning" if i % 10 == 3 else "body" for i in range(HISTORY_ROWS)),
    )
    return m.Document(
        title="客户档案：苏州恒瑞精密机械",
        cover=m.Cover(
            title="苏州恒瑞精密机械有限公司",
            subtitle="客户档案 2025",
            facts=(("客户经理", "张三"), ("年采购额", "1,234,567 元")),
            mark="机密 CONFIDENTIAL",
            note="仅供内部使用，请勿外传。",
        ),
        blocks=(
            m.Heading("一、客户概况"),
            m.Paragraph("年采购额 1,234,567 元，联系人李建国。\n第二行：付款周期 60 天。"),
            m.Paragraph("{{客户}} <b>not bold</b> & co &amp;"),
            m.Paragraph("响铃\x07转义\x1b之后"),
            m.Paragraph("注意：合同 3 月 31 日到期", tone="warning"),
            m.Paragraph("重点：续约谈判由张三负责", tone="strong"),
            m.Bullets(("李建国 生日 9 月 17 日", "王芳 偏好 普洱茶")),
            m.KeyValues((("行业", "精密机械"), ("地址", "江苏省苏州市工业园区星湖街 328 号"))),
            m.Heading("二、往来记录", level=2),
            history,
            m.Table((m.Column("投诉"),), (), empty="暂无投诉记录"),
            m.Heading("三、决策关系"),
            relationship_map(),
            m.Heading("四、备注"),
            m.Paragraph(LONG_NOTE),
        ),
        header="苏州恒瑞精密机械 · 客户档案",
        footer="kamdesk · 张三",
        author="张三",
        subject="客户档案",
        keywords=("苏州恒瑞", "客户档案"),
        page_size=page_size,
    )


def pages(data: bytes) -> list[str]:
    pdf = pypdfium2.PdfDocument(data)
    return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]


def squash(text: str) -> str:
    """Text without whitespace: line breaks fall where the layout puts them."""
    return "".join(text.split())


def body(texts: list[str]) -> str:
    """The pages' text without the header and footer drawn on each page."""
    chrome = re.compile(r"苏州恒瑞精密机械 · 客户档案\s*kamdesk · 张三 \d+ / \d+\s*$")
    return "".join(chrome.sub("", text) for text in texts)


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return render_pdf(dossier())


@pytest.fixture(scope="module")
def texts(pdf_bytes: bytes) -> list[str]:
    return pages(pdf_bytes)


def test_every_word_of_the_document_prints_in_chinese(texts: list[str]) -> None:
    printed = squash(body(texts))
    document = dossier()
    for line in m.clean(document.text()).splitlines():
        if line.startswith("决策链"):
            continue  # a label elided to its max_width (see below)
        assert squash(line) in printed, line[:40]


def test_figures_print_with_their_thousands_separators(texts: list[str]) -> None:
    printed = "".join(texts)
    assert "1,234,567 元" in printed
    assert "183,866" in printed  # row 149: 149 × 1,234


def test_font_is_embedded_as_a_subset_of_wenquanyi(pdf_bytes: bytes) -> None:
    assert b"/FontFile2" in pdf_bytes
    names = re.findall(rb"/BaseFont\s*/([A-Z]{6}\+[^\s/]+)", pdf_bytes)
    assert names and all(b"WenQuanYi" in name for name in names)


def test_cover_page_has_no_header_or_page_label(texts: list[str]) -> None:
    cover = texts[0]
    assert "苏州恒瑞精密机械有限公司" in cover and "机密 CONFIDENTIAL" in cover
    assert "客户档案" in cover and "·" not in cover
    assert not re.search(r"\d+ / \d+", cover)


def test_pages_after_the_cover_say_page_n_of_the_real_total(texts: list[str]) -> None:
    total = len(texts)
    assert total >= 5
    for number, text in enumerate(texts[1:], start=2):
        assert f"{number} / {total}" in text
        assert "苏州恒瑞精密机械 · 客户档案" in text
        assert "kamdesk · 张三" in text
        assert "{page" not in text


def test_long_table_repeats_its_header_row_on_every_page(texts: list[str]) -> None:
    with_rows = [t for t in texts if re.search(r"王\d+号", t)]
    assert len(with_rows) >= 3
    for text in with_rows:
        assert "日期 联系人 事项 金额（元）" in text
    printed = "".join(texts)
    assert all(f"王{i}号" in printed for i in range(HISTORY_ROWS))


def test_text_typed_by_users_prints_literally(texts: list[str]) -> None:
    assert "{{客户}} <b>not bold</b> & co &amp;" in "".join(texts)


def test_control_characters_are_dropped(texts: list[str]) -> None:
    printed = "".join(texts)
    assert "响铃转义之后" in printed
    assert "\x07" not in printed and "\x1b" not in printed


def test_empty_table_prints_its_empty_text(texts: list[str]) -> None:
    assert "暂无投诉记录" in "".join(texts)


def test_ten_thousand_character_paragraph_runs_over_several_pages(texts: list[str]) -> None:
    holding = [t for t in texts if "Acme" in t]
    assert len(holding) >= 3
    printed = body(holding)
    assert squash(printed).count(squash(LONG_NOTE)) == 1
    # a line may break anywhere (Chinese has no spaces), but words keep the space between them
    # when a line or a page breaks at it: "Acme Corp" never prints as "AcmeCorp"
    words = [r"\s*".join(map(re.escape, word)) for word in LONG_NOTE.split()]
    assert re.search(r"\s+".join(words), printed)


def test_figure_labels_print_inside_the_page_and_long_ones_are_elided(pdf_bytes: bytes) -> None:
    pdf = pypdfium2.PdfDocument(pdf_bytes)
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        if "陈晓东 工程师" not in text:
            continue
        width, _ = page.get_size()
        searcher = textpage.search("工程师")
        found = searcher.get_next()
        assert found is not None
        start, count = found
        _, _, right, _ = textpage.get_charbox(start + count - 1)
        assert right <= width - 40  # scaled down to the text width, inside the margin
        assert "决策链：张三" in text and "…" in text and "陈晓东 → " not in text
        assert "图 1 苏州恒瑞 决策关系图" in text
        break
    else:
        pytest.fail("the relationship map is missing")


def test_metadata_is_set(pdf_bytes: bytes) -> None:
    meta = pypdfium2.PdfDocument(pdf_bytes).get_metadata_dict()
    assert meta["Title"] == "客户档案：苏州恒瑞精密机械"
    assert meta["Author"] == "张三"
    assert meta["Subject"] == "客户档案"
    assert "苏州恒瑞" in meta["Keywords"] and "客户档案" in meta["Keywords"]
    assert b"/Lang (zh-CN)" in pdf_bytes


def test_page_size_is_a4_or_letter(pdf_bytes: bytes) -> None:
    a4 = pypdfium2.PdfDocument(pdf_bytes)[0].get_size()
    letter = pypdfium2.PdfDocument(render_pdf(dossier("Letter")))[0].get_size()
    assert a4 == pytest.approx((595.3, 841.9), abs=0.5)
    assert letter == pytest.approx((612, 792), abs=0.5)


def test_pages_are_not_blank(pdf_bytes: bytes) -> None:
    pdf = pypdfium2.PdfDocument(pdf_bytes)
    for index in (0, 1):
        image = pdf[index].render(scale=1).to_pil().convert("L")
        dark = sum(image.histogram()[:128])
        assert dark > 1000, f"page {index + 1} looks blank"


def test_document_without_cover_starts_with_its_title_and_numbers_page_one() -> None:
    document = m.Document(
        title="服务计划 2025",
        blocks=(m.Paragraph("拜访李建国"), m.PageBreak(), m.Paragraph("回访张三")),
        page_label="第 {page} 页，共 {pages} 页",
    )
    texts = pages(render_pdf(document))
    assert len(texts) == 2
    assert texts[0].startswith("服务计划 2025")
    assert "第 1 页，共 2 页" in texts[0] and "第 2 页，共 2 页" in texts[1]
    assert "回访张三" in texts[1]


def test_emoji_and_missing_glyphs_do_not_break_the_document() -> None:
    document = m.Document(
        title="生日",
        blocks=(m.Paragraph("王芳 🎂 生日快乐 𠮷"), m.Table((m.Column("备注"),), (("🎂🎉",),))),
    )
    text = pages(render_pdf(document))[0]
    assert "王芳" in text and "生日快乐" in text


def test_table_row_taller_than_a_page_still_prints() -> None:
    cell = "长" * 599 + "尾"
    columns = tuple(m.Column(f"列{i}", 1.0) for i in range(6))
    document = m.Document(title="宽表", blocks=(m.Table(columns, ((cell,) * 6,)),))
    texts = pages(render_pdf(document))
    assert len(texts) >= 2
    assert "".join(texts).count("尾") == 6


def test_renders_from_several_threads_at_once() -> None:
    document = m.Document(title="并发", blocks=(m.Paragraph("张三 李建国 1,234,567"),))
    results: list[bytes] = []

    def work() -> None:
        results.append(render_pdf(document))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4
    assert all("张三 李建国 1,234,567" in pages(data)[0] for data in results)
