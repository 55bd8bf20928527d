"""The webcam panel: live preview with the found code boxed, and the last code read.

Codes read here leave through :attr:`CameraView.scanned`, which the page hands to the
main window's scan delivery: a camera scan then takes the same path as a USB scanner's
(the page in front, nothing while locked). The devices layer decides when a code counts
(read twice in a row, a parcel held in view once), so this widget only shows and relays.

The camera is a shared device and films people, so it runs only while the keeper has
switched it on *and* the panel can be seen: hiding the panel (another page, the lock
screen, the window closing) stops the worker thread and releases the device, and the
keeper switches it on again on purpose. Without a camera the panel says so and the hand
scanner keeps working.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal, Slot
from PySide6.QtGui import QHideEvent, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from station_app.devices.camera import CameraScanner

# The preview is 16:9 like the 1280x720 capture, and gives way to the tabs beside it
# down to the narrower width: at 1366x768 the widest tab (盘点) needs ~890 px of 1190.
PREVIEW_MAX_WIDTH, PREVIEW_MIN_WIDTH = 320, 192
_MARGIN = 6
_TOGGLE_STYLE = "QPushButton:checked { background: #2e7d32; color: white; }"
_PREVIEW_STYLE = "background: #222; color: #eee; border-radius: 4px;"
_CODE_STYLE = "font-size: 14pt; font-weight: bold; color: #2e7d32;"
_PRODUCT_STYLE = "font-size: 12pt; color: #c62828;"


class CameraView(QWidget):
    """The preview panel, shown while the camera is switched on.

    ``toggle_button`` (摄像头) is made here but placed by the owner (the 快递 page puts
    it in its tab bar), so switching on is one click wherever the keeper is.
    ``scanner_factory`` makes the :class:`CameraScanner` on first use; tests pass one
    fed with recorded frames. Signals: ``scanned(str)``, ``running_changed(bool)``.
    """

    scanned = Signal(str)
    running_changed = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        scanner_factory: Callable[[], CameraScanner] | None = None,
    ) -> None:
        super().__init__(parent)
        self.scanner_factory = scanner_factory or _real_scanner
        self._scanner: CameraScanner | None = None
        # Sized to its text, not a big_button: it sits in the tab bar's corner.
        self.toggle_button = QPushButton(self.tr("摄像头"), parent)
        self.toggle_button.setCheckable(True)
        self.toggle_button.setStyleSheet(_TOGGLE_STYLE)
        self.toggle_button.setToolTip(self.tr("打开或关闭摄像头扫码"))
        self.preview = QLabel(self)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.preview.setFixedHeight(_height_for(PREVIEW_MAX_WIDTH))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet(_PREVIEW_STYLE)
        self.last_code = QLabel(self)
        self.last_code.setWordWrap(True)
        self.last_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #c62828;")
        self.notice.hide()
        self._lay_out()
        self.hide()
        self.toggle_button.toggled.connect(self._on_toggled)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.switch_off)

    def _lay_out(self) -> None:
        hint = QLabel(self.tr("把面单条码对准镜头，绿框表示已识别。"), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(_MARGIN, _MARGIN, _MARGIN, _MARGIN)
        layout.addWidget(self.preview)
        layout.addWidget(self.last_code)
        layout.addWidget(self.notice)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.setMinimumWidth(PREVIEW_MIN_WIDTH + 2 * _MARGIN)
        self.setMaximumWidth(PREVIEW_MAX_WIDTH + 2 * _MARGIN)

    def sizeHint(self) -> QSize:
        return QSize(PREVIEW_MAX_WIDTH + 2 * _MARGIN, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the preview 16:9 at whatever width the tabs beside it leave."""
        self.preview.setFixedHeight(_height_for(event.size().width() - 2 * _MARGIN))
        super().resizeEvent(event)

    # --- public API ---------------------------------------------------------------

    @property
    def scanner(self) -> CameraScanner | None:
        """The device worker, once the camera was first switched on."""
        return self._scanner

    @property
    def is_running(self) -> bool:
        return self._scanner is not None and self._scanner.is_running

    def switch_on(self) -> None:
        self.toggle_button.setChecked(True)

    @Slot()
    def switch_off(self) -> None:
        """A Qt slot, so the app's ``aboutToQuit`` lets go of a deleted panel by itself."""
        self.toggle_button.setChecked(False)

    def still_jpeg(self) -> bytes | None:
        """The newest camera frame as JPEG (a hand-over photo), or None."""
        return self._scanner.still_jpeg() if self._scanner is not None else None

    # --- switching ----------------------------------------------------------------

    def _on_toggled(self, on: bool) -> None:
        if on:
            self.show()
            self._start()
        else:
            self._stop()
            self.hide()

    def _start(self) -> None:
        scanner = self._scanner
        if scanner is None:
            scanner = self._scanner = self._make_scanner()
        self.notice.hide()
        self.last_code.clear()
        self.preview.clear()
        self.preview.setText(self.tr("正在打开摄像头…"))
        scanner.start()
        self.running_changed.emit(True)

    def _make_scanner(self) -> CameraScanner:
        scanner = self.scanner_factory()
        scanner.setParent(self)
        scanner.frame_ready.connect(self._show_frame)
        scanner.scanned.connect(self._on_scanned)
        scanner.product_code_seen.connect(self._on_product_code)
        scanner.camera_unavailable.connect(self._on_unavailable)
        scanner.stream_ended.connect(lambda: self.running_changed.emit(False))
        return scanner

    def _stop(self) -> None:
        """Join the worker and release the device before returning."""
        if self._scanner is not None and self._scanner.is_running:
            self._scanner.stop()
            self.running_changed.emit(False)

    def hideEvent(self, event: QHideEvent) -> None:
        """Hidden with its page, the lock screen or the window: the camera goes off."""
        self.switch_off()
        super().hideEvent(event)

    # --- what the camera reports --------------------------------------------------

    def _show_frame(self, image: QImage) -> None:
        """Scaled here, on arrival: previews come only as fast as the GUI takes them."""
        pixmap = QPixmap.fromImage(image).scaled(
            self.preview.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.preview.setPixmap(pixmap)

    def _on_scanned(self, code: str) -> None:
        self.last_code.setStyleSheet(_CODE_STYLE)
        self.last_code.setText(self.tr("识别到：{code}").format(code=code))
        self.scanned.emit(code)

    def _on_product_code(self, code: str) -> None:
        self.last_code.setStyleSheet(_PRODUCT_STYLE)
        self.last_code.setText(self.tr("{code} 是商品条码，不是快递单号。").format(code=code))

    def _on_unavailable(self, text: str) -> None:
        self.preview.clear()
        self.preview.setText(self.tr("没有画面"))
        self.notice.setText(text)
        self.notice.show()


def _height_for(width: int) -> int:
    return round(width * 9 / 16)


def _real_scanner() -> CameraScanner:
    """The webcam scanner, imported on first use: OpenCV and NumPy add 33 MiB to the
    app's memory, which every keeper would pay for a camera most never switch on."""
    from station_app.devices.camera import CameraScanner

    return CameraScanner()
