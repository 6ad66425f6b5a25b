"""Backups of an archive: integrity-checked copies named by time and reason, rotation that keeps
daily, weekly and monthly copies, and restoring one in place of the archive.

A backup gets its final name only after `PRAGMA quick_check` passed on the written copy (every
page and record read back; the full `integrity_check`, which also matches each index against its
table, runs before a restore), so every file under a backup name is a good one; until then it is
a hidden ``.part`` file, which the next backup removes if a crash left it behind.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from kamdesk.domain.errors import ArchiveError
from kamdesk.i18n import _
from kamdesk.storage.database import Archive, writer_lock
from kamdesk.storage.files import (
    DiskFull,
    fsync_file,
    is_disk_full,
    publish,
    sweep,
    temporary_file,
)
from kamdesk.storage.migrations import KNOWN_REVISIONS

log = logging.getLogger(__name__)

ENV_FOLDER = "KAMDESK_BACKUPS"
"""When set, the folder for the backups of every archive (else `backups` beside the archive)."""

DAILY = "daily"
MANUAL = "manual"
BEFORE_IMPORT = "before-import"
BEFORE_UPGRADE = "before-upgrade"
BEFORE_RESTORE = "before-restore"

KEEP_DAYS = 7
KEEP_WEEKS = 5
KEEP_MONTHS = 12
KEEP_RECENT = 8
"""Copies less than a day old that are all kept (the newest ones), besides the daily ones."""

CHECK_MMAP = 1 << 30
"""Memory-mapped reading for the integrity check: about a third faster on a large archive."""

PART_PREFIX = ".kamdesk-"
"""How the temporary files of backups and restores begin (see kamdesk.storage.files)."""

_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<day>\d{8})-(?P<time>\d{6})(?:\.(?P<n>\d+))?"
    r"-(?P<reason>[a-z]+(?:-[a-z]+)*)(?P<suffix>\.[A-Za-z0-9]+)$"
)
_OLD_NAME = re.compile(  # written by migrations before this module existed
    r"^(?P<stem>.+)-before-\d{4}-(?P<day>\d{8})-(?P<time>\d{6})(?P<suffix>\.[A-Za-z0-9]+)$"
)
_LIVE = "SELECT count(*) - count(deleted_at) FROM {table}"
_COUNTED = ("accounts", "contacts", "visits")
_IDENTITY_KEYS = ("installation_id", "hlc_last")


class BackupError(ArchiveError):
    """A backup or restore that could not be made; nothing was left half-written."""


class DamagedArchive(BackupError):
    """The file to copy fails SQLite's integrity check or is not an archive."""


class BackupDiskFull(BackupError, DiskFull):
    """The disk filled up while a backup or a restore was written; nothing was left behind."""


@dataclass(frozen=True)
class Counts:
    """Records in use in a copy of the archive."""

    accounts: int
    contacts: int
    visits: int


@dataclass(frozen=True)
class BackupRow:
    """One backup file; `counts` None when the file could not be read."""

    path: Path
    taken_at: datetime
    reason: str
    size: int
    counts: Counts | None = None
    stem: str = ""
    sequence: int = 0

    @property
    def reason_text(self) -> str:
        return reason_label(self.reason)


def reason_label(reason: str) -> str:
    """The reason of a backup in words."""
    labels = {
        DAILY: _("start of the day"),
        MANUAL: _("made by hand"),
        BEFORE_IMPORT: _("before an import"),
        BEFORE_UPGRADE: _("before an upgrade"),
        BEFORE_RESTORE: _("before a restore"),
    }
    return labels.get(reason, reason)


def backup_folder(archive_path: Path) -> Path:
    """Where the backups of `archive_path` go: $KAMDESK_BACKUPS, else `backups` beside it."""
    override = os.environ.get(ENV_FOLDER)
    if override:
        return Path(override).expanduser()
    return Path(archive_path).expanduser().resolve().parent / "backups"


# making ---------------------------------------------------------------------------------------


