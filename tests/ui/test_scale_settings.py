"""设置 → 使用设置 → 电子秤: the scale's preferences are saved, and 测试 reads the scale."""

from __future__ import annotations

import shutil

import pytest
from pytestqt.qtbot import QtBot

from station_app.core import preferences
from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.ui.pages.settings import SettingsPage
from tests.devices.serial_pair import socat_pair
from tests.devices.test_qt_scale import start_fake_scale, stop_fake_scale

WAIT_MS = 8000


def _page(qtbot: QtBot, store: Store, operator: OperatorInfo) -> SettingsPage:
    page = SettingsPage(store, operator)
    qtbot.addWidget(page)
    page.setMinimumSize(1100, 650)
    page.show()
    return page


def test_the_scale_settings_are_saved(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, keeper)
    scale = page.preferences_tab.scale
    assert scale.port.currentText() == ""
    assert scale.baud.currentData() == 9600
    assert scale.settle.value() == 5
    scale.port.setEditText("COM3")
    scale.protocol.setCurrentIndex(scale.protocol.findData("toledo-8217"))
    scale.baud.setCurrentIndex(scale.baud.findData(4800))
    scale.settle.setValue(3)

    with qtbot.waitSignal(page.preferences_saved):
        page.preferences_tab.save_button.click()

    with set_up_store.reading() as session:
        assert preferences.get(session, preferences.SCALE_PORT) == "COM3"
        assert preferences.get(session, preferences.SCALE_PROTOCOL) == "toledo-8217"
        assert preferences.get(session, preferences.SCALE_BAUD) == 4800
        assert preferences.get(session, preferences.SCALE_SETTLE_READINGS) == 3


def test_a_port_name_with_spaces_is_refused(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, keeper)
    page.preferences_tab.scale.port.setEditText("COM 3")

    assert not page.preferences_tab.save()

    assert "秤的串口名不对" in page.preferences_tab.error.text()


def test_testing_without_a_port_says_so(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, keeper)  # kept: the widgets die with it
    scale = page.preferences_tab.scale
    scale.test_button.click()
    assert scale.result.text() == "没有填写串口：不接秤时称重只能手工输入。"


def test_testing_a_port_that_is_not_there(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, keeper)  # kept: the widgets die with it
    scale = page.preferences_tab.scale
    scale.port.setEditText("/dev/no-such-scale")
    with qtbot.waitSignal(scale.scale.disconnected, timeout=WAIT_MS):
        scale.test_button.click()
    assert scale.result.text() == "打不开秤的串口 /dev/no-such-scale，请检查设置和连接线"
    assert scale.test_button.isEnabled()
    assert not scale.scale.running


@pytest.mark.skipif(shutil.which("socat") is None, reason="socat is not installed")
def test_testing_the_scale_shows_the_weight(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo
) -> None:
    page = _page(qtbot, set_up_store, keeper)  # kept: the widgets die with it
    scale = page.preferences_tab.scale
    with socat_pair() as (scale_end, station_end, _socat):
        scale.port.setEditText(station_end)
        scale.protocol.setCurrentIndex(scale.protocol.findData("st-gs"))
        with qtbot.waitSignal(scale.scale.connected, timeout=WAIT_MS):
            scale.test_button.click()
        proc = start_fake_scale(scale_end, "st-gs", "US900", "12500")
        try:
            qtbot.waitUntil(scale.test_button.isEnabled, timeout=WAIT_MS)
        finally:
            stop_fake_scale(proc)
    assert scale.result.text() == "秤正常：当前重量 12.5kg（25斤），稳定。"
    assert not scale.scale.running
