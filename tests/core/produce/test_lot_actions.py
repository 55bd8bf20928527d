"""Lots after the purchases, on a real store: the day's lots with their weights, a split
into child lots with their own trace codes, a shipment of all a lot holds, the label;
every refusal writes nothing, and the lots rebuild from the ledger."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from station_app.core.clock import FixedClock
from station_app.core.db.models import LedgerEntry
from station_app.core.db.produce_models import LotStatus, ProduceLot
from station_app.core.operators import OperatorInfo
from station_app.core.produce import lot_actions, lots
from station_app.core.produce.errors import ProduceError
from station_app.core.produce.lot_actions import LotView
from station_app.core.receipts import layout, layout_text
from station_app.core.store import Store
from tests.conftest import STATION_NAME
from tests.core.produce.lot_support import D75, add_farmer, lot_with_purchases
from tests.core.test_replay import entries_of, rebuild

DAY = "2026-11-23"


@pytest.fixture
def farmer_uid(store: Store, assistant: OperatorInfo) -> str:
    return add_farmer(store, assistant).uid


@pytest.fixture
def lot_uid(store: Store, assistant: OperatorInfo, farmer_uid: str) -> str:
    """50 kg in two purchases: 20 kg and 30 kg net (1.5 kg crates)."""
    return lot_with_purchases(store, assistant, farmer_uid, 21_500, 31_500)


def view(store: Store, uid: str) -> LotView:
    with store.reading() as session:
        return lot_actions.lot(session, uid)


def split(store: Store, who: OperatorInfo, uid: str, parts: list[int]) -> list[LotView]:
    with store.writing() as session:
        return lot_actions.split(session, store.clock, actor=who, lot_uid=uid, parts_g=parts)


def ship(
    store: Store,
    who: OperatorInfo,
    uid: str,
    to_name: str = "凤翔县供销社",
    kind: str = "county_supply",
) -> LotView:
    with store.writing() as session:
        return lot_actions.ship(
            session, store.clock, actor=who, lot_uid=uid, to_kind=kind, to_name=to_name
        )


def state(store: Store) -> tuple[int, list[tuple[Any, ...]]]:
    """The ledger's length and every lot row: what a refusal must leave as it was."""
    with store.reading() as session:
        size = session.scalar(select(func.count()).select_from(LedgerEntry)) or 0
        rows = [
            (r.uid, r.status, r.purchased_g, r.split_in_g, r.split_out_g, r.shipped_g)
            for r in session.scalars(select(ProduceLot).order_by(ProduceLot.id))
        ]
        return size, rows


def last_payload(store: Store, event_type: str) -> dict[str, Any]:
    with store.reading() as session:
        query = (
            select(LedgerEntry.payload)
            .where(LedgerEntry.type == event_type)
            .order_by(LedgerEntry.seq.desc())
        )
        value: dict[str, Any] = json.loads(session.scalars(query).first() or "{}")
        return value


# --- the day's lots -----------------------------------------------------------------


def test_the_days_lot_shows_names_weights_and_purchases(store: Store, lot_uid: str) -> None:
    with store.reading() as session:
        [found] = lot_actions.lots_of_day(session, DAY)
        assert lot_actions.lots_of_day(session, "2026-11-22") == []

    assert found.uid == lot_uid
    assert (found.product_name, found.grade_name) == ("凤翔苹果", "80mm以上")
    assert (found.product_code, found.grade_code) == ("fengxiang_apple", "d80")
    assert found.formatted_code == lots.format_trace_code(found.trace_code)
    assert found.formatted_code[5] == "-"
    assert (found.status, found.purchases, found.purchased_g, found.held_g) == (
        LotStatus.OPEN,
        2,
        50_000,
        50_000,
    )
    assert (found.parent_trace_code, found.shipped_to) == (None, None)
    assert found.takes_purchases


# --- splitting ----------------------------------------------------------------------


