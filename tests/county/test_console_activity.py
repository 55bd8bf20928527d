"""The console's 活动 page against a real county process, on SQLite and PostgreSQL: a
township's stations upload parcels, agent orders, bill payments (generated chains) and
produce purchases (a station ledger written through ``ledger.append``); the page's
embedded chart data and tables hold exactly those figures (voided purchases left out,
the household status as bought), the vendored ECharts is served, bad periods get a
Chinese page, and no farmer is named."""

from __future__ import annotations

import json
import re
import secrets
import uuid
from typing import Any

import pytest
import requests

from station_app.core.clock import FixedClock
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from tests.county.conftest import County
from tests.county.helpers import (
    Enrolled,
    SessionFactory,
    add_station,
    checkin_payload,
    enrol,
    enrol_new,
    make_entry,
    shipment_payload,
    upload,
)
from tests.county.test_console import logged_in, make_staff, new_township, row_of, text_of
from tests.county.test_produce_projection import VILLAGE_A, Ledger, upload_new
from tests.county.test_station_ledger import station_entries

DATA = re.compile(r'<script type="application/json" id="activity-data">(.*?)</script>', re.S)


def division() -> str:
    return f"6103051{secrets.randbelow(10**5):05d}"


def charts_of(page: str) -> dict[str, Any]:
    found = DATA.search(page)
    assert found is not None, page
    return dict(json.loads(found.group(1)))


def table_of(page: str, table_id: str) -> str:
    found = re.search(rf'<table class="grid" id="{table_id}">.*?</table>', page, flags=re.S)
    assert found is not None, table_id
    return found.group(0)


def order_payload(total_fen: int, fee_fen: int) -> dict[str, Any]:
    return {
        "order": str(uuid.uuid4()),
        "number": f"DG20261105-{secrets.randbelow(900) + 100}",
        "items": [
            {
                "description": "化肥",
                "platform": "pinduoduo",
                "quantity": 1,
                "unit_price_fen": total_fen,
            },
        ],
        "items_total_fen": total_fen,
        "service_fee_fen": fee_fen,
        "amount_fen": 0,
    }


def bill_payload(amount_fen: int, fee_fen: int) -> dict[str, Any]:
    return {
        "payment": str(uuid.uuid4()),
        "biller": "state_grid",
        "billers_version": 1,
        "account_tail": "1234",
        "amount_fen": amount_fen,
        "fee_fen": fee_fen,
        "payment_method": "cash",
    }


def chain_of(station_id: str, planned: list[tuple[str, str, dict[str, Any]]]) -> list[Any]:
    """(business day, type, payload) as one chain."""
    entries: list[dict[str, Any]] = []
    prev: str | None = None
    for seq, (day, kind, payload) in enumerate(planned, start=1):
        entry = make_entry(station_id, seq, prev, kind, payload, business_day=day)
        entries.append(entry)
        prev = str(entry["hash"])
    return entries


class Township:
    def __init__(self, name: str, busy: Enrolled, quiet: Enrolled, book: Ledger) -> None:
        self.name, self.busy, self.quiet, self.book = name, busy, quiet, book


@pytest.fixture
def township(
    county: County,
    county_db: SessionFactory,
    store: Store,
    clock: FixedClock,
    keeper: OperatorInfo,
) -> Township:
    name = new_township()
    busy = enrol_new(
        county.api(""), county_db, name=f"{name}甲村服务站", division_code=division(),
        township=name,
    )  # fmt: skip
    quiet = enrol_new(
        county.api(""), county_db, name=f"{name}乙村服务站", division_code=division(),
        township=name,
    )  # fmt: skip
    n = iter(range(1, 100))
    planned = [
        ("2026-10-31", "parcel.checked_in", checkin_payload(next(n))),  # before the period
        *[("2026-11-02", "parcel.checked_in", checkin_payload(next(n))) for _ in range(3)],
        ("2026-11-02", "order.registered", order_payload(12_000, 300)),
        ("2026-11-05", "parcel.checked_in", checkin_payload(next(n))),
        ("2026-11-05", "parcel.returned", {**_parcel(next(n)), "reason": "refused"}),
        ("2026-11-05", "shipment.accepted", shipment_payload(1500, 1200)),
        ("2026-11-05", "bill.recorded", bill_payload(10_000, 0)),
        ("2026-11-05", "bill.recorded", bill_payload(5_050, 100)),
        *[("2026-11-05", "parcel.picked_up", _pickup(next(n))) for _ in range(2)],
        ("2026-11-30", "parcel.picked_up", _pickup(next(n))),
        ("2026-12-01", "parcel.checked_in", checkin_payload(next(n))),  # after the period
    ]
    answer = upload(county.api(""), busy, chain_of(busy.station_id, planned))
    assert answer.status_code == 200, answer.text
    assert answer.json()["flagged"] == 0, answer.text
    answer = upload(
        county.api(""),
        quiet,
        chain_of(quiet.station_id, [("2026-11-02", "parcel.checked_in", checkin_payload(90))]),
    )
    assert answer.status_code == 200, answer.text

    book = Ledger(store, clock, keeper)  # purchases on 2026-11-23 and -24
    book.first_part()
    issued = add_station(
        county_db, name=f"{name}胡家庄村服务站", division_code=VILLAGE_A, township=name
    )
    station_id = station_entries(store)[0]["station_id"]
    body = enrol(county.api(""), issued.enrolment_code, station_id).json()
    produce_station = Enrolled(station_id, body["county_station_code"], body["credential"])
    held = upload_new(county, produce_station, store, 0)
    book.second_part()
    upload_new(county, produce_station, store, held)
    return Township(name, busy, quiet, book)


