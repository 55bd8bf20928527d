"""Grams: exact weight in the units a station hears, rounded by the one rule."""

from __future__ import annotations

from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.core.errors import ValidationError
from station_app.core.weight import DEFAULT_MAX_GRAMS, GRAMS_PER_UNIT, Grams, WeightUnit


@pytest.mark.parametrize(
    ("text", "grams"),
    [
        ("1600g", 1600),
        ("1600G", 1600),
        ("1600克", 1600),
        ("1600 g", 1600),
        ("1.6kg", 1600),
        ("1.6KG", 1600),
        ("1.6 Kg", 1600),
        ("1.6公斤", 1600),
        ("1.6千克", 1600),
        ("3.2斤", 1600),
        ("3.2市斤", 1600),
        ("1斤", 500),
        ("0.5两", 25),
        ("2两", 100),
        ("0.5t", 500_000),
        ("2吨", 2_000_000),
        ("１．６ｋｇ", 1600),
        ("１６００克", 1600),
        ("  1.6kg  ", 1600),
        ("1,600g", 1600),
        (".5kg", 500),
        ("0", 0),
        ("0kg", 0),
        ("-0kg", 0),
        ("1600", 1600),  # a bare number is in the default unit, grams
        ("1.2345kg", 1235),  # 1234.5 g rounds half-up
        ("1.2344kg", 1234),
        ("0.0005kg", 1),
        ("0.0004kg", 0),
        ("0.001斤", 1),  # 0.5 g
        ("1600.4g", 1600),
        ("1600.5g", 1601),
        ("50000kg", DEFAULT_MAX_GRAMS),
    ],
)
def test_parse_accepts(text: str, grams: int) -> None:
    assert Grams.parse(text) == Grams(grams)


@pytest.mark.parametrize(
    ("text", "unit", "grams"),
    [
        ("1.6", "kg", 1600),
        ("3.2", "jin", 1600),
        ("2", "liang", 100),
        ("1600", "g", 1600),
        ("0.5", "t", 500_000),
        ("800g", "kg", 800),  # an explicit unit beats the default
    ],
)
def test_parse_default_unit(text: str, unit: WeightUnit, grams: int) -> None:
    assert Grams.parse(text, default_unit=unit) == Grams(grams)


