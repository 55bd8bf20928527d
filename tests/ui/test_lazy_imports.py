"""Heavy libraries load only when their feature is used, not at every start."""

from __future__ import annotations

import subprocess
import sys


def test_the_main_window_starts_without_opencv_numpy_or_zbar() -> None:
    code = (
        "import sys\n"
        "import station_app.ui.app, station_app.ui.main_window\n"
        "print(sorted(m for m in ('cv2', 'numpy', 'pyzbar') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"