def _parcel(n: int) -> dict[str, Any]:
    return {"parcel": str(uuid.uuid4()), "tracking_number": f"YT{n:013d}"}


def _pickup(n: int) -> dict[str, Any]:
    return {**_parcel(n), "confirmed_by_scan": True}


def test_the_activity_page_shows_the_townships_figures(
    county: County, county_db: SessionFactory, township: Township
) -> None:
    browser = logged_in(county, make_staff(county_db, "viewer"))
    page = browser.get(
        f"{county.url}/console/activity",
        params={"from": "2026-11-01", "to": "2026-11-30", "township": township.name},
        timeout=10,
    )
    assert page.status_code == 200, page.text
    assert page.headers["cache-control"] == "no-store"
    assert 'href="/console/activity" class="here"' in page.text
    charts = charts_of(page.text)

    days = charts["days"]
    assert days["labels"] == [f"2026-11-{d:02d}" for d in range(1, 31)]

    def on(**figures: int) -> list[int]:
        out = [0] * 30
        for day, value in figures.items():
            out[int(day[1:]) - 1] = value
        return out

    assert days["checked_in"] == on(d02=4, d05=1)  # the busy station's 3 and the quiet one's
    assert days["picked_up"] == on(d05=2, d30=1)
    assert days["returned"] == on(d05=1)
    assert days["shipped"] == on(d05=1)

    stations = charts["stations"]
    assert stations["codes"] == [township.busy.station_code, township.quiet.station_code]
    assert stations["checked_in"] == [4, 1]
    assert stations["picked_up"] == [3, 0]
    assert stations["returned"] == [1, 0]
    assert stations["shipped"] == [1, 0]

    produce = charts["produce"]
    assert produce["products"] == ["fengxiang_apple"]
    assert produce["grades"] == ["d80"]
    assert produce["kg"] == ["42.000"]  # 10 + 30 + 2 kg; the voided 4 kg left out
    assert produce["yuan"] == ["294.00"]  # 70 + 210 + 14 元

    shown = text_of(page.text)
    assert "到件 5 取件 3 退件 1 寄件 1" in shown
    assert "代购登记 1 单 · 120.00 元" in shown
    assert "代缴费 2 笔 · 150.50 元" in shown
    assert "农产品收购 3 笔 · 42 千克 · 294.00 元" in shown
    assert "帮扶收购 12 千克 · 84.00 元 · 1 户" in shown

    daily = table_of(page.text, "table-days")
    assert row_of(daily, "2026-11-02") == "2026-11-02 4 0 0 0 1 120.00 3.00 0 0.00"
    assert row_of(daily, "2026-11-05") == "2026-11-05 1 2 1 1 0 0.00 0.00 2 150.50"
    assert row_of(daily, "2026-11-30") == "2026-11-30 0 1 0 0 0 0.00 0.00 0 0.00"
    assert ">2026-10-31<" not in daily
    assert ">2026-12-01<" not in daily

    assert row_of(table_of(page.text, "table-produce"), "fengxiang_apple") == (
        "fengxiang_apple d80 3 42 294.00"
    )
    villages = text_of(table_of(page.text, "table-villages"))
    assert f"{township.name}胡家庄村 {VILLAGE_A} 2 12 84.00 1" in villages
    assert "610305110205 1 30 210.00 1" in villages
    assist = text_of(table_of(page.text, "table-assist"))
    assert "脱贫户 1 2 14.00 1" in assist
    assert "监测对象 1 10 70.00 1" in assist
    assert assist.endswith("合计 2 12 84.00 1")  # one household, bought as both

    book = township.book
    for private in (
        book.farmer_a,
        book.farmer_b,
        book.p1["purchase"],
        book.p1["number"],
        book.p4["purchase"],
        "1234",  # a bill's account tail
        "YT0000000000001",  # a tracking number
    ):
        assert private not in page.text
    assert "凤翔县供销社" not in page.text
    assert "<script>" not in page.text  # no inline script: the CSP allows 'self' only
    assert 'src="/console/static/vendor/echarts.min.js"' in page.text


