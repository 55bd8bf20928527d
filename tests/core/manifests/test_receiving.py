"""Receiving bags at the township: against the county's list or blind, one durable scan
at a time, duplicates counted once, and the bag's report of missing and extra."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from station_app.core import ledger
from station_app.core.db.manifest_models import BagItem
from station_app.core.errors import ValidationError
from station_app.core.manifests import receiving, sorting
from station_app.core.manifests.receiving import ScanOutcome
from station_app.core.manifests.sorting import SortOutcome
from station_app.core.store import Store
from tests.core.manifests.conftest import HUJIA, ZHAO, Station
from tests.core.manifests.helpers import (
    FOR_HUJIA,
    FOR_LIJIA,
    close_bag,
    count_entries,
    open_blind_bag,
    open_list_bag,
    scan,
    sort,
)


def test_scans_against_the_list_go_to_the_listed_village(routed: Station):
    bag = open_list_bag(routed)
    first = scan(routed, FOR_HUJIA[0].lower() + "\r")
    assert first.outcome is ScanOutcome.RECEIVED
    assert first.destination is not None
    assert first.destination.name == "胡家庄村"
    assert first.counts.expected == 4
    assert (first.counts.received, first.counts.missing) == (1, 3)
    second = scan(routed, FOR_LIJIA[0])
    assert second.destination is not None
    assert second.destination.name == "李家沟村"
    assert count_entries(routed, "bag.parcel_received") == 2
    with routed.read() as session:
        [entry] = [e for e in ledger.recent(session, 10) if e.type == "bag.opened"]
        payload = ledger.payload_of(entry)
    assert payload["bag"] == bag.uid
    assert payload["expected"] == 4


def test_a_second_scan_counts_once_and_writes_nothing(routed: Station):
    open_list_bag(routed)
    scan(routed, FOR_HUJIA[0])
    entries = count_entries(routed)
    again = scan(routed, FOR_HUJIA[0])
    assert again.outcome is ScanOutcome.DUPLICATE
    assert again.counts.received == 1
    assert again.earlier_bag == "县中心 第17袋"
    assert count_entries(routed) == entries


def test_closing_the_bag_reports_missing_and_extra_on_the_ledger(routed: Station):
    open_list_bag(routed)
    scan(routed, FOR_HUJIA[0])
    scan(routed, FOR_HUJIA[1])
    extra = scan(routed, "SF1234567890123")
    assert extra.outcome is ScanOutcome.EXTRA
    assert extra.courier == "sf"
    assert extra.destination is None
    report = close_bag(routed)
    assert [i.tracking_number for i in report.missing] == [FOR_HUJIA[2], FOR_LIJIA[0]]
    assert [i.tracking_number for i in report.extra] == ["SF1234567890123"]
    assert (report.counts.expected, report.counts.received) == (4, 3)
    with routed.read() as session:
        closed = next(e for e in ledger.recent(session, 5) if e.type == "bag.closed")
        assert ledger.payload_of(closed)["missing_tracking_numbers"] == [
            FOR_HUJIA[2],
            FOR_LIJIA[0],
        ]
        assert ledger.verify(session).ok
        assert receiving.current_bag(session) is None


def test_each_scan_is_on_disk_before_the_next(routed: Station, tmp_path):
    """A power cut after a beep loses nothing: another connection sees the scan at once."""
    open_blind_bag(routed)
    scan(routed, FOR_HUJIA[0])
    other = Store.open(routed.store.data_dir, routed.clock)
    try:
        with other.reading() as session:
            item = session.scalar(select(BagItem))
            assert item is not None
            assert item.received_at is not None
    finally:
        other.close()


def test_blind_scans_sort_into_the_village_the_keeper_chose(routed: Station):
    open_blind_bag(routed)
    into_hujia = scan(routed, FOR_HUJIA[0], destination=HUJIA.division_code)
    unsorted = scan(routed, FOR_HUJIA[1])
    assert into_hujia.outcome is ScanOutcome.RECEIVED
    assert into_hujia.destination is not None
    assert into_hujia.destination.name == "胡家庄村"
    assert unsorted.destination is None
    assert unsorted.counts.unsorted == 1
    assert sort(routed, FOR_HUJIA[1], ZHAO.division_code).outcome is SortOutcome.SORTED
    assert sort(routed, FOR_HUJIA[1], ZHAO.division_code).outcome is SortOutcome.ALREADY_THERE
    assert sort(routed, FOR_HUJIA[1], HUJIA.division_code).outcome is SortOutcome.MOVED
    with routed.read() as session:
        piles = sorting.piles(session)
        assert [(p.destination.name, p.count) for p in piles] == [("胡家庄村", 2)]
        assert sorting.unsorted_count(session) == 0
    assert count_entries(routed, "bag.parcel_sorted") == 2


def test_sorting_against_the_list_is_allowed_but_said_loudly(routed: Station):
    open_list_bag(routed)
    scan(routed, FOR_LIJIA[0])
    result = sort(routed, FOR_LIJIA[0], HUJIA.division_code)
    assert result.outcome is SortOutcome.AGAINST_LIST
    assert result.listed is not None
    assert result.listed.name == "李家沟村"


def test_a_parcel_still_here_from_an_earlier_bag_is_a_duplicate(routed: Station):
    open_blind_bag(routed)
    scan(routed, FOR_HUJIA[0])
    close_bag(routed)
    open_list_bag(routed)
    again = scan(routed, FOR_HUJIA[0])
    assert again.outcome is ScanOutcome.DUPLICATE
    assert again.earlier_bag is not None
    assert again.earlier_bag.startswith("盲收")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("YT12", "单号太短"),
        ("6901234567892", "商品条码"),
        ("YT1000000000001YT1000000000002YT100", "单号太长"),
    ],
)
def test_garbage_scans_are_refused_and_write_nothing(routed: Station, text: str, message: str):
    open_blind_bag(routed)
    entries = count_entries(routed)
    with pytest.raises(ValidationError, match=message):
        scan(routed, text)
    assert count_entries(routed) == entries


def test_a_bag_at_a_time_and_scans_need_an_open_bag(routed: Station):
    with pytest.raises(ValidationError, match="请先导入到货清单或开始盲收"):
        scan(routed, FOR_HUJIA[0])
    open_blind_bag(routed)
    with pytest.raises(ValidationError, match="没有结束收包"):
        open_list_bag(routed)
    with pytest.raises(ValidationError, match="不在线路表里"):
        scan(routed, FOR_HUJIA[0], destination="610305119999")
    with pytest.raises(ValidationError, match="还没有收包"):
        sort(routed, "YT9999999999999", HUJIA.division_code)


def test_a_village_station_does_not_receive_bags(village: Station):
    with pytest.raises(ValidationError, match="只在乡镇服务站使用"):
        open_blind_bag(village)