def make_backup(
    source: Archive | Path | str,
    folder: Path | None = None,
    reason: str = MANUAL,
    *,
    target: Path | None = None,
    now: datetime | None = None,
) -> BackupRow:
    """Copy the archive with SQLite's backup API, check the copy, then give it its name.

    The copy goes to `target` if given, else into `folder` (default `backup_folder`) under a name
    with the date, time and `reason`. Raises BackupError (DamagedArchive when the copy fails the
    integrity check); then no file is left behind and an earlier file at `target` is untouched.
    """
    path = _archive_path(source)
    if not path.is_file():
        raise BackupError(_("there is no archive at {p}").format(p=path))
    when = (now or datetime.now()).replace(microsecond=0)
    if target is None:
        final = _free_name(folder or backup_folder(path), path, when, reason)
    else:
        final = Path(target).expanduser().resolve()
        if final == path:
            raise BackupError(_("a backup cannot be written over the archive itself"))
    final.parent.mkdir(parents=True, exist_ok=True)
    with _scratch(final.parent, path) as part:
        try:
            _copy(path, part)
        except sqlite3.DatabaseError as exc:
            raise _failure(path, exc, folder=final.parent) from exc
        counts = _verify(part, path)
        publish(part, final)
    log.info("backed up %s to %s (%s)", path, final, reason)
    match = _NAME.match(final.name)
    return BackupRow(
        final,
        when,
        reason,
        final.stat().st_size,
        counts,
        path.stem,
        int(match["n"] or 0) if match else 0,
    )


def auto_backup(
    source: Archive | Path | str, reason: str, *, now: datetime | None = None
) -> BackupRow | None:
    """A backup into the archive's backup folder followed by rotation; None for an empty
    archive (there is nothing to lose, and a new archive stays quick to create)."""
    path = _archive_path(source)
    if not path.is_file() or is_empty(path):
        return None
    now = now or datetime.now()
    folder = backup_folder(path)
    row = make_backup(path, folder, reason, now=now)
    rotate(folder, now, stem=path.stem)
    return row


def daily_backup(source: Archive | Path | str, *, now: datetime | None = None) -> BackupRow | None:
    """The start-of-day backup: made unless the archive already has a backup from today (then
    only what an interrupted backup left in the folder is removed)."""
    path = _archive_path(source)
    now = now or datetime.now()
    folder = backup_folder(path)
    if any(row.taken_at.date() == now.date() for row in scan(folder, stem=path.stem)):
        sweep(folder, PART_PREFIX)
        return None
    return auto_backup(path, DAILY, now=now)


def is_empty(path: Path) -> bool:
    """Whether the archive holds nothing but its identity (no record, setting, key or peer)."""
    try:
        with contextlib.closing(_live(path)) as raw:
            tables = [
                name
                for (name,) in raw.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite_%' AND name NOT IN ('alembic_version', 'meta')"
                )
            ]
            for table in tables:
                quoted = '"' + table.replace('"', '""') + '"'
                if raw.execute(f"SELECT 1 FROM {quoted} LIMIT 1").fetchone():
                    return False
            if "meta" not in _tables(raw):
                return not tables
            marks = ",".join("?" * len(_IDENTITY_KEYS))
            other = raw.execute(
                f"SELECT 1 FROM meta WHERE key NOT IN ({marks}) LIMIT 1", _IDENTITY_KEYS
            ).fetchone()
            return other is None
    except sqlite3.DatabaseError:
        return False  # not readable as it is: a backup attempt will say what is wrong


def _copy(path: Path, part: Path) -> None:
    """SQLite's backup API from the (possibly open) archive into `part`, as a self-contained
    file with a rollback journal, so it can later be read without leaving -wal/-shm files."""
    with (
        contextlib.closing(sqlite3.connect(path, timeout=10)) as source,
        contextlib.closing(sqlite3.connect(part)) as dest,
    ):
        source.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    fsync_file(part)


