"""取件拍照 on the 取件 tab: a still from the camera kept with the hand-over, or none."""

from __future__ import annotations

import errno
import hashlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station_app.core import ledger
from station_app.core.db.models import LedgerEntry, ParcelStatus
from station_app.core.db.photo_models import PickupPhoto
from station_app.core.operators import OperatorInfo
from station_app.core.parcels import handover, photos
from station_app.core.parcels.views import ParcelView
from station_app.core.store import Store
from station_app.ui.pages.parcels import ParcelsPage
from station_app.ui.pages.parcels.pickup import PickupTab
from tests.ui.camera_fakes import WAIT_MS, FakeCamera, camera_threads_alive, frame, scanner_of
from tests.ui.parcels.conftest import shelve

A = "YT1000000000001"


@pytest.fixture
def camera_page(page: ParcelsPage) -> Iterator[ParcelsPage]:
    """The 快递 page with a fake webcam (a parcel on the counter) behind its camera switch."""
    page.camera.scanner_factory = scanner_of(FakeCamera(frame("empty_box.png")))
    yield page
    page.camera.switch_off()
    assert camera_threads_alive() == []


def _find(qtbot: QtBot, page: ParcelsPage, text: str) -> PickupTab:
    page.tabs.setCurrentWidget(page.pickup_tab)
    tab = page.pickup_tab
    qtbot.keyClicks(tab.search, text)
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    return tab


def _camera_on(qtbot: QtBot, page: ParcelsPage) -> None:
    page.camera.toggle_button.click()
    qtbot.waitUntil(lambda: page.camera.still_jpeg() is not None, timeout=WAIT_MS)


def _picked_up_payloads(store: Store) -> list[dict]:
    with store.reading() as session:
        rows = session.scalars(select(LedgerEntry).where(LedgerEntry.type == "parcel.picked_up"))
        return [ledger.payload_of(row) for row in rows]


def _photo_rows(store: Store) -> list[PickupPhoto]:
    with store.reading() as session:
        return list(session.scalars(select(PickupPhoto)))


def _photo_files(store: Store) -> list:
    folder = store.data_dir / "photos"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def _status(store: Store, tracking: str) -> ParcelStatus:
    with store.reading() as session:
        return handover.find(session, tracking)[0].status


def test_the_photo_button_needs_the_camera(
    qtbot: QtBot, camera_page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
):
    parcel = shelve(set_up_store, keeper, A, "13812341234")
    tab = _find(qtbot, camera_page, parcel.pickup_code)
    assert not tab.photo.take_button.isEnabled()

    _camera_on(qtbot, camera_page)
    assert tab.photo.take_button.isEnabled()
    camera_page.camera.toggle_button.click()
    assert not tab.photo.take_button.isEnabled()


def test_a_photo_is_kept_with_the_hand_over_and_its_hash_on_the_ledger(
    qtbot: QtBot, camera_page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
):
    parcel = shelve(set_up_store, keeper, A, "13812341234")
    tab = _find(qtbot, camera_page, parcel.pickup_code)
    _camera_on(qtbot, camera_page)

    tab.photo.take_button.click()
    assert tab.photo.thumbnail.isVisible()
    assert not tab.photo.thumbnail.pixmap().isNull()
    with qtbot.waitSignal(tab.changed):
        tab.hand_over_button.click()

    [file] = _photo_files(set_up_store)
    assert file.read_bytes().startswith(b"\xff\xd8")  # a JPEG
    [payload] = _picked_up_payloads(set_up_store)
    assert payload["photo_sha256"] == hashlib.sha256(file.read_bytes()).hexdigest()
    [row] = _photo_rows(set_up_store)
    assert row.parcel_uid == parcel.uid
    assert (set_up_store.data_dir / row.path) == file
    assert tab.photo.jpeg() is None  # the next villager starts without it
    assert not tab.photo.thumbnail.isVisible()


def test_without_a_photo_the_hand_over_is_as_before(
    qtbot: QtBot, camera_page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
):
    parcel = shelve(set_up_store, keeper, A, "13812341234")
    tab = _find(qtbot, camera_page, parcel.pickup_code)
    tab.hand_over_button.click()

    assert _status(set_up_store, A) is ParcelStatus.PICKED_UP
    [payload] = _picked_up_payloads(set_up_store)
    assert "photo_sha256" not in payload
    assert _photo_files(set_up_store) == []


def test_a_new_search_or_the_delete_button_drops_the_photo(
    qtbot: QtBot, camera_page: ParcelsPage, set_up_store: Store, keeper: OperatorInfo
):
    parcel = shelve(set_up_store, keeper, A, "13812341234")
    tab = _find(qtbot, camera_page, parcel.pickup_code)
    _camera_on(qtbot, camera_page)
    tab.photo.take_button.click()
    tab.photo.drop_button.click()
    assert tab.photo.jpeg() is None

    tab.photo.take_button.click()
    tab.search.clear()
    _find(qtbot, camera_page, "1234")
    assert tab.photo.jpeg() is None


@pytest.fixture
def on_shelf(set_up_store: Store, keeper: OperatorInfo) -> ParcelView:
    return shelve(set_up_store, keeper, A, "13812341234")


def test_a_full_disk_keeps_no_photo_and_the_keeper_can_go_on_without(
    qtbot: QtBot,
    camera_page: ParcelsPage,
    set_up_store: Store,
    on_shelf: ParcelView,
    played: list[str],
):
    tab = _find(qtbot, camera_page, on_shelf.pickup_code)
    _camera_on(qtbot, camera_page)
    tab.photo.take_button.click()

    def disk_full(_fd: int) -> None:  # the bytes are in the temporary file by now
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.MonkeyPatch.context() as patch, qtbot.assertNotEmitted(tab.changed):
        patch.setattr(photos.os, "fsync", disk_full)
        tab.hand_over_button.click()

    assert "磁盘空间已满" in tab.message.text()
    assert "不带照片" in tab.message.text()
    assert played[-1] == "error.wav"
    assert _status(set_up_store, A) is ParcelStatus.ON_SHELF
    assert _photo_rows(set_up_store) == []
    assert _photo_files(set_up_store) == []  # no temporary file either
    assert tab.photo.jpeg() is None

    with qtbot.waitSignal(tab.changed):  # the keeper decides: hand over without the photo
        tab.hand_over_button.click()
    assert _status(set_up_store, A) is ParcelStatus.PICKED_UP
    [payload] = _picked_up_payloads(set_up_store)
    assert "photo_sha256" not in payload
