"""When a weight may be taken: the keeper presses 确认 only on a settled display.

A scale that flags stability is believed; one that does not (A9, A12E) is settled
once N consecutive readings agree to the gram. Overload and below-range displays are
never a weight, and a negative one is reported as such: a purchase must not record a
crate that weighed "-0.2 kg" because the platform was touched while zeroing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from station_app.core.errors import QT_TRANSLATE_NOOP
from station_app.devices.scale.protocols import Reading

SettleState = Literal["settled", "unsettled", "overload", "negative"]

MESSAGES: dict[SettleState, str] = {
    "settled": "",
    "unsettled": QT_TRANSLATE_NOOP("core", "秤还没稳定，请稍等"),
    "overload": QT_TRANSLATE_NOOP("core", "超出秤的量程，请分开称"),
    "negative": QT_TRANSLATE_NOOP("core", "秤显示负数，请清空秤盘后置零"),
}


@dataclass(frozen=True, slots=True)
class Settled:
    """The verdict on the latest reading; ``grams`` is a weight only when settled."""

    state: SettleState
    grams: int | None
    reading: Reading

    @property
    def message(self) -> str:
        return MESSAGES[self.state]


@dataclass
class SettleCheck:
    """Feed every reading; ``identical`` is N, ``trust_flag`` believes the scale's flag."""

    identical: int = 5
    trust_flag: bool = True
    _last: int | None = field(default=None, repr=False)
    _run: int = field(default=0, repr=False)

    def __post_init__(self) -> None:
        if self.identical < 1:
            raise ValueError("identical must be at least 1")

    def feed(self, reading: Reading) -> Settled:
        if reading.overload:
            return self._reset(Settled("overload", None, reading))
        if reading.underload or (not reading.status_only and reading.grams < 0):
            return self._reset(Settled("negative", None, reading))
        if reading.status_only:  # motion without a value: nothing to count
            return self._reset(Settled("unsettled", None, reading))
        if reading.grams == self._last:
            self._run += 1
        else:
            self._last, self._run = reading.grams, 1
        if (self.trust_flag and reading.stable) or self._run >= self.identical:
            return Settled("settled", reading.grams, reading)
        return Settled("unsettled", None, reading)

    def _reset(self, verdict: Settled) -> Settled:
        self._last, self._run = None, 0
        return verdict
