"""Photos kept with a hand-over (取件拍照): where the picture is and what it hashed to.

The picture itself is a JPEG file under the data dir, not a BLOB: the database stays
small enough to copy for its daily backup, and the file can be shown or handed to the
county as it is. The row ties the file to the parcel and to the ``parcel.picked_up``
entry, whose payload carries the same sha256, so anyone holding the ledger can tell
whether a photo shown later is the one taken at the counter.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from station_app.core.db.base import Base, UTCInstant


class PickupPhoto(Base):
    """One parcel's hand-over photo; a photo of several parcels has one row for each."""

    __tablename__ = "pickup_photos"
    __table_args__ = (CheckConstraint("size_bytes > 0", name="size"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # A parcel leaves the shelf once, so it has at most one hand-over photo.
    parcel_uid: Mapped[str] = mapped_column(String(36), ForeignKey("parcels.uid"), unique=True)
    handover_entry: Mapped[str] = mapped_column(String(36))
    # Relative to the data dir, with "/" separators, so a moved data dir still finds it.
    path: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer)
    taken_at: Mapped[datetime] = mapped_column(UTCInstant())
    taken_by: Mapped[str] = mapped_column(String(32))
