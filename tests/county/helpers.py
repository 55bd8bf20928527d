"""Ledgers for the county tests: generated chains hashed by ``sync.protocol``, and
requests the way the station client will send them."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import requests
from sqlalchemy.orm import Session

from county import stations
from sync.protocol import entry_hash
from sync.wire import ErrorBody

SessionFactory = Callable[[], Session]

INSTALL_ID = "3f0a9c1e-5b7d-4e2a-9c8f-1a2b3c4d5e6f"


def shipment_payload(weight_g: int, fee_fen: int) -> dict[str, Any]:
    return {
        "shipment": str(uuid.uuid4()),
        "courier": "yto",
        "province": "陕西",
        "city": "宝鸡",
        "weight_g": weight_g,
        "billable_g": ((weight_g + 999) // 1000) * 1000,
        "fee_fen": fee_fen,
        "payment_method": "cash",
        "zone": 1,
        "tariff_version": 1,
    }


def checkin_payload(n: int) -> dict[str, Any]:
    return {
        "parcel": str(uuid.uuid4()),
        "tracking_number": f"YT{n:013d}",
        "courier": "yto",
        "pickup_code": f"1-1-{n % 10000:04d}",
    }


def make_entry(
    station_id: str,
    seq: int,
    prev_hash: str | None,
    event_type: str,
    payload: dict[str, Any],
    *,
    business_day: str = "2026-11-23",
    corrects: str | None = None,
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "entry_id": str(uuid.uuid4()),
        "station_id": station_id,
        "seq": seq,
        "type": event_type,
        "schema_version": 1,
        "occurred_at": f"{business_day}T02:00:{seq % 60:02d}.000000Z",
        "business_day": business_day,
        "operator": "wangjun",
        "payload": payload,
        "corrects": corrects,
        "prev_hash": prev_hash,
    }
    entry["hash"] = entry_hash(entry)
    return entry


def chain(
    station_id: str, count: int, start: int = 1, prev_hash: str | None = None
) -> list[dict[str, Any]]:
    """``count`` parcel check-ins continuing a chain at ``start``."""
    entries = []
    for seq in range(start, start + count):
        entry = make_entry(station_id, seq, prev_hash, "parcel.checked_in", checkin_payload(seq))
        entries.append(entry)
        prev_hash = entry["hash"]
    return entries


def rehash(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Re-link and re-hash after a test edits entries: a well-formed chain again."""
    prev: str | None = entries[0]["prev_hash"]
    out = []
    for entry in entries:
        fixed = {**entry, "prev_hash": prev}
        fixed.pop("hash")
        fixed["hash"] = entry_hash(fixed)
        out.append(fixed)
        prev = fixed["hash"]
    return out


@dataclass(frozen=True)
class Enrolled:
    station_id: str
    station_code: str
    credential: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.credential}"}


def enrol(api: str, code: str, station_id: str | None = None) -> requests.Response:
    return requests.post(
        f"{api}/enrol",
        json={
            "protocol": 1,
            "code": code,
            "station_id": station_id or str(uuid.uuid4()),
            "install_id": INSTALL_ID,
            "app_version": "0.1.0",
        },
        timeout=10,
    )


def upload(
    api: str, who: Enrolled, entries: list[dict[str, Any]], **kwargs: Any
) -> requests.Response:
    body = {"protocol": 1, "station_id": who.station_id, "entries": entries}
    return requests.post(
        f"{api}/ledger/batches", json=body, headers=who.headers, timeout=30, **kwargs
    )


def add_station(
    county_db: SessionFactory,
    *,
    name: str = "胡家庄村服务站",
    level: str = "village",
    division_code: str = "610305110201",
    township: str = "柳林镇",
) -> stations.IssuedCode:
    with county_db() as session, session.begin():
        return stations.add_station(
            session,
            datetime.now(UTC),
            name=name,
            level=level,
            division_code=division_code,
            township=township,
        )


def enrol_new(
    api: str, county_db: SessionFactory, station_id: str | None = None, **station: str
) -> Enrolled:
    """A station added the way staff do it and enrolled the way the app does it."""
    issued = add_station(county_db, **station)
    station_id = station_id or str(uuid.uuid4())
    response = enrol(api, issued.enrolment_code, station_id)
    assert response.status_code == 200, response.text
    body = response.json()
    return Enrolled(station_id, body["county_station_code"], body["credential"])


def error_of(response: requests.Response) -> ErrorBody:
    assert 400 <= response.status_code < 500, (response.status_code, response.text)
    return ErrorBody.model_validate_json(response.text)
