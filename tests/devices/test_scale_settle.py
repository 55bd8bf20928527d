"""The settle rule: the scale's own flag, or N equal readings; never a bad display."""

from __future__ import annotations

import pytest

from station_app.devices.scale.protocols import Reading
from station_app.devices.scale.settle import SettleCheck


def _r(grams: int, *, stable: bool = False, **flags: bool) -> Reading:
    return Reading(grams, stable=stable, **flags)


def test_n_identical_readings_settle():
    check = SettleCheck(identical=3)
    states = [check.feed(_r(g)).state for g in (1200, 1210, 1210, 1210, 1210)]
    assert states == ["unsettled", "unsettled", "unsettled", "settled", "settled"]
    assert check.feed(_r(1210)).grams == 1210
    assert check.feed(_r(1300)).state == "unsettled"


def test_the_scales_stable_flag_is_believed_unless_told_not_to():
    assert SettleCheck(identical=5).feed(_r(800, stable=True)).grams == 800
    assert SettleCheck(identical=5, trust_flag=False).feed(_r(800, stable=True)).grams is None


def test_overload_and_negative_are_not_weights():
    check = SettleCheck(identical=2)
    check.feed(_r(5000))
    over = check.feed(_r(0, overload=True, status_only=True))
    assert (over.state, over.grams) == ("overload", None)
    assert "量程" in over.message
    assert check.feed(_r(5000)).state == "unsettled"  # the run started again
    negative = check.feed(_r(-200, stable=True))
    assert (negative.state, negative.grams) == ("negative", None)
    assert "负数" in negative.message
    assert check.feed(_r(0, underload=True, status_only=True)).state == "negative"


def test_motion_status_resets_the_run():
    check = SettleCheck(identical=2)
    check.feed(_r(700))
    assert check.feed(_r(0, status_only=True)).state == "unsettled"
    assert check.feed(_r(700)).state == "unsettled"
    assert check.feed(_r(700)).state == "settled"


def test_zero_identical_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        SettleCheck(identical=0)
