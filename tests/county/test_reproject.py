"""``county-centre reproject``: entries flagged because the county did not know their type
are counted once it does, exactly as ingest would have counted them. The entries go
through a real county process (which does not know the types); the test process then
learns them (the registry of ``sync.events``, patched) and reprojects, on SQLite and
PostgreSQL."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import Field
from sqlalchemy import select

from county import cli, ingest
from county.db.engine import WriteSessions, make_engine
from county.db.models import DailyAmount, DailyTotal, LedgerEntry, Station
from county.stations import Caller
from sync import events
from sync.wire import BatchAck, LedgerBatch
from tests.county.conftest import County
from tests.county.helpers import (
    Enrolled,
    SessionFactory,
    checkin_payload,
    enrol_new,
    make_entry,
    rehash,
    shipment_payload,
    upload,
)


class ParcelWeighed(events.Payload):
    """A type "a newer app" writes and this county's release does not know."""

    parcel: str = Field(min_length=36, max_length=36)
    weight_g: int = Field(gt=0)
    fee_fen: int = Field(ge=0)


class ShipmentAcceptedV2(events.ShipmentAccepted):
    """A second version of a known type: unknown as a version until learnt."""

    insured_fen: int = Field(ge=0)


def weighed(weight_g: int, fee_fen: int, **extra: Any) -> dict[str, Any]:
    return {"parcel": str(uuid.uuid4()), "weight_g": weight_g, "fee_fen": fee_fen, **extra}


def ledger(station_id: str) -> list[dict[str, Any]]:
    """Seven entries over two days: 2, 3, 4, 6 and 7 of what the county learns later (6
    still invalid then: a field its schema forbids), the rest known all along."""
    plan: list[tuple[str, str, dict[str, Any], int]] = [
        ("2026-11-23", "shipment.accepted", shipment_payload(1200, 1500), 1),
        ("2026-11-23", "parcel.weighed", weighed(500, 300), 1),
        ("2026-11-23", "shipment.accepted", {**shipment_payload(800, 900), "insured_fen": 50}, 2),
        ("2026-11-24", "parcel.weighed", weighed(700, 400), 1),
        ("2026-11-24", "parcel.checked_in", checkin_payload(5), 1),
        ("2026-11-24", "parcel.weighed", weighed(900, 500, phone="13812341234"), 1),
        ("2026-11-24", "parcel.weighed", weighed(100, 100), 1),
    ]
    entries = []
    for seq, (day, kind, payload, version) in enumerate(plan, start=1):
        entry = make_entry(station_id, seq, None, kind, payload, business_day=day)
        entries.append({**entry, "schema_version": version})
    return rehash(entries)


@pytest.fixture
def learnt(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process's county now knows the types the running county does not."""
    monkeypatch.setitem(events.EVENT_TYPES, "parcel.weighed", {1: ParcelWeighed})
    monkeypatch.setitem(events.EVENT_TYPES["shipment.accepted"], 2, ShipmentAcceptedV2)


def projections(county_db: SessionFactory, station_code: str) -> tuple[dict, dict]:
    with county_db() as session:
        station = session.scalars(select(Station).where(Station.code == station_code)).one()
        totals = {
            (row.business_day, row.type): row.count
            for row in session.scalars(select(DailyTotal).where(DailyTotal.station == station.id))
        }
        amounts = {
            (row.business_day, row.type, row.field): row.amount
            for row in session.scalars(select(DailyAmount).where(DailyAmount.station == station.id))
        }
    return totals, amounts


def flags(county_db: SessionFactory, who: Enrolled) -> dict[int, str | None]:
    """seq → flag reason, for the flagged entries."""
    with county_db() as session:
        rows = session.scalars(select(LedgerEntry).where(LedgerEntry.station_id == who.station_id))
        return {row.seq: row.flag_reason for row in rows if row.flagged}


def ingested_knowing_the_types(county: County, county_db: SessionFactory) -> Enrolled:
    """The same ledger through ingest itself, in this process (which knows the types):
    what reprojecting must come to."""
    who = enrol_new(county.api(""), county_db)
    with county_db() as session:
        station = session.scalars(select(Station).where(Station.code == who.station_code)).one()
    caller = Caller(station.id, who.station_id)
    body = json.dumps({"station_id": who.station_id, "entries": ledger(who.station_id)})
    batch = LedgerBatch.model_validate_json(body)
    checked = ingest.check_batch(caller, batch)
    engine = make_engine(county.database_url)
    try:
        with WriteSessions(engine).begin() as session:
            ingest.store_batch(session, datetime.now(UTC), caller, batch, checked)
    finally:
        engine.dispose()
    return who


def reproject(county: County, *args: str) -> int:
    return cli.main(["--database-url", county.database_url, "reproject", *args])


def test_entries_of_a_type_learnt_later_are_counted_as_ingest_would(
    county: County,
    county_db: SessionFactory,
    enrolled: Enrolled,
    learnt: None,
    capsys: pytest.CaptureFixture[str],
):
    response = upload(county.api(""), enrolled, ledger(enrolled.station_id))
    assert response.status_code == 200, response.text
    assert BatchAck.model_validate_json(response.text).flagged == 5
    assert flags(county_db, enrolled)[2] == "unknown_event_type: parcel.weighed v1"
    reference = ingested_knowing_the_types(county, county_db)
    expected = projections(county_db, reference.station_code)
    assert expected[0][("2026-11-24", "parcel.weighed")] == 2  # the invalid one left out
    assert projections(county_db, enrolled.station_code) != expected

    assert reproject(county, "--station", enrolled.station_code) == 0
    out = capsys.readouterr().out
    assert "重新计入统计 4 条，仍待核查 1 条 reprojected 4, still flagged 1" in out

    assert projections(county_db, enrolled.station_code) == expected
    assert flags(county_db, enrolled) == {
        6: "invalid_payload: parcel.weighed v1: phone: extra_forbidden"
    }
    assert flags(county_db, reference) == {
        6: "invalid_payload: parcel.weighed v1: phone: extra_forbidden"
    }


def test_reprojecting_twice_adds_nothing_more(
    county: County,
    county_db: SessionFactory,
    enrolled: Enrolled,
    learnt: None,
    capsys: pytest.CaptureFixture[str],
):
    assert upload(county.api(""), enrolled, ledger(enrolled.station_id)).status_code == 200
    assert reproject(county, "--station", enrolled.station_code) == 0
    once = projections(county_db, enrolled.station_code)
    capsys.readouterr()

    assert reproject(county, "--station", enrolled.station_code) == 0

    assert "reprojected 0, still flagged 1" in capsys.readouterr().out
    assert projections(county_db, enrolled.station_code) == once
    assert list(flags(county_db, enrolled)) == [6]


def test_without_the_types_nothing_changes_and_an_unknown_station_is_an_error(
    county: County,
    county_db: SessionFactory,
    enrolled: Enrolled,
    capsys: pytest.CaptureFixture[str],
):
    assert upload(county.api(""), enrolled, ledger(enrolled.station_id)).status_code == 200
    before = projections(county_db, enrolled.station_code), flags(county_db, enrolled)

    assert reproject(county) == 0  # every station with flagged entries

    assert f"{enrolled.station_code}\t" in capsys.readouterr().out
    assert (projections(county_db, enrolled.station_code), flags(county_db, enrolled)) == before
    assert reproject(county, "--station", "nope-000000") == 2
    assert "nope-000000" in capsys.readouterr().err
