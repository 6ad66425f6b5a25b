"""Consolidating managers' packages into a real PostgreSQL database: any order and replays give
the same result, bad packages are refused whole and leave the database as it was, several
consolidations may run at once, and every record keeps the manager it came from."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, inspect, select, text

from kamdesk.domain.errors import KamdeskError
from kamdesk.hq import consolidate as consolidation
from kamdesk.hq.consolidate import (
    ALREADY_APPLIED,
    APPLIED,
    REFUSED,
    consolidate,
    held_vector,
)
from kamdesk.hq.database import MERGE_LOCK, HqDatabase
from kamdesk.hq.tables import owners
from kamdesk.services.workbench import Workbench
from kamdesk.sync.package import write_package
from kamdesk.sync.records import archive_vector, read_records

Field = dict[str, Workbench]
WAITING_FOR_THE_LOCK = text(
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
)


def state(database: HqDatabase) -> dict[tuple[str, str], dict[str, Any]]:
    """Every record's values, as a package would carry them."""
    with database.engine.connect() as connection:
        return {(r["table"], r["id"]): r["values"] for r in read_records(connection, redact=False)}


def owner_of(database: HqDatabase) -> dict[tuple[str, str], str]:
    with database.engine.connect() as connection:
        rows = connection.execute(
            select(owners.c.table_name, owners.c.record_id, owners.c.installation_id)
        )
        return {(table, record_id): who for table, record_id, who in rows}


def snapshot(database: HqDatabase) -> dict[str, list[tuple[str, ...]]]:
    """Every row of every table, as text: to show that nothing at all changed."""
    with database.engine.connect() as connection:
        return {
            table: sorted(
                tuple(str(v) for v in row)
                for row in connection.execute(text(f'SELECT * FROM "{table}"'))
            )
            for table in inspect(connection).get_table_names()
        }


def customer(wb: Workbench) -> tuple[str, str]:
    account = wb.accounts.create(name="苏州恒瑞精密机械有限公司", city="苏州", owner="李静")
    boss = wb.contacts.create(
        account_id=account.id, name="周建国", title="董事长", phones=["13812345678"]
    )
    wb.contacts.create(account_id=account.id, name="王芳", title="采购经理", reports_to_id=boss.id)
    visit = wb.visits.create(account_id=account.id, occurred_at="2026-10-12 10:00", purpose="回访")
    wb.visits.set_contacts(visit.id, [boss.id])
    return account.id, boss.id


def handover(source: Workbench, target: Workbench, path: Path) -> None:
    source.sync.export("handover", path, recipients=[target.archive.installation_id])
    target.sync.import_package(path)


def overlapping_edits(field: Field, tmp_path: Path) -> tuple[list[Path], dict[str, str]]:
    """王经理 hands a customer to the two others; in three rounds all three edit its people
    and its notes and their own accounts, and each sends HQ a package after every round.
    Returns the packages in the order they were made, and the ids of the accounts."""
    a, b, c = field["a"], field["b"], field["c"]
    rng = random.Random(20261123)
    shared, _boss = customer(a)
    handover(a, b, tmp_path / "a-to-b.kamx")
    handover(a, c, tmp_path / "a-to-c.kamx")
    own_b = b.accounts.create(name="无锡大东纺织有限公司", city="无锡").id
    own_c = c.accounts.create(name="常州新能电池股份有限公司", city="常州").id
    b.contacts.create(account_id=own_b, name="单田芳", title="总经理")
    packages = []
    for round_number in range(3):
        for name, bench in field.items():
            live = bench.contacts.list(account_id=shared)
            for _ in range(2):
                target = rng.choice(live)
                column = rng.choice(["title", "department", "notes"])
                bench.contacts.update(target.id, **{column: f"{name}{round_number}-{column}"})
            bench.accounts.update(
                shared, notes=f"{bench.sync.public_card().name} 第{round_number}轮"
            )
        c.contacts.create(account_id=own_c, name=f"联系人{round_number}", title="工程师")
        if round_number == 1:
            b.contacts.delete(b.contacts.create(account_id=own_b, name="离职的人").id)
        for name, bench in field.items():
            path = tmp_path / f"hq-{name}-{round_number}.kamx"
            bench.sync.export("hq", path)
            packages.append(path)
    return packages, {"shared": shared, "b": own_b, "c": own_c}


