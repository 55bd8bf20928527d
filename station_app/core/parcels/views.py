"""What screens see of a parcel: a snapshot with the phone already masked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from station_app.core.db.models import Parcel, ParcelStatus
from station_app.core.parcels.phones import mask


@dataclass(frozen=True)
class ParcelView:
    uid: str
    tracking_number: str
    courier: str
    status: ParcelStatus
    pickup_code: str
    shelf: str
    tier: int
    phone_masked: str
    search_key: str | None
    recipient_name: str | None
    checked_in_at: datetime
    checked_in_by: str
    picked_up_at: datetime | None
    picked_up_by: str | None

    @classmethod
    def of(cls, row: Parcel) -> ParcelView:
        return cls(
            uid=row.uid,
            tracking_number=row.tracking_number,
            courier=row.courier,
            status=ParcelStatus(row.status),
            pickup_code=row.pickup_code,
            shelf=row.shelf,
            tier=row.tier,
            phone_masked=mask(row.phone, row.phone_tail, row.extension),
            search_key=row.phone_tail or (row.extension[-4:] if row.extension else None),
            recipient_name=row.recipient_name,
            checked_in_at=row.checked_in_at,
            checked_in_by=row.checked_in_by,
            picked_up_at=row.picked_up_at,
            picked_up_by=row.picked_up_by,
        )

    @property
    def location(self) -> str:
        return f"{self.shelf}号货架第{self.tier}层"
