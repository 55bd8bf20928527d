"""The camera panel in the main window: scans like the USB scanner, off when not seen.

Recorded frames from tests/devices stand in for the webcam; waits are on signals and
conditions, never sleeps.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from station_app.core.operators import OperatorInfo
from station_app.core.store import Store
from station_app.devices.sound import SoundPlayer
from station_app.ui.camera_view import CameraView
from station_app.ui.main_window import MainWindow
from station_app.ui.pages.parcels import ParcelsPage
from tests.ui.camera_fakes import (
    NO_CAMERA,
    WAIT_MS,
    FakeCamera,
    NoCamera,
    camera_threads_alive,
    frame,
    recorded,
    scanner_of,
)

SF = "SF1234567890123"


@pytest.fixture
def played() -> list[str]:
    return []


@pytest.fixture
def window(
    qtbot: QtBot, set_up_store: Store, keeper: OperatorInfo, played: list[str]
) -> Iterator[MainWindow]:
    player = SoundPlayer(lambda path: played.append(Path(path).name))
    main = MainWindow(set_up_store, keeper, sound_player=player)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    assert camera_threads_alive() == []


def _page(window: MainWindow) -> ParcelsPage:
    page = window.page("parcels")
    assert isinstance(page, ParcelsPage)
    return page


def _run_to_the_end(qtbot: QtBot, camera: CameraView) -> None:
    """Switch on and wait for the recording to run out."""
    with qtbot.waitSignal(
        camera.running_changed, check_params_cb=lambda running: not running, timeout=WAIT_MS
    ):
        camera.toggle_button.click()


def _counting_scans(page: ParcelsPage) -> list[str]:
    """The codes the 入库 tab is handed, while it still handles them itself."""
    received: list[str] = []
    tab = page.checkin_tab
    handle = tab.handle_scan

    def counted(code: str) -> None:
        received.append(code)
        handle(code)

    tab.handle_scan = counted  # type: ignore[method-assign]
    return received


def test_a_waybill_held_in_view_reaches_checkin_once(qtbot: QtBot, window: MainWindow):
    page = _page(window)
    page.camera.scanner_factory = scanner_of(recorded("empty_box.png", "code128_sf.png", repeat=8))
    received = _counting_scans(page)

    _run_to_the_end(qtbot, page.camera)

    assert received == [SF]
    pending = page.checkin_tab.pending
    assert pending is not None
    assert pending.tracking_number == SF
    assert SF in page.camera.last_code.text()
    assert not page.camera.preview.pixmap().isNull()  # the preview showed frames


def test_camera_scans_go_through_the_main_window_like_the_scanner(
    qtbot: QtBot, window: MainWindow, played: list[str]
):
    """Two parcels one after the other: two scans, in order, by the window's delivery."""
    page = _page(window)
    page.camera.scanner_factory = scanner_of(
        recorded("code128_sf.png", "empty_box.png", "code128_yt.png", repeat=4)
    )
    delivered: list[str] = []
    deliver = window.deliver_scan

    def spy(code: str) -> bool:
        delivered.append(code)
        return deliver(code)

    window.deliver_scan = spy  # type: ignore[method-assign]
    _run_to_the_end(qtbot, page.camera)

    assert delivered == [SF, "YT7512345678901"]
    pending = page.checkin_tab.pending  # the second scan shelved the first
    assert pending is not None
    assert pending.tracking_number == "YT7512345678901"
    assert page.checkin_tab.model.rowCount() == 1


def test_a_product_code_is_shown_as_one_and_not_scanned(qtbot: QtBot, window: MainWindow):
    page = _page(window)
    page.camera.scanner_factory = scanner_of(recorded("ean13_product.png", repeat=4))
    received = _counting_scans(page)

    _run_to_the_end(qtbot, page.camera)

    assert received == []
    assert "商品条码" in page.camera.last_code.text()


def test_without_a_camera_the_panel_says_so_and_the_scanner_still_works(
    qtbot: QtBot, window: MainWindow
):
    page = _page(window)
    page.camera.scanner_factory = scanner_of(NoCamera())
    _run_to_the_end(qtbot, page.camera)

    assert page.camera.isVisible()
    assert page.camera.notice.isVisible()
    assert page.camera.notice.text() == NO_CAMERA
    assert not page.camera.is_running
    page.handle_scan(SF)  # the USB scanner's way in
    assert page.checkin_tab.pending is not None


def _switched_on(qtbot: QtBot, window: MainWindow) -> tuple[CameraView, FakeCamera]:
    page = _page(window)
    fake = FakeCamera(frame("empty_box.png"))
    page.camera.scanner_factory = scanner_of(fake)
    page.camera.switch_on()
    qtbot.waitUntil(lambda: not page.camera.preview.pixmap().isNull(), timeout=WAIT_MS)
    assert page.camera.is_running
    assert camera_threads_alive()
    return page.camera, fake


def _assert_off(camera: CameraView, fake: FakeCamera) -> None:
    assert not camera.is_running
    assert camera_threads_alive() == []  # joined, not left to wind down
    assert fake.closed  # the device is free for the next start or another program
    assert not fake.read_after_close
    assert not camera.toggle_button.isChecked()


def test_another_page_stops_the_camera(qtbot: QtBot, window: MainWindow):
    camera, fake = _switched_on(qtbot, window)
    window.select_page("settings")
    _assert_off(camera, fake)

    window.select_page("parcels")
    assert not camera.isVisible()  # back off: the keeper switches it on again on purpose
    assert not camera.is_running


def test_locking_stops_the_camera(qtbot: QtBot, window: MainWindow):
    camera, fake = _switched_on(qtbot, window)
    window.lock()
    _assert_off(camera, fake)


def test_closing_the_window_stops_the_camera(qtbot: QtBot, window: MainWindow):
    camera, fake = _switched_on(qtbot, window)
    window.close()
    _assert_off(camera, fake)


def test_switching_off_and_on_again(qtbot: QtBot, window: MainWindow):
    camera, fake = _switched_on(qtbot, window)
    camera.toggle_button.click()
    _assert_off(camera, fake)
    assert not camera.isVisible()

    camera.toggle_button.click()
    qtbot.waitUntil(lambda: camera.still_jpeg() is not None, timeout=WAIT_MS)
    assert fake.opened
    assert not fake.closed


def test_the_panel_leaves_the_tabs_their_room(qtbot: QtBot, window: MainWindow):
    """At the keepers' 1366x768 no tab is squeezed below its minimum beside the preview,
    the switch sits whole in the tab bar's corner, and the preview keeps 16:9."""
    camera, _fake = _switched_on(qtbot, window)
    page = _page(window)
    assert page.tabs.width() >= page.tabs.minimumSizeHint().width()
    switch = camera.toggle_button.geometry()
    assert page.tabs.tabBar().geometry().right() < switch.left()
    assert switch.right() <= page.tabs.width()
    assert camera.geometry().right() <= page.width()
    preview = camera.preview.size()
    assert preview.width() >= 192
    assert abs(preview.width() * 9 / 16 - preview.height()) <= 1
