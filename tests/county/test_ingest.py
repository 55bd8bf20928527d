"""Enrolment and ledger ingest against a real county process, on SQLite and PostgreSQL."""

from __future__ import annotations

import contextlib
import gzip
import json
import uuid

import pytest
import requests
from sqlalchemy import func, select

from county import stations
from county.db.models import DailyAmount, DailyTotal, LedgerEntry, Refusal, Station
from sync.protocol import NonCanonicalValue
from sync.wire import (
    MAX_BODY_BYTES,
    MAX_SCHEMA_VERSION,
    MAX_SEQ,
    BatchAck,
    EntryPage,
    LedgerHead,
)
from tests.county.conftest import County, now
from tests.county.helpers import (
    Enrolled,
    SessionFactory,
    add_station,
    chain,
    checkin_payload,
    enrol,
    error_of,
    make_entry,
    rehash,
    shipment_payload,
    upload,
)

__all__ = ["SessionFactory", "add_station"]  # test_station_ledger imports them from here


def refusals(county_db: SessionFactory, who: Enrolled) -> list[Refusal]:
    with county_db() as session:
        station = session.scalars(select(Station).where(Station.code == who.station_code)).one()
        return list(session.scalars(select(Refusal).where(Refusal.station == station.id)))


def held_count(county_db: SessionFactory, who: Enrolled) -> int:
    with county_db() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(LedgerEntry)
                .where(LedgerEntry.station_id == who.station_id)
            )
            or 0
        )


def test_an_enrolment_code_works_once(county: County, county_db: SessionFactory):
    issued = add_station(county_db)
    first = enrol(county.api(""), issued.enrolment_code.lower())  # typed in lower case
    assert first.status_code == 200, first.text
    assert first.json()["county_station_code"] == issued.station_code
    assert first.json()["held_through"] == 0
    again = enrol(county.api(""), issued.enrolment_code)
    assert again.status_code == 403
    assert error_of(again).code == "enrolment_code_invalid"
    assert "登记码" in error_of(again).message_zh


def test_a_batch_is_stored_and_resending_it_stores_nothing_twice(
    county: County, county_db: SessionFactory, enrolled: Enrolled
):
    entries = chain(enrolled.station_id, 20)
    response = upload(county.api(""), enrolled, entries)
    assert response.status_code == 200, response.text
    ack = BatchAck.model_validate_json(response.text)
    assert (ack.held_through, ack.stored, ack.already_held) == (20, 20, 0)

    again = BatchAck.model_validate_json(upload(county.api(""), enrolled, entries).text)
    assert (again.held_through, again.stored, again.already_held) == (20, 0, 20)

    overlapping = entries[15:] + chain(enrolled.station_id, 5, 21, entries[-1]["hash"])
    more = BatchAck.model_validate_json(upload(county.api(""), enrolled, overlapping).text)
    assert (more.held_through, more.stored, more.already_held) == (25, 5, 5)
    assert held_count(county_db, enrolled) == 25


def test_head_and_entries_give_back_the_county_copy(county: County, enrolled: Enrolled):
    entries = chain(enrolled.station_id, 30)
    assert upload(county.api(""), enrolled, entries).status_code == 200
    head = LedgerHead.model_validate_json(
        requests.get(county.api("/ledger/head"), headers=enrolled.headers, timeout=5).text
    )
    assert (head.held_through, head.last_hash) == (30, entries[-1]["hash"])
    page = EntryPage.model_validate_json(
        requests.get(
            county.api("/ledger/entries"),
            params={"after": 10, "limit": 15},
            headers=enrolled.headers,
            timeout=5,
        ).text
    )
    assert page.held_through == 30
    assert [entry.model_dump() for entry in page.entries] == entries[10:25]


def test_a_different_entry_at_a_held_sequence_is_a_fork_refused_and_recorded(
    county: County, county_db: SessionFactory, enrolled: Enrolled
):
    entries = chain(enrolled.station_id, 10)
    assert upload(county.api(""), enrolled, entries).status_code == 200
    forked = rehash([*entries[:7], *chain(enrolled.station_id, 5, 8, entries[6]["hash"])])
    forked[7] = make_entry(
        enrolled.station_id,
        8,
        entries[6]["hash"],
        "parcel.checked_in",
        {**entries[7]["payload"], "pickup_code": "9-9-9999"},
    )
    forked = [*forked[:8], *rehash([{**forked[8], "prev_hash": forked[7]["hash"]}, *forked[9:]])]
    response = upload(county.api(""), enrolled, forked)
    assert response.status_code == 409
    error = error_of(response)
    assert error.code == "fork"
    assert error.detail["seq"] == 8
    # The chain continuing from a different entry 10 is a fork too.
    other_tail = chain(enrolled.station_id, 3, 11, "f" * 64)
    assert error_of(upload(county.api(""), enrolled, other_tail)).code == "fork"
    recorded = refusals(county_db, enrolled)
    assert [r.code for r in recorded] == ["fork", "fork"]
    assert recorded[0].seq == 8
    assert held_count(county_db, enrolled) == 10


