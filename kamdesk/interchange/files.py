"""Writing an export file whole or not at all."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kamdesk.domain.errors import KamdeskError
from kamdesk.i18n import _


class ExportError(KamdeskError):
    """A file could not be written where asked; nothing was left under its name."""


def replace_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Let `write` fill a temporary file beside `path`, flush it to disk, then rename it to
    `path`. On any failure the temporary file is removed and `path` is as it was; a disk or
    permission error becomes an ExportError with a sentence."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with open(partial, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ExportError(_("cannot write {p}: {e}").format(p=path, e=exc.strerror or exc)) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
