"""Scan waybills with a webcam, for stations that have one and no hand scanner at hand.

`CameraScanner` emits the same `scanned(str)` as the USB `ScanDetector`, so a page
handles both alike. Capture and decoding run on a worker thread; the GUI thread only
receives results (through a queued signal) and passes them on. A live camera is read
on a second thread into a one-frame mailbox, so when decoding falls behind, old frames
are dropped rather than queued. Without a camera nothing breaks: `camera_unavailable`
says so in words the keeper understands, and the hand scanner keeps working.

The owner calls `stop()` when the page is hidden or closed: it joins the threads and
releases the camera so other programs (or the next start) can open it.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QImage

from station_app.devices.barcode_decode import AnalysisResult, Decoded, FrameAnalyser
from station_app.devices.frames import CameraSource, FrameSource, LatestFrame

logger = logging.getLogger(__name__)

# A camera that gives no frame for this long was unplugged or taken by another program.
CAMERA_LOST_AFTER_S = 3.0
_RETRY_READ_S = 0.02  # between failed reads, so a dead camera does not spin a core
_TAKE_TIMEOUT_S = 0.2  # how often the analysis thread looks up to check for stop()
STOP_TIMEOUT_S = 5.0
STILL_JPEG_QUALITY = 85  # a face and a waybill stay recognisable at ~100 KB per photo

_CODE_BGR = (40, 200, 40)  # a waybill code: green, "this one is fine"
_PRODUCT_BGR = (40, 40, 230)  # a product's EAN-13: red, "not a tracking number"
_OUTLINE_PAD_PX = 6


class _Failure(enum.Enum):
    NOT_FOUND = enum.auto()
    LOST = enum.auto()


@dataclass(frozen=True)
class _Analysed:
    """One analysed frame on its way to the GUI thread."""

    generation: int
    preview: QImage | None
    result: AnalysisResult


def clean_code(text: str) -> str:
    """Drop control characters (GS1 separators), as the USB scanner path does."""
    return "".join(ch for ch in text if ch.isprintable()).strip()


def draw_outlines(frame: np.ndarray, found: list[Decoded]) -> np.ndarray:
    """A BGR copy of `frame` with each code boxed: green for waybills, red for products."""
    bgr = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR) if frame.ndim == 2 else frame.copy()
    for code in found:
        points = np.array(code.polygon, dtype=np.float32).reshape(-1, 2)
        if len(points) == 0:
            continue
        (cx, cy), (w, h), angle = cv2.minAreaRect(points)
        pad = 2 * _OUTLINE_PAD_PX
        box = cv2.boxPoints(((cx, cy), (w + pad, h + pad), angle)).astype(np.int32)
        colour = _PRODUCT_BGR if code.is_product_code else _CODE_BGR
        cv2.polylines(bgr, [box], isClosed=True, color=colour, thickness=3)
    return bgr


def to_qimage(bgr: np.ndarray) -> QImage:
    """A QImage that owns its pixels (safe to hand to another thread)."""
    height, width = bgr.shape[:2]
    data = np.ascontiguousarray(bgr)
    image = QImage(data.data, width, height, data.strides[0], QImage.Format.Format_BGR888)
    return image.copy()


class _StreamWorker:
    """Reads one stream and analyses it; runs on its own thread, touches no QObject."""

    def __init__(
        self,
        source: FrameSource,
        analyser: FrameAnalyser,
        stop: threading.Event,
        publish: Callable[[np.ndarray, AnalysisResult], None],
        fail: Callable[[_Failure], None],
    ) -> None:
        self._source = source
        self._analyser = analyser
        self._stop = stop
        self._publish = publish
        self._fail = fail

    def run(self) -> None:
        if not self._open():
            self._fail(_Failure.NOT_FOUND)
            return
        try:
            if self._source.live:
                self._run_live()
            else:
                self._run_recorded()
        except Exception:
            logger.exception("camera scanning stopped")
            self._fail(_Failure.LOST)
        finally:
            self._source.close()

    def _open(self) -> bool:
        try:
            return self._source.open()
        except (cv2.error, OSError):
            logger.warning("could not open the camera", exc_info=True)
            return False

    def _run_recorded(self) -> None:
        """Every frame in order, at the pace of analysis: nothing to fall behind."""
        while not self._stop.is_set():
            frame = self._source.read()
            if frame is None:
                return
            self._publish(frame, self._analyser.analyse(frame))

    def _run_live(self) -> None:
        mailbox = LatestFrame()
        capture = threading.Thread(
            target=self._capture, args=(mailbox,), name="camera-capture", daemon=True
        )
        capture.start()
        try:
            while not self._stop.is_set() and not mailbox.closed:
                frame = mailbox.take(timeout=_TAKE_TIMEOUT_S)
                if frame is not None:
                    self._publish(frame, self._analyser.analyse(frame))
        finally:
            self._stop.set()
            capture.join()

    def _capture(self, mailbox: LatestFrame) -> None:
        """Drain the camera as fast as it delivers, keeping only the newest frame."""
        failing_since: float | None = None
        try:
            while not self._stop.is_set():
                frame = self._read()
                if frame is not None:
                    failing_since = None
                    mailbox.put(frame)
                    continue
                failing_since = failing_since or time.monotonic()
                if time.monotonic() - failing_since > CAMERA_LOST_AFTER_S:
                    self._fail(_Failure.LOST)
                    return
                self._stop.wait(_RETRY_READ_S)
        finally:
            mailbox.close()

    def _read(self) -> np.ndarray | None:
        try:
            return self._source.read()
        except cv2.error:
            return None


class CameraScanner(QObject):
    """Webcam scanning with the USB scanner's `scanned` signal.

    `source` defaults to the first webcam; tests and benchmarks pass recorded frames.
    Product barcodes (EAN-13) never come out as `scanned`: they come out as
    `product_code_seen`, so the page can say "this is a product code, not a waybill".
    `stream_ended` tells that a recording ran out or the camera went away by itself.
    """

    scanned = Signal(str)
    frame_ready = Signal(QImage)
    camera_unavailable = Signal(str)
    product_code_seen = Signal(str)
    stream_ended = Signal()

    _analysed = Signal(object)
    _failed = Signal(int, object)
    _finished = Signal(int)

    def __init__(
        self,
        source: FrameSource | None = None,
        *,
        analyser_factory: Callable[[], FrameAnalyser] = FrameAnalyser,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source if source is not None else CameraSource(0)
        self._analyser_factory = analyser_factory
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._generation = 0
        # Set while a preview is on its way to the GUI thread: a busy GUI gets the next
        # frame when it is ready for one, never a backlog.
        self._preview_pending = threading.Event()
        # The newest frame as the camera gave it (no outlines), for `still_jpeg`; written
        # by the worker, read by the GUI thread (a reference swap, atomic in Python).
        self._last_frame: np.ndarray | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self._analysed.connect(self._on_analysed, queued)
        self._failed.connect(self._on_failed, queued)
        self._finished.connect(self._on_finished, queued)

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Open the camera and start scanning, without waiting for the camera to open."""
        if self.is_running:
            return
        self._generation += 1
        self._stop = threading.Event()
        self._preview_pending.clear()
        self._last_frame = None
        worker = _StreamWorker(
            self._source,
            self._analyser_factory(),
            self._stop,
            publish=self._make_publisher(self._generation),
            fail=self._make_failer(self._generation),
        )
        generation = self._generation
        self._thread = threading.Thread(
            target=self._run, args=(worker, generation), name="camera-scanner", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> bool:
        """Stop scanning and release the camera; False if the thread did not end in time.

        Results still on their way to the GUI thread are discarded: after `stop()`
        returns, no `scanned` arrives from this run.
        """
        thread, self._thread = self._thread, None
        self._generation += 1
        if thread is None:
            return True
        self._stop.set()
        thread.join(timeout)
        if thread.is_alive():
            logger.error("the camera thread did not stop within %.1f s", timeout)
            return False
        self._last_frame = None
        return True

    def still_jpeg(self, quality: int = STILL_JPEG_QUALITY) -> bytes | None:
        """The newest frame as a JPEG, without outlines; None when not running or no frame yet.

        Encoded here, in the devices layer, so callers (a hand-over photo) get plain bytes.
        """
        frame = self._last_frame
        if frame is None or not self.is_running:
            return None
        ok, encoded = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, quality])
        return encoded.tobytes() if ok else None

    def _run(self, worker: _StreamWorker, generation: int) -> None:
        try:
            worker.run()
        finally:
            self._finished.emit(generation)

    def _make_publisher(self, generation: int) -> Callable[[np.ndarray, AnalysisResult], None]:
        def publish(frame: np.ndarray, result: AnalysisResult) -> None:
            self._last_frame = frame
            preview = None
            if not self._preview_pending.is_set():
                self._preview_pending.set()
                preview = to_qimage(draw_outlines(frame, result.found))
            if preview is not None or result.accepted:
                self._analysed.emit(_Analysed(generation, preview, result))

        return publish

    def _make_failer(self, generation: int) -> Callable[[_Failure], None]:
        return lambda failure: self._failed.emit(generation, failure)

    @Slot(object)
    def _on_analysed(self, item: _Analysed) -> None:
        if item.preview is not None:
            self._preview_pending.clear()
        if item.generation != self._generation:
            return
        if item.preview is not None:
            self.frame_ready.emit(item.preview)
        for text in item.result.accepted:
            code = clean_code(text)
            if item.result.is_product_code(text):
                self.product_code_seen.emit(code)
            elif code:
                self.scanned.emit(code)

    @Slot(int, object)
    def _on_failed(self, generation: int, failure: _Failure) -> None:
        if generation != self._generation:
            return
        if failure is _Failure.NOT_FOUND:
            self.camera_unavailable.emit(self.tr("没有找到摄像头，可以继续用扫码枪。"))
        else:
            self.camera_unavailable.emit(self.tr("摄像头没有画面了，可以继续用扫码枪。"))

    @Slot(int)
    def _on_finished(self, generation: int) -> None:
        if generation == self._generation:
            thread, self._thread = self._thread, None
            if thread is not None:
                # Its last act was to send this signal: joining takes no time, and no
                # thread is left behind for whoever checks after `stream_ended`.
                thread.join(STOP_TIMEOUT_S)
            self.stream_ended.emit()
