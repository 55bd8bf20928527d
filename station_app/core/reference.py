"""Reference sets from the county centre: checked, kept in the store, put to use.

The county publishes courier rules, tariffs, billers, produce prices, announcements and
route tables as versioned sets (``sync.wire.ReferenceSet``). A fetched set is checked
with the same parser that reads the bundled file, then stored (``reference_sets``) and
applied in ONE transaction (:func:`take`): a township's route table is replaced in the
very transaction that records the set, so a crash leaves either both or neither. A set
that fails the parser is stored as refused, with the reason, and nothing is applied:
the previous set stays in use and the same bad set is not fetched again until the
county publishes a newer one.

Courier rules and tariffs live in process-wide caches (``couriers.active_rules``,
``tariffs.active_tariffs``). :func:`activate_stored` fills them from the store (at
start-up: the county's version survives a restart), :func:`put_in_use` after a new set
is committed; both go through ``use_county_rules`` / ``use_county_tariffs``, so rules
bundled with a newer app still win over an older county set. Billers, prices and
announcements are only stored here; their pages read :func:`active_data`.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any, get_args

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from station_app.core import couriers
from station_app.core.bills.billers import Billers
from station_app.core.db.models import StationLevel
from station_app.core.db.reference_models import StoredReferenceSet
from station_app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from station_app.core.first_run import station_info
from station_app.core.manifests import routes
from station_app.core.parcels import tariffs
from station_app.core.produce.catalogue import Catalogue, take_county_prices
from station_app.core.store import Store
from sync.protocol import canonical_json
from sync.wire import ReferenceKind, ReferenceSet

log = logging.getLogger(__name__)

KINDS: tuple[str, ...] = get_args(ReferenceKind)
IN_MEMORY = ("couriers", "tariffs")
"""The kinds with a process-wide cache to fill; the others are read from the store."""

KIND_NAMES = {
    "couriers": QT_TRANSLATE_NOOP("core", "快递公司识别规则"),
    "tariffs": QT_TRANSLATE_NOOP("core", "寄件资费表"),
    "billers": QT_TRANSLATE_NOOP("core", "缴费单位表"),
    "prices": QT_TRANSLATE_NOOP("core", "农产品价格表"),
    "announcements": QT_TRANSLATE_NOOP("core", "通知公告"),
    "routes": QT_TRANSLATE_NOOP("core", "线路表"),
}
MSG_REFUSED = QT_TRANSLATE_NOOP(
    "core",
    "县服务中心下发的{kind}（第{version}版）本机用不了，仍用原来的，请告诉县服务中心：{reason}",
)
MSG_NOT_AN_OBJECT = QT_TRANSLATE_NOOP("core", "内容应是一个对象")


@dataclass(frozen=True)
class Taken:
    """What :func:`take` did with one set."""

    kind: str
    version: int
    applied: bool
    error: str | None = None
    """Why it was refused, in Chinese, ready for the sync history."""
    parsed: object = None
    """The checked form (rules, a table, routes) for :func:`put_in_use`."""


def stored_etag(session: Session, kind: str) -> str | None:
    """The ETag to send with ``If-None-Match``: of the newest set fetched, applied or
    refused (a refused set is not fetched again until the county publishes anew)."""
    row = session.scalars(
        select(StoredReferenceSet)
        .where(StoredReferenceSet.kind == kind)
        .order_by(StoredReferenceSet.version.desc())
        .limit(1)
    ).first()
    return None if row is None else row.etag


def active_set(session: Session, kind: str) -> StoredReferenceSet | None:
    """The newest set of ``kind`` in use; None while only the bundled data is."""
    return session.scalars(
        select(StoredReferenceSet)
        .where(StoredReferenceSet.kind == kind, StoredReferenceSet.applied_at.is_not(None))
        .order_by(StoredReferenceSet.version.desc())
        .limit(1)
    ).first()


def active_data(session: Session, kind: str) -> dict[str, Any] | None:
    """The data of the set in use (billers, prices, announcements for their pages)."""
    row = active_set(session, kind)
    return None if row is None else row.decoded()


def check(kind: str, data: object) -> object:
    """The set read by the station's own parser, or a ValidationError saying why not.

    Courier rules and tariffs go through the parsers of the bundled files; routes
    through ``routes.county_table`` (a township checks each route again as it applies
    them); the kinds no code here uses yet only need to be objects.
    """
    if kind == "couriers":
        return couriers.CourierRules.from_dict(data)
    if kind == "tariffs":
        return tariffs.Tariffs.from_dict(data)
    if kind == "routes":
        return routes.county_table(data)
    if kind == "billers":
        return Billers.from_dict(data)
    if kind == "prices":
        return Catalogue.from_dict(data)
    if not isinstance(data, dict):
        raise ValidationError(MSG_NOT_AN_OBJECT)
    return data


def take(session: Session, now: datetime, got: ReferenceSet, *, etag: str) -> Taken:
    """Store one fetched set and apply it, all in the caller's transaction.

    Nothing is written before every check passed (``apply_county_table`` checks the
    whole table before touching the old one), so a refusal leaves the data in use as
    it was and only records the refused set.
    """
    kind, version = got.kind, got.version
    try:
        parsed = check(kind, got.data)
        if kind == "routes" and _is_township(session):
            assert isinstance(parsed, list)
            routes.apply_county_table(session, now, parsed)
    except ValidationError as error:
        reason = MSG_REFUSED.format(kind=KIND_NAMES[kind], version=version, reason=error.message)
        _keep(session, now, got, etag=etag, error=reason[:300])
        log.warning("reference set %s v%d refused: %s", kind, version, error.message)
        return Taken(kind, version, applied=False, error=reason)
    _keep(session, now, got, etag=etag, error=None)
    if isinstance(parsed, Catalogue):
        take_county_prices(session, now, parsed)
    log.info("reference set %s v%d applied", kind, version)
    return Taken(kind, version, applied=True, parsed=parsed)


def _is_township(session: Session) -> bool:
    info = station_info(session)
    return info is not None and info.level is StationLevel.TOWNSHIP


def _keep(
    session: Session, now: datetime, got: ReferenceSet, *, etag: str, error: str | None
) -> None:
    """One row per set; an applied set replaces every other row of its kind, a refused
    one only the refused rows (the set in use must stay)."""
    stale = delete(StoredReferenceSet).where(StoredReferenceSet.kind == got.kind)
    if error is not None:
        stale = stale.where(
            or_(StoredReferenceSet.applied_at.is_(None), StoredReferenceSet.version == got.version)
        )
    session.execute(stale)
    session.add(
        StoredReferenceSet(
            kind=got.kind,
            version=got.version,
            etag=etag[:40],
            data=canonical_json(got.data).decode("utf-8"),
            fetched_at=now,
            applied_at=None if error is not None else now,
            error=error,
        )
    )
    session.flush()


def put_in_use(taken: Taken) -> bool:
    """After the transaction of :func:`take` committed: swap the process-wide courier
    rules or tariffs. False when the set is older than the bundled one (kept, not used)
    or of a kind without a cache."""
    if not taken.applied:
        return False
    if isinstance(taken.parsed, couriers.CourierRules):
        return couriers.use_county_rules(taken.parsed)
    if isinstance(taken.parsed, tariffs.Tariffs):
        return tariffs.use_county_tariffs(taken.parsed)
    return False


def activate_stored(store: Store) -> list[str]:
    """Put the stored courier rules and tariffs to use (at start-up); returns the kinds
    now coming from the county. A stored set today's parser refuses (the app was
    changed since) leaves the bundled data in use and is logged."""
    found: dict[str, str] = {}
    with store.reading() as session:
        for kind in IN_MEMORY:
            row = active_set(session, kind)
            if row is not None:
                found[kind] = row.data
    used = []
    for kind, text in found.items():
        try:
            parsed = check(kind, json.loads(text))
        except ValidationError as error:
            log.warning("stored %s set no longer readable: %s", kind, error.message)
            continue
        if put_in_use(Taken(kind, 0, applied=True, parsed=parsed)):
            used.append(kind)
    return used
