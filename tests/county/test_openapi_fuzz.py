"""Schemathesis against the county's own ``/openapi.json``, served by a real county
process (SQLite and PostgreSQL): whatever a client sends, the answer is never a 5xx,
every answer is what the document declares (status, content type, body, headers),
input the document rules out is refused, and a credential is really required.

Inputs are generated from the document, both valid and invalid (wrong types, missing
fields, out-of-range numbers, odd strings, NUL characters included). Authenticated runs
send a real station credential, and about half their cases are first made to fit that
station (:func:`fit`): a batch is chained onto the station's head and hashed, a
manifest is addressed from the township to an enrolled village and hashed, an
enrolment carries a fresh one-time code, a reference kind is a known one. Without that
nearly every request would stop at the credential, hash or code check, and the fuzzing
would never reach ingest, storage, relay or enrolment. Unauthenticated runs send no
credential or a generated one.

The default run is short and deterministic (derandomized, no example database); the
``slow`` one generates many more cases per operation. schemathesis's own pytest loader
(``schemathesis.pytest.from_fixture``) fails under pytest 9.2, hence ``as_strategy``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    ignored_auth,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from county import reference
from station_app.core.manifests.files import MANIFEST_FORMAT
from sync.protocol import PROTOCOL_VERSION, NonCanonicalValue, canonical_json, entry_hash
from sync.wire import LedgerHead
from tests.county.conftest import County, start_county, stop
from tests.county.helpers import (
    Enrolled,
    SessionFactory,
    add_station,
    chain,
    enrol_new,
    make_entry,
    upload,
)

DEFAULT_EXAMPLES = 30
SLOW_EXAMPLES = 400
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
    negative_data_rejection,
    ignored_auth,
]
TOWNSHIP_DIVISION = "610305110000"
VILLAGE_DIVISION = "610305110201"
FRESH_DIVISION = "610305120001"
TRACE_CODE = "7K3QM2X9PD"
"""A lot the village opened (in ``target``): fitted trace lookups ask for it."""
PUBLIC = {("get", "/api/v1/trace/{code}")}
"""Asked without a credential: what a lot's QR code leads to."""
GENEROUS = "1000000"
OPERATIONS = [
    ("POST", "/api/v1/enrol"),
    ("GET", "/api/v1/ledger/head"),
    ("POST", "/api/v1/ledger/batches"),
    ("GET", "/api/v1/ledger/entries"),
    ("GET", "/api/v1/reference/{kind}"),
    ("POST", "/api/v1/manifests"),
    ("GET", "/api/v1/manifests"),
    ("GET", "/api/v1/trace/{code}"),
    ("GET", "/healthz"),
]
"""Listed, not read from the document at collection time (the server starts later):
``test_every_operation_is_fuzzed`` fails when an endpoint is added and not listed."""


