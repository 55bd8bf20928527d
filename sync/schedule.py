"""When the next upload runs, computed from what the store remembers.

Nothing here keeps time in memory: the next run is derived from the stored outcome of
the last one (``next_attempt_at``, written with it), so a restart, a laptop lid closed
for a night or a clock set back by hand never loses a run. A clock set back could put
the stored time far in the future; no wait is ever longer than :data:`LONGEST_WAIT`
from now, so the next run comes at most that late.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sync.state import SyncStatus

PERIOD = timedelta(minutes=5)
"""Between runs while all is well (a poke after a local write comes sooner)."""
FIRST_RETRY = timedelta(seconds=10)
RETRY_CAP = timedelta(minutes=15)
LONGEST_WAIT = max(PERIOD, RETRY_CAP)


def backoff(failures: int, rng: random.Random | None = None) -> timedelta:
    """The wait after ``failures`` failures in a row: doubling from :data:`FIRST_RETRY`
    up to :data:`RETRY_CAP`, with "equal jitter" (half fixed, half random), so waits
    still grow with every failure while 250 stations coming back online at once spread
    out instead of knocking together."""
    if failures < 1:
        return PERIOD
    ceiling = min(RETRY_CAP, FIRST_RETRY * (1 << min(failures - 1, 30)))
    half = ceiling / 2
    fraction = rng.random() if rng is not None else random.random()
    return half + half * fraction


def after_failure(
    now: datetime, failures: int, retry_after: float | None, rng: random.Random | None = None
) -> datetime:
    """When to try again after a failure; a county's ``Retry-After`` is honoured (capped)."""
    wait = backoff(failures, rng)
    if retry_after is not None:
        wait = max(wait, min(timedelta(seconds=retry_after), RETRY_CAP))
    return now + wait


def after_success(now: datetime) -> datetime:
    return now + PERIOD


def due_at(next_attempt_at: datetime | None, now: datetime) -> datetime:
    """When the next run is due, given the stored time (None: at once)."""
    if next_attempt_at is None:
        return now
    return min(next_attempt_at, now + LONGEST_WAIT)


def should_run(status: SyncStatus, now: datetime, *, poked: bool, forced: bool) -> bool:
    """Whether a run now would upload. A poke (a local write) brings the next run
    forward only while the county is reachable: an offline station scanning a van's
    load must not knock on the county's door at every scan, and its back-off stands."""
    if not status.enrolled:
        return False
    if forced:
        return True
    if status.halted:
        return False
    if poked and status.consecutive_failures == 0 and status.pending > 0:
        return True
    return now >= due_at(status.next_attempt_at, now)
