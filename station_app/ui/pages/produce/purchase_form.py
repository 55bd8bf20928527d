"""The left side of the purchase screen: who sells, what, at which price, less what, paid how.

Keyboard first, like the other counter forms: Enter moves on (the farmer list picks on
Enter), F1–F9 pick the grade, Ctrl+Enter saves from anywhere. The price of the grade
for today shows as soon as the grade is picked, in orange with a button to set it when
there is none. A farmer whose household status is not filled in cannot sell: the form
says so at once and offers the farmer's form, instead of refusing at the end.

Moisture (and impurity) may follow the county's step table for the product: then the
keeper types what the meter measured and the deduction it gives shows beside it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.core.errors import UserError
from station_app.core.produce import weighing
from station_app.core.produce.catalogue import Product, Step
from station_app.core.produce.farmers import FarmerView
from station_app.core.produce.prices import PriceQuote
from station_app.ui.controllers.produce import ProduceController
from station_app.ui.messages import ErrorLabel, user_message
from station_app.ui.pages.produce.farmer_picker import FarmerPicker
from station_app.ui.pages.produce.text import (
    PAYMENTS,
    household_name,
    household_tone,
    payment_name,
    price_text,
    source_name,
    village_text,
)
from station_app.ui.widgets import set_style

ORANGE, GREEN, GREY = "#e65100", "#2e7d32", "#555"
GRADE_KEYS = 9


class DeductionField(QWidget):
    """扣杂 or 扣水: the percentage typed, or measured when the product has a step table."""

    changed = Signal()

    def __init__(self, plain: str, measured: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plain, self._measured = plain, measured
        self.steps: tuple[Step, ...] = ()
        self.label = QLabel(plain, self)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("0")
        self.edit.setMaximumWidth(90)
        self.percent = QLabel("%", self)
        self.result = QLabel(self)
        self.result.setStyleSheet(f"color: {GREY};")
        self.error = ErrorLabel(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.percent)
        row.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(lambda _text: self._update())

    def set_steps(self, steps: tuple[Step, ...]) -> None:
        self.steps = steps
        self.label.setText(self._measured if steps else self._plain)
        self._update()

    def bp(self) -> int:
        """The deduction in basis points; a ValidationError when unreadable."""
        measured = weighing.parse_percent(self.edit.text())
        return weighing.step_bp(self.steps, measured) if self.steps else measured

    def _update(self) -> None:
        self.error.clear_error()
        if not self.steps:
            self.result.clear()
            self.changed.emit()
            return
        try:
            bp = self.bp()
        except UserError:
            self.result.clear()
        else:
            self.result.setText(
                self.tr("按标准扣 {percent}").format(percent=weighing.format_percent(bp))
                if self.edit.text().strip()
                else self.tr("填测得的数，自动按标准扣")
            )
        self.changed.emit()


class PurchaseForm(QWidget):
    """Signals: ``changed`` (anything the totals depend on), ``farmer_changed``,
    ``edit_farmer_requested``, ``set_price_requested``, ``settle_requested``,
    ``next_requested`` (Enter after the grade: on to the scale)."""

    changed = Signal()
    farmer_changed = Signal()
    edit_farmer_requested = Signal()
    set_price_requested = Signal()
    settle_requested = Signal()
    next_requested = Signal()

    def __init__(self, controller: ProduceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.own_village = controller.station_code()
        """The station's division code: its farmers read 本村."""
        self.farmer: FarmerView | None = None
        self.quote: PriceQuote | None = None
        self.picker = FarmerPicker(controller.search_farmers, self)
        self.farmer_info = QLabel(self)
        self.farmer_info.setWordWrap(True)
        self.edit_farmer_button = QPushButton(self.tr("填写户类型…"), self)
        self.owed_info = QLabel(self)
        self.owed_info.setStyleSheet(f"color: {ORANGE};")
        self.settle_button = QPushButton(self.tr("结账…"), self)
        self.product = QComboBox(self)
        self.grade = QComboBox(self)
        self.price = QLabel(self)
        self.price.setWordWrap(True)
        self.set_price_button = QPushButton(self.tr("设定今天价格…"), self)
        self.impurity = DeductionField(self.tr("扣杂"), self.tr("测得杂质"), self)
        self.moisture = DeductionField(self.tr("扣水"), self.tr("测得水分"), self)
        self.payment = QComboBox(self)
        for code in PAYMENTS:
            self.payment.addItem(payment_name(code), code)
        self.keys = QLabel(
            self.tr(
                "键盘操作：回车 到下一项　F1–F9 选等级　回车/空格 称一筐　"
                "Del 删一筐　Tab 到扣杂、付款　Ctrl+回车 保存并打印"
            ),
            self,
        )
        self.keys.setWordWrap(True)
        self.keys.setStyleSheet(f"color: {GREY}; background: #f5f5f5; padding: 6px;")
        self.errors = {
            "farmer": ErrorLabel(self),
            "grade": ErrorLabel(self),
            "payment": ErrorLabel(self),
        }
        self._lay_out()
        self._wire()
        self.fill_products()
        self._show_farmer()

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        row = 0

        def add(label: QLabel | str, *parts: QWidget | QHBoxLayout) -> None:
            nonlocal row
            caption = label if isinstance(label, QLabel) else QLabel(label, self)
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            box = QVBoxLayout()
            box.setSpacing(2)
            for part in parts:
                if isinstance(part, QHBoxLayout):
                    box.addLayout(part)
                else:
                    box.addWidget(part)
            grid.addLayout(box, row, 1)
            row += 1

        farmer_row = QHBoxLayout()
        farmer_row.addWidget(self.farmer_info, 1)
        farmer_row.addWidget(self.edit_farmer_button)
        owed_row = QHBoxLayout()
        owed_row.addWidget(self.owed_info, 1)
        owed_row.addWidget(self.settle_button)
        add(self.tr("农户"), self.picker, farmer_row, owed_row, self.errors["farmer"])
        goods = QHBoxLayout()
        goods.addWidget(self.product, 1)
        goods.addWidget(self.grade, 1)
        price_row = QHBoxLayout()
        price_row.addWidget(self.price, 1)
        price_row.addWidget(self.set_price_button)
        add(self.tr("品名等级"), goods, price_row, self.errors["grade"])
        add(self.impurity.label, self.impurity)
        add(self.moisture.label, self.moisture)
        add(self.tr("付款"), self.payment, self.errors["payment"])
        grid.setRowStretch(row, 1)
        grid.addWidget(self.keys, row + 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)

    def _wire(self) -> None:
        self.picker.picked.connect(self._on_picked)
        self.picker.cleared.connect(self._on_unpicked)
        self.product.currentIndexChanged.connect(lambda _i: self._on_product_changed())
        self.grade.currentIndexChanged.connect(lambda _i: self._on_grade_changed())
        self.impurity.changed.connect(self.changed)
        self.moisture.changed.connect(self.changed)
        self.payment.currentIndexChanged.connect(lambda _i: self.errors["payment"].clear_error())
        self.edit_farmer_button.clicked.connect(self.edit_farmer_requested)
        self.set_price_button.clicked.connect(self.set_price_requested)
        self.settle_button.clicked.connect(self.settle_requested)

    # --- products and grades ------------------------------------------------------------

    def fill_products(self) -> None:
        """(Re)fill from the catalogue, keeping the product and grade picked if they stay."""
        picked, grade = self.product.currentData(), self.grade.currentData()
        self.product.blockSignals(True)
        self.product.clear()
        for product in self._controller.catalogue.products.values():
            self.product.addItem(product.name, product.code)
        self.product.setCurrentIndex(max(0, self.product.findData(picked)))
        self.product.blockSignals(False)
        self._on_product_changed(keep_grade=grade)

    def current_product(self) -> Product | None:
        code = self.product.currentData()
        return None if code is None else self._controller.catalogue.products.get(code)

    def _on_product_changed(self, keep_grade: str | None = None) -> None:
        product = self.current_product()
        self.grade.blockSignals(True)
        self.grade.clear()
        if product is not None:
            for number, grade in enumerate(product.grades.values(), start=1):
                key = f"F{number}  " if number <= GRADE_KEYS else ""
                self.grade.addItem(key + grade.name, grade.code)
        self.grade.setCurrentIndex(max(0, self.grade.findData(keep_grade)))
        self.grade.blockSignals(False)
        self.impurity.set_steps(product.impurity_steps if product else ())
        self.moisture.set_steps(product.moisture_steps if product else ())
        self._on_grade_changed()

    def pick_grade(self, number: int) -> None:
        """F1…F9: the grade at that place in the county's order."""
        if 0 <= number < self.grade.count():
            self.grade.setCurrentIndex(number)

    def _on_grade_changed(self) -> None:
        self.errors["grade"].clear_error()
        self.show_price()
        self.changed.emit()

    def show_price(self) -> None:
        """Today's price of the grade, read again (the keeper may just have set one)."""
        product, grade = self.current_product(), self.grade.currentData()
        self.quote = (
            None
            if product is None or grade is None
            else (self._controller.price(product.code, grade))
        )
        if self.quote is None:
            self.price.setText(self.tr("今天没有价格"))
            set_style(self.price, f"color: {ORANGE}; font-weight: bold;")
            self.set_price_button.setText(self.tr("设定今天价格…"))
        else:
            self.price.setText(
                self.tr("今天 {price}（{source}）").format(
                    price=price_text(self.quote.price_fen, self.quote.per_grams),
                    source=source_name(self.quote.source),
                )
            )
            set_style(self.price, f"color: {GREEN}; font-weight: bold;")
            self.set_price_button.setText(self.tr("改今天价格…"))

    # --- the farmer --------------------------------------------------------------------

    def _on_picked(self, farmer: FarmerView) -> None:
        self.set_farmer(farmer)
        if farmer.can_sell:
            self.product.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.edit_farmer_button.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_unpicked(self) -> None:
        self.farmer = None
        self._show_farmer()
        self.farmer_changed.emit()

    def set_farmer(self, farmer: FarmerView | None) -> None:
        self.farmer = farmer
        if farmer is not None:
            self.picker.set_farmer(farmer)
            self.payment.setCurrentIndex(max(0, self.payment.findData(farmer.pay_preference)))
        self.errors["farmer"].clear_error()
        self._show_farmer()
        self.farmer_changed.emit()

    def _show_farmer(self) -> None:
        farmer = self.farmer
        self.edit_farmer_button.setVisible(farmer is not None and not farmer.can_sell)
        if farmer is None:
            self.farmer_info.setText(self.tr("输入姓名、拼音首字母或手机后4位，回车选中"))
            set_style(self.farmer_info, f"color: {GREY};")
            self.show_owed(0, 0)
            return
        village = village_text(farmer.village_name, farmer.village_code, self.own_village)
        if not farmer.can_sell:
            self.farmer_info.setText(
                self.tr("{village}，户类型未填写：请先填写户类型，才能收购。").format(
                    village=village
                )
            )
            set_style(self.farmer_info, f"color: {ORANGE}; font-weight: bold;")
            return
        parts = [farmer.masked_phone, village, household_name(farmer.household)]
        self.farmer_info.setText("　".join(part for part in parts if part))
        tone = household_tone(farmer.household)
        set_style(self.farmer_info, f"color: {tone};" if tone else "")

    def show_owed(self, fen_text: str | int, count: int) -> None:
        """What the station owes the farmer for 赊账, with the 结账 button, or nothing."""
        owed = bool(count)
        self.owed_info.setVisible(owed)
        self.settle_button.setVisible(owed)
        if owed:
            self.owed_info.setText(
                self.tr("赊账未结：{count}笔，共{amount}").format(count=count, amount=fen_text)
            )

    # --- reading the form ---------------------------------------------------------------

    def deductions(self) -> weighing.Deductions:
        """Both deductions; a refusal goes under its field and is raised again."""
        values = {}
        for key, field in (("impurity", self.impurity), ("moisture", self.moisture)):
            try:
                values[key] = field.bp()
            except UserError as error:
                field.error.show_error(error)
                raise
        return weighing.Deductions(values["impurity"], values["moisture"])

    def show_error(self, field: str, error: UserError) -> bool:
        """Under the field the core named; False when this form has no such field."""
        text = user_message(error)
        if field in ("impurity", "moisture"):
            target = self.impurity if field == "impurity" else self.moisture
            target.error.show_text(text)
            target.edit.setFocus()
            return True
        key = "grade" if field in ("product", "grade", "price") else field
        label = self.errors.get(key)
        if label is None:
            return False
        label.show_text(text)
        focus = {"farmer": self.picker.edit, "grade": self.grade, "payment": self.payment}
        focus[key].setFocus()
        return True

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear_error()
        self.impurity.error.clear_error()
        self.moisture.error.clear_error()

    def clear_for_next(self) -> None:
        """Forget the farmer and the deductions; keep the product and grade."""
        self.picker.clear()
        self.farmer = None
        self.impurity.edit.clear()
        self.moisture.edit.clear()
        self.payment.setCurrentIndex(0)
        self.clear_errors()
        self._show_farmer()
        self.show_price()
        self.farmer_changed.emit()

    def start(self) -> None:
        self.picker.edit.setFocus(Qt.FocusReason.OtherFocusReason)
