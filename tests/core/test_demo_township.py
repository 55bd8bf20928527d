"""The township demo: every township pane has something to show, and its ledger holds."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from station_app.core import demo_township, first_run, ledger
from station_app.core.clock import FixedClock
from station_app.core.db.manifest_models import Bag, BagSource, BagStatus
from station_app.core.db.models import LedgerEntry, StationLevel
from station_app.core.manifests import dispatch, receiving, routes, sorting
from station_app.core.store import Store


def test_the_township_demo_fills_every_township_pane(tmp_path: Path, clock: FixedClock):
    store = Store.open(tmp_path, clock)
    try:
        logins = demo_township.seed(store)
        with store.reading() as session:
            station = first_run.station_info(session)
            villages = {place.name: place.division_code for place in routes.destinations(session)}
            bags = receiving.current(session)
            piles = sorting.piles(session)
            unsorted = sorting.unsorted_count(session)
            sent = dispatch.outgoing(session)
            closed = select(Bag.source).where(Bag.status == BagStatus.CLOSED.value)
            sources = {BagSource(source) for source in session.scalars(closed)}
            newest = session.scalars(
                select(LedgerEntry.occurred_at).order_by(LedgerEntry.seq.desc()).limit(1)
            ).one()
            report = ledger.verify(session)
    finally:
        store.close()
    assert logins == [demo_township.KEEPER, demo_township.ASSISTANT]
    assert station is not None
    assert (station.level, station.division_code) == (StationLevel.TOWNSHIP, "610305110000")
    assert len(villages) >= 6
    assert villages["胡家庄村"] == "610305110201"  # the village demo's station
    assert bags is not None, "this morning's bag is still being received"
    bag, counts = bags
    assert bag.status is BagStatus.OPEN
    assert 0 < counts.received < counts.expected
    assert counts.unsorted == unsorted > 0
    assert piles, "sorted parcels wait for the van"
    assert sources == {BagSource.LIST, BagSource.BLIND}
    assert len(sent) >= 6
    assert len({m.to_division_code for m in sent}) == len(villages)
    assert report.ok
    last = datetime.fromisoformat(newest.replace("Z", "+00:00"))
    assert last <= clock.now(), "no demo entry lies in the future"
    assert last > clock.now() - timedelta(days=1)


def test_before_the_van_comes_the_open_bag_is_yesterdays(tmp_path: Path):
    """At 06:30 nothing of today can have happened yet: the last day moves back one."""
    early = FixedClock(datetime.fromisoformat("2026-11-22T22:30:00+00:00"))  # 06:30 Beijing
    store = Store.open(tmp_path, early)
    try:
        demo_township.seed(store)
        with store.reading() as session:
            bags = receiving.current(session)
            newest = session.scalars(
                select(LedgerEntry.occurred_at).order_by(LedgerEntry.seq.desc()).limit(1)
            ).one()
            report = ledger.verify(session)
    finally:
        store.close()
    assert bags is not None
    assert bags[0].label == "县物流中心 11-22 第1袋"
    assert datetime.fromisoformat(newest.replace("Z", "+00:00")) <= early.now()
    assert report.ok
