"""Frame sources for UI tests: recorded frames from tests/devices, no webcam needed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

from station_app.devices.camera import CameraScanner
from station_app.devices.frames import FrameSource, RecordedFrames, read_image

IMAGES = Path(__file__).resolve().parents[1] / "devices" / "camera_images"
NO_CAMERA = "没有找到摄像头，可以继续用扫码枪。"
WAIT_MS = 20_000


def frame(name: str) -> np.ndarray:
    return read_image(IMAGES / name)


def recorded(*names: str, repeat: int = 1) -> RecordedFrames:
    """Each named frame ``repeat`` times in a row: a parcel held in view that long."""
    return RecordedFrames([frame(name) for name in names for _ in range(repeat)])


class FakeCamera:
    """A live source that shows the same frame about 30 times a second until stopped,
    and records whether it was opened, closed, and read after closing."""

    live = True

    def __init__(self, image: np.ndarray) -> None:
        self.image = image
        self.opened = self.closed = self.read_after_close = False
        self._tick = threading.Event()

    def open(self) -> bool:
        self.opened, self.closed = True, False
        return True

    def read(self) -> np.ndarray | None:
        if self.closed:
            self.read_after_close = True
        self._tick.wait(0.03)  # the camera's frame clock
        return self.image

    def close(self) -> None:
        self.closed = True


class NoCamera:
    """What ``CameraSource`` is on a PC without a webcam: nothing opens."""

    live = True

    def open(self) -> bool:
        return False

    def read(self) -> np.ndarray | None:
        raise AssertionError("read without a camera")

    def close(self) -> None:
        raise AssertionError("close without a camera")


def scanner_of(source: FrameSource) -> Callable[[], CameraScanner]:
    """A ``CameraView.scanner_factory`` reading ``source``."""
    return lambda: CameraScanner(source)


def camera_threads_alive() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("camera-")]
