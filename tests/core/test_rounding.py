"""The one rounding rule: half away from zero, exact, never floats."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.core.rounding import apply_ratio, round_fraction, round_half_up


def _reference(value: Fraction) -> int:
    """Half away from zero, spelled out on the magnitude."""
    magnitude = abs(value)
    rounded = int(magnitude + Fraction(1, 2))  # floor of a non-negative Fraction
    return rounded if value >= 0 else -rounded


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        (0, 7, 0),
        (10, 5, 2),
        (1, 2, 1),  # a half goes up...
        (3, 2, 2),
        (5, 2, 3),  # ...even when banker's rounding would go to even
        (-1, 2, -1),  # and away from zero when negative
        (-5, 2, -3),
        (1, -2, -1),
        (-1, -2, 1),
        (1, 3, 0),
        (2, 3, 1),
        (-2, 3, -1),
        (12345, 10, 1235),
        (12344, 10, 1234),
        (2675, 1000, 3),
        (499, 1000, 0),
        (500, 1000, 1),
    ],
)
def test_round_half_up_examples(numerator: int, denominator: int, expected: int) -> None:
    assert round_half_up(numerator, denominator) == expected


def test_round_half_up_is_not_bankers_rounding() -> None:
    assert round(Fraction(5, 2)) == 2  # Python's half-to-even: what a receipt must not do
    assert round_half_up(5, 2) == 3


def test_zero_denominator_raises() -> None:
    with pytest.raises(ZeroDivisionError):
        round_half_up(1, 0)


@pytest.mark.parametrize(
    ("numerator", "denominator"), [(2.5, 1), (5, 2.0), (True, 2), (5, False), ("5", 2)]
)
def test_round_half_up_refuses_non_ints(numerator: object, denominator: object) -> None:
    with pytest.raises(TypeError):
        round_half_up(numerator, denominator)  # type: ignore[arg-type]


def test_round_fraction() -> None:
    assert round_fraction(Fraction(12345, 10)) == 1235
    assert round_fraction(Fraction(-12345, 10)) == -1235
    assert round_fraction(Fraction(7)) == 7


def test_round_fraction_refuses_float() -> None:
    with pytest.raises(TypeError):
        round_fraction(0.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "numerator", "denominator", "expected"),
    [
        (1600, 480, 500, 1536),  # 1600 g at 4.80元 per 斤
        (1601, 480, 500, 1537),  # 1536.96 fen
        (1, 480, 500, 1),  # 0.96 fen
        (1, 250, 500, 1),  # exactly half a fen goes up
        (-1, 250, 500, -1),  # and a refund mirrors it
        (3, 1, 3, 1),
        (0, 999, 7, 0),
    ],
)
def test_apply_ratio_examples(amount: int, numerator: int, denominator: int, expected: int) -> None:
    assert apply_ratio(amount, numerator, denominator) == expected


def test_apply_ratio_refuses_float() -> None:
    with pytest.raises(TypeError):
        apply_ratio(1600, 4.8, 500)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        apply_ratio(1600.0, 480, 500)  # type: ignore[arg-type]


nonzero = st.integers(min_value=-(10**12), max_value=10**12).filter(bool)
ints = st.integers(min_value=-(10**15), max_value=10**15)


@given(ints, nonzero)
def test_round_half_up_matches_exact_reference(numerator: int, denominator: int) -> None:
    assert round_half_up(numerator, denominator) == _reference(Fraction(numerator, denominator))


@given(ints, nonzero)
def test_round_half_up_is_symmetric_for_negatives(numerator: int, denominator: int) -> None:
    assert round_half_up(-numerator, denominator) == -round_half_up(numerator, denominator)
    assert round_half_up(numerator, -denominator) == -round_half_up(numerator, denominator)


@given(ints, nonzero)
def test_round_half_up_is_within_half(numerator: int, denominator: int) -> None:
    result = round_half_up(numerator, denominator)
    assert isinstance(result, int)
    assert abs(Fraction(numerator, denominator) - result) <= Fraction(1, 2)


@given(ints, st.integers(min_value=1, max_value=10**6))
def test_round_half_up_of_whole_numbers_is_exact(value: int, denominator: int) -> None:
    assert round_half_up(value * denominator, denominator) == value


@given(ints, ints, nonzero)
def test_apply_ratio_agrees_with_fraction_arithmetic(
    amount: int, numerator: int, denominator: int
) -> None:
    expected = _reference(Fraction(amount) * Fraction(numerator, denominator))
    assert apply_ratio(amount, numerator, denominator) == expected
