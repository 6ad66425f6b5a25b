"""Relationship engine: settings, greetings, points ledger, tier override, billing history.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "point_entries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("entry_on", sa.Date(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "earned",
                "redeemed",
                "expired",
                "adjusted",
                name="pointkind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_batch", sa.String(length=36), nullable=True),
        sa.Column("created_hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_point_entries_account_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_point_entries")),
    )
    op.create_index(
        "ix_point_entries_account_on", "point_entries", ["account_id", "entry_on"], unique=False
    )
    op.create_table(
        "greetings",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("contact_id", sa.String(length=36), nullable=True),
        sa.Column("occasion", sa.String(length=40), nullable=False),
        sa.Column(
            "channel",
            sa.Enum(
                "wechat",
                "sms",
                "phone",
                "email",
                "card",
                "gift",
                "visit",
                name="greetingchannel",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_batch", sa.String(length=36), nullable=True),
        sa.Column("created_hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_greetings_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_greetings_contact_id_contacts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_greetings")),
    )
    op.create_index(op.f("ix_greetings_account_id"), "greetings", ["account_id"], unique=False)
    op.create_index(
        "ix_greetings_contact_sent", "greetings", ["contact_id", "sent_on"], unique=False
    )
    op.add_column(
        "accounts",
        sa.Column(
            "billing_cycle_before",
            sa.Enum(
                "annual", "quarterly", "monthly", name="billingcycle", native_enum=False, length=20
            ),
            nullable=True,
        ),
    )
    op.add_column("accounts", sa.Column("billing_cycle_changed_on", sa.Date(), nullable=True))
    op.add_column(
        "accounts",
        sa.Column(
            "tier_override",
            sa.Enum("A", "B", "C", name="tier", native_enum=False, length=20),
            nullable=True,
        ),
    )
    op.add_column(
        "accounts", sa.Column("tier_override_reason", sa.Text(), server_default="", nullable=False)
    )

    # The agenda looks up anniversaries by day, renewals and issues by due date.
    op.create_index("ix_anniversaries_month_day", "anniversaries", ["month", "day"])
    op.create_index("ix_customer_issues_due_on", "customer_issues", ["due_on"])
    op.create_index(op.f("ix_accounts_renewal_date"), "accounts", ["renewal_date"])


def downgrade() -> None:
    op.drop_index("ix_accounts_renewal_date", "accounts")
    op.drop_index("ix_customer_issues_due_on", "customer_issues")
    op.drop_index("ix_anniversaries_month_day", "anniversaries")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("tier_override_reason")
        batch.drop_column("tier_override")
        batch.drop_column("billing_cycle_changed_on")
        batch.drop_column("billing_cycle_before")
    op.drop_table("greetings")
    op.drop_table("point_entries")
    op.drop_table("settings")
