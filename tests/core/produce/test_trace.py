"""Trace look-up (溯源查询): a code as typed or scanned leads to the lot, the lots it was
split from and into, the purchases (farmers masked, no phone or ID) and the shipments;
fast with a season's purchases in the store."""

from __future__ import annotations

import statistics
import time
import uuid

import pytest
from sqlalchemy import select, update

from station_app.core.db.produce_models import LotStatus, ProduceLot, ProducePurchase
from station_app.core.operators import OperatorInfo
from station_app.core.produce import lot_actions, lots, trace
from station_app.core.store import Store
from tests.core.produce.lot_support import add_farmer, buy_into, lot_with_purchases

DAY = "2026-11-23"


@pytest.fixture
def split_and_shipped(store: Store, assistant: OperatorInfo) -> dict[str, str]:
    """A lot bought from two farmers, split in two, one child shipped to a buyer; the
    lots' uids by role."""
    zhang = add_farmer(store, assistant).uid
    ouyang = add_farmer(
        store, assistant, "欧阳娜娜", phone="13900001111", id_number="61030519820808007X"
    ).uid
    parent = lot_with_purchases(store, assistant, zhang, 21_500, 31_500)
    with store.writing() as session:
        lot = session.scalars(select(ProduceLot).where(ProduceLot.uid == parent)).one()
        buy_into(session, store.clock, actor=assistant, lot=lot, farmer_uid=ouyang, gross_g=11_500)
    with store.writing() as session:
        first, second = lot_actions.split(
            session, store.clock, actor=assistant, lot_uid=parent, parts_g=[10_000, 5_000]
        )
        lot_actions.ship(
            session,
            store.clock,
            actor=assistant,
            lot_uid=first.uid,
            to_kind="buyer",
            to_name="西安果品市场",
        )
    return {"parent": parent, "first": first.uid, "second": second.uid}


def code_of(store: Store, uid: str) -> str:
    with store.reading() as session:
        return session.scalars(select(ProduceLot.trace_code).where(ProduceLot.uid == uid)).one()


def look_up(store: Store, text: str) -> trace.TraceView | None:
    with store.reading() as session:
        return trace.trace(session, text)


def test_a_child_traces_back_to_the_farmers_of_its_parent(
    store: Store, split_and_shipped: dict[str, str]
) -> None:
    code = code_of(store, split_and_shipped["first"])

    found = look_up(store, code)

    assert found is not None
    assert found.lot.uid == split_and_shipped["first"]
    assert [a.uid for a in found.ancestors] == [split_and_shipped["parent"]]
    assert found.children == ()
    parent_code = code_of(store, split_and_shipped["parent"])
    assert [
        (p.farmer_name, p.village_code, p.net_g, p.grade_name, p.lot_trace_code)
        for p in found.purchases
    ] == [
        ("张*丰", "610305110201", 20_000, "80mm以上", parent_code),
        ("张*丰", "610305110201", 30_000, "80mm以上", parent_code),
        ("欧**娜", "610305110201", 10_000, "80mm以上", parent_code),
    ]
    assert [p.number for p in found.purchases] == [
        "SG20261123-001",
        "SG20261123-002",
        "SG20261123-003",
    ]
    assert {p.business_day for p in found.purchases} == {DAY}
    assert (found.purchased_g, found.farmers) == (60_000, 2)
    assert [(s.to_name, s.to_kind, s.business_day, s.net_g) for s in found.shipments] == [
        ("西安果品市场", "buyer", DAY, 10_000)
    ]
    shown = repr(found)
    for personal in ("张三丰", "欧阳娜娜", "13812345678", "13900001111", "5678", "61030519"):
        assert personal not in shown


def test_a_parent_shows_its_children_and_where_they_went(
    store: Store, split_and_shipped: dict[str, str]
) -> None:
    found = look_up(store, code_of(store, split_and_shipped["parent"]))

    assert found is not None
    assert found.ancestors == ()
    assert [c.uid for c in found.children] == [
        split_and_shipped["first"],
        split_and_shipped["second"],
    ]
    assert (found.lot.status, found.lot.held_g, found.lot.purchases) == (
        LotStatus.CLOSED,
        45_000,
        3,
    )
    assert [s.trace_code for s in found.shipments] == [code_of(store, split_and_shipped["first"])]


