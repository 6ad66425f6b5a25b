"""The first archive schema: accounts, contacts, preferences, anniversaries, visits, issues.

Revision ID: 0001
Revises:
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("short_name", sa.String(length=100), nullable=False),
        sa.Column("industry", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "prospect",
                "active",
                "dormant",
                "lost",
                name="accountstatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("executive_sponsor", sa.String(length=100), nullable=False),
        sa.Column("cooperation_since", sa.Date(), nullable=True),
        sa.Column("renewal_date", sa.Date(), nullable=True),
        sa.Column(
            "billing_cycle",
            sa.Enum(
                "annual", "quarterly", "monthly", name="billingcycle", native_enum=False, length=20
            ),
            nullable=True,
        ),
        sa.Column("cost_to_serve", sa.Integer(), nullable=False),
        sa.Column("potential", sa.Integer(), nullable=False),
        sa.Column("development_cost", sa.Integer(), nullable=False),
        sa.Column("is_key_account", sa.Boolean(), nullable=False),
        sa.Column("key_account_reason", sa.Text(), nullable=False),
        sa.Column("business_situation", sa.Text(), nullable=False),
        sa.Column("technical_situation", sa.Text(), nullable=False),
        sa.Column("innovation_goals", sa.Text(), nullable=False),
        sa.Column("products_in_use", sa.Text(), nullable=False),
        sa.Column("decision_process", sa.Text(), nullable=False),
        sa.Column("potential_needs", sa.Text(), nullable=False),
        sa.Column("company_news", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_batch", sa.String(length=36), nullable=True),
        sa.Column("created_hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
    )
    op.create_index(op.f("ix_accounts_name"), "accounts", ["name"], unique=False)
    op.create_table(
        "meta",
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_meta")),
    )
    op.create_table(
        "account_years",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("revenue", sa.Integer(), nullable=False),
        sa.Column("gross_profit", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_batch", sa.String(length=36), nullable=True),
        sa.Column("created_hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_account_years_account_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_years")),
    )
    op.create_index(
        "ix_account_years_account_year", "account_years", ["account_id", "year"], unique=False
    )
    op.create_table(
        "contacts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "owner",
                "vp",
                "director",
                "manager",
                "staff",
                name="contactlevel",
                native_enum=False,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column("reports_to_id", sa.String(length=36), nullable=True),
        sa.Column(
            "buying_role",
            sa.Enum(
                "decision_maker",
                "influencer",
                "user",
                "gatekeeper",
                "champion",
                name="buyingrole",
                native_enum=False,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column(
            "attitude",
            sa.Enum(
                "supporter", "neutral", "opponent", name="attitude", native_enum=False, length=20
            ),
            nullable=True,
        ),
        sa.Column("strength", sa.Integer(), nullable=True),
        sa.Column("our_owner", sa.String(length=100), nullable=False),
        sa.Column("phones", sa.JSON(), nullable=False),
        sa.Column("emails", sa.JSON(), nullable=False),
        sa.Column("wechat_id", sa.String(length=100), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("preferred_channel", sa.String(length=50), nullable=False),
        sa.Column("preferred_time", sa.String(length=100), nullable=False),
        sa.Column("hometown", sa.String(length=100), nullable=False),
        sa.Column("education", sa.String(length=200), nullable=False),
        sa.Column("family_members", sa.Text(), nullable=False),
        sa.Column("children", sa.Text(), nullable=False),
        sa.Column("hobbies", sa.Text(), nullable=False),
        sa.Column("health_notes", sa.Text(), nullable=False),
        sa.Column("income_range", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_batch", sa.String(length=36), nullable=True),
        sa.Column("created_hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_contacts_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["reports_to_id"], ["contacts.id"], name=op.f("fk_contacts_reports_to_id_contacts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    op.create_index(op.f("ix_contacts_account_id"), "contacts", ["account_id"], unique=False)
    op.create_index(op.f("ix_contacts_name"), "contacts", ["name"], unique=False)
    op.create_index(op.f("ix_contacts_reports_to_id"), "contacts", ["reports_to_id"], unique=False)
    op.create_table(
        "visits",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "on_site",
                "phone",
                "wechat",
                "dinner",
                "event",
                "executive",
                name="visitkind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("our_participants", sa.JSON(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("needs_learned", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("next_steps", sa.Text(), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("cost", sa.Integer(), nullable=False),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_batch", sa.String(length=36), nullable=True),
        sa.Column("created_hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_visits_account_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
    )
    op.create_index("ix_visits_account_when", "visits", ["account_id", "occurred_at"], unique=False)
    op.create_index(op.f("ix_visits_follow_up_on"), "visits", ["follow_up_on"], unique=False)
    op.create_table(
        "anniversaries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("contact_id", sa.String(length=36), nullable=True),
        sa.Column("family_member", sa.String(length=100), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "birthday",
                "wedding",
                "child_birthday",
                "company_founding",
                "cooperation",
                "custom",
                name="anniversarykind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "calendar",
            sa.Enum("solar", "lunar", name="calendarkind", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("leap_month", sa.Boolean(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("lead_days", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "normal", "personal", "sensitive", name="sensitivity", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_batch", sa.String(length=36), nullable=True),
        sa.Column("created_hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_anniversaries_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_anniversaries_contact_id_contacts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_anniversaries")),
    )
    op.create_index(
        op.f("ix_anniversaries_account_id"), "anniversaries", ["account_id"], unique=False
    )
    op.create_index(
        op.f("ix_anniversaries_contact_id"), "anniversaries", ["contact_id"], unique=False
    )
    op.create_table(
        "customer_issues",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("contact_id", sa.String(length=36), nullable=True),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column(
            "severity",
            sa.Enum(
                "low",
                "medium",
                "high",
                "critical",
                name="issueseverity",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("responsible", sa.String(length=100), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "in_progress",
                "resolved",
                "closed",
                name="issuestatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("confirmed_by_customer", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_batch", sa.String(length=36), nullable=True),
        sa.Column("created_hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_customer_issues_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_customer_issues_contact_id_contacts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_issues")),
    )
    op.create_index(
        "ix_customer_issues_account_status",
        "customer_issues",
        ["account_id", "status"],
        unique=False,
    )
    op.create_table(
        "preferences",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("contact_id", sa.String(length=36), nullable=True),
        sa.Column(
            "category",
            sa.Enum(
                "food",
                "drink",
                "sport",
                "gift",
                "communication",
                "hobby",
                "taboo",
                "other",
                name="preferencecategory",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("likes", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("learned_on", sa.Date(), nullable=True),
        sa.Column(
            "sensitivity",
            sa.Enum(
                "normal", "personal", "sensitive", name="sensitivity", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_batch", sa.String(length=36), nullable=True),
        sa.Column("created_hlc", sa.String(length=64), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_preferences_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_preferences_contact_id_contacts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_preferences")),
    )
    op.create_index(op.f("ix_preferences_account_id"), "preferences", ["account_id"], unique=False)
    op.create_index(op.f("ix_preferences_contact_id"), "preferences", ["contact_id"], unique=False)
    op.create_table(
        "visit_contacts",
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("contact_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"], name=op.f("fk_visit_contacts_contact_id_contacts")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_visit_contacts_visit_id_visits")
        ),
        sa.PrimaryKeyConstraint("visit_id", "contact_id", name=op.f("pk_visit_contacts")),
    )
    op.create_index(
        op.f("ix_visit_contacts_contact_id"), "visit_contacts", ["contact_id"], unique=False
    )
    meta = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(meta, [{"key": "installation_id", "value": uuid.uuid4().hex[:16]}])


def downgrade() -> None:
    for table in (
        "visit_contacts",
        "customer_issues",
        "visits",
        "anniversaries",
        "preferences",
        "contacts",
        "account_years",
        "meta",
        "accounts",
    ):
        op.drop_table(table)
