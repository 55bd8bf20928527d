"""The 退件 form: a reason from the core's list and a note, then one call to the core.

Opened with ``open()`` and kept open on an error (say "其他" without a note), like the
设置 page's forms, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from station_app.core.errors import CONTEXT
from station_app.core.parcels.returns import REASONS
from station_app.core.parcels.views import ParcelView
from station_app.ui.pages.settings_dialogs import FormDialog


class ReturnDialog(FormDialog):
    """``submit(reason, note)`` does the return; a UserError keeps the dialog open."""

    def __init__(
        self,
        parcel: ParcelView,
        submit: Callable[[str, str], None],
        *,
        default_reason: str = "refused",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(QCoreApplication.translate("ReturnDialog", "退件给快递公司"), parent)
        self.parcel = parcel
        self.reason = QComboBox(self)
        for code, label in REASONS.items():
            self.reason.addItem(QCoreApplication.translate(CONTEXT, label), code)
        self.reason.setCurrentIndex(max(self.reason.findData(default_reason), 0))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("选“其他”时必填"))
        what = QLabel(
            self.tr("取件码 {code}　单号 {tracking}").format(
                code=parcel.pickup_code, tracking=parcel.tracking_number
            ),
            self,
        )
        self.form.addRow(what)
        self.form.addRow(self.tr("退件原因"), self.reason)
        self.form.addRow(self.tr("说明"), self.note)
        self.finish_layout(lambda: submit(self.reason.currentData(), self.note.text()))
