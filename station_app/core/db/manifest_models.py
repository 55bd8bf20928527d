"""Township manifests (交接单): the route table, bags received, manifests sent and received.

A township store uses the route tables, bags and outgoing manifests; a village store
uses incoming manifests and their route siblings. One set of tables serves both, told
apart by ``manifests.direction``, because a manifest is the same document at both ends.

Recipient phones never reach these tables in full: only the masked form that is printed
on the manifest (``138****1234``) travels from the county to the township to the village.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from station_app.core.db.base import Base, UTCInstant


class RouteSource(enum.StrEnum):
    LOCAL = "local"
    COUNTY = "county"


class Route(Base):
    """A village route (线路) out of the township: one van run, several village stops.

    ``source`` says who wrote it: the keeper here, or the county (the sync issue will
    replace the whole table with the county's, keyed by ``code``, in one transaction).
    """

    __tablename__ = "routes"
    __table_args__ = (CheckConstraint("source IN ('local', 'county')", name="source"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(8))
    updated_at: Mapped[datetime] = mapped_column(UTCInstant())


class RouteStop(Base):
    """A village station a route serves. A village sits on one route only (unique code)."""

    __tablename__ = "route_stops"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    route_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("routes.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    station_name: Mapped[str] = mapped_column(String(60))
    division_code: Mapped[str] = mapped_column(String(12), unique=True)
    station_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class BagSource(enum.StrEnum):
    LIST = "list"
    BLIND = "blind"


class BagStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Bag(Base):
    """A bag (收包) from the county logistics centre, received against a list or blind."""

    __tablename__ = "bags"
    __table_args__ = (
        CheckConstraint("source IN ('list', 'blind')", name="source"),
        CheckConstraint("status IN ('open', 'closed')", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    label: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(8), index=True)
    list_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    opened_at: Mapped[datetime] = mapped_column(UTCInstant())
    opened_by: Mapped[str] = mapped_column(String(32))
    closed_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(32), nullable=True)


class BagItem(Base):
    """A parcel of a bag: expected by the list, scanned, or both.

    ``received_at`` NULL is a parcel the list promised and nobody scanned yet; ``expected``
    false is one scanned that the list did not know. ``division_code`` is where it goes
    (the list's destination, or the keeper's sorting); ``manifest_id`` the manifest that
    took it on to the village.
    """

    __tablename__ = "bag_items"
    __table_args__ = (
        UniqueConstraint("bag_id", "tracking_number", name="uq_bag_items_bag_tracking"),
        Index("ix_bag_items_destination", "division_code", "manifest_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bag_id: Mapped[int] = mapped_column(Integer, ForeignKey("bags.id"))
    tracking_number: Mapped[str] = mapped_column(String(32), index=True)
    courier: Mapped[str] = mapped_column(String(16))
    phone_masked: Mapped[str | None] = mapped_column(String(24), nullable=True)
    expected: Mapped[bool] = mapped_column()
    listed_division_code: Mapped[str | None] = mapped_column(String(12), nullable=True)
    received_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    received_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    division_code: Mapped[str | None] = mapped_column(String(12), nullable=True)
    manifest_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("manifests.id"), nullable=True
    )


class ManifestDirection(enum.StrEnum):
    OUTGOING = "outgoing"
    INCOMING = "incoming"


class ManifestStatus(enum.StrEnum):
    DISPATCHED = "dispatched"
    OPEN = "open"
    CLOSED = "closed"


class Manifest(Base):
    """A handover manifest (交接单): sent by this township, or received by this village.

    ``uid`` is the manifest's identity at both ends (a re-imported file is recognised by
    it); ``number`` is what people read and write on the bag. The counts of a closed
    incoming manifest are frozen when the keeper closes it.
    """

    __tablename__ = "manifests"
    __table_args__ = (
        CheckConstraint("direction IN ('outgoing', 'incoming')", name="direction"),
        CheckConstraint("status IN ('dispatched', 'open', 'closed')", name="status"),
        Index("ix_manifests_direction_status", "direction", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    number: Mapped[str] = mapped_column(String(24))
    direction: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(12))
    from_station_id: Mapped[str] = mapped_column(String(36))
    from_name: Mapped[str] = mapped_column(String(60))
    to_station_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    to_name: Mapped[str] = mapped_column(String(60))
    to_division_code: Mapped[str] = mapped_column(String(12))
    route_code: Mapped[str] = mapped_column(String(16))
    route_name: Mapped[str] = mapped_column(String(40))
    parcel_count: Mapped[int] = mapped_column(Integer)
    dispatched_at: Mapped[datetime] = mapped_column(UTCInstant())
    dispatched_by: Mapped[str] = mapped_column(String(32))
    content_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    imported_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    imported_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    arrived_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    missing_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    extra_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    wrong_route_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    relayed_at: Mapped[datetime | None] = mapped_column(UTCInstant(), nullable=True)
    """An outgoing manifest the county acknowledged holding (relayed to its village)."""
    relay_error: Mapped[str | None] = mapped_column(String(32), nullable=True)
    """The county's last refusal of it (``sync.wire.ErrorCode``); a refusal that cannot
    change by itself (refused, conflict) is not posted again."""


class ManifestItem(Base):
    """One parcel on a manifest, as printed: tracking number, courier, masked phone."""

    __tablename__ = "manifest_items"
    __table_args__ = (
        UniqueConstraint("manifest_id", "tracking_number", name="uq_manifest_items_tracking"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    manifest_id: Mapped[int] = mapped_column(Integer, ForeignKey("manifests.id"))
    position: Mapped[int] = mapped_column(Integer)
    tracking_number: Mapped[str] = mapped_column(String(32), index=True)
    courier: Mapped[str] = mapped_column(String(16))
    phone_masked: Mapped[str | None] = mapped_column(String(24), nullable=True)
    arrived: Mapped[bool | None] = mapped_column(nullable=True)
    """Frozen when an incoming manifest is closed; NULL while it is open (derived live)."""


class ManifestSibling(Base):
    """A parcel another village's manifest on the same route run carries.

    Shipped inside a village's manifest file (tracking numbers only, no phones) so the
    village can tell a parcel dropped at the wrong stop (错分) from a plain extra.
    """

    __tablename__ = "manifest_siblings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    manifest_id: Mapped[int] = mapped_column(Integer, ForeignKey("manifests.id"), index=True)
    tracking_number: Mapped[str] = mapped_column(String(32), index=True)
    other_number: Mapped[str] = mapped_column(String(24))
    other_to_name: Mapped[str] = mapped_column(String(60))


class ManifestFinding(Base):
    """What closing an incoming manifest found beyond its own list: an extra parcel, or
    one that belongs to another village (wrong route). Frozen at close, for reprints."""

    __tablename__ = "manifest_findings"
    __table_args__ = (CheckConstraint("kind IN ('extra', 'wrong_route')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    manifest_id: Mapped[int] = mapped_column(Integer, ForeignKey("manifests.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    tracking_number: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(String(80))
