"""The English translation is complete, current, and keeps every placeholder."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402

TS = ROOT / "resources" / "i18n" / "village_station_en.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_the_ts_file_lists_exactly_the_messages_in_the_code(tmp_path: Path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    update_translations.run([fresh])
    assert set(_messages(fresh)) == set(_messages(TS)), (
        "run scripts/update_translations.py and translate the new messages"
    )


def test_every_message_is_translated_with_its_placeholders():
    problems = []
    for (context, source), message in _messages(TS).items():
        translation = message.find("translation")
        text = "" if translation is None else (translation.text or "")
        if translation is None or translation.get("type") == "unfinished" or not text:
            problems.append(f"untranslated: {context}: {source}")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"placeholders differ: {context}: {source} -> {text}")
    assert problems == []


@pytest.mark.usefixtures("qapp")
def test_the_compiled_translation_loads_and_translates(tmp_path: Path):
    from PySide6.QtCore import QCoreApplication, QTranslator

    qm = tmp_path / "en.qm"
    subprocess.run(
        [
            update_translations.lupdate().replace("lupdate", "lrelease"),
            "-silent",
            str(TS),
            "-qm",
            str(qm),
        ],
        check=True,
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        text = QCoreApplication.translate("core", "两次输入的密码不一样。")
    finally:
        QCoreApplication.removeTranslator(translator)
    assert text != "两次输入的密码不一样。"
    assert text.isascii()
