"""Sync with the county centre: the enrolment and upload state, and a short history.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("county_url", sa.String(200), nullable=False),
        sa.Column("county_station_code", sa.String(64), nullable=False),
        sa.Column("credential", sa.Text(), nullable=False),
        sa.Column("enrolled_at", sa.String(27), nullable=False),
        sa.Column("uploaded_through", sa.Integer(), nullable=False),
        sa.Column("last_success_at", sa.String(27), nullable=True),
        sa.Column("last_attempt_at", sa.String(27), nullable=True),
        sa.Column("consecutive_failures", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.String(27), nullable=True),
        sa.Column("last_error_code", sa.String(32), nullable=True),
        sa.Column("last_error_message", sa.String(300), nullable=True),
        sa.Column("halted", sa.Integer(), nullable=False),
        sa.Column("clock_skew_seconds", sa.Integer(), nullable=True),
        sa.CheckConstraint("id = 1", name=op.f("ck_sync_state_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempted_at", sa.String(27), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("entries_sent", sa.Integer(), nullable=False),
        sa.Column("error_code", sa.String(32), nullable=True),
        sa.Column("error_message", sa.String(300), nullable=True),
        sa.CheckConstraint(
            "outcome IN ('ok', 'retry', 'halted')", name=op.f("ck_sync_history_outcome")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_history")),
    )


def downgrade() -> None:
    op.drop_table("sync_history")
    op.drop_table("sync_state")
