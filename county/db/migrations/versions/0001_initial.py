"""Stations, enrolment codes, credentials, the ledger copy, refusals and daily projections.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("division_code", sa.String(length=12), nullable=False),
        sa.Column("township", sa.String(length=40), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=True),
        sa.Column("install_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("held_through", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=True),
        sa.Column("last_batch_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stations")),
        sa.UniqueConstraint("code", name=op.f("uq_stations_code")),
        sa.UniqueConstraint("station_id", name=op.f("uq_stations_station_id")),
    )
    op.create_table(
        "credentials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("install_id", sa.String(length=36), nullable=False),
        sa.Column("app_version", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["station"], ["stations.id"], name=op.f("fk_credentials_station_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credentials")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_credentials_token_hash")),
    )
    with op.batch_alter_table("credentials", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_credentials_station"), ["station"], unique=False)

    op.create_table(
        "daily_amounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station", sa.Integer(), nullable=False),
        sa.Column("business_day", sa.String(length=10), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station"], ["stations.id"], name=op.f("fk_daily_amounts_station_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daily_amounts")),
        sa.UniqueConstraint(
            "station", "business_day", "type", "field", name="uq_daily_amounts_station_day_type"
        ),
    )
    with op.batch_alter_table("daily_amounts", schema=None) as batch_op:
        batch_op.create_index("ix_daily_amounts_business_day", ["business_day"], unique=False)

    op.create_table(
        "daily_totals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station", sa.Integer(), nullable=False),
        sa.Column("business_day", sa.String(length=10), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station"], ["stations.id"], name=op.f("fk_daily_totals_station_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daily_totals")),
        sa.UniqueConstraint(
            "station", "business_day", "type", name="uq_daily_totals_station_day_type"
        ),
    )
    with op.batch_alter_table("daily_totals", schema=None) as batch_op:
        batch_op.create_index("ix_daily_totals_business_day", ["business_day"], unique=False)

    op.create_table(
        "enrolment_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["station"], ["stations.id"], name=op.f("fk_enrolment_codes_station_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolment_codes")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_enrolment_codes_code_hash")),
    )
    with op.batch_alter_table("enrolment_codes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enrolment_codes_station"), ["station"], unique=False)

    op.create_table(
        "ledger_entries",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("station", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=36), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("schema_version", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.String(length=27), nullable=False),
        sa.Column("business_day", sa.String(length=10), nullable=False),
        sa.Column("operator", sa.String(length=32), nullable=False),
        sa.Column(
            "payload",
            JSON,
            nullable=False,
        ),
        sa.Column("corrects", sa.String(length=36), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=True),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["station"], ["stations.id"], name=op.f("fk_ledger_entries_station_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_entries")),
        sa.UniqueConstraint("station", "seq", name="uq_ledger_entries_station_seq"),
    )
    op.create_table(
        "refusals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=True),
        sa.Column(
            "detail",
            JSON,
            nullable=False,
        ),
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("repeats", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station"], ["stations.id"], name=op.f("fk_refusals_station_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refusals")),
    )
    with op.batch_alter_table("refusals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refusals_station"), ["station"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("refusals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refusals_station"))

    op.drop_table("refusals")
    op.drop_table("ledger_entries")
    with op.batch_alter_table("enrolment_codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrolment_codes_station"))

    op.drop_table("enrolment_codes")
    with op.batch_alter_table("daily_totals", schema=None) as batch_op:
        batch_op.drop_index("ix_daily_totals_business_day")

    op.drop_table("daily_totals")
    with op.batch_alter_table("daily_amounts", schema=None) as batch_op:
        batch_op.drop_index("ix_daily_amounts_business_day")

    op.drop_table("daily_amounts")
    with op.batch_alter_table("credentials", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_credentials_station"))

    op.drop_table("credentials")
    op.drop_table("stations")