@pytest.fixture(scope="module")
def county(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[County]:
    """Overrides the shared fixture: limits no fuzz run reaches, so every request gets
    to the handler's own logic instead of a 429 (the limits have tests of their own)."""
    log = tmp_path_factory.mktemp("county-log") / "county.log"
    limits = ("--rate", GENEROUS, "--burst", GENEROUS)
    enrol_limits = ("--enrol-rate", GENEROUS, "--enrol-burst", GENEROUS)
    process, running = start_county(database_url, log, *limits, *enrol_limits)
    try:
        yield running
    finally:
        stop(process)


@dataclass(frozen=True)
class Target:
    county: County
    county_db: SessionFactory
    village: Enrolled
    township: Enrolled


@pytest.fixture(scope="module")
def target(county: County, county_db: SessionFactory) -> Target:
    """A township and one of its villages, with something behind every read: a short
    chain uploaded, reference sets published, a manifest relayed to the village."""
    api = county.api("")
    township = enrol_new(
        api, county_db, name="柳林镇中转站", level="township", division_code=TOWNSHIP_DIVISION
    )
    village = enrol_new(api, county_db, division_code=VILLAGE_DIVISION)
    entries = chain(village.station_id, 3)
    lot = {"lot": str(uuid.uuid4()), "trace_code": TRACE_CODE, "product": "walnut",
           "grade": "large", "day": "2026-11-23"}  # fmt: skip
    entries.append(make_entry(village.station_id, 4, entries[-1]["hash"], "lot.opened", lot))
    assert upload(api, village, entries).status_code == 200
    with county_db() as session, session.begin():
        now = datetime.now(UTC)
        reference.publish(session, now, "announcements", {"items": [{"text": "停电通知"}]})
        reference.publish(session, now, "routes", {"routes": []}, township="柳林镇")
    relayed = requests.post(
        county.api("/manifests"),
        json=fit_manifest(a_manifest(), township.station_id),
        headers=township.headers,
        timeout=10,
    )
    assert relayed.status_code == 200, relayed.text
    return Target(county, county_db, village, township)


def load_schema(county: County, *, credentials: bool) -> schemathesis.BaseSchema:
    """The document as served. Unknown query parameters are not generated: the county,
    like FastAPI everywhere, ignores them, which the document does not forbid.
    ``credentials`` generates (and, for invalid cases, leaves out) the bearer
    credential; runs that send a real one turn it off."""
    generation = {"allow-extra-parameters": False, "with-security-parameters": credentials}
    config = schemathesis.Config.from_dict({"generation": generation})
    return schemathesis.openapi.from_url(f"{county.url}/openapi.json", config=config)


@pytest.fixture(scope="module")
def county_schema(county: County) -> schemathesis.BaseSchema:
    return load_schema(county, credentials=False)


@pytest.fixture(scope="module")
def anonymous_schema(county: County) -> schemathesis.BaseSchema:
    return load_schema(county, credentials=True)


def a_manifest() -> dict[str, Any]:
    return {
        "format": MANIFEST_FORMAT,
        "version": 1,
        "sha256": "0" * 64,
        "body": {
            "uid": str(uuid.uuid4()),
            "number": "JJ20261123001",
            "from_station_id": str(uuid.uuid4()),
            "from_name": "柳林镇中转站",
            "from_division_code": TOWNSHIP_DIVISION,
            "to_station_id": None,
            "to_name": "胡家庄村",
            "to_division_code": VILLAGE_DIVISION,
            "route_code": "R01",
            "route_name": "北线",
            "dispatched_at": "2026-11-23T02:00:00.000000Z",
            "dispatched_by": "wangjun",
            "parcels": [{"tracking_number": "YT1000000000001", "courier": "yto"}],
            "siblings": [],
        },
    }


def fit_manifest(document: Any, township_station_id: str) -> Any:
    """From the township, to the enrolled village, hashed as the exporter would."""
    if not isinstance(document, dict) or not isinstance(document.get("body"), dict):
        return document
    body = document["body"]
    body["from_station_id"] = township_station_id
    body["to_division_code"] = VILLAGE_DIVISION
    document["format"] = MANIFEST_FORMAT
    document["version"] = 1
    with contextlib.suppress(NonCanonicalValue, ValueError):  # a float, a lone surrogate
        document["sha256"] = hashlib.sha256(canonical_json(body)).hexdigest()
    return document


def whole_numbers(value: Any) -> Any:
    """Floats as ints. The generator sends ``5.0`` for an integer (JSON Schema counts it
    as one) and floats in free-form payloads; the strict wire and the hash rules refuse
    both (as they should, and unfitted cases check that), so left in place nearly every
    batch would stop before storage."""
    if isinstance(value, float):
        return int(value) if math.isfinite(value) else 0
    if isinstance(value, dict):
        return {key: whole_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [whole_numbers(item) for item in value]
    return value


def fit_batch(batch: Any, who: Enrolled, head: LedgerHead) -> Any:
    """The station's own id on the batch and its entries, sequence numbers and links
    continuing the county's head, each hash recomputed."""
    if not isinstance(batch, dict):
        return batch
    batch.update(protocol=PROTOCOL_VERSION, station_id=who.station_id)
    entries = batch.get("entries")
    if not isinstance(entries, list):
        return batch
    previous = head.last_hash
    for offset, item in enumerate(entries):
        if not isinstance(item, dict):
            continue
        entry = entries[offset] = whole_numbers(item)
        entry.setdefault("corrects", None)
        entry.update(station_id=who.station_id, seq=head.held_through + 1 + offset)
        entry["prev_hash"] = previous
        with contextlib.suppress(KeyError, NonCanonicalValue, ValueError):
            entry["hash"] = entry_hash(entry)
        previous = entry.get("hash")
    return batch


def fresh_code(county_db: SessionFactory) -> str:
    return add_station(county_db, division_code=FRESH_DIVISION).enrolment_code


def fit(case: schemathesis.Case, target: Target) -> None:
    """Make the generated request one that gets past the credential, code and hash
    checks, keeping everything else the generator chose. Each part is assigned, not
    edited in place: schemathesis then judges again whether the case is still invalid
    (and so must be refused), as it does for its own hooks."""
    path, method = case.operation.path, case.method.upper()
    if (method, path) == ("POST", "/api/v1/ledger/batches"):
        village = target.village
        response = requests.get(
            target.county.api("/ledger/head"), headers=village.headers, timeout=10
        )
        head = LedgerHead.model_validate_json(response.text)
        case.body = fit_batch(case.body, village, head)
    elif (method, path) == ("POST", "/api/v1/manifests"):
        case.body = fit_manifest(case.body, target.township.station_id)
    elif (method, path) == ("POST", "/api/v1/enrol") and isinstance(case.body, dict):
        code = fresh_code(target.county_db)
        case.body = {**case.body, "protocol": PROTOCOL_VERSION, "code": code}
    elif (method, path) == ("GET", "/api/v1/trace/{code}"):
        generated = str(case.path_parameters.get("code"))
        code = TRACE_CODE if len(generated) % 2 else f"{TRACE_CODE[:5]}-{TRACE_CODE[5:]}".lower()
        case.path_parameters = {**case.path_parameters, "code": code}
    elif (method, path) == ("GET", "/api/v1/reference/{kind}"):
        generated = str(case.path_parameters.get("kind"))
        kind = reference.KINDS[len(generated) % len(reference.KINDS)]
        case.path_parameters = {**case.path_parameters, "kind": kind}


def credential_for(case: schemathesis.Case, who: Target) -> Enrolled:
    """Manifests are posted by a township; everything else is asked by the village,
    which holds a chain, reference sets and a relayed manifest."""
    if (case.method.upper(), case.operation.path) == ("POST", "/api/v1/manifests"):
        return who.township
    return who.village


@contextlib.contextmanager
def server_log_on_failure(county: County) -> Iterator[None]:
    """A 5xx says little on the client's side: print the server's traceback too (pytest
    shows a failed test's output)."""
    try:
        yield
    except BaseException:
        log = county.log.read_text(encoding="utf-8", errors="replace")
        start = log.rfind("Traceback")
        print(log[start:] if start >= 0 else log[-4000:])
        raise


def fuzz(
    operation: schemathesis.APIOperation,
    examples: int,
    send: Callable[[schemathesis.Case, bool], None],
) -> None:
    """Valid and invalid cases for one operation; ``send`` gets each case and whether
    to make it fit the station first."""
    cases = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(case=cases, fitted=st.booleans())
    def run(case: schemathesis.Case, fitted: bool) -> None:
        send(case, fitted)

    run()


def authenticated(target: Target) -> Callable[[schemathesis.Case, bool], None]:
    def send(case: schemathesis.Case, fitted: bool) -> None:
        if fitted:
            fit(case, target)
        who = credential_for(case, target)
        case.call_and_validate(headers=who.headers, checks=CHECKS)

    return send


def unauthenticated(case: schemathesis.Case, _fitted: bool) -> None:
    case.call_and_validate(checks=CHECKS)


def test_every_operation_is_fuzzed(county_schema: schemathesis.BaseSchema) -> None:
    found = {
        (result.ok().method.upper(), result.ok().path)
        for result in county_schema.get_all_operations()
    }
    assert found == set(OPERATIONS)


def test_the_document_declares_bodies_refusals_and_the_credential(county: County) -> None:
    """What the handlers read themselves is still in the document, else the fuzzing
    (and any client generator) would never send a body."""
    document = requests.get(f"{county.url}/openapi.json", timeout=10).json()
    bodies = {
        path: operations["post"]["requestBody"]["content"]["application/json"]["schema"]
        for path, operations in document["paths"].items()
        if "post" in operations
    }
    assert set(bodies["/api/v1/enrol"]["required"]) == {"code", "install_id", "app_version"}
    batch = bodies["/api/v1/ledger/batches"]
    assert set(batch["required"]) == {"station_id", "entries"}
    assert "hash" in batch["properties"]["entries"]["items"]["required"]
    manifest = bodies["/api/v1/manifests"]
    assert manifest["properties"]["format"] == {"const": MANIFEST_FORMAT}
    assert "parcels" in manifest["properties"]["body"]["required"]
    assert "$ref" not in json.dumps(bodies)
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if path.startswith("/api/v1/"):
                refusal = operation["responses"]["4XX"]["content"]["application/json"]
                assert refusal["schema"] == {"$ref": "#/components/schemas/ErrorBody"}
            credential = [{"station": []}] if path.startswith("/api/v1/") else None
            if (method, path) == ("post", "/api/v1/enrol") or (method, path) in PUBLIC:
                credential = None
            assert operation.get("security") == credential, (method, path)
    assert document["components"]["securitySchemes"]["station"]["scheme"] == "bearer"


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_authenticated_requests_never_get_a_5xx(
    method: str, path: str, county_schema: schemathesis.BaseSchema, target: Target
) -> None:
    with server_log_on_failure(target.county):
        fuzz(county_schema[path][method], DEFAULT_EXAMPLES, authenticated(target))


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_unauthenticated_requests_never_get_a_5xx(
    method: str, path: str, anonymous_schema: schemathesis.BaseSchema, target: Target
) -> None:
    with server_log_on_failure(target.county):
        fuzz(anonymous_schema[path][method], DEFAULT_EXAMPLES // 3, unauthenticated)


@pytest.mark.slow
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_authenticated_requests_never_get_a_5xx_long_run(
    method: str, path: str, county_schema: schemathesis.BaseSchema, target: Target
) -> None:
    with server_log_on_failure(target.county):
        fuzz(county_schema[path][method], SLOW_EXAMPLES, authenticated(target))
