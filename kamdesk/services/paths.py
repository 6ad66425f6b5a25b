"""Where things live on disk: the default archive follows the platform's conventions."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DB = "KAMDESK_DB"
ENV_LOGS = "KAMDESK_LOGS"
LOG_BYTES = 1_000_000
LOG_COPIES = 5


def default_archive_path() -> Path:
    """`KAMDESK_DB` if set, else `archive.kamdesk` in the user data folder."""
    override = os.environ.get(ENV_DB)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("kamdesk", appauthor=False) / "archive.kamdesk"


def log_folder() -> Path:
    """`KAMDESK_LOGS` if set, else the platform's user log folder for kamdesk."""
    override = os.environ.get(ENV_LOGS)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_log_path

    return user_log_path("kamdesk", appauthor=False)


def start_log(folder: Path | None = None) -> Path | None:
    """Send kamdesk's log (warnings and errors, with their tracebacks) to a rotating file in
    `folder` (default: `log_folder()`): at most LOG_COPIES old files of LOG_BYTES each. Returns
    the file, or None when the folder cannot be written (then nothing is logged to disk)."""
    import logging
    from logging.handlers import RotatingFileHandler

    path = (folder or log_folder()) / "kamdesk.log"
    logger = logging.getLogger("kamdesk")
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_COPIES, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return path
