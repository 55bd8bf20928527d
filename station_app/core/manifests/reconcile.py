"""The village side: import a manifest, and see what of it arrived (核对).

Reconciliation is derived when it is asked for, from the parcels table the check-in
writes anyway: a manifest parcel has arrived when a parcel with its tracking number is on
record. So check-in itself pays nothing for manifests (not one extra query per scan), and
the report can never disagree with what was checked in, whatever order things happened
in (a file imported after the bag was unpacked reconciles just the same).

Beyond its own list, a manifest's report counts the parcels checked in from its first
arrival on (until it is closed) that are on no manifest of this station: an *extra*, or,
when the tracking number is on a neighbouring village's manifest of the same route run
(shipped in the file as ``siblings``), a *wrong route* parcel (错分) to send back with the
van. A parcel arriving from a courier directly while a bag is being unpacked counts as
extra too; the keeper closes the manifest when the bag is done, which freezes the report
(and its ledger entry) as it stands.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from station_app.core import ledger
from station_app.core.clock import Clock, local_time
from station_app.core.db.manifest_models import (
    Manifest,
    ManifestDirection,
    ManifestFinding,
    ManifestItem,
    ManifestSibling,
    ManifestStatus,
)
from station_app.core.db.models import Parcel, StationLevel
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.manifests.files import ManifestDocument, safe_mask
from station_app.core.manifests.stations import require_level
from station_app.core.manifests.views import ManifestDetail, ManifestItemView, ManifestView
from station_app.core.operators import OperatorInfo
from sync.protocol import parse_instant

MAX_FINDINGS = 1000
INCOMING = ManifestDirection.INCOMING.value


class FindingKind(enum.StrEnum):
    EXTRA = "extra"
    WRONG_ROUTE = "wrong_route"


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    tracking_number: str
    note: str = ""
    """For a wrong-route parcel: the village and manifest it belongs to."""


@dataclass(frozen=True)
class Reconciliation:
    manifest: ManifestView
    items: tuple[ManifestItemView, ...]
    findings: tuple[Finding, ...]

    @property
    def expected(self) -> int:
        return len(self.items)

    @property
    def arrived(self) -> int:
        return sum(1 for item in self.items if item.arrived)

    @property
    def missing_items(self) -> tuple[ManifestItemView, ...]:
        return tuple(item for item in self.items if not item.arrived)

    @property
    def extra(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind is FindingKind.EXTRA)

    @property
    def wrong_route(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind is FindingKind.WRONG_ROUTE)


def import_manifest(
    session: Session, clock: Clock, *, actor: OperatorInfo, document: ManifestDocument
) -> ManifestDetail:
    """Take a checked manifest file on record as an open manifest addressed to us."""
    village = require_level(session, StationLevel.VILLAGE)
    body = document.body
    addressed_here = (
        body.to_station_id == village.station_id
        if body.to_station_id is not None
        else body.to_division_code == village.division_code
    )
    if not addressed_here:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "core", "这张交接单是发给{village}（{code}）的，不是本站的，不能导入。"
            ),
            village=body.to_name,
            code=body.to_division_code,
        )
    earlier = session.scalar(select(Manifest).where(Manifest.uid == body.uid))
    if earlier is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "交接单{number}已经导入过了，不用再导入。"),
            number=earlier.number,
        )
    now = clock.now()
    manifest = Manifest(
        uid=body.uid,
        number=body.number,
        direction=INCOMING,
        status=ManifestStatus.OPEN.value,
        from_station_id=body.from_station_id,
        from_name=body.from_name,
        to_station_id=body.to_station_id,
        to_name=body.to_name,
        to_division_code=body.to_division_code,
        route_code=body.route_code,
        route_name=body.route_name,
        parcel_count=len(body.parcels),
        dispatched_at=parse_instant(body.dispatched_at),
        dispatched_by=body.dispatched_by,
        content_hash=document.content_hash,
        imported_at=now,
        imported_by=actor.login,
    )
    session.add(manifest)
    session.flush()
    items = []
    for position, parcel in enumerate(body.parcels):
        item = ManifestItem(
            manifest_id=manifest.id,
            position=position,
            tracking_number=parcel.tracking_number,
            courier=parcel.courier,
            phone_masked=safe_mask(parcel.phone_masked),
        )
        session.add(item)
        items.append(ManifestItemView.of(item))
    for sibling in body.siblings:
        for tracking in sibling.tracking_numbers:
            session.add(
                ManifestSibling(
                    manifest_id=manifest.id,
                    tracking_number=tracking,
                    other_number=sibling.number,
                    other_to_name=sibling.to_name,
                )
            )
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="manifest.imported",
        payload={
            "manifest": manifest.uid,
            "number": manifest.number,
            "from_station_id": manifest.from_station_id,
            "from_name": manifest.from_name,
            "parcel_count": manifest.parcel_count,
            "content_hash": document.content_hash,
            "tracking_numbers": [item.tracking_number for item in items],
        },
    )
    return ManifestDetail(ManifestView.of(manifest), tuple(items))


def incoming(session: Session, limit: int = 100) -> list[ManifestView]:
    """Open manifests first (oldest first: the bag most likely on the counter), then the
    closed ones, newest first."""
    open_rows = session.scalars(
        select(Manifest)
        .where(Manifest.direction == INCOMING, Manifest.status == ManifestStatus.OPEN.value)
        .order_by(Manifest.id)
    )
    closed_rows = session.scalars(
        select(Manifest)
        .where(Manifest.direction == INCOMING, Manifest.status == ManifestStatus.CLOSED.value)
        .order_by(Manifest.id.desc())
        .limit(limit)
    )
    return [ManifestView.of(row) for row in [*open_rows, *closed_rows]]


def reconciliation(session: Session, uid: str) -> Reconciliation:
    manifest = _incoming(session, uid)
    rows = list(
        session.scalars(
            select(ManifestItem)
            .where(ManifestItem.manifest_id == manifest.id)
            .order_by(ManifestItem.position)
        )
    )
    if manifest.status == ManifestStatus.CLOSED.value:
        return Reconciliation(
            ManifestView.of(manifest),
            tuple(ManifestItemView.of(row) for row in rows),
            _frozen_findings(session, manifest.id),
        )
    first_seen = _arrivals(session, [row.tracking_number for row in rows])
    items = tuple(
        ManifestItemView(
            r.tracking_number, r.courier, r.phone_masked, r.tracking_number in first_seen
        )
        for r in rows
    )
    start = min(first_seen.values(), default=None)
    findings = () if start is None else _findings(session, start, manifest.closed_at)
    return Reconciliation(ManifestView.of(manifest), items, findings)


def _incoming(session: Session, uid: str) -> Manifest:
    row = session.scalar(
        select(Manifest).where(Manifest.uid == uid, Manifest.direction == INCOMING)
    )
    if row is None:
        raise ValidationError(QT_TRANSLATE_NOOP("core", "找不到这张交接单。"))
    return row


def _arrivals(session: Session, numbers: list[str]) -> dict[str, int]:
    """Tracking number → id of its first parcel record, for those checked in."""
    if not numbers:
        return {}
    rows = session.execute(
        select(Parcel.tracking_number, func.min(Parcel.id))
        .where(Parcel.tracking_number.in_(numbers))
        .group_by(Parcel.tracking_number)
    )
    return dict(rows.all())


def _findings(session: Session, start: int, until: datetime | None) -> tuple[Finding, ...]:
    """Parcels checked in since ``start`` that are on none of this station's manifests."""
    on_a_manifest = exists().where(
        ManifestItem.tracking_number == Parcel.tracking_number,
        Manifest.id == ManifestItem.manifest_id,
        Manifest.direction == INCOMING,
    )
    query = select(Parcel.tracking_number).where(Parcel.id >= start, ~on_a_manifest)
    if until is not None:
        query = query.where(Parcel.checked_in_at <= until)
    strays = list(dict.fromkeys(session.scalars(query.order_by(Parcel.id).limit(MAX_FINDINGS))))
    if not strays:
        return ()
    elsewhere: dict[str, str] = {}
    for tracking, number, village in session.execute(
        select(
            ManifestSibling.tracking_number,
            ManifestSibling.other_number,
            ManifestSibling.other_to_name,
        ).where(ManifestSibling.tracking_number.in_(strays))
    ):
        elsewhere.setdefault(tracking, f"{village} {number}")
    return tuple(
        Finding(FindingKind.WRONG_ROUTE, t, elsewhere[t])
        if t in elsewhere
        else Finding(FindingKind.EXTRA, t)
        for t in strays
    )


