"""The demo's month of parcels: every list on the 快递 page has something to show."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select

from station_app.core import demo, ledger
from station_app.core.clock import FixedClock
from station_app.core.db.models import LedgerEntry, Parcel, ParcelStatus
from station_app.core.db.notification_models import Notification
from station_app.core.db.shipment_models import Shipment
from station_app.core.parcels import returns
from station_app.core.store import Store


def test_the_demo_month_fills_every_parcel_list(tmp_path, clock: FixedClock):
    store = Store.open(tmp_path, clock)
    try:
        demo.seed(store)
        with store.reading() as session:
            by_status = dict(
                session.execute(select(Parcel.status, func.count()).group_by(Parcel.status)).all()
            )
            overdue = returns.overdue(session, clock.now(), 3)
            shipments = dict(
                session.execute(
                    select(Shipment.status, func.count()).group_by(Shipment.status)
                ).all()
            )
            notices = session.scalar(select(func.count()).select_from(Notification))
            newest = session.scalars(
                select(LedgerEntry.occurred_at).order_by(LedgerEntry.seq.desc()).limit(1)
            ).one()
            report = ledger.verify(session)
    finally:
        store.close()
    assert by_status[ParcelStatus.PICKED_UP.value] > 200
    assert 5 <= by_status[ParcelStatus.ON_SHELF.value] <= 80
    assert by_status[ParcelStatus.RETURNED.value] > 0
    assert len(overdue) >= 3
    assert shipments["collected"] > 20
    assert notices > 0
    assert report.ok
    last = datetime.fromisoformat(newest.replace("Z", "+00:00"))
    assert last <= clock.now(), "no demo entry lies in the future"
    assert last > clock.now() - timedelta(days=2)
