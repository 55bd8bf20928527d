"""The 批次 tab: the lots at the station and today's, what to do with them, and the
trace lookup (溯源查询).

A lot is opened by the day's first purchase of a product and grade. Here the keeper
weighs parts of it out (拆分: each part a child lot with its own trace code), ships it
(发运: to the county's supply centre or a named buyer), and prints its label. The trace
box answers a buyer's question about a code read off a crate: which farmers (masked),
which purchases, which lots it was split from or into, and where it went.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.core.db.produce_models import LotStatus
from station_app.core.operators import OperatorInfo
from station_app.core.produce.lot_actions import LotView
from station_app.core.produce.lots import format_trace_code
from station_app.core.produce.trace import TraceView
from station_app.core.store import Store
from station_app.ui.controllers.produce_records import ProduceRecordsController
from station_app.ui.messages import show_outcome
from station_app.ui.models import Row
from station_app.ui.pages.orders.receipt_dialog import translate_core
from station_app.ui.pages.produce.lot_dialogs import ShipDialog, SplitDialog
from station_app.ui.pages.produce.records_table import CellTones, ToneRowsModel, fit_columns
from station_app.ui.pages.produce.text import (
    GREEN,
    GREY,
    jin_kg,
    lot_status_name,
    ship_kind_name,
    village_text,
)
from station_app.ui.receipt_printing import ReceiptPrinter
from station_app.ui.widgets import big_button, list_table

D = TypeVar("D", SplitDialog, ShipDialog)
HELD_COLUMN, STATUS_COLUMN = 4, 6


class LotsTab(QWidget):
    """Emits ``wrote`` after a lot was split or shipped."""

    wrote = Signal()

    def __init__(
        self,
        store: Store,
        operator: OperatorInfo,
        parent: QWidget | None = None,
        *,
        controller: ProduceRecordsController | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller or ProduceRecordsController(store, operator)
        self._lots: list[LotView] = []
        self.dialog: SplitDialog | ShipDialog | None = None
        self.model = ToneRowsModel(
            [
                self.tr("溯源码"),
                self.tr("品种"),
                self.tr("等级"),
                self.tr("日期"),
                self.tr("在站重量"),
                self.tr("收购笔数"),
                self.tr("状态"),
                self.tr("拆自批次"),
            ],
            self,
        )
        self.model.align_right(HELD_COLUMN, 5)
        self.table = list_table(self)
        self.table.setModel(self.model)
        fit_columns(self.table)
        self.empty = QLabel(self)
        self.empty.setStyleSheet(f"color: {GREY};")
        self.split_button = big_button(self.tr("拆分…"), self)
        self.ship_button = big_button(self.tr("发运…"), self)
        self.label_button = big_button(self.tr("打印标签"), self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.hide()
        self.trace_box = QGroupBox(self.tr("溯源查询"), self)
        self.trace_code = QLineEdit(self.trace_box)
        self.trace_code.setPlaceholderText(self.tr("输入或扫描溯源码，如 7K3M9-Q2X4P，回车查询"))
        self.trace_code.setClearButtonEnabled(True)
        self.trace_button = big_button(self.tr("查询"), self.trace_box)
        self.trace_result = QLabel(self.trace_box)
        self.trace_result.setWordWrap(True)
        self.trace_tree = QTreeWidget(self.trace_box)
        self.trace_tree.setHeaderHidden(True)
        self.trace_tree.setColumnCount(1)
        self.trace_tree.hide()
        self._trace_lines: list[str] = []
        self._own_code = ""
        self._lay_out()
        self.split_button.clicked.connect(self.open_split)
        self.ship_button.clicked.connect(self.open_ship)
        self.label_button.clicked.connect(self.print_label)
        self.trace_code.returnPressed.connect(self.look_up)
        self.trace_button.clicked.connect(self.look_up)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._update_buttons()
        )
        self._update_buttons()

    @property
    def printer(self) -> ReceiptPrinter:
        """Where labels go (设置's receipt printer, else a PDF); tests set ``open_pdf``."""
        return self.controller.printer

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.split_button)
        buttons.addWidget(self.ship_button)
        buttons.addWidget(self.label_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.result, 3)
        buttons.addStretch(1)
        lookup = QHBoxLayout()
        lookup.addWidget(self.trace_code, 1)
        lookup.addWidget(self.trace_button)
        box = QVBoxLayout(self.trace_box)
        box.addLayout(lookup)
        box.addWidget(self.trace_result)
        box.addWidget(self.trace_tree, 1)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.table, 3)
        self._layout.addWidget(self.empty)
        self._layout.addLayout(buttons)
        self._layout.addWidget(self.trace_box)
        show_outcome(
            self.trace_result,
            self.tr("买家或县里问货的来源时，输入或扫描标签上的溯源码。"),
            ok=None,
        )

    def _show_tree(self, shown: bool) -> None:
        """The answer takes the room it needs; with none, the list has it all."""
        self.trace_tree.setVisible(shown)
        self._layout.setStretchFactor(self.trace_box, 2 if shown else 0)

    def showEvent(self, event: QShowEvent) -> None:
        """Read again whenever the tab comes to the front: purchases on the 收购 tab
        change what this one shows."""
        super().showEvent(event)
        self.refresh()

    def set_operator(self, operator: OperatorInfo) -> None:
        self.controller.operator = operator
        self.refresh()

    # --- the list -------------------------------------------------------------------

    def refresh(self, select_uid: str | None = None) -> None:
        selected = self.selected()
        current = select_uid or (selected.uid if selected is not None else None)
        self._lots = self.controller.lots()
        rows: list[Row] = []
        tones: list[CellTones] = []
        for lot in self._lots:
            row, tone = self._row(lot)
            rows.append(row)
            tones.append(tone)
        self.model.set_toned_rows(rows, tones)
        index = self.model.row_of(current) if current else None
        if index is None and self._lots:
            index = 0
        if index is not None:
            self.table.selectRow(index)
        self.empty.setText(
            "" if self._lots else self.tr("站里没有批次：收购时会按品种和等级自动建批次。")
        )
        self.empty.setVisible(not self._lots)
        self._update_buttons()

    def _row(self, lot: LotView) -> tuple[Row, CellTones]:
        shipped = lot.status is LotStatus.SHIPPED
        tones: CellTones = {}
        status = lot_status_name(lot.status)
        if lot.status is LotStatus.OPEN and lot.business_day < self.controller.today().isoformat():
            # The day's purchases ended with the day; the lot waits to be shipped.
            status = self.tr("待发运")
        elif lot.status is LotStatus.OPEN:
            tones[STATUS_COLUMN] = GREEN
        if shipped and lot.shipped_to:
            status = self.tr("{status}（{to}）").format(status=status, to=lot.shipped_to)
        return (
            Row(
                (
                    lot.formatted_code,
                    lot.product_name,
                    lot.grade_name,
                    lot.business_day,
                    jin_kg(lot.held_g) if not shipped else jin_kg(lot.shipped_g),
                    str(lot.purchases) if lot.purchases else "",
                    status,
                    format_trace_code(lot.parent_trace_code) if lot.parent_trace_code else "",
                ),
                key=lot.uid,
                dimmed=shipped,
            ),
            tones,
        )

    def lots(self) -> list[LotView]:
        return list(self._lots)

    def selected(self) -> LotView | None:
        row = self.table.currentIndex().row()
        return self._lots[row] if 0 <= row < len(self._lots) else None

    def select(self, lot_uid: str) -> None:
        row = self.model.row_of(lot_uid)
        if row is not None:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        lot = self.selected()
        at_station = lot is not None and lot.status is not LotStatus.SHIPPED and lot.held_g > 0
        self.split_button.setEnabled(at_station)
        self.ship_button.setEnabled(at_station)
        self.label_button.setEnabled(lot is not None)

    # --- the steps ------------------------------------------------------------------

    def _require_selected(self) -> LotView | None:
        lot = self.selected()
        if lot is None:
            show_outcome(self.result, self.tr("请先在列表里选中一个批次。"), ok=False)
        return lot

    def _open(self, dialog: D, done: Callable[[], str]) -> D:
        dialog.accepted.connect(lambda: self._after_step(dialog.lot.uid, done()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after_step(self, lot_uid: str, text: str) -> None:
        show_outcome(self.result, text, ok=True)
        self.refresh(lot_uid)
        self.wrote.emit()

    def open_split(self) -> SplitDialog | None:
        lot = self._require_selected()
        if lot is None:
            return None
        made: list[LotView] = []

        def submit(parts_g: list[int]) -> None:
            made[:] = self.controller.split(lot.uid, parts_g)

        def done() -> str:
            codes = "、".join(child.formatted_code for child in made)
            return self.tr("已拆出 {count} 个新批次：{codes}。请给每份打印标签。").format(
                count=len(made), codes=codes
            )

        return self._open(SplitDialog(lot, submit, self), done)

    def open_ship(self) -> ShipDialog | None:
        lot = self._require_selected()
        if lot is None:
            return None
        shipped: list[LotView] = []

        def submit(to_kind: str, to_name: str) -> None:
            shipped[:] = [self.controller.ship(lot.uid, to_kind, to_name)]

        def done() -> str:
            view = shipped[0]
            return self.tr("批次 {code} 已发运 {weight} 到 {to}。").format(
                code=view.formatted_code,
                weight=jin_kg(view.shipped_g),
                to=view.shipped_to or ship_kind_name(view.shipped_to_kind or ""),
            )

        return self._open(ShipDialog(lot, submit, self), done)

    def print_label(self) -> str:
        """Prints the selected lot's label; answers what the result line says."""
        lot = self._require_selected()
        if lot is None:
            return ""
        printed = self.printer.print(self.controller.label(lot.uid, translate_core))
        text = printed.message
        if printed.ok:
            text = self.tr("批次 {code} 的标签：{message}").format(
                code=lot.formatted_code, message=printed.message
            )
        show_outcome(self.result, text, ok=printed.ok)
        return text

    # --- 溯源查询 ---------------------------------------------------------------------

    def look_up(self) -> TraceView | None:
        typed = self.trace_code.text().strip()
        self.trace_tree.clear()
        self._trace_lines = []
        if not typed:
            self._show_tree(False)
            show_outcome(self.trace_result, self.tr("请输入或扫描溯源码。"), ok=None)
            return None
        found = self.controller.trace(typed)
        self._own_code = self.controller.station_code()
        if found is None:
            self._show_tree(False)
            show_outcome(
                self.trace_result,
                self.tr("没有这个溯源码：{code}。请核对标签上的10位码。").format(code=typed),
                ok=False,
            )
            return None
        self._show_trace(found)
        return found

    def show_code(self, code: str) -> TraceView | None:
        """A scanned label: looked up at once (the page sends scans here)."""
        self.trace_code.setText(code)
        return self.look_up()

    def _show_trace(self, found: TraceView) -> None:
        lot = found.lot
        show_outcome(
            self.trace_result,
            self.tr(
                "批次 {code}：{product} {grade}，{day}；"
                "{farmers} 户农户，{count} 笔收购，共 {weight}。"
            ).format(
                code=lot.formatted_code,
                product=lot.product_name,
                grade=lot.grade_name,
                day=lot.business_day,
                farmers=found.farmers,
                count=len(found.purchases),
                weight=jin_kg(found.purchased_g),
            ),
            ok=True,
        )
        tree = self.trace_tree
        bold = QFont(tree.font())
        bold.setBold(True)

        self._trace_lines = []

        def branch(text: str, children: list[str]) -> None:
            self._trace_lines += [text, *("  " + child for child in children)]
            item = QTreeWidgetItem([text])
            item.setFont(0, bold)
            for child in children:
                item.addChild(QTreeWidgetItem([child]))
            tree.addTopLevelItem(item)
            item.setExpanded(True)

        branch(
            self.tr("农户和收购（{count} 笔）").format(count=len(found.purchases)),
            [
                self.tr(
                    "{farmer}（{village}）→ {number}　{day}　{grade}　{weight}　入批次 {lot}"
                ).format(
                    farmer=purchase.farmer_name,
                    village=self._village(purchase.village_name, purchase.village_code),
                    number=purchase.number,
                    day=purchase.business_day,
                    grade=purchase.grade_name,
                    weight=jin_kg(purchase.net_g),
                    lot=format_trace_code(purchase.lot_trace_code),
                )
                for purchase in found.purchases
            ]
            or [self.tr("（没有收购记录）")],
        )
        lineage = [
            self.tr("拆自批次 {code}（{day}）").format(
                code=parent.formatted_code, day=parent.business_day
            )
            for parent in found.ancestors
        ]
        lineage.append(
            self.tr("本批次 {code}：{status}，在站 {held}").format(
                code=lot.formatted_code,
                status=lot_status_name(lot.status),
                held=jin_kg(lot.held_g),
            )
        )
        lineage += [
            self.tr("拆出批次 {code}：{weight}，{status}").format(
                code=child.formatted_code,
                weight=jin_kg(child.split_in_g),
                status=lot_status_name(child.status),
            )
            for child in found.children
        ]
        branch(self.tr("批次"), lineage)
        branch(
            self.tr("发运"),
            [
                self.tr("批次 {code} → {to}　{day}　{weight}").format(
                    code=format_trace_code(shipment.trace_code),
                    to=self._destination(shipment.to_kind, shipment.to_name),
                    day=shipment.business_day,
                    weight=jin_kg(shipment.net_g),
                )
                for shipment in found.shipments
            ]
            or [self.tr("还没有发运")],
        )
        self._show_tree(True)

    def _village(self, name: str | None, code: str) -> str:
        return village_text(name, code, self._own_code)

    def _destination(self, kind: str, name: str) -> str:
        """县供销中心 once, not "县供销中心：县供销中心"; a buyer with its kind."""
        kind_name = ship_kind_name(kind)
        if not name or name == kind_name:
            return kind_name
        return self.tr("{kind}：{name}").format(kind=kind_name, name=name)

    def trace_lines(self) -> list[str]:
        """The tree as text, top to bottom (for tests and the page's screenshots)."""
        return list(self._trace_lines)
