"""Produce purchasing: farmers, prices, purchases, weighings, settlements, nettings, lots;
and the part of an agent order's balance netted against produce.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "farmers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("initials", sa.String(length=40), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("phone_tail", sa.String(length=4), nullable=True),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("household", sa.String(length=16), nullable=True),
        sa.Column("pay_preference", sa.String(length=8), nullable=False),
        sa.Column("registered_at", sa.String(27), nullable=False),
        sa.Column("registered_by", sa.String(length=32), nullable=False),
        sa.Column("registered_entry", sa.String(length=36), nullable=False),
        sa.Column("changed_at", sa.String(27), nullable=False),
        sa.CheckConstraint(
            "household IN ('normal', 'lifted', 'monitored')", name=op.f("ck_farmers_household")
        ),
        sa.CheckConstraint(
            "pay_preference IN ('cash', 'wechat', 'alipay', 'bank', 'owed')",
            name=op.f("ck_farmers_pay"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_farmers")),
        sa.UniqueConstraint("uid", name=op.f("uq_farmers_uid")),
    )
    with op.batch_alter_table("farmers", schema=None) as batch_op:
        batch_op.create_index("ix_farmers_initials", ["initials"], unique=False)
        batch_op.create_index("ix_farmers_phone_tail", ["phone_tail"], unique=False)

    op.create_table(
        "produce_lots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("trace_code", sa.String(length=10), nullable=False),
        sa.Column("product_code", sa.String(length=32), nullable=False),
        sa.Column("grade_code", sa.String(length=16), nullable=False),
        sa.Column("business_day", sa.String(length=10), nullable=False),
        sa.Column("parent_uid", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("purchased_g", sa.Integer(), nullable=False),
        sa.Column("split_in_g", sa.Integer(), nullable=False),
        sa.Column("split_out_g", sa.Integer(), nullable=False),
        sa.Column("shipped_g", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.String(27), nullable=False),
        sa.Column("opened_by", sa.String(length=32), nullable=False),
        sa.Column("opened_entry", sa.String(length=36), nullable=False),
        sa.Column("shipment_uid", sa.String(length=36), nullable=True),
        sa.Column("shipped_at", sa.String(27), nullable=True),
        sa.Column("shipped_by", sa.String(length=32), nullable=True),
        sa.Column("shipped_to_kind", sa.String(length=16), nullable=True),
        sa.Column("shipped_to_name", sa.String(length=60), nullable=True),
        sa.Column("shipped_entry", sa.String(length=36), nullable=True),
        sa.CheckConstraint(
            "status IN ('open', 'closed', 'shipped')", name=op.f("ck_produce_lots_status")
        ),
        sa.CheckConstraint(
            "purchased_g >= 0 AND split_in_g >= 0 AND split_out_g >= 0 AND shipped_g >= 0",
            name=op.f("ck_produce_lots_grams"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_produce_lots")),
        sa.UniqueConstraint("trace_code", name=op.f("uq_produce_lots_trace_code")),
        sa.UniqueConstraint("uid", name=op.f("uq_produce_lots_uid")),
    )
    with op.batch_alter_table("produce_lots", schema=None) as batch_op:
        batch_op.create_index(
            "ix_produce_lots_day", ["business_day", "product_code", "grade_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_produce_lots_parent_uid"), ["parent_uid"], unique=False
        )

    op.create_table(
        "produce_prices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("product_code", sa.String(length=32), nullable=False),
        sa.Column("grade_code", sa.String(length=16), nullable=False),
        sa.Column("day_from", sa.String(length=10), nullable=False),
        sa.Column("day_to", sa.String(length=10), nullable=True),
        sa.Column("price_fen", sa.Integer(), nullable=False),
        sa.Column("per_grams", sa.Integer(), nullable=False),
        sa.Column("list_version", sa.Integer(), nullable=True),
        sa.Column("set_at", sa.String(27), nullable=False),
        sa.Column("set_by", sa.String(length=32), nullable=True),
        sa.Column("entry", sa.String(length=36), nullable=True),
        sa.Column("first_used_at", sa.String(27), nullable=True),
        sa.CheckConstraint("source IN ('county', 'keeper')", name=op.f("ck_produce_prices_source")),
        sa.CheckConstraint(
            "price_fen > 0 AND per_grams IN (500, 1000)", name=op.f("ck_produce_prices_price")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_produce_prices")),
        sa.UniqueConstraint("uid", name=op.f("uq_produce_prices_uid")),
    )
    with op.batch_alter_table("produce_prices", schema=None) as batch_op:
        batch_op.create_index(
            "ix_produce_prices_lookup", ["product_code", "grade_code", "day_from"], unique=False
        )

    op.create_table(
        "produce_purchases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("farmer_uid", sa.String(length=36), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("household", sa.String(length=16), nullable=False),
        sa.Column("product_code", sa.String(length=32), nullable=False),
        sa.Column("grade_code", sa.String(length=16), nullable=False),
        sa.Column("price_uid", sa.String(length=36), nullable=False),
        sa.Column("price_source", sa.String(length=8), nullable=False),
        sa.Column("price_fen", sa.Integer(), nullable=False),
        sa.Column("per_grams", sa.Integer(), nullable=False),
        sa.Column("gross_g", sa.Integer(), nullable=False),
        sa.Column("tare_g", sa.Integer(), nullable=False),
        sa.Column("impurity_bp", sa.Integer(), nullable=False),
        sa.Column("moisture_bp", sa.Integer(), nullable=False),
        sa.Column("deduction_g", sa.Integer(), nullable=False),
        sa.Column("net_g", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("payment_method", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("manual", sa.Boolean(), nullable=False),
        sa.Column("lot_uid", sa.String(length=36), nullable=False),
        sa.Column("business_day", sa.String(length=10), nullable=False),
        sa.Column("purchased_at", sa.String(27), nullable=False),
        sa.Column("purchased_by", sa.String(length=32), nullable=False),
        sa.Column("entry", sa.String(length=36), nullable=False),
        sa.Column("settlement_uid", sa.String(length=36), nullable=True),
        sa.Column("voided_at", sa.String(27), nullable=True),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "household IN ('normal', 'lifted', 'monitored')",
            name=op.f("ck_produce_purchases_household"),
        ),
        sa.CheckConstraint(
            "payment_method IN ('cash', 'wechat', 'alipay', 'bank', 'owed')",
            name=op.f("ck_produce_purchases_payment"),
        ),
        sa.CheckConstraint(
            "status IN ('paid', 'owed', 'settled', 'voided')",
            name=op.f("ck_produce_purchases_status"),
        ),
        sa.CheckConstraint(
            "gross_g > 0 AND tare_g >= 0 AND deduction_g >= 0 AND net_g > 0"
            " AND amount_fen > 0 AND price_fen > 0",
            name=op.f("ck_produce_purchases_amounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_produce_purchases")),
        sa.UniqueConstraint("number", name=op.f("uq_produce_purchases_number")),
        sa.UniqueConstraint("uid", name=op.f("uq_produce_purchases_uid")),
    )
    with op.batch_alter_table("produce_purchases", schema=None) as batch_op:
        batch_op.create_index("ix_produce_purchases_day", ["business_day"], unique=False)
        batch_op.create_index("ix_produce_purchases_farmer", ["farmer_uid", "status"], unique=False)
        batch_op.create_index("ix_produce_purchases_lot", ["lot_uid"], unique=False)

    op.create_table(
        "produce_settlements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("farmer_uid", sa.String(length=36), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("netted_fen", sa.Integer(), nullable=False),
        sa.Column("paid_fen", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=True),
        sa.Column("settled_at", sa.String(27), nullable=False),
        sa.Column("settled_by", sa.String(length=32), nullable=False),
        sa.Column("entry", sa.String(length=36), nullable=False),
        sa.CheckConstraint(
            "amount_fen > 0 AND paid_fen >= 0 AND netted_fen >= 0",
            name=op.f("ck_produce_settlements_amounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_produce_settlements")),
        sa.UniqueConstraint("uid", name=op.f("uq_produce_settlements_uid")),
    )
    with op.batch_alter_table("produce_settlements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_produce_settlements_farmer_uid"), ["farmer_uid"], unique=False
        )

    op.create_table(
        "produce_nettings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("settlement_id", sa.Integer(), nullable=False),
        sa.Column("order_uid", sa.String(length=36), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount_fen > 0", name=op.f("ck_produce_nettings_amount")),
        sa.ForeignKeyConstraint(
            ["settlement_id"],
            ["produce_settlements.id"],
            name=op.f("fk_produce_nettings_settlement_id_produce_settlements"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_produce_nettings")),
    )
    with op.batch_alter_table("produce_nettings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_produce_nettings_order_uid"), ["order_uid"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_produce_nettings_settlement_id"), ["settlement_id"], unique=False
        )

    op.create_table(
        "produce_weighings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("purchase_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("gross_g", sa.Integer(), nullable=False),
        sa.Column("tare_g", sa.Integer(), nullable=False),
        sa.Column("manual", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "gross_g > tare_g AND tare_g >= 0", name=op.f("ck_produce_weighings_grams")
        ),
        sa.ForeignKeyConstraint(
            ["purchase_id"],
            ["produce_purchases.id"],
            name=op.f("fk_produce_weighings_purchase_id_produce_purchases"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_produce_weighings")),
    )
    with op.batch_alter_table("produce_weighings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_produce_weighings_purchase_id"), ["purchase_id"], unique=False
        )

    with op.batch_alter_table("agent_orders", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("netted_fen", sa.Integer(), nullable=False, server_default=sa.text("0"))
        )
        batch_op.create_check_constraint(op.f("ck_agent_orders_netted"), "netted_fen >= 0")


def downgrade() -> None:
    with op.batch_alter_table("agent_orders", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_agent_orders_netted"), type_="check")
        batch_op.drop_column("netted_fen")

    with op.batch_alter_table("produce_weighings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_produce_weighings_purchase_id"))

    op.drop_table("produce_weighings")
    with op.batch_alter_table("produce_nettings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_produce_nettings_settlement_id"))
        batch_op.drop_index(batch_op.f("ix_produce_nettings_order_uid"))

    op.drop_table("produce_nettings")
    with op.batch_alter_table("produce_settlements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_produce_settlements_farmer_uid"))

    op.drop_table("produce_settlements")
    with op.batch_alter_table("produce_purchases", schema=None) as batch_op:
        batch_op.drop_index("ix_produce_purchases_lot")
        batch_op.drop_index("ix_produce_purchases_farmer")
        batch_op.drop_index("ix_produce_purchases_day")

    op.drop_table("produce_purchases")
    with op.batch_alter_table("produce_prices", schema=None) as batch_op:
        batch_op.drop_index("ix_produce_prices_lookup")

    op.drop_table("produce_prices")
    with op.batch_alter_table("produce_lots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_produce_lots_parent_uid"))
        batch_op.drop_index("ix_produce_lots_day")

    op.drop_table("produce_lots")
    with op.batch_alter_table("farmers", schema=None) as batch_op:
        batch_op.drop_index("ix_farmers_phone_tail")
        batch_op.drop_index("ix_farmers_initials")

    op.drop_table("farmers")
