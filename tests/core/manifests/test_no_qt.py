"""The manifests core imports no Qt: it runs headless, and on the county's server later."""

from __future__ import annotations

import subprocess
import sys


def test_the_manifests_core_imports_no_qt():
    modules = ", ".join(
        f"station_app.core.manifests.{name}"
        for name in ("routes", "receiving", "sorting", "dispatch", "files", "reconcile")
    )
    code = (
        f"import sys, {modules}; "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr or "the manifests core imports PySide6"
