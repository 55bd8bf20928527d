"""Refresh the Qt Linguist sources from the code: ``resources/i18n/*.ts``.

Run after changing any user-visible text, then complete the English translations (a
test fails while any message is unfinished or loses a placeholder). Source strings are
Simplified Chinese; the English file is the developers' translation.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_FILES = [ROOT / "resources" / "i18n" / "village_station_en.ts"]
SOURCE_DIRS = [ROOT / "station_app", ROOT / "sync"]


def sources() -> list[Path]:
    return sorted(p for d in SOURCE_DIRS for p in d.rglob("*.py") if "migrations" not in p.parts)


def lupdate() -> str:
    found = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    found = found or shutil.which("pyside6-lupdate")
    if found is None:
        raise SystemExit("pyside6-lupdate not found: is PySide6 installed in this env?")
    return found


def run(ts_files: list[Path]) -> None:
    files = [str(p.relative_to(ROOT)) for p in sources()]
    for ts in ts_files:
        subprocess.run(
            [
                lupdate(),
                "-silent",
                "-no-obsolete",
                "-locations",
                "none",
                *files,
                "-source-language",
                "zh_CN",
                "-target-language",
                "en",
                "-ts",
                str(ts),
            ],
            check=True,
            cwd=ROOT,
        )


if __name__ == "__main__":
    run(TS_FILES)
