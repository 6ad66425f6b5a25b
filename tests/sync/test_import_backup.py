"""Merging a package backs the archive up first; a dry run does not."""

from __future__ import annotations

from pathlib import Path

from kamdesk.services.workbench import Workbench
from kamdesk.storage.backups import BEFORE_IMPORT, Counts, list_backups, scan


def test_a_package_import_leaves_a_before_import_backup_of_the_archive_as_it_was(
    tmp_path: Path,
) -> None:
    with Workbench.open(tmp_path / "a.kamdesk") as a, Workbench.open(tmp_path / "b.kamdesk") as b:
        a.sync.register(b.sync.public_card())
        b.sync.register(a.sync.public_card())
        a.accounts.create(name="厦门鹭岛电子有限公司", city="厦门")
        b.accounts.create(name="福州闽江茶业有限公司", city="福州")
        package = tmp_path / "handover.kamx"
        a.sync.export("handover", package, recipients=[b.archive.installation_id])

        b.sync.import_package(package, dry_run=True)
        assert scan(tmp_path / "backups", stem="b") == []

        b.sync.import_package(package)
        [row] = list_backups(tmp_path / "backups", stem="b")
        assert row.reason == BEFORE_IMPORT
        assert row.counts == Counts(accounts=1, contacts=0, visits=0)  # before the merge
        assert b.accounts.count() == 2