def test_starting_after_the_held_head_is_a_gap(
    county: County, county_db: SessionFactory, enrolled: Enrolled
):
    entries = chain(enrolled.station_id, 12)
    assert upload(county.api(""), enrolled, entries[:5]).status_code == 200
    response = upload(county.api(""), enrolled, entries[7:])
    assert response.status_code == 409
    error = error_of(response)
    assert (error.code, error.detail) == ("gap", {"seq": 8, "held_through": 5})
    upload(county.api(""), enrolled, entries[7:])  # a repeat bumps the record
    (recorded,) = refusals(county_db, enrolled)
    assert (recorded.code, recorded.seq, recorded.repeats) == ("gap", 8, 2)


def test_a_broken_chain_is_refused(county: County, county_db: SessionFactory, enrolled: Enrolled):
    entries = chain(enrolled.station_id, 6)
    edited = [dict(entry) for entry in entries]
    edited[3] = {**edited[3], "payload": {**edited[3]["payload"], "courier": "sf"}}
    response = upload(county.api(""), enrolled, edited)
    assert response.status_code == 422
    assert error_of(response).code == "broken_chain"
    assert error_of(response).detail == {"seq": 4, "reason": "hash"}
    relinked = [*entries[:3], *rehash([{**entries[3], "prev_hash": "0" * 64}, *entries[4:]])]
    assert error_of(upload(county.api(""), enrolled, relinked)).detail == {
        "seq": 4,
        "reason": "prev_hash",
    }
    assert held_count(county_db, enrolled) == 0
    assert {r.code for r in refusals(county_db, enrolled)} == {"broken_chain"}


def test_another_stations_credential_is_refused(
    county: County, county_db: SessionFactory, enrolled: Enrolled
):
    issued = add_station(county_db)
    other = enrol(county.api(""), issued.enrolment_code).json()
    intruder = Enrolled(enrolled.station_id, other["county_station_code"], other["credential"])
    response = upload(county.api(""), intruder, chain(enrolled.station_id, 3))
    assert response.status_code == 403
    assert error_of(response).code == "wrong_station"
    assert held_count(county_db, enrolled) == 0


def test_revoked_and_unknown_credentials_get_401(
    county: County, county_db: SessionFactory, enrolled: Enrolled
):
    with county_db() as session, session.begin():
        assert stations.revoke(session, now(), enrolled.station_code) == 1
    response = upload(county.api(""), enrolled, chain(enrolled.station_id, 2))
    assert response.status_code == 401
    assert error_of(response).code == "revoked"
    head = requests.get(county.api("/ledger/head"), headers=enrolled.headers, timeout=5)
    assert error_of(head).code == "revoked"
    nobody = requests.get(
        county.api("/ledger/head"), headers={"Authorization": "Bearer nonsense"}, timeout=5
    )
    assert (nobody.status_code, error_of(nobody).code) == (401, "unauthorized")
    assert error_of(requests.get(county.api("/ledger/head"), timeout=5)).code == "unauthorized"


def test_reenrolment_reports_what_the_county_holds(
    county: County, county_db: SessionFactory, enrolled: Enrolled
):
    assert upload(county.api(""), enrolled, chain(enrolled.station_id, 7)).status_code == 200
    with county_db() as session, session.begin():
        issued = stations.reissue(session, now(), enrolled.station_code)
    assert error_of(upload(county.api(""), enrolled, chain(enrolled.station_id, 1))).code == (
        "revoked"
    )
    elsewhere = enrol(county.api(""), issued.enrolment_code, str(uuid.uuid4()))
    assert error_of(elsewhere).code == "wrong_station"
    again = enrol(county.api(""), issued.enrolment_code, enrolled.station_id)
    assert again.status_code == 200, again.text
    assert again.json()["held_through"] == 7