def _verify(part: Path, source: Path) -> Counts:
    """The integrity check and the record counts of a freshly written copy."""
    try:
        with contextlib.closing(_connect_backup(part)) as raw:
            raw.execute(f"PRAGMA mmap_size={CHECK_MMAP}")
            problems = [row[0] for row in raw.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise DamagedArchive(
                    _(
                        "the copy of {p} fails SQLite's integrity check ({e}); no backup was "
                        "kept. The archive itself may be damaged: run `kamdesk check`"
                    ).format(p=source, e="; ".join(problems[:3]))
                )
            if "alembic_version" not in _tables(raw):
                raise DamagedArchive(_("{p} is not a kamdesk archive").format(p=source))
            return _counts(raw)
    except sqlite3.DatabaseError as exc:
        raise _failure(source, exc, folder=part.parent) from exc


def _failure(path: Path, exc: sqlite3.DatabaseError, *, folder: Path) -> BackupError:
    """The sentence for a copy of `path` (into `folder`) that failed."""
    if is_disk_full(exc):
        return _disk_full(path, folder)
    text = str(exc)
    if "locked" in text or "busy" in text:
        return BackupError(
            _("{p} is busy in another program; try again in a moment").format(p=path)
        )
    if isinstance(exc, sqlite3.OperationalError):
        return BackupError(_("could not back up {p}: {e}").format(p=path, e=exc))
    return DamagedArchive(
        _("{p} cannot be read as an archive ({e}); run `kamdesk check`").format(p=path, e=exc)
    )


# listing and rotating ---------------------------------------------------------------------------


def scan(folder: Path, *, stem: str | None = None) -> list[BackupRow]:
    """The backups in `folder` (of the archive named `stem`, or all), newest first, from their
    names alone: quick, nothing is opened."""
    rows = []
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    for entry in entries:
        row = _parse(Path(entry.path))
        if row is None or (stem is not None and row.stem != stem) or not entry.is_file():
            continue
        rows.append(replace(row, size=entry.stat().st_size))
    rows.sort(key=lambda r: (r.taken_at, r.sequence, r.path.name), reverse=True)
    return rows


def list_backups(folder: Path, *, stem: str | None = None) -> list[BackupRow]:
    """`scan` with each file's record counts, read from the copy without changing it."""
    return [replace(row, counts=read_counts(row.path)) for row in scan(folder, stem=stem)]


def read_counts(path: Path, *, live: bool = False) -> Counts | None:
    """Accounts, contacts and visits in use in a backup (or, `live`, in an archive that may be
    open); None if it cannot be read."""
    try:
        with contextlib.closing(_live(path) if live else _connect_backup(path)) as raw:
            return _counts(raw)
    except sqlite3.DatabaseError:
        return None


def rotate(folder: Path, now: datetime, *, stem: str | None = None) -> list[Path]:
    """Delete the backups the policy no longer keeps; returns what was deleted.

    Kept, for each archive: every copy less than a day old (the newest `KEEP_RECENT`), the
    newest copy of each of the last 7 days, 5 weeks and 12 months, and always the newest copy.
    Files whose names are not backup names are never touched.
    """
    rows = scan(folder, stem=stem)
    groups: dict[str, list[BackupRow]] = {}
    for row in rows:
        groups.setdefault(row.stem, []).append(row)
    removed = []
    for group in groups.values():
        keep = kept(group, now)
        for row in group:
            if row.path not in keep:
                with contextlib.suppress(FileNotFoundError):
                    row.path.unlink()
                    removed.append(row.path)
    sweep(folder, PART_PREFIX)  # the temporary files of backups that never finished
    if removed:
        log.info("rotation removed %d backups from %s", len(removed), folder)
    return removed


def kept(rows: list[BackupRow], now: datetime) -> set[Path]:
    """The files of one archive's backups that rotation keeps."""
    newest_first = sorted(rows, key=lambda r: (r.taken_at, r.sequence), reverse=True)
    if not newest_first:
        return set()
    keep = {newest_first[0].path}
    keep |= {r.path for r in newest_first if r.taken_at > now}  # a clock set back: leave them
    recent = [r for r in newest_first if now - timedelta(days=1) < r.taken_at <= now]
    keep |= {r.path for r in recent[:KEEP_RECENT]}
    today = now.date()
    days = {today - timedelta(days=n) for n in range(KEEP_DAYS)}
    monday = today - timedelta(days=today.weekday())
    weeks = {monday - timedelta(weeks=n) for n in range(KEEP_WEEKS)}
    months = {_month_back(today, n) for n in range(KEEP_MONTHS)}
    for wanted, period in (
        (days, lambda d: d),
        (weeks, lambda d: d - timedelta(days=d.weekday())),
        (months, lambda d: d.replace(day=1)),
    ):
        seen: set[date] = set()
        for row in newest_first:
            key = period(row.taken_at.date())
            if row.taken_at <= now and key in wanted and key not in seen:
                seen.add(key)
                keep.add(row.path)
    return keep


def _month_back(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _parse(path: Path) -> BackupRow | None:
    match = _NAME.match(path.name)
    reason = match["reason"] if match else BEFORE_UPGRADE
    match = match or _OLD_NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match["day"] + match["time"], "%Y%m%d%H%M%S")
    except ValueError:
        return None
    sequence = int(match.groupdict().get("n") or 0)
    return BackupRow(path, taken, reason, 0, None, match["stem"], sequence)


def _free_name(folder: Path, archive: Path, when: datetime, reason: str) -> Path:
    suffix = archive.suffix or ".kamdesk"
    stamp = when.strftime("%Y%m%d-%H%M%S")
    name = f"{archive.stem}-{stamp}-{reason}{suffix}"
    sequence = 1
    while (folder / name).exists():
        sequence += 1
        name = f"{archive.stem}-{stamp}.{sequence}-{reason}{suffix}"
    return folder / name


# restoring ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestorePlan:
    """What restoring `backup` over `archive` would do, shown before it is done."""

    archive: Path
    backup: Path
    revision: str
    backup_counts: Counts
    current_counts: Counts | None  # None: no archive there yet, or it cannot be read


def plan_restore(archive_path: Path, backup: Path) -> RestorePlan:
    """Check that `backup` is an archive this kamdesk can open, and read what both hold."""
    archive_path = Path(archive_path).expanduser().resolve()
    backup = Path(backup).expanduser().resolve()
    if backup == archive_path:
        raise BackupError(_("{p} is the archive itself, not a backup of it").format(p=backup))
    if not backup.is_file():
        raise BackupError(_("there is no backup at {p}").format(p=backup))
    try:
        with contextlib.closing(_connect_backup(backup)) as raw:
            if "alembic_version" not in _tables(raw):
                raise BackupError(_("{p} is not a kamdesk archive").format(p=backup))
            row = raw.execute("SELECT version_num FROM alembic_version").fetchone()
            counts = _counts(raw)
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            _("{p} cannot be read as a kamdesk archive ({e})").format(p=backup, e=exc)
        ) from exc
    revision = str(row[0]) if row else ""
    if revision not in KNOWN_REVISIONS:
        raise BackupError(
            _("{p} was written by a newer kamdesk (schema {r}); update kamdesk first").format(
                p=backup, r=revision
            )
        )
    current = read_counts(archive_path, live=True) if archive_path.is_file() else None
    return RestorePlan(archive_path, backup, revision, counts, current)


