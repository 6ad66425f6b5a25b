"""Headquarters: many managers' exchange packages consolidated into one PostgreSQL database.

The database holds the archive's own tables, made by the same Alembic migrations, and merges
with the same rules as a laptop (kamdesk.sync.merge). HQ's keys live in its `meta` table, the
managers it trusts in `sync_peers`, and which manager each record came from in `hq_owners`.
Nothing here is needed by the desktop; the PostgreSQL driver comes with ``kamdesk[hq]``.
"""

from __future__ import annotations

from kamdesk.domain.errors import KamdeskError
from kamdesk.i18n import _


class HqError(KamdeskError):
    """An HQ command that cannot go ahead; the message says what to do."""


def require_driver() -> None:
    """Raise HqError unless the PostgreSQL driver (psycopg 3) can be loaded."""
    try:
        import psycopg  # noqa: F401 - only to see that it is there
    except ImportError:
        raise HqError(
            _(
                "the HQ commands need the PostgreSQL driver psycopg; install it with: "
                "pip install 'kamdesk[hq]'"
            )
        ) from None
