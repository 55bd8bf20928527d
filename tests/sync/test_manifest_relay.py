"""Manifests from a township store to a village store through a real county process:
the township dispatches, its sync run posts the manifest, the village's sync run
imports it, and the village's check-in reconciles against it, end to end across two
station stores and one county."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from station_app.core.db.manifest_models import Manifest
from station_app.core.db.models import LedgerEntry
from station_app.core.db.sync_models import SyncAttempt
from station_app.core.manifests import files, reconcile
from station_app.core.parcels.checkin import Arrival, check_in
from station_app.core.store import Store
from station_app.ui.sync_runner import SyncRunner
from sync import state
from sync.client import CountyClient, upload_pending
from sync.exchange import (
    COUNTY_ACTOR,
    MANIFEST_NOT_IMPORTED,
    download_manifests,
    exchange,
    upload_manifests,
)
from tests.core.manifests.conftest import (  # noqa: F401 - fixtures used by name
    HUJIA,
    LIJIA,
    TOWNSHIP_CODE,
    Station,
    routed,
    township,
    village,
)
from tests.core.manifests.helpers import FOR_HUJIA, FOR_LIJIA, export, open_list_bag, scan, send
from tests.county.helpers import enrol_new
from tests.county.test_manifests_relay import document
from tests.sync.real_county import (  # noqa: F401 - fixtures used by name
    QUICK,
    Staff,
    real_county_db_fixture,
    real_county_fixture,
    staff_fixture,
)


@pytest.fixture
def clients(
    routed: Station,  # noqa: F811 - fixtures imported above
    village: Station,  # noqa: F811
    staff: Staff,
) -> Iterator[tuple[CountyClient, CountyClient]]:
    """The township and the village 胡家庄, both enrolled; 李家沟 is not (yet)."""
    township_client = staff.enrol(
        routed.store, name="柳林镇中转站", level="township", division_code=TOWNSHIP_CODE
    )
    village_client = staff.enrol(
        village.store, name="胡家庄村服务站", level="village", division_code=HUJIA.division_code
    )
    yield township_client, village_client
    township_client.close()
    village_client.close()


def _history(store: Store) -> list[tuple[str, str | None]]:
    with store.reading() as session:
        rows = session.scalars(select(SyncAttempt).order_by(SyncAttempt.id))
        return [(row.outcome, row.error_code) for row in rows]


def _manifest(store: Store, uid: str) -> Manifest:
    with store.reading() as session:
        return session.scalars(select(Manifest).where(Manifest.uid == uid)).one()


def _check_in(village: Station, tracking: str) -> None:  # noqa: F811
    with village.write() as session:
        check_in(
            session,
            village.clock,
            actor=village.keeper,
            arrival=Arrival(tracking, "yto", "1", 1, phone="1234"),
        )


def _run(store: Store) -> None:
    """One scheduled run, as the app's worker does it: upload, reference, manifests."""
    runner = SyncRunner(store, timeout=QUICK)
    runner._run(forced=True, poked=False)


def test_a_dispatched_manifest_reaches_the_village_and_reconciles(
    routed: Station,  # noqa: F811
    village: Station,  # noqa: F811
    clients: tuple[CountyClient, CountyClient],
    staff: Staff,
):
    open_list_bag(routed)
    for number in (*FOR_HUJIA, *FOR_LIJIA):
        scan(routed, number)
    hujia = send(routed, HUJIA.division_code).manifest
    lijia = send(routed, LIJIA.division_code).manifest

    _run(routed.store)
    assert _manifest(routed.store, hujia.uid).relayed_at == routed.clock.now()
    assert _manifest(routed.store, lijia.uid).relayed_at is None
    assert _manifest(routed.store, lijia.uid).relay_error == "unknown_destination"
    assert _history(routed.store) == [("ok", None), ("retry", "unknown_destination")]
    _run(routed.store)  # 李家沟 still not enrolled: tried again, said only once
    assert _history(routed.store) == [("ok", None), ("retry", "unknown_destination"), ("ok", None)]

    _run(village.store)
    with village.read() as session:
        [incoming] = reconcile.incoming(session)
        assert state.row(session) is not None
        assert state.row(session).manifests_through == 1  # type: ignore[union-attr]
    assert (incoming.uid, incoming.number) == (hujia.uid, hujia.number)
    assert _history(village.store) == [("ok", None)]

    _check_in(village, FOR_HUJIA[0])
    _check_in(village, FOR_LIJIA[0])  # the neighbour's parcel, left here: wrong route
    with village.read() as session:
        report = reconcile.reconciliation(session, hujia.uid)
    assert (report.expected, report.arrived) == (3, 1)
    assert [f.tracking_number for f in report.wrong_route] == [FOR_LIJIA[0]]

    _run(village.store)  # the check-ins go up; nothing new comes down
    with village.read() as session:
        assert len(reconcile.incoming(session)) == 1
        imported = session.scalars(
            select(LedgerEntry).where(LedgerEntry.type == "manifest.imported")
        ).one()
    assert imported.operator == COUNTY_ACTOR.login
    _, village_client = clients
    assert village_client.head().held_through == state.status(village.store).uploaded_through
    assert state.status(village.store).pending == 0

    enrol_new(staff.county.api(""), staff.db, division_code=LIJIA.division_code)
    _run(routed.store)  # 李家沟 enrolled meanwhile: now it goes
    assert _manifest(routed.store, lijia.uid).relayed_at is not None
    assert _manifest(routed.store, lijia.uid).relay_error is None


