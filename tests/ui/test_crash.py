"""An escaped error is logged with its traceback and told to the keeper, once."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from station_app.core import logs
from station_app.core.db.errors import StoreError, StoreProblem
from station_app.ui import crash


def _raise(error: BaseException) -> tuple:
    try:
        raise error
    except BaseException:
        return sys.exc_info()


@pytest.fixture
def log_path(tmp_path: Path) -> Path:
    path = logs.configure(tmp_path)
    assert path is not None
    yield path
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "baseFilename", "") == str(path)]:
        root.removeHandler(handler)
        handler.close()


def test_a_bug_is_logged_and_the_keeper_told_nothing_was_saved(log_path: Path):
    told: list[str] = []
    handler = crash.CrashHandler(told.append, log_path)
    handler(*_raise(RuntimeError("boom in a slot")))
    assert len(told) == 1
    assert "没有保存" in told[0]
    assert str(log_path) in told[0]
    text = log_path.read_text(encoding="utf-8")
    assert "RuntimeError: boom in a slot" in text
    assert "Traceback" in text


def test_an_uncaught_environment_problem_shows_its_own_advice(log_path: Path):
    told: list[str] = []
    crash.CrashHandler(told.append, log_path)(*_raise(StoreError(StoreProblem.DISK_FULL)))
    assert told == ["磁盘空间已满，本次操作没有保存。请删除不需要的文件或换一个数据目录后重试。"]


def test_an_error_while_telling_is_not_told_again(log_path: Path):
    told: list[str] = []
    handler = crash.CrashHandler(
        lambda text: (told.append(text), handler(*_raise(ValueError()))), None
    )
    handler(*_raise(RuntimeError("first")))
    assert len(told) == 1


def test_install_replaces_the_excepthook(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    handler = crash.install(lambda text: None, None)
    assert sys.excepthook is handler


def test_the_message_box_opens_without_blocking(qtbot: QtBot, qapp: QApplication):
    crash.message_box("测试消息")
    box = next(w for w in qapp.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert box.text() == "测试消息"
    box.close()
