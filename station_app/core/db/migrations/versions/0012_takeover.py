"""A new PC taking over an enrolled station: the ids it enrolled with, before the station
row exists.

A PC that takes over a station enrols first and rebuilds the station from the county's
copy of its ledger afterwards, so between the two (and across a power cut there) the
station id the county bound and this PC's own install id live in ``sync_state``. Both
are NULL for a station that enrolled the ordinary way (its ``stations`` row holds them).

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.add_column(sa.Column("station_id", sa.String(36), nullable=True))
        batch.add_column(sa.Column("install_id", sa.String(36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.drop_column("install_id")
        batch.drop_column("station_id")
