"""Nothing is cut off in either language: the longer English labels are the stretch test
(STYLE.md: a layout check with stretched strings catches clipped labels)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSize, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.resources import resources_dir
from station_app.ui.main_window import PAGE_KEYS, MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import build_translations


@pytest.fixture(params=["zh_CN", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    if request.param == "zh_CN":
        yield request.param
        return
    build_translations.main()
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "i18n" / "village_station_en.qm"))
    QCoreApplication.installTranslator(translator)
    yield request.param
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def window(qtbot: QtBot, language: str, set_up_store: Store, keeper: OperatorInfo) -> MainWindow:
    main = MainWindow(set_up_store, keeper)
    qtbot.addWidget(main)
    main.resize(QSize(1366, 768))
    main.show()
    qtbot.waitExposed(main)
    return main


def test_every_navigation_label_fits(window: MainWindow, language: str):
    nav = window.nav
    metrics = nav.fontMetrics()
    room = nav.viewport().width()
    for row in range(nav.count()):
        text = nav.item(row).text()
        assert metrics.horizontalAdvance(text) + 2 * 16 <= room, (language, text)
    if language == "en":
        assert nav.item(0).text() == "Parcels"


def test_every_page_fits_the_keepers_screen(window: MainWindow, language: str):
    area = window.pages.size()
    for key in PAGE_KEYS:
        window.select_page(key)
        hint = window.page(key).minimumSizeHint()
        assert hint.width() <= area.width(), (language, key)
        assert hint.height() <= area.height(), (language, key)
    assert window.minimumSizeHint().width() <= 1366
