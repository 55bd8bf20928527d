"""The county's produce projection and the public trace lookup, against a real county
process on SQLite and PostgreSQL: a station ledger written through the station's own
``ledger.append`` (farmers, lots, purchases, a void, a settlement, a split, a shipment)
is uploaded in two batches; the projection holds what the entries say (the household
status as bought), ``GET /trace/{code}`` answers without naming any farmer, and
rebuilding the projection from the ledger copy (``reproject --produce``) gives the same
rows."""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from typing import Any, cast

import pytest
import requests
from sqlalchemy import Table, delete, select

from county import cli
from county.db.models import ProduceFarmer, ProduceLot, ProducePurchase, Station
from station_app.core import ledger
from station_app.core.clock import FixedClock
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from tests.county.conftest import County
from tests.county.helpers import Enrolled, SessionFactory, add_station, enrol
from tests.county.test_station_ledger import station_entries

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
VILLAGE_A = "610305110201"  # the station's own village (胡家庄村)
VILLAGE_B = "610305110205"


def trace_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(10))


def purchase(
    farmer: str, village: str, household: str, lot: str, gross_g: int, *, payment: str = "cash"
) -> dict[str, Any]:
    net_g = gross_g - 1000
    return {
        "purchase": str(uuid.uuid4()),
        "number": f"SG20261123-{secrets.randbelow(999) + 1:03d}",
        "farmer": farmer,
        "village": village,
        "household": household,
        "product": "fengxiang_apple",
        "grade": "d80",
        "price": str(uuid.uuid4()),
        "price_source": "county",
        "price_fen": 350,
        "per_grams": 500,
        "weighings": [{"gross_g": gross_g, "tare_g": 1000, "manual": False}],
        "impurity_bp": 0,
        "moisture_bp": 0,
        "deduction_g": 0,
        "net_g": net_g,
        "amount_fen": (2 * net_g * 350 + 500) // 1000,
        "payment": payment,
        "lot": lot,
    }


class Ledger:
    """The station's ledger as it is written, with the names a test needs."""

    def __init__(self, store: Store, clock: FixedClock, keeper: OperatorInfo) -> None:
        self.store, self.clock, self.keeper = store, clock, keeper
        self.farmer_a, self.farmer_b = str(uuid.uuid4()), str(uuid.uuid4())
        self.lot, self.child = str(uuid.uuid4()), str(uuid.uuid4())
        self.code, self.child_code = trace_code(), trace_code()

    def append(self, event_type: str, payload: dict[str, Any], corrects: str | None = None) -> str:
        with self.store.writing() as session:
            entry = ledger.append(
                session,
                self.clock,
                operator=self.keeper.login,
                event_type=event_type,
                payload=payload,
                corrects=corrects,
            )
        return entry.entry_id

    def first_part(self) -> None:
        """Day one: two farmers (A a 监测对象 then), a lot, three purchases, one voided."""
        self.append("farmer.registered", {"farmer": self.farmer_a, "village": VILLAGE_A,
                                          "household": "monitored"})  # fmt: skip
        self.append("farmer.registered", {"farmer": self.farmer_b, "village": VILLAGE_B})
        self.append("farmer.changed", {"farmer": self.farmer_b, "village": VILLAGE_B,
                                       "household": "normal"})  # fmt: skip
        self.append("lot.opened", {"lot": self.lot, "trace_code": self.code,
                                   "product": "fengxiang_apple", "grade": "d80",
                                   "day": "2026-11-23"})  # fmt: skip
        self.p1 = purchase(self.farmer_a, VILLAGE_A, "monitored", self.lot, 11_000)
        self.p2 = purchase(self.farmer_b, VILLAGE_B, "normal", self.lot, 31_000)
        self.p3 = purchase(self.farmer_b, VILLAGE_B, "normal", self.lot, 5_000)
        self.append("produce.purchased", self.p1)
        self.append("produce.purchased", self.p2)
        self.p3_entry = self.append("produce.purchased", self.p3)

    def second_part(self) -> None:
        """Day two: the void of day one's third purchase (an earlier batch), A lifted out
        of monitoring, an owed purchase settled, a child lot split off and shipped."""
        self.clock.advance(timedelta(days=1))
        self.append("entry.voided", {"reason": "称错了"}, corrects=self.p3_entry)
        self.append("farmer.changed", {"farmer": self.farmer_a, "village": VILLAGE_A,
                                       "household": "lifted"})  # fmt: skip
        self.p4 = purchase(self.farmer_a, VILLAGE_A, "lifted", self.lot, 3_000, payment="owed")
        self.append("produce.purchased", self.p4)
        self.settlement = str(uuid.uuid4())
        self.append("produce.settled", {"settlement": self.settlement, "farmer": self.farmer_a,
                                        "purchases": [self.p4["purchase"]], "amount_fen": 1400,
                                        "paid_fen": 1400, "method": "cash"})  # fmt: skip
        self.append("lot.split", {"lot": self.lot, "children": [
            {"lot": self.child, "trace_code": self.child_code, "net_g": 20_000}]})  # fmt: skip
        self.append("lot.shipped", {"lot": self.child, "shipment": str(uuid.uuid4()),
                                    "to_kind": "county_supply", "to_name": "凤翔县供销社",
                                    "net_g": 20_000})  # fmt: skip