def test_a_manifest_imported_from_its_file_or_not_for_this_village_is_skipped(
    routed: Station,  # noqa: F811
    village: Station,  # noqa: F811
    clients: tuple[CountyClient, CountyClient],
):
    township_client, village_client = clients
    open_list_bag(routed)
    for number in FOR_HUJIA:
        scan(routed, number)
    sent = send(routed, HUJIA.division_code).manifest
    by_hand = files.read_manifest(export(routed, sent.uid))
    with village.write() as session:  # the van brought the USB stick first
        reconcile.import_manifest(session, village.clock, actor=village.keeper, document=by_hand)
    assert upload_manifests(routed.store, township_client) == 1
    assert download_manifests(village.store, village_client) == 0
    assert _history(village.store) == []

    # Addressed by division to 胡家庄 but naming a station that is not this one: the
    # county relays it (the only station there), the village refuses and moves on.
    township_id = state.station_ids_of(routed.store)[0]
    other = document(township_id, HUJIA.division_code, to_station_id=str(uuid.uuid4()))
    assert township_client.post_manifest(other).county_seq == 2
    assert download_manifests(village.store, village_client) == 0
    with village.read() as session:
        assert len(reconcile.incoming(session)) == 1
        row = state.row(session)
        assert row is not None
        assert row.manifests_through == 2
        [refused] = session.scalars(select(SyncAttempt)).all()
    assert (refused.outcome, refused.error_code) == ("refused", MANIFEST_NOT_IMPORTED)
    assert refused.error_message is not None
    assert refused.error_message.startswith("县服务中心转来的交接单JJ20261123001没有导入")
    assert "不是本站的" in refused.error_message
    assert download_manifests(village.store, village_client) == 0
    assert len(_history(village.store)) == 1


def test_a_manifest_the_county_holds_otherwise_is_not_posted_again(
    routed: Station,  # noqa: F811
    clients: tuple[CountyClient, CountyClient],
):
    township_client, _ = clients
    open_list_bag(routed)
    for number in FOR_HUJIA:
        scan(routed, number)
    sent = send(routed, HUJIA.division_code).manifest
    township_id = state.station_ids_of(routed.store)[0]
    township_client.post_manifest(document(township_id, HUJIA.division_code, uid=sent.uid))

    report = exchange(routed.store, township_client)
    assert (report.relayed, report.error_code) == (0, None)
    assert _manifest(routed.store, sent.uid).relay_error == "manifest_conflict"
    [(outcome, code)] = _history(routed.store)
    assert (outcome, code) == ("refused", "manifest_conflict")
    with routed.read() as session:
        message = session.scalars(select(SyncAttempt.error_message)).one()
    assert message is not None
    assert message.startswith(f"交接单{sent.number}（发往胡家庄村）没能经县服务中心转发")
    assert upload_manifests(routed.store, township_client) == 0  # final: not posted again
    assert len(_history(routed.store)) == 1
    assert upload_pending(routed.store, township_client).outcome == "ok"  # nothing halted
