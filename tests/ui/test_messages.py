"""Core errors are shown through one helper, translated with their parameters."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from station_app.core.db.models import Role
from station_app.core.errors import PermissionDenied, ValidationError
from station_app.core.permissions import Permission, require
from station_app.ui.messages import ErrorLabel, show_error, user_message


def test_user_message_fills_parameters() -> None:
    error = ValidationError("密码至少要{minimum}位，现在只有{count}位。", minimum=8, count=3)

    assert user_message(error) == "密码至少要8位，现在只有3位。"


def test_user_message_translates_string_parameters() -> None:
    with pytest.raises(PermissionDenied) as refused:
        require(Role.ASSISTANT, Permission.MANAGE_OPERATORS)

    assert user_message(refused.value) == "只有站长可以管理操作员，请让站长登录后操作。"


def test_error_label_shows_and_hides(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    label = ErrorLabel(parent)
    parent.show()
    assert not label.isVisible()

    show_error(ValidationError("请填写姓名。"), label=label)
    assert label.isVisible()
    assert label.text() == "请填写姓名。"

    label.clear_error()
    assert not label.isVisible()


def test_show_error_without_label_goes_through_the_notifier(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []

    show_error(
        ValidationError("请填写姓名。"), parent=parent, notify=lambda _p, text: shown.append(text)
    )

    assert shown == ["请填写姓名。"]
