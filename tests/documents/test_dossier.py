"""The customer dossier: what it says, what a shareable copy leaves out, and that the PDF and
the Word file both carry it, read back from the files."""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest

from kamdesk.documents import render
from kamdesk.documents.model import Document, Figure, Table
from kamdesk.domain.calendar_days import Recurring, occurrences_between
from kamdesk.domain.errors import NotFound
from kamdesk.services.printing import Printer
from kamdesk.services.workbench import Workbench
from tests.conftest import SENSITIVE_VALUES, Customer

TODAY = date(2026, 11, 23)


def pdf_text(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def word_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def dossier(wb: Workbench, customer: Customer, *, shareable: bool = False) -> Document:
    printer = Printer(wb, today=TODAY)
    return printer.dossier(customer.account.id, shareable=shareable).document


def test_the_dossier_holds_value_people_visits_issues_and_talking_points(
    wb: Workbench, rich_customer: Customer
) -> None:
    text = dossier(wb, rich_customer).text()
    for expected in (
        "苏州恒瑞精密机械有限公司",
        "4,100,000",  # revenue 2025
        "1,150,000",  # gross profit 2025
        "28.0%",  # margin 2025
        "+43.8%",  # profit against 2024
        "88,000",  # cost to serve
        "订单饱满，正在扩建二期厂房。",
        "采购经理比价，副总拍板，董事长过目大单。",
        "2026年获评省级专精特新企业",
        "单田芳",
        "曾国华",
        "欧阳娜娜",
        "普洱茶",
        "不吃辣",
        "书法、钓鱼",
        "季度业务回顾",
        "主轴异响，客户要求上门检修",
        "22 days",  # the issue's age on 2026-11-23
    ):
        assert expected in text, expected


def test_talking_points_name_the_open_issue_the_lunar_birthday_and_the_promise(
    wb: Workbench, rich_customer: Customer
) -> None:
    document = dossier(wb, rich_customer)
    blocks = list(document.blocks)
    heading = next(
        i for i, b in enumerate(blocks) if getattr(b, "text", "").startswith("Suggested")
    )
    points = "\n".join(blocks[heading + 1].items)  # type: ignore[union-attr]
    (birthday,) = occurrences_between(Recurring("lunar", 12, 8), TODAY, date(2027, 11, 22))
    assert "主轴异响" in points
    assert f"{birthday.date.isoformat()}: 单田芳" in points
    assert "腊月初八" in points
    assert "下周报价" in points and "2026-11-27" in points
    assert "二期厂房需要 30 台数控机床" in points


def test_the_relationship_map_is_drawn_with_every_person(
    wb: Workbench, rich_customer: Customer
) -> None:
    figures = [b for b in dossier(wb, rich_customer).blocks if isinstance(b, Figure)]
    assert len(figures) == 1
    labels = " ".join(getattr(s, "text", "") for s in figures[0].shapes)
    for name in ("单田芳", "曾国华", "欧阳娜娜", "ours: 王建国"):
        assert name in labels


def test_the_private_copy_is_marked_confidential_and_has_the_sensitive_details(
    wb: Workbench, rich_customer: Customer
) -> None:
    document = dossier(wb, rich_customer)
    assert document.cover is not None and document.cover.mark == "CONFIDENTIAL"
    text = document.text()
    for value in SENSITIVE_VALUES:
        assert value in text


def test_the_shareable_copy_leaves_out_every_sensitive_value_and_says_so(
    wb: Workbench, rich_customer: Customer
) -> None:
    document = dossier(wb, rich_customer, shareable=True)
    assert document.cover is not None and document.cover.mark == "SHAREABLE COPY"
    assert "left out" in document.cover.note
    text = document.text()
    for value in (*SENSITIVE_VALUES, "私人诊所会员卡"):
        assert value not in text
    assert "普洱茶" in text  # what is not sensitive stays
    for fmt, read in (("pdf", pdf_text), ("docx", word_text)):
        printed = read(render(document, fmt))  # type: ignore[arg-type]
        assert "单田芳" in printed
        for value in SENSITIVE_VALUES:
            assert value not in printed, (fmt, value)


def test_pdf_and_word_carry_the_names_and_figures_with_the_font_embedded(
    wb: Workbench, rich_customer: Customer, tmp_path: Path
) -> None:
    document = dossier(wb, rich_customer)
    data = render(document, "pdf")
    text = pdf_text(data)
    for expected in ("苏州恒瑞精密机械有限公司", "单田芳", "4,100,000", "主轴异响"):
        assert expected in text
    assert b"/FontFile2" in data  # the TrueType font travels inside the file
    pages = pdfium.PdfDocument(data)
    assert 3 <= len(pages) <= 12
    image = pages[0].render(scale=1).to_pil()
    pages.close()
    assert image.convert("L").getextrema()[0] < 100  # something dark is printed on the cover
    shots = Path(
        os.environ.get("KAMDESK_SCREENS", Path(__file__).parents[2] / ".ci/artifacts/screens")
    )
    shots.mkdir(parents=True, exist_ok=True)
    image.save(shots / "dossier-page-1.png")
    word = word_text(render(document, "docx"))
    for expected in ("苏州恒瑞精密机械有限公司", "单田芳", "4,100,000", "主轴异响"):
        assert expected in word


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_odd_text_prints_literally(wb: Workbench, customer: Customer, fmt: str) -> None:
    odd = "{{客户}} <b>粗体</b> & 😀 \x07\x1b 尾"
    wb.accounts.update(customer.account.id, notes="长" * 10_000, company_news=odd)
    wb.contacts.update(customer.owner.id, hobbies=odd, title="{{title}}")
    document = dossier(wb, customer)
    data = render(document, fmt)  # type: ignore[arg-type]
    text = pdf_text(data) if fmt == "pdf" else word_text(data)
    assert "{{客户}} <b>粗体</b> &" in text
    assert "\x07" not in text and "\x1b" not in text
    assert "{{title}}" in text
    assert text.count("长") >= 10_000


def test_an_empty_account_still_prints(wb: Workbench) -> None:
    account = wb.accounts.create(name="空白公司")
    document = Printer(wb, today=TODAY).dossier(account.id).document
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert any(t.empty == "No visits recorded." and not t.rows for t in tables)
    assert "空白公司" in pdf_text(render(document, "pdf"))
    assert "空白公司" in word_text(render(document, "docx"))


def test_an_unknown_account_is_a_clear_error(wb: Workbench, customer: Customer) -> None:
    with pytest.raises(NotFound, match="no account named 不存在的公司"):
        Printer(wb, today=TODAY).account_ids(["恒瑞精密", "不存在的公司"])
