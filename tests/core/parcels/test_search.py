"""Search at the counter: by four digits a villager says, served by an index.

The timing goal (50 ms at 1M parcels) is measured in benchmarks/bench_parcels.py; here
the query plans are checked, so a search that would read the whole table fails fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from alembic import command
from sqlalchemy import create_engine, event, text
from sqlalchemy.orm import Session

from station_app.core.db import migrate
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import handover
from station_app.core.parcels.checkin import Arrival, check_in
from station_app.core.store import Store

VIRTUAL_A = Arrival("YT7500000000001", "yto", "1", 1, phone="17012345678转4321")
VIRTUAL_B = Arrival("YT7500000000002", "yto", "1", 1, phone="17012345678转8765")
MOBILE = Arrival("YT7500000000003", "yto", "1", 2, phone="13800004321")


def _shelve(store: Store, keeper: OperatorInfo, *arrivals: Arrival) -> list[str]:
    uids = []
    with store.writing() as session:
        for arrival in arrivals:
            uids.append(check_in(session, store.clock, actor=keeper, arrival=arrival).parcel.uid)
    return uids


def test_the_extension_digits_find_a_virtual_number_parcel(store: Store, keeper: OperatorInfo):
    _shelve(store, keeper, VIRTUAL_A, VIRTUAL_B, MOBILE)
    with store.reading() as session:
        found = handover.find(session, "4321")
    assert {v.tracking_number for v in found} == {VIRTUAL_A.tracking_number, "YT7500000000003"}
    assert all(v.search_key == "4321" for v in found)


def test_one_virtual_number_with_two_extensions_is_two_villagers(
    store: Store, keeper: OperatorInfo
):
    first, _second, _mobile = _shelve(store, keeper, VIRTUAL_A, VIRTUAL_B, MOBILE)
    with store.reading() as session:
        same = handover.waiting_for_same_phone(session, first)
    assert [v.tracking_number for v in same] == [VIRTUAL_A.tracking_number]


@contextmanager
def _statements(session: Session) -> Iterator[list[tuple[str, object]]]:
    seen: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many):
        seen.append((statement, parameters))

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_every_search_uses_an_index(store: Store, keeper: OperatorInfo):
    _shelve(store, keeper, VIRTUAL_A, MOBILE)
    with store.reading() as session, _statements(session) as seen:
        for query in ("1-1-0001", "4321", "YT7500000000001"):
            handover.find(session, query)
        plans = [
            " ".join(
                str(row[3])
                for row in session.connection().exec_driver_sql(
                    "EXPLAIN QUERY PLAN " + statement, parameters
                )
            )
            for statement, parameters in seen
            if statement.lstrip().upper().startswith("SELECT")
        ]
    assert len(plans) == 3
    for plan in plans:
        assert "INDEX" in plan, plan
        assert "SCAN parcels" not in plan, plan


def test_migration_0009_makes_older_virtual_number_parcels_searchable(
    store: Store, keeper: OperatorInfo
):
    (uid,) = _shelve(store, keeper, VIRTUAL_A)
    with store.writing() as session:  # as 0008's check-in stored it
        session.execute(text("UPDATE parcels SET phone_tail = NULL WHERE uid = :u"), {"u": uid})
    store.close()
    engine = create_engine(f"sqlite:///{store.path}")
    config = migrate.alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.stamp(config, "0008")
            command.upgrade(config, "0009")
            command.stamp(config, "head")  # the later tables were never dropped
    finally:
        engine.dispose()
    reopened = Store.open(store.data_dir, store.clock)
    try:
        with reopened.reading() as session:
            found = handover.find(session, "4321")
        assert [v.uid for v in found] == [uid]
    finally:
        reopened.close()
