"""Stocktakes (盘点): sessions, their scans and resolutions.

Also lets a parcel be ``lost`` (given up on in a stocktake). SQLite cannot alter a
CHECK constraint, so the parcels table is rebuilt in batch mode (copied into a new
table and renamed); its partial unique indexes are dropped first and made again after,
because a reflected copy would not keep their ``WHERE`` clauses.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_STATUS_BEFORE = "status IN ('on_shelf', 'picked_up', 'returned')"
_STATUS_AFTER = "status IN ('on_shelf', 'picked_up', 'returned', 'lost')"


def upgrade() -> None:
    _parcel_statuses(_STATUS_AFTER)
    op.create_table(
        "stocktakes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("shelves", sa.String(200), nullable=False),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.String(27), nullable=False),
        sa.Column("started_by", sa.String(32), nullable=False),
        sa.Column("started_seq", sa.Integer(), nullable=False),
        sa.Column("current_shelf", sa.String(4), nullable=True),
        sa.Column("current_tier", sa.Integer(), nullable=True),
        sa.Column("finished_at", sa.String(27), nullable=True),
        sa.Column("finished_by", sa.String(32), nullable=True),
        sa.CheckConstraint("status IN ('open', 'finished')", name=op.f("ck_stocktakes_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktakes")),
        sa.UniqueConstraint("uid", name=op.f("uq_stocktakes_uid")),
    )
    op.create_index(
        "uq_stocktakes_open",
        "stocktakes",
        ["status"],
        unique=True,
        sqlite_where=sa.text("status = 'open'"),
    )
    op.create_table(
        "stocktake_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stocktake_id", sa.Integer(), nullable=False),
        sa.Column("tracking_number", sa.String(32), nullable=False),
        sa.Column("parcel_uid", sa.String(36), nullable=True),
        sa.Column("finding", sa.String(16), nullable=False),
        sa.Column("unknown_kind", sa.String(16), nullable=True),
        sa.Column("found_shelf", sa.String(4), nullable=True),
        sa.Column("found_tier", sa.Integer(), nullable=True),
        sa.Column("scans", sa.Integer(), nullable=False),
        sa.Column("first_seen_at", sa.String(27), nullable=False),
        sa.Column("seen_by", sa.String(32), nullable=False),
        sa.Column("resolution", sa.String(16), nullable=True),
        sa.Column("resolved_at", sa.String(27), nullable=True),
        sa.Column("resolved_by", sa.String(32), nullable=True),
        sa.CheckConstraint(
            "finding IN ('ok', 'wrong_shelf', 'unknown', 'missing')",
            name=op.f("ck_stocktake_items_finding"),
        ),
        sa.CheckConstraint(
            "resolution IS NULL OR resolution IN "
            "('found', 'lost', 'reshelved', 'relocated', 'checked_in', 'set_aside')",
            name=op.f("ck_stocktake_items_resolution"),
        ),
        sa.CheckConstraint("scans >= 0", name=op.f("ck_stocktake_items_scans")),
        sa.ForeignKeyConstraint(
            ["stocktake_id"],
            ["stocktakes.id"],
            name=op.f("fk_stocktake_items_stocktake_id_stocktakes"),
        ),
        sa.ForeignKeyConstraint(
            ["parcel_uid"],
            ["parcels.uid"],
            name=op.f("fk_stocktake_items_parcel_uid_parcels"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktake_items")),
        # Also serves "this count's items", so no separate index on stocktake_id.
        sa.UniqueConstraint(
            "stocktake_id", "tracking_number", name=op.f("uq_stocktake_items_stocktake_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("stocktake_items")
    op.drop_index("uq_stocktakes_open", table_name="stocktakes")
    op.drop_table("stocktakes")
    # A lost parcel has no place in the older schema: it is shown as returned there.
    op.execute("UPDATE parcels SET status = 'returned' WHERE status = 'lost'")
    _parcel_statuses(_STATUS_BEFORE)


def _parcel_statuses(condition: str) -> None:
    op.drop_index("uq_parcels_on_shelf_tracking", table_name="parcels")
    op.drop_index("uq_parcels_on_shelf_code", table_name="parcels")
    with op.batch_alter_table("parcels", recreate="always") as batch:
        batch.drop_constraint(op.f("ck_parcels_status"), type_="check")
        batch.create_check_constraint(op.f("ck_parcels_status"), condition)
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
