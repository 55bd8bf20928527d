"""Compile the Qt Linguist sources (resources/i18n/*.ts) into the .qm files the app loads.

Run by bootstrap.sh (so a checkout always has current .qm files) and by the frozen
build; the .qm files are build output and not kept in git.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if found is None:
        found = shutil.which("pyside6-lrelease")
    if found is None:
        raise SystemExit("pyside6-lrelease not found: is PySide6 installed in this env?")
    return found


def main() -> int:
    tool = lrelease()
    for source in sorted(I18N.glob("*.ts")):
        target = source.with_suffix(".qm")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        subprocess.run([tool, "-silent", str(source), "-qm", str(target)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
