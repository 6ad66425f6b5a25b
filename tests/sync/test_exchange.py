"""Export, import and merge between archives: round trips, replays, conflicts, tombstones,
redaction, refusals that leave the archive as it was, and convergence of several laptops."""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kamdesk.services.workbench import Workbench
from kamdesk.sync.merge import PackageInvalid
from kamdesk.sync.records import read_records
from kamdesk.sync.service import SyncError

MARKER = "高血压-标记-7f3a"


@pytest.fixture
def benches(tmp_path: Path) -> Iterator[dict[str, Workbench]]:
    """Three managers' archives and headquarters', each knowing the others' keys."""
    opened = {n: Workbench.open(tmp_path / f"{n}.kamdesk") for n in ("a", "b", "c", "hq")}
    for bench in opened.values():
        for other_name, other in opened.items():
            if other is not bench:
                bench.sync.register(other.sync.public_card(), hq=other_name == "hq")
    yield opened
    for bench in opened.values():
        bench.close()


def records(wb: Workbench, *, redact: bool = False) -> list[dict[str, Any]]:
    with wb.archive.reading() as session:
        found = list(read_records(session.connection(), redact=redact))
    return sorted(found, key=lambda r: (r["table"], r["id"]))


def values(wb: Workbench) -> dict[tuple[str, str], dict[str, Any]]:
    return {(r["table"], r["id"]): r["values"] for r in records(wb)}


def send(
    source: Workbench, target: Workbench, path: Path, kind: str = "handover", **options: Any
) -> Any:
    recipients = [] if kind == "hq" else [target.archive.installation_id]
    source.sync.export(kind, path, recipients=recipients, **options)
    return target.sync.import_package(path)


def customer(wb: Workbench) -> tuple[str, str]:
    account = wb.accounts.create(name="苏州恒瑞精密机械有限公司", city="苏州", owner="李静")
    boss = wb.contacts.create(
        account_id=account.id, name="周建国", title="董事长", phones=["13812345678"]
    )
    wb.contacts.create(account_id=account.id, name="王芳", title="采购经理", reports_to_id=boss.id)
    visit = wb.visits.create(account_id=account.id, occurred_at="2026-10-12 10:00", purpose="回访")
    wb.visits.set_contacts(visit.id, [boss.id])
    return account.id, boss.id


def test_a_whole_archive_round_trips_with_identical_records(
    benches: dict[str, Workbench], tmp_path: Path
) -> None:
    a, b = benches["a"], benches["b"]
    account_id, boss_id = customer(a)
    a.contacts.update(boss_id, health_notes=MARKER)
    a.contacts.delete(a.contacts.create(account_id=account_id, name="离职的人").id)
    result = send(a, b, tmp_path / "all.kamx")
    assert result.new["contacts"] == 3 and result.new["accounts"] == 1
    assert records(b) == records(a)
    assert b.contacts.get(boss_id).health_notes == MARKER
    assert [h.name for h in b.search("zjg") if h.kind == "contact"] == ["周建国"]  # keys follow
    b.sync.export("backup", tmp_path / "again.kamx")
    again = b.sync.read(tmp_path / "again.kamx").records
    assert sorted(again, key=lambda r: (r["table"], r["id"])) == records(a)


def test_the_same_package_twice_says_already_applied_and_changes_nothing(
    benches: dict[str, Workbench], tmp_path: Path
) -> None:
    a, b = benches["a"], benches["b"]
    customer(a)
    send(a, b, tmp_path / "p.kamx")
    before = hashlib.sha256(json.dumps(records(b)).encode()).hexdigest()
    again = b.sync.import_package(tmp_path / "p.kamx")
    assert again.already_applied
    assert hashlib.sha256(json.dumps(records(b)).encode()).hexdigest() == before
    assert [row.direction for row in b.sync.history()] == ["in"]


def test_a_dry_run_counts_and_writes_nothing(benches: dict[str, Workbench], tmp_path: Path) -> None:
    a, b = benches["a"], benches["b"]
    customer(a)
    a.sync.export("handover", tmp_path / "p.kamx", recipients=[b.archive.installation_id])
    dry = b.sync.import_package(tmp_path / "p.kamx", dry_run=True)
    assert dry.dry_run and dry.summary()["new"] == 4
    assert b.accounts.count() == 0 and b.sync.history() == []
    assert b.sync.import_package(tmp_path / "p.kamx").summary()["new"] == 4


