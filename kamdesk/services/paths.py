"""Where things live on disk: the default archive follows the platform's conventions."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DB = "KAMDESK_DB"


def default_archive_path() -> Path:
    """`KAMDESK_DB` if set, else `archive.kamdesk` in the user data folder."""
    override = os.environ.get(ENV_DB)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("kamdesk", appauthor=False) / "archive.kamdesk"