def test_a_period_and_a_township_narrow_the_figures(
    county: County, county_db: SessionFactory, township: Township
) -> None:
    browser = logged_in(county, make_staff(county_db, "viewer"))
    page = browser.get(
        f"{county.url}/console/activity",
        params={"from": "2026-11-05", "to": "2026-11-05", "township": township.name},
        timeout=10,
    )
    assert page.status_code == 200
    charts = charts_of(page.text)
    assert charts["days"]["labels"] == ["2026-11-05"]
    assert charts["days"]["checked_in"] == [1]
    assert charts["stations"]["codes"] == [township.busy.station_code]
    assert charts["produce"]["kg"] == []
    assert "这段时间没有农产品收购" in page.text

    elsewhere = browser.get(
        f"{county.url}/console/activity",
        params={"from": "2026-11-01", "to": "2026-11-30", "township": new_township()},
        timeout=10,
    )
    assert elsewhere.status_code == 200
    assert sum(charts_of(elsewhere.text)["days"]["checked_in"]) == 0

    county_wide = browser.get(
        f"{county.url}/console/activity",
        params={"from": "2026-11-01", "to": "2026-11-30"},
        timeout=10,
    )
    assert county_wide.status_code == 200
    assert sum(charts_of(county_wide.text)["days"]["checked_in"]) >= 5
    assert f'<option value="{township.name}"' in county_wide.text

    default = browser.get(f"{county.url}/console/activity", timeout=10)  # this month
    assert default.status_code == 200
    labels = charts_of(default.text)["days"]["labels"]
    assert labels[0].endswith("-01")
    assert len(labels) in range(28, 32)


def test_the_embedded_data_is_escaped(county: County, county_db: SessionFactory) -> None:
    name = new_township()
    hostile = f"{name}</script><script>alert(1)</script>站"
    who = enrol_new(
        county.api(""), county_db, name=hostile[:60], division_code=division(), township=name
    )
    entries = chain_of(who.station_id, [("2026-11-03", "parcel.checked_in", checkin_payload(1))])
    assert upload(county.api(""), who, entries).status_code == 200
    browser = logged_in(county, make_staff(county_db, "viewer"))
    page = browser.get(
        f"{county.url}/console/activity",
        params={"from": "2026-11-01", "to": "2026-11-30", "township": name},
        timeout=10,
    )
    assert page.status_code == 200
    assert "<script>alert(1)" not in page.text
    assert charts_of(page.text)["stations"]["labels"] == [hostile[:60]]


def test_the_vendored_echarts_is_served(county: County) -> None:
    script = requests.get(f"{county.url}/console/static/vendor/echarts.min.js", timeout=10)
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
    assert len(script.content) > 500_000
    assert b"Apache Software Foundation" in script.content[:2000]
    init = requests.get(f"{county.url}/console/static/activity.js", timeout=10)
    assert init.status_code == 200
    assert "javascript" in init.headers["content-type"]
    assert "activity-data" in init.text
    licence = requests.get(f"{county.url}/console/static/vendor/ECHARTS-LICENSE.txt", timeout=10)
    assert licence.status_code == 200
    assert "Apache License" in licence.text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"from": "2026-13-01"}, "开始日期应是"),
        ({"from": "yesterday"}, "开始日期应是"),
        ({"to": "2026-11-31"}, "结束日期应是"),
        ({"to": "<b>x</b>"}, "结束日期应是"),
        ({"from": "2026-11-30", "to": "2026-11-01"}, "开始日期不能晚于结束日期"),
        ({"from": "2024-01-01", "to": "2026-11-01"}, "最多查看一年"),
    ],
)
def test_a_bad_period_gets_a_chinese_page(
    county: County, county_db: SessionFactory, query: dict[str, str], message: str
) -> None:
    browser = logged_in(county, make_staff(county_db, "viewer"))
    page = browser.get(f"{county.url}/console/activity", params=query, timeout=10)
    assert page.status_code == 400
    assert page.headers["content-type"].startswith("text/html")
    assert message in page.text
    assert "<b>x</b>" not in page.text


def test_the_activity_page_needs_a_session(county: County) -> None:
    answer = requests.get(
        f"{county.url}/console/activity?from=2026-11-01", allow_redirects=False, timeout=10
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/console/login?next=/console/activity"
    bad = requests.get(f"{county.url}/console/activity?from=x", allow_redirects=False, timeout=10)
    assert bad.status_code == 303  # the login comes before the period is read
