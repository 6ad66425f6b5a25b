"""`kamdesk dossier` and `kamdesk plan`: files a manager can open, in Chinese by default."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest

from kamdesk.cli import main
from kamdesk.services.workbench import Workbench
from tests.conftest import SENSITIVE_VALUES, Customer


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def pdf_pages_text(path: Path) -> list[str]:
    document = pdfium.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


@pytest.fixture
def second(wb: Workbench) -> str:
    account = wb.accounts.create(name="杭州远景科技有限公司", short_name="远景科技")
    wb.contacts.create(account_id=account.id, name="诸葛亮", title="总经理", level="owner")
    return account.id


def test_a_dossier_to_pdf_in_chinese(
    capsys: pytest.CaptureFixture[str], rich_customer: Customer, tmp_path: Path
) -> None:
    target = tmp_path / "恒瑞.pdf"
    code, out, err = run(capsys, "dossier", "恒瑞精密", "--format", "pdf", "-o", str(target))
    assert code == 0, err
    assert out.strip() == str(target)
    text = "\n".join(pdf_pages_text(target))
    assert "客户档案" in text and "机密" in text  # the Chinese catalogue is the default
    assert "单田芳" in text and "4,100,000" in text
    assert SENSITIVE_VALUES[0] in text


def test_a_shareable_dossier_to_word_in_english(
    capsys: pytest.CaptureFixture[str], rich_customer: Customer, tmp_path: Path
) -> None:
    target = tmp_path / "hengrui.docx"
    code, _out, err = run(
        capsys,
        "dossier",
        rich_customer.account.id,
        "--format",
        "docx",
        "--shareable",
        "--language",
        "en",
        "-o",
        str(target),
    )
    assert code == 0, err
    document = docx.Document(io.BytesIO(target.read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "SHAREABLE COPY" in text and "单田芳" in text
    for value in SENSITIVE_VALUES:
        assert value not in text


def test_several_accounts_into_one_pdf_or_a_folder(
    capsys: pytest.CaptureFixture[str], rich_customer: Customer, second: str, tmp_path: Path
) -> None:
    combined = tmp_path / "all.pdf"
    code, _out, err = run(capsys, "dossier", "恒瑞精密", "远景科技", "-o", str(combined))
    assert code == 0, err
    pages = pdf_pages_text(combined)
    starts = [i for i, text in enumerate(pages) if text.startswith("客户档案")]
    assert len(starts) == 2  # each dossier begins with its own cover
    assert "诸葛亮" in "".join(pages[starts[1] :])

    folder = tmp_path / "plans"
    code, out, err = run(
        capsys,
        "plan",
        "恒瑞精密",
        "远景科技",
        "--year",
        "2027",
        "--quarter",
        "1",
        "-o",
        str(folder),
    )
    assert code == 0, err
    written = sorted(folder.iterdir())
    assert [p.suffix for p in written] == [".pdf", ".pdf"]
    assert out.split() == [str(p) for p in sorted(written, key=lambda p: out.index(p.name))]
    text = "\n".join(pdf_pages_text(written[0]) + pdf_pages_text(written[1]))
    assert "服务计划" in text
    assert "2027-01-01 – 2027-03-31" in text  # the quarter's period on the cover


def test_several_word_files_need_a_folder(
    capsys: pytest.CaptureFixture[str], rich_customer: Customer, second: str, tmp_path: Path
) -> None:
    code, _out, err = run(
        capsys,
        "dossier",
        "恒瑞精密",
        "远景科技",
        "--format",
        "docx",
        "-o",
        str(tmp_path / "x.docx"),
    )
    assert code == 1
    assert "folder" in err or "文件夹" in err
    assert not (tmp_path / "x.docx").exists()


def test_an_unknown_account_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], rich_customer: Customer, tmp_path: Path
) -> None:
    target = tmp_path / "x.pdf"
    code, _out, err = run(capsys, "dossier", "恒瑞精密", "没有这家", "-o", str(target))
    assert code == 1
    assert err.count("\n") == 1 and "没有这家" in err
    assert not target.exists()


def test_a_single_file_must_have_the_formats_suffix(
    capsys: pytest.CaptureFixture[str], rich_customer: Customer, tmp_path: Path
) -> None:
    code, _out, err = run(
        capsys, "dossier", "恒瑞精密", "--format", "docx", "-o", str(tmp_path / "x.pdf")
    )
    assert code == 1 and ".docx" in err
