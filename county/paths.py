"""Where the county keeps its data when no database URL is given."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "VillageStationCounty"


def default_data_dir() -> Path:
    """``~/.local/share/VillageStationCounty`` on Linux: apart from any station's data."""
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))
