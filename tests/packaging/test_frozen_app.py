"""The self-contained app, built the way a release is built, works on a machine on its own:
the desktop opens an archive and paints it, and the one executable is also the command line —
dossiers in PDF and Word with the bundled Chinese font, batches printed by worker processes,
the agenda, the Excel report, calendars and encrypted backups.

The bundle is built once per test session (a few minutes) into a scratch folder that is removed
afterwards. Everything the frozen app writes (settings, logs, caches) stays in that folder too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
EXE = "kamdesk-app.exe" if sys.platform == "win32" else "kamdesk-app"
BUILD_TIMEOUT = 1200
RUN_TIMEOUT = 120
"""Seconds a frozen command may take (a start takes well under one; CI machines are slow)."""


@dataclass(frozen=True)
class Frozen:
    """The built app and the folders it is given instead of the user's own."""

    executable: Path
    home: Path

    def env(self, **extra: str) -> dict[str, str]:
        home = self.home
        env = {k: v for k, v in os.environ.items() if not k.startswith("KAMDESK_")}
        env.update(
            HOME=str(home),
            USERPROFILE=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CACHE_HOME=str(home / "cache"),
            XDG_STATE_HOME=str(home / "state"),
            KAMDESK_LOGS=str(home / "logs"),
            QT_QPA_PLATFORM="offscreen",
        )
        env.update(extra)
        return env

    def run(self, *args: str | Path, **extra: str) -> subprocess.CompletedProcess[str]:
        """Run the frozen executable; fails the test unless it exits 0 in time."""
        result = subprocess.run(
            [str(self.executable), *map(str, args)],
            env=self.env(**extra),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=RUN_TIMEOUT,
        )
        assert result.returncode == 0, f"{args} exited {result.returncode}:\n{result.stderr}"
        return result


@pytest.fixture(scope="session")
def frozen() -> Iterator[Frozen]:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail(
            "PyInstaller is not installed, so the app cannot be built: "
            'pip install -e ".[test]" (it comes with the package extra)'
        )
    scratch = Path(tempfile.mkdtemp(prefix="kamdesk-frozen-"))
    try:
        build = subprocess.run(
            [
                sys.executable,
                str(ROOT / "packaging" / "build.py"),
                "--dist",
                str(scratch / "dist"),
                "--work",
                str(scratch / "work"),
                "--no-archive",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT,
        )
        assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-5000:]
        shutil.rmtree(scratch / "work")  # PyInstaller's intermediate files: ~100 MB
        executable = scratch / "dist" / "kamdesk" / EXE
        home = scratch / "home"
        home.mkdir()
        yield Frozen(executable, home)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


@pytest.fixture(scope="session")
def sample(frozen: Frozen) -> Path:
    """A new archive filled with sample customers by the frozen app itself (so its migrations,
    read by path from the bundle, have run)."""
    path = frozen.home / "sample.kamdesk"
    frozen.run("--db", path, "demo", "--accounts", "6", "--seed", "7")
    return path


@pytest.fixture(scope="session")
def accounts(frozen: Frozen, sample: Path) -> list[str]:
    listed = frozen.run("--db", sample, "list", "accounts", "--json")
    return [row["name"] for row in json.loads(listed.stdout)]


def test_the_desktop_opens_the_archive_paints_it_and_exits_cleanly(
    frozen: Frozen, sample: Path
) -> None:
    settings = frozen.home / "config" / "kamdesk" / "kamdesk.conf"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[ui]\nlanguage=zh_CN\n", encoding="utf-8")

    result = frozen.run("--db", sample, KAMDESK_SMOKE="1")

    stages = [line.split()[0] for line in result.stdout.splitlines()]
    assert stages == ["window", "ready"]
    # the Chinese interface came from the catalogue shipped in the bundle: the desktop compiles
    # one into the user's cache only when the shipped one is missing or stale, and a bundle
    # has no compiler to do it
    assert not (frozen.home / "cache" / "kamdesk" / "i18n").exists()


def test_the_same_executable_prints_a_dossier_with_the_chinese_name_in_it(
    frozen: Frozen, sample: Path, accounts: list[str]
) -> None:
    import pypdfium2

    name = accounts[0]
    target = frozen.home / "档案.pdf"
    frozen.run("--db", sample, "dossier", name, "-o", target)

    pdf = pypdfium2.PdfDocument(target)
    try:
        text = "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    assert name in text
    assert b"WenQuanYiMicroHei" in target.read_bytes()  # the bundled font, embedded


def test_a_word_dossier_carries_its_relationship_map_picture(
    frozen: Frozen, sample: Path, accounts: list[str]
) -> None:
    target = frozen.home / "档案.docx"
    frozen.run("--db", sample, "dossier", accounts[0], "--format", "docx", "-o", target)

    with zipfile.ZipFile(target) as docx:
        assert accounts[0] in docx.read("word/document.xml").decode("utf-8")
        assert any(n.startswith("word/media/") and n.endswith(".png") for n in docx.namelist())


def test_a_batch_is_printed_by_worker_processes_of_the_frozen_app(
    frozen: Frozen, sample: Path, accounts: list[str]
) -> None:
    batch = accounts[:4]  # four and more are rendered in worker processes
    folder = frozen.home / "batch"
    frozen.run("--db", sample, "dossier", *batch, "-o", f"{folder}{os.sep}")

    assert sorted(p.suffix for p in folder.iterdir()) == [".pdf"] * len(batch)


def test_the_agenda_report_calendar_and_encrypted_backup_work_frozen(
    frozen: Frozen, sample: Path, accounts: list[str]
) -> None:
    out = frozen.home / "out"
    out.mkdir(exist_ok=True)
    passphrase = out / "口令.txt"
    passphrase.write_text("一句只有我知道的长口令", encoding="utf-8")

    agenda = frozen.run("--db", sample, "agenda", "--days", "366", "--json")
    frozen.run("--db", sample, "report", "-o", out / "报告.xlsx")
    frozen.run("--db", sample, "calendar", "-o", out / "纪念日.ics")
    sealed = ("export", "--kind", "backup", "--passphrase-file", passphrase)
    frozen.run("--db", sample, *sealed, "-o", out / "备份.kamx")

    assert json.loads(agenda.stdout)
    with zipfile.ZipFile(out / "报告.xlsx") as workbook:
        assert "xl/workbook.xml" in workbook.namelist()
    assert "BEGIN:VEVENT" in (out / "纪念日.ics").read_text(encoding="utf-8")
    backup = (out / "备份.kamx").read_bytes()
    assert backup and accounts[0].encode("utf-8") not in backup  # sealed, not readable
