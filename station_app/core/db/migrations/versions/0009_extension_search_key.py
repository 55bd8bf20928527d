"""Virtual-number parcels searchable by their extension through the phone-tail index.

Search by four digits used to also match ``extension LIKE '%1234'``, which no index
can serve; check-in now stores the extension's last four digits in ``phone_tail``.
This fills them in for parcels checked in before.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "UPDATE parcels SET phone_tail = substr(extension, -4)"
        " WHERE phone_tail IS NULL AND extension IS NOT NULL"
    )


def downgrade() -> None:
    op.execute("UPDATE parcels SET phone_tail = NULL WHERE extension IS NOT NULL")
