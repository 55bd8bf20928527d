"""设置 → 通知: saved and read back, the key masked once saved, bad input refused with
nothing written, and a test SMS sent off the GUI thread to the real fake gateway."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station_app.core.db.models import LedgerEntry
from station_app.core.db.notification_models import Channel
from station_app.core.notifications.gateway_config import AuthKind
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.controllers.notifications import NotificationsController
from station_app.ui.pages.settings import SettingsPage
from station_app.ui.pages.settings_notifications import NotificationSettingsTab
from tests.ui import notifications_support as support

fake_gateway = support.fake_gateway


@pytest.fixture
def tab(qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo) -> NotificationSettingsTab:
    shown = NotificationSettingsTab(NotificationsController(set_up_store, keeper))
    qtbot.addWidget(shown)
    shown.setMinimumSize(1150, 650)
    shown.show()
    return shown


def _fill(tab: NotificationSettingsTab, url: str, secret: str = support.SECRET) -> None:
    tab.channel.setCurrentIndex(tab.channel.findData(Channel.SMS.value))
    tab.url.setText(url)
    tab.auth_kind.setCurrentIndex(tab.auth_kind.findData(AuthKind.HEADER.value))
    tab.auth_name.setText("X-Api-Key")
    tab.secret.setText(secret)
    tab.template.setPlainText(support.TEMPLATE)


def _texts(widget: NotificationSettingsTab) -> str:
    edits = [edit.text() for edit in widget.findChildren(QLineEdit)]
    labels = [label.text() for label in widget.findChildren(QLabel)]
    places = [edit.placeholderText() for edit in widget.findChildren(QLineEdit)]
    return "\n".join(edits + labels + places)


def test_settings_are_saved_read_back_and_the_key_is_masked(
    qtbot: QtBot, tab: NotificationSettingsTab, set_up_store: Store, keeper: OperatorInfo
) -> None:
    _fill(tab, "https://sms.example.cn/api/send")
    with qtbot.waitSignal(tab.saved):
        tab.save_button.click()
    assert tab.notice.text() == "通知设置已保存。"
    assert tab.secret.text() == ""  # never shown again
    assert "已保存" in tab.secret.placeholderText()
    assert support.SECRET not in _texts(tab)

    again = NotificationSettingsTab(NotificationsController(set_up_store, keeper))
    qtbot.addWidget(again)
    assert again.url.text() == "https://sms.example.cn/api/send"
    assert again.auth_kind.currentData() == AuthKind.HEADER.value
    assert again.auth_name.text() == "X-Api-Key"
    assert json.loads(again.template.toPlainText().replace("{phone}", "1").replace("{text}", "t"))
    assert again.secret_state.text() == "已保存"
    assert support.SECRET not in _texts(again)
    assert NotificationsController(set_up_store, keeper).gateway().secret == support.SECRET
    with set_up_store.reading() as session:
        payloads = " ".join(session.scalars(select(LedgerEntry.payload)))
    assert support.SECRET not in payloads

    again.url.setText("https://sms.example.cn/v2/send")  # the key field left empty: kept
    with qtbot.waitSignal(again.saved):
        again.save_button.click()
    assert NotificationsController(set_up_store, keeper).gateway().secret == support.SECRET


def test_bad_settings_say_why_in_chinese_and_nothing_is_written(
    tab: NotificationSettingsTab, set_up_store: Store, keeper: OperatorInfo
) -> None:
    _fill(tab, "https://sms.example.cn/api/send")
    tab.template.setPlainText('{"mobile": "{phone}"}')
    tab.save_button.click()
    assert tab.error.isVisible()
    assert "{phone}" in tab.error.text()
    assert "{text}" in tab.error.text()
    _fill(tab, "sms.example.cn")
    tab.save_button.click()
    assert "http://" in tab.error.text()
    saved = NotificationsController(set_up_store, keeper).gateway()
    assert saved.url == ""
    assert saved.secret == ""


def test_a_test_sms_reaches_the_fake_gateway_without_blocking(
    qtbot: QtBot, tab: NotificationSettingsTab, fake_gateway
) -> None:
    gateway = fake_gateway("ok")
    _fill(tab, gateway.url)  # not saved: the test uses the screen's settings
    tab.test_phone.setText("138 1234 5678")
    with qtbot.waitSignal(tab.trial.succeeded, timeout=20_000):
        tab.test_button.click()
        assert not tab.test_button.isEnabled()  # the click returned while it was sending
    assert "测试短信已发出" in tab.test_result.text()
    assert tab.test_button.isEnabled()
    [request] = gateway.received()
    body = json.loads(request["body"])
    assert body["mobile"] == support.PHONE
    assert body["content"].startswith("【柳林镇胡家庄村服务站】这是一条测试短信")
    assert request["headers"]["X-Api-Key"] == support.SECRET


def test_a_dead_gateway_and_a_bad_number_are_explained(
    qtbot: QtBot, tab: NotificationSettingsTab, fake_gateway
) -> None:
    gateway = fake_gateway("ok")
    gateway.stop()
    _fill(tab, gateway.url)
    tab.test_phone.setText("5678")
    with qtbot.waitSignal(tab.trial.failed, timeout=20_000):
        tab.test_button.click()
    assert "11位手机号" in tab.test_result.text()
    tab.test_phone.setText(support.PHONE)
    with qtbot.waitSignal(tab.trial.failed, timeout=20_000):
        tab.test_button.click()
    assert tab.test_result.text() == "测试短信没有发出：连不上短信网关（可能没有网络）"


def test_the_tab_sits_in_settings_and_an_assistant_cannot_change_it(
    qtbot: QtBot, set_up_store: Store, assistant: OperatorInfo
) -> None:
    page = SettingsPage(set_up_store, assistant)
    qtbot.addWidget(page)
    assert page.tabs.tabText(page.tabs.indexOf(page.notifications_tab)) == "通知"
    assert not page.notifications_tab.save_button.isEnabled()
    assert not page.notifications_tab.test_button.isEnabled()
    assert not page.notifications_tab.url.isEnabled()
