"""Stocktake (盘点): start, scans, findings, decisions, resume from disk, finish."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from station_app.core import ledger
from station_app.core.clock import FixedClock
from station_app.core.db.models import LedgerEntry, Parcel, ParcelStatus
from station_app.core.db.notification_models import Notification, NotificationStatus
from station_app.core.db.stocktake_models import (
    Finding,
    Resolution,
    Stocktake,
    StocktakeItem,
    UnknownKind,
)
from station_app.core.errors import ValidationError
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import handover, returns, stocktake
from station_app.core.parcels.checkin import Arrival, Outcome, check_in
from station_app.core.parcels.stocktake import ScanOutcome
from station_app.core.parcels.views import ParcelView
from station_app.core.store import Store

A1 = "YT1000000000001"  # 1-1
A2 = "YT1000000000002"  # 1-1
B1 = "YT1000000000003"  # 3-2
NEVER = "75123456789012"  # ZTO


def _shelve(store: Store, actor: OperatorInfo, tracking: str, shelf: str, tier: int) -> ParcelView:
    arrival = Arrival(tracking, "yto", shelf, tier, phone="13812341234")
    with store.writing() as session:
        return check_in(session, store.clock, actor=actor, arrival=arrival).parcel


@pytest.fixture
def shelved(store: Store, keeper: OperatorInfo) -> dict[str, ParcelView]:
    return {
        A1: _shelve(store, keeper, A1, "1", 1),
        A2: _shelve(store, keeper, A2, "1", 1),
        B1: _shelve(store, keeper, B1, "3", 2),
    }


def _start(store: Store, actor: OperatorInfo, shelf_codes: tuple[str, ...] = ()):
    with store.writing() as session:
        return stocktake.start(session, store.clock, actor=actor, shelf_codes=shelf_codes)


def _scan(store: Store, actor: OperatorInfo, uid: str, text: str):
    with store.writing() as session:
        return stocktake.scan(session, store.clock, actor=actor, stocktake_uid=uid, text=text)


def _place(store: Store, uid: str, shelf: str | None, tier: int | None):
    with store.writing() as session:
        return stocktake.set_place(session, stocktake_uid=uid, shelf=shelf, tier=tier)


def _report(store: Store, uid: str) -> stocktake.Report:
    with store.reading() as session:
        return stocktake.report(session, uid)


def _decide(store: Store, actor: OperatorInfo, action, uid: str, **kw):
    with store.writing() as session:
        return action(session, store.clock, actor=actor, stocktake_uid=uid, **kw)


def _types(store: Store) -> list[str]:
    with store.reading() as session:
        return list(session.scalars(select(LedgerEntry.type).order_by(LedgerEntry.seq)))


def _chain_ok(store: Store) -> None:
    with store.reading() as session:
        assert ledger.verify(session).ok


def _counts_of_rows(store: Store) -> tuple[int, int, int]:
    with store.reading() as session:
        return (
            session.scalar(select(func.count()).select_from(LedgerEntry)) or 0,
            session.scalar(select(func.count()).select_from(StocktakeItem)) or 0,
            session.scalar(select(func.count()).select_from(Stocktake)) or 0,
        )


def test_start_records_scope_and_expected_count_on_the_ledger(
    store: Store, keeper: OperatorInfo, shelved
):
    view = _start(store, keeper, ("3", "1", "1"))
    assert view.shelves == ("1", "3")  # in layout order, once each
    assert view.expected == 3
    with store.reading() as session:
        entry = session.scalars(
            select(LedgerEntry).where(LedgerEntry.type == "stocktake.started")
        ).one()
        assert stocktake.current(session) == view
    assert '"shelves":["1","3"]' in entry.payload
    assert '"expected":3' in entry.payload
    whole = _report(store, view.uid)
    assert whole.counts.expected == 3


def test_only_one_open_stocktake_at_a_time(store: Store, keeper: OperatorInfo, shelved):
    _start(store, keeper)
    before = _counts_of_rows(store)
    with pytest.raises(ValidationError, match="还有一次盘点没有结束"):
        _start(store, keeper, ("1",))
    assert _counts_of_rows(store) == before


def test_a_scope_naming_no_shelf_is_refused_and_nothing_is_written(
    store: Store, keeper: OperatorInfo, shelved
):
    before = _counts_of_rows(store)
    with pytest.raises(ValidationError, match="没有编号为“Q”的货架"):
        _start(store, keeper, ("1", "Q"))
    assert _counts_of_rows(store) == before


def test_scans_find_ok_wrong_shelf_unknown_and_missing(
    store: Store, keeper: OperatorInfo, shelved, clock: FixedClock
):
    view = _start(store, keeper)
    _place(store, view.uid, "1", 1)
    assert _scan(store, keeper, view.uid, A1).outcome is ScanOutcome.OK
    wrong = _scan(store, keeper, view.uid, B1)
    assert wrong.outcome is ScanOutcome.WRONG_SHELF
    assert (wrong.item.found_shelf, wrong.item.found_tier) == ("1", 1)
    assert wrong.item.parcel is not None
    assert wrong.item.parcel.shelf == "3"
    unknown = _scan(store, keeper, view.uid, NEVER)
    assert unknown.outcome is ScanOutcome.UNKNOWN
    assert unknown.item.unknown_kind is UnknownKind.NEVER_CHECKED_IN

    found = _report(store, view.uid)
    assert [p.tracking_number for p in found.missing] == [A2]
    assert [i.tracking_number for i in found.wrong_shelf] == [B1]
    assert [i.tracking_number for i in found.unknown] == [NEVER]
    assert found.counts.scanned == 3
    assert found.counts.unresolved == 3
    _chain_ok(store)
    assert _types(store)[-1] == "stocktake.started"  # scans are not ledger entries


def test_unknown_tells_picked_up_returned_and_lost_apart(
    store: Store, keeper: OperatorInfo, shelved
):
    with store.writing() as session:
        handover.hand_over(session, store.clock, actor=keeper, scans={shelved[A1].uid: A1})
        returns.return_to_courier(
            session, store.clock, actor=keeper, parcel_uid=shelved[A2].uid, reason="refused"
        )
    view = _start(store, keeper)
    kinds = [_scan(store, keeper, view.uid, t).item.unknown_kind for t in (A1, A2)]
    assert kinds == [UnknownKind.PICKED_UP, UnknownKind.RETURNED]


def test_a_duplicate_scan_counts_once(store: Store, keeper: OperatorInfo, shelved):
    view = _start(store, keeper)
    _scan(store, keeper, view.uid, A1)
    again = _scan(store, keeper, view.uid, " yt1000000000001\r")
    assert again.outcome is ScanOutcome.DUPLICATE
    assert again.item.scans == 2
    counts = _report(store, view.uid).counts
    assert (counts.scanned, counts.duplicate_scans) == (1, 1)


def test_a_typed_pickup_code_counts_as_its_parcel(store: Store, keeper: OperatorInfo, shelved):
    view = _start(store, keeper)
    result = _scan(store, keeper, view.uid, shelved[B1].pickup_code)
    assert result.outcome is ScanOutcome.OK
    assert result.item.tracking_number == B1
    assert _scan(store, keeper, view.uid, B1).outcome is ScanOutcome.DUPLICATE


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("6901234567892", "商品条码"),
        ("YT12", "太短"),
        ("9-9-0001", "没有在架的包裹是这个取件码"),
    ],
)
def test_bad_scans_are_refused_and_nothing_is_written(
    store: Store, keeper: OperatorInfo, shelved, text: str, message: str
):
    view = _start(store, keeper)
    before = _counts_of_rows(store)
    with pytest.raises(ValidationError, match=message):
        _scan(store, keeper, view.uid, text)
    assert _counts_of_rows(store) == before


def test_without_a_place_a_shelf_outside_the_scope_is_wrong(
    store: Store, keeper: OperatorInfo, shelved
):
    view = _start(store, keeper, ("1",))
    assert view.expected == 2
    assert _scan(store, keeper, view.uid, B1).outcome is ScanOutcome.WRONG_SHELF
    assert _scan(store, keeper, view.uid, A1).outcome is ScanOutcome.OK


def test_the_place_must_exist_and_be_in_scope(store: Store, keeper: OperatorInfo, shelved):
    view = _start(store, keeper, ("1",))
    with pytest.raises(ValidationError, match="不在这次盘点的范围里"):
        _place(store, view.uid, "3", 1)
    with pytest.raises(ValidationError, match="只有4层"):
        _place(store, view.uid, "1", 7)
    assert _place(store, view.uid, "1", None).current_tier is None
    assert _place(store, view.uid, None, 2).current_shelf is None


def test_missing_found_counts_as_seen_without_a_ledger_entry(
    store: Store, keeper: OperatorInfo, shelved
):
    view = _start(store, keeper, ("1",))
    _scan(store, keeper, view.uid, A1)
    entries = len(_types(store))
    _decide(store, keeper, stocktake.mark_found, view.uid, parcel_uid=shelved[A2].uid)
    report = _report(store, view.uid)
    assert report.missing == []
    assert (report.counts.missing, report.counts.found, report.counts.unresolved) == (1, 1, 0)
    assert len(_types(store)) == entries
    with pytest.raises(ValidationError, match="未扫到"):
        _decide(store, keeper, stocktake.mark_found, view.uid, parcel_uid=shelved[A2].uid)


def test_missing_lost_leaves_the_shelf_and_cancels_its_notices(
    store: Store, keeper: OperatorInfo, shelved
):
    view = _start(store, keeper, ("1",))
    _decide(store, keeper, stocktake.mark_lost, view.uid, parcel_uid=shelved[A2].uid)
    with store.reading() as session:
        parcel = session.scalars(select(Parcel).where(Parcel.uid == shelved[A2].uid)).one()
        notices = list(
            session.scalars(
                select(Notification.status).where(Notification.parcel_uid == parcel.uid)
            )
        )
        assert handover.find(session, parcel.pickup_code) == []
    assert parcel.status == ParcelStatus.LOST.value
    assert notices == [NotificationStatus.CANCELLED.value]
    assert _types(store)[-1] == "parcel.lost"
    assert [p.tracking_number for p in _report(store, view.uid).missing] == [A1]
    with pytest.raises(ValidationError, match="丢失"), store.writing() as session:
        handover.hand_over(session, store.clock, actor=keeper, scans={parcel.uid: None})
    # Scanned later in another count, it is unknown: lost.
    with store.writing() as session:
        stocktake.finish(session, store.clock, actor=keeper, stocktake_uid=view.uid)
    second = _start(store, keeper)
    assert _scan(store, keeper, second.uid, A2).item.unknown_kind is UnknownKind.LOST
    _chain_ok(store)


def test_wrong_shelf_reshelved_keeps_the_record(store: Store, keeper: OperatorInfo, shelved):
    view = _start(store, keeper)
    _place(store, view.uid, "1", 2)
    _scan(store, keeper, view.uid, B1)
    parcel = _decide(store, keeper, stocktake.reshelve, view.uid, tracking_number=B1)
    assert (parcel.shelf, parcel.tier, parcel.pickup_code) == ("3", 2, shelved[B1].pickup_code)
    assert _types(store)[-1] == "stocktake.parcel_reshelved"
    report = _report(store, view.uid)
    assert report.wrong_shelf == []
    assert (report.counts.wrong_shelf, report.counts.reshelved) == (1, 1)


def test_wrong_shelf_relocated_gets_a_code_for_its_new_place_and_a_new_notice(
    store: Store, keeper: OperatorInfo, shelved, clock: FixedClock
):
    clock.advance(timedelta(days=1))
    view = _start(store, keeper)
    _place(store, view.uid, "1", 2)
    _scan(store, keeper, view.uid, B1)
    parcel = _decide(store, keeper, stocktake.relocate, view.uid, tracking_number=B1)
    assert (parcel.shelf, parcel.tier) == ("1", 2)
    assert parcel.pickup_code == "1-2-0001"  # today's first serial, at the new place
    with store.reading() as session:
        entry = session.scalars(
            select(LedgerEntry).where(LedgerEntry.type == "parcel.relocated")
        ).one()
        notices = list(
            session.scalars(
                select(Notification)
                .where(Notification.parcel_uid == parcel.uid)
                .order_by(Notification.id)
            )
        )
        assert [p.uid for p in handover.find(session, "1-2-0001")] == [parcel.uid]
    assert f'"old_pickup_code":"{shelved[B1].pickup_code}"' in entry.payload
    assert '"pickup_code":"1-2-0001"' in entry.payload
    assert [n.status for n in notices] == ["cancelled", "pending"]
    assert "1-2-0001" in notices[1].text
    assert _report(store, view.uid).counts.relocated == 1


def test_relocate_needs_the_tier_it_was_found_on(store: Store, keeper: OperatorInfo, shelved):
    view = _start(store, keeper)
    _place(store, view.uid, "1", None)
    _scan(store, keeper, view.uid, B1)
    before = _counts_of_rows(store)
    with pytest.raises(ValidationError, match="改登记要知道"):
        _decide(store, keeper, stocktake.relocate, view.uid, tracking_number=B1)
    assert _counts_of_rows(store) == before
    with store.reading() as session:
        code = session.scalar(select(Parcel.pickup_code).where(Parcel.tracking_number == B1))
    assert code == shelved[B1].pickup_code


def test_unknown_checked_in_where_it_was_found(store: Store, keeper: OperatorInfo, shelved):
    view = _start(store, keeper)
    _place(store, view.uid, "2", 3)
    _scan(store, keeper, view.uid, NEVER)
    result = _decide(
        store, keeper, stocktake.check_in_unknown, view.uid, tracking_number=NEVER, phone="5678"
    )
    assert result.outcome is Outcome.CHECKED_IN
    assert result.parcel.pickup_code.startswith("2-3-")
    assert result.parcel.courier == "zto"
    report = _report(store, view.uid)
    assert report.unknown == []
    assert (report.counts.unknown, report.counts.checked_in) == (1, 1)
    assert NEVER not in [p.tracking_number for p in report.missing]  # checked in after start


def test_unknown_check_in_needs_a_place(store: Store, keeper: OperatorInfo, shelved):
    view = _start(store, keeper)
    _scan(store, keeper, view.uid, NEVER)
    before = _counts_of_rows(store)
    with pytest.raises(ValidationError, match="请先选好正在盘点的货架和层"):
        _decide(store, keeper, stocktake.check_in_unknown, view.uid, tracking_number=NEVER)
    assert _counts_of_rows(store) == before


def test_unknown_set_aside(store: Store, keeper: OperatorInfo, shelved):
    view = _start(store, keeper)
    _scan(store, keeper, view.uid, NEVER)
    _decide(store, keeper, stocktake.set_aside, view.uid, tracking_number=NEVER)
    counts = _report(store, view.uid).counts
    assert (counts.unknown, counts.set_aside, counts.unresolved) == (1, 1, 3)
    with pytest.raises(ValidationError, match="不在待处理"):
        _decide(store, keeper, stocktake.set_aside, view.uid, tracking_number=NEVER)


def test_decisions_refuse_the_wrong_kind_of_finding(store: Store, keeper: OperatorInfo, shelved):
    view = _start(store, keeper)
    _scan(store, keeper, view.uid, A1)  # ok, nothing to decide
    with pytest.raises(ValidationError, match="不在待处理"):
        _decide(store, keeper, stocktake.reshelve, view.uid, tracking_number=A1)
    with pytest.raises(ValidationError, match="未扫到"):
        _decide(store, keeper, stocktake.mark_lost, view.uid, parcel_uid=shelved[A1].uid)


def test_parcels_checked_in_or_picked_up_during_the_count_are_not_missing(
    store: Store, keeper: OperatorInfo, shelved
):
    view = _start(store, keeper, ("1",))
    _scan(store, keeper, view.uid, A1)
    with store.writing() as session:
        handover.hand_over(session, store.clock, actor=keeper, scans={shelved[A1].uid: A1})
        handover.hand_over(session, store.clock, actor=keeper, scans={shelved[A2].uid: A2})
    late = _shelve(store, keeper, "YT1000000000077", "1", 1)
    report = _report(store, view.uid)
    assert report.missing == []
    assert late.uid not in [p.uid for p in report.missing]
    assert report.counts.scanned == 1


def test_finish_closes_with_the_counts_on_the_ledger(
    store: Store, keeper: OperatorInfo, assistant: OperatorInfo, shelved
):
    view = _start(store, keeper)
    _place(store, view.uid, "1", 1)
    for text in (A1, A1, B1, NEVER):
        _scan(store, assistant, view.uid, text)
    with store.writing() as session:
        counts = stocktake.finish(session, store.clock, actor=assistant, stocktake_uid=view.uid)
    assert (counts.expected, counts.scanned, counts.duplicate_scans) == (3, 3, 1)
    assert (counts.missing, counts.wrong_shelf, counts.unknown, counts.unresolved) == (1, 1, 1, 3)
    with store.reading() as session:
        entry = session.scalars(
            select(LedgerEntry).where(LedgerEntry.type == "stocktake.finished")
        ).one()
        assert stocktake.current(session) is None
    assert entry.operator == assistant.login
    assert '"duplicate_scans":1' in entry.payload
    assert '"unresolved":3' in entry.payload
    with pytest.raises(ValidationError, match="已经结束"):
        _scan(store, keeper, view.uid, A2)
    _start(store, keeper)  # a new one may begin
    _chain_ok(store)


def test_an_interrupted_stocktake_resumes_after_reopening_the_store(
    tmp_path: Path, store: Store, keeper: OperatorInfo, shelved, clock: FixedClock
):
    view = _start(store, keeper)
    _place(store, view.uid, "1", 1)
    _scan(store, keeper, view.uid, A1)
    _scan(store, keeper, view.uid, B1)
    store.close()  # the power goes

    reopened = Store.open(store.data_dir, clock)
    try:
        with reopened.reading() as session:
            resumed = stocktake.current(session)
        assert resumed is not None
        assert resumed.uid == view.uid
        assert (resumed.current_shelf, resumed.current_tier) == ("1", 1)
        assert _scan(reopened, keeper, view.uid, A1).outcome is ScanOutcome.DUPLICATE
        report = _report(reopened, view.uid)
        assert [p.tracking_number for p in report.missing] == [A2]
        assert [i.tracking_number for i in report.wrong_shelf] == [B1]
        assert report.counts.scanned == 2
        with reopened.reading() as session:
            items = session.scalars(select(StocktakeItem).order_by(StocktakeItem.id)).all()
            assert [(i.finding, i.resolution) for i in items] == [
                (Finding.OK.value, None),
                (Finding.WRONG_SHELF.value, None),
            ]
        _chain_ok(reopened)
    finally:
        reopened.close()


def test_the_database_refuses_a_second_open_stocktake(store: Store, keeper: OperatorInfo):
    """Belt and braces under the core's check: the partial unique index."""
    from station_app.core.db.errors import StoreError
    from station_app.core.errors import BugError

    view = _start(store, keeper)
    with pytest.raises((StoreError, BugError)), store.writing() as session:
        session.add(
            Stocktake(
                uid="x" * 36,
                status="open",
                shelves="",
                expected=0,
                started_at=view.started_at,
                started_by=keeper.login,
                started_seq=1,
            )
        )
        session.flush()


