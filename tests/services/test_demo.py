"""Specifications for the sample-data generator: realistic, valid, reproducible Chinese data."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kamdesk.domain.errors import ArchiveError, ValidationError
from kamdesk.domain.lunar import lunar_date_problem
from kamdesk.domain.pinyin import initials, readings
from kamdesk.domain.validation import email_problem, phone_problem
from kamdesk.services.demo import DemoSummary, fill
from kamdesk.services.engagement import solar_day_problem
from kamdesk.services.workbench import Workbench
from kamdesk.storage.models import Base

TODAY = date(2026, 11, 23)
ACCOUNTS = 40
TABLES = [t for t in Base.metadata.sorted_tables if t.name != "meta"]


def build(path: Path, seed: int = 7) -> tuple[Workbench, DemoSummary]:
    """A fresh archive at `path` filled with the small sample."""
    bench = Workbench.open(path)
    return bench, fill(bench.archive, ACCOUNTS, seed=seed, today=TODAY)


def query(path: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Rows of a read-only query on the archive file."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as raw:
        return raw.execute(sql, params).fetchall()


def snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in key order, without the machine-specific change stamp."""
    tables = {}
    for table in TABLES:
        names = [c.name for c in table.columns if c.name != "created_hlc"]
        keys = ", ".join(f'"{c.name}"' for c in table.primary_key.columns)
        cols = ", ".join(f'"{n}"' for n in names)
        tables[table.name] = query(path, f"SELECT {cols} FROM {table.name} ORDER BY {keys}")
    return tables


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workbench, DemoSummary]]:
    bench, summary = build(tmp_path_factory.mktemp("demo") / "a.kamdesk")
    yield bench, summary
    bench.close()


@pytest.fixture(scope="module")
def wb(sample: tuple[Workbench, DemoSummary]) -> Workbench:
    return sample[0]


@pytest.fixture(scope="module")
def path(wb: Workbench) -> Path:
    return wb.archive.path


def count(path: Path, table: str) -> int:
    return int(query(path, f"SELECT count(*) FROM {table}")[0][0])


# Volume and ratios ---------------------------------------------------------------------------


def test_the_summary_counts_what_is_in_the_tables(
    sample: tuple[Workbench, DemoSummary], path: Path
) -> None:
    summary = sample[1]
    assert summary == DemoSummary(
        accounts=count(path, "accounts"),
        contacts=count(path, "contacts"),
        visits=count(path, "visits"),
        issues=count(path, "customer_issues"),
        preferences=count(path, "preferences"),
        anniversaries=count(path, "anniversaries"),
    )
    assert summary.accounts == ACCOUNTS
    assert 4 <= summary.contacts / summary.accounts <= 6.5
    assert 6 <= summary.visits / summary.accounts <= 14
    assert 1 <= summary.issues / summary.accounts <= 3
    assert 1.5 <= summary.preferences / summary.contacts <= 2.5
    assert summary.anniversaries > summary.contacts


def test_every_account_has_three_to_eight_contacts_and_customers_have_four_years(
    path: Path,
) -> None:
    per_account = Counter(r[0] for r in query(path, "SELECT account_id FROM contacts"))
    assert len(per_account) == ACCOUNTS and min(per_account.values()) >= 3
    assert max(per_account.values()) <= 8
    years = query(
        path,
        "SELECT a.status, count(y.id), min(y.year), max(y.year) FROM accounts a "
        "LEFT JOIN account_years y ON y.account_id = a.id GROUP BY a.id",
    )
    for status, n, first, last in years:
        assert (n, first, last) == ((0, None, None) if status == "prospect" else (4, 2023, 2026))


