"""Flagged ledger entries, reference data sets, manifests relayed to stations.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs (with server defaults for the rows already held): no table is
    # rebuilt, so a county holding millions of entries migrates in a moment.
    with op.batch_alter_table("ledger_entries", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("flagged", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("flag_reason", sa.String(length=300), nullable=True))
        batch_op.create_index(
            "ix_ledger_entries_flagged",
            ["station", "seq"],
            unique=False,
            sqlite_where=sa.text("flagged"),
            postgresql_where=sa.text("flagged"),
        )
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("manifest_seq", sa.BigInteger(), server_default="0", nullable=False)
        )

    op.create_table(
        "reference_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("township", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", JSON, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference_sets")),
        sa.UniqueConstraint("kind", "version", name="uq_reference_sets_kind_version"),
    )
    with op.batch_alter_table("reference_sets", schema=None) as batch_op:
        batch_op.create_index(
            "ix_reference_sets_kind_township", ["kind", "township", "version"], unique=False
        )

    op.create_table(
        "manifests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("from_station", sa.Integer(), nullable=False),
        sa.Column("to_station", sa.Integer(), nullable=False),
        sa.Column("county_seq", sa.BigInteger(), nullable=False),
        sa.Column("document", JSON, nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["from_station"], ["stations.id"], name=op.f("fk_manifests_from_station_stations")
        ),
        sa.ForeignKeyConstraint(
            ["to_station"], ["stations.id"], name=op.f("fk_manifests_to_station_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manifests")),
        sa.UniqueConstraint("to_station", "county_seq", name="uq_manifests_to_station_seq"),
        sa.UniqueConstraint("uid", name=op.f("uq_manifests_uid")),
    )
    with op.batch_alter_table("manifests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_manifests_from_station"), ["from_station"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("manifests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_manifests_from_station"))
    op.drop_table("manifests")
    with op.batch_alter_table("reference_sets", schema=None) as batch_op:
        batch_op.drop_index("ix_reference_sets_kind_township")
    op.drop_table("reference_sets")
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.drop_column("manifest_seq")
    with op.batch_alter_table("ledger_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_ledger_entries_flagged")
        batch_op.drop_column("flag_reason")
        batch_op.drop_column("flagged")
