"""The core, sync and county packages import no Qt: they run headless and on a server."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "station_app.core.store",
        "station_app.core.first_run",
        "station_app.core.operators",
        "station_app.core.preferences",
        "station_app.core.money",
        "station_app.core.couriers",
        "station_app.core.parcels.checkin",
        "station_app.core.parcels.photos",
        "station_app.core.weight",
        "sync.protocol",
        "sync.events",
        "sync.client",
        "sync.enrol_link",
        "station_app.demo_county",
        "county.app",
        "county.api",
        "county.cli",
        "county.ingest",
    ],
)
def test_no_qt_outside_ui_and_devices(module: str):
    code = (
        f"import sys, {module}; "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr or f"{module} imports PySide6"