def test_a_split_makes_closed_children_and_closes_the_parent(
    store: Store, assistant: OperatorInfo, lot_uid: str
) -> None:
    parent_code = view(store, lot_uid).trace_code

    children = split(store, assistant, lot_uid, [10_000, 5_000])

    parent = view(store, lot_uid)
    assert (parent.status, parent.split_out_g, parent.held_g) == (LotStatus.CLOSED, 15_000, 35_000)
    assert [(c.split_in_g, c.held_g, c.status) for c in children] == [
        (10_000, 10_000, LotStatus.CLOSED),
        (5_000, 5_000, LotStatus.CLOSED),
    ]
    assert {c.parent_trace_code for c in children} == {parent_code}
    assert {c.business_day for c in children} == {DAY}
    assert len({parent_code, *(c.trace_code for c in children)}) == 3
    assert all(lots.normalise_trace_code(c.trace_code) == c.trace_code for c in children)
    assert last_payload(store, "lot.split") == {
        "lot": lot_uid,
        "children": [
            {"lot": c.uid, "trace_code": c.trace_code, "net_g": c.split_in_g} for c in children
        ],
    }
    with store.reading() as session:
        held = lot_actions.open_and_held_lots(session)
    assert [(lot.uid, lot.held_g) for lot in held] == [
        (lot_uid, 35_000),
        (children[0].uid, 10_000),
        (children[1].uid, 5_000),
    ]


def test_a_closed_lot_can_be_split_again_down_to_nothing(
    store: Store, assistant: OperatorInfo, lot_uid: str
) -> None:
    split(store, assistant, lot_uid, [20_000])
    split(store, assistant, lot_uid, [30_000])

    assert view(store, lot_uid).held_g == 0
    with store.reading() as session:
        held = lot_actions.open_and_held_lots(session)
    assert lot_uid not in [lot.uid for lot in held]
    assert len(held) == 2


@pytest.mark.parametrize(
    ("parts", "message", "row"),
    [
        ([], "请至少填写一份要拆出的重量。", None),
        ([10_000, 0], "第2份的重量必须大于0。", 1),
        ([-5], "第1份的重量必须大于0。", 0),
        ([True], "第1份的重量必须大于0。", 0),
        ([100] * 51, "一次最多拆成50份，请分几次拆。", None),
        ([30_000, 30_000], "批次只剩50kg，不能拆出60kg。", None),
        ([50_001], "批次只剩50kg，不能拆出50.001kg。", None),
    ],
)
def test_a_bad_split_writes_nothing(
    store: Store,
    assistant: OperatorInfo,
    lot_uid: str,
    *,
    parts: list[int],
    message: str,
    row: int | None,
) -> None:
    before = state(store)

    with pytest.raises(ProduceError) as refused:
        split(store, assistant, lot_uid, parts)

    assert (refused.value.field, str(refused.value), refused.value.row) == ("parts", message, row)
    assert state(store) == before


def test_fifty_parts_are_allowed(store: Store, assistant: OperatorInfo, lot_uid: str) -> None:
    assert len(split(store, assistant, lot_uid, [1_000] * 50)) == 50
    assert view(store, lot_uid).held_g == 0


def test_a_shipped_or_unknown_lot_is_not_split(
    store: Store, assistant: OperatorInfo, lot_uid: str
) -> None:
    ship(store, assistant, lot_uid)
    before = state(store)

    with pytest.raises(ProduceError) as refused:
        split(store, assistant, lot_uid, [1_000])
    assert refused.value.field == "lot"
    assert str(refused.value).endswith("发运，不能再拆分。")
    with pytest.raises(ProduceError) as refused:
        split(store, assistant, "no-such-lot", [1_000])
    assert str(refused.value) == "找不到这个批次。"
    assert state(store) == before


# --- shipping -----------------------------------------------------------------------


def test_a_lot_ships_all_it_holds(store: Store, assistant: OperatorInfo, lot_uid: str) -> None:
    [child] = split(store, assistant, lot_uid, [12_000])

    shipped = ship(store, assistant, lot_uid, "  西安  果品市场 ", "buyer")

    assert (shipped.status, shipped.shipped_g, shipped.held_g) == (LotStatus.SHIPPED, 38_000, 0)
    assert (shipped.shipped_to, shipped.shipped_to_kind) == ("西安 果品市场", "buyer")
    payload = last_payload(store, "lot.shipped")
    assert payload["net_g"] == 38_000
    assert (payload["lot"], payload["to_kind"], payload["to_name"]) == (
        lot_uid,
        "buyer",
        "西安 果品市场",
    )
    child_shipped = ship(store, assistant, child.uid)
    assert (child_shipped.shipped_g, child_shipped.shipped_to) == (12_000, "凤翔县供销社")
    with store.reading() as session:
        assert lot_actions.open_and_held_lots(session) == []
        assert [lot.status for lot in lot_actions.lots_of_day(session, DAY)] == [
            LotStatus.SHIPPED,
            LotStatus.SHIPPED,
        ]


