"""Opening an archive file: engine settings, the writer lock, migrations, transactions."""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kamdesk.domain.errors import ArchiveBusy, ArchiveError, KamdeskError, SchemaTooNew
from kamdesk.domain.hlc import HybridClock, Stamp
from kamdesk.i18n import _
from kamdesk.storage.files import DiskFull, is_disk_full
from kamdesk.storage.migrations import HEAD, KNOWN_REVISIONS
from kamdesk.storage.sealing import SEAL_META, Sealer, SealSpec, attach

log = logging.getLogger(__name__)

_WRITE = "kamdesk_write"


def _configure(engine: Engine) -> None:
    """Pragmas on every connection; explicit BEGIN (IMMEDIATE for writers) instead of pysqlite's."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA secure_delete=ON")  # freed pages are zeroed, not left readable
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        write = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def read_revision(path: Path) -> str | None:
    """The schema revision recorded in an archive file, or None for a new or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as raw:
            row = raw.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            if row is None:
                tables = raw.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if tables:
                    raise ArchiveError(
                        _("{p} is a SQLite file but not a kamdesk archive").format(p=path)
                    )
                return None
            version = raw.execute("SELECT version_num FROM alembic_version").fetchone()
            return str(version[0]) if version else None
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(_("{p} is not a kamdesk archive ({e})").format(p=path, e=exc)) from exc


class ArchiveDiskFull(ArchiveError, DiskFull):
    """The disk filled up during a save: nothing of the change was kept."""


@dataclass
class Archive:
    """An open archive file: the engine, the clock that stamps changes, and the writer lock."""

    path: Path
    engine: Engine
    writable: bool
    installation_id: str
    clock: HybridClock
    _lock: FileLock | None = field(default=None, repr=False)
    sealer: Sealer = field(default_factory=Sealer, repr=False)
    """Seals and opens the fields labelled sensitive (see kamdesk.storage.sealing)."""

    @classmethod
    def open(cls, path: Path | str, *, write: bool = True) -> Archive:
        """Open (creating or upgrading as needed) the archive at `path`.

        A writer holds a lock for as long as the archive is open, so a second writer is refused;
        readers need no lock except while an upgrade runs.
        """
        path = Path(path).expanduser().resolve()
        if path.is_dir():
            raise ArchiveError(_("{p} is a folder, not an archive file").format(p=path))
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = _acquire(path) if write else None
        try:
            revision = read_revision(path)
            if revision is not None and revision not in KNOWN_REVISIONS:
                raise SchemaTooNew(
                    _("{p} was written by a newer kamdesk (schema {r}); update kamdesk").format(
                        p=path, r=revision
                    )
                )
            engine = create_engine(f"sqlite+pysqlite:///{path}")
            _configure(engine)
            if revision != HEAD:
                _upgrade(path, engine, revision, lock)
            installation_id, last, seal = _load_identity(engine)
            sealer = Sealer(SealSpec.from_text(seal) if seal else None)
            attach(engine, sealer)
            if write:
                _daily_backup(path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        clock = HybridClock(installation_id, last)
        return cls(path, engine, write, installation_id, clock, lock, sealer)

    def close(self) -> None:
        """Release the engine and the writer lock (and forget the data key)."""
        self.sealer.lock()
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reading one consistent snapshot."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def raw_reading(self) -> Iterator[sqlite3.Connection]:
        """The driver connection inside one read transaction, for the hottest read paths."""
        with self.engine.connect() as connection:
            raw = connection.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            raw.execute("BEGIN")
            try:
                yield raw
            finally:
                raw.execute("COMMIT")

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction: all of it is committed, or none of it on any error."""
        if not self.writable:
            raise ArchiveError(_("this archive was opened read-only"))
        bind = self.engine.execution_options(**{_WRITE: True})
        try:
            with Session(bind, expire_on_commit=False) as session, session.begin():
                yield session
                _save_clock(session, self.clock.last)
        except (DBAPIError, sqlite3.Error) as exc:
            if is_disk_full(exc):
                raise ArchiveDiskFull(
                    _(
                        "the disk holding {f} is full, so this change was not saved and the "
                        "archive is as it was; free some space and try again"
                    ).format(f=self.path.parent)
                ) from exc
            raise

    def stamp(self) -> str:
        """A fresh change stamp from this installation's clock."""
        return self.clock.now().encode()


def _acquire(path: Path) -> FileLock:
    lock = FileLock(str(path) + ".lock", thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise ArchiveBusy(
            _("{p} is open for writing in another kamdesk; close it there first").format(p=path)
        ) from exc
    return lock


@contextmanager
def writer_lock(path: Path) -> Iterator[None]:
    """Hold the writer lock of the archive at `path` for the block (ArchiveBusy at once if
    another kamdesk holds it)."""
    lock = _acquire(Path(path).expanduser().resolve())
    try:
        yield
    finally:
        lock.release()


def _upgrade(path: Path, engine: Engine, revision: str | None, lock: FileLock | None) -> None:
    """Bring the schema to HEAD, after a backup copy when there is data to protect."""
    from kamdesk.storage.backups import BEFORE_UPGRADE, auto_backup
    from kamdesk.storage.migrations import upgrade

    held = lock or _acquire(path)
    try:
        if read_revision(path) == HEAD:  # another reader upgraded it meanwhile
            return
        if revision is not None:
            copy = auto_backup(path, BEFORE_UPGRADE)
            if copy is not None:
                log.info("backed up %s to %s before upgrading from %s", path, copy.path, revision)
        upgrade(engine.execution_options(**{_WRITE: True}))
    finally:
        if lock is None:
            held.release()


def _daily_backup(path: Path) -> None:
    """The first writer of the day backs the archive up; a failure is logged, not fatal (the
    archive itself is fine, and the user needs it)."""
    from kamdesk.storage.backups import daily_backup

    try:
        daily_backup(path)
    except (KamdeskError, OSError, sqlite3.Error) as exc:
        log.warning("no start-of-day backup of %s: %s", path, exc)


def _load_identity(engine: Engine) -> tuple[str, Stamp | None, str | None]:
    from kamdesk.storage.models import Meta

    with Session(engine) as session:
        values = {m.key: m.value for m in session.scalars(select(Meta))}
    installation_id = values.get("installation_id")
    if installation_id is None:
        raise ArchiveError(_("the archive has no installation id; run `kamdesk check`"))
    last = values.get("hlc_last")
    return installation_id, Stamp.decode(last) if last else None, values.get(SEAL_META)


def _save_clock(session: Session, last: Stamp) -> None:
    from kamdesk.storage.models import Meta

    session.merge(Meta(key="hlc_last", value=last.encode()))


def new_installation_id() -> str:
    """A fresh id for this installation of kamdesk (the node of its clock)."""
    return uuid.uuid4().hex[:16]
