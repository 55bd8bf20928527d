"""The village end: import the township's file, check the parcels in as usual, and the
manifest reconciles itself; closing freezes the discrepancy report on the ledger."""

from __future__ import annotations

import pytest
from sqlalchemy import event, func, select

from station_app.core import ledger
from station_app.core.db.manifest_models import Manifest, ManifestItem
from station_app.core.db.models import LedgerEntry
from station_app.core.errors import ValidationError
from station_app.core.manifests import files, reconcile
from station_app.core.manifests.reconcile import FindingKind
from station_app.core.parcels.checkin import Arrival, check_in
from tests.core.manifests.conftest import HUJIA, LIJIA, Station
from tests.core.manifests.helpers import (
    FOR_HUJIA,
    FOR_LIJIA,
    count_entries,
    export,
    open_list_bag,
    scan,
    send,
)


def _manifest_file(township: Station) -> bytes:
    """The township receives the county's bag and sends both villages of route R01."""
    open_list_bag(township)
    for number in (*FOR_HUJIA, *FOR_LIJIA):
        scan(township, number)
    hujia = send(township, HUJIA.division_code)
    send(township, LIJIA.division_code)
    return export(township, hujia.manifest.uid)


def _import(village: Station, data: bytes):
    document = files.read_manifest(data)
    with village.write() as session:
        return reconcile.import_manifest(
            session, village.clock, actor=village.keeper, document=document
        )


def _check_in(village: Station, tracking: str):
    arrival = Arrival(tracking, "yto", "1", 1, phone="1234")
    with village.write() as session:
        return check_in(session, village.clock, actor=village.keeper, arrival=arrival)


def _report(village: Station, uid: str):
    with village.read() as session:
        return reconcile.reconciliation(session, uid)


def test_import_records_the_expected_parcels(routed: Station, village: Station):
    imported = _import(village, _manifest_file(routed))
    assert imported.manifest.number == "JJ20261123001"
    assert imported.manifest.from_name == "柳林镇中转站"
    with village.read() as session:
        [open_one] = reconcile.incoming(session)
        phones = session.scalars(select(ManifestItem.phone_masked).order_by(ManifestItem.id))
        assert list(phones) == ["138****1234", "139****5678", None]
    assert open_one.status.value == "open"
    report = _report(village, imported.manifest.uid)
    assert (report.expected, report.arrived, len(report.missing_items)) == (3, 0, 3)
    [entry] = _entries(village, "manifest.imported")
    assert ledger.payload_of(entry)["tracking_numbers"] == list(FOR_HUJIA)


def _entries(station: Station, event_type: str) -> list[LedgerEntry]:
    with station.read() as session:
        return list(session.scalars(select(LedgerEntry).where(LedgerEntry.type == event_type)))


def test_check_in_reconciles_missing_extra_and_wrong_route(routed: Station, village: Station):
    uid = _import(village, _manifest_file(routed)).manifest.uid
    _check_in(village, FOR_HUJIA[0])
    _check_in(village, "ZT9000000000077")  # in the bag, on no manifest: extra
    _check_in(village, FOR_LIJIA[0])  # the neighbour's parcel, left here: wrong route
    _check_in(village, FOR_HUJIA[1])
    live = _report(village, uid)
    assert [i.arrived for i in live.items] == [True, True, False]
    assert [f.tracking_number for f in live.extra] == ["ZT9000000000077"]
    assert [(f.tracking_number, f.note) for f in live.wrong_route] == [
        (FOR_LIJIA[0], "李家沟村 JJ20261123002")
    ]
    with village.write() as session:
        closed = reconcile.close(session, village.clock, actor=village.keeper, uid=uid)
    assert closed.manifest.status.value == "closed"
    assert [i.tracking_number for i in closed.missing_items] == [FOR_HUJIA[2]]
    [entry] = _entries(village, "manifest.reconciled")
    payload = ledger.payload_of(entry)
    assert (payload["expected"], payload["arrived"], payload["missing"]) == (3, 2, 1)
    assert (payload["extra"], payload["wrong_route"]) == (1, 1)
    assert payload["wrong_route_tracking_numbers"] == [FOR_LIJIA[0]]
    # Frozen: a late arrival no longer changes the closed report.
    _check_in(village, FOR_HUJIA[2])
    assert len(_report(village, uid).missing_items) == 1
    with village.write() as session, pytest.raises(ValidationError, match="不能重复关闭"):
        reconcile.close(session, village.clock, actor=village.keeper, uid=uid)
    with village.read() as session:
        assert ledger.verify(session).ok
    with routed.read() as session:
        assert ledger.verify(session).ok


