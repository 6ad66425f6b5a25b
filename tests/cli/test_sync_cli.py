"""`kamdesk keys`, `export`, `import` and `conflicts`: keys by file, sealed packages, dry runs,
replays and one-line refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import run


def test_a_manager_hands_an_account_over_by_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine, theirs = str(tmp_path / "mine.kamdesk"), str(tmp_path / "theirs.kamdesk")
    run(capsys, "--db", mine, "add", "account", "广州南方食品有限公司", "--city", "广州")
    code, out, _ = run(
        capsys, "--db", mine, "keys", "--name", "王经理", "-o", str(tmp_path / "w.pub")
    )
    assert code == 0 and "fingerprint" in out
    code, out, _ = run(capsys, "--db", theirs, "keys", "--register", str(tmp_path / "w.pub"))
    assert code == 0 and "王经理" in out
    secret = tmp_path / "pass.txt"
    secret.write_text("春眠不觉晓\n", encoding="utf-8")
    package = str(tmp_path / "hand.kamx")
    code, out, _ = run(
        capsys, "--db", mine, "export", "--kind", "handover", "--account", "广州南方食品有限公司",
        "--passphrase-file", str(secret), "-o", package,
    )  # fmt: skip
    assert code == 0 and "accounts 1" in out
    code, _, err = run(capsys, "--db", theirs, "import", package)
    assert code == 1 and "passphrase" in err and err.count("\n") == 1
    common = ("--db", theirs, "import", package, "--passphrase-file", str(secret))
    code, out, err = run(capsys, *common, "--dry-run")
    assert code == 0 and "1 new" in out and "nothing was changed" in err
    code, out, _ = run(capsys, *common, "--json")
    assert json.loads(out)["new"] == 1 and json.loads(out)["sender"] == "王经理"
    code, out, _ = run(capsys, *common)
    assert code == 0 and out.startswith("already applied")
    code, out, _ = run(capsys, "--db", theirs, "search", "nfsp")
    assert "广州南方食品有限公司" in out


def test_an_hq_export_without_hqs_key_refuses_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = str(tmp_path / "mine.kamdesk")
    run(capsys, "--db", mine, "add", "account", "广州南方食品有限公司")
    code, _, err = run(
        capsys, "--db", mine, "export", "--kind", "hq", "-o", str(tmp_path / "x.kamx")
    )
    assert code == 1 and "kamdesk keys --register HQ.pub --hq" in err
    assert list(tmp_path.glob("*.kamx")) == []


def test_hq_key_registered_then_export_import_and_no_conflicts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine, hq = str(tmp_path / "mine.kamdesk"), str(tmp_path / "hq.kamdesk")
    run(capsys, "--db", mine, "add", "account", "广州南方食品有限公司")
    run(capsys, "--db", hq, "keys", "--name", "总部", "-o", str(tmp_path / "hq.pub"))
    run(capsys, "--db", mine, "keys", "-o", str(tmp_path / "mine.pub"))
    code, out, _ = run(capsys, "--db", mine, "keys", "--register", str(tmp_path / "hq.pub"), "--hq")
    assert code == 0 and "HQ" in out
    run(capsys, "--db", hq, "keys", "--register", str(tmp_path / "mine.pub"))
    code, out, err = run(
        capsys, "--db", mine, "export", "--kind", "hq", "-o", str(tmp_path / "1.kamx")
    )
    assert code == 0 and "left out of contacts" in err
    code, out, _ = run(capsys, "--db", hq, "import", str(tmp_path / "1.kamx"))
    assert code == 0 and "1 new" in out
    code, out, _ = run(capsys, "--db", hq, "conflicts")
    assert out.strip() == "no open conflicts"
