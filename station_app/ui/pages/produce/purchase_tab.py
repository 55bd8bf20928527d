"""The 收购 tab: a farmer's produce weighed, priced, paid and printed, from the keyboard.

Left, who sells what (``PurchaseForm``); middle, the scale and the crates
(``WeighingPanel``); right, the totals as the farmer will see them on the slip, and the
save button. Below, today's purchases with 重打 and 作废.

The keys, in the order a purchase goes: type the farmer, Enter; the product, Enter; the
grade (or F1–F9), Enter: the cursor is on the scale. Enter or Space weighs each crate
once the scale shows 稳定; Tab goes on to the deductions and the payment; Ctrl+Enter
saves and prints from anywhere. The core decides; the totals on screen are made with the
same arithmetic (``core.produce.weighing``), so what the farmer saw is what is paid.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station_app.core.db.produce_models import PurchaseStatus
from station_app.core.errors import FieldError, UserError
from station_app.core.operators import OperatorInfo
from station_app.core.produce import weighing
from station_app.core.produce.purchase import PurchaseOrder, PurchaseView
from station_app.core.store import Store
from station_app.devices.scale.qt_scale import QtScale, ScaleConfig
from station_app.ui.controllers.produce import ProduceController
from station_app.ui.messages import show_outcome, user_message
from station_app.ui.models import Row
from station_app.ui.pages.produce.dialogs import DayPriceDialog, SettleDialog, VoidDialog
from station_app.ui.pages.produce.farmer_dialog import FarmerDialog
from station_app.ui.pages.produce.purchase_form import PurchaseForm
from station_app.ui.pages.produce.records_table import ToneRowsModel
from station_app.ui.pages.produce.text import (
    jin_and_kg,
    payment_name,
    price_text,
    status_name,
    unit_of,
    yuan,
)
from station_app.ui.pages.produce.weighing_panel import WeighingPanel
from station_app.ui.receipt_printing import ReceiptPrinter
from station_app.ui.text import format_local_time
from station_app.ui.widgets import big_button, list_table

_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
_GRADE_KEYS = {getattr(Qt.Key, f"Key_F{n}"): n - 1 for n in range(1, 10)}
AMOUNT_POINTS = 26
TOP_HEIGHT = 400
"""The form, the scale and six crates on a 1366×768 screen; the day's list has the rest."""
ORANGE, GREY = "#e65100", "#555"


def fit_columns(table: QTableView, stretch: int) -> None:
    """Every column as wide as its text, ``stretch`` taking the room left."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class TotalsPanel(QFrame):
    """毛重, 皮重, 扣重, 净重 (斤 and kg), 单价 and 金额, as the slip will print them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totalsPanel")
        self.setStyleSheet("#totalsPanel { background: #f1f8e9; border: 1px solid #aed581; }")
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setVerticalSpacing(6)
        captions = {
            "gross": self.tr("毛重"),
            "tare": self.tr("皮重"),
            "deduction": self.tr("扣重"),
            "net": self.tr("净重"),
            "price": self.tr("单价"),
        }
        for row, (key, caption) in enumerate(captions.items()):
            grid.addWidget(QLabel(caption, self), row, 0)
            value = QLabel("—", self)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(value, row, 1)
            self.values[key] = value
        self.values["net"].setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.amount = QLabel(self)
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.amount.setStyleSheet(f"font-size: {AMOUNT_POINTS}pt; font-weight: bold;")
        grid.addWidget(QLabel(self.tr("金额"), self), len(captions), 0)
        grid.addWidget(self.amount, len(captions), 1)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {ORANGE};")
        grid.addWidget(self.note, len(captions) + 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(captions) + 2, 1)

    def show_weights(self, w: weighing.Weights) -> None:
        self.values["gross"].setText(jin_and_kg(w.gross_g))
        self.values["tare"].setText(jin_and_kg(w.tare_g))
        self.values["deduction"].setText(jin_and_kg(w.deduction_g))
        self.values["net"].setText(jin_and_kg(w.net_g))

    def clear(self, note: str = "") -> None:
        for value in self.values.values():
            value.setText("—")
        self.amount.setText("")
        self.note.setText(note)


