"""The project's one rounding rule: round half away from zero, on exact integers.

Why half-up (四舍五入): it is what Chinese cash registers, 收购 receipts and the
keeper's own mental arithmetic do, so an amount the app prints matches the one the
farmer works out on a calculator. Python's ``round()`` rounds half to even
(banker's rounding) and works on floats, so 0.5 分 could come out as 0 and 2.675 as
2.67; neither is acceptable on a receipt. Half away from zero keeps a refund the exact
mirror of the sale it reverses (``-x`` rounds to ``-round(x)``).

Every amount or weight that is not already whole goes through here, nowhere else.
"""

from __future__ import annotations

from fractions import Fraction


def _require_int(name: str, value: object) -> int:
    # bool is an int subclass but never a meaningful amount; floats are what we avoid.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    return value


def round_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded to the nearest int, halves away from zero."""
    numerator = _require_int("numerator", numerator)
    denominator = _require_int("denominator", denominator)
    if denominator == 0:
        raise ZeroDivisionError("round_half_up: denominator is zero")
    negative = (numerator < 0) != (denominator < 0)
    quotient, remainder = divmod(abs(numerator), abs(denominator))
    if 2 * remainder >= abs(denominator):
        quotient += 1
    return -quotient if negative else quotient


def round_fraction(value: Fraction) -> int:
    """Round an exact fraction with the same rule, for callers that built one."""
    if not isinstance(value, Fraction):
        raise TypeError(f"value must be a Fraction, not {type(value).__name__}")
    return round_half_up(value.numerator, value.denominator)


def apply_ratio(amount: int, numerator: int, denominator: int) -> int:
    """``amount × numerator / denominator``, rounded once, at the end.

    Multiplying before dividing keeps the result exact until the single rounding, e.g.
    a price of 480 fen per 500 g for 1601 g is ``apply_ratio(1601, 480, 500)`` = 1537.
    """
    amount = _require_int("amount", amount)
    numerator = _require_int("numerator", numerator)
    return round_half_up(amount * numerator, denominator)
