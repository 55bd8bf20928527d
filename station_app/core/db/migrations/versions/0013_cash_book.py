"""The cash book and day closes, with the sending fees already on the ledger booked.

Shipments accepted and cancelled before this release moved money too: their entries are
read back and booked, so the first 日结 after the upgrade starts from a true book.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-27
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

BOOKED = {"shipment.accepted": ("shipment_fee", 1), "shipment.cancelled": ("shipment_refund", -1)}
"""Frozen here: what this release's projection books for the two older money events."""


def upgrade() -> None:
    op.create_table(
        "cash_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("business_day", sa.String(10), nullable=False),
        sa.Column("method", sa.String(8), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("ref", sa.String(36), nullable=True),
        sa.CheckConstraint(
            "method IN ('cash', 'wechat', 'alipay', 'bank')", name=op.f("ck_cash_movements_method")
        ),
        sa.CheckConstraint("amount_fen != 0", name=op.f("ck_cash_movements_amount")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_movements")),
    )
    op.create_index("ix_cash_movements_seq", "cash_movements", ["seq"])
    op.create_table(
        "day_closes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("business_day", sa.String(10), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.String(27), nullable=False),
        sa.Column("operator", sa.String(32), nullable=False),
        sa.Column("opening_cash_fen", sa.Integer(), nullable=False),
        sa.Column("expected", sa.Text(), nullable=False),
        sa.Column("counted", sa.Text(), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.Column("carried_over", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_day_closes")),
        sa.UniqueConstraint("business_day", name=op.f("uq_day_closes_business_day")),
        sa.UniqueConstraint("seq", name=op.f("uq_day_closes_seq")),
    )
    _book_existing_shipments()


def _book_existing_shipments() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT seq, type, business_day, payload FROM ledger_entries"
            " WHERE type IN ('shipment.accepted', 'shipment.cancelled') ORDER BY seq"
        )
    )
    insert = sa.text(
        "INSERT INTO cash_movements (seq, business_day, method, amount_fen, kind, ref)"
        " VALUES (:seq, :day, :method, :amount, :kind, :ref)"
    )
    for seq, event_type, day, payload_text in rows.fetchall():
        payload = json.loads(payload_text)
        kind, sign = BOOKED[event_type]
        if payload["payment_method"] == "owed" or payload["fee_fen"] == 0:
            continue
        connection.execute(
            insert,
            {
                "seq": seq,
                "day": day,
                "method": payload["payment_method"],
                "amount": sign * payload["fee_fen"],
                "kind": kind,
                "ref": payload["shipment"],
            },
        )


def downgrade() -> None:
    op.drop_table("day_closes")
    op.drop_index("ix_cash_movements_seq", table_name="cash_movements")
    op.drop_table("cash_movements")