def test_an_edit_made_after_seeing_the_other_side_is_no_conflict(
    benches: dict[str, Workbench], tmp_path: Path
) -> None:
    a, b = benches["a"], benches["b"]
    account_id, _boss = customer(a)
    send(a, b, tmp_path / "1.kamx")
    b.accounts.update(account_id, city="无锡")
    result = send(b, a, tmp_path / "2.kamx")
    assert result.changed["accounts"] == 1 and result.conflicts == []
    assert a.accounts.get(account_id).city == "无锡"


def test_a_true_conflict_keeps_the_later_edit_on_both_sides_and_records_the_other(
    benches: dict[str, Workbench], tmp_path: Path
) -> None:
    a, b = benches["a"], benches["b"]
    account_id, _boss = customer(a)
    send(a, b, tmp_path / "1.kamx")
    a.accounts.update(account_id, city="常州")
    b.accounts.update(account_id, city="无锡")  # later: b's clock has seen a's stamps
    a.sync.export("handover", tmp_path / "from_a.kamx", recipients=[b.archive.installation_id])
    b.sync.export("handover", tmp_path / "from_b.kamx", recipients=[a.archive.installation_id])
    at_a = a.sync.import_package(tmp_path / "from_b.kamx")
    at_b = b.sync.import_package(tmp_path / "from_a.kamx")
    assert a.accounts.get(account_id).city == b.accounts.get(account_id).city == "无锡"
    for side, result in ((a, at_a), (b, at_b)):
        assert [(c.field, c.kept, c.other) for c in result.conflicts] == [("city", "无锡", "常州")]
        (open_conflict,) = side.sync.conflicts()
        assert (open_conflict.record_label, open_conflict.other) == (
            "苏州恒瑞精密机械有限公司",
            "常州",
        )
    conflict_id = a.sync.conflicts()[0].id
    a.sync.resolve(conflict_id, take_other=True)
    assert a.accounts.get(account_id).city == "常州" and a.sync.conflicts() == []
    send(a, b, tmp_path / "settled.kamx")
    assert b.accounts.get(account_id).city == "常州"


def test_a_delete_there_and_an_edit_here_keep_the_record_and_flag_it(
    benches: dict[str, Workbench], tmp_path: Path
) -> None:
    a, b = benches["a"], benches["b"]
    _account_id, boss_id = customer(a)
    send(a, b, tmp_path / "1.kamx")
    a.contacts.delete(boss_id)
    b.contacts.update(boss_id, title="名誉董事长")
    at_b = send(a, b, tmp_path / "2.kamx")
    at_a = send(b, a, tmp_path / "3.kamx")
    for side, result in ((b, at_b), (a, at_a)):
        contact = side.contacts.get(boss_id)
        assert contact.deleted_at is None and contact.title == "名誉董事长"
        assert [c.field for c in result.conflicts] == ["deleted_at"]
    assert values(a) == values(b)


def test_a_delete_the_other_side_had_seen_everything_of_travels(
    benches: dict[str, Workbench], tmp_path: Path
) -> None:
    a, b = benches["a"], benches["b"]
    _account_id, boss_id = customer(a)
    send(a, b, tmp_path / "1.kamx")
    b.contacts.delete(boss_id)
    result = send(b, a, tmp_path / "2.kamx")
    assert result.deleted["contacts"] == 1 and result.conflicts == []
    assert a.contacts.get(boss_id, include_deleted=True).deleted_at is not None
    assert [h for h in a.search("zjg") if h.kind == "contact"] == []


def test_hq_packages_leave_sensitive_fields_out_and_send_only_what_is_new(
    benches: dict[str, Workbench], tmp_path: Path
) -> None:
    a, hq = benches["a"], benches["hq"]
    account_id, boss_id = customer(a)
    a.contacts.update(boss_id, health_notes=MARKER, income_range=MARKER)
    preview = a.sync.preview_export("hq")
    assert "health_notes" in preview.left_out["contacts"]
    assert preview.counts["contacts"] == 2
    first = a.sync.export("hq", tmp_path / "hq1.kamx")
    assert MARKER not in json.dumps(hq.sync.read(tmp_path / "hq1.kamx").records, ensure_ascii=False)
    hq.sync.import_package(tmp_path / "hq1.kamx")
    assert hq.contacts.get(boss_id).health_notes in ("", None)
    assert first.records == 4
    a.accounts.update(account_id, city="昆山")
    second = a.sync.export("hq", tmp_path / "hq2.kamx")
    assert second.manifest.counts == {"accounts": 1}
    hq.sync.import_package(tmp_path / "hq2.kamx")
    assert hq.accounts.get(account_id).city == "昆山"
    boss_at_hq = next(r for r in records(hq) if r["id"] == boss_id)
    assert "health_notes" not in boss_at_hq["values"]  # never received: not passed on either
    send(a, hq, tmp_path / "everything.kamx")  # a full package later brings the real values
    assert hq.contacts.get(boss_id).health_notes == MARKER


