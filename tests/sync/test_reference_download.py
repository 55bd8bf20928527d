"""Reference sets published with ``county-centre reference publish`` reach a station's
store through a real county process, and the station uses them: courier recognition,
tariffs, a township's route table. Unchanged sets cost a 304; a set the station's
parser refuses is recorded and not applied."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from station_app.core import couriers, reference
from station_app.core.db.reference_models import StoredReferenceSet
from station_app.core.db.sync_models import SyncAttempt
from station_app.core.errors import ValidationError
from station_app.core.manifests import routes
from station_app.core.money import Fen
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import sending, tariffs
from station_app.core.store import Store
from station_app.core.weight import Grams
from station_app.resources import resources_dir
from sync.client import CountyClient
from sync.exchange import REFERENCE_REFUSED, download_reference, exchange
from tests.conftest import DIVISION_CODE
from tests.core.manifests.conftest import (  # noqa: F401 - fixtures used by name
    HUJIA,
    LIJIA,
    TOWNSHIP_CODE,
    Station,
    routed,
    township,
)
from tests.sync.real_county import (  # noqa: F401 - fixtures used by name
    Staff,
    real_county_db_fixture,
    real_county_fixture,
    staff_fixture,
)

NEW_COURIER = {
    "code": "xfex",
    "name": "县丰快运",
    "patterns": [{"regex": "^XF\\d{10}$", "weight": 90}],
}
NEW_NUMBER = "XF1234567890"


@pytest.fixture(autouse=True)
def _bundled_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts from the bundled rules and tariffs and leaves them so."""
    monkeypatch.setattr(couriers, "_active", None)
    monkeypatch.setattr(tariffs, "_active", None)