@pytest.mark.parametrize(
    ("to_name", "kind", "field", "message"),
    [
        ("  ", "county_supply", "to_name", "请填写发往的单位（公司或市场名称）。"),
        ("果" * 61, "buyer", "to_name", "单位名称太长了，最多60个字。"),
        ("某公司", "person", "to_kind", "请选择发往县供销中心还是收购商。"),
    ],
)
def test_a_bad_shipment_writes_nothing(
    store: Store,
    assistant: OperatorInfo,
    lot_uid: str,
    *,
    to_name: str,
    kind: str,
    field: str,
    message: str,
) -> None:
    before = state(store)

    with pytest.raises(ProduceError) as refused:
        ship(store, assistant, lot_uid, to_name, kind)

    assert (refused.value.field, str(refused.value)) == (field, message)
    assert state(store) == before


def test_an_empty_or_shipped_lot_is_not_shipped(
    store: Store, assistant: OperatorInfo, lot_uid: str, farmer_uid: str
) -> None:
    split(store, assistant, lot_uid, [50_000])
    other = lot_with_purchases(store, assistant, farmer_uid, 11_500, grade=D75)
    ship(store, assistant, other)
    before = state(store)

    with pytest.raises(ProduceError) as refused:
        ship(store, assistant, lot_uid)
    code = view(store, lot_uid).formatted_code
    assert (refused.value.field, str(refused.value)) == (
        "lot",
        f"批次{code}里已经没有货了，不能发运。",
    )
    with pytest.raises(ProduceError) as refused:
        ship(store, assistant, other)
    assert refused.value.field == "lot"
    assert "不能再发运" in str(refused.value)
    assert state(store) == before


# --- the label ----------------------------------------------------------------------


def test_the_label_fits_a_58mm_roll(store: Store, assistant: OperatorInfo, lot_uid: str) -> None:
    [child] = split(store, assistant, lot_uid, [12_500])

    with store.reading() as session:
        label = lot_actions.label(session, child.uid)
    text = layout_text(label, 32)
    lines = layout(label, 32)

    assert label.qr is not None
    assert label.qr.payload == child.trace_code
    assert child.formatted_code in text
    for shown in (STATION_NAME, "凤翔苹果", "80mm以上", DAY, "12.5kg（25斤）"):
        assert shown in text
    assert f"拆自批次：{view(store, lot_uid).formatted_code}" in text
    assert len(lines) <= 20
    assert sum(1 for line in lines if line.qr) == 1


# --- replay -------------------------------------------------------------------------


def lot_rows(target: Store) -> dict[str, tuple[Any, ...]]:
    with target.reading() as session:
        return {
            r.uid: (
                r.trace_code,
                r.product_code,
                r.grade_code,
                r.business_day,
                r.parent_uid,
                r.status,
                r.purchased_g,
                r.split_in_g,
                r.split_out_g,
                r.shipped_g,
                r.opened_at,
                r.opened_by,
                r.opened_entry,
                r.shipment_uid,
                r.shipped_at,
                r.shipped_by,
                r.shipped_to_kind,
                r.shipped_to_name,
                r.shipped_entry,
            )
            for r in session.scalars(select(ProduceLot))
        }


@pytest.fixture
def worked(store: Store, assistant: OperatorInfo, lot_uid: str, farmer_uid: str) -> Store:
    """A split lot, one child shipped, another lot shipped whole, one still open."""
    children = split(store, assistant, lot_uid, [10_000, 5_000])
    ship(store, assistant, children[0].uid)
    shipped = lot_with_purchases(store, assistant, farmer_uid, 11_500, grade=D75)
    ship(store, assistant, shipped, "西安果品市场", "buyer")
    lot_with_purchases(store, assistant, farmer_uid, 6_500, grade="d70")
    return store


def test_lots_rebuild_from_the_ledger(worked: Store, tmp_path: Path, clock: FixedClock) -> None:
    empty = Store.open(tmp_path / "rebuilt", clock)
    try:
        assert rebuild(entries_of(worked), empty) == []
        assert lot_rows(empty) == lot_rows(worked)
        with empty.reading() as session:
            held = [(lot.uid, lot.held_g) for lot in lot_actions.open_and_held_lots(session)]
        with worked.reading() as session:
            assert held == [
                (lot.uid, lot.held_g) for lot in lot_actions.open_and_held_lots(session)
            ]
    finally:
        empty.close()


def test_no_personal_data_lands_on_the_ledger(worked: Store) -> None:
    with worked.reading() as session:
        raw = "\n".join(session.scalars(select(LedgerEntry.payload)))
    for personal in ("张三丰", "13812345678", "5678", "610305196503122413", "2413"):
        assert personal not in raw
