"""The 取消寄件 form: which shipment, and the reason the core requires.

Opened with ``open()`` and kept open on an error (no reason, not the keeper), like the
退件 form, so what was typed is not lost.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from station_app.core.parcels.sending import ShipmentView
from station_app.ui.pages.parcels.sending_models import destination
from station_app.ui.pages.settings_dialogs import FormDialog


class CancelDialog(FormDialog):
    """``submit(reason)`` cancels; a UserError keeps the dialog open showing it."""

    def __init__(
        self,
        shipment: ShipmentView,
        courier_name: str,
        submit: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(QCoreApplication.translate("CancelDialog", "取消寄件"), parent)
        self.shipment = shipment
        what = QLabel(
            self.tr("{courier}，寄往{where}，收件人{name}，运费{fee}元").format(
                courier=courier_name,
                where=destination(shipment),
                name=shipment.recipient_name,
                fee=shipment.fee.format(),
            ),
            self,
        )
        what.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("必填，如：寄件人不寄了"))
        self.form.addRow(what)
        self.form.addRow(self.tr("取消原因"), self.reason)
        self.form.addRow(QLabel(self.tr("运费要退还给寄件人。"), self))
        self.finish_layout(lambda: submit(self.reason.text()))