def enrolled_station(county: County, county_db: SessionFactory, store: Store) -> Enrolled:
    station_id = station_entries(store)[0]["station_id"]
    issued = add_station(county_db, name="柳林镇胡家庄村服务站", division_code=VILLAGE_A)
    body = enrol(county.api(""), issued.enrolment_code, station_id).json()
    return Enrolled(station_id, body["county_station_code"], body["credential"])


def upload_new(county: County, who: Enrolled, store: Store, after: int) -> int:
    entries = [e for e in station_entries(store) if e["seq"] > after]
    response = requests.post(
        county.api("/ledger/batches"),
        json={"protocol": 1, "station_id": who.station_id, "entries": entries},
        headers=who.headers,
        timeout=30,
    )
    assert response.status_code == 200, response.text
    assert response.json()["flagged"] == 0
    return int(response.json()["held_through"])


def snapshot(county_db: SessionFactory, station_code: str) -> dict[str, list[tuple[Any, ...]]]:
    """The station's produce rows, without their ids."""
    with county_db() as session:
        station = session.scalars(select(Station.id).where(Station.code == station_code)).one()
        out: dict[str, list[tuple[Any, ...]]] = {}
        for model in (ProduceFarmer, ProducePurchase, ProduceLot):
            table = cast(Table, model.__table__)
            columns = [c for c in table.columns if c.name != "id"]
            rows = session.execute(select(*columns).where(table.c.station == station)).all()
            out[model.__tablename__] = sorted(tuple(row) for row in rows)
        return out


@pytest.fixture
def uploaded(
    county: County,
    county_db: SessionFactory,
    store: Store,
    clock: FixedClock,
    keeper: OperatorInfo,
) -> tuple[Ledger, Enrolled]:
    book = Ledger(store, clock, keeper)
    book.first_part()
    who = enrolled_station(county, county_db, store)
    held = upload_new(county, who, store, 0)
    book.second_part()
    upload_new(county, who, store, held)
    return book, who


def test_the_projection_holds_what_the_entries_say(
    county_db: SessionFactory, uploaded: tuple[Ledger, Enrolled]
):
    book, who = uploaded
    with county_db() as session:
        station = session.scalars(select(Station.id).where(Station.code == who.station_code)).one()
        farmers = {
            row.farmer: (row.village, row.household, row.changed_day)
            for row in session.scalars(
                select(ProduceFarmer).where(ProduceFarmer.station == station)
            )
        }
        purchases = {
            row.purchase: row
            for row in session.scalars(
                select(ProducePurchase).where(ProducePurchase.station == station)
            )
        }
        lots = {
            row.lot: row
            for row in session.scalars(select(ProduceLot).where(ProduceLot.station == station))
        }
    assert farmers == {
        book.farmer_a: (VILLAGE_A, "lifted", "2026-11-24"),
        book.farmer_b: (VILLAGE_B, "normal", "2026-11-23"),
    }
    p1, p3, p4 = (purchases[p["purchase"]] for p in (book.p1, book.p3, book.p4))
    assert (p1.household, p1.village, p1.business_day) == ("monitored", VILLAGE_A, "2026-11-23")
    assert (p1.net_g, p1.amount_fen, p1.payment, p1.lot) == (10_000, 7000, "cash", book.lot)
    assert not p1.voided
    assert p3.voided  # voided by an entry of the next batch
    assert (p4.household, p4.payment, p4.settlement) == ("lifted", "owed", book.settlement)
    assert len(purchases) == 4
    lot, child = lots[book.lot], lots[book.child]
    assert (lot.trace_code, lot.parent, lot.lot_day, lot.shipped_day) == (
        book.code, None, "2026-11-23", None,
    )  # fmt: skip
    assert (child.trace_code, child.parent, child.product, child.grade, child.lot_day) == (
        book.child_code, book.lot, "fengxiang_apple", "d80", "2026-11-23",
    )  # fmt: skip
    assert (child.net_g, child.shipped_day, child.shipped_to_kind, child.shipped_g) == (
        20_000, "2026-11-24", "county_supply", 20_000,
    )  # fmt: skip


