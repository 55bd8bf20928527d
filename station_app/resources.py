"""Where the bundled read-only files (sounds, translations) are found.

A source checkout and a PyInstaller build keep `resources/` in different places; asking
here keeps every caller working in both.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder: PyInstaller unpacks it under sys._MEIPASS when frozen."""
    if getattr(sys, "frozen", False):
        return Path(sys._MEIPASS) / "resources"  # type: ignore[attr-defined]
    return Path(__file__).resolve().parents[1] / "resources"


def sound_path(name: str) -> Path:
    """A sound file by its file name, e.g. ``sound_path("success.wav")``."""
    return resources_dir() / "sounds" / name