def _bundled(path: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((resources_dir() / path).read_text(encoding="utf-8"))
    return data


def newer_rules() -> dict[str, Any]:
    data = _bundled("couriers/rules.json")
    return {**data, "version": data["version"] + 1, "couriers": [*data["couriers"], NEW_COURIER]}


def newer_tariffs(first_fen: int = 1234) -> dict[str, Any]:
    data = copy.deepcopy(_bundled("tariffs/tariffs.json"))
    data["version"] += 1
    data["couriers"]["yto"]["zones"]["1"]["first_fen"] = first_fen
    return data


@pytest.fixture
def village_client(store: Store, keeper: OperatorInfo, staff: Staff) -> Iterator[CountyClient]:
    made = staff.enrol(store, name="胡家庄村服务站", level="village", division_code=DIVISION_CODE)
    yield made
    made.close()


def _rows(store: Store) -> list[StoredReferenceSet]:
    with store.reading() as session:
        query = select(StoredReferenceSet).order_by(StoredReferenceSet.kind)
        return list(session.scalars(query))


def _history(store: Store) -> list[SyncAttempt]:
    with store.reading() as session:
        return list(session.scalars(select(SyncAttempt).order_by(SyncAttempt.id)))


def test_nothing_published_is_no_error(store: Store, village_client: CountyClient):
    assert download_reference(store, village_client) == []
    report = exchange(store, village_client)
    assert (report.applied, report.refused, report.error_code) == ([], [], None)
    assert _rows(store) == []
    assert _history(store) == []
    assert couriers.active_rules() is couriers.bundled_rules()


def test_published_rules_and_tariffs_are_used_and_304_while_unchanged(
    store: Store, village_client: CountyClient, staff: Staff
):
    with pytest.raises(ValidationError, match="没有这个快递公司"):
        couriers.courier_by_code("xfex")
    bundled_fee = sending.price("yto", "陕西", Grams(1000)).first_fen
    staff.publish("couriers", newer_rules())
    staff.publish("tariffs", newer_tariffs())
    staff.publish("announcements", {"items": [{"title": "停电通知"}]})

    taken = download_reference(store, village_client)

    assert sorted((t.kind, t.applied) for t in taken) == [
        ("announcements", True),
        ("couriers", True),
        ("tariffs", True),
    ]
    assert couriers.recognise(NEW_NUMBER).best == couriers.Courier("xfex", "县丰快运")
    assert sending.price("yto", "陕西", Grams(1000)).first_fen == Fen(1234) != bundled_fee
    with store.reading() as session:
        assert reference.active_data(session, "announcements") == {"items": [{"title": "停电通知"}]}
    rows = _rows(store)
    assert [(r.kind, r.etag, r.applied_at is not None, r.error) for r in rows] == [
        ("announcements", f'"{rows[0].version}"', True, None),
        ("couriers", f'"{rows[1].version}"', True, None),
        ("tariffs", f'"{rows[2].version}"', True, None),
    ]

    assert download_reference(store, village_client) == []  # every kind: 304
    assert [(r.id, r.version) for r in _rows(store)] == [(r.id, r.version) for r in rows]


def test_the_stored_sets_survive_a_restart(
    store: Store, village_client: CountyClient, staff: Staff, monkeypatch: pytest.MonkeyPatch
):
    staff.publish("couriers", newer_rules())
    staff.publish("tariffs", newer_tariffs(999))
    download_reference(store, village_client)
    store.close()
    # A new process: the caches hold the bundled files again until the store is read.
    monkeypatch.setattr(couriers, "_active", None)
    monkeypatch.setattr(tariffs, "_active", None)
    reopened = Store.open(store.data_dir, store.clock)
    try:
        assert couriers.recognise(NEW_NUMBER).best is couriers.UNKNOWN
        assert sorted(reference.activate_stored(reopened)) == ["couriers", "tariffs"]
        assert couriers.recognise(NEW_NUMBER).best.code == "xfex"
        assert tariffs.active_tariffs().couriers["yto"].prices[1].first_fen == 999
    finally:
        reopened.close()


def test_a_set_the_station_refuses_is_recorded_and_the_previous_one_stays(
    store: Store, village_client: CountyClient, staff: Staff
):
    staff.publish("couriers", newer_rules())
    download_reference(store, village_client, ("couriers",))
    good = couriers.active_rules()
    broken = newer_rules()
    broken["version"] += 1
    broken["couriers"][-1] = {**NEW_COURIER, "patterns": [{"regex": "^XF(\\d{10}$", "weight": 90}]}
    bad_version = staff.publish_unchecked("couriers", broken)

    report = exchange(store, village_client)

    assert (report.applied, report.refused, report.error_code) == ([], ["couriers"], None)
    assert couriers.active_rules() is good
    assert couriers.recognise(NEW_NUMBER).best.code == "xfex"
    [refused] = _history(store)
    assert (refused.outcome, refused.error_code) == ("refused", REFERENCE_REFUSED)
    assert refused.error_message is not None
    assert refused.error_message.startswith(
        f"县服务中心下发的快递公司识别规则（第{bad_version}版）本机用不了，仍用原来的"
    )
    assert "正则表达式写错了" in refused.error_message
    with store.reading() as session:
        in_use = reference.active_set(session, "couriers")
        assert in_use is not None
        assert in_use.version == bad_version - 1
        assert reference.stored_etag(session, "couriers") == f'"{bad_version}"'

    # Not fetched and refused again on every run: the refused version's ETag goes along.
    assert download_reference(store, village_client) == []
    assert len(_history(store)) == 1

    fixed = {**newer_rules(), "version": broken["version"] + 1}
    staff.publish("couriers", fixed)
    [taken] = download_reference(store, village_client, ("couriers",))
    assert taken.applied
    assert couriers.active_rules().version == fixed["version"]
    assert [r.version for r in _rows(store)] == [bad_version + 1]  # older rows pruned


def test_the_county_set_wins_unless_older_than_the_bundled(monkeypatch: pytest.MonkeyPatch):
    """An app upgrade's newer bundled rules beat an older county set; among county sets
    the newest stored one wins whatever its own version (staff taking a set back)."""
    data = newer_rules()
    monkeypatch.setattr(
        couriers, "_bundled", couriers.CourierRules.from_dict({**data, "version": 5})
    )
    older = couriers.CourierRules.from_dict({**data, "version": 4})
    assert not couriers.use_county_rules(older)
    assert couriers.active_rules() is couriers.bundled_rules()
    later = couriers.CourierRules.from_dict({**data, "version": 7})
    taken_back = couriers.CourierRules.from_dict({**data, "version": 6})
    assert couriers.use_county_rules(later)
    assert couriers.use_county_rules(taken_back)
    assert couriers.active_rules() is taken_back
    table = _bundled("tariffs/tariffs.json")
    monkeypatch.setattr(tariffs, "_bundled", tariffs.Tariffs.from_dict({**table, "version": 3}))
    assert not tariffs.use_county_tariffs(tariffs.Tariffs.from_dict({**table, "version": 2}))
    assert tariffs.active_tariffs() is tariffs.bundled_tariffs()
    assert tariffs.use_county_tariffs(tariffs.Tariffs.from_dict({**table, "version": 3}))
    assert tariffs.active_tariffs().version == 3


def test_a_township_applies_its_routes_a_village_only_stores_them(
    routed: Station,  # noqa: F811 - the township store fixture, imported above
    store: Store,
    keeper: OperatorInfo,
    staff: Staff,
):
    table = {
        "routes": [
            {
                "code": "R09",
                "name": "东线",
                "stops": [
                    {"name": HUJIA.name, "division_code": HUJIA.division_code},
                    {"name": LIJIA.name, "division_code": LIJIA.division_code},
                ],
            }
        ]
    }
    staff.publish("routes", table, "--township", "柳林镇")
    township_client = staff.enrol(
        routed.store,
        name="柳林镇中转站",
        level="township",
        division_code=TOWNSHIP_CODE,
    )
    village_client = staff.enrol(
        store,
        name="胡家庄村服务站",
        level="village",
        division_code=DIVISION_CODE,
    )
    try:
        [taken] = download_reference(routed.store, township_client, ("routes",))
        assert taken.applied
        with routed.read() as session:
            [route] = routes.list_routes(session)
        assert (route.code, route.name, route.source.value) == ("R09", "东线", "county")
        assert [s.division_code for s in route.stops] == [HUJIA.division_code, LIJIA.division_code]

        [stored] = download_reference(store, village_client, ("routes",))
        assert stored.applied
        with store.reading() as session:
            assert routes.list_routes(session) == []
            assert reference.active_data(session, "routes") == table

        # One village on two routes: refused whole, the applied table stays.
        clash = {"routes": [*table["routes"], {**table["routes"][0], "code": "R10"}]}
        staff.publish("routes", clash, "--township", "柳林镇")
        [refused] = download_reference(routed.store, township_client, ("routes",))
        assert not refused.applied
        assert refused.error is not None
        assert "重复的线路或村" in refused.error
        with routed.read() as session:
            assert [r.code for r in routes.list_routes(session)] == ["R09"]
    finally:
        township_client.close()
        village_client.close()


def test_a_routes_set_of_the_wrong_shape_is_refused():
    with pytest.raises(ValidationError, match=r"线路表格式不对（routes\[1\]\.stops）"):
        routes.county_table({"routes": [{"code": "R1", "name": "北线"}]})
    with pytest.raises(ValidationError, match=r"routes\.routes"):
        routes.county_table([])
    parsed = routes.county_table(
        {
            "routes": [
                {
                    "code": "R1",
                    "name": "北线",
                    "stops": [{"name": "胡家庄村", "division_code": "1"}],
                }
            ]
        }
    )
    assert parsed[0].stops == (routes.Stop("胡家庄村", "1", None),)