def _frozen_findings(session: Session, manifest_id: int) -> tuple[Finding, ...]:
    rows = session.scalars(
        select(ManifestFinding)
        .where(ManifestFinding.manifest_id == manifest_id)
        .order_by(ManifestFinding.id)
    )
    return tuple(Finding(FindingKind(r.kind), r.tracking_number, r.note) for r in rows)


def close(session: Session, clock: Clock, *, actor: OperatorInfo, uid: str) -> Reconciliation:
    """Freeze the report as it stands (核对完成) and put it on the ledger."""
    require_level(session, StationLevel.VILLAGE)
    manifest = _incoming(session, uid)
    if manifest.status == ManifestStatus.CLOSED.value:
        raise ValidationError(
            QT_TRANSLATE_NOOP("core", "交接单{number}已于{when}核对完成，不能重复关闭。"),
            number=manifest.number,
            when=local_time(manifest.closed_at or clock.now()).strftime("%Y-%m-%d %H:%M"),
        )
    found = reconciliation(session, uid)
    arrived = {item.tracking_number for item in found.items if item.arrived}
    for row in session.scalars(select(ManifestItem).where(ManifestItem.manifest_id == manifest.id)):
        row.arrived = row.tracking_number in arrived
    for finding in found.findings:
        session.add(
            ManifestFinding(
                manifest_id=manifest.id,
                kind=finding.kind.value,
                tracking_number=finding.tracking_number,
                note=finding.note[:80],
            )
        )
    manifest.status = ManifestStatus.CLOSED.value
    manifest.closed_at, manifest.closed_by = clock.now(), actor.login
    manifest.arrived_count = found.arrived
    manifest.missing_count = len(found.missing_items)
    manifest.extra_count = len(found.extra)
    manifest.wrong_route_count = len(found.wrong_route)
    ledger.append(
        session,
        clock,
        operator=actor.login,
        event_type="manifest.reconciled",
        payload={
            "manifest": manifest.uid,
            "number": manifest.number,
            "expected": found.expected,
            "arrived": found.arrived,
            "missing": len(found.missing_items),
            "extra": len(found.extra),
            "wrong_route": len(found.wrong_route),
            "missing_tracking_numbers": [i.tracking_number for i in found.missing_items],
            "extra_tracking_numbers": [f.tracking_number for f in found.extra],
            "wrong_route_tracking_numbers": [f.tracking_number for f in found.wrong_route],
        },
    )
    session.flush()
    return reconciliation(session, uid)


@dataclass(frozen=True)
class Located:
    """Where a scanned number stands among this station's incoming manifests."""

    manifest: ManifestView
    arrived: bool


def locate(session: Session, tracking: str) -> Located | None:
    """The open (else newest) incoming manifest listing ``tracking``, and whether it is in."""
    row = session.scalar(
        select(Manifest)
        .join(ManifestItem, ManifestItem.manifest_id == Manifest.id)
        .where(ManifestItem.tracking_number == tracking, Manifest.direction == INCOMING)
        .order_by((Manifest.status == ManifestStatus.OPEN.value).desc(), Manifest.id.desc())
        .limit(1)
    )
    if row is None:
        return None
    arrived = session.scalar(select(Parcel.id).where(Parcel.tracking_number == tracking).limit(1))
    return Located(ManifestView.of(row), arrived is not None)
