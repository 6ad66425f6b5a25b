"""Standing cache: the engine's tier, next visit and risk per account, for sorting lists in SQL.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "standing_cache",
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("tier", sa.String(length=1), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("next_visit_due", sa.Date(), nullable=True),
        sa.Column("visit_overdue_days", sa.Integer(), nullable=False),
        sa.Column("risk_score", sa.Integer(), nullable=False),
        sa.Column("computed_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_standing_cache")),
    )
    op.create_index("ix_standing_cache_tier", "standing_cache", ["tier"])
    op.create_index("ix_standing_cache_next_due", "standing_cache", ["next_visit_due"])


def downgrade() -> None:
    op.drop_table("standing_cache")
