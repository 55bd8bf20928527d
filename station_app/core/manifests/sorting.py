"""Sorting (分拣) received parcels into village piles, one scan per parcel.

The keeper picks the village whose basket is in front of them and scans a run of parcels
into it; switching village is one key in the UI. A parcel may be moved to another pile
until it leaves on a manifest. When the county's list named another village, the parcel
still goes where the keeper put it (the waybill in their hand is the better witness),
but the result says so loudly, so a slip of the hand is caught at the basket.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station_app.core import couriers, ledger
from station_app.core.clock import Clock
from station_app.core.db.manifest_models import Bag, BagItem
from station_app.core.db.models import StationLevel
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.manifests import routes
from station_app.core.manifests.routes import Destination
from station_app.core.manifests.stations import require_level
from station_app.core.operators import OperatorInfo


class SortOutcome(enum.StrEnum):
    SORTED = "sorted"
    MOVED = "moved"
    ALREADY_THERE = "already_there"
    AGAINST_LIST = "against_list"


@dataclass(frozen=True)
class SortResult:
    outcome: SortOutcome
    tracking_number: str
    destination: Destination
    listed: Destination | None = None
    """For AGAINST_LIST: the village the county's list named."""


@dataclass(frozen=True)
class Pile:
    """Parcels sorted to one village and not yet on a manifest."""

    destination: Destination
    count: int


def sort(
    session: Session, clock: Clock, *, actor: OperatorInfo, text: str, division_code: str
) -> SortResult:
    """Put the scanned parcel on ``division_code``'s pile."""
    require_level(session, StationLevel.TOWNSHIP)
    target = routes.destination(session, division_code)
    if target is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "请先选择要分到哪个村。"))
    tracking = couriers.normalise_scan(text)
    row = session.execute(
        select(BagItem, Bag.uid)
        .join(Bag, Bag.id == BagItem.bag_id)
        .where(
            BagItem.tracking_number == tracking,
            BagItem.received_at.is_not(None),
            BagItem.manifest_id.is_(None),
        )
        .order_by(BagItem.id.desc())
        .limit(1)
    ).first()
    if row is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "单号{tracking}还没有收包，或已经发出，不能分拣。"),
            tracking=tracking,
        )
    item, bag_uid = row[0], row[1]
    if item.division_code == target.division_code:
        return SortResult(SortOutcome.ALREADY_THERE, tracking, target)
    outcome = SortOutcome.SORTED if item.division_code is None else SortOutcome.MOVED
    listed = None
    if item.listed_division_code not in (None, target.division_code):
        outcome = SortOutcome.AGAINST_LIST
        listed = routes.destination(session, item.listed_division_code or "")
    item.division_code = target.division_code
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="bag.parcel_sorted",
        payload={
            "bag": bag_uid,
            "tracking_number": tracking,
            "destination": target.division_code,
            "route": target.route_code,
        },
    )
    return SortResult(outcome, tracking, target, listed)


def piles(session: Session) -> list[Pile]:
    """Every village with parcels waiting to be dispatched, in route order."""
    query = (
        select(BagItem.division_code, func.count())
        .where(
            BagItem.division_code.is_not(None),
            BagItem.received_at.is_not(None),
            BagItem.manifest_id.is_(None),
        )
        .group_by(BagItem.division_code)
    )
    waiting: dict[str | None, int] = dict(session.execute(query).all())
    return [
        Pile(place, waiting[place.division_code])
        for place in routes.destinations(session)
        if waiting.get(place.division_code)
    ]


def unsorted_count(session: Session) -> int:
    """Received, not dispatched, and in nobody's pile yet."""
    return (
        session.scalar(
            select(func.count()).where(
                BagItem.division_code.is_(None),
                BagItem.received_at.is_not(None),
                BagItem.manifest_id.is_(None),
            )
        )
        or 0
    )