def restore(
    archive_path: Path, backup: Path, folder: Path | None = None, *, now: datetime | None = None
) -> BackupRow | None:
    """Put `backup` in place of the archive; returns the backup made of the state before.

    Holds the writer lock throughout (ArchiveBusy if the archive is open elsewhere). In order:
    the backup is checked; the current state is backed up ("before-restore"; a damaged archive
    is kept as it is, beside the backups); the backup is copied beside the archive and checked
    again; the archive's -wal is checkpointed away; then the copy replaces the archive in one
    rename. Any failure before the rename leaves the archive as it was.
    """
    the_plan = plan_restore(archive_path, backup)
    path = the_plan.archive
    now = now or datetime.now()
    folder = folder or backup_folder(path)
    with writer_lock(path):
        _check_integrity(the_plan.backup)
        before = None
        if path.is_file() and not is_empty(path):
            try:
                before = make_backup(path, folder, BEFORE_RESTORE, now=now)
            except DamagedArchive:
                _keep_damaged(path, folder, now)
        path.parent.mkdir(parents=True, exist_ok=True)
        with _scratch(path.parent, path, restoring=True) as part:
            try:
                with (
                    contextlib.closing(_connect_backup(the_plan.backup)) as source,
                    contextlib.closing(sqlite3.connect(part)) as dest,
                ):
                    source.backup(dest)
                    dest.execute("PRAGMA journal_mode=DELETE")
                fsync_file(part)
            except sqlite3.DatabaseError as exc:
                if is_disk_full(exc):
                    raise _disk_full(path, path.parent, restoring=True) from exc
                raise _failure(the_plan.backup, exc, folder=path.parent) from exc
            _check_integrity(part)
            _retire_journal(path)
            publish(part, path)
    if before is not None:
        rotate(folder, now, stem=path.stem)
    log.info("restored %s from %s", path, the_plan.backup)
    return before


