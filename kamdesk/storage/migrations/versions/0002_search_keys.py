"""Search keys (characters, pinyin, initials, phone suffixes) for accounts and contacts.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_keys",
        sa.Column("inner", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=1), nullable=False),
        sa.PrimaryKeyConstraint("inner", "key", "entity_id", name=op.f("pk_search_keys")),
        sqlite_with_rowid=False,
    )
    # The keys are derived data: compute them for the records already in the archive.
    from kamdesk.storage.search_index import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_table("search_keys")
