"""A full disk: saving, exporting and backing up each say so in one sentence, leave the archive
as it was, leave no half file under the final name (an older file there is kept) and no
temporary file, and work again once space is freed.

The disk is a real one where the machine allows it: a 4 MB tmpfs, filled to the last byte (this
needs root, as on CI). Elsewhere the full disk is simulated with ENOSPC at the point every file
is synced (a warning says so). A save also meets a genuine SQLITE_FULL through SQLite's
`max_page_count`, everywhere.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import shutil
import subprocess
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from kamdesk.domain.errors import KamdeskError
from kamdesk.interchange.excel import write_report
from kamdesk.interchange.files import ExportDiskFull
from kamdesk.interchange.vcard_out import export_contacts
from kamdesk.services.workbench import Workbench
from kamdesk.storage.backups import BackupDiskFull, make_backup
from kamdesk.storage.database import ArchiveDiskFull
from kamdesk.storage.files import DiskFull
from kamdesk.sync.package_errors import PackageWriteError
from tests.conftest import Customer
from tests.safety.crash_loop import rows, temporary_files

TODAY = date(2026, 11, 23)
DISK_BYTES = 4 * 1024 * 1024
LONG_NOTE = "客户二期厂房明年投产，董事长重视售后响应与交货期。" * 20_000
"""About 1.5 MB of text: more than any free space left on the full disk."""


@dataclass
class SmallDisk:
    """A folder on a small disk that a test can fill to the last byte and free again."""

    folder: Path
    real: bool
    monkeypatch: pytest.MonkeyPatch

    def fill(self) -> None:
        if not self.real:
            self.monkeypatch.setattr(os, "fsync", _no_space)
            return
        handle = os.open(self.folder / "填充.bin", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            for size in (1 << 16, 1 << 12, 1):
                with contextlib.suppress(OSError):
                    while True:
                        os.write(handle, b"\0" * size)
        finally:
            os.close(handle)
        assert os.statvfs(self.folder).f_bavail == 0

    def free(self) -> None:
        self.monkeypatch.undo()
        (self.folder / "填充.bin").unlink(missing_ok=True)

    def files(self, folder: Path | None = None) -> list[str]:
        """What a user sees in the folder (the filler aside), temporary files included."""
        here = folder or self.folder
        return sorted(p.name for p in here.iterdir() if p.name != "填充.bin")


def _no_space(fd: int) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture(scope="module")
def mount_point(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, bool]]:
    """A 4 MB tmpfs, or an ordinary folder where mounting is not possible."""
    folder = tmp_path_factory.mktemp("small-disk")
    command = ["mount", "-t", "tmpfs", "-o", f"size={DISK_BYTES},mode=0777", "kamdesk", str(folder)]
    mounted = False
    if sys.platform.startswith("linux") and shutil.which("mount"):
        result = subprocess.run(command, capture_output=True, text=True)
        mounted = result.returncode == 0
    if not mounted:
        warnings.warn(
            "no small file system can be mounted here (it needs root on Linux): the full disk "
            "is simulated by an ENOSPC error when each file is synced",
            stacklevel=1,
        )
    yield folder, mounted
    if mounted:
        subprocess.run(["umount", folder], check=True)


@pytest.fixture
def small_disk(
    mount_point: tuple[Path, bool], request: pytest.FixtureRequest
) -> Iterator[SmallDisk]:
    root, real = mount_point
    folder = root / request.node.name[:40]
    folder.mkdir()
    with pytest.MonkeyPatch.context() as monkeypatch:
        disk = SmallDisk(folder, real, monkeypatch)
        yield disk
        disk.free()
    shutil.rmtree(folder)


@pytest.fixture
def keyed(wb: Workbench, customer: Customer) -> Customer:
    """The customer, in an archive that already has its exchange keys (made on first use)."""
    wb.sync.public_card()
    return customer


def one_sentence(error: BaseException) -> str:
    text = str(error)
    assert isinstance(error, KamdeskError) and "\n" not in text and "Traceback" not in text
    assert "full" in text and "free some space" in text
    return text


# saving ----------------------------------------------------------------------------------------


def limit_growth(wb: Workbench) -> Any:
    """Let the archive grow no further: SQLite answers SQLITE_FULL, as on a full disk."""

    def no_more_pages(connection: Any, _record: Any) -> None:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(wb.archive.engine, "connect", no_more_pages)
    wb.archive.engine.dispose()
    return no_more_pages


def test_a_save_that_finds_the_archive_full_is_refused_whole(
    wb: Workbench, customer: Customer, archive_path: Path
) -> None:
    before = list(rows(archive_path))
    limiter = limit_growth(wb)
    with pytest.raises(ArchiveDiskFull) as refused, wb.archive.writing() as session:
        person = wb.contacts.create_in(
            session, {"account_id": customer.account.id, "name": "解海燕", "notes": LONG_NOTE}
        )
        wb.anniversaries.create_in(
            session,
            {"contact_id": person.id, "kind": "birthday", "calendar": "lunar", "month": 8,
             "day": 15},
        )  # fmt: skip
    assert "was not saved" in one_sentence(refused.value)
    assert isinstance(refused.value, DiskFull)
    assert list(rows(archive_path)) == before
    assert [c.name for c in wb.contacts.list()] == ["单田芳", "曾国华", "欧阳娜娜"]

    event.remove(wb.archive.engine, "connect", limiter)
    wb.archive.engine.dispose()
    wb.contacts.create(account_id=customer.account.id, name="解海燕", notes=LONG_NOTE)
    assert len(wb.contacts.list()) == 4


def test_a_save_on_a_really_full_disk_is_refused_whole(
    small_disk: SmallDisk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not small_disk.real:
        pytest.skip("needs a real small disk for the archive (SQLite writes below Python)")
    monkeypatch.setenv("KAMDESK_BACKUPS", str(tmp_path / "backups"))
    path = small_disk.folder / "archive.kamdesk"
    with Workbench.open(path) as wb:
        account = wb.accounts.create(name="苏州恒瑞精密机械有限公司", city="苏州")
        wb.contacts.create(account_id=account.id, name="单田芳", title="董事长")
        before = list(rows(path))
        small_disk.fill()
        with pytest.raises(ArchiveDiskFull) as refused:
            wb.contacts.create(account_id=account.id, name="曾国华", notes=LONG_NOTE)
        one_sentence(refused.value)
        assert list(rows(path)) == before
        small_disk.free()
        wb.contacts.create(account_id=account.id, name="曾国华", notes=LONG_NOTE)
    with Workbench.open(path) as wb:
        assert wb.check().ok
        assert [c.name for c in wb.contacts.list()] == ["单田芳", "曾国华"]


# exporting -------------------------------------------------------------------------------------


def test_a_package_export_on_a_full_disk_leaves_no_file_and_the_archive_as_it_was(
    wb: Workbench, keyed: Customer, archive_path: Path, small_disk: SmallDisk
) -> None:
    target = small_disk.folder / "交接.kamx"
    older = small_disk.folder / "上周.kamx"
    older.write_bytes(b"last week's package")
    before = list(rows(archive_path))
    small_disk.fill()
    with pytest.raises(PackageWriteError) as refused:
        wb.sync.export("backup", target)
    assert "disk is full" in one_sentence(refused.value)
    with pytest.raises(PackageWriteError):
        wb.sync.export("backup", older)
    assert small_disk.files() == ["上周.kamx"]
    assert older.read_bytes() == b"last week's package"
    assert list(rows(archive_path)) == before  # not even the package counter moved

    small_disk.free()
    wb.sync.export("backup", target)
    assert wb.sync.read(target).manifest.counts["contacts"] == 3
    assert small_disk.files() == ["上周.kamx", "交接.kamx"]


# openpyxl leaves its zip writer unclosed when the disk fills, and it complains when collected.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("kind", ["vcard", "excel"])
def test_a_contacts_or_report_export_on_a_full_disk_says_so(
    wb: Workbench, keyed: Customer, archive_path: Path, small_disk: SmallDisk, kind: str
) -> None:
    name = "通讯录.vcf" if kind == "vcard" else "报告.xlsx"

    def export(path: Path) -> None:
        if kind == "vcard":
            export_contacts(wb, path)
        else:
            write_report(wb, path, today=TODAY)

    target, older = small_disk.folder / name, small_disk.folder / ("旧" + name)
    older.write_bytes(b"the older file")
    before = list(rows(archive_path))
    small_disk.fill()
    with pytest.raises(ExportDiskFull) as refused:
        export(target)
    assert str(target) in one_sentence(refused.value)
    with pytest.raises(ExportDiskFull):
        export(older)
    del refused
    gc.collect()  # openpyxl's zip writer, left unclosed by the full disk, goes here (see above)
    assert small_disk.files() == ["旧" + name]
    assert older.read_bytes() == b"the older file"
    assert list(rows(archive_path)) == before

    small_disk.free()
    export(target)
    assert sorted(small_disk.files()) == sorted(["旧" + name, name])


# backing up ------------------------------------------------------------------------------------


def test_a_backup_on_a_full_disk_says_so_and_leaves_nothing(
    wb: Workbench, keyed: Customer, archive_path: Path, small_disk: SmallDisk
) -> None:
    folder = small_disk.folder / "备份"
    folder.mkdir()
    stick = small_disk.folder / "u盘.kamdesk"
    stick.write_bytes(b"yesterday's copy")
    before = list(rows(archive_path))
    small_disk.fill()
    with pytest.raises(BackupDiskFull) as refused:
        make_backup(archive_path, folder)
    assert "was not backed up" in one_sentence(refused.value)
    with pytest.raises(BackupDiskFull):
        make_backup(archive_path, target=stick)
    assert small_disk.files(folder) == []
    assert stick.read_bytes() == b"yesterday's copy"
    assert temporary_files(small_disk.folder) == []
    assert list(rows(archive_path)) == before

    small_disk.free()
    row = make_backup(archive_path, folder)
    assert row.counts is not None and row.counts.contacts == 3
    assert small_disk.files(folder) == [row.path.name]