class PurchaseTab(QWidget):
    """Emits ``wrote`` after a purchase, a void, a settlement, a price or a farmer change."""

    wrote = Signal()

    def __init__(
        self,
        store: Store,
        operator: OperatorInfo,
        parent: QWidget | None = None,
        *,
        controller: ProduceController | None = None,
        printer: ReceiptPrinter | None = None,
        scale: QtScale | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller or ProduceController(store, operator)
        self.printer = printer or ReceiptPrinter(store)
        self.scale = scale or QtScale(self)
        self._scale_config: ScaleConfig | None = None
        self.purchases: list[PurchaseView] = []
        self.dialog: QWidget | None = None
        self._sized = False
        self.form = PurchaseForm(self.controller, self)
        self.panel = WeighingPanel(self)
        self.totals = TotalsPanel(self)
        self.save_button = big_button(self.tr("保存并打印 (Ctrl+回车)"), self)
        self.save_button.setMinimumHeight(48)
        self.save_button.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.hide()
        self.caption = QLabel(self.tr("今天的收购"), self)
        self.caption.setStyleSheet("font-weight: bold;")
        self.reprint_button = big_button(self.tr("重打小票"), self)
        self.void_button = big_button(self.tr("作废…"), self)
        self.model = ToneRowsModel(
            [
                self.tr("单号"),
                self.tr("时间"),
                self.tr("农户"),
                self.tr("品名等级"),
                self.tr("净重"),
                self.tr("金额"),
                self.tr("付款"),
                self.tr("状态"),
                self.tr("称重"),
            ],
            self,
        )
        self.model.align_right(4, 5)
        self.table = list_table(self)
        self.table.setModel(self.model)
        fit_columns(self.table, 3)
        self._lay_out()
        self._wire()
        self._on_product_changed()
        self.refresh()

    # --- construction ---------------------------------------------------------------------

    def _lay_out(self) -> None:
        right = QVBoxLayout()
        right.addWidget(self.totals, 1)
        right.addWidget(self.save_button)
        top = QWidget(self)
        columns = QHBoxLayout(top)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(self.form, 10)
        columns.addWidget(self.panel, 10)
        columns.addLayout(right, 7)
        bottom = QWidget(self)
        lower = QVBoxLayout(bottom)
        lower.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.caption, 1)
        header.addWidget(self.reprint_button)
        header.addWidget(self.void_button)
        lower.addLayout(header)
        lower.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.result)

    def _wire(self) -> None:
        self.scale.reading.connect(self.panel.on_reading)
        self.scale.overloaded.connect(self.panel.on_overloaded)
        self.scale.disconnected.connect(self.panel.on_disconnected)
        self.scale.silent.connect(self.panel.on_silent)
        self.scale.connected.connect(self.panel.on_connected)
        self.panel.changed.connect(self.update_totals)
        self.form.changed.connect(self.update_totals)
        self.form.product.currentIndexChanged.connect(lambda _i: self._on_product_changed())
        self.form.farmer_changed.connect(self._on_farmer_changed)
        self.form.edit_farmer_requested.connect(self.open_farmer)
        self.form.set_price_requested.connect(self.open_day_price)
        self.form.settle_requested.connect(self.open_settle)
        self.save_button.clicked.connect(self.save)
        self.reprint_button.clicked.connect(self.reprint)
        self.void_button.clicked.connect(self.open_void)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._enable_actions()
        )
        for widget in self._keyed_widgets():
            widget.installEventFilter(self)

    def _keyed_widgets(self) -> list[QWidget]:
        form, panel = self.form, self.panel
        return [
            form.picker.edit,
            form.product,
            form.grade,
            form.impurity.edit,
            form.moisture.edit,
            form.payment,
            panel.display,
            panel.tare,
            panel.manual,
            panel.table,
        ]

    # --- showing and hiding: the scale is read only while the tab is in front ----------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            total = sum(self.splitter.sizes())
            # The purchase being weighed gets most of the height (its crates must show
            # without scrolling); today's list below scrolls and the handle moves.
            top = max(TOP_HEIGHT, total * 3 // 4)
            self.splitter.setSizes([top, total - top])
        if self.controller.reload():
            self.form.fill_products()
        self.form.show_price()
        self.start_scale()
        self.refresh()
        if not self.isAncestorOf(self.focusWidget()):
            self.form.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.scale.stop()  # frees the port (the settings' 测试 may want it)
        super().hideEvent(event)

    def start_scale(self) -> None:
        config = self.controller.scale_config()
        if config == self._scale_config and self.scale.running:
            return
        self._scale_config = config
        if not config.present:
            self.scale.stop()
            self.panel.set_no_scale()
            return
        self.panel.on_connected()
        self.scale.start(config)

    def set_operator(self, operator: OperatorInfo) -> None:
        self.controller.operator = operator
        self._enable_actions()

    # --- keys ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter saves, F1–F9 pick the grade, Enter moves along the form."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in _ENTER_KEYS and mods & Qt.KeyboardModifier.ControlModifier:
            self.save()
            return True
        if key in _GRADE_KEYS and not mods:
            self.form.pick_grade(_GRADE_KEYS[key])
            return True
        if key not in _ENTER_KEYS or mods:
            return False
        form = self.form
        if watched is form.picker.edit:
            if form.picker.popup.isVisible() or form.farmer is None:
                return False  # the picker picks (or there is nothing to move on with)
            form.product.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        following: dict[QObject, QWidget] = {
            form.product: form.grade,
            form.impurity.edit: form.moisture.edit,
            form.moisture.edit: form.payment,
        }
        if watched is form.grade:
            self.panel.start()
            return True
        if watched in following:
            following[watched].setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if watched is form.payment:
            self.save()
            return True
        return False

    # --- the product and the farmer --------------------------------------------------------

    def _on_product_changed(self) -> None:
        product = self.form.current_product()
        if product is not None:
            self.panel.set_product(unit_of(product.per_grams), product.default_tare_g)
        self.update_totals()

    def _on_farmer_changed(self) -> None:
        farmer = self.form.farmer
        if farmer is None:
            self.form.show_owed(0, 0)
            return
        owed = self.controller.owed(farmer.uid)
        total = sum(view.totals.amount_fen for view in owed)
        self.form.show_owed(yuan(total), len(owed))

    # --- the totals ------------------------------------------------------------------------

    def update_totals(self) -> None:
        crates = self.panel.weighings()
        if not crates:
            self.totals.clear(self.tr("还没有称重。"))
            return
        try:
            deductions = self.form.deductions()
            weights = weighing.weights(crates, deductions)
        except FieldError as error:
            self._show_weighing_error(error)
            return
        except UserError as error:
            self.totals.clear(user_message(error))
            return
        if self.panel.bad_row is not None:
            self.panel.mark_row(None, "")
            self.panel.message.clear_error()
        self.totals.clear()
        self.totals.show_weights(weights)
        quote = self.form.quote
        if quote is None:
            self.totals.note.setText(self.tr("今天没有价格：请先设定当日价格。"))
            return
        self.totals.values["price"].setText(price_text(quote.price_fen, quote.per_grams))
        try:
            totals = weighing.totals(crates, deductions, quote.price_fen, quote.per_grams)
        except UserError as error:
            self.totals.note.setText(user_message(error))
            return
        self.totals.amount.setText(yuan(totals.amount_fen))

    def _show_weighing_error(self, error: FieldError) -> None:
        self.totals.clear(user_message(error))
        if error.field == "weighings" and error.row is not None:
            self.panel.mark_row(error.row, user_message(error))
        elif error.field in ("impurity", "moisture"):
            self.form.show_error(error.field, error)

    # --- saving ------------------------------------------------------------------------------

    def order(self) -> PurchaseOrder | None:
        """The form as the core takes it; None (with the reason shown) if unreadable."""
        farmer = self.form.farmer
        try:
            deductions = self.form.deductions()
        except UserError:
            return None
        return PurchaseOrder(
            farmer_uid="" if farmer is None else farmer.uid,
            product=self.form.product.currentData() or "",
            grade=self.form.grade.currentData() or "",
            weighings=tuple(self.panel.weighings()),
            impurity_bp=deductions.impurity_bp,
            moisture_bp=deductions.moisture_bp,
            payment=str(self.form.payment.currentData()),
        )

    def save(self) -> PurchaseView | None:
        """One call to the core; then the slip, a clean form, and the list."""
        self._say("", ok=None)
        self.error.hide()
        self.form.clear_errors()
        if self.form.farmer is None:
            self.form.errors["farmer"].show_text(self.tr("请先选农户。"))
            self.form.picker.edit.setFocus()
            return None
        order = self.order()
        if order is None:
            return None
        try:
            view = self.controller.buy(order)
        except UserError as error:
            self.show_refusal(error)
            return None
        printed = self.printer.print(self.controller.receipt(view.uid))
        self._say(
            self.tr(
                "已收购 {number}：{farmer}，净重 {net}，金额 {amount}（{payment}）。{printed}"
            ).format(
                number=view.number,
                farmer=view.farmer_name,
                net=jin_and_kg(view.net_g),
                amount=yuan(view.totals.amount_fen),
                payment=payment_name(view.payment),
                printed=printed.message,
            ),
            ok=printed.ok,
        )
        self.form.clear_for_next()
        self.panel.clear()
        self.refresh()
        self.select(view.uid)
        self.form.start()
        self.wrote.emit()
        return view

    def show_refusal(self, error: UserError) -> str:
        """Next to the field the core named; the crate's row in the list for a weighing."""
        text = user_message(error)
        field = error.field if isinstance(error, FieldError) else None
        if field == "weighings":
            self.panel.mark_row(error.row if isinstance(error, FieldError) else None, text)
            self.panel.start()
        elif field is None or not self.form.show_error(field, error):
            self.error.setText(text)
            self.error.show()
        return text

    # --- today's purchases -------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected()
        try:
            self.purchases = list(reversed(self.controller.purchases_today()))
        except UserError as error:
            self._say(user_message(error), ok=False)
            return
        rows, tones = [], []
        for view in self.purchases:
            voided = view.status is PurchaseStatus.VOIDED
            rows.append(
                Row(
                    (
                        view.number,
                        format_local_time(view.purchased_at)[11:16],
                        f"{view.farmer_name} {view.farmer_phone}",
                        f"{view.product_name} {view.grade_name}",
                        jin_and_kg(view.net_g),
                        yuan(view.totals.amount_fen),
                        payment_name(view.payment),
                        status_name(view.status),
                        self.tr("手工") if view.manual else self.tr("秤"),
                    ),
                    key=view.uid,
                    dimmed=voided,
                )
            )
            tone: dict[int, str] = {8: ORANGE} if view.manual else {}
            if view.status is PurchaseStatus.OWED:
                tone[7] = ORANGE
            tones.append(tone)
        self.model.set_toned_rows(rows, tones)
        count = sum(view.status is not PurchaseStatus.VOIDED for view in self.purchases)
        net = sum(v.net_g for v in self.purchases if v.status is not PurchaseStatus.VOIDED)
        self.caption.setText(
            self.tr("今天的收购：{count}笔，净重共 {net}").format(count=count, net=jin_and_kg(net))
        )
        if selected is not None:
            self.select(selected.uid)
        self._enable_actions()

    def selected(self) -> PurchaseView | None:
        row = self.table.currentIndex().row()
        return self.purchases[row] if 0 <= row < len(self.purchases) else None

    def select(self, purchase_uid: str) -> None:
        row = self.model.row_of(purchase_uid)
        if row is not None:
            self.table.selectRow(row)

    def _enable_actions(self) -> None:
        view = self.selected()
        self.reprint_button.setEnabled(view is not None)
        self.void_button.setEnabled(
            view is not None
            and view.status in (PurchaseStatus.PAID, PurchaseStatus.OWED)
            and self.controller.may_void
        )

    def reprint(self) -> None:
        view = self.selected()
        if view is None:
            return
        try:
            printed = self.printer.print(self.controller.receipt(view.uid))
        except UserError as error:
            self._say(user_message(error), ok=False)
            return
        self._say(printed.message, ok=printed.ok)

    def open_void(self) -> VoidDialog | None:
        view = self.selected()
        if view is None:
            return None
        try:
            self.controller.check_may_void()
        except UserError as error:
            self._say(user_message(error), ok=False)
            return None

        def submit(reason: str) -> None:
            done = self.controller.void(view.uid, reason)
            self._say(
                self.tr("已作废 {number}。请向农户收回 {amount}（{payment}）。").format(
                    number=done.number,
                    amount=yuan(done.totals.amount_fen),
                    payment=payment_name(done.payment),
                )
                if done.payment != "owed"
                else self.tr("已作废 {number}（赊账，不用收回钱）。").format(number=done.number),
                ok=True,
            )
            self.refresh()
            self._on_farmer_changed()
            self.wrote.emit()

        dialog = VoidDialog(view, submit, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- the farmer's form, today's price, settling ------------------------------------------

    def open_farmer(self) -> FarmerDialog | None:
        farmer = self.form.farmer
        if farmer is None:
            return None
        dialog = FarmerDialog(
            lambda form: self.controller.change_farmer(farmer.uid, form),
            village_prefill=farmer.village_code,
            farmer=farmer,
            parent=self,
        )

        def saved() -> None:
            if dialog.saved is not None:
                self.form.set_farmer(dialog.saved)
                if dialog.saved.can_sell:
                    self.form.product.setFocus()
            self.wrote.emit()

        dialog.accepted.connect(saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_day_price(self) -> DayPriceDialog | None:
        product, grade = self.form.current_product(), self.form.grade.currentData()
        if product is None or grade is None:
            return None
        name = product.grades[grade].name

        def submit(price: str, per_grams: int) -> None:
            self.controller.set_day_price(product.code, grade, price, per_grams)

        dialog = DayPriceDialog(
            f"{product.name} {name}", self.form.quote, product.per_grams, submit, self
        )

        def saved() -> None:
            self.form.show_price()
            self.update_totals()
            self.wrote.emit()

        dialog.accepted.connect(saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_settle(self) -> SettleDialog | None:
        farmer = self.form.farmer
        if farmer is None:
            return None
        owed = self.controller.owed(farmer.uid)
        if not owed:
            return None
        orders = self.controller.nettable_orders(farmer.uid)

        def submit(netted: list[tuple[str, int]], method: str | None) -> None:
            done = self.controller.settle(farmer.uid, netted, method)
            # Settled and committed: a slip that cannot be made is said, never a refusal.
            try:
                printed = self.printer.print(self.controller.settlement_receipt(done.uid))
                slip, ok = printed.message, printed.ok
            except UserError as error:
                slip, ok = user_message(error), False
            self._say(
                self.tr("已结账：共{amount}，抵扣{netted}，实付{paid}。{printed}").format(
                    amount=yuan(done.amount.fen),
                    netted=yuan(done.netted_total.fen),
                    paid=yuan(done.paid.fen),
                    printed=slip,
                ),
                ok=ok,
            )

        dialog = SettleDialog(farmer.name, owed, orders, submit, self)

        def settled() -> None:
            self._on_farmer_changed()
            self.refresh()
            self.wrote.emit()

        dialog.accepted.connect(settled)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _say(self, text: str, *, ok: bool | None) -> None:
        show_outcome(self.result, text, ok=ok)
