"""Printed receipts, so that printing the same receipt again marks it 重打.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "printed_receipts",
        sa.Column("identity", sa.String(64), nullable=False),
        sa.Column("first_printed_at", sa.String(27), nullable=False),
        sa.PrimaryKeyConstraint("identity", name=op.f("pk_printed_receipts")),
    )


def downgrade() -> None:
    op.drop_table("printed_receipts")
