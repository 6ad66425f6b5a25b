"""Files written whole or not at all, the temporary files that make it so, and a full disk.

A file is first written under a hidden temporary name beside its final one (ending in ``.part``),
synced, then renamed in one step and its folder synced: a crash or a full disk never leaves a
half file under the final name. While a temporary file is in use its writer holds a lock on it
(POSIX ``flock``); the next write into the same folder removes the temporary files nobody holds,
which are the ones a killed or powered-off kamdesk left behind. Where there is no such lock
(Windows, which also refuses to delete a file that is open), a temporary file is removed once it
is a day old.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from kamdesk.domain.errors import KamdeskError

try:
    import fcntl
except ImportError:  # Windows: no flock; see `sweep`
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

PART = ".part"
"""How every temporary file kamdesk writes ends."""

COMPANIONS = ("-journal", "-wal", "-shm")
"""What SQLite adds to the name of a file for its journal: a temporary file that SQLite wrote
(a backup copy) may have them."""

STALE_SECONDS = 24 * 3600
"""Without locks (Windows), a temporary file this old was left by a write that never finished."""

_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
_SQLITE_FULL = 13  # the primary result code SQLite gives when the disk or the database is full


class DiskFull(KamdeskError):
    """The disk filled up: what was being saved or written was not, and nothing was left
    half-written. Each area has its own subclass with its own sentence."""


def is_disk_full(error: BaseException | None) -> bool:
    """Whether `error` (an OSError, a sqlite3 error, or SQLAlchemy's wrapper of one, or any
    error caused by one) means the disk, a quota or the database's size limit is full."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OSError) and error.errno in _FULL_ERRNOS:
            return True
        if isinstance(error, sqlite3.Error):
            code = getattr(error, "sqlite_errorcode", None)
            if isinstance(code, int):
                return code & 0xFF == _SQLITE_FULL
            return "database or disk is full" in str(error)
        wrapped = getattr(error, "orig", None)  # SQLAlchemy's DBAPIError
        error = wrapped if isinstance(wrapped, BaseException) else error.__cause__
    return False


@contextlib.contextmanager
def temporary_file(folder: Path, prefix: str) -> Iterator[Path]:
    """A new, empty hidden file ``{prefix}XXXXXXXX.part`` in `folder`, held against `sweep`
    for the block and removed after it (with any SQLite journal of it) unless it was renamed
    away. Abandoned temporary files with the same prefix are swept first. OSError if the file
    cannot be made."""
    sweep(folder, prefix)
    handle, part = _create(folder, prefix)
    try:
        yield part
    finally:
        for leftover in (part, *(part.with_name(part.name + end) for end in COMPANIONS)):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        if handle is not None:
            os.close(handle)


def _create(folder: Path, prefix: str) -> tuple[int | None, Path]:
    """Make and lock a temporary file; a sweep in another process may remove it between the
    two steps, and then another one is made."""
    while True:
        handle, name = tempfile.mkstemp(prefix=prefix, suffix=PART, dir=folder)
        if fcntl is None:
            os.close(handle)  # Windows cannot rename a file that is open
            return None, Path(name)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            if os.path.samestat(os.fstat(handle), os.stat(name)):
                return handle, Path(name)
        except FileNotFoundError:
            pass
        except BaseException:
            os.close(handle)
            with contextlib.suppress(OSError):
                os.unlink(name)
            raise
        os.close(handle)


def sweep(folder: Path, prefix: str) -> list[Path]:
    """Remove the temporary files in `folder` whose names start with `prefix` that no running
    kamdesk holds (and the SQLite journals left beside them); returns what was removed."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    removed = []
    for name in names:
        if name.startswith(prefix) and name.endswith(PART):
            part = Path(folder) / name
            if _remove_if_abandoned(part):
                removed.append(part)
    for name in names:
        end = next((e for e in COMPANIONS if name.endswith(PART + e)), None)
        if name.startswith(prefix) and end is not None:
            journal = Path(folder) / name
            if not journal.with_name(name[: -len(end)]).exists():
                with contextlib.suppress(FileNotFoundError):
                    journal.unlink()
                    removed.append(journal)
    if removed:
        log.info("removed %d abandoned temporary files from %s", len(removed), folder)
    return removed


def _remove_if_abandoned(part: Path) -> bool:
    try:
        if fcntl is None:
            if time.time() - part.stat().st_mtime <= STALE_SECONDS:
                return False
            part.unlink()
            return True
        handle = os.open(part, os.O_RDONLY)
    except OSError:  # gone meanwhile, or in use (Windows), or not ours to remove
        return False
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if not os.path.samestat(os.fstat(handle), os.stat(part)):
            return False  # renamed away meanwhile; the name now belongs to another file
        part.unlink()
        return True
    except OSError:  # held by a write in progress, or gone meanwhile
        return False
    finally:
        os.close(handle)


def publish(part: Path, final: Path) -> None:
    """Give a finished, synced file its final name in one step, and make the rename durable."""
    os.replace(part, final)
    sync_folder(final.parent)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename, a new file) to disk where the system allows it."""
    if os.name != "posix":
        return  # Windows cannot open a folder; its renames are durable enough
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        log.warning("cannot open %s to sync it: %s", folder, exc)
        return
    try:
        os.fsync(handle)
    except OSError as exc:  # some file systems refuse to sync a folder; the file is in place
        log.warning("cannot sync the folder %s: %s", folder, exc)
    finally:
        os.close(handle)


def fsync_file(path: Path) -> None:
    """Flush a file that another library wrote (SQLite) to disk."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
