"""The county service as a real server process on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.county.conftest import county_command, free_port, stop, wait_until_serving


@pytest.fixture
def county_url(tmp_path: Path) -> Iterator[str]:
    """Started the way staff start it: only a data dir and a port."""
    import subprocess

    port = free_port()
    command = county_command("--data-dir", str(tmp_path / "data"), "--port", str(port))
    url = f"http://127.0.0.1:{port}"
    with (
        open(tmp_path / "county.log", "wb") as log,
        subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT) as process,
    ):
        try:
            wait_until_serving(f"{url}/healthz", process, 20)
            assert (tmp_path / "data" / "county.sqlite3").exists()
            yield url
        finally:
            stop(process)


def test_healthz_answers_with_the_protocol_not_a_bare_200(county_url: str):
    response = requests.get(f"{county_url}/healthz", timeout=5)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "service": "county-centre", "protocol": 1}


def test_unknown_paths_are_404(county_url: str):
    assert requests.get(f"{county_url}/nope", timeout=5).status_code == 404
