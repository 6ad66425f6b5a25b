"""Crash safety: a kamdesk killed at any moment (SIGKILL: no clean-up, no last flush) loses
nothing it had acknowledged, leaves no half-made change, and leaves no half file under a final
name; the next normal run removes the temporary files it left.

The writers are forked from a server that has kamdesk imported (see crash_loop.py), so hundreds
of kills take seconds; every writer opens the archive through `Archive.open`, the path a real
restart takes after a crash.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kamdesk.services.demo import fill
from kamdesk.services.workbench import Workbench
from kamdesk.storage.backups import make_backup, read_counts, scan
from tests.safety.crash_loop import (
    BACKUP,
    PACKAGE,
    WRITE,
    ForkServer,
    LoopResult,
    check_writes,
    integrity,
    kill_loop,
    rows,
    temporary_files,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")

SEED = 20261123
WRITER_KILLS = 300
BACKUP_KILLS = 40
EXPORT_KILLS = 25


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ForkServer]:
    with ForkServer(tmp_path, {"KAMDESK_BACKUPS": str(tmp_path / "backups")}) as forks:
        yield forks


@pytest.fixture
def field_archive(archive_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small sales territory: three customers with their people, and nothing open."""
    monkeypatch.setenv("KAMDESK_BACKUPS", str(tmp_path / "backups"))
    with Workbench.open(archive_path) as wb:
        for company, city, people in (
            ("苏州恒瑞精密机械有限公司", "苏州", ("单田芳", "曾国华", "欧阳娜娜")),
            ("广州南方食品有限公司", "广州", ("区志强", "解海燕")),
            ("重庆山城建材集团", "重庆", ("朴明辉", "查雪梅", "仇振华")),
        ):
            account = wb.accounts.create(name=company, city=city)
            for name in people:
                wb.contacts.create(account_id=account.id, name=name, title="经理")
    return archive_path


@pytest.fixture
def demo_archive(archive_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Thirty sample customers with everything around them (about 1 MB)."""
    monkeypatch.setenv("KAMDESK_BACKUPS", str(tmp_path / "backups"))
    with Workbench.open(archive_path) as wb:
        fill(wb.archive, 30, seed=SEED)
    return archive_path


def report(capsys: pytest.CaptureFixture[str], what: str, result: LoopResult, extra: str) -> None:
    with capsys.disabled():
        print(
            f"\n{what}: {result.kills} kills, {result.changes} acknowledged, "
            f"{result.seconds:.1f} s{extra}"
        )


def test_every_acknowledged_change_survives_hundreds_of_kills(
    server: ForkServer, field_archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    job = {"job": WRITE, "archive": str(field_archive)}
    result = kill_loop(server, job, kills=WRITER_KILLS, seed=SEED, longest=0.1)

    found = check_writes(field_archive, result.acks)
    during_open = result.kills - result.opens
    report(capsys, "writer", result, f" ({during_open} kills while opening; {found.checked})")
    assert found.damage == []  # integrity, foreign keys, search keys
    assert found.lost == []
    assert found.half_written == []
    assert temporary_files(tmp_path / "backups") == []  # of start-of-day backups cut short
    assert result.kills >= 300
    assert min(found.checked[k] for k in ("contacts added", "edits", "visits")) >= 20


def test_a_backup_killed_midway_never_leaves_a_bad_backup(
    server: ForkServer, demo_archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = list(rows(demo_archive))
    folder = tmp_path / "u盘备份"
    job = {"job": BACKUP, "archive": str(demo_archive), "out": str(folder)}
    result = kill_loop(server, job, kills=BACKUP_KILLS, seed=SEED, longest=0.15)
    left = temporary_files(folder)

    expected = read_counts(demo_archive, live=True)
    backups = scan(folder)
    assert backups  # some copies did finish
    for row in backups:
        assert integrity(row.path) == ["ok"], row.path.name
        assert read_counts(row.path) == expected, row.path.name
    assert list(rows(demo_archive)) == before

    make_backup(demo_archive, folder)  # the next normal backup
    report(capsys, "backup", result, f" ({len(left)} temporary files left, then removed)")
    assert temporary_files(folder) == []
    with Workbench.open(demo_archive) as wb:
        assert wb.check().ok


def test_an_export_killed_midway_leaves_the_whole_package_or_none(
    server: ForkServer, demo_archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "交接" / "archive.kamx"
    target.parent.mkdir()
    job = {"job": PACKAGE, "archive": str(demo_archive), "out": str(target)}
    result = kill_loop(server, job, kills=EXPORT_KILLS, seed=SEED, longest=0.4)
    left = temporary_files(target.parent)

    with Workbench.open(demo_archive) as wb:
        assert wb.check().ok
        if target.exists():  # whole, sealed, signed, and holding everything
            package = wb.sync.read(target)
            assert package.manifest.counts == wb.sync.preview_export("backup").counts
            assert len(package.records) == sum(package.manifest.counts.values())
        wb.sync.export("backup", target)  # the next normal export
    report(capsys, "export", result, f" ({len(left)} temporary files left, then removed)")
    assert temporary_files(target.parent) == []
    assert result.changes > 0


def test_a_temporary_file_in_use_is_left_alone_and_removed_once_its_writer_is_killed(
    demo_archive: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "备份"
    folder.mkdir()
    holder = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from kamdesk.storage.files import temporary_file\n"
        "with temporary_file(Path(sys.argv[1]), '.kamdesk-') as part:\n"
        "    print(part.name, flush=True)\n"
        "    time.sleep(120)\n"
    )
    other = subprocess.Popen(
        [sys.executable, "-c", holder, str(folder)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert other.stdout is not None
        in_use = other.stdout.readline().strip()
        make_backup(demo_archive, folder)  # another kamdesk is still writing that one
        assert temporary_files(folder) == [in_use]
    finally:
        other.kill()
        other.wait()
    make_backup(demo_archive, folder)
    assert temporary_files(folder) == []
