"""Replay and ledger import: a whole demo ledger (village, township) taken into an empty
store entry by entry rebuilds the state the app made, short of the personal data the
ledger never carries; an entry that does not fit is refused, never merged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core import demo, demo_township, ledger, ledger_import, replay
from station_app.core.clock import FixedClock
from station_app.core.db.manifest_models import (
    Bag,
    BagItem,
    Manifest,
    ManifestItem,
    Route,
    RouteStop,
)
from station_app.core.db.models import LedgerEntry, Operator, Parcel, Preference, Station
from station_app.core.db.shipment_models import Shipment
from station_app.core.db.stocktake_models import Stocktake
from station_app.core.operators import OperatorInfo
from station_app.core.replay_base import REPLAYED_PASSWORD_HASH
from station_app.core.store import Store
from sync.events import EVENT_TYPES

PAGE = 500


def entries_of(store: Store) -> list[dict[str, Any]]:
    with store.reading() as session:
        rows = session.scalars(select(LedgerEntry).order_by(LedgerEntry.seq))
        return [{**ledger.hashed_fields(row), "hash": row.hash} for row in rows]


def rebuild(entries: list[dict[str, Any]], target: Store) -> list[int]:
    """Import and replay page by page, as recovery does; the sequences not replayed."""
    skipped = []
    for start in range(0, len(entries), PAGE):
        with target.writing() as session:
            imported = ledger_import.import_entries(session, entries[start : start + PAGE])
            for fields in imported.entries:
                if not replay.apply(session, replay.Entry.of(fields)):
                    skipped.append(fields["seq"])
    return skipped


def snapshot(store: Store, *queries: Callable[[Session], Any]) -> list[Any]:
    with store.reading() as session:
        return [query(session) for query in queries]


def parcels(session: Session) -> dict[str, tuple[Any, ...]]:
    return {
        p.uid: (p.status, p.pickup_code, p.shelf, p.tier, p.serial, p.code_day, p.courier)
        for p in session.scalars(select(Parcel))
    }


def shipments(session: Session) -> dict[str, tuple[Any, ...]]:
    return {
        s.uid: (s.status, s.fee_fen, s.weight_g, s.courier_tracking_number, s.accepted_entry)
        for s in session.scalars(select(Shipment))
    }


def stocktakes(session: Session) -> dict[str, tuple[Any, ...]]:
    return {
        s.uid: (s.status, s.shelves, s.expected, s.started_seq)
        for s in session.scalars(select(Stocktake))
    }


def preferences_of(session: Session) -> dict[str, str]:
    return {p.key: p.value for p in session.scalars(select(Preference)) if "secret" not in p.key}


def routes(session: Session) -> dict[str, Any]:
    stops = session.execute(
        select(Route.code, RouteStop.division_code, RouteStop.station_name)
        .join(RouteStop, RouteStop.route_id == Route.id)
        .order_by(Route.code, RouteStop.position)
    )
    return {"routes": sorted(session.scalars(select(Route.code))), "stops": list(stops)}


def bags(session: Session) -> dict[str, Any]:
    items = session.execute(
        select(Bag.uid, BagItem.tracking_number, BagItem.division_code, Manifest.uid)
        .join(Bag, Bag.id == BagItem.bag_id)
        .outerjoin(Manifest, Manifest.id == BagItem.manifest_id)
        .where(BagItem.received_at.is_not(None))
    )
    return {
        "bags": {b.uid: (b.status, b.label, b.source) for b in session.scalars(select(Bag))},
        "received": sorted(tuple(row) for row in items),
    }


def manifests(session: Session) -> dict[str, Any]:
    heads = {
        m.uid: (m.number, m.direction, m.status, m.to_division_code, m.parcel_count)
        for m in session.scalars(select(Manifest))
    }
    items = session.execute(
        select(Manifest.uid, ManifestItem.tracking_number, ManifestItem.position).join(
            Manifest, Manifest.id == ManifestItem.manifest_id
        )
    )
    return {"heads": heads, "items": sorted(tuple(row) for row in items)}


def test_every_event_type_has_a_replay():
    assert set(replay.HANDLERS) == set(EVENT_TYPES)


@pytest.mark.parametrize("seed", [demo.seed, demo_township.seed], ids=["village", "township"])
def test_a_demo_ledger_rebuilds_its_state_in_an_empty_store(
    seed: Callable[[Store], object], tmp_path: Path, clock: FixedClock
):
    original = Store.open(tmp_path / "original", clock)
    empty = Store.open(tmp_path / "rebuilt", clock)
    try:
        seed(original)
        entries = entries_of(original)
        assert rebuild(entries, empty) == []
        assert entries_of(empty) == entries
        with empty.reading() as session:
            assert ledger.verify(session).checked == len(entries)
            station = session.scalars(select(Station)).one()
            operators = list(session.scalars(select(Operator)))
            phones = session.scalars(select(Parcel.phone).where(Parcel.phone.is_not(None)))
            assert list(phones) == []  # the ledger carries none
        assert station.station_id == entries[0]["station_id"]
        assert {(o.login, o.role) for o in operators} == {
            (o.login, o.role)
            for o in snapshot(original, lambda s: list(s.scalars(select(Operator))))[0]
        }
        assert all(not o.active and o.password_hash == REPLAYED_PASSWORD_HASH for o in operators)
        queries = (parcels, shipments, stocktakes, preferences_of, routes, bags, manifests)
        assert snapshot(empty, *queries) == snapshot(original, *queries)
    finally:
        original.close()
        empty.close()


def test_the_same_page_twice_is_taken_once(store: Store, keeper: OperatorInfo, tmp_path: Path):
    entries = entries_of(store)
    copy = Store.open(tmp_path / "copy", store.clock)
    try:
        rebuild(entries, copy)
        with copy.writing() as session:
            again = ledger_import.import_entries(session, entries)
        assert (again.entries, again.already_held) == ([], len(entries))
    finally:
        copy.close()


def _refusal(target: Store, entries: list[dict[str, Any]]) -> ledger_import.ImportRefused:
    before = entries_of(target)
    with pytest.raises(ledger_import.ImportRefused) as caught, target.writing() as session:
        ledger_import.import_entries(session, entries)
    assert entries_of(target) == before  # the page rolled back whole
    return caught.value


def test_an_edited_entry_a_fork_and_a_gap_are_refused(
    store: Store, keeper: OperatorInfo, tmp_path: Path
):
    entries = entries_of(store)  # station.created, operator.created
    copy = Store.open(tmp_path / "copy", store.clock)
    try:
        rebuild(entries[:1], copy)
        edited = {**entries[1], "operator": "someone"}
        assert _refusal(copy, [edited]).code == ledger_import.BROKEN
        with store.writing() as session:  # the original goes on: entry 3
            ledger.append(
                session,
                store.clock,
                operator=keeper.login,
                event_type="preference.changed",
                payload={"key": "idle_lock_minutes", "value": "5"},
            )
        third = entries_of(store)[2]
        assert _refusal(copy, [third]).code == ledger_import.GAP
        rebuild(entries[1:], copy)
        with copy.writing() as session:  # the copy goes on differently: its own entry 3
            ledger.append(
                session,
                copy.clock,
                operator=keeper.login,
                event_type="preference.changed",
                payload={"key": "idle_lock_minutes", "value": "7"},
            )
        refused = _refusal(copy, [third])
        assert (refused.code, refused.seq) == (ledger_import.FORK, 3)
        assert "另一台电脑" in refused.message
    finally:
        copy.close()
