"""取件拍照: an optional still from the webcam, kept with the next hand-over.

The photo belongs to the villager now at the counter, so it is dropped with the search
(a new villager) and after the hand-over; it lives only in memory until the hand-over
saves it. Taking one is a choice the keeper makes: without a camera, or after a failed
save, the hand-over goes ahead without it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from station_app.ui.camera_view import CameraView
from station_app.ui.widgets import big_button

THUMB_WIDTH, THUMB_HEIGHT = 64, 36


class PhotoBar(QWidget):
    """拍照 while the camera is on; a thumbnail and 删除照片 while a photo is held.

    Hidden otherwise, so a station without a webcam sees the 取件 tab as it always was.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._camera: CameraView | None = None
        self._jpeg: bytes | None = None
        self.take_button = big_button(self.tr("拍照"), self)
        self.take_button.setToolTip(self.tr("拍一张取件照片，确认取件时和取件记录一起保存"))
        self.drop_button = QPushButton(self.tr("删除照片"), self)
        self.thumbnail = QLabel(self)
        self.thumbnail.setFixedSize(THUMB_WIDTH, THUMB_HEIGHT)
        self.status = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.take_button)
        layout.addWidget(self.thumbnail)
        layout.addWidget(self.drop_button)
        layout.addWidget(self.status)
        self.take_button.clicked.connect(self.take)
        self.drop_button.clicked.connect(self.clear)
        self._show_held()

    def set_camera(self, camera: CameraView) -> None:
        self._camera = camera
        camera.running_changed.connect(lambda _running: self._show_held())
        self._show_held()

    def jpeg(self) -> bytes | None:
        """The photo to keep with the hand-over, if one was taken."""
        return self._jpeg

    def take(self) -> None:
        still = self._camera.still_jpeg() if self._camera is not None else None
        if still is None:
            self.status.setText(self.tr("摄像头还没有画面，请稍等再拍。"))
            return
        self._jpeg = still
        self._show_held()

    def clear(self) -> None:
        self._jpeg = None
        self._show_held()

    def _show_held(self) -> None:
        """Shown while the camera runs or a photo is held: no clutter without a camera."""
        held = self._jpeg is not None
        running = self._camera is not None and self._camera.is_running
        self.take_button.setEnabled(running)
        self.setVisible(running or held)
        self.thumbnail.setVisible(held)
        self.drop_button.setVisible(held)
        if self._jpeg is None:
            self.thumbnail.clear()
            self.status.clear()
            return
        image = QImage.fromData(self._jpeg, "JPG")
        self.thumbnail.setPixmap(
            QPixmap.fromImage(image).scaled(
                self.thumbnail.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.status.setText(self.tr("已拍照"))