def test_any_order_with_replays_gives_the_same_database_as_the_order_they_were_made(
    field: Field, hq: HqDatabase, new_database: Callable[..., str], tmp_path: Path
) -> None:
    hq.close()  # a copy of HQ as it is now: same keys, same managers
    twin = HqDatabase.open(new_database(like=hq.url))
    try:
        packages, ids = overlapping_edits(field, tmp_path)
        assert [o.status for o in consolidate(hq, packages)] == [APPLIED] * len(packages)
        rng = random.Random(5)
        shuffled = packages + rng.sample(packages, 4)
        rng.shuffle(shuffled)
        outcomes = consolidate(twin, shuffled)
        assert sum(o.status == APPLIED for o in outcomes) == len(packages)
        assert sum(o.status == ALREADY_APPLIED for o in outcomes) == 4
        assert state(twin) == state(hq)
        assert owner_of(twin) == owner_of(hq)
        for database in (hq, twin):  # HQ's kept vector is never behind what its records hold
            with database.engine.connect() as connection:
                held, found = held_vector(connection), archive_vector(connection)
            assert set(held) == set(found) and all(held[n] >= found[n] for n in found)
        merged = state(hq)
        assert merged[("accounts", ids["shared"])]["notes"] == "张经理 第2轮"  # the last edit
        assert {merged[("accounts", ids[n])]["name"] for n in "bc"} == {
            "无锡大东纺织有限公司",
            "常州新能电池股份有限公司",
        }
    finally:
        twin.close()


def test_each_record_keeps_the_manager_whose_change_it_last_received(
    field: Field, hq: HqDatabase, tmp_path: Path
) -> None:
    a, b, c = field["a"], field["b"], field["c"]
    account_id, boss_id = customer(a)
    handover(a, b, tmp_path / "a-to-b.kamx")
    b.accounts.update(account_id, notes="李经理接手")
    own = c.accounts.create(name="常州新能电池股份有限公司").id
    for name, bench in field.items():
        bench.sync.export("hq", tmp_path / f"{name}.kamx")
    paths = [tmp_path / f"{n}.kamx" for n in ("b", "c", "a")]  # 李经理 relays 王经理's records
    assert [o.status for o in consolidate(hq, paths)] == [APPLIED] * 3
    owner = owner_of(hq)
    ids = {n: bench.archive.installation_id for n, bench in field.items()}
    assert owner[("accounts", account_id)] == ids["b"]  # 李经理 changed it last
    assert owner[("contacts", boss_id)] == ids["a"]  # unchanged since 王经理 made it
    assert owner[("accounts", own)] == ids["c"]
    assert len(owner) == len(state(hq))


def test_the_same_field_changed_by_two_managers_unaware_of_each_other_is_a_conflict_at_hq(
    field: Field, hq: HqDatabase, tmp_path: Path
) -> None:
    a, b = field["a"], field["b"]
    account_id, _boss = customer(a)
    handover(a, b, tmp_path / "a-to-b.kamx")
    a.accounts.update(account_id, city="常州")
    b.accounts.update(account_id, city="无锡")  # later: b's clock has seen a's stamps
    a.sync.export("hq", tmp_path / "a.kamx")
    b.sync.export("hq", tmp_path / "b.kamx")
    outcomes = consolidate(hq, [tmp_path / "b.kamx", tmp_path / "a.kamx"])
    assert [o.summary["conflicts"] for o in outcomes] == [0, 1]
    assert state(hq)[("accounts", account_id)]["city"] == "无锡"
    with hq.engine.connect() as connection:
        recorded = connection.execute(
            text("SELECT field, kept_value, other_value FROM sync_conflicts")
        ).all()
    assert [tuple(row) for row in recorded] == [("city", "无锡", "常州")]