def test_the_trace_lookup_names_no_farmer(county: County, uploaded: tuple[Ledger, Enrolled]):
    book, _who = uploaded
    typed = f"{book.child_code[:5]}-{book.child_code[5:]}".lower().replace("1", "l")
    response = requests.get(county.api(f"/trace/{typed}"), timeout=10)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["trace_code"] == book.child_code
    assert answer["parents"] == [book.code]
    assert (answer["product"], answer["grade"]) == ("fengxiang_apple", "d80")
    assert (answer["lot_day"], answer["lot_net_g"]) == ("2026-11-23", 20_000)
    # p1, p2 and p4 (p3 voided): 10 + 30 + 2 kg, over two days
    assert (answer["purchases"], answer["purchased_g"]) == (3, 42_000)
    assert (answer["first_purchase_day"], answer["last_purchase_day"]) == (
        "2026-11-23", "2026-11-24",
    )  # fmt: skip
    assert [(v["code"], v["net_g"]) for v in answer["villages"]] == [
        (VILLAGE_B, 30_000), (VILLAGE_A, 12_000),
    ]  # fmt: skip
    assert answer["villages"][1]["name"] == "胡家庄村"
    assert answer["villages"][1]["township"] == "柳林镇"
    assert (answer["shipped_day"], answer["shipped_to"]) == ("2026-11-24", "county_supply")
    assert answer["station_name"] == "柳林镇胡家庄村服务站"
    text = response.text
    for private in (book.farmer_a, book.farmer_b, book.p1["purchase"], "凤翔县供销社"):
        assert private not in text
    assert "farmer" not in text

    parent = requests.get(county.api(f"/trace/{book.code}"), timeout=10).json()
    assert (parent["parents"], parent["lot_net_g"], parent["shipped_to"]) == ([], None, None)
    assert parent["purchases"] == 3


def test_unknown_and_malformed_codes(county: County):
    unknown = requests.get(county.api(f"/trace/{trace_code()}"), timeout=10)
    assert unknown.status_code == 404
    assert unknown.json()["code"] == "not_found"
    assert "溯源码" in unknown.json()["message_zh"]
    for bad in ("ABC", "UUUUUUUUUU", "1234567890A", "%E4%B8%AD%E6%96%87"):
        malformed = requests.get(county.api(f"/trace/{bad}"), timeout=10)
        assert malformed.status_code == 422, bad
        assert "溯源码" in malformed.json()["message_zh"]


def test_rebuilding_from_the_ledger_gives_the_same_rows(
    county: County,
    county_db: SessionFactory,
    uploaded: tuple[Ledger, Enrolled],
    capsys: pytest.CaptureFixture[str],
):
    _book, who = uploaded
    ingested = snapshot(county_db, who.station_code)
    assert sum(len(rows) for rows in ingested.values()) == 2 + 4 + 2
    args = ["--database-url", county.database_url, "reproject", "--produce"]
    assert cli.main([*args, "--station", who.station_code]) == 0
    assert "produce projection rebuilt" in capsys.readouterr().out
    assert snapshot(county_db, who.station_code) == ingested

    with county_db() as session, session.begin():  # as if stored before the projection
        station = session.scalars(select(Station.id).where(Station.code == who.station_code)).one()
        for model in (ProducePurchase, ProduceLot, ProduceFarmer):
            session.execute(delete(model).where(model.station == station))
    assert cli.main(args) == 0  # every station holding produce entries
    assert f"{who.station_code}\t农产品收购统计已重建" in capsys.readouterr().out
    assert snapshot(county_db, who.station_code) == ingested
