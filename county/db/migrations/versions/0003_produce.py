"""Produce purchasing projections: farmers (village, household), purchases, lots.

Filled at ingest from ``farmer.*``, ``produce.*``, ``lot.*`` and the ``entry.voided`` of
a purchase. Entries of those types a county already holds (flagged as unknown by an
older release, or stored before this revision) get in with ``county-centre reproject``
(``--produce`` rebuilds the three tables from the ledger copy).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "produce_farmers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station", sa.Integer(), nullable=False),
        sa.Column("farmer", sa.String(length=36), nullable=False),
        sa.Column("village", sa.String(length=12), nullable=False),
        sa.Column("household", sa.String(length=16), nullable=True),
        sa.Column("changed_day", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["station"], ["stations.id"], name=op.f("fk_produce_farmers_station_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_produce_farmers")),
        sa.UniqueConstraint("station", "farmer", name="uq_produce_farmers_station_farmer"),
    )
    op.create_table(
        "produce_purchases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station", sa.Integer(), nullable=False),
        sa.Column("purchase", sa.String(length=36), nullable=False),
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("farmer", sa.String(length=36), nullable=False),
        sa.Column("business_day", sa.String(length=10), nullable=False),
        sa.Column("product", sa.String(length=32), nullable=False),
        sa.Column("grade", sa.String(length=16), nullable=False),
        sa.Column("village", sa.String(length=12), nullable=False),
        sa.Column("household", sa.String(length=16), nullable=False),
        sa.Column("net_g", sa.BigInteger(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("payment", sa.String(length=8), nullable=False),
        sa.Column("lot", sa.String(length=36), nullable=False),
        sa.Column("voided", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("settlement", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["station"], ["stations.id"], name=op.f("fk_produce_purchases_station_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_produce_purchases")),
        sa.UniqueConstraint("station", "purchase", name="uq_produce_purchases_station_purchase"),
    )
    with op.batch_alter_table("produce_purchases", schema=None) as batch_op:
        batch_op.create_index("ix_produce_purchases_business_day", ["business_day"], unique=False)
        batch_op.create_index(
            "ix_produce_purchases_station_entry", ["station", "entry_id"], unique=False
        )
        batch_op.create_index("ix_produce_purchases_station_lot", ["station", "lot"], unique=False)
    op.create_table(
        "produce_lots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station", sa.Integer(), nullable=False),
        sa.Column("lot", sa.String(length=36), nullable=False),
        sa.Column("trace_code", sa.String(length=10), nullable=False),
        sa.Column("parent", sa.String(length=36), nullable=True),
        sa.Column("product", sa.String(length=32), nullable=False),
        sa.Column("grade", sa.String(length=16), nullable=False),
        sa.Column("lot_day", sa.String(length=10), nullable=False),
        sa.Column("net_g", sa.BigInteger(), nullable=True),
        sa.Column("shipment", sa.String(length=36), nullable=True),
        sa.Column("shipped_day", sa.String(length=10), nullable=True),
        sa.Column("shipped_to_kind", sa.String(length=16), nullable=True),
        sa.Column("shipped_to_name", sa.String(length=60), nullable=True),
        sa.Column("shipped_g", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["station"], ["stations.id"], name=op.f("fk_produce_lots_station_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_produce_lots")),
        sa.UniqueConstraint("station", "lot", name="uq_produce_lots_station_lot"),
    )
    with op.batch_alter_table("produce_lots", schema=None) as batch_op:
        batch_op.create_index("ix_produce_lots_trace_code", ["trace_code"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("produce_lots", schema=None) as batch_op:
        batch_op.drop_index("ix_produce_lots_trace_code")
    op.drop_table("produce_lots")
    with op.batch_alter_table("produce_purchases", schema=None) as batch_op:
        batch_op.drop_index("ix_produce_purchases_station_lot")
        batch_op.drop_index("ix_produce_purchases_station_entry")
        batch_op.drop_index("ix_produce_purchases_business_day")
    op.drop_table("produce_purchases")
    op.drop_table("produce_farmers")
