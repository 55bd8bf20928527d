"""The ``--demo`` station: a village station of 柳林镇, 凤翔区, 宝鸡市 with some history.

The division code is plausible (凤翔区 is 610305; the township and village digits are
made up), not an official one. History is written through the same services as real
use, with a clock set in the past, so the demo ledger verifies like any other.
"""

from __future__ import annotations

from datetime import timedelta

from station_app.core import (
    demo_counter,
    demo_parcels,
    demo_produce,
    first_run,
    operators,
    preferences,
)
from station_app.core.clock import FixedClock
from station_app.core.db.models import Role, StationLevel
from station_app.core.store import Store

KEEPER = ("wangjun", "liulin2026")
ASSISTANT = ("lixia", "dianyuan01")
HISTORY_DAYS = 30

DEMO_FORM = first_run.SetupForm(
    station_name="凤翔区柳林镇胡家庄村电商服务站",
    level=StationLevel.VILLAGE,
    division_code="610305110201",
    keeper_login=KEEPER[0],
    keeper_name="王军",
    password=KEEPER[1],
    password_again=KEEPER[1],
)


def seed(store: Store) -> list[tuple[str, str]]:
    """Fill an empty store with the demo station; returns the (login, password) pairs."""
    clock = FixedClock(store.clock.now() - timedelta(days=HISTORY_DAYS))
    keeper = first_run.set_up(store, DEMO_FORM, clock)
    clock.advance(timedelta(hours=2))
    with store.writing() as session:
        operators.create(
            session,
            clock,
            actor=keeper,
            login=ASSISTANT[0],
            display_name="李霞",
            role=Role.ASSISTANT,
            password=ASSISTANT[1],
        )
    clock.advance(timedelta(days=1))
    with store.writing() as session:
        preferences.set_value(
            session, clock, actor=keeper, pref=preferences.OPENING_HOURS, value="07:30-21:00"
        )
    clock.advance(timedelta(days=3))
    with store.writing() as session:
        preferences.set_value(
            session, clock, actor=keeper, pref=preferences.IDLE_LOCK_MINUTES, value=15
        )
    clock.advance(timedelta(days=1))
    demo_parcels.seed_parcels(store, keeper, clock.now(), store.clock.now())
    demo_counter.seed_counter(store, keeper, store.clock.now())
    demo_produce.seed_produce(store, keeper, store.clock.now(), DEMO_FORM.division_code)
    return [KEEPER, ASSISTANT]