def test_parcels_checked_in_before_the_import_still_count(routed: Station, village: Station):
    data = _manifest_file(routed)
    _check_in(village, FOR_HUJIA[2])
    uid = _import(village, data).manifest.uid
    assert _report(village, uid).arrived == 1


def test_a_scan_finds_its_manifest(routed: Station, village: Station):
    uid = _import(village, _manifest_file(routed)).manifest.uid
    _check_in(village, FOR_HUJIA[0])
    with village.read() as session:
        here = reconcile.locate(session, FOR_HUJIA[0])
        waiting = reconcile.locate(session, FOR_HUJIA[1])
        assert reconcile.locate(session, "YT5555555555555") is None
    assert here is not None
    assert here.arrived
    assert here.manifest.uid == uid
    assert waiting is not None
    assert not waiting.arrived


def test_check_in_pays_nothing_for_manifests(routed: Station, village: Station):
    """Reconciliation is derived on reading: a check-in sends no statement to the
    manifest tables (the counter's p99 stays where the parcels issue measured it)."""
    _import(village, _manifest_file(routed))
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    engine = village.store._writer
    event.listen(engine, "before_cursor_execute", record)
    try:
        _check_in(village, FOR_HUJIA[0])
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert statements
    assert not [s for s in statements if "manifest" in s]


def _half_written(village: Station) -> tuple[int, int]:
    with village.read() as session:
        manifests = session.scalar(select(func.count()).select_from(Manifest)) or 0
    return manifests, count_entries(village)


def test_a_corrupted_file_is_refused_and_nothing_is_written(routed: Station, village: Station):
    text = _manifest_file(routed).decode("utf-8")
    before = _half_written(village)
    with pytest.raises(ValidationError, match="校验码对不上"):
        _import(village, text.replace(FOR_HUJIA[1], "YT1000000000099").encode("utf-8"))
    assert _half_written(village) == before


def test_the_same_file_twice_or_another_village_s_file_is_refused(
    routed: Station, village: Station
):
    data = _manifest_file(routed)
    _import(village, data)
    before = _half_written(village)
    with pytest.raises(ValidationError, match="已经导入过了"):
        _import(village, data)
    with routed.read() as session:
        outgoing = session.scalars(select(Manifest.uid).where(Manifest.number.like("%002")))
        lijia = files.manifest_file(session, next(iter(outgoing)))
    with pytest.raises(ValidationError, match="是发给李家沟村（610305110202）的"):
        _import(village, lijia)
    assert _half_written(village) == before


def test_a_bad_item_in_a_valid_envelope_writes_nothing(routed: Station, village: Station):
    """A failure half-way through the import (here: the ledger refuses the payload) rolls
    back the manifest rows already added in the same transaction."""
    data = _manifest_file(routed)
    document = files.read_manifest(data)
    broken = files.ManifestDocument(document.body, "not-a-hash")
    before = _half_written(village)
    with pytest.raises(Exception, match="content_hash"), village.write() as session:
        reconcile.import_manifest(session, village.clock, actor=village.keeper, document=broken)
    assert _half_written(village) == before


def test_a_township_cannot_import_manifests(routed: Station):
    data = _manifest_file(routed)
    with pytest.raises(ValidationError, match="只在村级服务站使用"):
        _import(routed, data)
    assert FindingKind.EXTRA.value == "extra"
