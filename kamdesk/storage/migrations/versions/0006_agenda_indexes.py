"""Covering indexes for the agenda and the engine: read index pages only, never the wide rows.

The agenda reads the anniversaries of the days in its window from one index that holds every
column it shows, and the names of their accounts and contacts from two small ones; it no longer
needs the (month, day) index, which this revision drops.

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_anniversaries_month_day", "anniversaries")
    op.create_index(
        "ix_anniversaries_recurring",
        "anniversaries",
        [
            "calendar",
            "leap_month",
            "month",
            "day",
            "deleted_at",
            "account_id",
            "contact_id",
            "family_member",
            "kind",
            "year",
            "lead_days",
            "id",
        ],
    )
    op.create_index("ix_accounts_names", "accounts", ["id", "deleted_at", "name", "short_name"])
    op.create_index("ix_contacts_names", "contacts", ["id", "deleted_at", "name"])


def downgrade() -> None:
    op.drop_index("ix_contacts_names", "contacts")
    op.drop_index("ix_accounts_names", "accounts")
    op.drop_index("ix_anniversaries_recurring", "anniversaries")
    op.create_index("ix_anniversaries_month_day", "anniversaries", ["month", "day"])
