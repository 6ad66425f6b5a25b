"""Tables only headquarters has, beside the archive's own (kept out of the archive's metadata,
so a laptop's schema and migrations never see them)."""

from __future__ import annotations

from sqlalchemy import Column, Index, MetaData, String, Table

from kamdesk.storage.models import NAMING

HQ_METADATA = MetaData(naming_convention=NAMING)

owners = Table(
    "hq_owners",
    HQ_METADATA,
    Column("table_name", String(40), primary_key=True),
    Column("record_id", String(36), primary_key=True),
    Column("installation_id", String(64), nullable=False),
    Column("claim", String(64), nullable=False),
    Column("package_id", String(64), nullable=False),
    Index("ix_hq_owners_table_owner", "table_name", "installation_id"),
)
"""Which manager's installation each record belongs to. `claim` is the latest change stamp of
the record in the package that made the claim; the highest claim wins (see
kamdesk.hq.consolidate.owner_claim), so the owner does not depend on the order packages came."""

vector = Table(
    "hq_vector",
    HQ_METADATA,
    Column("installation_id", String(64), primary_key=True),
    Column("stamp", String(64), nullable=False),
)
"""HQ's vector: the latest change stamp of each installation HQ has received or issued. A
laptop works its vector out from the stamps its records hold; HQ keeps it up to date package by
package instead, as reading every record's stamps before each merge grows with the database.
It never forgets a stamp a later change overwrote, so it is never behind what the records
hold."""