def test_resolutions_are_recorded_with_who_and_when(store: Store, keeper: OperatorInfo, shelved):
    view = _start(store, keeper)
    _scan(store, keeper, view.uid, NEVER)
    _decide(store, keeper, stocktake.set_aside, view.uid, tracking_number=NEVER)
    with store.reading() as session:
        item = session.scalars(select(StocktakeItem)).one()
    assert item.resolution == Resolution.SET_ASIDE.value
    assert item.resolved_by == keeper.login
    assert item.resolved_at is not None


def test_migration_0006_keeps_parcels_and_their_partial_indexes_both_ways(
    store: Store, keeper: OperatorInfo, shelved
):
    """The parcels table is rebuilt to admit ``lost``; nothing on it may be lost."""
    from alembic import command
    from sqlalchemy import create_engine, text

    from station_app.core.db import migrate

    with store.writing() as session:
        session.execute(
            text("UPDATE parcels SET status = 'lost' WHERE tracking_number = :t"), {"t": A2}
        )
    store.close()
    engine = create_engine(f"sqlite:///{store.path}")
    config = migrate.alembic_config()
    try:
        for target in ("0005", "head"):
            with engine.begin() as connection:
                config.attributes["connection"] = connection
                if target == "head":
                    command.upgrade(config, target)
                else:
                    command.downgrade(config, target)
            with engine.connect() as connection:
                statuses = connection.execute(
                    text("SELECT tracking_number, status FROM parcels ORDER BY id")
                ).all()
                partial = (
                    connection.execute(
                        text(
                            "SELECT sql FROM sqlite_master WHERE name LIKE 'uq_parcels_on_shelf_%'"
                        )
                    )
                    .scalars()
                    .all()
                )
            assert [row[0] for row in statuses] == [A1, A2, B1]
            assert statuses[1][1] == "returned"  # the older schema has no "lost"
            assert len(partial) == 2
            assert all("WHERE status = 'on_shelf'" in sql for sql in partial)
    finally:
        engine.dispose()
    reopened = Store.open(store.data_dir, store.clock)
    try:
        with reopened.writing() as session:
            session.execute(
                text("UPDATE parcels SET status = 'lost' WHERE tracking_number = :t"), {"t": A1}
            )
    finally:
        reopened.close()
