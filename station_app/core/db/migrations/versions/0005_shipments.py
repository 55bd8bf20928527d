"""Shipments (寄件) accepted at the counter until the courier collects them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shipments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("courier", sa.String(16), nullable=False),
        sa.Column("province", sa.String(16), nullable=False),
        sa.Column("city", sa.String(40), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("recipient_name", sa.String(40), nullable=False),
        sa.Column("recipient_phone", sa.String(20), nullable=False),
        sa.Column("sender_name", sa.String(40), nullable=False),
        sa.Column("sender_phone", sa.String(20), nullable=False),
        sa.Column("weight_g", sa.Integer(), nullable=False),
        sa.Column("billable_g", sa.Integer(), nullable=False),
        sa.Column("fee_fen", sa.Integer(), nullable=False),
        sa.Column("payment_method", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("courier_tracking_number", sa.String(32), nullable=True),
        sa.Column("accepted_at", sa.String(27), nullable=False),
        sa.Column("accepted_by", sa.String(32), nullable=False),
        sa.Column("accepted_entry", sa.String(36), nullable=False),
        sa.Column("collected_at", sa.String(27), nullable=True),
        sa.Column("collected_by", sa.String(32), nullable=True),
        sa.Column("cancelled_at", sa.String(27), nullable=True),
        sa.Column("cancelled_by", sa.String(32), nullable=True),
        sa.Column("cancel_reason", sa.String(200), nullable=True),
        sa.CheckConstraint(
            "status IN ('accepted', 'collected', 'cancelled')", name=op.f("ck_shipments_status")
        ),
        sa.CheckConstraint(
            "payment_method IN ('cash', 'wechat', 'alipay', 'bank', 'owed')",
            name=op.f("ck_shipments_payment_method"),
        ),
        sa.CheckConstraint(
            "weight_g > 0 AND billable_g >= weight_g", name=op.f("ck_shipments_weights")
        ),
        sa.CheckConstraint("fee_fen >= 0", name=op.f("ck_shipments_fee")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipments")),
        sa.UniqueConstraint("uid", name=op.f("uq_shipments_uid")),
        sa.UniqueConstraint(
            "courier_tracking_number", name=op.f("uq_shipments_courier_tracking_number")
        ),
    )
    op.create_index(op.f("ix_shipments_status_courier"), "shipments", ["status", "courier"])


def downgrade() -> None:
    op.drop_table("shipments")
