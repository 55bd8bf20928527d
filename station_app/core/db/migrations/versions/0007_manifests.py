"""Township manifests (交接单): routes, bags received, manifests dispatched.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _routes()
    _manifests()
    _bags()


def _routes() -> None:
    op.create_table(
        "routes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("updated_at", sa.String(27), nullable=False),
        sa.CheckConstraint("source IN ('local', 'county')", name=op.f("ck_routes_source")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_routes")),
        sa.UniqueConstraint("code", name=op.f("uq_routes_code")),
    )
    op.create_table(
        "route_stops",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("route_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("station_name", sa.String(60), nullable=False),
        sa.Column("division_code", sa.String(12), nullable=False),
        sa.Column("station_id", sa.String(36), nullable=True),
        sa.ForeignKeyConstraint(
            ["route_id"],
            ["routes.id"],
            name=op.f("fk_route_stops_route_id_routes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_route_stops")),
        sa.UniqueConstraint("division_code", name=op.f("uq_route_stops_division_code")),
    )
    op.create_index(op.f("ix_route_stops_route_id"), "route_stops", ["route_id"])


def _manifests() -> None:
    op.create_table(
        "manifests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("number", sa.String(24), nullable=False),
        sa.Column("direction", sa.String(8), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("from_station_id", sa.String(36), nullable=False),
        sa.Column("from_name", sa.String(60), nullable=False),
        sa.Column("to_station_id", sa.String(36), nullable=True),
        sa.Column("to_name", sa.String(60), nullable=False),
        sa.Column("to_division_code", sa.String(12), nullable=False),
        sa.Column("route_code", sa.String(16), nullable=False),
        sa.Column("route_name", sa.String(40), nullable=False),
        sa.Column("parcel_count", sa.Integer(), nullable=False),
        sa.Column("dispatched_at", sa.String(27), nullable=False),
        sa.Column("dispatched_by", sa.String(32), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=True),
        sa.Column("imported_at", sa.String(27), nullable=True),
        sa.Column("imported_by", sa.String(32), nullable=True),
        sa.Column("closed_at", sa.String(27), nullable=True),
        sa.Column("closed_by", sa.String(32), nullable=True),
        sa.Column("arrived_count", sa.Integer(), nullable=True),
        sa.Column("missing_count", sa.Integer(), nullable=True),
        sa.Column("extra_count", sa.Integer(), nullable=True),
        sa.Column("wrong_route_count", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "direction IN ('outgoing', 'incoming')", name=op.f("ck_manifests_direction")
        ),
        sa.CheckConstraint(
            "status IN ('dispatched', 'open', 'closed')", name=op.f("ck_manifests_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manifests")),
        sa.UniqueConstraint("uid", name=op.f("uq_manifests_uid")),
    )
    op.create_index("ix_manifests_direction_status", "manifests", ["direction", "status"])
    op.create_table(
        "manifest_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("manifest_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("tracking_number", sa.String(32), nullable=False),
        sa.Column("courier", sa.String(16), nullable=False),
        sa.Column("phone_masked", sa.String(24), nullable=True),
        sa.Column("arrived", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["manifest_id"], ["manifests.id"], name=op.f("fk_manifest_items_manifest_id_manifests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manifest_items")),
        sa.UniqueConstraint(
            "manifest_id", "tracking_number", name=op.f("uq_manifest_items_tracking")
        ),
    )
    op.create_index(
        op.f("ix_manifest_items_tracking_number"), "manifest_items", ["tracking_number"]
    )
    op.create_table(
        "manifest_siblings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("manifest_id", sa.Integer(), nullable=False),
        sa.Column("tracking_number", sa.String(32), nullable=False),
        sa.Column("other_number", sa.String(24), nullable=False),
        sa.Column("other_to_name", sa.String(60), nullable=False),
        sa.ForeignKeyConstraint(
            ["manifest_id"],
            ["manifests.id"],
            name=op.f("fk_manifest_siblings_manifest_id_manifests"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manifest_siblings")),
    )
    op.create_index(op.f("ix_manifest_siblings_manifest_id"), "manifest_siblings", ["manifest_id"])
    op.create_index(
        op.f("ix_manifest_siblings_tracking_number"), "manifest_siblings", ["tracking_number"]
    )
    op.create_table(
        "manifest_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("manifest_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("tracking_number", sa.String(32), nullable=False),
        sa.Column("note", sa.String(80), nullable=False),
        sa.CheckConstraint(
            "kind IN ('extra', 'wrong_route')", name=op.f("ck_manifest_findings_kind")
        ),
        sa.ForeignKeyConstraint(
            ["manifest_id"],
            ["manifests.id"],
            name=op.f("fk_manifest_findings_manifest_id_manifests"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manifest_findings")),
    )
    op.create_index(op.f("ix_manifest_findings_manifest_id"), "manifest_findings", ["manifest_id"])


def _bags() -> None:
    op.create_table(
        "bags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("label", sa.String(40), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("list_hash", sa.String(64), nullable=True),
        sa.Column("opened_at", sa.String(27), nullable=False),
        sa.Column("opened_by", sa.String(32), nullable=False),
        sa.Column("closed_at", sa.String(27), nullable=True),
        sa.Column("closed_by", sa.String(32), nullable=True),
        sa.CheckConstraint("source IN ('list', 'blind')", name=op.f("ck_bags_source")),
        sa.CheckConstraint("status IN ('open', 'closed')", name=op.f("ck_bags_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bags")),
        sa.UniqueConstraint("uid", name=op.f("uq_bags_uid")),
    )
    op.create_index(op.f("ix_bags_status"), "bags", ["status"])
    op.create_table(
        "bag_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bag_id", sa.Integer(), nullable=False),
        sa.Column("tracking_number", sa.String(32), nullable=False),
        sa.Column("courier", sa.String(16), nullable=False),
        sa.Column("phone_masked", sa.String(24), nullable=True),
        sa.Column("expected", sa.Boolean(), nullable=False),
        sa.Column("listed_division_code", sa.String(12), nullable=True),
        sa.Column("received_at", sa.String(27), nullable=True),
        sa.Column("received_by", sa.String(32), nullable=True),
        sa.Column("division_code", sa.String(12), nullable=True),
        sa.Column("manifest_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["bag_id"], ["bags.id"], name=op.f("fk_bag_items_bag_id_bags")),
        sa.ForeignKeyConstraint(
            ["manifest_id"], ["manifests.id"], name=op.f("fk_bag_items_manifest_id_manifests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bag_items")),
        sa.UniqueConstraint("bag_id", "tracking_number", name=op.f("uq_bag_items_bag_tracking")),
    )
    op.create_index(op.f("ix_bag_items_tracking_number"), "bag_items", ["tracking_number"])
    op.create_index("ix_bag_items_destination", "bag_items", ["division_code", "manifest_id"])


def downgrade() -> None:
    op.drop_table("bag_items")
    op.drop_table("bags")
    op.drop_table("manifest_findings")
    op.drop_table("manifest_siblings")
    op.drop_table("manifest_items")
    op.drop_table("manifests")
    op.drop_table("route_stops")
    op.drop_table("routes")
