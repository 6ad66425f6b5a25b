"""Turning protection of sensitive fields on for an archive, changing or resetting its
passphrase, and sealing what older copies hold in the clear.

Protecting an archive seals every value already stored in a sealed column (and the secret
exchange keys in the meta table), in one transaction; then it folds the write-ahead log back
into the file and rebuilds it, so no page with the old plain values remains, and it does the same
to each backup copy beside it. Pages freed later are zeroed (``secure_delete``), so edits leave no
plain copies either.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from kamdesk.domain.errors import ArchiveError, KamdeskError
from kamdesk.i18n import _
from kamdesk.storage.database import Archive
from kamdesk.storage.models import Base
from kamdesk.storage.sealing import (
    PREFIX,
    SEAL_META,
    ArchiveLocked,
    Sealer,
    SealSpec,
    WrongPassphrase,
    open_recovery,
    passphrase_problem,
    seal_for_recovery,
    sealed_columns,
    unwrap,
    wrap,
)

log = logging.getLogger(__name__)

SECRET_META = ("sync_keys",)
"""Meta entries that are secrets of this installation: sealed like the sensitive fields."""

Progress = Callable[[int, int], None]


class ProtectionError(KamdeskError):
    """Protection cannot be set up or changed as asked; the message says why."""


def _check_passphrase(passphrase: str) -> None:
    problem = passphrase_problem(passphrase)
    if problem:
        raise ProtectionError(problem)


def protect(
    archive: Archive,
    passphrase: str,
    *,
    recovery_recipient: str = "",
    recovery_for: str = "",
    progress: Progress | None = None,
) -> SealSpec:
    """Protect the sensitive fields of `archive` with `passphrase`; the archive stays unlocked.

    `recovery_recipient`: an age public key (headquarters') that can reset a forgotten
    passphrase. Backups beside the archive are sealed too.
    """
    if not archive.writable:
        raise ArchiveError(_("this archive was opened read-only"))
    if archive.sealer.protected:
        raise ProtectionError(_("this archive is already protected; change its passphrase instead"))
    _check_passphrase(passphrase)
    data_key = os.urandom(32)
    recovery = seal_for_recovery(data_key, recovery_recipient) if recovery_recipient else ""
    spec = wrap(data_key, passphrase, recovery=recovery, recovery_for=recovery_for)
    sealer = Sealer(spec)
    sealer.use_key(data_key)
    backups = _backups_of(archive.path)
    steps = 2 + len(backups)
    with archive.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        _seal_stored(raw, sealer, spec)
    archive.sealer.spec = spec
    archive.sealer.use_key(data_key)
    if progress:
        progress(1, steps)
    compact(archive)
    if progress:
        progress(2, steps)
    for done, path in enumerate(backups, start=3):
        try:
            seal_copy(path, sealer, spec)
        except sqlite3.Error as exc:  # a damaged copy: useless, and it must not stay readable
            log.warning("removed backup %s, which could not be sealed: %s", path, exc)
            path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not seal backup %s: %s", path, exc)
        if progress:
            progress(done, steps)
    return spec


def sweep(raw: sqlite3.Connection, sealer: Sealer) -> int:
    """Seal every plain value of the sealed columns (and secret meta entries) through `raw`,
    inside the caller's transaction; returns how many values were sealed."""
    count = 0
    present = {
        (table, column)
        for (table,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        for (column,) in raw.execute("SELECT name FROM pragma_table_info(?)", (table,))
    }  # an older copy (a backup from before an upgrade) may lack some of them
    for table, column, is_json in sealed_columns(Base.metadata.sorted_tables):
        if (table, column) not in present:
            continue
        rows = raw.execute(
            f'SELECT rowid, "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'
            f' AND "{column}" != \'\' AND "{column}" NOT LIKE ?',
            ('"' + PREFIX + "%" if is_json else PREFIX + "%",),
        ).fetchall()
        updates = []
        for rowid, value in rows:
            sealed = sealer.seal(value)
            updates.append((json.dumps(sealed) if is_json else sealed, rowid))
        raw.executemany(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', updates)
        count += len(updates)
    for key in SECRET_META if ("meta", "value") in present else ():
        row = raw.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        if row and row[0] and not row[0].startswith(PREFIX):
            raw.execute("UPDATE meta SET value = ? WHERE key = ?", (sealer.seal(row[0]), key))
            count += 1
    return count


def _seal_stored(raw: sqlite3.Connection, sealer: Sealer, spec: SealSpec) -> None:
    """Seal every plain value and record the protection, in one write transaction."""
    raw.execute("BEGIN IMMEDIATE")
    try:
        sweep(raw, sealer)
        raw.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (SEAL_META, spec.to_text())
        )
        raw.execute("COMMIT")
    except BaseException:
        raw.execute("ROLLBACK")
        raise


def compact(archive: Archive) -> None:
    """Fold the write-ahead log into the file and rebuild it, leaving no stale pages."""
    with archive.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.execute("VACUUM")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def seal_copy(path: Path, sealer: Sealer, spec: SealSpec) -> None:
    """Seal the plain sensitive values of another archive file (a backup) with the same key."""
    raw = sqlite3.connect(path, isolation_level=None)
    try:
        raw.execute("PRAGMA secure_delete=ON")
        _seal_stored(raw, sealer, spec)
        raw.execute("VACUUM")
        if raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def _backups_of(path: Path) -> list[Path]:
    from kamdesk.storage.backups import backup_folder, list_backups

    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    return [row.path for row in list_backups(folder, stem=path.stem)]


def _save_spec(archive: Archive, spec: SealSpec) -> None:
    from kamdesk.storage.models import Meta

    with archive.writing() as session:
        session.merge(Meta(key=SEAL_META, value=spec.to_text()))
    archive.sealer.spec = spec


def change_passphrase(archive: Archive, old: str, new: str) -> None:
    """Wrap the same data key under `new` (the sealed values stay as they are)."""
    _rewrap(archive, new, lambda spec: unwrap(spec, old))


def reset_passphrase(archive: Archive, recovery_identity: str, new: str) -> None:
    """Set a new passphrase with the recovery key (an age identity held by headquarters)."""
    _rewrap(archive, new, lambda spec: open_recovery(spec, recovery_identity))


def _rewrap(archive: Archive, new: str, data_key_of: Callable[[SealSpec], bytes]) -> None:
    spec = _spec(archive)
    _check_passphrase(new)
    data_key = data_key_of(spec)
    fresh = wrap(data_key, new, recovery=spec.recovery, recovery_for=spec.recovery_for)
    _save_spec(archive, fresh)
    archive.sealer.use_key(data_key)


def add_recovery(archive: Archive, recipient: str, holder: str) -> None:
    """Let `recipient` (headquarters' age key) reset the passphrase; needs the archive unlocked."""
    spec = _spec(archive)
    if not archive.sealer.unlocked:
        raise ArchiveLocked(_("the archive is locked: unlock it with your passphrase first"))
    recovery = seal_for_recovery(archive.sealer.data_key, recipient)
    fresh = SealSpec(
        salt=spec.salt,
        wrapped=spec.wrapped,
        key_id=spec.key_id,
        n=spec.n,
        r=spec.r,
        p=spec.p,
        recovery=recovery,
        recovery_for=holder,
    )
    _save_spec(archive, fresh)


def _spec(archive: Archive) -> SealSpec:
    if archive.sealer.spec is None:
        raise ProtectionError(_("this archive is not protected by a passphrase"))
    return archive.sealer.spec


__all__ = [
    "ProtectionError",
    "WrongPassphrase",
    "add_recovery",
    "change_passphrase",
    "compact",
    "protect",
    "reset_passphrase",
    "seal_copy",
    "sweep",
]
