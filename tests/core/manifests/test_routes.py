"""The route table: edited by the keeper, one village per route, replaceable by the county."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from station_app.core import ledger, operators
from station_app.core.db.manifest_models import RouteSource
from station_app.core.db.models import LedgerEntry, Role
from station_app.core.errors import PermissionDenied, ValidationError
from station_app.core.manifests import routes
from station_app.core.manifests.routes import RouteView, Stop
from tests.core.manifests.conftest import HUJIA, LIJIA, ZHAO, Station

STATION_ID = "0f5c2b9e-6a51-4d0b-9f0e-6c3c7c2b1a00"


def _save(station: Station, code: str, name: str, stops: list[Stop], **kw):
    with station.write() as session:
        return routes.save_route(
            session, station.clock, actor=station.keeper, code=code, name=name, stops=stops, **kw
        )


def test_routes_list_their_villages_in_order_and_are_on_the_ledger(routed: Station):
    with routed.read() as session:
        table = routes.list_routes(session)
        places = routes.destinations(session)
        hujia = routes.destination(session, HUJIA.division_code)
        entries = list(
            session.scalars(select(LedgerEntry).where(LedgerEntry.type == "route.saved"))
        )
    assert [(r.code, r.name, [s.name for s in r.stops]) for r in table] == [
        ("R01", "北线", ["胡家庄村", "李家沟村"]),
        ("R02", "南线", ["赵家塬村"]),
    ]
    assert [p.name for p in places] == ["胡家庄村", "李家沟村", "赵家塬村"]
    assert hujia is not None
    assert hujia.route_code == "R01"
    assert len(entries) == 2
    assert ledger.payload_of(entries[0])["stops"][1]["division_code"] == LIJIA.division_code


def test_stops_typed_one_per_line_with_an_optional_station_id():
    text = f"胡家庄村 610305110201\n\n李家沟村，６１０３０５１１０２０２, {STATION_ID}\n"
    assert routes.parse_stops(text) == [
        Stop("胡家庄村", "610305110201"),
        Stop("李家沟村", "610305110202", STATION_ID),
    ]
    with pytest.raises(ValidationError, match="第2行看不懂"):
        routes.parse_stops("胡家庄村 610305110201\n李家沟村")


def test_a_route_can_be_renamed_recoded_and_given_station_ids(routed: Station):
    known = Stop(LIJIA.name, LIJIA.division_code, STATION_ID.upper())
    _save(routed, "r01-a", "北线（新）", [known, HUJIA], replaces="R01")
    with routed.read() as session:
        first = routes.list_routes(session)[0]
    assert first.code == "R01-A"
    assert [s.name for s in first.stops] == ["李家沟村", "胡家庄村"]
    assert first.stops[0].station_id == STATION_ID


@pytest.mark.parametrize(
    ("code", "stops", "message"),
    [
        ("R09", [ZHAO], "赵家塬村已经在线路“南线”上了"),
        ("R02", [Stop("新村", "610305110999")], "已经有编号为R02的线路了"),
        ("路线1", [Stop("新村", "610305110999")], "线路编号"),
        ("R09", [], "至少要有一个村"),
        ("R09", [Stop("新村", "61030511099")], "第1个村（新村）：区划代码必须是12位数字"),
        ("R09", [Stop("新村", "610305110000")], "最后三位是村代码"),
        ("R09", [Stop("新村", "610305110999"), Stop("新村", "610305110999")], "写了两次"),
        ("R09", [Stop("新村", "610305110999", "abc")], "站点编号格式不对"),
    ],
)
def test_bad_routes_are_refused_and_nothing_changes(
    routed: Station, code: str, stops: list[Stop], message: str
):
    with routed.read() as session:
        before = routes.list_routes(session)
    with pytest.raises(ValidationError, match=message):
        _save(routed, code, "新线", stops)
    with routed.read() as session:
        assert routes.list_routes(session) == before


def test_only_the_keeper_edits_routes(routed: Station):
    with routed.write() as session:
        assistant = operators.create(
            session,
            routed.clock,
            actor=routed.keeper,
            login="lixia",
            display_name="李霞",
            role=Role.ASSISTANT,
            password="dianyuan01",
        )
    with pytest.raises(PermissionDenied), routed.write() as session:
        routes.remove_route(session, routed.clock, actor=assistant, code="R02")


def test_removing_a_route_frees_its_villages(routed: Station):
    with routed.write() as session:
        routes.remove_route(session, routed.clock, actor=routed.keeper, code="R02")
    _save(routed, "R03", "东线", [ZHAO])
    with routed.read() as session:
        assert [r.code for r in routes.list_routes(session)] == ["R01", "R03"]
        assert ledger.verify(session).ok


def test_a_village_station_has_no_route_table(village: Station):
    with pytest.raises(ValidationError, match="只在乡镇服务站使用"):
        _save(village, "R01", "北线", [LIJIA])


def test_the_county_table_replaces_the_whole_table_or_nothing(routed: Station):
    county = [RouteView("C1", "县定一线", (ZHAO, HUJIA), RouteSource.COUNTY)]
    with routed.write() as session:
        routes.apply_county_table(session, routed.clock.now(), county)
    with routed.read() as session:
        [only] = routes.list_routes(session)
    assert (only.code, only.source, len(only.stops)) == ("C1", RouteSource.COUNTY, 2)
    clash = [*county, RouteView("C2", "二线", (HUJIA,), RouteSource.COUNTY)]
    with pytest.raises(ValidationError, match="重复"), routed.write() as session:
        routes.apply_county_table(session, routed.clock.now(), clash)
    with routed.read() as session:
        assert [r.code for r in routes.list_routes(session)] == ["C1"]
