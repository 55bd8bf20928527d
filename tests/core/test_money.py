"""Fen: exact money, lenient to read, strict about meaning."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.core.errors import ValidationError
from station_app.core.money import DEFAULT_MAX_FEN, Fen


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("12.5", 1250),
        ("12.50", 1250),
        ("12", 1200),
        ("0", 0),
        ("0.01", 1),
        (".5", 50),
        ("12.50元", 1250),
        ("12.50 元", 1250),
        ("12块", 1200),
        ("￥12.50", 1250),
        ("¥12", 1200),
        ("¥ 12.05", 1205),
        ("１２．５", 1250),
        ("￥１，２３４．５０", 123450),
        ("  12.50  ", 1250),
        ("\t12.5\n", 1250),
        ("1,234.50", 123450),
        ("123,456", 12345600),
        ("12元5角", 1250),
        ("12元5角3分", 1253),
        ("12块5毛", 1250),
        ("5角", 50),
        ("3分", 3),
        ("5角3分", 53),
        ("1000000", DEFAULT_MAX_FEN),
        ("-0", 0),
        ("-0.00", 0),
    ],
)
def test_parse_accepts(text: str, fen: int) -> None:
    assert Fen.parse(text) == Fen(fen)


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("-12.50", -1250),
        ("－12.5", -1250),
        ("\u221212.5", -1250),
        ("-¥12.50", -1250),
        ("¥-12.50", -1250),
        ("-12.50元", -1250),
        ("-1,234.50", -123450),
        ("-5角", -50),
    ],
)
def test_parse_negative_when_allowed(text: str, fen: int) -> None:
    assert Fen.parse(text, allow_negative=True) == Fen(fen)


@pytest.mark.parametrize("text", ["-12.50", "-¥12.50", "¥-12.50", "-0.01", "-5角"])
def test_parse_refuses_negative_by_default(text: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        Fen.parse(text)
    assert "不能为负数" in str(excinfo.value)
    assert excinfo.value.params == {"text": text}


@pytest.mark.parametrize("text", ["12.505", "12.500", "0.001", "1,234.567", "-1.234"])
def test_parse_refuses_more_than_two_decimals(text: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        Fen.parse(text, allow_negative=True)
    assert "两位小数" in str(excinfo.value)
    assert text in str(excinfo.value)


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_parse_refuses_empty(text: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        Fen.parse(text)
    assert "请输入金额" in str(excinfo.value)


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "12a",
        "12.5.0",
        "12.",
        ".",
        "元",
        "¥",
        "-",
        "--12",
        "-¥-12",
        "12-",
        "1,23",
        "12,34.5",
        "1,2345",
        "+12",
        "1e3",
        "nan",
        "inf",
        "12元50角",
        "12角5元",
        "12.5元3分",
        "١٢",  # Arabic-Indic digits are digits to Python, not to a keeper
        "1" * 41,
        "12 34",
    ],
)
def test_parse_refuses_garbage(text: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        Fen.parse(text, allow_negative=True)
    assert "金额格式不对" in str(excinfo.value)


def test_parse_refuses_above_ceiling() -> None:
    with pytest.raises(ValidationError) as excinfo:
        Fen.parse("1000000.01")
    assert "不能超过1,000,000.00元" in str(excinfo.value)
    with pytest.raises(ValidationError):
        Fen.parse("-1000000.01", allow_negative=True)


def test_parse_ceiling_is_overridable() -> None:
    assert Fen.parse("5000000", max_fen=10**9) == Fen(500_000_000)
    with pytest.raises(ValidationError) as excinfo:
        Fen.parse("100.01", max_fen=10_000)
    assert "不能超过100.00元" in str(excinfo.value)


def test_parse_refuses_non_str() -> None:
    with pytest.raises(TypeError):
        Fen.parse(12.5)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [12.5, 12.0, True, False, "1250", None])
def test_construction_refuses_non_int(value: object) -> None:
    with pytest.raises(TypeError):
        Fen(value)  # type: ignore[arg-type]


def test_holds_exact_int() -> None:
    amount = Fen(1250)
    assert amount.fen == 1250
    assert type(amount.fen) is int


def test_is_immutable() -> None:
    amount = Fen(1250)
    with pytest.raises(AttributeError):
        amount.fen = 1  # type: ignore[misc]


@pytest.mark.parametrize(
    ("fen", "plain", "unit", "symbol", "grouped"),
    [
        (1250, "12.50", "12.50元", "¥12.50", "12.50"),
        (0, "0.00", "0.00元", "¥0.00", "0.00"),
        (1, "0.01", "0.01元", "¥0.01", "0.01"),
        (-1250, "-12.50", "-12.50元", "-¥12.50", "-12.50"),
        (-5, "-0.05", "-0.05元", "-¥0.05", "-0.05"),
        (123456789, "1234567.89", "1234567.89元", "¥1234567.89", "1,234,567.89"),
    ],
)
def test_format(fen: int, plain: str, unit: str, symbol: str, grouped: str) -> None:
    amount = Fen(fen)
    assert str(amount) == plain
    assert amount.format() == plain
    assert amount.format(with_unit=True) == unit
    assert amount.format(symbol=True) == symbol
    assert amount.format(grouping=True) == grouped


def test_arithmetic() -> None:
    assert Fen(1250) + Fen(50) == Fen(1300)
    assert Fen(1250) - Fen(1300) == Fen(-50)
    assert Fen(1250) * 3 == Fen(3750)
    assert 3 * Fen(1250) == Fen(3750)
    assert -Fen(5) == Fen(-5)
    assert abs(Fen(-5)) == Fen(5)
    assert Fen.zero() == Fen(0)
    assert not Fen.zero()
    assert Fen(1)


def test_comparison_and_hash() -> None:
    assert Fen(1) < Fen(2) <= Fen(2) < Fen(3)
    assert Fen(3) > Fen(-3)
    assert max(Fen(1), Fen(7), Fen(3)) == Fen(7)
    assert len({Fen(1), Fen(1), Fen(2)}) == 2
    assert Fen(0) != 0  # type: ignore[comparison-overlap]


def test_sum() -> None:
    assert sum([Fen(100), Fen(250), Fen(-50)]) == Fen(300)
    assert sum([Fen(1)], Fen.zero()) == Fen(1)
    assert sum([], Fen.zero()) == Fen.zero()


@pytest.mark.parametrize("other", [1, 1.5, True, "1"])
def test_no_mixing_with_other_types(other: object) -> None:
    with pytest.raises(TypeError):
        _ = Fen(1) + other  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = Fen(1) - other  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = Fen(1) < other  # type: ignore[operator]


@pytest.mark.parametrize("factor", [1.5, 2.0, True, Fen(2), "2"])
def test_multiplication_by_int_only(factor: object) -> None:
    with pytest.raises(TypeError):
        _ = Fen(100) * factor  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = factor * Fen(100)  # type: ignore[arg-type]


def test_radd_only_for_zero() -> None:
    with pytest.raises(TypeError):
        _ = 5 + Fen(1)  # type-checks (sum() needs an int __radd__), fails at run time


def test_scale_rounds_half_up() -> None:
    per_jin = Fen(480)  # 4.80元 per 斤 (500 g)
    assert per_jin.scale(1601, 500) == Fen(1537)
    assert Fen(1).scale(1, 2) == Fen(1)
    assert Fen(-1).scale(1, 2) == Fen(-1)


amounts = st.integers(min_value=-DEFAULT_MAX_FEN, max_value=DEFAULT_MAX_FEN)


@given(amounts, st.booleans(), st.booleans(), st.booleans())
def test_format_parse_round_trip(fen: int, with_unit: bool, symbol: bool, grouping: bool) -> None:
    text = Fen(fen).format(with_unit, symbol=symbol, grouping=grouping)
    assert Fen.parse(text, allow_negative=True) == Fen(fen)


@given(st.integers(min_value=0, max_value=DEFAULT_MAX_FEN))
def test_str_parse_round_trip_without_negatives(fen: int) -> None:
    assert Fen.parse(str(Fen(fen))) == Fen(fen)


@given(
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=99),
    st.sampled_from(["{y}.{f:02d}", "¥{y}.{f:02d}", "{y}.{f:02d}元", "{y}元{j}角{d}分"]),
)
def test_parse_never_returns_float(yuan: int, fen: int, template: str) -> None:
    text = template.format(y=yuan, f=fen, j=fen // 10, d=fen % 10)
    parsed = Fen.parse(text, max_fen=10**9)
    assert type(parsed.fen) is int
    assert parsed == Fen(yuan * 100 + fen)


@given(st.text(max_size=20))
def test_parse_either_succeeds_or_raises_validation_error(text: str) -> None:
    try:
        parsed = Fen.parse(text, allow_negative=True)
    except ValidationError:
        return
    assert type(parsed.fen) is int


@given(st.lists(st.integers(min_value=-(10**12), max_value=10**12)))
def test_sum_of_fen_is_sum_of_ints(values: list[int]) -> None:
    assert sum((Fen(v) for v in values), Fen.zero()) == Fen(sum(values))
    if values:
        assert sum(Fen(v) for v in values) == Fen(sum(values))


@given(st.integers(), st.integers(), st.integers(min_value=-1000, max_value=1000))
def test_arithmetic_matches_ints(a: int, b: int, k: int) -> None:
    assert Fen(a) + Fen(b) == Fen(a + b)
    assert Fen(a) - Fen(b) == Fen(a - b)
    assert Fen(a) * k == Fen(a * k)
    assert (Fen(a) < Fen(b)) == (a < b)
