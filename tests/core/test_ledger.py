"""The ledger: chained, verifiable, append-only even against buggy code."""

from __future__ import annotations

import itertools
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from station_app.core import ledger, preferences
from station_app.core.db.models import LedgerEntry, Preference
from station_app.core.errors import BugError
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from sync.events import InvalidPayload, UnknownEventType
from sync.protocol import NonCanonicalValue, entry_hash

ROOT = Path(__file__).resolve().parents[2]


def _append_prefs(store: Store, keeper: OperatorInfo, count: int) -> None:
    for minutes in range(1, count + 1):
        with store.writing() as session:
            preferences.set_value(
                session,
                store.clock,
                actor=keeper,
                pref=preferences.IDLE_LOCK_MINUTES,
                value=minutes,
            )


def _entries(store: Store) -> list[LedgerEntry]:
    with store.reading() as session:
        return list(session.scalars(select(LedgerEntry).order_by(LedgerEntry.seq)))


def test_entries_are_numbered_without_gaps_and_chained(store: Store, keeper: OperatorInfo):
    _append_prefs(store, keeper, 3)
    entries = _entries(store)
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].prev_hash is None
    for before, after in itertools.pairwise(entries):
        assert after.prev_hash == before.hash
    assert entries[2].operator == "wangjun"
    assert entries[2].business_day == "2026-11-23"
    assert entries[2].occurred_at == "2026-11-23T02:00:00.000000Z"
    assert all(e.hash == entry_hash(ledger.hashed_fields(e)) for e in entries)


def test_verify_accepts_an_intact_chain(store: Store, keeper: OperatorInfo):
    _append_prefs(store, keeper, 4)
    with store.reading() as session:
        report = ledger.verify(session)
    assert report.ok
    assert report.checked == 6


def _without_guards(store: Store) -> sqlite3.Connection:
    """A raw connection with the append-only triggers dropped: what an attacker could do."""
    raw = sqlite3.connect(store.path)
    raw.execute("DROP TRIGGER ledger_entries_no_update")
    raw.execute("DROP TRIGGER ledger_entries_no_delete")
    return raw


def test_verify_finds_the_first_edited_entry(store: Store, keeper: OperatorInfo):
    _append_prefs(store, keeper, 4)
    with _without_guards(store) as raw:
        raw.execute(
            "UPDATE ledger_entries SET payload = ? WHERE seq = 4",
            ('{"key":"idle_lock_minutes","value":"99"}',),
        )
    with store.reading() as session:
        report = ledger.verify(session)
    assert not report.ok
    assert report.first_bad_seq == 4
    assert report.checked == 3
    assert report.problem == ledger.PROBLEM_EDITED


def test_verify_finds_a_removed_entry(store: Store, keeper: OperatorInfo):
    _append_prefs(store, keeper, 4)
    with _without_guards(store) as raw:
        raw.execute("DELETE FROM ledger_entries WHERE seq = 3")
    with store.reading() as session:
        report = ledger.verify(session)
    assert report.first_bad_seq == 4
    assert report.problem == ledger.PROBLEM_GAP


def test_verify_finds_a_rehashed_forgery(store: Store, keeper: OperatorInfo):
    """Editing an entry and fixing its own hash still breaks the next link."""
    _append_prefs(store, keeper, 3)
    entries = _entries(store)
    forged = ledger.hashed_fields(entries[2])
    forged["payload"] = {"key": "idle_lock_minutes", "value": "0"}
    with _without_guards(store) as raw:
        raw.execute(
            "UPDATE ledger_entries SET payload = ?, hash = ? WHERE seq = 3",
            ('{"key":"idle_lock_minutes","value":"0"}', entry_hash(forged)),
        )
    with store.reading() as session:
        report = ledger.verify(session)
    assert report.first_bad_seq == 4
    assert report.problem == ledger.PROBLEM_LINK


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE ledger_entries SET operator = 'someone' WHERE seq = 1",
        "UPDATE ledger_entries SET payload = '{}'",
        "DELETE FROM ledger_entries WHERE seq = 2",
        "DELETE FROM ledger_entries",
    ],
)
def test_the_database_refuses_update_and_delete(store: Store, keeper: OperatorInfo, statement: str):
    with pytest.raises(BugError, match="append-only"), store.writing() as session:
        session.execute(text(statement))
    assert len(_entries(store)) == 2


