"""Sync downloads: reference sets from the county, the manifest cursor, relayed manifests.

``reference_sets`` keeps the county's newest set of each kind (and the newest one this
station refused, so it is not fetched and refused again every few minutes); the courier
rules and tariffs in use come from it across restarts. ``sync_state.manifests_through``
is the last ``county_seq`` taken (the next ``GET /manifests?after=``);
``manifests.relayed_at`` / ``relay_error`` say whether the county holds an outgoing
manifest. ``sync_history`` may now say ``refused``: a set or a manifest this station or
the county would not take, which stops nothing else.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

OUTCOMES_BEFORE = "outcome IN ('ok', 'retry', 'halted')"
OUTCOMES = "outcome IN ('ok', 'retry', 'halted', 'refused')"


def upgrade() -> None:
    op.create_table(
        "reference_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("etag", sa.String(40), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("fetched_at", sa.String(27), nullable=False),
        sa.Column("applied_at", sa.String(27), nullable=True),
        sa.Column("error", sa.String(300), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference_sets")),
        sa.UniqueConstraint("kind", "version", name=op.f("uq_reference_sets_kind")),
    )
    with op.batch_alter_table("sync_state") as batch:
        batch.add_column(
            sa.Column("manifests_through", sa.Integer(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("manifests") as batch:
        batch.add_column(sa.Column("relayed_at", sa.String(27), nullable=True))
        batch.add_column(sa.Column("relay_error", sa.String(32), nullable=True))
    _outcomes(OUTCOMES)


def downgrade() -> None:
    op.execute("DELETE FROM sync_history WHERE outcome = 'refused'")
    _outcomes(OUTCOMES_BEFORE)
    with op.batch_alter_table("manifests") as batch:
        batch.drop_column("relay_error")
        batch.drop_column("relayed_at")
    with op.batch_alter_table("sync_state") as batch:
        batch.drop_column("manifests_through")
    op.drop_table("reference_sets")


def _outcomes(check: str) -> None:
    with op.batch_alter_table("sync_history", recreate="always") as batch:
        batch.drop_constraint(op.f("ck_sync_history_outcome"), type_="check")
        batch.create_check_constraint(op.f("ck_sync_history_outcome"), check)
