"""`kamdesk export-contacts` and `kamdesk report`: files written whole, one line on stdout,
errors as one line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kamdesk.interchange.vcard import read_file
from kamdesk.services.workbench import Workbench
from tests.cli.test_cli import run
from tests.conftest import SENSITIVE_VALUES, Customer


@pytest.fixture
def two_accounts(wb: Workbench, rich_customer: Customer) -> Customer:
    other = wb.accounts.create(name="广州南方食品有限公司", short_name="南方食品")
    wb.contacts.create(account_id=other.id, name="区志强", phones=["13912345678"])
    return rich_customer


def test_export_contacts_writes_every_account_by_default(
    two_accounts: Customer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "通讯录.vcf"
    code, out, err = run(capsys, "export-contacts", "-o", str(path))
    assert (code, err) == (0, "")
    assert out == f"4 contacts written to {path}\n"
    assert sorted(c.name for c in read_file(path)) == ["区志强", "单田芳", "曾国华", "欧阳娜娜"]
    text = path.read_text(encoding="utf-8")
    assert not [v for v in SENSITIVE_VALUES if v in text]


def test_export_contacts_of_accounts_named_and_with_sensitive_fields(
    two_accounts: Customer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "恒瑞.vcf"
    code, out, _ = run(
        capsys, "export-contacts", "-o", str(path), "--account", "恒瑞精密", "--include-sensitive"
    )
    assert code == 0 and out.startswith("3 contacts written")
    assert SENSITIVE_VALUES[0] in path.read_text(encoding="utf-8")
    code, out, _ = run(
        capsys, "export-contacts", "-o", str(path), "--account", "恒瑞精密", "南方食品"
    )
    assert out.startswith("4 contacts written")


def test_export_contacts_of_an_unknown_account_writes_nothing(
    two_accounts: Customer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.vcf"
    code, out, err = run(capsys, "export-contacts", "-o", str(path), "--account", "没有这家")
    assert code == 1 and out == "" and err == "kamdesk: error: no account named 没有这家\n"
    assert not path.exists()


def test_export_contacts_into_a_missing_folder_is_one_line(
    two_accounts: Customer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "export-contacts", "-o", str(tmp_path / "nowhere" / "x.vcf"))
    assert code == 1 and "cannot write" in err and len(err.splitlines()) == 1


def test_report_writes_the_workbook_of_this_year(
    two_accounts: Customer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "报告.xlsx"
    code, out, err = run(capsys, "report", "--format", "xlsx", "-o", str(path))
    assert (code, err) == (0, "")
    year = date.today().year
    assert out.startswith(f"{path} written: 2 accounts, ")
    assert f"visits in {year}, 1 open issues" in out
    book = load_workbook(path)
    assert book.sheetnames[0] == "Accounts" and book.sheetnames[2] == f"Visits {year}"


def test_report_of_a_quarter(
    two_accounts: Customer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "q4.xlsx"
    code, out, _ = run(capsys, "report", "-o", str(path), "--year", "2026", "--quarter", "4")
    assert code == 0 and "1 visits in 2026 Q4" in out
    assert load_workbook(path).sheetnames[4] == "Plan fulfilment 2026 Q4"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--quarter", "5"], 2, "invalid choice"),
        (["--format", "pdf"], 2, "invalid choice"),
        (["--year", "1800"], 1, "year must be between"),
    ],
)
def test_report_refuses_what_it_cannot_do(
    two_accounts: Customer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    code: int,
    message: str,
) -> None:
    path = tmp_path / "x.xlsx"
    if code == 2:
        with pytest.raises(SystemExit) as stopped:
            run(capsys, "report", "-o", str(path), *args)
        assert stopped.value.code == 2
        assert message in capsys.readouterr().err
    else:
        got, _, err = run(capsys, "report", "-o", str(path), *args)
        assert got == code and message in err
    assert not path.exists()