def test_oversized_bodies_get_413_and_gzip_bombs_too(county: County, enrolled: Enrolled):
    big = b'{"protocol": 1, "pad": "' + b"x" * (MAX_BODY_BYTES + 10) + b'"}'
    response = requests.post(
        county.api("/ledger/batches"),
        data=big,
        headers={**enrolled.headers, "Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 413
    assert error_of(response).code == "too_large"
    bomb = gzip.compress(b"{" + b" " * (64 * MAX_BODY_BYTES) + b"}")
    assert len(bomb) < 1024 * 1024
    response = requests.post(
        county.api("/ledger/batches"),
        data=bomb,
        headers={**enrolled.headers, "Content-Encoding": "gzip"},
        timeout=30,
    )
    assert (response.status_code, error_of(response).code) == (413, "too_large")


def test_gzip_bodies_are_accepted(county: County, enrolled: Enrolled):
    entries = chain(enrolled.station_id, 50)
    body = json.dumps({"protocol": 1, "station_id": enrolled.station_id, "entries": entries})
    response = requests.post(
        county.api("/ledger/batches"),
        data=gzip.compress(body.encode()),
        headers={
            **enrolled.headers,
            "Content-Encoding": "gzip",
            "Content-Type": "application/json",
        },
        timeout=30,
    )
    assert response.status_code == 200, response.text
    assert response.json()["held_through"] == 50


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[]",
        b'{"protocol": 1}',
        b'{"protocol": 1, "station_id": 5, "entries": []}',
        b'{"protocol": 1, "station_id": "x", "entries": [{"seq": 1.5}]}',
        b'{"protocol": 1, "entries": NaN}',
        b"[" * 10_000,
        "\ufeff{}".encode("utf-16"),
        b"",
    ],
)
def test_malformed_bodies_get_422_never_5xx(county: County, enrolled: Enrolled, body: bytes):
    for path in ("/ledger/batches", "/enrol"):
        response = requests.post(
            county.api(path), data=body, headers={**enrolled.headers}, timeout=10
        )
        assert response.status_code == 422, (path, response.text)
        error = error_of(response)
        assert error.code == "malformed"
        assert "格式" in error.message_zh


def test_bad_query_and_headers_are_4xx(county: County, enrolled: Enrolled):
    response = requests.get(
        county.api("/ledger/entries"), params={"after": "x"}, headers=enrolled.headers, timeout=5
    )
    assert (response.status_code, error_of(response).code) == (422, "malformed")
    response = requests.post(
        county.api("/ledger/batches"),
        data=b"{}",
        headers={**enrolled.headers, "Content-Encoding": "gzip"},
        timeout=5,
    )
    assert (response.status_code, error_of(response).code) == (422, "malformed")
    newer = requests.post(
        county.api("/ledger/batches"),
        json={"protocol": 2, "anything": True},
        headers=enrolled.headers,
        timeout=5,
    )
    assert (newer.status_code, error_of(newer).code) == (400, "unsupported_protocol")


def test_projections_count_entries_and_sum_money_and_weight(
    county: County, county_db: SessionFactory, enrolled: Enrolled
):
    sid = enrolled.station_id
    entries: list[dict] = []
    prev = None
    plan = [
        ("2026-11-23", "shipment.accepted", shipment_payload(1200, 1500)),
        ("2026-11-23", "shipment.accepted", shipment_payload(800, 1000)),
        ("2026-11-23", "parcel.checked_in", chain(sid, 1)[0]["payload"]),
        ("2026-11-24", "shipment.accepted", shipment_payload(3000, 2500)),
    ]
    for seq, (day, kind, payload) in enumerate(plan, start=1):
        entries.append(make_entry(sid, seq, prev, kind, payload, business_day=day))
        prev = entries[-1]["hash"]
    assert upload(county.api(""), enrolled, entries[:2]).status_code == 200
    assert upload(county.api(""), enrolled, entries).status_code == 200  # 2 already held
    with county_db() as session:
        station = session.scalars(
            select(Station).where(Station.code == enrolled.station_code)
        ).one()
        totals = {
            (t.business_day, t.type): t.count
            for t in session.scalars(select(DailyTotal).where(DailyTotal.station == station.id))
        }
        amounts = {
            (a.business_day, a.type, a.field): a.amount
            for a in session.scalars(select(DailyAmount).where(DailyAmount.station == station.id))
        }
    assert totals == {
        ("2026-11-23", "shipment.accepted"): 2,
        ("2026-11-23", "parcel.checked_in"): 1,
        ("2026-11-24", "shipment.accepted"): 1,
    }
    assert amounts == {
        ("2026-11-23", "shipment.accepted", "fee_fen"): 2500,
        ("2026-11-23", "shipment.accepted", "weight_g"): 2000,
        ("2026-11-23", "shipment.accepted", "billable_g"): 3000,
        ("2026-11-24", "shipment.accepted", "fee_fen"): 2500,
        ("2026-11-24", "shipment.accepted", "weight_g"): 3000,
        ("2026-11-24", "shipment.accepted", "billable_g"): 3000,
    }


