"""The notification outbox (pickup notices by SMS, printed list or clipboard).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("parcel_uid", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(200), nullable=True),
        sa.Column("next_attempt_at", sa.String(27), nullable=False),
        sa.Column("created_at", sa.String(27), nullable=False),
        sa.Column("sent_at", sa.String(27), nullable=True),
        sa.CheckConstraint("kind IN ('arrival', 'reminder')", name=op.f("ck_notifications_kind")),
        sa.CheckConstraint(
            "channel IN ('sms', 'print', 'clipboard')", name=op.f("ck_notifications_channel")
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')",
            name=op.f("ck_notifications_status"),
        ),
        sa.ForeignKeyConstraint(
            ["parcel_uid"],
            ["parcels.uid"],
            name=op.f("fk_notifications_parcel_uid_parcels"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
        sa.UniqueConstraint("uid", name=op.f("uq_notifications_uid")),
    )
    op.create_index(op.f("ix_notifications_parcel_uid"), "notifications", ["parcel_uid"])
    # What the dispatcher asks every few seconds: pending messages of one channel now due.
    op.create_index(
        op.f("ix_notifications_due"), "notifications", ["status", "channel", "next_attempt_at"]
    )


def downgrade() -> None:
    op.drop_table("notifications")