def test_no_hq_key_means_no_hq_package_and_says_how_to_get_one(tmp_path: Path) -> None:
    with Workbench.open(tmp_path / "alone.kamdesk") as wb:
        customer(wb)
        with pytest.raises(SyncError, match="kamdesk keys --register"):
            wb.sync.export("hq", tmp_path / "x.kamx")
    assert not (tmp_path / "x.kamx").exists()


def test_invalid_records_are_refused_before_anything_is_written(
    benches: dict[str, Workbench], tmp_path: Path
) -> None:
    from kamdesk.sync.package import write_package

    a, b = benches["a"], benches["b"]
    customer(b)
    good = records(a) or []
    account = {
        "table": "accounts",
        "id": "0b5e0c7e-8e8f-4a4e-9d40-000000000001",
        "created_hlc": "1790000000000.000000." + a.archive.installation_id,
        "values": {"name": "新客户", "created_at": "2026-11-01 09:00:00"},
        "stamps": {"name": "1790000000000.000000." + a.archive.installation_id},
    }
    account["stamps"]["created_at"] = account["created_hlc"]
    orphan = {
        "table": "contacts",
        "id": "0b5e0c7e-8e8f-4a4e-9d40-000000000002",
        "created_hlc": account["created_hlc"],
        "values": {"name": "孤儿", "account_id": "0b5e0c7e-8e8f-4a4e-9d40-0000000000ff"},
        "stamps": {"name": account["created_hlc"], "account_id": account["created_hlc"]},
    }
    bad_date = {**orphan, "id": "0b5e0c7e-8e8f-4a4e-9d40-000000000003"}
    bad_date["values"] = {"name": "日期", "account_id": account["id"], "birthday": "2026-02-30"}
    bad_date["stamps"] = {k: account["created_hlc"] for k in bad_date["values"]}
    before = records(b)
    for case in ([*good, account, orphan], [*good, account, bad_date]):
        path = tmp_path / "bad.kamx"
        write_package(
            path,
            case,
            keys=a.sync.keys(),
            kind="handover",
            schema_version="0005",
            sequence=9,
            recipients=[b.sync.public_card()],
        )
        with pytest.raises(PackageInvalid):
            b.sync.import_package(path)
        assert records(b) == before and b.sync.history() == []


def test_several_laptops_and_hq_converge_whatever_the_order(
    benches: dict[str, Workbench], tmp_path: Path
) -> None:
    rng = random.Random(20261123)
    a = benches["a"]
    account_id, _boss = customer(a)
    for n in range(6):
        a.contacts.create(account_id=account_id, name=f"联系人{n}", title="工程师")
    managers = [benches[n] for n in ("a", "b", "c")]
    for other in managers[1:]:
        send(a, other, tmp_path / f"base-{other.archive.installation_id}.kamx")
    for round_number in range(3):
        for bench in managers:
            live = bench.contacts.list(account_id=account_id)
            for _ in range(3):
                target = rng.choice(live)
                if rng.random() < 0.15 and target.reports_to_id is None:
                    bench.contacts.delete(target.id)
                    live.remove(target)
                else:
                    field = rng.choice(["title", "department", "notes"])
                    bench.contacts.update(target.id, **{field: f"{field}-{rng.randint(0, 99)}"})
        packages = []
        for bench in managers:
            for other in [*managers, benches["hq"]]:
                if other is not bench:
                    path = tmp_path / f"r{round_number}-{id(bench)}-{id(other)}.kamx"
                    bench.sync.export("handover", path, recipients=[other.archive.installation_id])
                    packages.append((other, path))
        packages += rng.sample(packages, 4)  # some arrive twice
        rng.shuffle(packages)
        for target, path in packages:
            target.sync.import_package(path)
    final = [values(bench) for bench in (*managers, benches["hq"])]
    assert all(state == final[0] for state in final)
    conflicts = sum(len(bench.sync.conflicts()) for bench in managers)
    assert conflicts > 0  # concurrent edits of the same field happened and were recorded
