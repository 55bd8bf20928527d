"""A ledger written by the station's own code reaches the county whole, and comes back
byte for byte: the two ends agree on hashing because they share ``sync.protocol``."""

from __future__ import annotations

import re
import uuid
from typing import Any

import requests
from sqlalchemy import select

from station_app.core import ledger
from station_app.core.db.models import LedgerEntry
from station_app.core.operators import OperatorInfo
from station_app.core.parcels.checkin import Arrival, check_in
from station_app.core.store import Store
from sync.wire import EntryPage
from tests.county.conftest import County
from tests.county.helpers import Enrolled, enrol, upload
from tests.county.test_ingest import SessionFactory, add_station


def station_entries(store: Store) -> list[dict[str, Any]]:
    with store.reading() as session:
        rows = session.scalars(select(LedgerEntry).order_by(LedgerEntry.seq))
        return [{**ledger.hashed_fields(row), "hash": row.hash} for row in rows]


def test_a_real_station_ledger_uploads_and_reads_back(
    county: County, county_db: SessionFactory, store: Store, keeper: OperatorInfo
):
    for n in range(12):
        arrival = Arrival(
            f"YT75{n:011d}", "yto", "1", 1, phone="13812341234", recipient_name="张三"
        )
        with store.writing() as session:
            check_in(session, store.clock, actor=keeper, arrival=arrival)
    entries = station_entries(store)
    station_id = entries[0]["station_id"]
    assert re.fullmatch(r"[0-9a-f-]{36}", station_id)
    issued = add_station(county_db)
    body = enrol(county.api(""), issued.enrolment_code, station_id).json()
    who = Enrolled(station_id, body["county_station_code"], body["credential"])

    response = upload(county.api(""), who, entries)
    assert response.status_code == 200, response.text
    assert response.json()["held_through"] == len(entries)
    page = EntryPage.model_validate_json(
        requests.get(county.api("/ledger/entries"), headers=who.headers, timeout=5).text
    )
    assert [entry.model_dump() for entry in page.entries] == entries
    log = county.log.read_text(encoding="utf-8")
    assert "13812341234" not in log
    assert "张三" not in log
    assert str(uuid.UUID(station_id)) == station_id
