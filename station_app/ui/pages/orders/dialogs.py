"""The forms for an order's later steps, each naming the order it acts on.

Opened with ``open()`` and kept open showing the core's message until the step
succeeds (``FormDialog``), so nothing typed is lost to a typo.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from station_app.core.db.cash_models import METHODS
from station_app.core.money import Fen
from station_app.core.orders.views import OrderView
from station_app.ui.pages.orders.names import goods_text, method_name
from station_app.ui.pages.settings_dialogs import FormDialog
from station_app.ui.widgets import Field


def _done(_result: object) -> None:
    """The step's result is read again by the page; the form only needs it not to fail."""


def _methods(parent: QWidget, chosen: str | None = None) -> QComboBox:
    combo = QComboBox(parent)
    for method in METHODS:
        combo.addItem(method_name(method), method)
    if chosen is not None:
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
    return combo


class _OrderDialog(FormDialog):
    def __init__(self, title: str, order: OrderView, parent: QWidget | None) -> None:
        super().__init__(title, parent)
        self.order = order
        what = QLabel(
            self.tr("{number}　{name}（{phone}）　{goods}").format(
                number=order.number,
                name=order.customer_name,
                phone=order.customer_phone,
                goods=goods_text(order),
            ),
            self,
        )
        what.setWordWrap(True)
        self.form.addRow(what)


class PlaceDialog(_OrderDialog):
    """``submit(platform_order_number, tracking)``."""

    def __init__(
        self,
        order: OrderView,
        submit: Callable[[str, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("已在平台下单"), order, parent)
        self.platform_number = Field(placeholder=self.tr("平台订单详情里的订单号"))
        self.tracking = Field(placeholder=self.tr("已经有快递单号就填"))
        self.form.addRow(self.tr("平台订单号"), self.platform_number)
        self.form.addRow(self.tr("快递单号"), self.tracking)
        self.finish_layout(lambda: _done(submit(self.platform_number.text(), self.tracking.text())))


class ShipDialog(_OrderDialog):
    """``submit(tracking)``: a number typed here replaces the expected one."""

    def __init__(
        self, order: OrderView, submit: Callable[[str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("平台已发货"), order, parent)
        self.tracking = Field(placeholder=self.tr("平台物流信息里的快递单号"))
        self.tracking.set_text(order.tracking_number or "")
        self.form.addRow(self.tr("快递单号"), self.tracking)
        note = QLabel(self.tr("有单号时，包裹入库扫码会自动把订单改为“已到站”。"), self)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.finish_layout(lambda: _done(submit(self.tracking.text())))


class ArriveDialog(_OrderDialog):
    """For goods that came without a scan the check-in could match."""

    def __init__(
        self, order: OrderView, submit: Callable[[], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("货已到站"), order, parent)
        self.form.addRow(QLabel(self.tr("确认这单的货已经到了服务站？"), self))
        self.finish_layout(lambda: _done(submit()))


class DeliverDialog(_OrderDialog):
    """``submit(method)``: the balance is the order's, never typed."""

    def __init__(
        self, order: OrderView, submit: Callable[[str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("收款交付"), order, parent)
        due = order.balance_due
        sums = QLabel(
            self.tr("总价 {total} − 订金 {deposit} = 应收尾款 <b>{due}</b>").format(
                total=order.total.format(symbol=True),
                deposit=order.deposit.format(symbol=True),
                due=due.format(symbol=True),
            ),
            self,
        )
        sums.setStyleSheet("font-size: 14pt;")
        self.form.addRow(sums)
        self.method = _methods(self)
        if due:
            self.form.addRow(self.tr("收款方式"), self.method)
        else:
            self.method.hide()
            self.form.addRow(QLabel(self.tr("订金已付清全款，不用再收钱。"), self))
        if order.pickup_code:
            note = self.tr("包裹（取件码 {code}）会一起出库。").format(code=order.pickup_code)
            self.form.addRow(QLabel(note, self))
        self.finish_layout(lambda: _done(submit(str(self.method.currentData()))))


class GiveBackDialog(_OrderDialog):
    """取消订单 or 退款: ``submit(reason, amount, method)``, at most what was paid."""

    def __init__(
        self,
        title: str,
        order: OrderView,
        submit: Callable[[str, str, str], object],
        *,
        most: Fen,
        method: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, order, parent)
        self.reason = Field(placeholder=self.tr("必填，如：村民不要了、商品有问题"))
        self.amount = Field(placeholder=self.tr("最多 {most}").format(most=most.format()))
        self.amount.set_text(most.format())
        self.method = _methods(self, method)
        self.form.addRow(self.tr("原因"), self.reason)
        self.form.addRow(self.tr("退给村民（元）"), self.amount)
        self.form.addRow(self.tr("退款方式"), self.method)
        paid = self.tr("村民已付 {paid}。").format(paid=order.paid.format(symbol=True))
        self.form.addRow(QLabel(paid, self))
        self.finish_layout(
            lambda: _done(
                submit(self.reason.text(), self.amount.text(), str(self.method.currentData()))
            )
        )
