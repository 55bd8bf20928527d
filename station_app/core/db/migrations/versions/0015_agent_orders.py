"""Agent orders (代购) and their items.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

AWAITING_SQL = "status IN ('registered', 'placed', 'shipped')"
"""Frozen here: the states in which an order waits for its parcel (the partial index)."""


def upgrade() -> None:
    op.create_table(
        "agent_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("number", sa.String(16), nullable=False),
        sa.Column("customer_name", sa.String(40), nullable=False),
        sa.Column("customer_phone", sa.String(20), nullable=True),
        sa.Column("phone_tail", sa.String(4), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("items_total_fen", sa.Integer(), nullable=False),
        sa.Column("service_fee_fen", sa.Integer(), nullable=False),
        sa.Column("deposit_fen", sa.Integer(), nullable=False),
        sa.Column("deposit_method", sa.String(8), nullable=True),
        sa.Column("settled_fen", sa.Integer(), nullable=False),
        sa.Column("settled_method", sa.String(8), nullable=True),
        sa.Column("refunded_fen", sa.Integer(), nullable=False),
        sa.Column("refund_method", sa.String(8), nullable=True),
        sa.Column("reason", sa.String(200), nullable=True),
        sa.Column("platform_order_number", sa.String(64), nullable=True),
        sa.Column("tracking_number", sa.String(32), nullable=True),
        sa.Column("parcel_uid", sa.String(36), nullable=True),
        sa.Column("registered_at", sa.String(27), nullable=False),
        sa.Column("registered_by", sa.String(32), nullable=False),
        sa.Column("registered_entry", sa.String(36), nullable=False),
        sa.Column("changed_at", sa.String(27), nullable=False),
        sa.Column("changed_by", sa.String(32), nullable=False),
        sa.CheckConstraint(
            "status IN ('registered', 'placed', 'shipped', 'arrived', 'delivered',"
            " 'cancelled', 'refunded')",
            name=op.f("ck_agent_orders_status"),
        ),
        sa.CheckConstraint(
            "items_total_fen > 0 AND service_fee_fen >= 0 AND deposit_fen >= 0"
            " AND deposit_fen <= items_total_fen + service_fee_fen",
            name=op.f("ck_agent_orders_amounts"),
        ),
        sa.CheckConstraint(
            "settled_fen >= 0 AND refunded_fen >= 0", name=op.f("ck_agent_orders_paid")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agent_orders")),
        sa.UniqueConstraint("uid", name=op.f("uq_agent_orders_uid")),
        sa.UniqueConstraint("number", name=op.f("uq_agent_orders_number")),
    )
    op.create_index("ix_agent_orders_phone_tail", "agent_orders", ["phone_tail"])
    op.create_index(
        "uq_agent_orders_awaiting_tracking",
        "agent_orders",
        ["tracking_number"],
        unique=True,
        sqlite_where=sa.text(AWAITING_SQL),
    )
    op.create_table(
        "agent_order_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(60), nullable=False),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price_fen", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "quantity > 0 AND unit_price_fen > 0", name=op.f("ck_agent_order_items_amounts")
        ),
        sa.CheckConstraint(
            "platform IN ('pinduoduo', 'jd', 'taobao', 'gongxiao', 'other')",
            name=op.f("ck_agent_order_items_platform"),
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["agent_orders.id"],
            name=op.f("fk_agent_order_items_order_id_agent_orders"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agent_order_items")),
    )
    op.create_index(op.f("ix_agent_order_items_order_id"), "agent_order_items", ["order_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_agent_order_items_order_id"), table_name="agent_order_items")
    op.drop_table("agent_order_items")
    op.drop_index("uq_agent_orders_awaiting_tracking", table_name="agent_orders")
    op.drop_index("ix_agent_orders_phone_tail", table_name="agent_orders")
    op.drop_table("agent_orders")
