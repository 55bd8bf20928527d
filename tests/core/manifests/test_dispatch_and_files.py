"""Dispatching manifests, and the files that carry them (and the county's lists)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from station_app.core.db.manifest_models import BagItem
from station_app.core.errors import ValidationError
from station_app.core.manifests import dispatch, files, sorting
from station_app.core.manifests.receiving import ListedParcel
from tests.core.manifests.conftest import HUJIA, LIJIA, ZHAO, Station
from tests.core.manifests.helpers import (
    FOR_HUJIA,
    FOR_LIJIA,
    count_entries,
    export,
    open_list_bag,
    scan,
    send,
)


def _receive_all(station: Station) -> None:
    open_list_bag(station)
    for number in (*FOR_HUJIA, *FOR_LIJIA):
        scan(station, number)


def test_a_village_pile_leaves_on_one_numbered_manifest(routed: Station):
    _receive_all(routed)
    sent = send(routed, HUJIA.division_code)
    view = sent.manifest
    assert view.number == "JJ20261123001"
    assert (view.to_name, view.route_code, view.parcel_count) == ("胡家庄村", "R01", 3)
    assert [i.tracking_number for i in sent.items] == list(FOR_HUJIA)
    assert [i.phone_masked for i in sent.items] == ["138****1234", "139****5678", None]
    assert send(routed, LIJIA.division_code).manifest.number == "JJ20261123002"
    with routed.read() as session:
        assert sorting.piles(session) == []
        waiting = select(func.count()).where(BagItem.manifest_id.is_(None))
        assert session.scalar(waiting) == 0
        assert [m.number for m in dispatch.outgoing(session)] == ["JJ20261123002", "JJ20261123001"]
    assert count_entries(routed, "manifest.dispatched") == 2


def test_nothing_to_send_or_an_unknown_village_is_refused(routed: Station):
    _receive_all(routed)
    with pytest.raises(ValidationError, match="赵家塬村没有待发的包裹"):
        send(routed, ZHAO.division_code)
    with pytest.raises(ValidationError, match="不在线路表里"):
        send(routed, "610305119999")


def test_the_file_carries_the_manifest_its_hash_and_route_siblings_without_phones(
    routed: Station,
):
    _receive_all(routed)
    hujia = send(routed, HUJIA.division_code)
    send(routed, LIJIA.division_code)
    data = export(routed, hujia.manifest.uid)
    document = json.loads(data)
    assert document["format"] == "village-station/manifest"
    assert document["version"] == 1
    body = document["body"]
    assert body["number"] == "JJ20261123001"
    assert body["from_division_code"] == "610305110000"
    assert body["siblings"] == [
        {"number": "JJ20261123002", "to_name": "李家沟村", "tracking_numbers": list(FOR_LIJIA)}
    ]
    assert "13812341234" not in data.decode("utf-8")
    parsed = files.read_manifest(data)
    assert parsed.body.uid == hujia.manifest.uid
    assert len(parsed.content_hash) == 64


def test_a_pretty_printed_or_reindented_file_still_reads(routed: Station):
    _receive_all(routed)
    data = export(routed, send(routed, HUJIA.division_code).manifest.uid)
    reindented = json.dumps(json.loads(data), indent=4, ensure_ascii=True).encode()
    assert files.read_manifest(reindented).body.number == "JJ20261123001"


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda t: t.replace("YT1000000000002", "YT1000000000009"), "校验码对不上"),
        (lambda t: t.replace('"胡家庄村"', '"李家沟村"', 1), "校验码对不上"),
        (lambda t: t[: len(t) // 2], "不是交接单文件"),
        (lambda t: t.replace('"version": 1', '"version": 2'), "请先升级本程序"),
        (lambda t: t.replace("village-station/manifest", "village-station/bag-list"), "不是交接单"),
        (lambda t: "\ufeff" + t, "不是交接单文件"),
    ],
)
def test_a_damaged_or_edited_file_is_refused_with_a_clear_message(routed: Station, damage, message):
    _receive_all(routed)
    text = export(routed, send(routed, HUJIA.division_code).manifest.uid).decode("utf-8")
    with pytest.raises(ValidationError, match=message):
        files.read_manifest(damage(text).encode("utf-8"))


def test_a_county_list_keeps_only_masked_phones_and_known_couriers():
    parcels = [
        ListedParcel("yt1000000000001", "yto", "13812341234", HUJIA.division_code),
        ListedParcel("YT1000000000002", "no-such", "17012345678转4321"),
        ListedParcel("SF1000000000003", "sf", "电话不详"),
    ]
    bag_list = files.read_bag_list(files.bag_list_file("第1袋", parcels))
    assert [(p.tracking_number, p.courier, p.phone_masked) for p in bag_list.parcels] == [
        ("YT1000000000001", "yto", "138****1234"),
        ("YT1000000000002", "yto", "170****5678转4321"),
        ("SF1000000000003", "sf", None),
    ]
    with pytest.raises(ValidationError, match="不是到货清单文件"):
        files.read_bag_list(b'{"format": "village-station/manifest"}')


def test_files_are_written_whole_or_not_at_all(tmp_path):
    target = tmp_path / "usb" / files.default_name("JJ20261123001", "胡家庄/村")
    files.write_file(target, b"{}")
    assert target.name == "交接单-JJ20261123001-胡家庄村.json"
    assert target.read_bytes() == b"{}"
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary left
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(ValidationError, match="文件写不进去"):
        files.write_file(blocker / "m.json", b"{}")
    with pytest.raises(ValidationError, match="读不了文件"):
        files.read_bytes(tmp_path / "missing.json")
