"""Backups: checked copies named by time and reason, one at the start of each day, rotation that
keeps daily, weekly and monthly copies and never the newest, and restore that keeps what it
replaces and refuses a damaged backup without touching the archive."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kamdesk.domain.errors import ArchiveBusy
from kamdesk.services.workbench import Workbench
from kamdesk.storage.backups import (
    BEFORE_RESTORE,
    DAILY,
    KEEP_RECENT,
    BackupError,
    Counts,
    DamagedArchive,
    auto_backup,
    backup_folder,
    daily_backup,
    list_backups,
    make_backup,
    restore,
    rotate,
    scan,
)
from tests.conftest import Customer

NOW = datetime(2026, 11, 23, 12, 0)  # a Monday


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage(path: Path) -> None:
    """Overwrite the middle of an archive file with noise, as a failing disk would."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 8192] = bytes(range(256)) * 32
    path.write_bytes(bytes(data))


def test_a_backup_is_a_checked_self_contained_copy_named_by_time_and_reason(
    wb: Workbench, customer: Customer, archive_path: Path
) -> None:
    folder = archive_path.parent / "backups"
    row = make_backup(wb.archive, folder, "manual", now=NOW)
    assert row.path == folder / "archive-20261123-120000-manual.kamdesk"
    assert row.counts == Counts(accounts=1, contacts=3, visits=0)
    assert sorted(p.name for p in folder.iterdir()) == [row.path.name]  # no -wal, no .part
    with sqlite3.connect(f"file:{row.path}?mode=ro", uri=True) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("SELECT name FROM contacts ORDER BY name").fetchall() == [
            ("单田芳",),
            ("曾国华",),
            ("欧阳娜娜",),
        ]


def test_two_backups_in_the_same_second_both_keep_their_own_file(
    wb: Workbench, customer: Customer, archive_path: Path
) -> None:
    folder = archive_path.parent / "backups"
    first = make_backup(wb.archive, folder, "before-import", now=NOW)
    second = make_backup(wb.archive, folder, "before-import", now=NOW)
    assert first.path != second.path
    assert [r.path for r in scan(folder)] == [second.path, first.path]  # newest first


def test_a_damaged_archive_is_not_backed_up_and_nothing_is_left_behind(tmp_path: Path) -> None:
    path = tmp_path / "broken.kamdesk"
    with Workbench.open(path) as wb:
        for n in range(300):
            wb.accounts.create(name=f"无锡第{n}机械厂", notes="设备维护记录。" * 40)
    damage(path)
    with pytest.raises(DamagedArchive):
        make_backup(path, tmp_path / "backups", "manual", now=NOW)
    assert list((tmp_path / "backups").iterdir()) == []


def test_an_empty_archive_is_not_backed_up_automatically(wb: Workbench) -> None:
    assert auto_backup(wb.archive, "before-import") is None
    assert not backup_folder(wb.archive.path).exists()


def test_the_first_open_of_the_day_leaves_one_start_of_day_backup(archive_path: Path) -> None:
    with Workbench.open(archive_path) as wb:
        wb.accounts.create(name="杭州西湖茶业有限公司")
    for _ in range(3):
        Workbench.open(archive_path).close()
    rows = scan(backup_folder(archive_path))
    assert [r.reason for r in rows] == [DAILY]
    assert rows[0].taken_at.date() == date.today()
    assert daily_backup(archive_path) is None  # already one today


