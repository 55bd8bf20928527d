"""Reference data as versioned sets: published by staff from the command line, fetched
by stations with ETags. Real county process, SQLite and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import requests

from station_app.resources import resources_dir
from sync.wire import ReferenceSet
from tests.county.conftest import County, county_command
from tests.county.helpers import Enrolled, SessionFactory, enrol_new, error_of


def publish(
    county: County, tmp_path: Path, kind: str, data: Any, *extra: str
) -> subprocess.CompletedProcess[str]:
    path = tmp_path / f"{kind}-{len(list(tmp_path.iterdir()))}.json"
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return subprocess.run(
        county_command(
            "--database-url", county.database_url, "reference", "publish", kind, str(path), *extra
        ),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def fetch(county: County, who: Enrolled, kind: str, etag: str | None = None) -> requests.Response:
    headers = dict(who.headers)
    if etag is not None:
        headers["If-None-Match"] = etag
    return requests.get(county.api(f"/reference/{kind}"), headers=headers, timeout=5)


def bundled(name: str) -> dict[str, Any]:
    folder = {"couriers": "couriers/rules.json", "tariffs": "tariffs/tariffs.json"}[name]
    return json.loads((resources_dir() / folder).read_text(encoding="utf-8"))


def test_nothing_published_is_404_and_unknown_kinds_too(county: County, enrolled: Enrolled):
    response = fetch(county, enrolled, "announcements")
    assert (response.status_code, error_of(response).code) == (404, "not_found")
    assert "没有发布" in error_of(response).message_zh
    response = fetch(county, enrolled, "weather")
    assert (response.status_code, error_of(response).code) == (404, "not_found")
    anonymous = requests.get(county.api("/reference/announcements"), timeout=5)
    assert (anonymous.status_code, error_of(anonymous).code) == (401, "unauthorized")


@pytest.mark.parametrize("kind", ["couriers", "tariffs"])
def test_a_published_set_is_fetched_with_its_etag_and_304_while_unchanged(
    county: County, enrolled: Enrolled, tmp_path: Path, kind: str
):
    data = bundled(kind)
    first = publish(county, tmp_path, kind, data)
    assert first.returncode == 0, first.stderr
    response = fetch(county, enrolled, kind)
    assert response.status_code == 200, response.text
    got = ReferenceSet.model_validate_json(response.text)
    assert (got.kind, got.data) == (kind, data)
    assert response.headers["ETag"] == f'"{got.version}"'

    unchanged = fetch(county, enrolled, kind, response.headers["ETag"])
    assert (unchanged.status_code, unchanged.content) == (304, b"")
    assert unchanged.headers["ETag"] == response.headers["ETag"]
    assert fetch(county, enrolled, kind, f'W/"0", {got.version}').status_code == 304

    same = publish(county, tmp_path, kind, data)
    assert same.returncode == 0, same.stderr
    assert "unchanged" in same.stdout
    assert fetch(county, enrolled, kind, response.headers["ETag"]).status_code == 304

    newer = {**data, "version": data["version"] + 1}
    assert publish(county, tmp_path, kind, newer).returncode == 0
    changed = fetch(county, enrolled, kind, response.headers["ETag"])
    assert changed.status_code == 200
    again = ReferenceSet.model_validate_json(changed.text)
    assert (again.version, again.data) == (got.version + 1, newer)


@pytest.mark.parametrize(
    ("kind", "data", "says"),
    [
        ("tariffs", {"version": 1}, "资费表"),
        ("couriers", {"version": 1, "updated": "2026-11-23", "couriers": []}, "couriers"),
        ("billers", "[1, 2]", "JSON object"),
        ("prices", "{not json", "not JSON"),
        ("prices", '{"rice_fen": 1.5}', "float"),
        ("billers", {"billers": []}, "per township"),
    ],
)
def test_data_stations_would_refuse_is_never_published(
    county: County, tmp_path: Path, kind: str, data: Any, says: str
):
    extra = ("--township", "柳林镇") if says == "per township" else ()
    refused = publish(county, tmp_path, kind, data, *extra)
    assert refused.returncode == 2
    assert says in refused.stderr


def test_routes_go_to_their_township_else_the_county_wide_set(
    county: County, county_db: SessionFactory, tmp_path: Path
):
    liulin = enrol_new(county.api(""), county_db, township="柳林镇")
    other = enrol_new(county.api(""), county_db, township="崔家头镇")
    county_wide = {"routes": [{"code": "X1", "name": "全县线", "stops": []}]}
    own = {"routes": [{"code": "L1", "name": "柳林东线", "stops": []}]}
    assert publish(county, tmp_path, "routes", county_wide).returncode == 0
    before = ReferenceSet.model_validate_json(fetch(county, liulin, "routes").text)
    assert before.data == county_wide
    published = publish(county, tmp_path, "routes", own, "--township", "柳林镇")
    assert published.returncode == 0, published.stderr

    mine = fetch(county, liulin, "routes", f'"{before.version}"')
    assert mine.status_code == 200
    assert ReferenceSet.model_validate_json(mine.text).data == own
    theirs = ReferenceSet.model_validate_json(fetch(county, other, "routes").text)
    assert (theirs.data, theirs.version) == (county_wide, before.version)
