"""Photos kept with a hand-over (取件拍照).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pickup_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parcel_uid", sa.String(36), nullable=False),
        sa.Column("handover_entry", sa.String(36), nullable=False),
        sa.Column("path", sa.String(100), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.String(27), nullable=False),
        sa.Column("taken_by", sa.String(32), nullable=False),
        sa.CheckConstraint("size_bytes > 0", name=op.f("ck_pickup_photos_size")),
        sa.ForeignKeyConstraint(
            ["parcel_uid"],
            ["parcels.uid"],
            name=op.f("fk_pickup_photos_parcel_uid_parcels"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pickup_photos")),
        sa.UniqueConstraint("parcel_uid", name=op.f("uq_pickup_photos_parcel_uid")),
    )


def downgrade() -> None:
    op.drop_table("pickup_photos")
