"""Covering indexes for the engine: it sums figures and visits per account from index pages.

The (account, year) and (account, time) indexes gain the columns the engine adds up, so it
reads neither the account_years rows nor the wide visit rows (notes, outcomes).

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_account_years_account_year", "account_years")
    op.create_index(
        "ix_account_years_account_year",
        "account_years",
        ["account_id", "year", "deleted_at", "revenue", "gross_profit"],
    )
    op.drop_index("ix_visits_account_when", "visits")
    op.create_index(
        "ix_visits_account_when",
        "visits",
        ["account_id", "occurred_at", "deleted_at", "kind", "satisfaction", "cost"],
    )


def downgrade() -> None:
    op.drop_index("ix_visits_account_when", "visits")
    op.create_index("ix_visits_account_when", "visits", ["account_id", "occurred_at"])
    op.drop_index("ix_account_years_account_year", "account_years")
    op.create_index("ix_account_years_account_year", "account_years", ["account_id", "year"])
