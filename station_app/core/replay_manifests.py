"""Replaying route, bag and manifest entries (交接单) onto the state tables.

Township custody is on the ledger parcel by parcel (received, sorted, dispatched), so
a township's bags and outgoing manifests come back nearly whole; what the ledger does
not carry (a bag list's masked phones and listed destinations, an incoming manifest's
couriers, route siblings and dispatch details) is filled with placeholders. See
:mod:`station_app.core.replay` for the table.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from station_app.core.db.manifest_models import (
    Bag,
    BagItem,
    BagStatus,
    Manifest,
    ManifestDirection,
    ManifestFinding,
    ManifestItem,
    ManifestStatus,
    Route,
    RouteSource,
    RouteStop,
)
from station_app.core.db.models import Station
from station_app.core.replay_base import PLACEHOLDER, UNKNOWN_COURIER, Entry, Handler


def _station(session: Session) -> Station:
    """``station.created`` is entry 1, so it is always replayed (or held) before this."""
    return session.scalars(select(Station)).one()


def route_saved(session: Session, entry: Entry) -> None:
    """Upserted by code. A save that renamed a route's code left no trace of the old code
    on the ledger, so the old route stays; its villages move to this one (a village is
    on one route only)."""
    payload = entry.payload
    route = session.scalar(select(Route).where(Route.code == payload["code"]))
    if route is None:
        last = session.scalar(select(func.max(Route.position)))
        route = Route(
            code=payload["code"],
            position=0 if last is None else last + 1,
            source=RouteSource.LOCAL.value,
        )
        session.add(route)
    route.name, route.updated_at = payload["name"], entry.occurred_at
    route.source = RouteSource.LOCAL.value
    session.flush()
    villages = [stop["division_code"] for stop in payload["stops"]]
    session.execute(
        delete(RouteStop).where(
            (RouteStop.route_id == route.id) | RouteStop.division_code.in_(villages)
        )
    )
    for position, stop in enumerate(payload["stops"]):
        session.add(
            RouteStop(
                route_id=route.id,
                position=position,
                station_name=stop["name"],
                division_code=stop["division_code"],
                station_id=stop.get("station_id"),
            )
        )
    session.flush()


def route_removed(session: Session, entry: Entry) -> None:
    route = session.scalar(select(Route).where(Route.code == entry.payload["code"]))
    if route is None:
        return
    session.execute(delete(RouteStop).where(RouteStop.route_id == route.id))
    session.delete(route)
    session.flush()


def _bag(session: Session, uid: str) -> Bag | None:
    return session.scalar(select(Bag).where(Bag.uid == uid))


def _bag_item(session: Session, bag: Bag, tracking: str) -> BagItem | None:
    return session.scalar(
        select(BagItem).where(BagItem.bag_id == bag.id, BagItem.tracking_number == tracking)
    )


def bag_opened(session: Session, entry: Entry) -> None:
    """The bag, without its list: the ledger has the list's hash and size, not its parcels
    (they come back one by one as they were received, and the missing ones at close)."""
    payload = entry.payload
    if _bag(session, payload["bag"]) is not None:
        return
    session.add(
        Bag(
            uid=payload["bag"],
            label=payload["label"],
            source=payload["source"],
            status=BagStatus.OPEN.value,
            list_hash=payload.get("list_hash"),
            opened_at=entry.occurred_at,
            opened_by=entry.operator,
        )
    )
    session.flush()


def bag_parcel_received(session: Session, entry: Entry) -> None:
    payload = entry.payload
    bag = _bag(session, payload["bag"])
    if bag is None:
        return
    item = _bag_item(session, bag, payload["tracking_number"])
    if item is None:
        item = BagItem(
            bag_id=bag.id,
            tracking_number=payload["tracking_number"],
            courier=payload["courier"],
            expected=payload["expected"],
            listed_division_code=payload.get("destination") if payload["expected"] else None,
        )
        session.add(item)
    item.received_at, item.received_by = entry.occurred_at, entry.operator
    item.division_code = payload.get("destination")
    session.flush()


def bag_parcel_sorted(session: Session, entry: Entry) -> None:
    bag = _bag(session, entry.payload["bag"])
    item = None if bag is None else _bag_item(session, bag, entry.payload["tracking_number"])
    if item is not None:
        item.division_code = entry.payload["destination"]
        session.flush()


def bag_closed(session: Session, entry: Entry) -> None:
    """Closed, with the listed parcels nobody scanned put back as expected and not
    received (their courier and phone were on the list only)."""
    bag = _bag(session, entry.payload["bag"])
    if bag is None:
        return
    bag.status = BagStatus.CLOSED.value
    bag.closed_at, bag.closed_by = entry.occurred_at, entry.operator
    for tracking in entry.payload["missing_tracking_numbers"]:
        if _bag_item(session, bag, tracking) is None:
            session.add(
                BagItem(
                    bag_id=bag.id, tracking_number=tracking, courier=UNKNOWN_COURIER, expected=True
                )
            )
    session.flush()


def manifest_dispatched(session: Session, entry: Entry) -> None:
    """Rebuilt from the bag items it took (courier and masked phone come from there), and
    those items marked as gone on it, as ``dispatch`` did."""
    payload = entry.payload
    if session.scalar(select(Manifest.id).where(Manifest.uid == payload["manifest"])):
        return
    township = _station(session)
    route_name = session.scalar(select(Route.name).where(Route.code == payload["route"]))
    manifest = Manifest(
        uid=payload["manifest"],
        number=payload["number"],
        direction=ManifestDirection.OUTGOING.value,
        status=ManifestStatus.DISPATCHED.value,
        from_station_id=township.station_id,
        from_name=township.name,
        to_station_id=payload.get("to_station_id"),
        to_name=payload["to_name"],
        to_division_code=payload["to_division_code"],
        route_code=payload["route"],
        route_name=route_name or payload["route"],
        parcel_count=payload["parcel_count"],
        dispatched_at=entry.occurred_at,
        dispatched_by=entry.operator,
    )
    session.add(manifest)
    session.flush()
    for position, tracking in enumerate(payload["tracking_numbers"]):
        item = session.scalar(
            select(BagItem)
            .where(
                BagItem.tracking_number == tracking,
                BagItem.received_at.is_not(None),
                BagItem.manifest_id.is_(None),
            )
            .order_by(BagItem.id.desc())
            .limit(1)
        )
        session.add(
            ManifestItem(
                manifest_id=manifest.id,
                position=position,
                tracking_number=tracking,
                courier=UNKNOWN_COURIER if item is None else item.courier,
                phone_masked=None if item is None else item.phone_masked,
            )
        )
        if item is not None:
            session.execute(
                update(BagItem).where(BagItem.id == item.id).values(manifest_id=manifest.id)
            )
    session.flush()


def manifest_imported(session: Session, entry: Entry) -> None:
    """Open, addressed to this station, listing the parcels by number. The file's route,
    dispatch details, couriers, masked phones and route siblings are not on the ledger:
    placeholders, and no wrong-route (错分) findings for it until it is closed."""
    payload = entry.payload
    if session.scalar(select(Manifest.id).where(Manifest.uid == payload["manifest"])):
        return
    village = _station(session)
    manifest = Manifest(
        uid=payload["manifest"],
        number=payload["number"],
        direction=ManifestDirection.INCOMING.value,
        status=ManifestStatus.OPEN.value,
        from_station_id=payload["from_station_id"],
        from_name=payload["from_name"],
        to_station_id=village.station_id,
        to_name=village.name,
        to_division_code=village.division_code,
        route_code=PLACEHOLDER,
        route_name=PLACEHOLDER,
        parcel_count=payload["parcel_count"],
        dispatched_at=entry.occurred_at,  # not known: the import's time stands in
        dispatched_by=PLACEHOLDER,
        content_hash=payload["content_hash"],
        imported_at=entry.occurred_at,
        imported_by=entry.operator,
    )
    session.add(manifest)
    session.flush()
    for position, tracking in enumerate(payload["tracking_numbers"]):
        session.add(
            ManifestItem(
                manifest_id=manifest.id,
                position=position,
                tracking_number=tracking,
                courier=UNKNOWN_COURIER,
                phone_masked=None,
            )
        )
    session.flush()


def manifest_reconciled(session: Session, entry: Entry) -> None:
    """The frozen report exactly as the entry states it: counts, arrivals, findings."""
    payload = entry.payload
    manifest = session.scalar(select(Manifest).where(Manifest.uid == payload["manifest"]))
    if manifest is None:
        return
    missing = set(payload["missing_tracking_numbers"])
    for row in session.scalars(select(ManifestItem).where(ManifestItem.manifest_id == manifest.id)):
        row.arrived = row.tracking_number not in missing
    findings = [("extra", t) for t in payload["extra_tracking_numbers"]] + [
        ("wrong_route", t) for t in payload["wrong_route_tracking_numbers"]
    ]
    for kind, tracking in findings:
        session.add(
            ManifestFinding(
                manifest_id=manifest.id,
                kind=kind,
                tracking_number=tracking,
                note=PLACEHOLDER if kind == "wrong_route" else "",
            )
        )
    manifest.status = ManifestStatus.CLOSED.value
    manifest.closed_at, manifest.closed_by = entry.occurred_at, entry.operator
    manifest.arrived_count = payload["arrived"]
    manifest.missing_count = payload["missing"]
    manifest.extra_count = payload["extra"]
    manifest.wrong_route_count = payload["wrong_route"]
    session.flush()


HANDLERS: dict[str, Handler] = {
    "route.saved": route_saved,
    "route.removed": route_removed,
    "bag.opened": bag_opened,
    "bag.parcel_received": bag_parcel_received,
    "bag.parcel_sorted": bag_parcel_sorted,
    "bag.closed": bag_closed,
    "manifest.dispatched": manifest_dispatched,
    "manifest.imported": manifest_imported,
    "manifest.reconciled": manifest_reconciled,
}