def test_the_database_refuses_an_entry_out_of_order(store: Store, keeper: OperatorInfo):
    entry = _entries(store)[-1]
    with pytest.raises(BugError, match="must follow"), store.writing() as session:
        session.execute(
            text(
                "INSERT INTO ledger_entries (seq, entry_id, station_id, type, schema_version,"
                " occurred_at, business_day, operator, payload, prev_hash, hash) VALUES"
                " (5, 'x', :station, 't', 1, 'now', '2026-11-23', 'me', '{}', :prev, 'h')"
            ),
            {"station": entry.station_id, "prev": entry.hash},
        )
    assert len(_entries(store)) == 2


def test_append_outside_a_transaction_is_a_bug(store: Store, keeper: OperatorInfo):
    with store.reading() as session:
        session.commit()
        with pytest.raises(BugError, match="outside a transaction"):
            ledger.append(
                session,
                store.clock,
                operator="wangjun",
                event_type="preference.changed",
                payload={"key": "a", "value": "b"},
            )


def test_a_refused_entry_rolls_back_the_state_change_with_it(store: Store, keeper: OperatorInfo):
    with pytest.raises(InvalidPayload), store.writing() as session:
        session.add(Preference(key="opening_hours", value="00:00-24:00"))
        session.flush()
        ledger.append(
            session,
            store.clock,
            operator="wangjun",
            event_type="preference.changed",
            payload={"key": "opening_hours", "value": 24},
        )
    with store.reading() as session:
        assert session.get(Preference, "opening_hours") is None
    assert len(_entries(store)) == 2


@pytest.mark.parametrize(
    ("event_type", "payload", "error"),
    [
        ("parcel.teleported", {}, UnknownEventType),
        ("preference.changed", {"key": "k"}, InvalidPayload),
        ("preference.changed", {"key": "k", "value": "v", "extra": 1}, InvalidPayload),
        ("operator.created", {"login": "a", "display_name": "b", "role": "boss"}, InvalidPayload),
    ],
)
def test_payloads_must_fit_their_schema(
    store: Store, keeper: OperatorInfo, event_type: str, payload: dict, error: type
):
    with pytest.raises(error), store.writing() as session:
        ledger.append(
            session, store.clock, operator="wangjun", event_type=event_type, payload=payload
        )
    assert len(_entries(store)) == 2


def test_floats_never_reach_the_chain():
    with pytest.raises(NonCanonicalValue, match="fen"):
        entry_hash(dict.fromkeys(("entry_id", "payload"), 1.5) | _blank_fields())


def _blank_fields() -> dict:
    from sync.protocol import HASHED_FIELDS

    return {name: None for name in HASHED_FIELDS if name not in ("entry_id", "payload")}


def test_only_the_ledger_module_builds_entries():
    """`ledger.append` is the one way in: no other module constructs a LedgerEntry."""
    offenders = []
    for path in (ROOT / "station_app").rglob("*.py"):
        if path.name == "ledger.py" or path.parent.name == "versions":
            continue
        if re.search(r"(?<!class )\bLedgerEntry\(", path.read_text(encoding="utf-8")):
            offenders.append(path)
    assert offenders == []


def test_unique_constraint_still_sorted_as_bug(store: Store, keeper: OperatorInfo):
    with pytest.raises(BugError) as excinfo, store.writing() as session:
        session.execute(
            text(
                "INSERT INTO station (id, station_id, install_id, name, level,"
                " division_code, created_at) VALUES (1, 'a', 'b', 'c', 'd', 'e', 'f')"
            )
        )
    assert isinstance(excinfo.value.__cause__, IntegrityError)
