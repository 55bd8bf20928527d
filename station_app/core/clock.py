"""Time as the station sees it.

The device clock may be wrong, so it orders nothing (the ledger sequence does); it is
recorded, turned into the station's business day and shown. Injected everywhere so
tests can set the day and time they need.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

STATION_TZ = ZoneInfo("Asia/Shanghai")


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock for tests and the demo seeder: it moves only when told to."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now += delta

    def set(self, instant: datetime) -> None:
        self._now = instant.astimezone(UTC)


def business_day(instant: datetime) -> date:
    """The station's business day of an instant: its calendar date in Beijing time."""
    return instant.astimezone(STATION_TZ).date()


def local_time(instant: datetime) -> datetime:
    """An instant in the station's time zone, for display."""
    return instant.astimezone(STATION_TZ)
