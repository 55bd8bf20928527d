"""The demo's month of parcels: every list on the 快递 page has something to show."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select

from station_app.core import demo, ledger
from station_app.core.bills import views as bill_views
from station_app.core.cash import day_close
from station_app.core.clock import FixedClock
from station_app.core.db.cash_models import DayClose
from station_app.core.db.models import LedgerEntry, Parcel, ParcelStatus
from station_app.core.db.notification_models import Notification
from station_app.core.db.order_models import AgentOrder
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
            open_bills = bill_views.pending(session)
            orders = session.scalar(select(func.count()).select_from(AgentOrder))
            period = day_close.summary(session, clock.now())
            closes = session.scalar(select(func.count()).select_from(DayClose))
    finally:
        store.close()
    assert [p.biller_code for p in open_bills] == ["county_water"]  # one 处理中 to see
    assert orders == 3
    assert closes >= 20  # an evening close on every day but the open one
    assert period.movement_count > 0
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
