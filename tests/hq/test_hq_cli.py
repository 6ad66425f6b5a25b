"""`kamdesk hq`: an HQ set up, keys handed out and registered, packages consolidated and the
report written from the command line, with the exit status telling whether any was refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyrage import x25519

from kamdesk.cli import main
from kamdesk.services.workbench import Workbench


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_an_hq_from_setting_up_to_the_report(
    hq_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = str(tmp_path / "wang.kamdesk")
    with Workbench.open(archive) as wb:
        wb.sync.set_name("王经理")
        account = wb.accounts.create(name="苏州恒瑞精密机械有限公司", city="苏州")
        wb.visits.create(account_id=account.id, occurred_at="2026-03-05 14:30", purpose="回访")
    hq_key, wang_key = str(tmp_path / "hq.pub"), str(tmp_path / "wang.pub")
    code, out, _err = run(capsys, "hq", "init", "--url", hq_url, "--name", "总部", "-o", hq_key)
    assert code == 0 and "fingerprint" in out
    assert Path(hq_key).read_text(encoding="utf-8").startswith("kamdesk-public-key 1")
    assert run(capsys, "--db", archive, "keys", "--register", hq_key, "--hq")[0] == 0
    assert run(capsys, "--db", archive, "keys", "-o", wang_key)[0] == 0
    package = str(tmp_path / "2026-11-王经理.kamx")
    assert run(capsys, "--db", archive, "export", "--kind", "hq", "-o", package)[0] == 0

    code, _out, err = run(capsys, "hq", "consolidate", "--url", hq_url, package)
    assert code == 1 and "does not know" in err and "kamdesk hq keys --register" in err

    code, out, _err = run(capsys, "hq", "keys", "--url", hq_url, "--register", wang_key)
    assert code == 0 and "王经理" in out
    assert "王经理" in run(capsys, "hq", "keys", "--url", hq_url, "--list")[1]

    code, out, _err = run(capsys, "hq", "consolidate", "--url", hq_url, package, package)
    assert code == 0
    assert "applied 2026-11-王经理.kamx from 王经理: 2 new" in out
    assert "already applied" in out and "1 applied, 1 already applied, 0 refused" in out

    secret = tmp_path / "hq-recovery.key"
    code, out, _err = run(
        capsys, "hq", "keys", "--url", hq_url, "--write-recovery-key", str(secret)
    )
    assert code == 0 and secret.stat().st_mode & 0o077 == 0  # for its owner's eyes only
    identity = x25519.Identity.from_str(secret.read_text(encoding="ascii").strip())
    assert str(identity.to_public()) in Path(hq_key).read_text(encoding="utf-8")
    code, _out, err = run(
        capsys, "hq", "keys", "--url", hq_url, "--write-recovery-key", str(secret)
    )
    assert code == 1 and "already exists" in err

    report = tmp_path / "总部.xlsx"
    code, out, _err = run(
        capsys, "hq", "report", "--url", hq_url, "--format", "xlsx", "-o", str(report)
    )
    assert code == 0 and report.exists() and "1 managers, 1 accounts" in out


def test_a_refused_package_makes_the_exit_status_one_and_the_others_still_go_in(
    hq_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KAMDESK_HQ_URL", hq_url)
    hq_key = str(tmp_path / "hq.pub")
    assert run(capsys, "hq", "init", "-o", hq_key)[0] == 0
    archive = str(tmp_path / "li.kamdesk")
    with Workbench.open(archive) as wb:
        wb.accounts.create(name="无锡大东纺织有限公司")
    run(capsys, "--db", archive, "keys", "--register", hq_key, "--hq")
    run(capsys, "--db", archive, "keys", "-o", str(tmp_path / "li.pub"))
    run(capsys, "hq", "keys", "--register", str(tmp_path / "li.pub"))
    good = str(tmp_path / "li.kamx")
    run(capsys, "--db", archive, "export", "--kind", "hq", "-o", good)
    junk = tmp_path / "junk.kamx"
    junk.write_bytes(b"PK\x03\x04 not a package")
    code, out, err = run(capsys, "hq", "consolidate", "--json", str(junk), good)
    assert code == 1
    assert '"status": "refused"' in out and '"status": "applied"' in out and err == ""


def test_without_a_url_the_command_says_how_to_give_one(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KAMDESK_HQ_URL", raising=False)
    code, _out, err = run(capsys, "hq", "consolidate", "x.kamx")
    assert code == 1 and "--url postgresql://" in err and "KAMDESK_HQ_URL" in err
