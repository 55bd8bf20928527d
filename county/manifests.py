"""Manifests (交接单) relayed from a township to the village they are addressed to.

The township posts the very file it would hand the van (``station_app.core.manifests
.files``: ``{"format", "version", "sha256", "body"}``); the county checks it with the
station's own reader (format, the content hash over the canonical body, the schema),
so one definition of the file serves the USB stick and the network alike. The village
then fetches it with ``GET /manifests?after=N`` and imports it as if read from a file.

- Only a township station may post, and only manifests it dispatched (``from_station_id``
  is the caller's own station id).
- The destination is the enrolled station of ``to_division_code``: the one named by
  ``to_station_id`` when it is among them, else the only one; none (not enrolled yet)
  or several without a name is ``unknown_destination``, and the township sends again
  later or hands over the file.
- Posting the same manifest again (same uid, same content hash) is answered with the
  first receipt; the same uid with other content is a ``manifest_conflict``.
- ``county_seq`` counts per destination, numbered under the destination's row lock, so
  numbers are given in commit order and a station paging with ``after`` never skips a
  manifest that committed late.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from county.db.models import RelayedManifest, Station
from county.errors import Refused
from county.stations import Caller
from county.storable import has_nul
from sync.wire import UUID_PATTERN, ErrorCode, ManifestPage, ManifestReceipt, WireManifest

if TYPE_CHECKING:
    from station_app.core.manifests.files import ManifestDocument

ENVELOPE_KEYS = ("format", "version", "sha256", "body")
_UUID = re.compile(UUID_PATTERN)


def read(data: bytes) -> tuple[dict[str, Any], ManifestDocument]:
    """The document as posted and the station reader's checked form; refuses otherwise."""
    # Imported here: the station's manifest module is only needed on this path.
    from station_app.core.errors import ValidationError
    from station_app.core.manifests.files import read_manifest

    try:
        checked = read_manifest(data)
        document = json.loads(data.decode("utf-8"))
    except ValidationError as error:
        raise Refused(ErrorCode.MANIFEST_REFUSED, {"reason": str(error)[:200]}) from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Refused(ErrorCode.MANIFEST_REFUSED, {"reason": "json"}) from None
    if not _UUID.fullmatch(checked.body.uid):
        # The file format only asks for 36 characters; every exporter writes a UUID, and
        # the wire (receipts, pages) names manifests by UUID, so anything else is refused
        # here rather than stored and then unanswerable.
        raise Refused(ErrorCode.MANIFEST_REFUSED, {"reason": "uid"})
    stored = {key: document[key] for key in ENVELOPE_KEYS}
    if has_nul(stored):
        raise Refused(ErrorCode.MANIFEST_REFUSED, {"reason": "nul"})
    return stored, checked


def relay(session: Session, now: datetime, caller: Caller, data: bytes) -> ManifestReceipt:
    document, checked = read(data)
    body = checked.body
    sender = session.get_one(Station, caller.station)
    if sender.level != "township":
        raise Refused(ErrorCode.MANIFEST_REFUSED, {"reason": "sender_not_township"})
    if body.from_station_id != caller.station_id:
        raise Refused(ErrorCode.MANIFEST_REFUSED, {"reason": "from_station_id"})
    held = session.scalar(select(RelayedManifest).where(RelayedManifest.uid == body.uid))
    if held is not None:
        if held.sha256 != checked.content_hash or held.from_station != sender.id:
            raise Refused(ErrorCode.MANIFEST_CONFLICT, {"uid": body.uid})
        destination = session.get_one(Station, held.to_station)
        return ManifestReceipt(
            uid=body.uid,
            to_station_code=destination.code,
            county_seq=held.county_seq,
            already_held=True,
        )
    destination = _destination(session, body.to_division_code, body.to_station_id)
    # Lock the destination's row: its manifest numbers are given in commit order.
    destination = session.scalars(
        select(Station).where(Station.id == destination.id).with_for_update()
    ).one()
    destination.manifest_seq += 1
    session.add(
        RelayedManifest(
            uid=body.uid,
            number=body.number,
            sha256=checked.content_hash,
            from_station=sender.id,
            to_station=destination.id,
            county_seq=destination.manifest_seq,
            document=document,
            received_at=now,
        )
    )
    session.flush()
    return ManifestReceipt(
        uid=body.uid,
        to_station_code=destination.code,
        county_seq=destination.manifest_seq,
        already_held=False,
    )


def _destination(session: Session, division_code: str, station_id: str | None) -> Station:
    enrolled = list(
        session.scalars(
            select(Station).where(
                Station.division_code == division_code, Station.station_id.is_not(None)
            )
        )
    )
    named = [station for station in enrolled if station.station_id == station_id]
    if named:
        return named[0]
    if len(enrolled) == 1:
        return enrolled[0]
    reason = "not_enrolled" if not enrolled else "ambiguous"
    raise Refused(
        ErrorCode.UNKNOWN_DESTINATION, {"to_division_code": division_code, "reason": reason}
    )


def page(session: Session, station: int, after: int, limit: int) -> ManifestPage:
    rows = list(
        session.scalars(
            select(RelayedManifest)
            .where(RelayedManifest.to_station == station, RelayedManifest.county_seq > after)
            .order_by(RelayedManifest.county_seq)
            .limit(limit)
        )
    )
    return ManifestPage(
        manifests=[
            WireManifest(
                uid=row.uid, number=row.number, county_seq=row.county_seq, document=row.document
            )
            for row in rows
        ],
        last_seq=rows[-1].county_seq if rows else after,
    )
