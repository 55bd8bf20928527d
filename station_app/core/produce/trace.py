"""Looking up a trace code (溯源查询): from a label back to the farmers who grew it.

A buyer or the county reads a code off a crate and asks where it came from; the keeper
types it (or scans the QR code) and sees the lot, the lots it was split from, the lots
split off it, every purchase that went into it or its ancestors, and where it went.
Farmers appear masked (张*丰) with their village: this screen may be shown to the
person asking, so no phone and no ID number, ever.

Every step is an indexed look-up (trace codes and lot uids are unique, ``parent_uid``
and purchases' ``lot_uid`` are indexed), so an answer takes a few milliseconds however
many purchases the station has made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core.clock import business_day
from station_app.core.db.produce_models import Farmer, ProduceLot, ProducePurchase, PurchaseStatus
from station_app.core.produce.farmers import village_name
from station_app.core.produce.lot_actions import LotView, views_of
from station_app.core.produce.lots import normalise_trace_code
from station_app.core.produce.reports import mask_name
from station_app.core.replay_base import PLACEHOLDER

MAX_DEPTH = 50
"""Splits of splits deeper than this are not followed (a loop in corrupt data, not
something a station does)."""


@dataclass(frozen=True)
class TracePurchase:
    """One purchase in the lot or an ancestor: who (masked), where from, how much."""

    number: str
    business_day: str
    farmer_name: str
    village_code: str
    village_name: str | None
    net_g: int
    grade_code: str
    grade_name: str
    lot_trace_code: str
    """The lot it went into: the traced lot or one of its ancestors."""


@dataclass(frozen=True)
class TraceShipment:
    """Where the lot, or a lot split off it, went."""

    trace_code: str
    to_kind: str
    to_name: str
    business_day: str
    net_g: int


@dataclass(frozen=True)
class TraceView:
    lot: LotView
    ancestors: tuple[LotView, ...]
    """The parent first, then its parent, up to the lot the purchases opened."""
    children: tuple[LotView, ...]
    """Lots split off this one (their own children are in ``shipments`` if shipped)."""
    purchases: tuple[TracePurchase, ...]
    shipments: tuple[TraceShipment, ...]

    @property
    def purchased_g(self) -> int:
        return sum(purchase.net_g for purchase in self.purchases)

    @property
    def farmers(self) -> int:
        return len({(p.farmer_name, p.village_code) for p in self.purchases})


def trace(session: Session, text: str) -> TraceView | None:
    """The lot a code names, as typed or scanned; None when no lot here has it (or the
    text cannot be a trace code)."""
    code = normalise_trace_code(text)
    if code is None:
        return None
    row = session.scalar(select(ProduceLot).where(ProduceLot.trace_code == code))
    if row is None:
        return None
    ancestors = _ancestors(session, row)
    descendants = _descendants(session, row)
    children = [lot for lot in descendants if lot.parent_uid == row.uid]
    views = {view.uid: view for view in views_of(session, [row, *ancestors, *children])}
    names = _grade_names(views.values())
    return TraceView(
        lot=views[row.uid],
        ancestors=tuple(views[lot.uid] for lot in ancestors),
        children=tuple(views[lot.uid] for lot in children),
        purchases=_purchases(session, [row, *ancestors], names),
        shipments=_shipments([row, *descendants]),
    )


def _ancestors(session: Session, row: ProduceLot) -> list[ProduceLot]:
    found: list[ProduceLot] = []
    parent_uid = row.parent_uid
    while parent_uid and len(found) < MAX_DEPTH:
        parent = session.scalar(select(ProduceLot).where(ProduceLot.uid == parent_uid))
        if parent is None or any(lot.uid == parent.uid for lot in found):
            break
        found.append(parent)
        parent_uid = parent.parent_uid
    return found


def _descendants(session: Session, row: ProduceLot) -> list[ProduceLot]:
    """Every lot split off this one, level by level (one query a level)."""
    found: list[ProduceLot] = []
    seen = {row.uid}
    level = [row.uid]
    for _ in range(MAX_DEPTH):
        if not level:
            break
        query = select(ProduceLot).where(ProduceLot.parent_uid.in_(level)).order_by(ProduceLot.id)
        rows = [lot for lot in session.scalars(query) if lot.uid not in seen]
        seen.update(lot.uid for lot in rows)
        found.extend(rows)
        level = [lot.uid for lot in rows]
    return found


def _grade_names(views: Iterable[LotView]) -> dict[tuple[str, str], str]:
    return {(view.product_code, view.grade_code): view.grade_name for view in views}


def _purchases(
    session: Session, lots: list[ProduceLot], grade_names: dict[tuple[str, str], str]
) -> tuple[TracePurchase, ...]:
    codes = {lot.uid: lot.trace_code for lot in lots}
    # Columns, not ORM rows: a lot holds hundreds of purchases, and their timestamps
    # (parsed for every loaded row) are not shown here.
    rows = session.execute(
        select(
            ProducePurchase.number,
            ProducePurchase.business_day,
            ProducePurchase.farmer_uid,
            ProducePurchase.village_code,
            ProducePurchase.net_g,
            ProducePurchase.product_code,
            ProducePurchase.grade_code,
            ProducePurchase.lot_uid,
        )
        .where(
            ProducePurchase.lot_uid.in_(list(codes)),
            ProducePurchase.status != PurchaseStatus.VOIDED.value,
        )
        .order_by(ProducePurchase.id)
    ).all()
    farmer_uids = {row.farmer_uid for row in rows}
    names: dict[str, str] = {}
    if farmer_uids:
        found = session.execute(
            select(Farmer.uid, Farmer.name).where(Farmer.uid.in_(farmer_uids))
        ).all()
        names = dict(found)
    villages = {row.village_code: village_name(row.village_code) for row in rows}
    return tuple(
        TracePurchase(
            number=row.number,
            business_day=row.business_day,
            farmer_name=_masked(names.get(row.farmer_uid, PLACEHOLDER)),
            village_code=row.village_code,
            village_name=villages[row.village_code],
            net_g=row.net_g,
            grade_code=row.grade_code,
            grade_name=grade_names.get((row.product_code, row.grade_code), row.grade_code),
            lot_trace_code=codes[row.lot_uid],
        )
        for row in rows
    )


def _masked(name: str) -> str:
    """张三丰 → 张*丰; a rebuilt farmer's placeholder stays, so it reads as missing."""
    return name if name == PLACEHOLDER else mask_name(name)


def _shipments(lots: list[ProduceLot]) -> tuple[TraceShipment, ...]:
    shipped = [lot for lot in lots if lot.shipped_at is not None]
    return tuple(
        TraceShipment(
            trace_code=lot.trace_code,
            to_kind=lot.shipped_to_kind or "",
            to_name=lot.shipped_to_name or "",
            business_day=_day(lot),
            net_g=lot.shipped_g,
        )
        for lot in shipped
    )


def _day(lot: ProduceLot) -> str:
    return business_day(lot.shipped_at).isoformat() if lot.shipped_at else ""
