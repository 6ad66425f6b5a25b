"""Opening an archive: settings, the single-writer rule, migrations with a backup first."""

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from kamdesk.domain.errors import ArchiveBusy, ArchiveError, SchemaTooNew
from kamdesk.services.workbench import Workbench
from kamdesk.storage.database import Archive
from kamdesk.storage.migrations import HEAD, alembic_config, upgrade
from kamdesk.storage.models import Base


def test_a_new_archive_uses_wal_foreign_keys_and_full_sync(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive, archive.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_every_new_archive_has_its_own_installation_id(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "a.kamdesk") as a, Archive.open(tmp_path / "b.kamdesk") as b:
        assert a.installation_id != b.installation_id


def test_the_clock_survives_closing_and_reopening(archive_path: Path) -> None:
    with Workbench.open(archive_path) as wb:
        stamp = wb.accounts.create(name="甲公司").created_hlc
    with Workbench.open(archive_path) as wb:
        assert wb.accounts.create(name="乙公司").created_hlc > stamp


def test_a_second_writer_in_another_process_is_refused_with_a_sentence(archive_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        from kamdesk.services.workbench import Workbench
        try:
            Workbench.open({str(archive_path)!r})
        except Exception as exc:
            print(type(exc).__name__, exc)
        """
    )
    with Workbench.open(archive_path):
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.startswith("ArchiveBusy")
    assert "open for writing in another kamdesk" in result.stdout


def test_a_second_writer_in_the_same_process_is_refused_too(archive_path: Path) -> None:
    with Workbench.open(archive_path), pytest.raises(ArchiveBusy):
        Workbench.open(archive_path)


def test_readers_are_welcome_while_a_writer_works(archive_path: Path) -> None:
    with Workbench.open(archive_path) as writer:
        writer.accounts.create(name="深圳远航科技有限公司")
        with Workbench.open(archive_path, write=False) as reader:
            assert [h.name for h in reader.search("yuanhang")] == ["深圳远航科技有限公司"]
            with pytest.raises(ArchiveError, match="read-only"):
                reader.accounts.create(name="不该写入")


def test_the_lock_is_released_on_close(archive_path: Path) -> None:
    Workbench.open(archive_path).close()
    Workbench.open(archive_path).close()


def test_a_file_that_is_not_an_archive_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes("这不是数据库".encode() * 500)
    before = path.read_bytes()
    with pytest.raises(ArchiveError, match="not a kamdesk archive"):
        Archive.open(path)
    assert path.read_bytes() == before


def test_another_programs_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE songs (title TEXT)")
    with pytest.raises(ArchiveError, match="not a kamdesk archive"):
        Archive.open(path)


def test_an_archive_from_a_newer_kamdesk_is_refused(archive_path: Path) -> None:
    Archive.open(archive_path).close()
    with sqlite3.connect(archive_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(SchemaTooNew, match="newer kamdesk"):
        Archive.open(archive_path)


def test_head_names_the_newest_migration() -> None:
    script = ScriptDirectory.from_config(alembic_config())  # type: ignore[arg-type]
    assert script.get_current_head() == HEAD


def test_the_migrations_build_exactly_the_tables_the_models_describe(archive_path: Path) -> None:
    Archive.open(archive_path).close()
    engine = create_engine(f"sqlite:///{archive_path}")
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []


def test_an_archive_made_by_the_first_migration_is_upgraded_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.kamdesk"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")
    with sqlite3.connect(path) as raw:  # data written by a kamdesk of schema 0001
        raw.execute(
            "INSERT INTO accounts (id, name, short_name, industry, region, city, address, status,"
            " owner, executive_sponsor, cost_to_serve, potential, development_cost,"
            " is_key_account, key_account_reason, business_situation, technical_situation,"
            " innovation_goals, products_in_use, decision_process, potential_needs,"
            " company_news, notes, created_at, updated_at, created_hlc, field_hlc) VALUES"
            " ('0b6f1c1e-0000-4000-8000-000000000001', '重庆山城机电有限公司', '山城机电', '', '',"
            " '重庆', '', 'active', '', '', 0, 0, 0, 0, '', '', '', '', '', '', '', '', '',"
            " '2025-01-01 00:00:00', '2025-01-01 00:00:00', '0000000000001.000000.old', '{}')"
        )
    engine.dispose()

    with Workbench.open(path) as wb:
        assert [h.name for h in wb.search("chongqing")] == ["重庆山城机电有限公司"]
        assert wb.check().ok
    backups = list((tmp_path / "backups").glob("old-*-before-upgrade.kamdesk"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert raw.execute("SELECT name FROM accounts").fetchone()[0] == "重庆山城机电有限公司"


def test_check_reports_a_missing_search_key_and_rebuild_fixes_it(archive_path: Path) -> None:
    with Workbench.open(archive_path) as wb:
        wb.accounts.create(name="成都蜀光新材料有限公司")
        with wb.archive.writing() as session:
            session.connection().exec_driver_sql(
                "DELETE FROM search_keys WHERE key = '蜀光新材料有限公司'"
            )
        assert wb.check().search_index == ["成都蜀光新材料有限公司"]
        wb.rebuild_search()
        assert wb.check().ok
