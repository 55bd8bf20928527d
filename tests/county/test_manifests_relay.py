"""Manifests relayed from a township to the village they are addressed to, through a
real county process (SQLite and PostgreSQL), starting from a file a real township
store exported."""

from __future__ import annotations

import hashlib
import json
import random
import uuid
from typing import Any

import requests

from station_app.core.first_run import station_info
from station_app.core.manifests.files import MANIFEST_FORMAT, read_manifest
from sync.protocol import canonical_json
from sync.wire import ManifestPage, ManifestReceipt
from tests.core.manifests.conftest import (  # noqa: F401 - fixtures used by name
    HUJIA,
    TOWNSHIP_CODE,
    Station,
    routed,
    township,
)
from tests.core.manifests.helpers import FOR_HUJIA, export, open_list_bag, scan, send
from tests.county.conftest import County
from tests.county.helpers import Enrolled, SessionFactory, enrol_new, error_of


def post(county: County, who: Enrolled, data: bytes) -> requests.Response:
    return requests.post(
        county.api("/manifests"),
        data=data,
        headers={**who.headers, "Content-Type": "application/json"},
        timeout=10,
    )


def fetch(county: County, who: Enrolled, after: int = 0, limit: int | None = None) -> ManifestPage:
    params = {"after": after} if limit is None else {"after": after, "limit": limit}
    response = requests.get(
        county.api("/manifests"), params=params, headers=who.headers, timeout=10
    )
    assert response.status_code == 200, response.text
    return ManifestPage.model_validate_json(response.text)


def division() -> str:
    return f"6103051{random.randrange(10**5):05d}"


def document(
    from_station_id: str,
    to_division_code: str,
    *,
    uid: str | None = None,
    to_station_id: str | None = None,
    number: str = "JJ20261123001",
    tracking: str = "YT1000000000001",
) -> bytes:
    """A manifest file as ``files.manifest_file`` writes it (checked with the station's
    own reader, so the test cannot drift from the format)."""
    body: dict[str, Any] = {
        "uid": uid or str(uuid.uuid4()),
        "number": number,
        "from_station_id": from_station_id,
        "from_name": "柳林镇中转站",
        "from_division_code": "610305110000",
        "to_station_id": to_station_id,
        "to_name": "胡家庄村",
        "to_division_code": to_division_code,
        "route_code": "R01",
        "route_name": "北线",
        "dispatched_at": "2026-11-23T02:00:00.000000Z",
        "dispatched_by": "wangjun",
        "parcels": [{"tracking_number": tracking, "courier": "yto", "phone_masked": None}],
        "siblings": [],
    }
    digest = hashlib.sha256(canonical_json(body)).hexdigest()
    data = json.dumps(
        {"format": MANIFEST_FORMAT, "version": 1, "sha256": digest, "body": body},
        ensure_ascii=False,
        indent=1,
    ).encode()
    read_manifest(data)
    return data


def enrol_township(county: County, county_db: SessionFactory, station_id: str | None = None):
    return enrol_new(
        county.api(""),
        county_db,
        station_id,
        name="柳林镇中转站",
        level="township",
        division_code=TOWNSHIP_CODE,
    )


def test_a_real_township_file_reaches_its_village_whole(
    county: County,
    county_db: SessionFactory,
    routed: Station,  # noqa: F811 - the township store fixture, imported above
):
    open_list_bag(routed)
    for number in FOR_HUJIA:
        scan(routed, number)
    sent = send(routed, HUJIA.division_code)
    exported = export(routed, sent.manifest.uid)
    with routed.read() as session:
        info = station_info(session)
    assert info is not None
    township_who = enrol_township(county, county_db, info.station_id)
    village = enrol_new(county.api(""), county_db, division_code=HUJIA.division_code)

    response = post(county, township_who, exported)
    assert response.status_code == 200, response.text
    receipt = ManifestReceipt.model_validate_json(response.text)
    assert receipt == ManifestReceipt(
        uid=sent.manifest.uid,
        to_station_code=village.station_code,
        county_seq=1,
        already_held=False,
    )
    again = ManifestReceipt.model_validate_json(post(county, township_who, exported).text)
    assert (again.county_seq, again.already_held) == (1, True)

    page = fetch(county, village)
    assert (page.last_seq, [m.county_seq for m in page.manifests]) == (1, [1])
    (relayed,) = page.manifests
    assert (relayed.uid, relayed.number) == (sent.manifest.uid, sent.manifest.number)
    original = read_manifest(exported)
    fetched = read_manifest(json.dumps(relayed.document, ensure_ascii=False).encode())
    assert fetched == original  # the same body, the same content hash
    assert "13812341234" not in json.dumps(relayed.document)
    assert fetch(county, village, after=1) == ManifestPage(manifests=[], last_seq=1)
    assert fetch(county, township_who).manifests == []


