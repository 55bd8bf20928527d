"""Dispatching a manifest (交接单) from the township to one village station.

Everything sorted to the village and not yet sent goes on one manifest, in the order it
was received; the manifest, its parcels and the ledger entry (with every tracking number:
custody passes to the van here) are one transaction. The number ``JJ`` + day + serial is
short enough to write on the bag and read over the phone; the uid is what identifies the
manifest between stations.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock, business_day
from station_app.core.db.manifest_models import (
    BagItem,
    Manifest,
    ManifestDirection,
    ManifestItem,
    ManifestStatus,
)
from station_app.core.db.models import StationLevel
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.manifests import routes
from station_app.core.manifests.stations import require_level
from station_app.core.manifests.views import ManifestDetail, ManifestItemView, ManifestView
from station_app.core.operators import OperatorInfo

MAX_PARCELS = 1000
"""One manifest's parcels at most (a bigger pile leaves on a second manifest)."""

NUMBER_PREFIX = "JJ"


def dispatch(
    session: Session, clock: Clock, *, actor: OperatorInfo, division_code: str
) -> ManifestDetail:
    """Put the village's pile on a new manifest, oldest parcels first."""
    township = require_level(session, StationLevel.TOWNSHIP)
    target = routes.destination(session, division_code)
    if target is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "这个村不在线路表里，不能发交接单。"))
    pile = list(
        session.scalars(
            select(BagItem)
            .where(
                BagItem.division_code == division_code,
                BagItem.received_at.is_not(None),
                BagItem.manifest_id.is_(None),
            )
            .order_by(BagItem.received_at, BagItem.id)
            .limit(MAX_PARCELS)
        )
    )
    if not pile:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "{village}没有待发的包裹。"), village=target.name
        )
    now = clock.now()
    manifest = Manifest(
        uid=str(uuid.uuid4()),
        number=_next_number(session, clock),
        direction=ManifestDirection.OUTGOING.value,
        status=ManifestStatus.DISPATCHED.value,
        from_station_id=township.station_id,
        from_name=township.name,
        to_station_id=target.stop.station_id,
        to_name=target.name,
        to_division_code=target.division_code,
        route_code=target.route_code,
        route_name=target.route_name,
        parcel_count=len(pile),
        dispatched_at=now,
        dispatched_by=actor.login,
    )
    session.add(manifest)
    session.flush()
    items = []
    for position, parcel in enumerate(pile):
        item = ManifestItem(
            manifest_id=manifest.id,
            position=position,
            tracking_number=parcel.tracking_number,
            courier=parcel.courier,
            phone_masked=parcel.phone_masked,
        )
        session.add(item)
        items.append(ManifestItemView.of(item))
    session.execute(
        update(BagItem)
        .where(BagItem.id.in_([parcel.id for parcel in pile]))
        .values(manifest_id=manifest.id)
    )
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="manifest.dispatched",
        payload={
            "manifest": manifest.uid,
            "number": manifest.number,
            "to_station_id": manifest.to_station_id,
            "to_name": manifest.to_name,
            "to_division_code": manifest.to_division_code,
            "route": manifest.route_code,
            "parcel_count": manifest.parcel_count,
            "tracking_numbers": [item.tracking_number for item in items],
        },
    )
    return ManifestDetail(ManifestView.of(manifest), tuple(items))


def _next_number(session: Session, clock: Clock) -> str:
    """``JJ20261123001``: the day's serial continues after the highest one used."""
    prefix = f"{NUMBER_PREFIX}{business_day(clock.now()):%Y%m%d}"
    last = session.scalar(
        select(func.max(Manifest.number)).where(
            Manifest.direction == ManifestDirection.OUTGOING.value,
            Manifest.number.like(f"{prefix}%"),
        )
    )
    serial = 1 if last is None else int(last[len(prefix) :]) + 1
    return f"{prefix}{serial:03d}"


def outgoing(session: Session, limit: int = 100) -> list[ManifestView]:
    """The manifests this township sent, newest first."""
    rows = session.scalars(
        select(Manifest)
        .where(Manifest.direction == ManifestDirection.OUTGOING.value)
        .order_by(Manifest.id.desc())
        .limit(limit)
    )
    return [ManifestView.of(row) for row in rows]


def detail(session: Session, uid: str) -> ManifestDetail:
    row = session.scalar(select(Manifest).where(Manifest.uid == uid))
    if row is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "找不到这张交接单。"))
    items = session.scalars(
        select(ManifestItem)
        .where(ManifestItem.manifest_id == row.id)
        .order_by(ManifestItem.position)
    )
    return ManifestDetail(ManifestView.of(row), tuple(ManifestItemView.of(i) for i in items))


def route_siblings(session: Session, uid: str) -> list[ManifestDetail]:
    """The other manifests of the same route sent the same day: the van drops them at the
    neighbouring stops, so a parcel left at the wrong one is most likely on one of them."""
    row = session.scalar(select(Manifest).where(Manifest.uid == uid))
    if row is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "找不到这张交接单。"))
    day_prefix = row.number[: len(NUMBER_PREFIX) + 8]
    others = session.scalars(
        select(Manifest.uid).where(
            Manifest.direction == ManifestDirection.OUTGOING.value,
            Manifest.route_code == row.route_code,
            Manifest.number.like(f"{day_prefix}%"),
            Manifest.id != row.id,
        )
    )
    return [detail(session, other) for other in others]
