"""Schema-invalid entries are kept in sequence and flagged, never a reason to stop the
chain (DESIGN.md, Sync); the chain checks still refuse. Real county process, SQLite
and PostgreSQL."""

from __future__ import annotations

import subprocess
import uuid

import requests
from sqlalchemy import select

from county.db.models import DailyTotal, LedgerEntry, Station
from sync.wire import BatchAck, EntryPage
from tests.county.conftest import County, county_command
from tests.county.helpers import (
    Enrolled,
    SessionFactory,
    chain,
    error_of,
    make_entry,
    rehash,
    shipment_payload,
    upload,
)

PHONE = "13812341234"


def mixed_ledger(station_id: str) -> list[dict]:
    """Seven entries: 1, 2, 6, 7 sound; 3 with a phone it must not carry; 4 of a type from
    a newer app; 5 a void that names nothing."""
    sound = chain(station_id, 2)
    prev = sound[-1]["hash"]
    bad_payloads = [
        ("parcel.checked_in", {**sound[0]["payload"], "phone": PHONE}),
        ("parcel.teleported", {"to": "月球"}),
        ("entry.voided", {"reason": "录错了"}),
    ]
    entries = list(sound)
    for seq, (kind, payload) in enumerate(bad_payloads, start=3):
        entries.append(make_entry(station_id, seq, prev, kind, payload))
        prev = entries[-1]["hash"]
    entries.append(make_entry(station_id, 6, prev, "shipment.accepted", shipment_payload(800, 900)))
    entries.extend(chain(station_id, 1, 7, entries[-1]["hash"]))
    return entries


def stored_rows(county_db: SessionFactory, who: Enrolled) -> list[LedgerEntry]:
    with county_db() as session:
        return list(
            session.scalars(
                select(LedgerEntry)
                .where(LedgerEntry.station_id == who.station_id)
                .order_by(LedgerEntry.seq)
            )
        )


def totals(county_db: SessionFactory, who: Enrolled) -> dict[str, int]:
    with county_db() as session:
        station = session.scalars(select(Station).where(Station.code == who.station_code)).one()
        rows = session.scalars(select(DailyTotal).where(DailyTotal.station == station.id))
        return {row.type: row.count for row in rows}


def test_invalid_entries_are_kept_in_sequence_flagged_and_left_out_of_projections(
    county: County, county_db: SessionFactory, enrolled: Enrolled
):
    entries = mixed_ledger(enrolled.station_id)
    response = upload(county.api(""), enrolled, entries)
    assert response.status_code == 200, response.text
    ack = BatchAck.model_validate_json(response.text)
    assert (ack.held_through, ack.stored, ack.already_held, ack.flagged) == (7, 7, 0, 3)
    assert PHONE not in response.text

    rows = stored_rows(county_db, enrolled)
    assert [row.seq for row in rows] == [1, 2, 3, 4, 5, 6, 7]
    assert [row.flagged for row in rows] == [False, False, True, True, True, False, False]
    reasons = [row.flag_reason for row in rows if row.flagged]
    assert reasons[0] == "invalid_payload: parcel.checked_in v1: phone: extra_forbidden"
    assert reasons[1] == "unknown_event_type: parcel.teleported v1"
    assert reasons[2] == "invalid_payload: corrects is required"
    assert totals(county_db, enrolled) == {"parcel.checked_in": 3, "shipment.accepted": 1}

    # The county's copy gives every entry back as sent, flagged or not.
    page = EntryPage.model_validate_json(
        requests.get(county.api("/ledger/entries"), headers=enrolled.headers, timeout=5).text
    )
    assert [entry.model_dump() for entry in page.entries] == entries

    # Re-sent: acknowledged as held, flagged nothing new, projections unchanged.
    again = BatchAck.model_validate_json(upload(county.api(""), enrolled, entries).text)
    assert (again.held_through, again.stored, again.already_held, again.flagged) == (7, 0, 7, 0)
    assert totals(county_db, enrolled) == {"parcel.checked_in": 3, "shipment.accepted": 1}
    assert PHONE not in county.log.read_text(encoding="utf-8")


def test_a_key_that_is_personal_data_never_reaches_the_reason(
    county: County, county_db: SessionFactory, enrolled: Enrolled
):
    payload = {**chain(enrolled.station_id, 1)[0]["payload"], PHONE: "张三"}
    entry = make_entry(enrolled.station_id, 1, None, "parcel.checked_in", payload)
    ack = BatchAck.model_validate_json(upload(county.api(""), enrolled, [entry]).text)
    assert ack.flagged == 1
    (row,) = stored_rows(county_db, enrolled)
    assert row.flag_reason == "invalid_payload: parcel.checked_in v1: ?: extra_forbidden"
    assert PHONE not in county.log.read_text(encoding="utf-8")


def test_chain_checks_still_refuse_whatever_the_payload(
    county: County, county_db: SessionFactory, enrolled: Enrolled
):
    entries = mixed_ledger(enrolled.station_id)
    edited = [*entries[:3], {**entries[3], "payload": {"to": "火星"}}, *entries[4:]]
    response = upload(county.api(""), enrolled, edited)
    assert (response.status_code, error_of(response).code) == (422, "broken_chain")
    assert error_of(response).detail == {"seq": 4, "reason": "hash"}
    gap = upload(county.api(""), enrolled, entries[4:])
    assert (gap.status_code, error_of(gap).code) == (409, "gap")
    assert stored_rows(county_db, enrolled) == []

    assert upload(county.api(""), enrolled, entries[:4]).status_code == 200
    other = make_entry(enrolled.station_id, 4, entries[2]["hash"], "parcel.teleported", {"x": 1})
    forked = [*entries[:3], other, *rehash([{**entries[4], "prev_hash": other["hash"]}])]
    response = upload(county.api(""), enrolled, forked)
    assert (response.status_code, error_of(response).code) == (409, "fork")
    assert error_of(response).detail["seq"] == 4
    # A float cannot be hashed by the shared rules: still refused, not flagged.
    floating = make_entry(enrolled.station_id, 5, entries[3]["hash"], "parcel.checked_in", {})
    floating["payload"] = {"weight_g": 1.5}
    response = upload(county.api(""), enrolled, [floating])
    assert (response.status_code, error_of(response).code) == (422, "invalid_payload")
    assert len(stored_rows(county_db, enrolled)) == 4


def flagged_cli(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        county_command("--database-url", database_url, "flagged", *args),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_staff_list_flagged_entries_per_station(
    county: County, county_db: SessionFactory, enrolled: Enrolled
):
    assert upload(county.api(""), enrolled, mixed_ledger(enrolled.station_id)).status_code == 200
    listed = flagged_cli(county.database_url, "--station", enrolled.station_code)
    assert listed.returncode == 0, listed.stderr
    lines = [line.split("\t") for line in listed.stdout.splitlines() if "\t" in line]
    assert lines[0] == ["station", "seq", "business_day", "received_at", "reason"]
    assert [(line[0], line[1], line[2]) for line in lines[1:]] == [
        (enrolled.station_code, str(seq), "2026-11-23") for seq in (3, 4, 5)
    ]
    assert lines[2][4] == "unknown_event_type: parcel.teleported v1"
    assert PHONE not in listed.stdout

    everyone = flagged_cli(county.database_url)
    assert everyone.returncode == 0, everyone.stderr
    assert enrolled.station_code in everyone.stdout
    unknown = flagged_cli(county.database_url, "--station", f"nope-{uuid.uuid4().hex[:6]}")
    assert unknown.returncode == 2
    assert "nope-" in unknown.stderr
