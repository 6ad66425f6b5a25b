"""`kamdesk protect`, `unlock`, `lock`, `passphrase`, `reset-passphrase` as a manager uses them:
commands work while unlocked, stop with a clear sentence while locked, and nothing is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamdesk.cli import main
from kamdesk.services.workbench import Workbench
from kamdesk.sync.keys import InstallationKeys


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(archive_path: Path) -> Path:
    with Workbench.open(archive_path) as wb:
        account = wb.accounts.create(name="青岛海润食品有限公司", city="青岛")
        wb.contacts.create(account_id=account.id, name="解晓东", health_notes="痛风，忌海鲜")
    return archive_path


def health_notes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[int, str]:
    """Export the contacts with their sensitive fields; (exit code, what the file says)."""
    target = tmp_path / "out.vcf"
    code, _out, _err = run(capsys, "export-contacts", "--include-sensitive", "-o", str(target))
    return code, target.read_text(encoding="utf-8") if code == 0 else ""


def secret(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def test_protect_lock_unlock(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    words = secret(tmp_path, "pass.txt", "海润 passphrase 1")
    code, out, err = run(capsys, "protect", "--passphrase-file", words)
    assert code == 0, err
    assert "cannot be recovered" in out  # no headquarters key registered
    assert "痛风".encode() not in filled.read_bytes()

    assert health_notes(capsys, tmp_path)[0] == 0  # unlocked a moment ago
    assert run(capsys, "lock")[0] == 0
    code, _out, err = run(capsys, "search", "解晓东")
    assert code == 1
    assert "passphrase" in err and "Traceback" not in err

    wrong = secret(tmp_path, "wrong.txt", "not it at all")
    code, _out, err = run(capsys, "unlock", "--passphrase-file", wrong)
    assert (code, err.strip()) == (1, "kamdesk: error: wrong passphrase")
    assert run(capsys, "unlock", "--passphrase-file", words)[0] == 0
    code, text = health_notes(capsys, tmp_path)
    assert code == 0 and "痛风" in text


def test_the_passphrase_file_variable_unlocks_scripts(
    filled: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    words = secret(tmp_path, "pass.txt", "海润 passphrase 1")
    run(capsys, "protect", "--passphrase-file", words)
    run(capsys, "lock")
    monkeypatch.setenv("KAMDESK_PASSPHRASE_FILE", words)
    code, text = health_notes(capsys, tmp_path)
    assert code == 0 and "痛风" in text


def test_change_and_reset_with_headquarters_key(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hq = InstallationKeys.generate("hq0000000000000a", "总部")
    card = secret(tmp_path, "hq.pub", hq.public().to_text())
    assert run(capsys, "keys", "--register", card, "--hq")[0] == 0
    words = secret(tmp_path, "pass.txt", "海润 passphrase 1")
    code, out, _err = run(capsys, "protect", "--passphrase-file", words)
    assert code == 0 and "总部" in out

    newer = secret(tmp_path, "new.txt", "第二个口令 second")
    code, _out, err = run(capsys, "passphrase", "--old-file", words, "--new-file", newer)
    assert code == 0, err
    run(capsys, "lock")

    key_file = secret(tmp_path, "hq.secret", hq.to_secret_text())
    third = secret(tmp_path, "third.txt", "第三个口令 third")
    code, _out, err = run(
        capsys, "reset-passphrase", "--recovery-key", key_file, "--new-file", third
    )
    assert code == 0, err
    run(capsys, "lock")
    assert run(capsys, "unlock", "--passphrase-file", newer)[0] == 1
    assert run(capsys, "unlock", "--passphrase-file", third)[0] == 0


def test_a_weak_passphrase_is_refused_and_nothing_changes(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    weak = secret(tmp_path, "weak.txt", "1234")
    code, _out, err = run(capsys, "protect", "--passphrase-file", weak)
    assert code == 1 and "at least 8 characters" in err
    assert "痛风".encode() in filled.read_bytes() or Path(str(filled) + "-wal").exists()
    with Workbench.open(filled) as wb:
        assert not wb.security.status().protected
