"""Parcels on the shelf and the shelves they sit on.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
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
        "shelves",
        sa.Column("code", sa.String(4), nullable=False),
        sa.Column("tiers", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("tiers BETWEEN 1 AND 9", name=op.f("ck_shelves_tier_count")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_shelves")),
    )
    op.create_table(
        "parcels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("tracking_number", sa.String(32), nullable=False),
        sa.Column("courier", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("pickup_code", sa.String(16), nullable=False),
        sa.Column("shelf", sa.String(4), nullable=False),
        sa.Column("tier", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("code_day", sa.String(10), nullable=False),
        sa.Column("phone", sa.String(20), nullable=True),
        sa.Column("phone_tail", sa.String(4), nullable=True),
        sa.Column("extension", sa.String(8), nullable=True),
        sa.Column("recipient_name", sa.String(40), nullable=True),
        sa.Column("consent", sa.Boolean(), nullable=True),
        sa.Column("checked_in_at", sa.String(27), nullable=False),
        sa.Column("checked_in_by", sa.String(32), nullable=False),
        sa.Column("checked_in_entry", sa.String(36), nullable=False),
        sa.Column("picked_up_at", sa.String(27), nullable=True),
        sa.Column("picked_up_by", sa.String(32), nullable=True),
        sa.CheckConstraint(
            "status IN ('on_shelf', 'picked_up', 'returned')", name=op.f("ck_parcels_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parcels")),
        sa.UniqueConstraint("uid", name=op.f("uq_parcels_uid")),
    )
    op.create_index(op.f("ix_parcels_tracking_number"), "parcels", ["tracking_number"])
    op.create_index(op.f("ix_parcels_phone_tail"), "parcels", ["phone_tail", "status"])
    op.create_index(op.f("ix_parcels_code_day"), "parcels", ["code_day", "serial"])
    op.create_index(op.f("ix_parcels_picked_up_at"), "parcels", ["picked_up_at"])
    # While a parcel is on the shelf its tracking number and its pickup code are unique;
    # once handed over both may come back (a return re-sent, a code reused next week).
    op.create_index(
        "uq_parcels_on_shelf_tracking",
        "parcels",
        ["tracking_number"],
        unique=True,
        sqlite_where=sa.text("status = 'on_shelf'"),
    )
    op.create_index(
        "uq_parcels_on_shelf_code",
        "parcels",
        ["pickup_code"],
        unique=True,
        sqlite_where=sa.text("status = 'on_shelf'"),
    )


def downgrade() -> None:
    op.drop_table("parcels")
    op.drop_table("shelves")
