"""Labels at check-in: print after each commit when 入库后打印标签 is ticked, 补打 the
selected row (Ctrl+P), and one line saying how the last label went.

A label is a convenience, the check-in is the record: labels print after the parcel is
committed and shown, one per turn of the event loop, so a burst of scans is never held
up by a printer, and a missing or failing printer costs a message, never a parcel.
"""

from __future__ import annotations

import logging
from collections import deque

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QTableView, QWidget

from station_app.core.errors import PermissionDenied
from station_app.core.parcels.views import ParcelView
from station_app.ui.controllers.parcels import ParcelsController
from station_app.ui.messages import user_message
from station_app.ui.models import RowsModel
from station_app.ui.pages.parcels.label_print import (
    DeviceFactory,
    LabelNotPrinted,
    default_printer,
    label_of,
    print_label,
)
from station_app.ui.widgets import big_button, set_style

log = logging.getLogger(__name__)

TRACKING_COLUMN = 1


class LabelBar(QWidget):
    """Emits ``label_finished(code, printed)`` after each label was tried.

    ``target`` makes the device for each label (the default printer unless a test or
    the composition root gives another)."""

    label_finished = Signal(str, bool)

    def __init__(
        self,
        controller: ParcelsController,
        toggle: QCheckBox,
        table: QTableView,
        model: RowsModel,
        parent: QWidget,
        *,
        target: DeviceFactory = default_printer,
    ) -> None:
        super().__init__(parent)
        self.target = target
        self._controller = controller
        self._toggle = toggle
        self._table = table
        self._model = model
        self._waiting: deque[ParcelView] = deque()
        self._told_no_printer = False
        self.status = QLabel(self)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.reprint_button = big_button(self.tr("补打标签 (Ctrl+P)"), self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 1)
        row.addWidget(self.reprint_button)
        toggle.setChecked(controller.print_labels())
        toggle.toggled.connect(self._remember)
        self.reprint_button.clicked.connect(self.reprint_selected)
        shortcut = QShortcut(QKeySequence("Ctrl+P"), parent)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.reprint_selected)

    def checked_in(self, parcel: ParcelView) -> None:
        """Called once the parcel is committed and shown: its label, if wanted, later."""
        if self._toggle.isChecked():
            self.print_later(parcel)

    def reprint_selected(self) -> None:
        """补打: the session list's current row, read again so the label says what the
        record says now (a stocktake may have moved the parcel since)."""
        row = self._table.currentIndex().row()
        uid = self._model.key_at(row)
        if uid is None:
            self._say(self.tr("先在下面的列表里选中要补打的一件。"), "#c62828")
            return
        tracking = self._model.data(self._model.index(row, TRACKING_COLUMN))
        found = [view for view in self._controller.find(str(tracking)) if view.uid == uid]
        if found:
            self.print_later(found[0])

    def print_later(self, parcel: ParcelView) -> None:
        self._waiting.append(parcel)
        if len(self._waiting) == 1:
            QTimer.singleShot(0, self._print_next)

    def waiting(self) -> int:
        return len(self._waiting)

    # --- printing -------------------------------------------------------------------

    def _print_next(self) -> None:
        if not self._waiting:
            return
        parcel = self._waiting[0]
        try:
            printed = self._print(parcel)
        finally:
            self._waiting.popleft()
            if self._waiting:
                QTimer.singleShot(0, self._print_next)
        self.label_finished.emit(parcel.pickup_code, printed)

    def _print(self, parcel: ParcelView) -> bool:
        code = parcel.pickup_code
        try:
            device = self.target()
            if device is None:
                self._say_no_printer()
                return False
            print_label(device, label_of(parcel))
        except LabelNotPrinted as error:
            self._say_not_printed(code, str(error))
            return False
        except Exception:
            # The check-in is already committed; a label is not worth the crash dialog.
            # Only the code is logged: the label's phone stays out of the log.
            log.exception("label for %s not printed", code)
            self._say_not_printed(code, self.tr("打印出错"))
            return False
        self._told_no_printer = False
        self._say(self.tr("已打印标签：{code}").format(code=code), "#555")
        return True

    def _say_no_printer(self) -> None:
        """Once until a label prints: a van's worth of scans need not repeat it."""
        if self._told_no_printer:
            return
        self._told_no_printer = True
        self._say(self.tr("没有找到打印机：标签没有打印，入库照常。"), "#c62828")

    def _say_not_printed(self, code: str, reason: str) -> None:
        self._say(
            self.tr(
                "取件码 {code} 的标签没有打印（{reason}），入库照常；可按 Ctrl+P 补打。"
            ).format(code=code, reason=reason),
            "#c62828",
        )

    def _say(self, text: str, color: str) -> None:
        set_style(self.status, f"color: {color};")
        self.status.setText(text)
        self.status.setToolTip(text)

    # --- the preference -------------------------------------------------------------

    def _remember(self, checked: bool) -> None:
        """The tick is a station preference; an assistant's tick holds for this session."""
        try:
            self._controller.set_print_labels(checked)
        except PermissionDenied as error:
            self._say(
                self.tr("{reason}（这次照此执行，但不会记住）").format(reason=user_message(error)),
                "#e65100",
            )
