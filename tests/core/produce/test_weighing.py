"""The purchase arithmetic: crates, deductions, net and amount, each rounded once half up,
always exactly what the county's check (``sync.events.ProducePurchased``) recomputes."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.core.errors import ValidationError
from station_app.core.produce.catalogue import bundled_catalogue
from station_app.core.produce.errors import ProduceError
from station_app.core.produce.weighing import (
    Deductions,
    Totals,
    WeighingInput,
    format_percent,
    parse_percent,
    step_bp,
    totals,
)
from station_app.core.rounding import round_half_up
from sync.events import ProducePurchased, _half_up

NONE = Deductions()


def test_three_crates_of_apples_at_3_50_a_jin() -> None:
    crates = [WeighingInput(25300, 1500), WeighingInput(24800, 1500), WeighingInput(26100, 1500)]

    got = totals(crates, NONE, 350, 500)

    assert got == Totals(76200, 4500, 71700, 0, 71700, 50190)  # 143.4斤 × 3.50 = 501.90元


def test_the_deduction_and_the_amount_are_each_rounded_once_half_up() -> None:
    # 1001 g × 1.5% = 15.015 g → 15; 986 g × 480 / 500 = 946.56 → 947 fen.
    assert totals([WeighingInput(1001, 0)], Deductions(150, 0), 480, 500) == Totals(
        1001, 0, 1001, 15, 986, 947
    )
    # 1000 g × 0.05% = 0.5 g → 1 (half up, never to even); 1601 g at 4.80/斤 → 1537 fen.
    assert totals([WeighingInput(1000, 0)], Deductions(3, 2), 100, 1000).deduction_g == 1
    assert totals([WeighingInput(1601, 0)], NONE, 480, 500).amount_fen == 1537


def test_impurity_and_moisture_add_up_on_the_weight_after_tare() -> None:
    got = totals(
        [WeighingInput(50000, 0), WeighingInput(30000, 0)], Deductions(200, 300), 2000, 500
    )

    assert (got.after_tare_g, got.deduction_g, got.net_g) == (80000, 4000, 76000)
    assert got.amount_fen == 304000


def test_the_moisture_table_deducts_by_step() -> None:
    steps = bundled_catalogue().product("walnut").moisture_steps

    assert [step_bp(steps, bp) for bp in (0, 1199, 1200, 1299, 1300, 1550, 9000)] == [
        0,
        0,
        0,
        0,
        100,
        400,
        600,
    ]
    assert step_bp((), 5000) == 0


@pytest.mark.parametrize(
    ("text", "bp"),
    [
        ("1.5", 150),
        ("1.5%", 150),
        ("１．５％", 150),
        (" 2 % ", 200),
        ("0.25", 25),
        ("", 0),
        ("12.", 1200),
    ],
)
def test_a_percentage_as_typed(text: str, bp: int) -> None:
    assert parse_percent(text) == bp


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("-1", "不能为负数"),
        ("－1%", "不能为负数"),
        ("100", "必须小于100%"),
        ("100%", "必须小于100%"),
        ("1.234", "最多两位小数"),
        ("abc", "格式不对"),
        ("1.5%%", "格式不对"),
    ],
)
def test_a_bad_percentage_is_refused(text: str, says: str) -> None:
    with pytest.raises(ValidationError, match=says):
        parse_percent(text)


def test_a_percentage_is_shown_as_typed() -> None:
    assert [format_percent(bp) for bp in (0, 5, 150, 1200, 1234)] == [
        "0%",
        "0.05%",
        "1.5%",
        "12%",
        "12.34%",
    ]


@pytest.mark.parametrize(
    ("crates", "deductions", "field", "row", "says"),
    [
        ([], NONE, "weighings", None, "还没有称重"),
        (
            [WeighingInput(5000, 1500), WeighingInput(1500, 1500)],
            NONE,
            "weighings",
            1,
            "皮重不能大于等于毛重",
        ),
        ([WeighingInput(1000, 1200)], NONE, "weighings", 0, "皮重不能大于等于毛重"),
        ([WeighingInput(0, 0)], NONE, "weighings", 0, "毛重必须大于0"),
        ([WeighingInput(-500, 0)], NONE, "weighings", 0, "毛重必须大于0"),
        ([WeighingInput(5000, -1)], NONE, "weighings", 0, "皮重不能为负数"),
        ([WeighingInput(5000, 0)] * 201, NONE, "weighings", None, "最多200筐"),
        ([WeighingInput(1, 0)], Deductions(9000, 900), "weighings", None, "净重为0"),
        ([WeighingInput(5000, 0)], Deductions(5000, 5000), "impurity", None, "不能达到100%"),
        ([WeighingInput(5000, 0)], Deductions(-1, 0), "impurity", None, "0到100%"),
        ([WeighingInput(5000, 0)], Deductions(0, 10000), "moisture", None, "0到100%"),
    ],
)
def test_bad_weighings_are_refused_naming_the_row(
    crates: list[WeighingInput], deductions: Deductions, field: str, row: int | None, says: str
) -> None:
    with pytest.raises(ProduceError, match=says) as refused:
        totals(crates, deductions, 350, 500)
    assert (refused.value.field, refused.value.row) == (field, row)


def test_an_amount_below_one_fen_is_refused() -> None:
    with pytest.raises(ProduceError, match="不足1分钱"):
        totals([WeighingInput(1, 0)], NONE, 1, 1000)


def _payload(
    crates: list[WeighingInput], deductions: Deductions, got: Totals, price: int, per: int
) -> dict[str, object]:
    return {
        "purchase": str(uuid.uuid4()),
        "number": "SG20261123-001",
        "farmer": str(uuid.uuid4()),
        "village": "610305110201",
        "household": "lifted",
        "product": "fengxiang_apple",
        "grade": "d80",
        "price": str(uuid.uuid4()),
        "price_source": "keeper",
        "price_fen": price,
        "per_grams": per,
        "weighings": [
            {"gross_g": w.gross_g, "tare_g": w.tare_g, "manual": w.manual} for w in crates
        ],
        "impurity_bp": deductions.impurity_bp,
        "moisture_bp": deductions.moisture_bp,
        "deduction_g": got.deduction_g,
        "net_g": got.net_g,
        "amount_fen": got.amount_fen,
        "payment": "cash",
        "lot": str(uuid.uuid4()),
    }


_crate = st.builds(
    lambda tare, extra, manual: WeighingInput(tare + extra, tare, manual),
    st.integers(0, 5000),
    st.integers(1, 200_000),
    st.booleans(),
)


@given(
    crates=st.lists(_crate, min_size=1, max_size=30),
    impurity=st.integers(0, 3000),
    moisture=st.integers(0, 3000),
    price=st.integers(1, 1_000_000),
    per=st.sampled_from([500, 1000]),
)
def test_totals_always_pass_the_countys_check(
    crates: list[WeighingInput], impurity: int, moisture: int, price: int, per: int
) -> None:
    deductions = Deductions(impurity, moisture)
    try:
        got = totals(crates, deductions, price, per)
    except ProduceError:
        return  # refused here, so never sent
    ProducePurchased.model_validate(_payload(crates, deductions, got, price, per))


@given(numerator=st.integers(0, 10**15), denominator=st.integers(1, 10**6))
def test_the_county_rounds_as_the_station_does(numerator: int, denominator: int) -> None:
    assert _half_up(numerator, denominator) == round_half_up(numerator, denominator)
