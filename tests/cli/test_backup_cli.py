"""`kamdesk backup`, `kamdesk backups` and `kamdesk restore-backup` as a manager or a script
uses them: where the copy went and what it holds, and no restore without a clear yes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kamdesk.cli import main
from kamdesk.services.workbench import Workbench


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


class Terminal(io.StringIO):
    """Standard input as a person at a terminal types it."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def filled(archive_path: Path) -> Path:
    with Workbench.open(archive_path) as wb:
        account = wb.accounts.create(name="青岛海润食品有限公司", city="青岛")
        wb.contacts.create(account_id=account.id, name="解晓东", title="总经理")
    return archive_path


def names(path: Path) -> list[str]:
    with Workbench.open(path, write=False) as wb:
        return sorted(a.name for a in wb.accounts.list())


def test_backup_writes_a_checked_copy_into_the_backups_folder_and_says_what_it_holds(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "backup")
    assert code == 0
    [made] = (filled.parent / "backups").glob("archive-*-manual.kamdesk")
    assert f"backed up to {made}" in out
    assert "1 accounts, 1 contacts, 0 visits" in out


def test_backup_o_writes_where_it_is_told(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "U盘" / "海润.kamdesk"
    target.parent.mkdir()
    code, _out, _err = run(capsys, "backup", "-o", str(target))
    assert code == 0 and target.exists()
    assert not (filled.parent / "backups").exists()
    assert names(target) == ["青岛海润食品有限公司"]


def test_backup_of_no_archive_is_one_line_error(
    archive_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "backup")
    assert code == 1
    assert err.startswith("kamdesk: error: there is no archive at")


def test_backups_lists_date_reason_size_and_counts(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "backup")
    code, out, _err = run(capsys, "backups")
    assert code == 0
    header, row = out.splitlines()[1:3]
    assert header.split()[:6] == ["taken", "reason", "size", "accounts", "contacts", "visits"]
    assert "made by hand" in row and " KB " in row
    code, out, _err = run(capsys, "backups", "--json")
    [entry] = json.loads(out)
    assert (entry["reason"], entry["accounts"], entry["contacts"]) == ("manual", 1, 1)


def test_restore_without_yes_and_no_terminal_refuses_and_changes_nothing(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "backup")
    [made] = (filled.parent / "backups").iterdir()
    run(capsys, "add", "account", "后来新增的客户")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out, err = run(capsys, "restore-backup", made.name)
    assert code == 1
    assert "the backup holds: 1 accounts" in out
    assert "the archive holds now: 2 accounts" in out
    assert "add --yes" in err
    assert names(filled) == ["后来新增的客户", "青岛海润食品有限公司"]


def test_restore_asks_at_a_terminal_and_a_no_changes_nothing(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "backup")
    [made] = (filled.parent / "backups").iterdir()
    run(capsys, "add", "account", "后来新增的客户")
    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    assert run(capsys, "restore-backup", str(made))[0] == 1
    assert len(names(filled)) == 2
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    code, out, _err = run(capsys, "restore-backup", str(made))
    assert code == 0
    assert "the state before the restore is kept in" in out
    assert names(filled) == ["青岛海润食品有限公司"]


@pytest.mark.parametrize("command", ["restore", "restore-backup"])
def test_restore_with_yes_keeps_the_state_before_as_a_backup(
    filled: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    run(capsys, "backup")
    [made] = (filled.parent / "backups").iterdir()
    run(capsys, "add", "account", "后来新增的客户")
    code, _out, _err = run(capsys, command, made.name, "--yes")
    assert code == 0
    assert names(filled) == ["青岛海润食品有限公司"]
    [before] = (filled.parent / "backups").glob("*-before-restore.kamdesk")
    assert names(before) == ["后来新增的客户", "青岛海润食品有限公司"]


def test_restore_is_refused_while_kamdesk_has_the_archive_open(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "backup")
    [made] = (filled.parent / "backups").iterdir()
    with Workbench.open(filled):
        code, out, err = run(capsys, "restore-backup", made.name, "--yes")
    assert code == 1
    assert "open for writing in another kamdesk" in err
    assert out == ""


def test_restore_of_a_file_that_is_no_archive_says_so(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "notes.kamdesk"
    other.write_text("这不是一个档案文件" * 200, encoding="utf-8")
    code, _out, err = run(capsys, "restore-backup", str(other), "--yes")
    assert code == 1
    assert "cannot be read as a kamdesk archive" in err
    assert names(filled) == ["青岛海润食品有限公司"]


def test_an_unexpected_error_is_one_line_and_its_traceback_goes_to_the_log(
    filled: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    import logging

    from kamdesk.cli import archive

    def broken(args: object) -> int:
        raise RuntimeError("disk controller said no")

    monkeypatch.setattr(archive, "_check", broken)
    monkeypatch.setenv("KAMDESK_LOGS", str(tmp_path / "logs"))
    code, _out, err = run(capsys, "check")
    logger = logging.getLogger("kamdesk")
    for handler in list(logger.handlers):  # leave no file handler behind for other tests
        logger.removeHandler(handler)
        handler.close()
    assert code == 70 and err.count("\n") == 1 and "Traceback" not in err
    assert "RuntimeError: disk controller said no" in err and "kamdesk.log" in err
    logged = (tmp_path / "logs" / "kamdesk.log").read_text(encoding="utf-8")
    assert "in broken" in logged