def test_request_ids_are_echoed_or_made(county: County):
    given = requests.get(f"{county.url}/healthz", headers={"X-Request-ID": "abc-123"}, timeout=5)
    assert given.headers["X-Request-ID"] == "abc-123"
    made = requests.get(f"{county.url}/healthz", headers={"X-Request-ID": "bad id!"}, timeout=5)
    assert len(made.headers["X-Request-ID"]) == 32
    assert "[abc-123]" in county.log.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("payload", {**checkin_payload(2), "tracking_number": "YT\x00000000002"}),
        ("payload", {**checkin_payload(2), "note\x00": 1}),
        ("payload", {**checkin_payload(2), "note\x00": 1.5}),  # its refusal would name the key
        ("operator", "wang\x00jun"),
        ("type", "parcel.checked_in\x00"),
    ],
)
def test_a_nul_anywhere_in_an_entry_is_refused_not_a_server_error(
    county: County, county_db: SessionFactory, enrolled: Enrolled, field: str, value: object
):
    """PostgreSQL cannot store U+0000 (in text or JSONB), so it was a 500 there (found
    with the OpenAPI fuzz test); both databases refuse it before anything is stored."""
    first = chain(enrolled.station_id, 1)
    second = make_entry(enrolled.station_id, 2, first[0]["hash"], "parcel.checked_in", {})
    second[field] = value
    with contextlib.suppress(NonCanonicalValue):  # the float: its NUL is found first
        second = rehash([second])[0]
    response = upload(county.api(""), enrolled, [*first, second])
    assert response.status_code == 422, response.text
    assert error_of(response).code == "invalid_payload"
    assert error_of(response).detail == {"seq": 2, "reason": "nul"}
    assert held_count(county_db, enrolled) == 0
    assert [(r.code, r.seq) for r in refusals(county_db, enrolled)] == [("invalid_payload", 2)]


def test_an_app_version_with_a_nul_is_malformed_not_a_server_error(
    county: County, county_db: SessionFactory
):
    """Stored with the credential, it was a 500 on PostgreSQL once the code was good."""
    issued = add_station(county_db)
    response = requests.post(
        county.api("/enrol"),
        json={
            "protocol": 1,
            "code": issued.enrolment_code,
            "station_id": str(uuid.uuid4()),
            "install_id": str(uuid.uuid4()),
            "app_version": "0.1.0\x00",
        },
        timeout=10,
    )
    assert (response.status_code, error_of(response).code) == (422, "malformed")
    again = enrol(county.api(""), issued.enrolment_code)
    assert again.status_code == 200, "the code was not spent"


def test_numbers_beyond_the_columns_are_malformed_not_a_server_error(
    county: County, county_db: SessionFactory, enrolled: Enrolled
):
    """A sequence past BIGINT failed recording its gap, a schema version past INTEGER
    failed storing (PostgreSQL): 500s found while writing the OpenAPI fuzz test. The
    wire bounds both; the largest allowed values still get the county's own answers."""
    api = county.api("")
    first = chain(enrolled.station_id, 1)
    assert upload(api, enrolled, first).status_code == 200

    def entry(seq: int, schema_version: int) -> dict[str, object]:
        made = make_entry(enrolled.station_id, seq, first[0]["hash"], "parcel.checked_in", {})
        return rehash([{**made, "schema_version": schema_version}])[0]

    for seq, version in [(MAX_SEQ + 1, 1), (2**63, 1), (2, MAX_SCHEMA_VERSION + 1), (2, 2**63)]:
        response = upload(api, enrolled, [entry(seq, version)])
        assert (response.status_code, error_of(response).code) == (422, "malformed")
    far = upload(api, enrolled, [entry(MAX_SEQ, 1)])
    assert error_of(far).detail == {"seq": MAX_SEQ, "held_through": 1}
    assert [(r.code, r.seq) for r in refusals(county_db, enrolled)] == [("gap", MAX_SEQ)]
    newest = upload(api, enrolled, [entry(2, MAX_SCHEMA_VERSION)])
    assert newest.status_code == 200, newest.text
    assert BatchAck.model_validate_json(newest.text).flagged == 1
