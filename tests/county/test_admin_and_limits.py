"""Staff's command line, and the per-station rate limit (a server of its own, small burst)."""

from __future__ import annotations

import re
import subprocess
import uuid
from pathlib import Path

import requests

from tests.county.conftest import county_command, start_county, stop
from tests.county.helpers import Enrolled, chain, enrol, upload


def cli(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        county_command("--database-url", database_url, "stations", *args),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def codes_of(output: str) -> tuple[str, str]:
    station = re.search(r"station code: (\S+)", output)
    code = re.search(r"enrolment code: (\S+)", output)
    assert station, output
    assert code, output
    return station.group(1), code.group(1)


def test_staff_add_revoke_and_reissue_from_the_command_line(database_url: str, tmp_path: Path):
    added = cli(
        database_url,
        "add",
        "--name",
        "胡家庄村服务站",
        "--level",
        "village",
        "--division",
        "610305110299",
        "--township",
        "柳林镇",
        "--qr",
    )
    assert added.returncode == 0, added.stderr
    station_code, code = codes_of(added.stdout)
    assert station_code.startswith("610305110299-")
    assert re.fullmatch(r"([A-Z2-9]{4}-){3}[A-Z2-9]{4}", code)
    assert "█" in added.stdout or "▀" in added.stdout  # the QR code

    process, county = start_county(
        database_url, tmp_path / "county.log", "--burst", "3", "--rate", "0.5"
    )
    try:
        station_id = str(uuid.uuid4())
        body = enrol(county.api(""), code, station_id).json()
        who = Enrolled(station_id, body["county_station_code"], body["credential"])
        first = chain(station_id, 1)
        statuses = [upload(county.api(""), who, first).status_code for _ in range(5)]
        assert statuses[:3] == [200, 200, 200]
        assert statuses[3:] == [429, 429]
        limited = requests.get(county.api("/ledger/head"), headers=who.headers, timeout=5)
        assert limited.json()["code"] == "rate_limited"
        assert int(limited.headers["Retry-After"]) >= 1

        revoked = cli(database_url, "revoke", station_code)
        assert revoked.returncode == 0, revoked.stderr
        assert upload(county.api(""), who, first).json()["code"] == "revoked"

        reissued = cli(database_url, "reissue", station_code)
        assert reissued.returncode == 0, reissued.stderr
        assert codes_of(reissued.stdout)[0] == station_code
        again = enrol(county.api(""), codes_of(reissued.stdout)[1], station_id)
        assert again.status_code == 200, again.text
        assert again.json()["held_through"] == 1
        assert enrol(county.api(""), code, station_id).json()["code"] == "enrolment_code_invalid"
    finally:
        stop(process)
    unknown = cli(database_url, "revoke", "nope")
    assert unknown.returncode == 2


def test_failed_enrolments_are_limited_per_client_address(database_url: str, tmp_path: Path):
    codes = [codes_of(cli(database_url, *ADD_ARGS).stdout)[1] for _ in range(4)]
    process, county = start_county(
        database_url, tmp_path / "county.log", "--enrol-burst", "2", "--enrol-rate", "0.01"
    )
    try:
        # Successes give their token back: a training day enrols many stations at once.
        for code in codes[:3]:
            assert enrol(county.api(""), code).status_code == 200
        wrong = [enrol(county.api(""), "WRONG-CODE-0000").status_code for _ in range(2)]
        assert wrong == [403, 403]
        limited = enrol(county.api(""), codes[3])
        assert limited.status_code == 429
        assert limited.json()["code"] == "rate_limited"
        assert int(limited.headers["Retry-After"]) >= 1
        assert requests.get(f"{county.url}/healthz", timeout=5).status_code == 200
    finally:
        stop(process)


ADD_ARGS = (
    "add",
    "--name",
    "李家沟村服务站",
    "--level",
    "village",
    "--division",
    "610305110202",
    "--township",
    "柳林镇",
)
