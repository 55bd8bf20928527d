"""Reference data the county owns, published as versioned sets (sync/wire.py
``ReferenceKind``): couriers, tariffs, billers, prices, announcements, routes.

Every publish makes a new version; stations fetch the newest with
``If-None-Match: "<version>"`` and get a 304 while nothing changed, so a station
polling every few minutes costs one indexed lookup and no body. The version counts per
kind (not per township), so one ETag never stands for two contents of a kind.

Routes are the one kind published per township (``--township``): a township's route
table only means something to its own villages. A station gets its township's newest
routes, or the county-wide set (published without ``--township``) while its township
has none of its own. Every other kind is county-wide only.

Couriers and tariffs are checked with the station's own parsers
(``CourierRules.from_dict``, ``Tariffs.from_dict``) before they are published: a set
every station would refuse must not become the newest. The other kinds are checked
only as JSON objects here; their stations' appliers judge the rest.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, get_args

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from county.db.models import ReferenceSet
from sync.protocol import NonCanonicalValue, canonical_json
from sync.wire import MAX_BODY_BYTES, ReferenceKind

KINDS: tuple[str, ...] = get_args(ReferenceKind)
PER_TOWNSHIP = frozenset({"routes"})
MAX_DATA_BYTES = MAX_BODY_BYTES // 2
"""Half the request limit: a set is fetched whole by every station, on cheap links."""


class InvalidReference(ValueError):
    """Data that must not be published; the message says why, for county staff."""


@dataclass(frozen=True)
class Published:
    kind: str
    township: str
    version: int
    unchanged: bool
    """The same data as the newest set of that kind and township: no new version made."""


def parse(kind: str, text: str) -> dict[str, Any]:
    """The data of a publish, checked; raises :class:`InvalidReference`."""
    if kind not in KINDS:
        raise InvalidReference(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidReference(f"not JSON: {error}") from None
    if not isinstance(data, dict):
        raise InvalidReference("the data must be a JSON object")
    try:
        size = len(canonical_json(data))
    except NonCanonicalValue as error:
        raise InvalidReference(f"{error} (money is fen, weight is grams)") from None
    if size > MAX_DATA_BYTES:
        raise InvalidReference(f"too large: {size} bytes, at most {MAX_DATA_BYTES}")
    _check_with_station_parser(kind, data)
    return data


def _check_with_station_parser(kind: str, data: dict[str, Any]) -> None:
    # Imported here: only the staff's publish command needs the station's parsers.
    from station_app.core.errors import ValidationError

    try:
        if kind == "couriers":
            from station_app.core.couriers import CourierRules

            CourierRules.from_dict(data)
        elif kind == "tariffs":
            from station_app.core.parcels.tariffs import Tariffs

            Tariffs.from_dict(data)
    except ValidationError as error:
        raise InvalidReference(str(error)) from None


def publish(
    session: Session, now: datetime, kind: str, data: dict[str, Any], township: str = ""
) -> Published:
    """Store ``data`` as the newest version of ``kind`` (for ``township`` if routes)."""
    township = township.strip()
    if township and kind not in PER_TOWNSHIP:
        raise InvalidReference(f"only {', '.join(sorted(PER_TOWNSHIP))} are per township")
    digest = hashlib.sha256(canonical_json(data)).hexdigest()
    newest = session.scalars(
        select(ReferenceSet)
        .where(ReferenceSet.kind == kind, ReferenceSet.township == township)
        .order_by(ReferenceSet.version.desc())
        .limit(1)
    ).first()
    if newest is not None and newest.sha256 == digest:
        return Published(kind, township, newest.version, unchanged=True)
    last = session.scalar(select(func.max(ReferenceSet.version)).where(ReferenceSet.kind == kind))
    version = (last or 0) + 1
    session.add(
        ReferenceSet(
            kind=kind,
            township=township,
            version=version,
            data=data,
            sha256=digest,
            published_at=now,
        )
    )
    session.flush()
    return Published(kind, township, version, unchanged=False)


def newest_for(session: Session, kind: str, township: str) -> ReferenceSet | None:
    """The set a station of ``township`` should hold: its township's own newest (routes),
    else the newest county-wide one."""
    scopes = [township, ""] if kind in PER_TOWNSHIP and township else [""]
    for scope in scopes:
        row = session.scalars(
            select(ReferenceSet)
            .where(ReferenceSet.kind == kind, ReferenceSet.township == scope)
            .order_by(ReferenceSet.version.desc())
            .limit(1)
        ).first()
        if row is not None:
            return row
    return None