def test_a_replayed_package_says_already_applied_and_changes_nothing(
    field: Field, hq: HqDatabase, tmp_path: Path
) -> None:
    customer(field["a"])
    field["a"].sync.export("hq", tmp_path / "a.kamx")
    (first,) = consolidate(hq, [tmp_path / "a.kamx"])
    assert first.status == APPLIED and first.summary["new"] == 4
    before = snapshot(hq)
    (again,) = consolidate(hq, [tmp_path / "a.kamx"])
    assert (again.status, again.sender, again.package_id) == (
        ALREADY_APPLIED,
        "王经理",
        first.package_id,
    )
    assert snapshot(hq) == before


def tampered(path: Path, target: Path) -> Path:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x40
    target.write_bytes(bytes(data))
    return target


def test_bad_packages_are_refused_each_with_its_reason_and_change_nothing(
    field: Field, hq: HqDatabase, tmp_path: Path
) -> None:
    a = field["a"]
    customer(a)
    a.sync.export("hq", tmp_path / "good.kamx")
    consolidate(hq, [tmp_path / "good.kamx"])
    before = snapshot(hq)
    a.accounts.create(name="南京新客户有限公司")
    a.sync.export("hq", tmp_path / "next.kamx")
    cut = tmp_path / "cut.kamx"
    cut.write_bytes((tmp_path / "next.kamx").read_bytes()[:-1000])
    stranger = Workbench.open(tmp_path / "stranger.kamdesk")
    try:
        stranger.sync.register(hq.public_card(), hq=True)
        stranger.accounts.create(name="陌生公司")
        stranger.sync.export("hq", tmp_path / "stranger.kamx")
    finally:
        stranger.close()
    orphan = {
        "table": "contacts",
        "id": "0b5e0c7e-8e8f-4a4e-9d40-000000000002",
        "created_hlc": "1790000000000.000000." + a.archive.installation_id,
        "values": {"name": "孤儿", "account_id": "0b5e0c7e-8e8f-4a4e-9d40-0000000000ff"},
        "stamps": {},
    }
    write_package(
        tmp_path / "orphan.kamx",
        [orphan],
        keys=a.sync.keys(),
        kind="hq",
        schema_version="0007",
        sequence=99,
        recipients=[hq.public_card()],
    )
    bad = [
        tampered(tmp_path / "next.kamx", tmp_path / "flipped.kamx"),
        cut,
        tmp_path / "stranger.kamx",
        tmp_path / "orphan.kamx",
        tmp_path / "missing.kamx",
    ]
    outcomes = consolidate(hq, bad)
    assert [o.status for o in outcomes] == [REFUSED] * len(bad)
    reasons = [o.reason for o in outcomes]
    assert "damaged" in reasons[0] or "altered" in reasons[0]
    assert "cut short" in reasons[1]
    assert "does not know" in reasons[2] and "kamdesk hq keys --register" in reasons[2]
    assert "neither in the package nor here" in reasons[3]
    assert "cannot read" in reasons[4]
    assert snapshot(hq) == before