def test_the_folder_can_be_chosen_with_an_environment_variable(
    wb: Workbench, customer: Customer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KAMDESK_BACKUPS", str(tmp_path / "u盘" / "备份"))
    row = auto_backup(wb.archive, "before-import", now=NOW)
    assert row is not None and row.path.parent == tmp_path / "u盘" / "备份"


def test_the_list_gives_date_reason_size_and_counts_newest_first(
    wb: Workbench, customer: Customer, archive_path: Path
) -> None:
    folder = backup_folder(archive_path)
    make_backup(wb.archive, folder, DAILY, now=NOW - timedelta(days=1))
    wb.accounts.create(name="宁波港城物流有限公司")
    make_backup(wb.archive, folder, "before-import", now=NOW)
    (folder / "readme.txt").write_text("备份说明", encoding="utf-8")
    rows = list_backups(folder)
    assert [(r.taken_at, r.reason, r.counts) for r in rows] == [
        (NOW, "before-import", Counts(2, 3, 0)),
        (NOW - timedelta(days=1), DAILY, Counts(1, 3, 0)),
    ]
    assert rows[0].reason_text == "before an import"
    assert all(r.size == r.path.stat().st_size > 0 for r in rows)


# rotation ---------------------------------------------------------------------------------------


def touch_backups(folder: Path, moments: list[datetime], stem: str = "archive") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for moment in moments:
        (folder / f"{stem}-{moment:%Y%m%d-%H%M%S}-daily.kamdesk").write_bytes(b"")


def kept_days(folder: Path) -> list[str]:
    return sorted({r.taken_at.date().isoformat() for r in scan(folder)}, reverse=True)


def test_rotation_of_120_daily_backups_keeps_7_days_5_weeks_and_12_months(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "backups"
    touch_backups(folder, [datetime(2026, 11, 23, 7, 0) - timedelta(days=n) for n in range(120)])
    removed = rotate(folder, NOW)
    assert kept_days(folder) == [
        # the last 7 days
        "2026-11-23", "2026-11-22", "2026-11-21", "2026-11-20", "2026-11-19", "2026-11-18",
        "2026-11-17",
        # the newest of each earlier week (weeks start on Monday; this week's is today's)
        "2026-11-15", "2026-11-08", "2026-11-01",
        # the newest of each earlier month, as far back as there are backups
        "2026-10-31", "2026-09-30", "2026-08-31", "2026-07-31",
    ]  # fmt: skip
    assert len(removed) == 120 - 14
    assert rotate(folder, NOW) == []  # what is kept stays kept


def test_rotation_never_deletes_the_newest_backup_however_old(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    touch_backups(folder, [datetime(2024, 3, d, 9, 0) for d in (1, 2, 3)])
    rotate(folder, NOW)
    assert kept_days(folder) == ["2024-03-03"]


def test_rotation_keeps_the_newest_copies_of_the_last_day_up_to_a_cap(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    hourly = [NOW - timedelta(hours=h, minutes=30) for h in range(12)]
    touch_backups(folder, hourly)
    rotate(folder, NOW)
    assert [r.taken_at for r in scan(folder)] == hourly[:KEEP_RECENT]


def test_rotation_leaves_other_archives_and_other_files_alone(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    touch_backups(folder, [datetime(2024, 3, d, 9, 0) for d in (1, 2)], stem="archive")
    touch_backups(folder, [datetime(2024, 3, d, 9, 0) for d in (1, 2)], stem="总部")
    (folder / "notes.txt").write_text("x", encoding="utf-8")
    rotate(folder, NOW, stem="archive")
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "archive-20240302-090000-daily.kamdesk",
        "notes.txt",
        "总部-20240301-090000-daily.kamdesk",
        "总部-20240302-090000-daily.kamdesk",
    ]


# restore ----------------------------------------------------------------------------------------


def test_restore_keeps_the_current_state_as_a_backup_and_brings_the_records_back(
    wb: Workbench, customer: Customer, archive_path: Path
) -> None:
    folder = backup_folder(archive_path)
    good = make_backup(wb.archive, folder, "manual", now=NOW - timedelta(hours=2))
    wb.accounts.delete(customer.account.id)
    wb.accounts.create(name="误建的客户")
    wb.close()

    before = restore(archive_path, good.path, now=NOW)

    assert before is not None and before.reason == BEFORE_RESTORE
    assert before.counts == Counts(accounts=1, contacts=0, visits=0)
    assert not archive_path.with_name(archive_path.name + "-wal").exists()
    with Workbench.open(archive_path) as again:
        assert [a.name for a in again.accounts.list()] == ["苏州恒瑞精密机械有限公司"]
        assert {c.name for c in again.contacts.list()} == {"单田芳", "曾国华", "欧阳娜娜"}
        assert again.check().ok
    # and the restore itself can be undone from the backup it made
    restore(archive_path, before.path, now=NOW + timedelta(minutes=1))
    with Workbench.open(archive_path) as undone:
        assert [a.name for a in undone.accounts.list()] == ["误建的客户"]


def test_a_damaged_backup_is_refused_and_the_archive_is_unchanged(
    wb: Workbench, customer: Customer, archive_path: Path
) -> None:
    for n in range(300):
        wb.accounts.create(name=f"佛山第{n}陶瓷厂", notes="窑炉改造项目跟进。" * 40)
    folder = backup_folder(archive_path)
    bad = make_backup(wb.archive, folder, "manual", now=NOW - timedelta(days=1))
    damage(bad.path)
    wb.close()
    files_before = sorted(p.name for p in archive_path.parent.iterdir())
    archive_bytes = digest(archive_path)

    with pytest.raises(BackupError) as refused:
        restore(archive_path, bad.path, now=NOW)

    assert "integrity" in str(refused.value) or "cannot be read" in str(refused.value)
    assert digest(archive_path) == archive_bytes
    assert sorted(p.name for p in archive_path.parent.iterdir()) == files_before
    assert [r.path for r in scan(folder)] == [bad.path]  # no before-restore copy either
    with Workbench.open(archive_path) as again:
        assert again.accounts.count() == 301


def test_restore_is_refused_while_the_archive_is_open_for_writing(
    wb: Workbench, customer: Customer, archive_path: Path
) -> None:
    good = make_backup(wb.archive, backup_folder(archive_path), "manual", now=NOW)
    with pytest.raises(ArchiveBusy):
        restore(archive_path, good.path, now=NOW)
    assert wb.accounts.count() == 1


def test_a_backup_from_a_newer_kamdesk_is_refused(
    wb: Workbench, customer: Customer, archive_path: Path
) -> None:
    newer = make_backup(wb.archive, backup_folder(archive_path), "manual", now=NOW)
    with sqlite3.connect(newer.path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    raw.close()
    wb.close()
    with pytest.raises(BackupError, match="newer kamdesk"):
        restore(archive_path, newer.path, now=NOW)
