"""The counter's day at a glance: parcels in, out, waiting and overdue, by courier.

Read from the state tables through their indexes, so the numbers stay instant with a
million parcels on record.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from station_app.core.clock import STATION_TZ
from station_app.core.db.models import Parcel, ParcelStatus

ON_SHELF = ParcelStatus.ON_SHELF.value


@dataclass(frozen=True)
class DayCounts:
    checked_in: int
    picked_up: int
    waiting: int
    overdue: int
    by_courier: dict[str, Counter[str]] = field(default_factory=dict)
    """courier → Counter of "in" / "out" / "waiting"."""


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The business day as a half-open range of instants (Beijing midnight to midnight)."""
    start = datetime.combine(day, time(0), tzinfo=STATION_TZ)
    return start, start + timedelta(days=1)


def day_counts(session: Session, day: date, now: datetime, overdue_days: int) -> DayCounts:
    start, end = day_bounds(day)
    checked_in = _by_courier(session, Parcel.code_day == day.isoformat())
    picked_up = _by_courier(session, (Parcel.picked_up_at >= start) & (Parcel.picked_up_at < end))
    waiting = _by_courier(session, Parcel.status == ON_SHELF)
    cutoff = now - timedelta(days=overdue_days)
    overdue = session.scalar(
        select(func.count())
        .select_from(Parcel)
        .where(Parcel.status == ON_SHELF, Parcel.checked_in_at < cutoff)
    )
    couriers: dict[str, Counter[str]] = {}
    for label, counts in (("in", checked_in), ("out", picked_up), ("waiting", waiting)):
        for courier, count in counts.items():
            couriers.setdefault(courier, Counter())[label] = count
    return DayCounts(
        checked_in=sum(checked_in.values()),
        picked_up=sum(picked_up.values()),
        waiting=sum(waiting.values()),
        overdue=int(overdue or 0),
        by_courier=couriers,
    )


def _by_courier(session: Session, condition: ColumnElement[bool]) -> dict[str, int]:
    rows = session.execute(
        select(Parcel.courier, func.count()).where(condition).group_by(Parcel.courier)
    )
    return {courier: int(count) for courier, count in rows}
