"""The county service as a real server process on loopback."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
import requests


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_serving(url: str, process: subprocess.Popen, deadline_s: float) -> None:
    """Poll until the server answers (a condition, not a fixed sleep) or give up."""
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if process.poll() is not None:
            raise RuntimeError(f"county-centre exited early with {process.returncode}")
        try:
            requests.get(url, timeout=0.5)
            return
        except requests.ConnectionError:
            time.sleep(0.05)
    raise TimeoutError(url)


@pytest.fixture
def county_url(tmp_path) -> Iterator[str]:
    port = _free_port()
    executable = shutil.which("county-centre")
    command = ([executable] if executable else [sys.executable, "-m", "county.cli"]) + [
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    url = f"http://127.0.0.1:{port}"
    with (
        open(tmp_path / "county.log", "wb") as log,
        subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT) as process,
    ):
        try:
            _wait_until_serving(f"{url}/healthz", process, 20)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_healthz_answers_with_the_protocol_not_a_bare_200(county_url: str):
    response = requests.get(f"{county_url}/healthz", timeout=5)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "service": "county-centre", "protocol": 1}


def test_unknown_paths_are_404(county_url: str):
    assert requests.get(f"{county_url}/nope", timeout=5).status_code == 404