@pytest.mark.parametrize("text", ["-1.6kg", "-1600", "－3.2斤", "\u22121g", "-0.0004kg"])
def test_parse_refuses_negative(text: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        Grams.parse(text)
    assert "重量不能为负数" in str(excinfo.value)
    assert excinfo.value.params == {"text": text}


@pytest.mark.parametrize("text", ["", "  ", "\u3000"])
def test_parse_refuses_empty(text: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        Grams.parse(text)
    assert "请输入重量" in str(excinfo.value)


@pytest.mark.parametrize(
    "text",
    ["abc", "kg", "1.6.2kg", "1.kg", ".", "1,60g", "1 6kg", "1.6kg2", "--1kg", "1e3g", "1" * 41],
)
def test_parse_refuses_garbage(text: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        Grams.parse(text)
    assert "重量格式不对" in str(excinfo.value)


@pytest.mark.parametrize("text", ["1.6lb", "3oz", "1.6kgs", "1.6公", "2个"])
def test_parse_refuses_unknown_unit(text: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        Grams.parse(text)
    assert "重量单位只能是" in str(excinfo.value)


def test_parse_refuses_above_ceiling() -> None:
    with pytest.raises(ValidationError) as excinfo:
        Grams.parse("50000.001kg")
    assert "重量不能超过50000kg" in str(excinfo.value)


def test_parse_ceiling_is_overridable() -> None:
    assert Grams.parse("100t", max_grams=10**9) == Grams(100_000_000)
    with pytest.raises(ValidationError) as excinfo:
        Grams.parse("31kg", max_grams=30_000)
    assert "不能超过30kg" in str(excinfo.value)


def test_parse_refuses_non_str() -> None:
    with pytest.raises(TypeError):
        Grams.parse(1.6)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [1.6, 1600.0, True, "1600", None])
def test_construction_refuses_non_int(value: object) -> None:
    with pytest.raises(TypeError):
        Grams(value)  # type: ignore[arg-type]


def test_is_immutable() -> None:
    weight = Grams(1600)
    with pytest.raises(AttributeError):
        weight.grams = 1  # type: ignore[misc]


@pytest.mark.parametrize(
    ("grams", "unit", "text"),
    [
        (1600, "kg", "1.6kg"),
        (1600, "jin", "3.2斤"),
        (1600, "g", "1600g"),
        (1600, "liang", "32两"),
        (1000, "kg", "1kg"),
        (1, "kg", "0.001kg"),
        (1, "jin", "0.002斤"),
        (1, "liang", "0.02两"),
        (1, "t", "0.000001t"),
        (1234, "kg", "1.234kg"),
        (0, "kg", "0kg"),
        (-1600, "kg", "-1.6kg"),
        (-250, "jin", "-0.5斤"),
    ],
)
def test_format(grams: int, unit: WeightUnit, text: str) -> None:
    assert Grams(grams).format(unit) == text


def test_format_without_unit_and_str() -> None:
    assert Grams(1600).format("jin", with_unit=False) == "3.2"
    assert str(Grams(1600)) == "1.6kg"
    assert Grams(1600).format() == "1.6kg"


def test_arithmetic() -> None:
    assert Grams(1600) + Grams(400) == Grams(2000)
    assert Grams(1600) - Grams(2000) == Grams(-400)  # e.g. a tare larger than the gross
    assert Grams(500) * 3 == Grams(1500)
    assert 3 * Grams(500) == Grams(1500)
    assert -Grams(5) == Grams(-5)
    assert abs(Grams(-5)) == Grams(5)
    assert Grams.zero() == Grams(0)
    assert not Grams.zero()
    assert Grams(1)


def test_comparison_and_sum() -> None:
    assert Grams(1) < Grams(2) <= Grams(2)
    assert sum([Grams(100), Grams(250)]) == Grams(350)
    assert sum([], Grams.zero()) == Grams.zero()
    assert Grams(0) != 0  # type: ignore[comparison-overlap]


@pytest.mark.parametrize("other", [1, 1.5, True, "1"])
def test_no_mixing_with_other_types(other: object) -> None:
    with pytest.raises(TypeError):
        _ = Grams(1) + other  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = Grams(1) - other  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = Grams(1) < other  # type: ignore[operator]


@pytest.mark.parametrize("factor", [1.5, 2.0, True, Grams(2), "2"])
def test_multiplication_by_int_only(factor: object) -> None:
    with pytest.raises(TypeError):
        _ = Grams(100) * factor  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = factor * Grams(100)  # type: ignore[arg-type]


def test_radd_only_for_zero() -> None:
    with pytest.raises(TypeError):
        _ = 5 + Grams(1)  # type-checks (sum() needs an int __radd__), fails at run time


def test_no_mixing_with_money() -> None:
    from station_app.core.money import Fen

    with pytest.raises(TypeError):
        _ = Grams(1) + Fen(1)  # type: ignore[operator]
    assert Grams(1) != Fen(1)  # type: ignore[comparison-overlap]


units = st.sampled_from(get_args(WeightUnit))
weights = st.integers(min_value=0, max_value=DEFAULT_MAX_GRAMS)


@given(weights, units)
def test_format_parse_round_trip(grams: int, unit: WeightUnit) -> None:
    assert Grams.parse(Grams(grams).format(unit)) == Grams(grams)
    bare = Grams(grams).format(unit, with_unit=False)
    assert Grams.parse(bare, default_unit=unit) == Grams(grams)


@given(weights)
def test_str_parse_round_trip(grams: int) -> None:
    assert Grams.parse(str(Grams(grams))) == Grams(grams)


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=9999), units)
def test_parse_never_returns_float_and_rounds_half_up(
    whole: int, frac: int, unit: WeightUnit
) -> None:
    text = f"{whole}.{frac:04d}"
    parsed = Grams.parse(text, default_unit=unit, max_grams=10**13)
    assert type(parsed.grams) is int
    tenthousandths = (whole * 10_000 + frac) * GRAMS_PER_UNIT[unit]
    assert parsed.grams == (tenthousandths + 5_000) // 10_000


@given(st.text(max_size=20))
def test_parse_either_succeeds_or_raises_validation_error(text: str) -> None:
    try:
        parsed = Grams.parse(text)
    except ValidationError:
        return
    assert 0 <= parsed.grams <= DEFAULT_MAX_GRAMS


@given(st.lists(st.integers(min_value=-(10**12), max_value=10**12)))
def test_sum_of_grams_is_sum_of_ints(values: list[int]) -> None:
    assert sum((Grams(v) for v in values), Grams.zero()) == Grams(sum(values))
