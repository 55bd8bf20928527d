"""Bill payments (代缴费 / 充值): one row per payment taken at the counter.

No ledger entry of an older release moves bill money, so nothing is booked here.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bill_payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("biller_code", sa.String(32), nullable=False),
        sa.Column("biller_name", sa.String(40), nullable=False),
        sa.Column("category", sa.String(24), nullable=False),
        sa.Column("billers_version", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(40), nullable=True),
        sa.Column("account_tail", sa.String(4), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("fee_fen", sa.Integer(), nullable=False),
        sa.Column("payment_method", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("recorded_at", sa.String(27), nullable=False),
        sa.Column("recorded_by", sa.String(32), nullable=False),
        sa.Column("recorded_entry", sa.String(36), nullable=False),
        sa.Column("submitted_at", sa.String(27), nullable=True),
        sa.Column("submitted_by", sa.String(32), nullable=True),
        sa.Column("succeeded_at", sa.String(27), nullable=True),
        sa.Column("succeeded_by", sa.String(32), nullable=True),
        sa.Column("reference", sa.String(40), nullable=True),
        sa.Column("failed_at", sa.String(27), nullable=True),
        sa.Column("failed_by", sa.String(32), nullable=True),
        sa.Column("fail_reason", sa.String(200), nullable=True),
        sa.CheckConstraint(
            "status IN ('recorded', 'submitted', 'succeeded', 'failed')",
            name=op.f("ck_bill_payments_status"),
        ),
        sa.CheckConstraint(
            "payment_method IN ('cash', 'wechat', 'alipay', 'bank')",
            name=op.f("ck_bill_payments_payment_method"),
        ),
        sa.CheckConstraint(
            "amount_fen > 0 AND fee_fen >= 0", name=op.f("ck_bill_payments_amounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bill_payments")),
        sa.UniqueConstraint("uid", name=op.f("uq_bill_payments_uid")),
    )
    op.create_index("ix_bill_payments_status", "bill_payments", ["status"])
    op.create_index("ix_bill_payments_account_tail", "bill_payments", ["account_tail"])


def downgrade() -> None:
    op.drop_index("ix_bill_payments_account_tail", table_name="bill_payments")
    op.drop_index("ix_bill_payments_status", table_name="bill_payments")
    op.drop_table("bill_payments")
