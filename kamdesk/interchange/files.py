"""Writing an export file (a vCard, a report, a package, a key card) whole or not at all."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kamdesk.domain.errors import KamdeskError
from kamdesk.i18n import _
from kamdesk.storage.files import DiskFull, is_disk_full, publish, temporary_file


class ExportError(KamdeskError):
    """A file could not be written where asked; nothing was left under its name."""


class ExportDiskFull(ExportError, DiskFull):
    """The disk filled up while the file was written; nothing was left under its name."""


def export_error(path: Path, error: OSError) -> ExportError:
    """The sentence for a file that could not be written: a full disk says so."""
    reason = error.strerror or str(error)
    if is_disk_full(error):
        return ExportDiskFull(
            _("cannot write {p}: the disk is full ({e}); free some space and try again").format(
                p=path, e=reason
            )
        )
    return ExportError(_("cannot write {p}: {e}").format(p=path, e=reason))


def replace_atomically(
    path: Path,
    write: Callable[[BinaryIO], None],
    *,
    error: Callable[[Path, OSError], Exception] = export_error,
) -> None:
    """Let `write` fill a temporary file beside `path`, sync it to disk, rename it to `path` and
    sync the folder. On any failure the temporary file is removed and `path` is as it was; a
    disk or permission error is raised as `error(path, the OSError)` (an ExportError with a
    sentence unless the caller has its own). Temporary files of `path` that a killed kamdesk
    left behind are removed first."""
    path = Path(path)
    try:
        with temporary_file(path.parent, f".{path.name}.") as part:
            with open(part, "wb") as out:
                write(out)
                out.flush()
                os.fsync(out.fileno())
            publish(part, path)
    except OSError as exc:
        raise error(path, exc) from exc
