"""Alembic migrations of the archive schema, run when an archive is opened."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

HEAD = "0007"
"""The newest revision; a test checks it against the migration scripts."""

KNOWN_REVISIONS = frozenset({"0001", "0002", "0003", "0004", "0005", "0006", "0007"})

_HERE = Path(__file__).parent


def alembic_config() -> object:
    """An Alembic configuration pointing at this folder (Alembic is imported only here)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_HERE))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to `revision` in one transaction."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection  # type: ignore[attr-defined]
        command.upgrade(config, revision)  # type: ignore[arg-type]
