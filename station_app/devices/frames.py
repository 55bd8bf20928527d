"""Where camera frames come from: a webcam, or recorded frames for tests and benchmarks.

No Qt here. `CameraScanner` reads any `FrameSource`, so the tests feed it image files and
recordings exactly as a webcam would feed it, without a camera on the test machine.
`LatestFrame` is the hand-over between a live camera and the analyser: it keeps only the
newest frame, so when decoding falls behind the keeper sees and scans what is in front
of the camera now, not what was there a second ago.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

# A webcam's usual mode, and the size the analyser is benchmarked at (>= 15 frames/s).
CAPTURE_WIDTH, CAPTURE_HEIGHT = 1280, 720
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp"})


class FrameSource(Protocol):
    """A stream of BGR (or grey) frames.

    `live` sources (cameras) produce frames on their own clock whether or not anyone
    keeps up, so stale frames are dropped; recorded sources are read at the pace of
    analysis, every frame, which keeps tests deterministic.
    """

    live: bool

    def open(self) -> bool:
        """Start the stream; False when there is nothing to read (no camera)."""
        ...

    def read(self) -> np.ndarray | None:
        """The next frame; None for a camera hiccup or the end of a recording."""
        ...

    def close(self) -> None:
        """Give the device back, so another program (or the next start) can open it."""
        ...


def _default_api() -> int:
    # Media Foundation, OpenCV's default on Windows, can take seconds to open a webcam;
    # DirectShow opens the same cameras at once.
    return cv2.CAP_DSHOW if sys.platform == "win32" else cv2.CAP_ANY


class CameraSource:
    """A webcam through `cv2.VideoCapture`, asked for 1280x720."""

    live = True

    def __init__(self, index: int = 0, *, api_preference: int | None = None) -> None:
        self.index = index
        self._api = _default_api() if api_preference is None else api_preference
        self._capture: cv2.VideoCapture | None = None

    def open(self) -> bool:
        capture = cv2.VideoCapture(self.index, self._api)
        if not capture.isOpened():
            capture.release()
            return False
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, CAPTURE_WIDTH)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, CAPTURE_HEIGHT)
        # The driver's own queue would hand out old frames; we keep the newest ourselves.
        capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        self._capture = capture
        return True

    def read(self) -> np.ndarray | None:
        if self._capture is None:
            return None
        ok, frame = self._capture.read()
        return frame if ok else None

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None


class RecordedFrames:
    """Frames held in memory, read once in order (or forever with `loop`)."""

    live = False

    def __init__(self, frames: Sequence[np.ndarray], *, loop: bool = False) -> None:
        self.frames = list(frames)
        self.loop = loop
        self._position = 0

    @classmethod
    def from_files(cls, paths: Iterable[Path], *, loop: bool = False) -> RecordedFrames:
        """Image files, in the order given, as a camera would have delivered them."""
        return cls([read_image(p) for p in paths], loop=loop)

    @classmethod
    def from_folder(cls, folder: Path, *, loop: bool = False) -> RecordedFrames:
        """Every image in `folder`, in file-name order."""
        paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        return cls.from_files(paths, loop=loop)

    def open(self) -> bool:
        self._position = 0
        return bool(self.frames)

    def read(self) -> np.ndarray | None:
        if self.loop and self._position >= len(self.frames):
            self._position = 0
        if self._position >= len(self.frames):
            return None
        frame = self.frames[self._position]
        self._position += 1
        return frame

    def close(self) -> None:
        self._position = len(self.frames)


class VideoFileSource:
    """A recorded video file, every frame in order."""

    live = False

    def __init__(self, path: Path) -> None:
        self.path = path
        self._capture: cv2.VideoCapture | None = None

    def open(self) -> bool:
        capture = cv2.VideoCapture(str(self.path))
        if not capture.isOpened():
            capture.release()
            return False
        self._capture = capture
        return True

    def read(self) -> np.ndarray | None:
        if self._capture is None:
            return None
        ok, frame = self._capture.read()
        return frame if ok else None

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None


def read_image(path: Path) -> np.ndarray:
    """An image file as a BGR frame; grey files come back as BGR too, like a camera's."""
    # imdecode instead of imread: imread cannot open non-ASCII paths on Windows.
    frame = cv2.imdecode(np.fromfile(path, dtype=np.uint8), cv2.IMREAD_COLOR)
    if frame is None:
        raise ValueError(f"not an image: {path}")
    return frame


class LatestFrame:
    """A one-frame mailbox between a capture thread and an analysis thread.

    `put` replaces whatever was waiting: a frame nobody analysed in time is worthless,
    and a queue of them would only add latency. `dropped` counts the replaced frames.
    """

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._frame: np.ndarray | None = None
        self._closed = False
        self.dropped = 0

    def put(self, frame: np.ndarray) -> None:
        with self._condition:
            if self._frame is not None:
                self.dropped += 1
            self._frame = frame
            self._condition.notify()

    def take(self, timeout: float | None = None) -> np.ndarray | None:
        """The newest frame, waiting for one; None once closed or after `timeout`."""
        with self._condition:
            self._condition.wait_for(lambda: self._frame is not None or self._closed, timeout)
            frame, self._frame = self._frame, None
            return None if self._closed else frame

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Wake a waiting `take` for good: the stream is over."""
        with self._condition:
            self._closed = True
            self._condition.notify_all()
