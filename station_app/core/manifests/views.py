"""What screens and files see of a manifest: plain snapshots, phones already masked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from station_app.core.db.manifest_models import (
    Manifest,
    ManifestDirection,
    ManifestItem,
    ManifestStatus,
)


@dataclass(frozen=True)
class ManifestItemView:
    tracking_number: str
    courier: str
    phone_masked: str | None
    arrived: bool | None = None

    @classmethod
    def of(cls, row: ManifestItem) -> ManifestItemView:
        return cls(row.tracking_number, row.courier, row.phone_masked, row.arrived)


@dataclass(frozen=True)
class ManifestView:
    uid: str
    number: str
    direction: ManifestDirection
    status: ManifestStatus
    from_station_id: str
    from_name: str
    to_station_id: str | None
    to_name: str
    to_division_code: str
    route_code: str
    route_name: str
    parcel_count: int
    dispatched_at: datetime
    dispatched_by: str
    imported_at: datetime | None = None
    closed_at: datetime | None = None

    @classmethod
    def of(cls, row: Manifest) -> ManifestView:
        return cls(
            uid=row.uid,
            number=row.number,
            direction=ManifestDirection(row.direction),
            status=ManifestStatus(row.status),
            from_station_id=row.from_station_id,
            from_name=row.from_name,
            to_station_id=row.to_station_id,
            to_name=row.to_name,
            to_division_code=row.to_division_code,
            route_code=row.route_code,
            route_name=row.route_name,
            parcel_count=row.parcel_count,
            dispatched_at=row.dispatched_at,
            dispatched_by=row.dispatched_by,
            imported_at=row.imported_at,
            closed_at=row.closed_at,
        )


@dataclass(frozen=True)
class ManifestDetail:
    """A manifest with its parcels in manifest order: what is printed and exported."""

    manifest: ManifestView
    items: tuple[ManifestItemView, ...]
