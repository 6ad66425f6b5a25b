"""Sensitive fields at rest: sealed on disk, in the log, in backups; opened only with the key."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from kamdesk.services.workbench import Workbench
from kamdesk.storage.backups import backup_folder, make_backup, restore
from kamdesk.storage.protection import ProtectionError
from kamdesk.storage.sealing import ArchiveLocked, WrongPassphrase
from kamdesk.sync.keys import InstallationKeys

PASS = "青山绿水 2026!"
MARKERS = ("MARKER-health-7f3a", "MARKER-income-91c2", "MARKER-family-5d0e", "MARKER-kid-a8b1")


def plant(wb: Workbench, contact_id: str, suffix: str = "") -> None:
    wb.contacts.update(
        contact_id,
        health_notes=MARKERS[0] + suffix,
        income_range=MARKERS[1] + suffix,
        family_members=MARKERS[2] + suffix,
        children=MARKERS[3] + suffix,
    )


def files_of(path: Path) -> Iterator[Path]:
    """The archive, its log and shared-memory files, and every backup beside it."""
    for candidate in path.parent.iterdir():
        if candidate.name.startswith(path.name):
            yield candidate
    folder = backup_folder(path)
    if folder.is_dir():
        yield from (p for p in folder.rglob("*") if p.is_file())


def leaks(path: Path, markers: tuple[str, ...] = MARKERS) -> list[str]:
    found = []
    for file in files_of(path):
        data = file.read_bytes()
        for marker in markers:
            if marker.encode() in data:
                found.append(f"{marker} in {file.name}")
    return found


@pytest.fixture
def planted(wb: Workbench, customer: Any) -> Workbench:
    plant(wb, customer.owner.id)
    wb.anniversaries.create(
        account_id=customer.account.id,
        contact_id=customer.owner.id,
        kind="birthday",
        family_member="MARKER-member-33c9",
        month=date.today().month,
        day=date.today().day,
    )
    wb.preferences.create(
        account_id=customer.account.id,
        contact_id=customer.owner.id,
        category="gift",
        value="MARKER-pref-77aa",
        sensitivity="sensitive",
    )
    return wb


def test_a_new_archive_is_unprotected_and_stores_plain_values(planted: Workbench) -> None:
    status = planted.security.status()
    assert not status.protected
    assert leaks(planted.archive.path)  # the scanner does find plain values


def test_protecting_seals_every_copy_on_disk(planted: Workbench, customer: Any) -> None:
    path = planted.archive.path
    before = make_backup(path)  # a copy made while the values were plain
    assert MARKERS[0].encode() in before.path.read_bytes()

    planted.security.protect(PASS)

    everything = (*MARKERS, "MARKER-member-33c9", "MARKER-pref-77aa")
    assert leaks(path, everything) == []
    owner = planted.contacts.get(customer.owner.id)
    assert (owner.health_notes, owner.children) == (MARKERS[0], MARKERS[3])
    items = planted.agenda.anniversaries(date.today(), date.today())
    assert any("MARKER-member-33c9" in item.title for item in items)
    prefs = planted.preferences.list(account_id=customer.account.id)
    assert "MARKER-pref-77aa" in {p.value for p in prefs}


def test_edits_after_protection_never_reach_the_disk_plain(
    planted: Workbench, customer: Any
) -> None:
    planted.security.protect(PASS)
    seen: list[str] = []

    @event.listens_for(planted.archive.engine, "before_cursor_execute")
    def _spy(_c: Any, _cur: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        seen.append(f"{statement} {parameters!r}")

    plant(planted, customer.owner.id, "-second")
    planted.contacts.create(
        account_id=customer.account.id, name="新联系人", health_notes="MARKER-new-0001"
    )
    # SQLite (file, write-ahead log, temporary files) only ever holds what it was given:
    assert seen and not [s for s in seen if "MARKER" in s]
    assert leaks(planted.archive.path, (MARKERS[0] + "-second", "MARKER-new-0001")) == []
    assert planted.contacts.get(customer.owner.id).health_notes == MARKERS[0] + "-second"


def test_a_protected_archive_opens_locked_and_needs_the_passphrase(
    planted: Workbench, customer: Any, archive_path: Path
) -> None:
    planted.security.protect(PASS)
    planted.security.lock()
    planted.close()

    with Workbench.open(archive_path) as wb:
        assert wb.security.needs_unlock
        assert wb.accounts.get(customer.account.id).name  # plain fields need no key
        with pytest.raises(ArchiveLocked):
            wb.contacts.get(customer.owner.id)
        with pytest.raises(ArchiveLocked):  # and nothing is written in the clear instead
            wb.contacts.update(customer.vp.id, health_notes="MARKER-locked-1")
        assert leaks(archive_path, ("MARKER-locked-1",)) == []
        with pytest.raises(WrongPassphrase):
            wb.security.unlock("not the passphrase")
        wb.security.unlock(PASS)
        assert wb.contacts.get(customer.owner.id).income_range == MARKERS[1]


def test_the_keyring_shares_an_unlock_until_it_is_locked(
    planted: Workbench, archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planted.security.protect(PASS)
    planted.close()
    with Workbench.open(archive_path) as wb:
        assert wb.security.recall()  # unlocked a moment ago: no passphrase asked
        wb.security.lock()
    with Workbench.open(archive_path) as wb:
        assert not wb.security.recall()
        wb.security.unlock(PASS)
    import time

    later = time.time() + 16 * 60  # longer than the default 15 idle minutes
    monkeypatch.setattr(time, "time", lambda: later)
    with Workbench.open(archive_path) as wb:
        assert not wb.security.recall()


def test_changing_the_passphrase_keeps_the_values(
    planted: Workbench, customer: Any, archive_path: Path
) -> None:
    planted.security.protect(PASS)
    with pytest.raises(WrongPassphrase):
        planted.security.change_passphrase("wrong one!", "另一个口令 abc")
    with pytest.raises(ProtectionError):
        planted.security.change_passphrase(PASS, "short")
    planted.security.change_passphrase(PASS, "另一个口令 abc")
    planted.security.lock()
    planted.close()
    with Workbench.open(archive_path) as wb:
        with pytest.raises(WrongPassphrase):
            wb.security.unlock(PASS)
        wb.security.unlock("另一个口令 abc")
        assert wb.contacts.get(customer.owner.id).family_members == MARKERS[2]


def test_headquarters_key_resets_a_forgotten_passphrase(
    planted: Workbench, customer: Any, archive_path: Path
) -> None:
    hq = InstallationKeys.generate("hq0000000000000a", "总部")
    planted.sync.register(hq.public(), hq=True)
    status = planted.security.protect(PASS)
    assert status.recovery_for.startswith("总部")
    planted.security.lock()
    planted.close()

    with Workbench.open(archive_path) as wb:
        stranger = InstallationKeys.generate("000000000000beef")
        with pytest.raises(WrongPassphrase):
            wb.security.reset_passphrase(str(stranger.age_identity), "新的口令 2027")
        wb.security.reset_passphrase(str(hq.age_identity), "新的口令 2027")
        assert wb.contacts.get(customer.owner.id).children == MARKERS[3]
        wb.security.lock()
        wb.security.unlock("新的口令 2027")


def test_without_headquarters_a_forgotten_passphrase_cannot_be_reset(
    planted: Workbench,
) -> None:
    status = planted.security.protect(PASS)
    assert status.recovery_for == ""
    hq = InstallationKeys.generate("hq0000000000000a")
    with pytest.raises(WrongPassphrase, match="no recovery copy"):
        planted.security.reset_passphrase(str(hq.age_identity), "新的口令 2027")


def test_a_backup_of_a_protected_archive_restores_sealed(
    planted: Workbench, customer: Any, archive_path: Path
) -> None:
    planted.security.protect(PASS)
    copy = make_backup(archive_path)
    assert leaks(archive_path) == []
    planted.close()
    restore(archive_path, copy.path)
    with Workbench.open(archive_path) as wb:
        assert wb.security.needs_unlock or wb.security.recall()
        wb.security.unlock(PASS)
        assert wb.contacts.get(customer.owner.id).health_notes == MARKERS[0]
    assert leaks(archive_path) == []


def test_exchange_keys_are_sealed_too(planted: Workbench) -> None:
    secret = planted.sync.keys().to_secret_text()
    seed_line = next(line for line in secret.splitlines() if line.startswith("signing:"))
    planted.security.protect(PASS)
    assert leaks(planted.archive.path, (seed_line.split()[1],)) == []
    assert planted.sync.public_card()  # still usable while unlocked


def test_protecting_twice_is_refused(planted: Workbench) -> None:
    planted.security.protect(PASS)
    with pytest.raises(ProtectionError, match="already protected"):
        planted.security.protect(PASS)


def test_a_backup_from_an_older_schema_is_sealed_too(planted: Workbench) -> None:
    import sqlite3

    old = make_backup(planted.archive.path)
    with sqlite3.connect(old.path) as raw:  # as a copy made before the exchange tables came
        raw.execute("DROP TABLE sync_conflicts")
    planted.security.protect(PASS)
    assert old.path.exists()
    assert leaks(planted.archive.path) == []