def test_only_a_sound_file_from_its_own_township_is_taken(
    county: County, county_db: SessionFactory
):
    township_who = enrol_township(county, county_db)
    code = division()
    village = enrol_new(county.api(""), county_db, division_code=code)
    good = document(township_who.station_id, code)

    tampered = good.replace(b"YT1000000000001", b"YT1000000000009")
    for data, reason in [
        (tampered, "校验码"),
        (b"{not json", "不是交接单"),
        (document(str(uuid.uuid4()), code), "from_station_id"),
    ]:
        response = post(county, township_who, data)
        assert (response.status_code, error_of(response).code) == (422, "manifest_refused")
        assert reason in error_of(response).detail["reason"]
    from_village = post(county, village, document(village.station_id, code))
    assert error_of(from_village).detail == {"reason": "sender_not_township"}
    anonymous = requests.post(county.api("/manifests"), data=good, timeout=5)
    assert (anonymous.status_code, error_of(anonymous).code) == (401, "unauthorized")
    assert fetch(county, village).manifests == []
    assert post(county, township_who, good).status_code == 200


def test_a_village_not_enrolled_yet_or_ambiguous_is_an_unknown_destination(
    county: County, county_db: SessionFactory
):
    township_who = enrol_township(county, county_db)
    code = division()
    early = post(county, township_who, document(township_who.station_id, code))
    assert (early.status_code, error_of(early).code) == (409, "unknown_destination")
    assert error_of(early).detail == {"to_division_code": code, "reason": "not_enrolled"}

    first = enrol_new(county.api(""), county_db, division_code=code)
    second = enrol_new(county.api(""), county_db, division_code=code)
    ambiguous = post(county, township_who, document(township_who.station_id, code))
    assert error_of(ambiguous).detail["reason"] == "ambiguous"
    named = document(township_who.station_id, code, to_station_id=second.station_id)
    receipt = ManifestReceipt.model_validate_json(post(county, township_who, named).text)
    assert receipt.to_station_code == second.station_code
    assert fetch(county, first).manifests == []
    assert [m.county_seq for m in fetch(county, second).manifests] == [1]


def test_the_same_uid_with_other_content_is_a_conflict(county: County, county_db: SessionFactory):
    township_who = enrol_township(county, county_db)
    code = division()
    enrol_new(county.api(""), county_db, division_code=code)
    uid = str(uuid.uuid4())
    assert post(county, township_who, document(township_who.station_id, code, uid=uid)).ok
    other = document(township_who.station_id, code, uid=uid, tracking="YT1000000000002")
    response = post(county, township_who, other)
    assert (response.status_code, error_of(response).code) == (409, "manifest_conflict")


def test_each_station_pages_through_its_own_manifests_only(
    county: County, county_db: SessionFactory
):
    township_who = enrol_township(county, county_db)
    code, other_code = division(), division()
    village = enrol_new(county.api(""), county_db, division_code=code)
    neighbour = enrol_new(county.api(""), county_db, division_code=other_code)
    numbers = [f"JJ2026112300{n}" for n in range(1, 4)]
    for number in numbers:
        data = document(township_who.station_id, code, number=number)
        assert post(county, township_who, data).status_code == 200
    assert post(county, township_who, document(township_who.station_id, other_code)).ok

    page = fetch(county, village, after=1, limit=1)
    assert ([m.number for m in page.manifests], page.last_seq) == ([numbers[1]], 2)
    everything = fetch(county, village)
    assert [m.number for m in everything.manifests] == numbers
    assert [m.county_seq for m in everything.manifests] == [1, 2, 3]
    assert [m.county_seq for m in fetch(county, neighbour).manifests] == [1]
    too_many = requests.get(
        county.api("/manifests"), params={"limit": 1000}, headers=village.headers, timeout=5
    )
    assert (too_many.status_code, error_of(too_many).code) == (422, "malformed")


def test_a_uid_that_is_no_uuid_or_a_nul_is_refused_not_a_server_error(
    county: County, county_db: SessionFactory
):
    """Both were 500s found by the OpenAPI fuzz test: the file format takes any 36
    characters as a uid but a receipt names it as a UUID, and PostgreSQL cannot store a
    NUL in JSONB. Nothing is stored, and the sound file still goes through."""
    township_who = enrol_township(county, county_db)
    code = division()
    village = enrol_new(county.api(""), county_db, division_code=code)
    for data, reason in [
        (document(township_who.station_id, code, uid="x" * 36), "uid"),
        (document(township_who.station_id, code, number="JJ2026\x001123"), "nul"),
    ]:
        response = post(county, township_who, data)
        assert (response.status_code, error_of(response).code) == (422, "manifest_refused")
        assert error_of(response).detail == {"reason": reason}
    assert fetch(county, village).manifests == []
    assert post(county, township_who, document(township_who.station_id, code)).status_code == 200
