"""CameraScanner fed recorded frames and fake cameras: no webcam needed, no sleeps."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from station_app.devices import camera
from station_app.devices.barcode_decode import FrameAnalyser
from station_app.devices.camera import CameraScanner, draw_outlines
from station_app.devices.frames import (
    CameraSource,
    LatestFrame,
    RecordedFrames,
    VideoFileSource,
    read_image,
)

IMAGES = Path(__file__).parent / "camera_images"
NO_CAMERA = "没有找到摄像头，可以继续用扫码枪。"
CAMERA_LOST = "摄像头没有画面了，可以继续用扫码枪。"
WAIT_MS = 20_000


class FakeCamera:
    """A live source: frames on its own clock (about 200 a second) until stopped.

    `frames` is cycled; after `fail_after` reads it gives nothing, like an unplugged
    camera. Records reads and whether it was read after being closed.
    """

    live = True

    def __init__(self, frames: list[np.ndarray], *, fail_after: int | None = None) -> None:
        self.frames = frames
        self.fail_after = fail_after
        self.reads = 0
        self.opened = self.closed = self.read_after_close = False
        self._tick = threading.Event()

    def open(self) -> bool:
        self.opened, self.closed = True, False
        return True

    def read(self) -> np.ndarray | None:
        if self.closed:
            self.read_after_close = True
        self._tick.wait(0.005)  # the camera's frame clock
        self.reads += 1
        if self.fail_after is not None and self.reads > self.fail_after:
            return None
        return self.frames[self.reads % len(self.frames)]

    def close(self) -> None:
        self.closed = True


class FailingSource:
    live = True

    def __init__(self, error: Exception | None = None) -> None:
        self.error = error

    def open(self) -> bool:
        if self.error is not None:
            raise self.error
        return False

    def read(self) -> np.ndarray | None:
        raise AssertionError("read without a successful open")

    def close(self) -> None:
        raise AssertionError("close without a successful open")


@pytest.fixture
def make_scanner(qtbot: QtBot):
    """Scanners that are always stopped at the end of the test."""
    made: list[CameraScanner] = []

    def make(source, **options) -> CameraScanner:
        scanner = CameraScanner(source, **options)
        made.append(scanner)
        return scanner

    yield make
    for scanner in made:
        assert scanner.stop()


def collect(signal) -> list:
    received: list = []
    signal.connect(received.append)
    return received


def image(name: str) -> np.ndarray:
    return read_image(IMAGES / name)


def test_recorded_frames_scan_each_parcel_exactly_once(qtbot: QtBot, make_scanner):
    scanner = make_scanner(RecordedFrames.from_folder(IMAGES / "recorded"))
    scanned = collect(scanner.scanned)
    with qtbot.waitSignal(scanner.stream_ended, timeout=WAIT_MS):
        scanner.start()
    assert scanned == ["SF1234567890123", "YT7512345678901"]
    assert not scanner.is_running


def test_previews_are_qimages_of_the_frame_size(qtbot: QtBot, make_scanner):
    frame = image("code128_sf.png")
    scanner = make_scanner(RecordedFrames([frame] * 5))
    with qtbot.waitSignal(scanner.frame_ready, timeout=WAIT_MS) as blocker:
        scanner.start()
    preview = blocker.args[0]
    assert isinstance(preview, QImage)
    assert (preview.width(), preview.height()) == (1280, 720)


def test_the_preview_outlines_codes_green_and_products_red():
    waybill = image("code128_sf.png")
    product = image("ean13_product.png")
    from station_app.devices.barcode_decode import decode

    def outline_colour(frame: np.ndarray) -> np.ndarray:
        drawn = draw_outlines(frame, decode(frame))
        changed = np.any(drawn != frame, axis=2)
        assert changed.sum() > 500  # a box was drawn
        return np.median(drawn[changed], axis=0)

    b, g, r = outline_colour(waybill)
    assert g > 150
    assert g > max(r, b) + 100
    b, g, r = outline_colour(product)
    assert r > 150
    assert r > max(g, b) + 100


def test_grey_frames_get_a_colour_preview():
    grey = cv2.cvtColor(image("code128_sf.png"), cv2.COLOR_BGR2GRAY)
    assert draw_outlines(grey, []).shape == (720, 1280, 3)


def test_a_product_code_is_reported_apart_and_never_scanned(qtbot: QtBot, make_scanner):
    scanner = make_scanner(RecordedFrames([image("ean13_product.png")] * 4))
    scanned = collect(scanner.scanned)
    products = collect(scanner.product_code_seen)
    with qtbot.waitSignal(scanner.stream_ended, timeout=WAIT_MS):
        scanner.start()
    assert products == ["6901234567892"]
    assert scanned == []


def test_the_chinese_qr_is_scanned_as_written(qtbot: QtBot, make_scanner):
    scanner = make_scanner(RecordedFrames([image("qr_chinese.png")] * 3))
    with qtbot.waitSignal(scanner.scanned, timeout=WAIT_MS) as blocker:
        scanner.start()
    assert blocker.args == ["溯源码：FX-2026-000123 凤翔苹果"]


def test_no_camera_at_that_index(qtbot: QtBot, make_scanner):
    scanner = make_scanner(CameraSource(99))
    with qtbot.waitSignal(scanner.camera_unavailable, timeout=WAIT_MS) as blocker:
        scanner.start()
    assert blocker.args == [NO_CAMERA]
    qtbot.waitUntil(lambda: not scanner.is_running, timeout=WAIT_MS)


@pytest.mark.parametrize("error", [None, cv2.error("no device"), OSError("busy")])
def test_a_source_that_fails_to_open(qtbot: QtBot, make_scanner, error):
    scanner = make_scanner(FailingSource(error))
    scanned = collect(scanner.scanned)
    with qtbot.waitSignal(scanner.camera_unavailable, timeout=WAIT_MS) as blocker:
        scanner.start()
    assert blocker.args == [NO_CAMERA]
    assert scanned == []


def test_a_live_camera_holding_a_parcel_scans_it_once(qtbot: QtBot, make_scanner):
    fake = FakeCamera([image("code128_yt.png")])
    analysers: list[FrameAnalyser] = []

    def analyser() -> FrameAnalyser:
        analysers.append(FrameAnalyser())
        return analysers[-1]

    scanner = make_scanner(fake, analyser_factory=analyser)
    scanned = collect(scanner.scanned)
    previews = collect(scanner.frame_ready)
    with qtbot.waitSignal(scanner.scanned, timeout=WAIT_MS):
        scanner.start()
    qtbot.waitUntil(lambda: analysers[0].frames_analysed >= 30, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(previews) >= 5, timeout=WAIT_MS)
    assert scanned == ["YT7512345678901"]
    # The camera outruns decoding: stale frames were dropped, not queued.
    assert fake.reads > analysers[0].frames_analysed


def test_stop_joins_promptly_and_releases_the_camera(qtbot: QtBot, make_scanner):
    fake = FakeCamera([image("empty_box.png")])
    scanner = make_scanner(fake)
    previews = collect(scanner.frame_ready)
    scanner.start()
    qtbot.waitUntil(lambda: len(previews) >= 2, timeout=WAIT_MS)
    started = time.monotonic()
    assert scanner.stop()
    assert time.monotonic() - started < 1.0
    assert not scanner.is_running
    assert fake.closed
    assert not fake.read_after_close


class SignallingAnalyser(FrameAnalyser):
    """Tells the test thread when it has accepted a code (not yet delivered)."""

    def __init__(self) -> None:
        super().__init__()
        self.accepted_one = threading.Event()

    def analyse(self, frame: np.ndarray):
        result = super().analyse(frame)
        if result.accepted:
            self.accepted_one.set()
        return result


def test_nothing_is_scanned_after_stop(qtbot: QtBot, make_scanner):
    analyser = SignallingAnalyser()
    scanner = make_scanner(
        RecordedFrames([image("code128_sf.png")], loop=True), analyser_factory=lambda: analyser
    )
    scanned = collect(scanner.scanned)
    scanner.start()
    # The scan is accepted on the worker and queued, but not delivered: this thread has
    # not run its event loop since.
    assert analyser.accepted_one.wait(WAIT_MS / 1000)
    assert scanner.stop()
    QCoreApplication.processEvents()
    assert scanned == []


def test_it_scans_again_after_a_restart(qtbot: QtBot, make_scanner):
    scanner = make_scanner(RecordedFrames([image("code128_jt.png")] * 3))
    scanned = collect(scanner.scanned)
    for _ in range(2):
        with qtbot.waitSignal(scanner.stream_ended, timeout=WAIT_MS):
            scanner.start()
    assert scanned == ["JT0001234567890"] * 2


def test_a_camera_that_stops_giving_frames_is_reported(
    qtbot: QtBot, make_scanner, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(camera, "CAMERA_LOST_AFTER_S", 0.2)
    fake = FakeCamera([image("empty_box.png")], fail_after=3)
    scanner = make_scanner(fake)
    with qtbot.waitSignals([scanner.camera_unavailable, scanner.stream_ended], timeout=WAIT_MS):
        scanner.start()
    assert fake.closed
    assert not scanner.is_running


def test_the_mailbox_keeps_only_the_newest_frame():
    mailbox = LatestFrame()
    for value in range(3):
        mailbox.put(np.full((2, 2), value, np.uint8))
    newest = mailbox.take(timeout=0)
    assert newest is not None
    assert newest[0, 0] == 2
    assert mailbox.dropped == 2
    assert mailbox.take(timeout=0) is None
    mailbox.close()
    assert mailbox.take() is None


def test_a_recorded_video_file_scans_like_the_frames(qtbot: QtBot, make_scanner, tmp_path: Path):
    frames = RecordedFrames.from_folder(IMAGES / "recorded").frames
    path = tmp_path / "recorded.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 15, (1280, 720))
    assert writer.isOpened()
    for frame in frames:
        writer.write(frame)
    writer.release()
    scanner = make_scanner(VideoFileSource(path))
    scanned = collect(scanner.scanned)
    with qtbot.waitSignal(scanner.stream_ended, timeout=WAIT_MS):
        scanner.start()
    assert scanned == ["SF1234567890123", "YT7512345678901"]


def test_a_missing_video_file_is_reported_like_a_missing_camera(
    qtbot: QtBot, make_scanner, tmp_path: Path
):
    scanner = make_scanner(VideoFileSource(tmp_path / "none.avi"))
    with qtbot.waitSignal(scanner.camera_unavailable, timeout=WAIT_MS) as blocker:
        scanner.start()
    assert blocker.args == [NO_CAMERA]