def _check_integrity(path: Path) -> None:
    try:
        with contextlib.closing(_connect_backup(path)) as raw:
            raw.execute(f"PRAGMA mmap_size={CHECK_MMAP}")
            problems = [row[0] for row in raw.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    if problems != ["ok"]:
        raise DamagedArchive(
            _("{p} fails SQLite's integrity check ({e}); nothing was restored").format(
                p=path, e="; ".join(problems[:3])
            )
        )


def _retire_journal(path: Path) -> None:
    """Fold the archive's -wal into it and remove -wal and -shm, so no old journal is applied
    to the restored file. Needs everyone else to have closed it: else it refuses."""
    wal, shm = (path.with_name(path.name + end) for end in ("-wal", "-shm"))
    if not (wal.exists() or shm.exists()):
        return
    try:
        with contextlib.closing(sqlite3.connect(path, timeout=0)) as raw:
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            mode = raw.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise sqlite3.OperationalError("database is locked")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise BackupError(
                _("{p} is still open in another program; close it there first").format(p=path)
            ) from exc
        _discard_journal(wal, shm)
    except sqlite3.DatabaseError:  # damaged: its files were kept beside the backups
        _discard_journal(wal, shm)


def _discard_journal(*files: Path) -> None:
    for file in files:
        with contextlib.suppress(FileNotFoundError):
            file.unlink()


def _keep_damaged(path: Path, folder: Path, now: datetime) -> None:
    """Keep an archive that cannot be backed up (it is damaged) as it is, with its -wal, under a
    name rotation does not touch, before a restore replaces it."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    base = f"{path.stem}-{now:%Y%m%d-%H%M%S}-damaged{path.suffix}"
    for end in ("", "-wal"):
        source = path.with_name(path.name + end)
        if source.exists():
            with _scratch(folder, path) as part:
                shutil.copyfile(source, part)
                fsync_file(part)
                publish(part, folder / (base + end + ".kept"))
    log.warning("kept the damaged archive %s in %s before restoring", path, folder)


# files ----------------------------------------------------------------------------------------


@contextlib.contextmanager
def _scratch(folder: Path, archive: Path, *, restoring: bool = False) -> Iterator[Path]:
    """A hidden temporary file in `folder` for a copy of `archive`, removed unless it was
    renamed away; the ones interrupted backups left there are removed first."""
    try:
        with temporary_file(folder, PART_PREFIX) as part:
            yield part
    except OSError as exc:
        if is_disk_full(exc):
            raise _disk_full(archive, folder, restoring=restoring) from exc
        raise BackupError(_("cannot write in {f}: {e}").format(f=folder, e=exc.strerror)) from exc


def _disk_full(archive: Path, folder: Path, *, restoring: bool = False) -> BackupDiskFull:
    if restoring:
        text = _(
            "the disk holding {f} is full, so {p} was not restored; free some space and try again"
        )
    else:
        text = _(
            "the disk holding {f} is full, so {p} was not backed up; free some space (or remove "
            "old backups) and try again"
        )
    return BackupDiskFull(text.format(f=folder, p=archive))


def _connect_backup(path: Path) -> sqlite3.Connection:
    """A backup file (which nobody writes to) opened for reading without creating or changing
    any file, not even a -shm."""
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro&immutable=1", uri=True)


def _live(path: Path) -> sqlite3.Connection:
    """An archive that may be open in this or another process, for a short read."""
    return sqlite3.connect(path, timeout=10)


def _tables(raw: sqlite3.Connection) -> set[str]:
    return {name for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _counts(raw: sqlite3.Connection) -> Counts:
    present = _tables(raw)
    numbers = [
        int(raw.execute(_LIVE.format(table=table)).fetchone()[0]) if table in present else 0
        for table in _COUNTED  # names from the constant above, never from input
    ]
    return Counts(*numbers)


def _archive_path(source: Archive | Path | str) -> Path:
    return source.path if isinstance(source, Archive) else Path(source).expanduser().resolve()
