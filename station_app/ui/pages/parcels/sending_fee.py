"""The fee box of the 寄件 form: 运费 in big type and how it was worked out.

The villager asks "多少钱?" before anything else, so the amount is the largest text on the
form, and the breakdown (首重 + 续重) lets the keeper explain it without a calculator.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from station_app.core.parcels.sending import Price
from station_app.core.weight import Grams

FEE_POINTS = 26


class FeePanel(QFrame):
    """运费 in big type with how it was worked out, or why there is no price yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feePanel")
        self.setStyleSheet("#feePanel { background: #f1f8e9; border: 1px solid #aed581; }")
        self.amount = QLabel(self)
        self.amount.setStyleSheet(f"font-size: {FEE_POINTS}pt; font-weight: bold;")
        self.breakdown = QLabel(self)
        self.breakdown.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.amount)
        layout.addWidget(self.breakdown)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def show_price(self, price: Price) -> None:
        self.amount.setText(self.tr("运费 {fee}元").format(fee=price.fee.format()))
        self.breakdown.setText(self._breakdown(price))
        self.detail.setText(
            self.tr("寄往{province}（{zone}），{weight}按{billable}计费").format(
                province=price.province,
                zone=price.zone_name,
                weight=price.weight.format("kg"),
                billable=Grams(price.quote.billable_g).format("kg"),
            )
        )

    def _breakdown(self, price: Price) -> str:
        first = self.tr("首重 {weight} {fee}元").format(
            weight=Grams(price.first_weight_g).format("kg"), fee=price.first_fen.format()
        )
        if price.steps == 0:
            return first
        extra = Grams(price.steps * price.step_g).format("kg")
        if price.step_g == 1000:
            more = self.tr("续重 {weight} × {fee}元").format(
                weight=extra, fee=price.additional_fen.format()
            )
        else:
            more = self.tr("续重 {weight}（每{step} {fee}元）").format(
                weight=extra,
                step=Grams(price.step_g).format("kg"),
                fee=price.additional_fen.format(),
            )
        return f"{first} + {more}"

    def show_waiting(self, reason: str) -> None:
        """No price yet: say what is missing (in grey: it is not a mistake yet)."""
        self.amount.setText(self.tr("运费 —"))
        self.breakdown.setText(reason)
        self.detail.clear()