def test_a_failure_halfway_through_a_merge_leaves_the_database_as_it_was_and_the_rest_go_in(
    field: Field, hq: HqDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    customer(field["a"])
    field["a"].sync.export("hq", tmp_path / "a.kamx")
    field["b"].accounts.create(name="无锡大东纺织有限公司")
    field["b"].sync.export("hq", tmp_path / "b.kamx")
    before = snapshot(hq)
    claim = consolidation._claim

    def fail_for_a(connection: Any, records: Any, manifest: Any) -> None:
        if manifest.sender == field["a"].archive.installation_id:
            raise KamdeskError("the disk is full")  # after every record was written
        claim(connection, records, manifest)

    monkeypatch.setattr(consolidation, "_claim", fail_for_a)
    first, second = consolidate(hq, [tmp_path / "a.kamx", tmp_path / "b.kamx"])
    assert (first.status, first.reason) == (REFUSED, "the disk is full")
    assert second.status == APPLIED
    monkeypatch.undo()
    after = snapshot(hq)
    assert [row for row in after["accounts"] if "苏州恒瑞" in str(row)] == []
    assert after["meta"] != before["meta"]  # HQ's clock moved on for 李经理's package only
    assert len(after["sync_packages"]) == 1


def test_a_package_that_needs_another_of_the_same_run_waits_for_it(
    field: Field, hq: HqDatabase, tmp_path: Path
) -> None:
    a = field["a"]
    account_id, _boss = customer(a)
    a.sync.export("hq", tmp_path / "1.kamx")
    a.contacts.create(account_id=account_id, name="新来的工程师")
    a.sync.export("hq", tmp_path / "2.kamx")  # only the new contact: needs the account
    alone = consolidate(hq, [tmp_path / "2.kamx"])
    assert alone[0].status == REFUSED and "neither in the package nor here" in alone[0].reason
    second, first = consolidate(hq, [tmp_path / "2.kamx", tmp_path / "1.kamx"])
    assert (second.status, first.status) == (APPLIED, APPLIED)


def test_whole_numbers_as_large_as_a_laptop_holds_are_kept(
    field: Field, hq: HqDatabase, tmp_path: Path
) -> None:
    a = field["a"]
    account = a.accounts.create(name="中国大型集团有限公司")
    a.years.create(account_id=account.id, year=2025, revenue=12_000_000_000, gross_profit=3 * 2**31)
    a.sync.export("hq", tmp_path / "a.kamx")
    (outcome,) = consolidate(hq, [tmp_path / "a.kamx"])
    assert outcome.status == APPLIED, outcome.reason
    (year,) = [v for (t, _i), v in state(hq).items() if t == "account_years"]
    assert (year["revenue"], year["gross_profit"]) == (12_000_000_000, 3 * 2**31)


def test_two_consolidations_at_once_both_succeed_and_merge_every_package_once(
    field: Field, hq: HqDatabase, new_database: Callable[..., str], tmp_path: Path
) -> None:
    hq.close()
    twin = HqDatabase.open(new_database(like=hq.url))
    try:
        packages, _ids = overlapping_edits(field, tmp_path)
        url = hq.url.render_as_string(hide_password=False)
        environment = {**os.environ, "KAMDESK_HQ_URL": url}
        command = [sys.executable, "-m", "kamdesk", "hq", "consolidate"]
        with hq.engine.connect() as holder:
            # Hold the merge lock until both have opened a package and wait for it: then
            # they merge side by side, taking turns package by package.
            holder.execute(select(func.pg_advisory_xact_lock(MERGE_LOCK)))
            runs = [
                subprocess.Popen(
                    [*command, *map(str, order)],
                    env=environment,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                for order in (packages, packages[::-1])
            ]
            waiting = 0
            deadline = time.monotonic() + 120
            while waiting < 2 and time.monotonic() < deadline:
                time.sleep(0.1)
                with hq.engine.connect() as watcher:
                    waiting = watcher.execute(WAITING_FOR_THE_LOCK).scalar_one()
            assert waiting == 2
            holder.rollback()
        results = [run.communicate(timeout=300) for run in runs]
        assert [run.returncode for run in runs] == [0, 0], results
        printed = "".join(out for out, _err in results)
        assert printed.count("applied hq-") == len(packages)  # each merged by one of them
        consolidate(twin, packages)
        assert state(hq) == state(twin)
        assert owner_of(hq) == owner_of(twin)
        with hq.engine.connect() as connection:
            received = connection.execute(text("SELECT count(*) FROM sync_packages")).scalar()
        assert received == len(packages)
    finally:
        twin.close()