def test_top_fifth_of_accounts_earns_most_of_last_years_gross_profit(path: Path) -> None:
    profits = sorted(
        (int(r[0]) for r in query(path, "SELECT gross_profit FROM account_years WHERE year=2025")),
        reverse=True,
    )
    profits += [0] * (ACCOUNTS - len(profits))  # prospects earn nothing yet
    top = sum(profits[: ACCOUNTS // 5])
    assert top >= 0.7 * sum(profits)


def test_key_accounts_are_the_most_profitable_and_say_why(path: Path) -> None:
    rows = query(
        path,
        "SELECT a.is_key_account, a.key_account_reason, coalesce(y.gross_profit, 0) FROM accounts a"
        " LEFT JOIN account_years y ON y.account_id = a.id AND y.year = 2025",
    )
    key = [r for r in rows if r[0]]
    assert 0.08 * ACCOUNTS <= len(key) <= 0.2 * ACCOUNTS
    assert all(reason for _k, reason, _p in key)
    assert all(not reason for flag, reason, _p in rows if not flag)
    assert min(p for _k, _r, p in key) >= max(p for flag, _r, p in rows if not flag)


def test_company_names_are_unique_and_look_chinese(path: Path) -> None:
    rows = query(path, "SELECT name, short_name, city, region, industry, status FROM accounts")
    names = [r[0] for r in rows]
    assert len(set(names)) == len(names)
    for name, short, city, region, industry, _status in rows:
        assert name.startswith(city) and name.endswith("公司")
        assert short and region and industry
    statuses = Counter(r[5] for r in rows)
    assert statuses.most_common(1)[0][0] == "active"


# Validity -------------------------------------------------------------------------------------


def test_the_archive_passes_its_own_check(wb: Workbench) -> None:
    report = wb.check()
    assert report.integrity == [] and report.foreign_keys == [] and report.search_index == []
    assert report.ok


def test_each_account_has_one_owner_at_the_root_of_an_org_chart_without_cycles(
    path: Path,
) -> None:
    contacts = query(path, "SELECT id, account_id, level, reports_to_id FROM contacts")
    by_id = {cid: (account, level, boss) for cid, account, level, boss in contacts}
    roots = Counter(account for _cid, account, _level, boss in contacts if boss is None)
    assert len(roots) == ACCOUNTS and set(roots.values()) == {1}
    order = ["owner", "vp", "director", "manager", "staff"]
    for cid, account, level, boss in contacts:
        if boss is None:
            assert level == "owner"
            continue
        assert by_id[boss][0] == account
        assert order.index(by_id[boss][1]) < order.index(level)
        seen, at = {cid}, boss
        while at is not None:
            assert at not in seen, "reporting cycle"
            seen.add(at)
            at = by_id[at][2]


def test_every_anniversary_date_exists(path: Path) -> None:
    from lunar_python import Lunar  # independent of the library the app uses

    rows = query(
        path, "SELECT kind, calendar, month, day, leap_month, year, lead_days FROM anniversaries"
    )
    lunar = [r for r in rows if r[1] == "lunar"]
    assert lunar
    for kind, cal, month, day, leap, year, lead in rows:
        assert 3 <= lead <= 14
        assert year is None or 1900 <= year <= TODAY.year
        if cal == "lunar":
            assert kind == "birthday"
            assert lunar_date_problem(month, day, bool(leap), year) is None
            if year is not None:
                Lunar.fromYmd(year, -month if leap else month, day)  # raises if it does not exist
        else:
            assert not leap and solar_day_problem(month, day, year) is None


def test_about_a_third_of_birthdays_are_lunar(path: Path) -> None:
    kinds = Counter(
        r[0] for r in query(path, "SELECT calendar FROM anniversaries WHERE kind='birthday'")
    )
    share = kinds["lunar"] / (kinds["lunar"] + kinds["solar"])
    assert 0.2 <= share <= 0.5
    birthdays = kinds["lunar"] + kinds["solar"]
    assert 0.65 <= birthdays / count(path, "contacts") <= 0.95


def test_family_days_belong_to_a_contact_and_are_sensitive(path: Path) -> None:
    rows = query(
        path,
        "SELECT contact_id, family_member, sensitivity FROM anniversaries "
        "WHERE kind='child_birthday'",
    )
    assert rows
    for contact_id, member, sensitivity in rows:
        assert contact_id and member.split()[0] in {"女儿", "儿子"} and sensitivity == "sensitive"


def test_phones_and_emails_pass_the_validators(path: Path) -> None:
    phones = emails = 0
    for raw_phones, raw_emails in query(path, "SELECT phones, emails FROM contacts"):
        for phone in json.loads(raw_phones):
            assert phone_problem(phone) is None and len(phone) == 11
            phones += 1
        for email in json.loads(raw_emails):
            assert email_problem(email) is None and email.isascii()
            emails += 1
    assert phones >= count(path, "contacts") and emails > 0


def test_visits_lie_in_the_last_two_years_in_working_hours_and_meet_the_accounts_people(
    path: Path,
) -> None:
    contact_account = dict(query(path, "SELECT id, account_id FROM contacts"))
    met: defaultdict[str, list[str]] = defaultdict(list)
    for visit_id, contact_id in query(path, "SELECT visit_id, contact_id FROM visit_contacts"):
        met[visit_id].append(contact_id)
    for vid, account, when, kind, satisfaction, follow in query(
        path, "SELECT id, account_id, occurred_at, kind, satisfaction, follow_up_on FROM visits"
    ):
        day = date.fromisoformat(when[:10])
        hour = int(when[11:13])
        assert (TODAY - day).days <= 731 and day < TODAY and day.weekday() < 5
        assert 18 <= hour <= 19 if kind == "dinner" else 9 <= hour <= 17
        assert satisfaction is None or 1 <= satisfaction <= 5
        assert follow is None or follow > when[:10]
        assert 1 <= len(met[vid]) <= 3
        assert {contact_account[c] for c in met[vid]} == {account}


def test_issues_are_mostly_settled_and_dated_consistently(path: Path) -> None:
    rows = query(
        path,
        "SELECT status, raised_on, due_on, resolved_on, resolution, category FROM customer_issues",
    )
    settled = [r for r in rows if r[0] in ("resolved", "closed")]
    assert len(settled) > len(rows) / 2 and len(settled) < len(rows)
    for status, raised, due, resolved, resolution, category in rows:
        assert category in {"质量", "交付", "价格", "服务", "技术支持"}
        if status in ("resolved", "closed"):
            assert resolved >= raised and resolution and due is None
        else:
            assert resolved is None and due >= raised


# Reproducibility ------------------------------------------------------------------------------


def test_same_seed_and_day_give_the_same_rows_and_another_seed_does_not(
    path: Path, tmp_path: Path
) -> None:
    expected = snapshot(path)
    again, _ = build(tmp_path / "again.kamdesk")
    again.close()
    assert snapshot(tmp_path / "again.kamdesk") == expected
    other, _ = build(tmp_path / "other.kamdesk", seed=8)
    other.close()
    different = snapshot(tmp_path / "other.kamdesk")
    assert different["accounts"] != expected["accounts"]
    assert different["contacts"] != expected["contacts"]


# Search -----------------------------------------------------------------------------------------


def test_a_contact_is_found_by_pinyin_initials_and_by_the_last_four_phone_digits(
    wb: Workbench, path: Path
) -> None:
    contacts = query(path, "SELECT id, name, phones FROM contacts ORDER BY id LIMIT 15")
    for cid, name, phones in contacts:
        heads = initials(readings(name, person=True)[0])
        assert cid in {h.id for h in wb.search(heads, limit=100)}, (name, heads)
        last4 = json.loads(phones)[0][-4:]
        assert cid in {h.id for h in wb.search(last4, limit=50)}, (name, last4)


def test_an_account_is_found_by_its_short_name(wb: Workbench, path: Path) -> None:
    for aid, short in query(path, "SELECT id, short_name FROM accounts LIMIT 10"):
        assert aid in {h.id for h in wb.search(short, limit=50)}


# Refusals ---------------------------------------------------------------------------------------


def test_fill_refuses_an_archive_that_already_has_accounts_and_leaves_it_unchanged(
    wb: Workbench, path: Path
) -> None:
    before = snapshot(path)
    with pytest.raises(ArchiveError, match="already holds 40 accounts"):
        fill(wb.archive, 5, seed=1, today=TODAY)
    assert snapshot(path) == before


@pytest.mark.parametrize("accounts", [0, -3, 100_001])
def test_the_number_of_accounts_must_be_1_to_100000(tmp_path: Path, accounts: int) -> None:
    with Workbench.open(tmp_path / "a.kamdesk") as bench:
        with pytest.raises(ValidationError) as caught:
            fill(bench.archive, accounts)
        assert caught.value.problems[0].field == "accounts"
        assert count(tmp_path / "a.kamdesk", "accounts") == 0


def test_progress_is_reported_up_to_the_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    with Workbench.open(tmp_path / "a.kamdesk") as bench:
        summary = fill(bench.archive, 3, today=TODAY, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (3, 3) and summary.accounts == 3


def test_money_is_stored_as_whole_yuan(path: Path) -> None:
    types = query(
        path,
        "SELECT DISTINCT typeof(cost_to_serve), typeof(potential), typeof(development_cost)"
        " FROM accounts UNION SELECT DISTINCT typeof(revenue), typeof(gross_profit), 'integer'"
        " FROM account_years UNION SELECT DISTINCT typeof(cost), 'integer', 'integer' FROM visits",
    )
    assert types == [("integer", "integer", "integer")]


def test_drawing_in_a_second_process_gives_the_same_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kamdesk.services.demo as demo

    here, there = tmp_path / "here.kamdesk", tmp_path / "there.kamdesk"
    with Workbench.open(here) as bench:
        fill(bench.archive, 25, seed=11, today=TODAY)
    monkeypatch.setattr(demo, "PARALLEL_FROM", 1)
    with Workbench.open(there) as bench:
        summary = fill(bench.archive, 25, seed=11, today=TODAY)
        assert bench.check().ok
    assert summary.accounts == 25
    assert snapshot(there) == snapshot(here)


def test_stored_times_use_the_same_text_form_as_every_other_write(path: Path) -> None:
    stored = query(path, "SELECT occurred_at FROM visits LIMIT 1")[0][0]
    assert len(stored) == len("2026-11-23 09:30:00.000000")