def test_a_code_is_found_however_it_was_typed(
    store: Store, split_and_shipped: dict[str, str]
) -> None:
    code = code_of(store, split_and_shipped["second"])
    sloppy = " ".join(lots.format_trace_code(code).lower().replace("1", "l").replace("0", "o"))

    found = look_up(store, sloppy)

    assert found is not None
    assert found.lot.trace_code == code


@pytest.mark.usefixtures("split_and_shipped")
@pytest.mark.parametrize("text", ["", "   ", "ABC", "0000000000", "UUUUUUUUUU", "张三丰"])
def test_nothing_is_found_for_a_code_no_lot_has(store: Store, text: str) -> None:
    assert look_up(store, text) is None


def test_a_voided_purchase_is_not_traced(store: Store, split_and_shipped: dict[str, str]) -> None:
    with store.writing() as session:
        session.execute(
            update(ProducePurchase)
            .where(ProducePurchase.number == "SG20261123-003")
            .values(status="voided")
        )

    found = look_up(store, code_of(store, split_and_shipped["parent"]))

    assert found is not None
    assert [p.number for p in found.purchases] == ["SG20261123-001", "SG20261123-002"]
    assert found.lot.purchases == 2


# --- speed --------------------------------------------------------------------------

PURCHASES, PER_LOT = 200_000, 100


def _fill(store: Store, farmer_uid: str) -> list[str]:
    """A season: 2,000 lots of 100 purchases each, written straight into the tables
    (the look-up reads state, not the ledger); every tenth lot has a child."""
    at = "2026-09-01T02:00:00.000000Z"
    lot_rows: list[tuple[str, str, str, str, str, str | None, str, int]] = []
    purchase_rows: list[tuple[str, str, str, str]] = []
    codes: list[str] = []
    for index in range(PURCHASES // PER_LOT):
        lot_uid, code = str(uuid.uuid4()), lots.new_trace_code()
        codes.append(code)
        lot_rows.append(
            (lot_uid, code, "fengxiang_apple", "d80", "2026-09-01", None, "closed", PER_LOT * 1000)
        )
        if index % 10 == 0:
            child_code = lots.new_trace_code()
            codes.append(child_code)
            child_uid = str(uuid.uuid4())
            lot_rows.append(
                (
                    child_uid,
                    child_code,
                    "fengxiang_apple",
                    "d80",
                    "2026-09-01",
                    lot_uid,
                    "closed",
                    0,
                )
            )
        for serial in range(PER_LOT):
            number = f"SG2026{index:04d}-{serial:03d}"
            purchase_rows.append((str(uuid.uuid4()), number, farmer_uid, lot_uid))
    with store.writing() as session:
        connection = session.connection().connection.driver_connection
        assert connection is not None
        connection.executemany(
            "INSERT INTO produce_lots (uid, trace_code, product_code, grade_code, business_day,"
            " parent_uid, status, purchased_g, split_in_g, split_out_g, shipped_g, opened_at,"
            " opened_by, opened_entry) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, 'x', 'x')",
            [(*row, at) for row in lot_rows],
        )
        connection.executemany(
            "INSERT INTO produce_purchases (uid, number, farmer_uid, village_code, household,"
            " product_code, grade_code, price_uid, price_source, price_fen, per_grams, gross_g,"
            " tare_g, impurity_bp, moisture_bp, deduction_g, net_g, amount_fen, payment_method,"
            " status, manual, lot_uid, business_day, purchased_at, purchased_by, entry)"
            " VALUES (?, ?, ?, '610305110201', 'normal', 'fengxiang_apple', 'd80', 'p', 'county',"
            " 350, 500, 2500, 1500, 0, 0, 0, 1000, 700, 'cash', 'paid', 0, ?, '2026-09-01', ?,"
            " 'x', 'x')",
            [(*row, at) for row in purchase_rows],
        )
    return codes


@pytest.mark.slow
def test_a_trace_is_fast_with_a_seasons_purchases(store: Store, assistant: OperatorInfo) -> None:
    farmer_uid = add_farmer(store, assistant).uid
    codes = _fill(store, farmer_uid)
    sample = codes[:: len(codes) // 200][:200]

    timings = []
    with store.reading() as session:
        for code in sample:
            started = time.perf_counter()
            found = trace.trace(session, lots.format_trace_code(code))
            timings.append(time.perf_counter() - started)
            assert found is not None
            assert len(found.purchases) == PER_LOT

    p99 = statistics.quantiles(timings, n=100)[98]
    assert p99 <= 0.050, f"p99 {p99 * 1000:.1f} ms"
